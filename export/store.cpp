#include "export/store.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <fcntl.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <exception>
#include <filesystem>
#include <thread>

#include "export/atomic_file.h"
#include "export/sqlite_statement.h"
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
  entity INTEGER NOT NULL, merge_rule TEXT, merged_with_document INTEGER,
  merged_with_local_entity INTEGER, merge_evidence TEXT, PRIMARY KEY(document, idx)) WITHOUT ROWID;
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
CREATE VIEW merges(document, local_entity, entity, rule, anchor_document, anchor_local_entity,
  evidence) AS
  SELECT document, idx, entity, merge_rule, merged_with_document, merged_with_local_entity,
         merge_evidence FROM local_entities WHERE merge_rule IS NOT NULL;
)sql";

// Created after the bulk insert: building an index once is faster than updating it per row.
// Only the look-ups that must be fast have one: names (aliases by key) and neighbours (edges
// by either end). Evidence is keyed by edge, per-document records by (document, index); the
// node of a local entity is found by a scan (only `kg query explain` asks).
constexpr const char* kIndexes = R"sql(
CREATE INDEX aliases_by_key ON aliases(key);
CREATE INDEX edges_by_source ON edges(source);
CREATE INDEX edges_by_target ON edges(target);
)sql";

// Flushes a folder's entry table, so a rename in it survives a crash (best effort).
void sync_folder(const std::string& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_DIRECTORY);
  if (fd < 0) return;
  ::fsync(fd);
  ::close(fd);
}

// How each local entity joined its node: the merge decisions by member.
struct LocalAssignment {
  uint32_t node = 0;
  const graph::MergeDecision* merge = nullptr;  // null for the first local entity of a node
};

// The per-document tables that do not depend on the graph: all but local entities and titles.
void write_documents(sqlite3* db, std::span<const DocumentResult> documents) {
  BatchInsert doc_insert(db, "documents", 8);
  BatchInsert paragraph_insert(db, "paragraphs", 4);
  BatchInsert sentence_insert(db, "sentences", 5);
  BatchInsert mention_insert(db, "mentions", 7);
  BatchInsert triple_insert(db, "triples", 12);
  BatchInsert argument_insert(db, "arguments", 7);
  for (uint32_t d = 0; d < documents.size(); ++d) {
    const DocumentResult& r = documents[d];
    const extract::Document& doc = r.document;
    const OffsetMap map(doc.text);
    const int64_t document = d;
    doc_insert.bind(1, document);
    doc_insert.bind(2, doc.id);
    doc_insert.bind_text_or_null(3, doc.name);
    doc_insert.bind_text_or_null(4, doc.title);
    doc_insert.bind_text_or_null(5, doc.source);
    doc_insert.bind_text_or_null(6, doc.url);
    doc_insert.bind_text_or_null(7, doc.date);
    doc_insert.bind(8, doc.text);
    doc_insert.insert();
    for (uint32_t i = 0; i < doc.paragraphs.size(); ++i) {
      const Span p = map.to_chars(doc.paragraphs[i]);
      paragraph_insert.bind(1, document);
      paragraph_insert.bind(2, int64_t{i});
      paragraph_insert.bind(3, int64_t{p.start});
      paragraph_insert.bind(4, int64_t{p.end});
      paragraph_insert.insert();
    }
    for (uint32_t i = 0; i < doc.sentences.size(); ++i) {
      const Span s = map.to_chars(doc.sentences[i].span);
      sentence_insert.bind(1, document);
      sentence_insert.bind(2, int64_t{i});
      sentence_insert.bind(3, int64_t{s.start});
      sentence_insert.bind(4, int64_t{s.end});
      sentence_insert.bind(5, int64_t{doc.sentences[i].paragraph_start ? 1 : 0});
      sentence_insert.insert();
    }
    for (uint32_t m = 0; m < r.mentions.size(); ++m) {
      const extract::Mention& mention = r.mentions[m];
      const Span s = map.to_chars(mention.span);
      mention_insert.bind(1, document);
      mention_insert.bind(2, int64_t{m});
      mention_insert.bind(3, int64_t{mention.entity});
      mention_insert.bind(4, int64_t{mention.sentence});
      mention_insert.bind(5, int64_t{s.start});
      mention_insert.bind(6, int64_t{s.end});
      mention_insert.bind(7, extract::to_string(mention.rule));
      mention_insert.insert();
    }
    for (uint32_t t = 0; t < r.triples.size(); ++t) {
      const extract::Triple& triple = r.triples[t];
      const Span s = map.to_chars(triple.evidence);
      triple_insert.bind(1, document);
      triple_insert.bind(2, int64_t{t});
      triple_insert.bind(3, int64_t{triple.subject});
      triple_insert.bind(4, triple.relation);
      triple_insert.bind(5, int64_t{triple.object});
      triple_insert.bind(6, int64_t{triple.sentence});
      triple_insert.bind(7, int64_t{s.start});
      triple_insert.bind(8, int64_t{s.end});
      triple_insert.bind(9, int64_t{triple.negated ? 1 : 0});
      triple_insert.bind_text_or_null(10, triple.modality);
      if (triple.attributed_to < 0) {
        triple_insert.bind_null(11);
      } else {
        triple_insert.bind(11, int64_t{triple.attributed_to});
      }
      triple_insert.bind(12, triple.confidence);
      triple_insert.insert();
      for (uint32_t a = 0; a < triple.arguments.size(); ++a) {
        const extract::Argument& argument = triple.arguments[a];
        const Span as = map.to_chars(argument.span);
        argument_insert.bind(1, document);
        argument_insert.bind(2, int64_t{t});
        argument_insert.bind(3, int64_t{a});
        argument_insert.bind(4, extract::to_string(argument.role));
        argument_insert.bind(5, argument.text);
        argument_insert.bind(6, int64_t{as.start});
        argument_insert.bind(7, int64_t{as.end});
        argument_insert.insert();
      }
    }
  }
  for (BatchInsert* table : {&doc_insert, &paragraph_insert, &sentence_insert, &mention_insert,
                             &triple_insert, &argument_insert}) {
    table->finish();
  }
}

// Local entities (each with its node and merge decision) and their titles.
void write_local_entities(sqlite3* db, std::span<const DocumentResult> documents,
                          const graph::KnowledgeGraph& graph) {
  std::vector<std::vector<LocalAssignment>> assignment(documents.size());
  for (uint32_t d = 0; d < documents.size(); ++d) assignment[d].resize(documents[d].entities.size());
  for (uint32_t n = 0; n < graph.nodes.size(); ++n) {
    for (const graph::LocalRef& m : graph.nodes[n].members) assignment[m.document][m.entity].node = n;
  }
  for (const graph::MergeDecision& merge : graph.merges) {
    assignment[merge.member.document][merge.member.entity].merge = &merge;
  }
  BatchInsert entity_insert(db, "local_entities", 9);
  BatchInsert title_insert(db, "titles", 4);
  for (uint32_t d = 0; d < documents.size(); ++d) {
    const DocumentResult& r = documents[d];
    const int64_t document = d;
    for (uint32_t e = 0; e < r.entities.size(); ++e) {
      const extract::Entity& entity = r.entities[e];
      const LocalAssignment& a = assignment[d][e];
      entity_insert.bind(1, document);
      entity_insert.bind(2, int64_t{e});
      entity_insert.bind(3, entity.name);
      entity_insert.bind(4, extract::to_string(entity.type));
      entity_insert.bind(5, int64_t{a.node});
      if (a.merge) {
        entity_insert.bind(6, graph::to_string(a.merge->rule));
        entity_insert.bind(7, int64_t{a.merge->anchor.document});
        entity_insert.bind(8, int64_t{a.merge->anchor.entity});
        entity_insert.bind_text_or_null(9, a.merge->evidence);
      } else {
        for (int column = 6; column <= 9; ++column) entity_insert.bind_null(column);
      }
      entity_insert.insert();
      for (uint32_t t = 0; t < entity.titles.size(); ++t) {
        title_insert.bind(1, document);
        title_insert.bind(2, int64_t{e});
        title_insert.bind(3, int64_t{t});
        title_insert.bind(4, entity.titles[t]);
        title_insert.insert();
      }
    }
  }
  entity_insert.finish();
  title_insert.finish();
}

void write_graph(sqlite3* db, const graph::KnowledgeGraph& g) {
  const graph::Degrees degrees = graph::degrees(g);
  BatchInsert entity_insert(db, "entities", 7);
  BatchInsert alias_insert(db, "aliases", 5);
  std::string key;
  for (uint32_t n = 0; n < g.nodes.size(); ++n) {
    const graph::Node& node = g.nodes[n];
    entity_insert.bind(1, int64_t{n});
    entity_insert.bind(2, node.label);
    entity_insert.bind(3, extract::to_string(node.type));
    entity_insert.bind(4, node.key);
    entity_insert.bind(5, int64_t{node.mention_count});
    entity_insert.bind(6, static_cast<int64_t>(node.sources.size()));
    entity_insert.bind(7, int64_t{degrees.degree[n]});
    entity_insert.insert();
    for (const graph::Alias& alias : node.aliases) {
      key = graph::entity_key(alias.name);
      alias_insert.bind(1, int64_t{n});
      alias_insert.bind(2, alias.name);
      alias_insert.bind_copy(3, key);
      alias_insert.bind(4, int64_t{alias.mentions});
      alias_insert.bind(5, int64_t{alias.documents});
      alias_insert.insert();
    }
  }
  entity_insert.finish();
  alias_insert.finish();
  BatchInsert edge_insert(db, "edges", 8);
  BatchInsert evidence_insert(db, "evidence", 4);
  for (uint32_t e = 0; e < g.edges.size(); ++e) {
    const graph::Edge& edge = g.edges[e];
    edge_insert.bind(1, int64_t{e});
    edge_insert.bind(2, int64_t{edge.source});
    edge_insert.bind(3, int64_t{edge.target});
    edge_insert.bind(4, edge.relation);
    edge_insert.bind(5, int64_t{edge.negated ? 1 : 0});
    edge_insert.bind_text_or_null(6, edge.modality);
    edge_insert.bind(7, int64_t{edge.weight});
    edge_insert.bind(8, edge.confidence);
    edge_insert.insert();
    int64_t idx = 0;
    for (const graph::Evidence& ev : g.edge_evidence(edge)) {
      evidence_insert.bind(1, int64_t{e});
      evidence_insert.bind(2, idx++);
      evidence_insert.bind(3, int64_t{ev.document});
      evidence_insert.bind(4, int64_t{ev.triple});
      evidence_insert.insert();
    }
  }
  edge_insert.finish();
  evidence_insert.finish();
}

}  // namespace

// ---------------------------------------------------------------------------------------
// Store

Store::Store(std::string path, FileId file, std::unique_ptr<SQLite::Database> db)
    : path_(std::move(path)), file_(file), db_(std::move(db)) {}
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
  const FileId file = file_id(path);
  std::unique_ptr<SQLite::Database> db;
  int32_t application_id = 0;
  int user_version = 0;
  try {
    db = std::make_unique<SQLite::Database>(path, SQLite::OPEN_READONLY | SQLite::OPEN_NOMUTEX);
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
  if (file_id(path) != file) {  // the connection may have either file open
    throw Error(path + ": replaced by another database while being opened (a `kg merge` "
                "finished meanwhile); run the command again");
  }
  return Store(path, file, std::move(db));
}

Store Store::reopen() const {
  Store again = open(path_);
  if (again.file_ != file_) {
    throw Error(path_ + ": replaced by another database while being read (a `kg merge` "
                "finished meanwhile); run the command again");
  }
  return again;
}

Store::FileId Store::file_id(const std::string& path) {
  struct stat info {};
  if (::stat(path.c_str(), &info) != 0) {
    throw InputError(path + ": cannot read the database: " + std::strerror(errno));
  }
  return FileId{static_cast<uint64_t>(info.st_dev), static_cast<uint64_t>(info.st_ino)};
}

// ---------------------------------------------------------------------------------------
// Writing

namespace {

// write_store() with the graph asked for only once the tables that do not depend on it are
// written, so that it can be built meanwhile.
void write_store_with(const std::string& path, std::span<const DocumentResult> documents,
                      const std::function<const graph::KnowledgeGraph&()>& graph_when_needed,
                      const WriteOptions& options) {
  auto stage = [&](std::string_view name) {
    if (options.on_stage) options.on_stage(name);
  };
  const fs::path destination(path);
  if (path == "-") throw InputError("a database cannot be written to standard output");
  if (fs::is_directory(destination)) throw InputError(path + ": a folder, not a database file");
  AtomicFile file(path);  // SQLite writes its temporary path; commit() syncs and renames

  try {
    SQLite::Database db(file.temp_path(),
                        SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE | SQLite::OPEN_NOMUTEX);
    // The temporary file is thrown away on any failure, so it needs no journal and no syncs
    // until the end; durability comes from the fsync before the rename.
    db.exec("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA locking_mode=EXCLUSIVE;"
            "PRAGMA temp_store=MEMORY; PRAGMA cache_size=-131072;");
    SQLite::Transaction transaction(db);
    db.exec(kSchema);
    db.exec("INSERT INTO meta VALUES('format','kg-store'),('schema_version','" +
            std::to_string(kSchemaVersion) + "'),('offsets','unicode code points')");
    stage("documents");
    write_documents(db.getHandle(), documents);
    const graph::KnowledgeGraph& graph = graph_when_needed();
    write_local_entities(db.getHandle(), documents, graph);
    stage("graph");
    write_graph(db.getHandle(), graph);
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
  } catch (const InputError&) {
    throw;
  } catch (const Error& e) {
    throw Error(path + ": writing the database failed: " + e.what() +
                "; the previous database is unchanged");
  }
  file.commit();
  const fs::path folder = destination.parent_path();
  sync_folder(folder.empty() ? "." : folder.string());
}

}  // namespace

void write_store(const std::string& path, std::span<const DocumentResult> documents,
                 const graph::KnowledgeGraph& graph, const WriteOptions& options) {
  graph::check_sorted_unique(documents);
  write_store_with(
      path, documents, [&]() -> const graph::KnowledgeGraph& { return graph; }, options);
}

graph::KnowledgeGraph write_store(const std::string& path,
                                  std::span<const DocumentResult> documents,
                                  const std::function<graph::KnowledgeGraph()>& build,
                                  const WriteOptions& options) {
  graph::check_sorted_unique(documents);
  graph::KnowledgeGraph graph;
  std::exception_ptr error;
  // Both threads only read the documents. The builder is joined before the graph is used,
  // and on every way out (a failed write waits for it, then throws).
  std::jthread builder([&] {
    try {
      graph = build();
    } catch (...) {
      error = std::current_exception();
    }
  });
  write_store_with(
      path, documents,
      [&]() -> const graph::KnowledgeGraph& {
        builder.join();
        if (error) std::rethrow_exception(error);
        return graph;
      },
      options);
  return graph;
}

}  // namespace kg::exporter
