#include "export/json_export.h"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <charconv>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "export/buffered_output.h"
#include "extract/offsets.h"

namespace kg::exporter {

namespace {

using Writer = rapidjson::Writer<BufferedOutput>;

// Keys are literals without characters to escape: written as the quoted key, through the
// writer (which still places the commas and colons), without scanning them for escapes.
template <size_t N>
void key(Writer& w, const char (&k)[N]) {
  char quoted[N + 1];
  quoted[0] = '"';
  std::memcpy(quoted + 1, k, N - 1);
  quoted[N] = '"';
  w.RawValue(quoted, N + 1, rapidjson::kStringType);
}
void string(Writer& w, std::string_view s) {
  w.String(s.data(), static_cast<rapidjson::SizeType>(s.size()));
}
void string_or_null(Writer& w, std::string_view s) {
  if (s.empty()) {
    w.Null();
  } else {
    string(w, s);
  }
}
void id(Writer& w, char prefix, uint32_t index) {
  char text[16];
  text[0] = prefix;
  const auto end = std::to_chars(text + 1, text + sizeof text, index).ptr;
  w.String(text, static_cast<rapidjson::SizeType>(end - text));
}
void chars_span(Writer& w, extract::Span chars) {
  key(w, "start");
  w.Uint(chars.start);
  key(w, "end");
  w.Uint(chars.end);
}

void span(Writer& w, const extract::OffsetMap& map, extract::Span bytes) {
  const extract::Span chars = map.to_chars(bytes);
  key(w, "start");
  w.Uint(chars.start);
  key(w, "end");
  w.Uint(chars.end);
}

}  // namespace

void write_json(const graph::KnowledgeGraph& g, std::ostream& out) {
  BufferedOutput buffer(out);
  Writer w(buffer);
  // One document, node or edge per line (diffable, greppable); the writer is reset for each
  // element because it writes one JSON value at a time.
  bool first = true;
  auto element = [&]() {
    buffer.append(first ? "\n" : ",\n");
    first = false;
    w.Reset(buffer);
  };
  auto section = [&](const char* open) {
    buffer.append(open);
    first = true;
  };
  // Mentions and evidence carry their code point spans; only argument spans are converted,
  // with each document's offset table built when first needed.
  std::vector<std::optional<extract::OffsetMap>> maps(g.documents.size());
  auto map_of = [&](uint32_t d) -> const extract::OffsetMap& {
    if (!maps[d]) maps[d].emplace(g.documents[d].text);
    return *maps[d];
  };
  // Document ids are written once per mention and evidence: each is quoted and escaped by
  // RapidJSON once, then copied.
  std::vector<std::string> quoted_ids;
  quoted_ids.reserve(g.documents.size());
  for (const extract::Document& doc : g.documents) {
    rapidjson::StringBuffer quoted;
    rapidjson::Writer<rapidjson::StringBuffer> quote(quoted);
    quote.String(doc.id.data(), static_cast<rapidjson::SizeType>(doc.id.size()));
    quoted_ids.emplace_back(quoted.GetString(), quoted.GetSize());
  }
  auto doc_id = [&](uint32_t d) {
    w.RawValue(quoted_ids[d].data(), quoted_ids[d].size(), rapidjson::kStringType);
  };

  section("{\"documents\":[");
  for (const extract::Document& doc : g.documents) {
    element();
    w.StartObject();
    key(w, "id");
    string(w, doc.id);
    key(w, "source");
    string_or_null(w, doc.source);
    key(w, "title");
    string_or_null(w, doc.title);
    key(w, "url");
    string_or_null(w, doc.url);
    key(w, "date");
    string_or_null(w, doc.date);
    w.EndObject();
  }
  section("],\n\"nodes\":[");
  for (uint32_t n = 0; n < g.nodes.size(); ++n) {
    const graph::Node& node = g.nodes[n];
    element();
    w.StartObject();
    key(w, "id");
    id(w, 'n', n);
    key(w, "label");
    string(w, node.label);
    key(w, "type");
    string(w, extract::to_string(node.type));
    key(w, "aliases");
    w.StartArray();
    for (const graph::Alias& alias : node.aliases) string(w, alias.name);
    w.EndArray();
    key(w, "titles");
    w.StartArray();
    for (const std::string& title : node.titles) string(w, title);
    w.EndArray();
    key(w, "mentions");
    w.StartArray();
    for (const graph::NodeMention& m : node.mentions) {
      w.StartObject();
      key(w, "doc");
      doc_id(m.document);
      chars_span(w, m.chars);
      w.EndObject();
    }
    w.EndArray();
    key(w, "sources");
    w.StartArray();
    for (uint32_t d : node.sources) doc_id(d);
    w.EndArray();
    w.EndObject();
  }
  section("],\n\"edges\":[");
  for (uint32_t e = 0; e < g.edges.size(); ++e) {
    const graph::Edge& edge = g.edges[e];
    element();
    w.StartObject();
    key(w, "id");
    id(w, 'e', e);
    key(w, "source");
    id(w, 'n', edge.source);
    key(w, "target");
    id(w, 'n', edge.target);
    key(w, "relation");
    string(w, edge.relation);
    key(w, "weight");
    w.Uint(edge.weight);
    key(w, "negated");
    w.Bool(edge.negated);
    key(w, "modality");
    string_or_null(w, edge.modality);
    key(w, "sources");
    w.StartArray();
    const uint32_t no_document = static_cast<uint32_t>(g.documents.size());
    uint32_t last = no_document;  // the distinct documents, in order (edge_sources())
    for (const graph::Evidence& ev : g.edge_evidence(edge)) {
      if (ev.document != last) doc_id(ev.document);
      last = ev.document;
    }
    w.EndArray();
    key(w, "evidence");
    w.StartArray();
    for (const graph::Evidence& ev : g.edge_evidence(edge)) {
      const extract::Document& doc = g.documents[ev.document];
      w.StartObject();
      key(w, "doc");
      doc_id(ev.document);
      key(w, "sentence");
      if (ev.sentence < doc.sentences.size()) {
        const extract::Span s = doc.sentences[ev.sentence].span;
        string(w, std::string_view(doc.text).substr(s.start, s.size()));
      } else {
        w.Null();  // loaded without texts
      }
      chars_span(w, ev.chars);
      key(w, "confidence");
      w.Double(ev.confidence);
      key(w, "attributed_to");
      if (ev.attributed_to < 0) {
        w.Null();
      } else {
        id(w, 'n', static_cast<uint32_t>(ev.attributed_to));
      }
      key(w, "arguments");
      w.StartArray();
      for (const extract::Argument& a : ev.arguments) {
        w.StartObject();
        key(w, "role");
        string(w, extract::to_string(a.role));
        key(w, "text");
        string(w, a.text);
        span(w, map_of(ev.document), a.span);
        w.EndObject();
      }
      w.EndArray();
      w.EndObject();
    }
    w.EndArray();
    w.EndObject();
  }
  buffer.append("]}\n");
  buffer.finish();
}

}  // namespace kg::exporter
