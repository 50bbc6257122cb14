// Reading the SQLite store back: the per-document records (for the next write) and the
// derived graph (for exports, rendering and paths). Writing is in store.cpp.

#include <SQLiteCpp/SQLiteCpp.h>

#include <algorithm>
#include <string>

#include "export/store.h"
#include "extract/error.h"
#include "extract/offsets.h"

namespace kg::exporter {

using extract::DocumentResult;
using extract::OffsetMap;
using extract::Span;

namespace {

[[noreturn]] void corrupt(const Store& store, const std::string& what) {
  throw Error(store.path() + ": the database is damaged (" + what +
              "); rebuild it with `kg merge` from the map files");
}

uint32_t index_in(const Store& store, int64_t value, size_t size, const char* what) {
  if (value < 0 || static_cast<uint64_t>(value) >= size) {
    corrupt(store, std::string(what) + " " + std::to_string(value) + " out of range");
  }
  return static_cast<uint32_t>(value);
}

std::string text_or_empty(const SQLite::Column& c) {
  return c.isNull() ? std::string() : std::string(c.getText(), static_cast<size_t>(c.getBytes()));
}

Span chars(const SQLite::Statement& q, int first) {
  return Span{q.getColumn(first).getUInt(), q.getColumn(first + 1).getUInt()};
}

template <typename Enum, typename Parse>
Enum parse_or_corrupt(const Store& store, const SQLite::Column& c, Parse parse, const char* what) {
  const auto value = parse(std::string_view(c.getText(), static_cast<size_t>(c.getBytes())));
  if (!value) corrupt(store, std::string("unknown ") + what + " '" + c.getText() + "'");
  return *value;
}

// Documents with metadata and, if `text`, the text; returns the offset maps when `text`.
void read_document_rows(const Store& store, bool text, std::vector<extract::Document>& out) {
  SQLite::Statement q(store.db(), text ? "SELECT id, doc_id, name, title, source, url, date, text "
                                         "FROM documents ORDER BY id"
                                       : "SELECT id, doc_id, name, title, source, url, date "
                                         "FROM documents ORDER BY id");
  while (q.executeStep()) {
    if (q.getColumn(0).getInt64() != static_cast<int64_t>(out.size())) {
      corrupt(store, "document ids are not 0..n-1");
    }
    extract::Document& doc = out.emplace_back();
    doc.id = q.getColumn(1).getString();
    doc.name = text_or_empty(q.getColumn(2));
    doc.title = text_or_empty(q.getColumn(3));
    doc.source = text_or_empty(q.getColumn(4));
    doc.url = text_or_empty(q.getColumn(5));
    doc.date = text_or_empty(q.getColumn(6));
    if (text) doc.text = q.getColumn(7).getString();
  }
}

void read_sentences(const Store& store, const std::vector<OffsetMap>& maps,
                    std::vector<extract::Document>& docs) {
  SQLite::Statement q(store.db(), "SELECT document, start, end, paragraph_start FROM sentences "
                                  "ORDER BY document, idx");
  while (q.executeStep()) {
    const uint32_t d = index_in(store, q.getColumn(0).getInt64(), docs.size(), "document");
    extract::Sentence& s = docs[d].sentences.emplace_back();
    s.span = maps[d].to_bytes(chars(q, 1));
    s.paragraph_start = q.getColumn(3).getInt() != 0;
  }
}

}  // namespace

std::vector<DocumentResult> read_documents(const Store& store) {
  SQLite::Database& db = store.db();
  std::vector<extract::Document> docs;
  read_document_rows(store, true, docs);
  std::vector<DocumentResult> out(docs.size());
  std::vector<OffsetMap> maps;
  maps.reserve(docs.size());
  for (size_t d = 0; d < docs.size(); ++d) {
    out[d].document = std::move(docs[d]);
    maps.emplace_back(out[d].document.text);
  }
  {
    SQLite::Statement q(db, "SELECT document, start, end FROM paragraphs ORDER BY document, idx");
    while (q.executeStep()) {
      const uint32_t d = index_in(store, q.getColumn(0).getInt64(), out.size(), "document");
      out[d].document.paragraphs.push_back(maps[d].to_bytes(chars(q, 1)));
    }
  }
  {
    SQLite::Statement q(db, "SELECT document, start, end, paragraph_start FROM sentences "
                            "ORDER BY document, idx");
    while (q.executeStep()) {
      const uint32_t d = index_in(store, q.getColumn(0).getInt64(), out.size(), "document");
      extract::Sentence& s = out[d].document.sentences.emplace_back();
      s.span = maps[d].to_bytes(chars(q, 1));
      s.paragraph_start = q.getColumn(3).getInt() != 0;
    }
  }
  {
    SQLite::Statement q(db, "SELECT document, name, type FROM local_entities ORDER BY document, idx");
    while (q.executeStep()) {
      const uint32_t d = index_in(store, q.getColumn(0).getInt64(), out.size(), "document");
      extract::Entity& e = out[d].entities.emplace_back();
      e.name = q.getColumn(1).getString();
      e.type = parse_or_corrupt<extract::EntityType>(store, q.getColumn(2), extract::parse_entity_type,
                                                     "entity type");
    }
  }
  {
    SQLite::Statement q(db, "SELECT document, local_entity, title FROM titles "
                            "ORDER BY document, local_entity, idx");
    while (q.executeStep()) {
      const uint32_t d = index_in(store, q.getColumn(0).getInt64(), out.size(), "document");
      const uint32_t e =
          index_in(store, q.getColumn(1).getInt64(), out[d].entities.size(), "local entity");
      out[d].entities[e].titles.push_back(q.getColumn(2).getString());
    }
  }
  {
    SQLite::Statement q(db, "SELECT document, local_entity, sentence, start, end, rule "
                            "FROM mentions ORDER BY document, idx");
    while (q.executeStep()) {
      const uint32_t d = index_in(store, q.getColumn(0).getInt64(), out.size(), "document");
      extract::Mention& m = out[d].mentions.emplace_back();
      m.entity = static_cast<int>(
          index_in(store, q.getColumn(1).getInt64(), out[d].entities.size(), "local entity"));
      m.sentence = static_cast<int>(index_in(store, q.getColumn(2).getInt64(),
                                             out[d].document.sentences.size(), "sentence"));
      m.span = maps[d].to_bytes(chars(q, 3));
      m.rule = parse_or_corrupt<extract::LinkRule>(store, q.getColumn(5), extract::parse_link_rule,
                                                   "link rule");
    }
  }
  {
    SQLite::Statement q(db, "SELECT document, subject, relation, object, sentence, start, end, "
                            "negated, modality, attributed_to, confidence "
                            "FROM triples ORDER BY document, idx");
    while (q.executeStep()) {
      const uint32_t d = index_in(store, q.getColumn(0).getInt64(), out.size(), "document");
      const size_t entities = out[d].entities.size();
      extract::Triple& t = out[d].triples.emplace_back();
      t.subject = static_cast<int>(index_in(store, q.getColumn(1).getInt64(), entities, "subject"));
      t.relation = q.getColumn(2).getString();
      t.object = static_cast<int>(index_in(store, q.getColumn(3).getInt64(), entities, "object"));
      t.sentence = static_cast<int>(index_in(store, q.getColumn(4).getInt64(),
                                             out[d].document.sentences.size(), "sentence"));
      t.evidence = maps[d].to_bytes(chars(q, 5));
      t.negated = q.getColumn(7).getInt() != 0;
      t.modality = text_or_empty(q.getColumn(8));
      if (!q.getColumn(9).isNull()) {
        t.attributed_to =
            static_cast<int>(index_in(store, q.getColumn(9).getInt64(), entities, "attributed_to"));
      }
      t.confidence = q.getColumn(10).getDouble();
    }
  }
  {
    SQLite::Statement q(db, "SELECT document, triple, role, text, start, end FROM arguments "
                            "ORDER BY document, triple, idx");
    while (q.executeStep()) {
      const uint32_t d = index_in(store, q.getColumn(0).getInt64(), out.size(), "document");
      const uint32_t t =
          index_in(store, q.getColumn(1).getInt64(), out[d].triples.size(), "triple");
      extract::Argument& a = out[d].triples[t].arguments.emplace_back();
      a.role = parse_or_corrupt<extract::ArgumentRole>(store, q.getColumn(2),
                                                       extract::parse_argument_role, "argument role");
      a.text = q.getColumn(3).getString();
      a.span = maps[d].to_bytes(chars(q, 4));
    }
  }
  return out;
}

graph::KnowledgeGraph load_graph(const Store& store, const LoadOptions& options) {
  SQLite::Database& db = store.db();
  const bool attributes = options.attributes || options.text;
  graph::KnowledgeGraph g;
  read_document_rows(store, options.text, g.documents);
  std::vector<OffsetMap> maps;
  if (options.text) {
    maps.reserve(g.documents.size());
    for (const extract::Document& doc : g.documents) maps.emplace_back(doc.text);
    read_sentences(store, maps, g.documents);
  }
  {
    SQLite::Statement q(db, "SELECT id, label, type, key, mentions FROM entities ORDER BY id");
    while (q.executeStep()) {
      if (q.getColumn(0).getInt64() != static_cast<int64_t>(g.nodes.size())) {
        corrupt(store, "entity ids are not 0..n-1");
      }
      graph::Node& node = g.nodes.emplace_back();
      node.label = q.getColumn(1).getString();
      node.type = parse_or_corrupt<extract::EntityType>(store, q.getColumn(2),
                                                        extract::parse_entity_type, "entity type");
      node.key = q.getColumn(3).getString();
      node.mention_count = q.getColumn(4).getUInt();
    }
  }
  if (attributes) {
    SQLite::Statement q(db, "SELECT entity, name, mentions, documents FROM aliases "
                            "ORDER BY entity, name");
    while (q.executeStep()) {
      const uint32_t n = index_in(store, q.getColumn(0).getInt64(), g.nodes.size(), "entity");
      g.nodes[n].aliases.push_back(graph::Alias{q.getColumn(1).getString(),
                                                q.getColumn(2).getUInt(), q.getColumn(3).getUInt()});
    }
  }
  // Local entities: members and sources of each node.
  std::vector<std::vector<uint32_t>> node_of_local(g.documents.size());
  if (attributes) {
    SQLite::Statement q(db, "SELECT document, idx, entity FROM local_entities ORDER BY document, idx");
    while (q.executeStep()) {
      const uint32_t d = index_in(store, q.getColumn(0).getInt64(), g.documents.size(), "document");
      const uint32_t n = index_in(store, q.getColumn(2).getInt64(), g.nodes.size(), "entity");
      graph::Node& node = g.nodes[n];
      node.members.push_back(graph::LocalRef{d, q.getColumn(1).getUInt()});
      if (node.sources.empty() || node.sources.back() != d) node.sources.push_back(d);
      node_of_local[d].push_back(n);
    }
  }
  auto node_of = [&](uint32_t d, int64_t local) {
    return node_of_local[d][index_in(store, local, node_of_local[d].size(), "local entity")];
  };
  if (attributes) {
    SQLite::Statement q(db, "SELECT document, local_entity, title FROM titles");
    while (q.executeStep()) {
      const uint32_t d = index_in(store, q.getColumn(0).getInt64(), g.documents.size(), "document");
      g.nodes[node_of(d, q.getColumn(1).getInt64())].titles.push_back(q.getColumn(2).getString());
    }
    for (graph::Node& node : g.nodes) {
      std::sort(node.titles.begin(), node.titles.end());
      node.titles.erase(std::unique(node.titles.begin(), node.titles.end()), node.titles.end());
    }
  }
  if (options.text) {
    SQLite::Statement q(db, "SELECT document, local_entity, sentence, start, end, rule "
                            "FROM mentions ORDER BY document, idx");
    while (q.executeStep()) {
      const uint32_t d = index_in(store, q.getColumn(0).getInt64(), g.documents.size(), "document");
      g.nodes[node_of(d, q.getColumn(1).getInt64())].mentions.push_back(graph::NodeMention{
          d, q.getColumn(2).getUInt(), maps[d].to_bytes(chars(q, 3)),
          parse_or_corrupt<extract::LinkRule>(store, q.getColumn(5), extract::parse_link_rule,
                                              "link rule")});
    }
    for (graph::Node& node : g.nodes) {
      std::sort(node.mentions.begin(), node.mentions.end(),
                [](const graph::NodeMention& a, const graph::NodeMention& b) {
                  return std::tie(a.document, a.span, a.sentence, a.rule) <
                         std::tie(b.document, b.span, b.sentence, b.rule);
                });
    }
  }
  {
    SQLite::Statement q(db, "SELECT id, source, target, relation, negated, modality, weight, "
                            "confidence FROM edges ORDER BY id");
    while (q.executeStep()) {
      if (q.getColumn(0).getInt64() != static_cast<int64_t>(g.edges.size())) {
        corrupt(store, "edge ids are not 0..n-1");
      }
      graph::Edge& edge = g.edges.emplace_back();
      edge.source = index_in(store, q.getColumn(1).getInt64(), g.nodes.size(), "edge source");
      edge.target = index_in(store, q.getColumn(2).getInt64(), g.nodes.size(), "edge target");
      edge.relation = q.getColumn(3).getString();
      edge.negated = q.getColumn(4).getInt() != 0;
      edge.modality = text_or_empty(q.getColumn(5));
      edge.weight = q.getColumn(6).getUInt();
      edge.confidence = q.getColumn(7).getDouble();
    }
  }
  if (attributes) {
    SQLite::Statement q(db, "SELECT edge, document, triple FROM evidence ORDER BY edge, idx");
    uint32_t next = 0;  // the first edge whose evidence range is not started yet
    while (q.executeStep()) {
      const uint32_t e = index_in(store, q.getColumn(0).getInt64(), g.edges.size(), "edge");
      if (e + 1 < next) corrupt(store, "evidence out of order");
      for (; next <= e; ++next) {
        g.edges[next].evidence_begin = g.edges[next].evidence_end =
            static_cast<uint32_t>(g.evidence.size());
      }
      graph::Evidence& ev = g.evidence.emplace_back();
      ev.document = index_in(store, q.getColumn(1).getInt64(), g.documents.size(), "document");
      ev.triple = q.getColumn(2).getUInt();
      g.edges[e].evidence_end = static_cast<uint32_t>(g.evidence.size());
    }
    for (; next < g.edges.size(); ++next) {
      g.edges[next].evidence_begin = g.edges[next].evidence_end =
          static_cast<uint32_t>(g.evidence.size());
    }
  }
  if (options.text && !g.evidence.empty()) {
    // Triple details per document, then copied into each evidence that cites the triple.
    struct Detail {
      uint32_t sentence;
      Span span;
      double confidence;
      int32_t attributed_to;
      std::vector<extract::Argument> arguments;
    };
    std::vector<std::vector<Detail>> details(g.documents.size());
    {
      SQLite::Statement q(db, "SELECT document, sentence, start, end, confidence, attributed_to "
                              "FROM triples ORDER BY document, idx");
      while (q.executeStep()) {
        const uint32_t d = index_in(store, q.getColumn(0).getInt64(), g.documents.size(), "document");
        const SQLite::Column by = q.getColumn(5);
        details[d].push_back(Detail{q.getColumn(1).getUInt(), maps[d].to_bytes(chars(q, 2)),
                                    q.getColumn(4).getDouble(),
                                    by.isNull() ? -1 : static_cast<int32_t>(node_of(d, by.getInt64())),
                                    {}});
      }
    }
    {
      SQLite::Statement q(db, "SELECT document, triple, role, text, start, end FROM arguments "
                              "ORDER BY document, triple, idx");
      while (q.executeStep()) {
        const uint32_t d = index_in(store, q.getColumn(0).getInt64(), g.documents.size(), "document");
        const uint32_t t = index_in(store, q.getColumn(1).getInt64(), details[d].size(), "triple");
        extract::Argument& a = details[d][t].arguments.emplace_back();
        a.role = parse_or_corrupt<extract::ArgumentRole>(store, q.getColumn(2),
                                                         extract::parse_argument_role,
                                                         "argument role");
        a.text = q.getColumn(3).getString();
        a.span = maps[d].to_bytes(chars(q, 4));
      }
    }
    for (graph::Evidence& ev : g.evidence) {
      Detail& detail = details[ev.document][index_in(store, ev.triple, details[ev.document].size(),
                                                     "triple")];
      ev.sentence = detail.sentence;
      ev.span = detail.span;
      ev.confidence = detail.confidence;
      ev.attributed_to = detail.attributed_to;
      ev.arguments = detail.arguments;
    }
  }
  if (options.merges) {
    SQLite::Statement q(db, "SELECT document, local_entity, rule, anchor_document, "
                            "anchor_local_entity, evidence FROM merges ORDER BY document, local_entity");
    while (q.executeStep()) {
      graph::MergeDecision& m = g.merges.emplace_back();
      m.member = {q.getColumn(0).getUInt(), q.getColumn(1).getUInt()};
      m.rule = parse_or_corrupt<graph::MergeRule>(store, q.getColumn(2), graph::parse_merge_rule,
                                                  "merge rule");
      m.anchor = {q.getColumn(3).getUInt(), q.getColumn(4).getUInt()};
      m.evidence = q.getColumn(5).getString();
    }
  }
  g.build_topology();
  return g;
}

}  // namespace kg::exporter
