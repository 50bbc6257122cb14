#include "export/store.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <fcntl.h>
#include <sqlite3.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

#include "export/atomic_file.h"
#include "extract/error.h"
#include "extract/offsets.h"
#include "graph/algorithms.h"
#include "graph/name_key.h"

namespace kg::exporter {

namespace fs = std::filesystem;
using extract::DocumentResult;
using extract::OffsetMap;
using extract::Span;

namespace {

// Schema version 1 (docs/schema.md documents every column). Offsets are Unicode code points.
// The first group of tables holds the per-document results (the source of truth); the second
// is derived from them by the resolver and graph builder on every write.
constexpr const char* kSchema = R"sql(
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE documents(
  id INTEGER PRIMARY KEY, doc_id TEXT NOT NULL UNIQUE, name TEXT, title TEXT, source TEXT,
  url TEXT, date TEXT, text TEXT NOT NULL);
CREATE TABLE paragraphs(
  document INTEGER NOT NULL, idx INTEGER NOT NULL, start INTEGER NOT NULL, end INTEGER NOT NULL,
  PRIMARY KEY(document, idx)) WITHOUT ROWID;
CREATE TABLE sentences(
  document INTEGER NOT NULL, idx INTEGER NOT NULL, start INTEGER NOT NULL, end INTEGER NOT NULL,
  paragraph_start INTEGER NOT NULL, PRIMARY KEY(document, idx)) WITHOUT ROWID;
CREATE TABLE local_entities(
  document INTEGER NOT NULL, idx INTEGER NOT NULL, name TEXT NOT NULL, type TEXT NOT NULL,
  entity INTEGER NOT NULL, PRIMARY KEY(document, idx)) WITHOUT ROWID;
CREATE TABLE titles(
  document INTEGER NOT NULL, local_entity INTEGER NOT NULL, idx INTEGER NOT NULL,
  title TEXT NOT NULL, PRIMARY KEY(document, local_entity, idx)) WITHOUT ROWID;
CREATE TABLE mentions(
  document INTEGER NOT NULL, idx INTEGER NOT NULL, local_entity INTEGER NOT NULL,
  sentence INTEGER NOT NULL, start INTEGER NOT NULL, end INTEGER NOT NULL, rule TEXT NOT NULL,
  PRIMARY KEY(document, idx)) WITHOUT ROWID;
CREATE TABLE triples(
  document INTEGER NOT NULL, idx INTEGER NOT NULL, subject INTEGER NOT NULL,
  relation TEXT NOT NULL, object INTEGER NOT NULL, sentence INTEGER NOT NULL,
  start INTEGER NOT NULL, end INTEGER NOT NULL, negated INTEGER NOT NULL, modality TEXT,
  attributed_to INTEGER, confidence REAL NOT NULL, PRIMARY KEY(document, idx)) WITHOUT ROWID;
CREATE TABLE arguments(
  document INTEGER NOT NULL, triple INTEGER NOT NULL, idx INTEGER NOT NULL, role TEXT NOT NULL,
  text TEXT NOT NULL, start INTEGER NOT NULL, end INTEGER NOT NULL,
  PRIMARY KEY(document, triple, idx)) WITHOUT ROWID;
CREATE TABLE entities(
  id INTEGER PRIMARY KEY, label TEXT NOT NULL, type TEXT NOT NULL, key TEXT NOT NULL,
  mentions INTEGER NOT NULL, documents INTEGER NOT NULL, degree INTEGER NOT NULL);
CREATE TABLE aliases(
  entity INTEGER NOT NULL, name TEXT NOT NULL, key TEXT NOT NULL, mentions INTEGER NOT NULL,
  documents INTEGER NOT NULL, PRIMARY KEY(entity, name)) WITHOUT ROWID;
CREATE TABLE edges(
  id INTEGER PRIMARY KEY, source INTEGER NOT NULL, target INTEGER NOT NULL,
  relation TEXT NOT NULL, negated INTEGER NOT NULL, modality TEXT, weight INTEGER NOT NULL,
  confidence REAL NOT NULL);
CREATE TABLE evidence(
  edge INTEGER NOT NULL, idx INTEGER NOT NULL, document INTEGER NOT NULL,
  triple INTEGER NOT NULL, PRIMARY KEY(edge, idx)) WITHOUT ROWID;
CREATE TABLE merges(
  document INTEGER NOT NULL, local_entity INTEGER NOT NULL, entity INTEGER NOT NULL,
  rule TEXT NOT NULL, anchor_document INTEGER NOT NULL, anchor_local_entity INTEGER NOT NULL,
  evidence TEXT NOT NULL, PRIMARY KEY(document, local_entity)) WITHOUT ROWID;
)sql";

// Created after the bulk insert: building an index once is faster than updating it per row.
constexpr const char* kIndexes = R"sql(
CREATE INDEX aliases_by_key ON aliases(key);
CREATE INDEX edges_by_source ON edges(source, relation);
CREATE INDEX edges_by_target ON edges(target, relation);
CREATE INDEX local_entities_by_entity ON local_entities(entity);
CREATE INDEX merges_by_entity ON merges(entity);
)sql";

// Flushes a folder's entry table, so a rename in it survives a crash (best effort).
void sync_folder(const std::string& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_DIRECTORY);
  if (fd < 0) return;
  ::fsync(fd);
  ::close(fd);
}

void bind_text(SQLite::Statement& s, int index, const std::string& text) {
  if (text.empty()) {
    s.bind(index);  // NULL: unknown
  } else {
    s.bindNoCopy(index, text);
  }
}

void step(SQLite::Statement& s) {
  s.exec();
  s.reset();
}

void write_documents(SQLite::Database& db, std::span<const DocumentResult> documents,
                     const std::vector<std::vector<uint32_t>>& node_of_local) {
  SQLite::Statement doc_insert(db, "INSERT INTO documents VALUES(?,?,?,?,?,?,?,?)");
  SQLite::Statement paragraph_insert(db, "INSERT INTO paragraphs VALUES(?,?,?,?)");
  SQLite::Statement sentence_insert(db, "INSERT INTO sentences VALUES(?,?,?,?,?)");
  SQLite::Statement entity_insert(db, "INSERT INTO local_entities VALUES(?,?,?,?,?)");
  SQLite::Statement title_insert(db, "INSERT INTO titles VALUES(?,?,?,?)");
  SQLite::Statement mention_insert(db, "INSERT INTO mentions VALUES(?,?,?,?,?,?,?)");
  SQLite::Statement triple_insert(db,
                                  "INSERT INTO triples VALUES(?,?,?,?,?,?,?,?,?,?,?,?)");
  SQLite::Statement argument_insert(db, "INSERT INTO arguments VALUES(?,?,?,?,?,?,?)");
  for (uint32_t d = 0; d < documents.size(); ++d) {
    const DocumentResult& r = documents[d];
    const extract::Document& doc = r.document;
    const OffsetMap map(doc.text);
    doc_insert.bind(1, d);
    doc_insert.bindNoCopy(2, doc.id);
    bind_text(doc_insert, 3, doc.name);
    bind_text(doc_insert, 4, doc.title);
    bind_text(doc_insert, 5, doc.source);
    bind_text(doc_insert, 6, doc.url);
    bind_text(doc_insert, 7, doc.date);
    doc_insert.bindNoCopy(8, doc.text);
    step(doc_insert);
    for (uint32_t i = 0; i < doc.paragraphs.size(); ++i) {
      const Span p = map.to_chars(doc.paragraphs[i]);
      paragraph_insert.bind(1, d);
      paragraph_insert.bind(2, i);
      paragraph_insert.bind(3, p.start);
      paragraph_insert.bind(4, p.end);
      step(paragraph_insert);
    }
    for (uint32_t i = 0; i < doc.sentences.size(); ++i) {
      const Span s = map.to_chars(doc.sentences[i].span);
      sentence_insert.bind(1, d);
      sentence_insert.bind(2, i);
      sentence_insert.bind(3, s.start);
      sentence_insert.bind(4, s.end);
      sentence_insert.bind(5, doc.sentences[i].paragraph_start ? 1 : 0);
      step(sentence_insert);
    }
    for (uint32_t e = 0; e < r.entities.size(); ++e) {
      const extract::Entity& entity = r.entities[e];
      entity_insert.bind(1, d);
      entity_insert.bind(2, e);
      entity_insert.bindNoCopy(3, entity.name);
      entity_insert.bindNoCopy(4, extract::to_string(entity.type).data());
      entity_insert.bind(5, node_of_local[d][e]);
      step(entity_insert);
      for (uint32_t t = 0; t < entity.titles.size(); ++t) {
        title_insert.bind(1, d);
        title_insert.bind(2, e);
        title_insert.bind(3, t);
        title_insert.bindNoCopy(4, entity.titles[t]);
        step(title_insert);
      }
    }
    for (uint32_t m = 0; m < r.mentions.size(); ++m) {
      const extract::Mention& mention = r.mentions[m];
      const Span s = map.to_chars(mention.span);
      mention_insert.bind(1, d);
      mention_insert.bind(2, m);
      mention_insert.bind(3, mention.entity);
      mention_insert.bind(4, mention.sentence);
      mention_insert.bind(5, s.start);
      mention_insert.bind(6, s.end);
      mention_insert.bindNoCopy(7, extract::to_string(mention.rule).data());
      step(mention_insert);
    }
    for (uint32_t t = 0; t < r.triples.size(); ++t) {
      const extract::Triple& triple = r.triples[t];
      const Span s = map.to_chars(triple.evidence);
      triple_insert.bind(1, d);
      triple_insert.bind(2, t);
      triple_insert.bind(3, triple.subject);
      triple_insert.bindNoCopy(4, triple.relation);
      triple_insert.bind(5, triple.object);
      triple_insert.bind(6, triple.sentence);
      triple_insert.bind(7, s.start);
      triple_insert.bind(8, s.end);
      triple_insert.bind(9, triple.negated ? 1 : 0);
      bind_text(triple_insert, 10, triple.modality);
      if (triple.attributed_to < 0) {
        triple_insert.bind(11);
      } else {
        triple_insert.bind(11, triple.attributed_to);
      }
      triple_insert.bind(12, triple.confidence);
      step(triple_insert);
      for (uint32_t a = 0; a < triple.arguments.size(); ++a) {
        const extract::Argument& argument = triple.arguments[a];
        const Span as = map.to_chars(argument.span);
        argument_insert.bind(1, d);
        argument_insert.bind(2, t);
        argument_insert.bind(3, a);
        argument_insert.bindNoCopy(4, extract::to_string(argument.role).data());
        argument_insert.bindNoCopy(5, argument.text);
        argument_insert.bind(6, as.start);
        argument_insert.bind(7, as.end);
        step(argument_insert);
      }
    }
  }
}

void write_graph(SQLite::Database& db, const graph::KnowledgeGraph& g) {
  const graph::Degrees degrees = graph::degrees(g);
  SQLite::Statement entity_insert(db, "INSERT INTO entities VALUES(?,?,?,?,?,?,?)");
  SQLite::Statement alias_insert(db, "INSERT INTO aliases VALUES(?,?,?,?,?)");
  for (uint32_t n = 0; n < g.nodes.size(); ++n) {
    const graph::Node& node = g.nodes[n];
    entity_insert.bind(1, n);
    entity_insert.bindNoCopy(2, node.label);
    entity_insert.bindNoCopy(3, extract::to_string(node.type).data());
    entity_insert.bindNoCopy(4, node.key);
    entity_insert.bind(5, static_cast<int64_t>(node.mentions.size()));
    entity_insert.bind(6, static_cast<int64_t>(node.sources.size()));
    entity_insert.bind(7, degrees.degree[n]);
    step(entity_insert);
    for (const graph::Alias& alias : node.aliases) {
      alias_insert.bind(1, n);
      alias_insert.bindNoCopy(2, alias.name);
      alias_insert.bind(3, graph::entity_key(alias.name));
      alias_insert.bind(4, alias.mentions);
      alias_insert.bind(5, alias.documents);
      step(alias_insert);
    }
  }
  SQLite::Statement edge_insert(db, "INSERT INTO edges VALUES(?,?,?,?,?,?,?,?)");
  SQLite::Statement evidence_insert(db, "INSERT INTO evidence VALUES(?,?,?,?)");
  for (uint32_t e = 0; e < g.edges.size(); ++e) {
    const graph::Edge& edge = g.edges[e];
    edge_insert.bind(1, e);
    edge_insert.bind(2, edge.source);
    edge_insert.bind(3, edge.target);
    edge_insert.bindNoCopy(4, edge.relation);
    edge_insert.bind(5, edge.negated ? 1 : 0);
    bind_text(edge_insert, 6, edge.modality);
    edge_insert.bind(7, edge.weight);
    edge_insert.bind(8, edge.confidence);
    step(edge_insert);
    uint32_t idx = 0;
    for (const graph::Evidence& ev : g.edge_evidence(edge)) {
      evidence_insert.bind(1, e);
      evidence_insert.bind(2, idx++);
      evidence_insert.bind(3, ev.document);
      evidence_insert.bind(4, ev.triple);
      step(evidence_insert);
    }
  }
  SQLite::Statement merge_insert(db, "INSERT INTO merges VALUES(?,?,?,?,?,?,?)");
  // The node of a local entity, for the merges table.
  std::vector<std::vector<uint32_t>> node_of_local(g.documents.size());
  for (uint32_t n = 0; n < g.nodes.size(); ++n) {
    for (const graph::LocalRef& m : g.nodes[n].members) {
      auto& list = node_of_local[m.document];
      if (list.size() <= m.entity) list.resize(m.entity + 1);
      list[m.entity] = n;
    }
  }
  for (const graph::MergeDecision& merge : g.merges) {
    merge_insert.bind(1, merge.member.document);
    merge_insert.bind(2, merge.member.entity);
    merge_insert.bind(3, node_of_local[merge.member.document][merge.member.entity]);
    merge_insert.bindNoCopy(4, graph::to_string(merge.rule).data());
    merge_insert.bind(5, merge.anchor.document);
    merge_insert.bind(6, merge.anchor.entity);
    merge_insert.bindNoCopy(7, merge.evidence);
    step(merge_insert);
  }
}

}  // namespace

// ---------------------------------------------------------------------------------------
// Store

Store::Store(std::string path, std::unique_ptr<SQLite::Database> db)
    : path_(std::move(path)), db_(std::move(db)) {}
Store::Store(Store&&) noexcept = default;
Store& Store::operator=(Store&&) noexcept = default;
Store::~Store() = default;

Store Store::open(const std::string& path) {
  std::error_code ec;
  if (!fs::exists(path, ec)) {
    throw InputError(path + ": no such database (create one with `kg merge FILE.jsonl --db " +
                     path + "`)");
  }
  if (fs::is_directory(path, ec)) throw InputError(path + ": a folder, not a kg database");
  std::unique_ptr<SQLite::Database> db;
  int32_t application_id = 0;
  int user_version = 0;
  try {
    db = std::make_unique<SQLite::Database>(path, SQLite::OPEN_READONLY);
    application_id = db->execAndGet("PRAGMA application_id").getInt();
    user_version = db->execAndGet("PRAGMA user_version").getInt();
  } catch (const SQLite::Exception& e) {
    throw InputError(path + ": not a SQLite database (" + e.what() +
                     "); kg databases are written by `kg merge`");
  }
  if (application_id != kApplicationId) {
    throw InputError(path + ": a SQLite database, but not one kg wrote (application_id " +
                     std::to_string(application_id) + ")");
  }
  if (user_version != kSchemaVersion) {
    throw InputError(path + ": kg database schema version " + std::to_string(user_version) +
                     "; this kg reads version " + std::to_string(kSchemaVersion) +
                     (user_version > kSchemaVersion ? " (written by a newer kg: upgrade kg)"
                                                    : " (rebuild it with `kg merge`)"));
  }
  return Store(path, std::move(db));
}

// ---------------------------------------------------------------------------------------
// Writing

void write_store(const std::string& path, std::span<const DocumentResult> documents,
                 const graph::KnowledgeGraph& graph, const WriteOptions& options) {
  graph::check_sorted_unique(documents);
  auto stage = [&](std::string_view name) {
    if (options.on_stage) options.on_stage(name);
  };
  const fs::path destination(path);
  if (path == "-") throw InputError("a database cannot be written to standard output");
  if (fs::is_directory(destination)) throw InputError(path + ": a folder, not a database file");
  AtomicFile file(path);  // SQLite writes its temporary path; commit() syncs and renames

  std::vector<std::vector<uint32_t>> node_of_local(documents.size());
  for (uint32_t d = 0; d < documents.size(); ++d) {
    node_of_local[d].resize(documents[d].entities.size());
  }
  for (uint32_t n = 0; n < graph.nodes.size(); ++n) {
    for (const graph::LocalRef& m : graph.nodes[n].members) node_of_local[m.document][m.entity] = n;
  }

  try {
    SQLite::Database db(file.temp_path(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    // The temporary file is thrown away on any failure, so it needs no journal and no syncs
    // until the end; durability comes from the fsync before the rename.
    db.exec("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA locking_mode=EXCLUSIVE;"
            "PRAGMA temp_store=MEMORY; PRAGMA cache_size=-262144;");
    SQLite::Transaction transaction(db);
    db.exec(kSchema);
    db.exec("INSERT INTO meta VALUES('format','kg-store'),('schema_version','" +
            std::to_string(kSchemaVersion) + "'),('offsets','unicode code points')");
    stage("documents");
    write_documents(db, documents, node_of_local);
    stage("graph");
    write_graph(db, graph);
    stage("indexes");
    db.exec(kIndexes);
    db.exec("PRAGMA user_version=" + std::to_string(kSchemaVersion) +
            "; PRAGMA application_id=" + std::to_string(kApplicationId) + ";");
    stage("commit");
    transaction.commit();
  } catch (const SQLite::Exception& e) {
    const int code = e.getErrorCode();
    throw Error(path + ": writing the database failed: " + e.what() +
                (code == SQLITE_FULL ? " (disk full?)" : "") +
                "; the previous database is unchanged");
  }
  file.commit();
  const fs::path folder = destination.parent_path();
  sync_folder(folder.empty() ? "." : folder.string());
}

}  // namespace kg::exporter
