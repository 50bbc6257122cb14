// Reading the SQLite store back: the per-document records (for the next write) and the
// derived graph (for exports, rendering and paths). Writing is in store.cpp. The loops read
// millions of rows, so they use the C API wrapper (export/sqlite_statement.h).

#include <SQLiteCpp/SQLiteCpp.h>

#include <algorithm>
#include <future>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "export/sqlite_statement.h"
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

Span chars(const Statement& q, int first) { return Span{q.u32(first), q.u32(first + 1)}; }

template <typename Enum, typename Parse>
Enum parse_or_corrupt(const Store& store, std::string_view text, Parse parse, const char* what) {
  const auto value = parse(text);
  if (!value) corrupt(store, std::string("unknown ") + what + " '" + std::string(text) + "'");
  return *value;
}

sqlite3* handle(const Store& store) { return store.db().getHandle(); }

// Items read in document order, each for one of the nodes (`rows`: node index and item), given
// to the nodes: a million rows for 100k nodes appended row by row to the nodes' vectors missed
// the cache on nearly every row and grew each vector several times. A stable counting sort by
// node instead, then each node's items copied into its vector at its exact size; each node's
// items keep the order of the rows.
template <typename Item>
void give_to_nodes(const std::vector<std::pair<uint32_t, Item>>& rows,
                   std::vector<graph::Node>& nodes, std::vector<Item> graph::Node::*items) {
  std::vector<uint32_t> start(nodes.size() + 1, 0);
  for (const auto& row : rows) ++start[row.first + 1];
  for (size_t n = 0; n < nodes.size(); ++n) start[n + 1] += start[n];
  std::vector<Item> by_node(rows.size());
  std::vector<uint32_t> next(start.begin(), start.end() - 1);
  for (const auto& row : rows) by_node[next[row.first]++] = row.second;
  for (size_t n = 0; n < nodes.size(); ++n) {
    (nodes[n].*items).assign(by_node.begin() + start[n], by_node.begin() + start[n + 1]);
  }
}

// Documents with metadata and, if `text`, the text.
void read_document_rows(const Store& store, bool text, std::vector<extract::Document>& out) {
  Statement q(handle(store), text ? "SELECT id, doc_id, name, title, source, url, date, text "
                                    "FROM documents ORDER BY id"
                                  : "SELECT id, doc_id, name, title, source, url, date "
                                    "FROM documents ORDER BY id");
  while (q.step()) {
    if (q.integer(0) != static_cast<int64_t>(out.size())) corrupt(store, "document ids are not 0..n-1");
    extract::Document& doc = out.emplace_back();
    doc.id = q.text(1);
    doc.name = q.text(2);
    doc.title = q.text(3);
    doc.source = q.text(4);
    doc.url = q.text(5);
    doc.date = q.text(6);
    if (text) doc.text = q.text(7);
  }
}

// What an evidence copies from the triple it cites. Read on the second thread, which has
// neither the offset tables nor the nodes: load_graph() adds the byte span, and gives the
// evidence the node of `attributed_local`.
struct TripleDetail {
  uint32_t sentence = 0;
  Span span;
  Span chars;
  double confidence = 0;
  int64_t attributed_local = -1;  // local entity in the triple's document; -1 if stated directly
  std::vector<extract::Argument> arguments;
};

// A sentence as stored, before its span is converted to bytes.
struct SentenceRow {
  uint32_t document = 0;
  Span chars;
  bool paragraph_start = false;
};

// What load_graph() reads on its second thread: the edges, their evidence (documents and
// triples) and, with the texts, the triples' details (per document, in triple order) and the
// sentences.
struct EdgeTables {
  std::vector<graph::Edge> edges;
  std::vector<graph::Evidence> evidence;
  std::vector<std::vector<TripleDetail>> details;
  std::vector<SentenceRow> sentences;
};

// The edges, their evidence if `evidence`, the triples' details and the sentences if `text`:
// they need nothing else loaded but the numbers of nodes and documents (for the range checks),
// so load_graph() reads them on a second connection and thread while it reads the rest.
EdgeTables read_edges(const Store& store, bool evidence, bool text, size_t nodes,
                      size_t documents) {
  sqlite3* db = handle(store);
  EdgeTables out;
  {
    Statement q(db, "SELECT id, source, target, relation, negated, modality, weight, confidence "
                    "FROM edges ORDER BY id");
    while (q.step()) {
      if (q.integer(0) != static_cast<int64_t>(out.edges.size())) {
        corrupt(store, "edge ids are not 0..n-1");
      }
      graph::Edge& edge = out.edges.emplace_back();
      edge.source = index_in(store, q.integer(1), nodes, "edge source");
      edge.target = index_in(store, q.integer(2), nodes, "edge target");
      edge.relation = q.text(3);
      edge.negated = q.integer(4) != 0;
      edge.modality = q.text(5);
      edge.weight = q.u32(6);
      edge.confidence = q.real(7);
    }
  }
  if (evidence) {
    Statement q(db, "SELECT edge, document, triple FROM evidence ORDER BY edge, idx");
    uint32_t next = 0;  // the first edge whose evidence range is not started yet
    while (q.step()) {
      const uint32_t e = index_in(store, q.integer(0), out.edges.size(), "edge");
      if (e + 1 < next) corrupt(store, "evidence out of order");
      for (; next <= e; ++next) {
        out.edges[next].evidence_begin = out.edges[next].evidence_end =
            static_cast<uint32_t>(out.evidence.size());
      }
      graph::Evidence& ev = out.evidence.emplace_back();
      ev.document = index_in(store, q.integer(1), documents, "document");
      ev.triple = q.u32(2);
      out.edges[e].evidence_end = static_cast<uint32_t>(out.evidence.size());
    }
    for (; next < out.edges.size(); ++next) {
      out.edges[next].evidence_begin = out.edges[next].evidence_end =
          static_cast<uint32_t>(out.evidence.size());
    }
  }
  if (text && !out.evidence.empty()) {
    out.details.resize(documents);
    Statement q(db, "SELECT document, sentence, start, end, confidence, attributed_to "
                    "FROM triples ORDER BY document, idx");
    while (q.step()) {
      const uint32_t d = index_in(store, q.integer(0), documents, "document");
      out.details[d].push_back(TripleDetail{.sentence = q.u32(1),
                                            .span = {},  // bytes: load_graph() converts
                                            .chars = chars(q, 2),
                                            .confidence = q.real(4),
                                            .attributed_local = q.is_null(5) ? -1 : q.integer(5),
                                            .arguments = {}});
    }
  }
  if (text) {
    Statement q(db, "SELECT document, start, end, paragraph_start FROM sentences "
                    "ORDER BY document, idx");
    while (q.step()) {
      out.sentences.push_back(SentenceRow{index_in(store, q.integer(0), documents, "document"),
                                          chars(q, 1), q.integer(3) != 0});
    }
  }
  return out;
}

}  // namespace

std::vector<DocumentResult> read_documents(const Store& store) {
  sqlite3* db = handle(store);
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
    Statement q(db, "SELECT document, start, end FROM paragraphs ORDER BY document, idx");
    while (q.step()) {
      const uint32_t d = index_in(store, q.integer(0), out.size(), "document");
      out[d].document.paragraphs.push_back(maps[d].to_bytes(chars(q, 1)));
    }
  }
  {
    Statement q(db, "SELECT document, start, end, paragraph_start FROM sentences "
                    "ORDER BY document, idx");
    while (q.step()) {
      const uint32_t d = index_in(store, q.integer(0), out.size(), "document");
      extract::Sentence& s = out[d].document.sentences.emplace_back();
      s.span = maps[d].to_bytes(chars(q, 1));
      s.paragraph_start = q.integer(3) != 0;
    }
  }
  {
    Statement q(db, "SELECT document, name, type FROM local_entities ORDER BY document, idx");
    while (q.step()) {
      const uint32_t d = index_in(store, q.integer(0), out.size(), "document");
      extract::Entity& e = out[d].entities.emplace_back();
      e.name = q.text(1);
      e.type = parse_or_corrupt<extract::EntityType>(store, q.text(2), extract::parse_entity_type,
                                                     "entity type");
    }
  }
  {
    Statement q(db, "SELECT document, local_entity, title FROM titles "
                    "ORDER BY document, local_entity, idx");
    while (q.step()) {
      const uint32_t d = index_in(store, q.integer(0), out.size(), "document");
      const uint32_t e = index_in(store, q.integer(1), out[d].entities.size(), "local entity");
      out[d].entities[e].titles.emplace_back(q.text(2));
    }
  }
  {
    Statement q(db, "SELECT document, local_entity, sentence, start, end, rule "
                    "FROM mentions ORDER BY document, idx");
    while (q.step()) {
      const uint32_t d = index_in(store, q.integer(0), out.size(), "document");
      extract::Mention& m = out[d].mentions.emplace_back();
      m.entity = static_cast<int>(index_in(store, q.integer(1), out[d].entities.size(), "local entity"));
      m.sentence = static_cast<int>(
          index_in(store, q.integer(2), out[d].document.sentences.size(), "sentence"));
      m.span = maps[d].to_bytes(chars(q, 3));
      m.rule = parse_or_corrupt<extract::LinkRule>(store, q.text(5), extract::parse_link_rule,
                                                   "link rule");
    }
  }
  {
    Statement q(db, "SELECT document, subject, relation, object, sentence, start, end, "
                    "negated, modality, attributed_to, confidence "
                    "FROM triples ORDER BY document, idx");
    while (q.step()) {
      const uint32_t d = index_in(store, q.integer(0), out.size(), "document");
      const size_t entities = out[d].entities.size();
      extract::Triple& t = out[d].triples.emplace_back();
      t.subject = static_cast<int>(index_in(store, q.integer(1), entities, "subject"));
      t.relation = q.text(2);
      t.object = static_cast<int>(index_in(store, q.integer(3), entities, "object"));
      t.sentence = static_cast<int>(
          index_in(store, q.integer(4), out[d].document.sentences.size(), "sentence"));
      t.evidence = maps[d].to_bytes(chars(q, 5));
      t.negated = q.integer(7) != 0;
      t.modality = q.text(8);
      if (!q.is_null(9)) {
        t.attributed_to = static_cast<int>(index_in(store, q.integer(9), entities, "attributed_to"));
      }
      t.confidence = q.real(10);
    }
  }
  {
    Statement q(db, "SELECT document, triple, role, text, start, end FROM arguments "
                    "ORDER BY document, triple, idx");
    while (q.step()) {
      const uint32_t d = index_in(store, q.integer(0), out.size(), "document");
      const uint32_t t = index_in(store, q.integer(1), out[d].triples.size(), "triple");
      extract::Argument& a = out[d].triples[t].arguments.emplace_back();
      a.role = parse_or_corrupt<extract::ArgumentRole>(store, q.text(2),
                                                       extract::parse_argument_role, "argument role");
      a.text = q.text(3);
      a.span = maps[d].to_bytes(chars(q, 4));
    }
  }
  return out;
}

graph::KnowledgeGraph load_graph(const Store& store, const LoadOptions& options) {
  sqlite3* db = handle(store);
  const bool attributes = options.attributes || options.text;
  graph::KnowledgeGraph g;
  read_document_rows(store, options.text, g.documents);
  {
    Statement q(db, "SELECT id, label, type, key, mentions FROM entities ORDER BY id");
    while (q.step()) {
      if (q.integer(0) != static_cast<int64_t>(g.nodes.size())) {
        corrupt(store, "entity ids are not 0..n-1");
      }
      graph::Node& node = g.nodes.emplace_back();
      node.label = q.text(1);
      node.type = parse_or_corrupt<extract::EntityType>(store, q.text(2), extract::parse_entity_type,
                                                        "entity type");
      node.key = q.text(3);
      node.mention_count = q.u32(4);
    }
  }
  // Edges on a second thread, through a second connection moved into the task (read_edges()).
  std::future<EdgeTables> edge_tables = std::async(
      std::launch::async, [attributes, text = options.text, second = store.reopen(), nodes = g.nodes.size(),
                           documents = g.documents.size()] {
        return read_edges(second, attributes, text, nodes, documents);
      });
  std::vector<OffsetMap> maps;
  if (options.text) {
    maps.reserve(g.documents.size());
    for (const extract::Document& doc : g.documents) maps.emplace_back(doc.text);
  }
  if (attributes) {
    Statement q(db, "SELECT entity, name, mentions, documents FROM aliases ORDER BY entity, name");
    while (q.step()) {
      const uint32_t n = index_in(store, q.integer(0), g.nodes.size(), "entity");
      g.nodes[n].aliases.push_back(graph::Alias{std::string(q.text(1)), q.u32(2), q.u32(3)});
    }
  }
  // Local entities: members and sources of each node.
  std::vector<std::vector<uint32_t>> node_of_local(g.documents.size());
  if (attributes) {
    std::vector<std::pair<uint32_t, graph::LocalRef>> rows;
    Statement q(db, "SELECT document, idx, entity FROM local_entities ORDER BY document, idx");
    while (q.step()) {
      const uint32_t d = index_in(store, q.integer(0), g.documents.size(), "document");
      const uint32_t n = index_in(store, q.integer(2), g.nodes.size(), "entity");
      rows.emplace_back(n, graph::LocalRef{d, q.u32(1)});
      node_of_local[d].push_back(n);
    }
    give_to_nodes(rows, g.nodes, &graph::Node::members);
    for (graph::Node& node : g.nodes) {
      for (const graph::LocalRef& m : node.members) {
        if (node.sources.empty() || node.sources.back() != m.document) {
          node.sources.push_back(m.document);
        }
      }
    }
  }
  auto node_of = [&](uint32_t d, int64_t local) {
    return node_of_local[d][index_in(store, local, node_of_local[d].size(), "local entity")];
  };
  if (attributes) {
    Statement q(db, "SELECT document, local_entity, title FROM titles");
    while (q.step()) {
      const uint32_t d = index_in(store, q.integer(0), g.documents.size(), "document");
      g.nodes[node_of(d, q.integer(1))].titles.emplace_back(q.text(2));
    }
    for (graph::Node& node : g.nodes) {
      std::sort(node.titles.begin(), node.titles.end());
      node.titles.erase(std::unique(node.titles.begin(), node.titles.end()), node.titles.end());
    }
  }
  if (options.text) {
    std::vector<std::pair<uint32_t, graph::NodeMention>> rows;
    Statement q(db, "SELECT document, local_entity, sentence, start, end, rule "
                    "FROM mentions ORDER BY document, idx");
    while (q.step()) {
      const uint32_t d = index_in(store, q.integer(0), g.documents.size(), "document");
      const Span code_points = chars(q, 3);
      rows.emplace_back(node_of(d, q.integer(1)),
                        graph::NodeMention{.document = d,
                                           .sentence = q.u32(2),
                                           .span = maps[d].to_bytes(code_points),
                                           .chars = code_points,
                                           .rule = parse_or_corrupt<extract::LinkRule>(
                                               store, q.text(5), extract::parse_link_rule,
                                               "link rule")});
    }
    give_to_nodes(rows, g.nodes, &graph::Node::mentions);
    for (graph::Node& node : g.nodes) {
      std::sort(node.mentions.begin(), node.mentions.end(),
                [](const graph::NodeMention& a, const graph::NodeMention& b) {
                  return std::tie(a.document, a.span, a.sentence, a.rule) <
                         std::tie(b.document, b.span, b.sentence, b.rule);
                });
    }
  }
  EdgeTables tables = edge_tables.get();
  g.edges = std::move(tables.edges);
  g.evidence = std::move(tables.evidence);
  for (const SentenceRow& row : tables.sentences) {
    extract::Sentence& s = g.documents[row.document].sentences.emplace_back();
    s.span = maps[row.document].to_bytes(row.chars);
    s.paragraph_start = row.paragraph_start;
  }
  if (options.text && !g.evidence.empty()) {
    std::vector<std::vector<TripleDetail>>& details = tables.details;
    // Triple details per document, then copied into each evidence that cites the triple.
    for (uint32_t d = 0; d < details.size(); ++d) {
      for (TripleDetail& detail : details[d]) detail.span = maps[d].to_bytes(detail.chars);
    }
    {
      Statement q(db, "SELECT document, triple, role, text, start, end FROM arguments "
                      "ORDER BY document, triple, idx");
      while (q.step()) {
        const uint32_t d = index_in(store, q.integer(0), g.documents.size(), "document");
        const uint32_t t = index_in(store, q.integer(1), details[d].size(), "triple");
        extract::Argument& a = details[d][t].arguments.emplace_back();
        a.role = parse_or_corrupt<extract::ArgumentRole>(store, q.text(2),
                                                         extract::parse_argument_role,
                                                         "argument role");
        a.text = q.text(3);
        a.span = maps[d].to_bytes(chars(q, 4));
      }
    }
    for (graph::Evidence& ev : g.evidence) {
      const TripleDetail& detail =
          details[ev.document][index_in(store, ev.triple, details[ev.document].size(), "triple")];
      ev.sentence = detail.sentence;
      ev.span = detail.span;
      ev.chars = detail.chars;
      ev.confidence = detail.confidence;
      ev.attributed_to = detail.attributed_local < 0
                             ? -1
                             : static_cast<int32_t>(node_of(ev.document, detail.attributed_local));
      ev.arguments = detail.arguments;
    }
  }
  if (options.merges) {
    Statement q(db, "SELECT document, idx, merge_rule, merged_with_document, "
                    "merged_with_local_entity, merge_evidence FROM local_entities "
                    "WHERE merge_rule IS NOT NULL ORDER BY document, idx");
    while (q.step()) {
      graph::MergeDecision& m = g.merges.emplace_back();
      m.member = {q.u32(0), q.u32(1)};
      m.rule = parse_or_corrupt<graph::MergeRule>(store, q.text(2), graph::parse_merge_rule,
                                                  "merge rule");
      m.anchor = {q.u32(3), q.u32(4)};
      m.evidence = q.text(5);
    }
  }
  if (options.topology) g.build_topology();
  return g;
}

}  // namespace kg::exporter
