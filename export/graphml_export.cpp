#include "export/graphml_export.h"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <algorithm>
#include <charconv>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "export/buffered_output.h"
#include "graph/algorithms.h"

namespace kg::exporter {

namespace {

// Appends `text` escaped for XML character data and attribute values to `out` (a
// BufferedOutput or a std::string). Runs of characters that need no escaping (nearly all of
// them) are copied in one piece.
template <typename Out>
void put_escaped(Out& out, std::string_view text) {
  size_t run = 0;  // where the characters not yet written begin
  for (size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    std::string_view replacement;
    size_t skip = 0;  // characters replaced after the one at i
    switch (c) {
      case '&': replacement = "&amp;"; break;
      case '<': replacement = "&lt;"; break;
      case '>': replacement = "&gt;"; break;
      case '"': replacement = "&quot;"; break;
      case '\r': replacement = "&#13;"; break;  // a raw CR would be read back as a newline
      case '\t':
      case '\n': continue;
      default:
        if (c < 0x20 || c == 0x7F) {
          replacement = "\xEF\xBF\xBD";  // not allowed in XML 1.0, not even as a reference
        } else if (c == 0xEF && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0xBF &&
                   (static_cast<unsigned char>(text[i + 2]) == 0xBE ||
                    static_cast<unsigned char>(text[i + 2]) == 0xBF)) {
          replacement = "\xEF\xBF\xBD";  // U+FFFE, U+FFFF
          skip = 2;
        } else {
          continue;
        }
    }
    out.append(text.substr(run, i - run));
    out.append(replacement);
    i += skip;
    run = i + 1;
  }
  out.append(text.substr(run));
}

template <typename Number>
void put_number(BufferedOutput& out, Number value) {
  char text[32];
  const auto result = std::to_chars(text, text + sizeof text, value);
  out.append(std::string_view(text, static_cast<size_t>(result.ptr - text)));
}

void start_data(BufferedOutput& out, std::string_view key) {
  out.append("<data key=\"");
  out.append(key);
  out.append("\">");
}

// One <data> element with a text value.
void data(BufferedOutput& out, std::string_view key, std::string_view value) {
  start_data(out, key);
  put_escaped(out, value);
  out.append("</data>");
}

// One <data> element with a number (nothing to escape).
template <typename Number>
void data_number(BufferedOutput& out, std::string_view key, Number value) {
  start_data(out, key);
  put_number(out, value);
  out.append("</data>");
}

// One <data> element with a list of strings as a JSON array, built in `scratch`.
template <typename Strings>
void data_list(BufferedOutput& out, std::string_view key, const Strings& items,
               rapidjson::StringBuffer& scratch) {
  scratch.Clear();
  rapidjson::Writer<rapidjson::StringBuffer> w(scratch);
  w.StartArray();
  for (std::string_view s : items) w.String(s.data(), static_cast<rapidjson::SizeType>(s.size()));
  w.EndArray();
  data(out, key, std::string_view(scratch.GetString(), scratch.GetSize()));
}

// The "sources" lists hold document ids, a million times over: each id is quoted as JSON and
// escaped as XML once, by escaped_ids(). Escaping the list is escaping its pieces, since the
// brackets and commas need none and no escaped sequence spans two pieces.
std::vector<std::string> escaped_ids(const std::vector<extract::Document>& documents) {
  std::vector<std::string> out;
  out.reserve(documents.size());
  rapidjson::StringBuffer quoted;
  for (const extract::Document& doc : documents) {
    quoted.Clear();
    rapidjson::Writer<rapidjson::StringBuffer> w(quoted);
    w.String(doc.id.data(), static_cast<rapidjson::SizeType>(doc.id.size()));
    put_escaped(out.emplace_back(), std::string_view(quoted.GetString(), quoted.GetSize()));
  }
  return out;
}

void data_sources(BufferedOutput& out, std::string_view key, std::span<const uint32_t> documents,
                  const std::vector<std::string>& escaped_ids) {
  start_data(out, key);
  out.append("[");
  for (size_t i = 0; i < documents.size(); ++i) {
    if (i > 0) out.append(",");
    out.append(escaped_ids[documents[i]]);
  }
  out.append("]</data>");
}

struct Key {
  const char* id;
  const char* domain;  // "node" or "edge"
  const char* name;
  const char* type;
};

constexpr Key kKeys[] = {
    {"label", "node", "label", "string"},
    {"type", "node", "type", "string"},
    {"aliases", "node", "aliases", "string"},
    {"titles", "node", "titles", "string"},
    {"mentions", "node", "mentions", "int"},
    {"documents", "node", "documents", "int"},
    {"degree", "node", "degree", "int"},
    {"sources", "node", "sources", "string"},
    {"edge_label", "edge", "label", "string"},
    {"relation", "edge", "relation", "string"},
    {"weight", "edge", "weight", "double"},
    {"negated", "edge", "negated", "boolean"},
    {"modality", "edge", "modality", "string"},
    {"confidence", "edge", "confidence", "double"},
    {"evidence", "edge", "evidence", "int"},
    {"edge_sources", "edge", "sources", "string"},
};

}  // namespace

void write_graphml(const graph::KnowledgeGraph& g, std::ostream& stream) {
  BufferedOutput out(stream);
  out.append(
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"\n"
      "         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
      "         xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
      "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n");
  for (const Key& k : kKeys) {
    out.append("  <key id=\"");
    out.append(k.id);
    out.append("\" for=\"");
    out.append(k.domain);
    out.append("\" attr.name=\"");
    out.append(k.name);
    out.append("\" attr.type=\"");
    out.append(k.type);
    out.append("\"/>\n");
  }
  out.append("  <graph id=\"kg\" edgedefault=\"directed\">\n");

  const graph::Degrees degrees = graph::degrees(g);
  const std::vector<std::string> ids = escaped_ids(g.documents);
  rapidjson::StringBuffer scratch;
  std::vector<std::string_view> items;
  for (uint32_t n = 0; n < g.nodes.size(); ++n) {
    const graph::Node& node = g.nodes[n];
    out.append("    <node id=\"n");
    put_number(out, n);
    out.append("\">");
    data(out, "label", node.label);
    data(out, "type", extract::to_string(node.type));
    items.clear();
    for (const graph::Alias& a : node.aliases) items.push_back(a.name);
    data_list(out, "aliases", items, scratch);
    data_list(out, "titles", node.titles, scratch);
    data_number(out, "mentions", node.mention_count);
    data_number(out, "documents", node.sources.size());
    data_number(out, "degree", degrees.degree[n]);
    data_sources(out, "sources", node.sources, ids);
    out.append("</node>\n");
  }
  std::vector<uint32_t> sources;
  for (uint32_t e = 0; e < g.edges.size(); ++e) {
    const graph::Edge& edge = g.edges[e];
    out.append("    <edge id=\"e");
    put_number(out, e);
    out.append("\" source=\"n");
    put_number(out, edge.source);
    out.append("\" target=\"n");
    put_number(out, edge.target);
    out.append("\">");
    data(out, "edge_label", edge.relation);
    data(out, "relation", edge.relation);
    data_number(out, "weight", edge.weight);
    data(out, "negated", edge.negated ? "true" : "false");
    if (!edge.modality.empty()) data(out, "modality", edge.modality);
    data_number(out, "confidence", edge.confidence);
    data_number(out, "evidence", edge.evidence_end - edge.evidence_begin);
    sources.clear();  // edge_sources() without a vector per edge
    for (const graph::Evidence& ev : g.edge_evidence(edge)) {
      if (sources.empty() || sources.back() != ev.document) sources.push_back(ev.document);
    }
    data_sources(out, "edge_sources", sources, ids);
    out.append("</edge>\n");
  }
  out.append("  </graph>\n</graphml>\n");
  out.finish();
}

}  // namespace kg::exporter
