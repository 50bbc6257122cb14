#pragma once
// The SQLite store (docs/schema.md): the per-document results as the source of truth, and the
// cross-document graph derived from them.
//
// Every write produces a complete new database: the per-document records of all documents
// (the stored ones and the new ones) and the graph recomputed from them, written into a
// temporary file beside the destination inside one transaction and renamed over it last. A
// run that fails or is killed at any point leaves the previous database byte-identical; one
// that succeeds leaves a file that depends only on the set of documents, so one run, several
// runs and shards merged in any order give byte-identical databases.

#include <cstdint>
#include <functional>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "extract/document_result.h"
#include "graph/knowledge_graph.h"

namespace SQLite {
class Database;
}

namespace kg::exporter {

// PRAGMA user_version of the databases this kg writes and reads.
inline constexpr int kSchemaVersion = 1;
// PRAGMA application_id: "kg" + 0x0001; tells a kg database from any other SQLite file.
inline constexpr int32_t kApplicationId = 0x6B670001;

// An open kg database, read-only. Owns the SQLite connection.
class Store {
 public:
  // Opens `path`, checking that it is a kg database of a schema version this kg reads. Throws
  // kg::InputError (missing file, not SQLite, not kg, newer or unknown schema version).
  static Store open(const std::string& path);

  Store(Store&&) noexcept;
  Store& operator=(Store&&) noexcept;
  ~Store();

  // A second connection to the same database file, for reading on another thread (a
  // connection serves one thread at a time). Throws kg::Error if the file at path() is no
  // longer the one this Store has open (a `kg merge` replaced it meanwhile), so that the two
  // connections cannot read two different databases.
  Store reopen() const;

  const std::string& path() const { return path_; }
  // For export/ internals: the connection.
  SQLite::Database& db() const { return *db_; }

 private:
  // Which file a path names (device and inode): a merge renames a new file over the path.
  struct FileId {
    uint64_t device = 0;
    uint64_t inode = 0;
    bool operator==(const FileId&) const = default;
  };
  static FileId file_id(const std::string& path);

  Store(std::string path, FileId file, std::unique_ptr<SQLite::Database> db);
  std::string path_;
  FileId file_;  // the file the connection has open
  std::unique_ptr<SQLite::Database> db_;
};

// The stored per-document results, sorted by document id. Tokens are not stored.
std::vector<extract::DocumentResult> read_documents(const Store& store);

struct WriteOptions {
  // Called at the start of each stage ("documents", "graph", "indexes", "commit"), for
  // progress on stderr in long runs; tests use it to kill a write half way.
  std::function<void(std::string_view stage)> on_stage;
};

// Writes a complete database to `path` atomically (see above). `documents` sorted by id with
// unique ids; `graph` = graph::build_graph(documents). Throws kg::Error if writing fails (the
// destination is then untouched and the temporary file removed).
void write_store(const std::string& path, std::span<const extract::DocumentResult> documents,
                 const graph::KnowledgeGraph& graph, const WriteOptions& options = {});

// The same, with the graph built by `build` (graph::build_graph of `documents`) on a second
// thread while the per-document tables, which do not depend on it, are written; returns it.
// Gives the same database as building first and writing after.
graph::KnowledgeGraph write_store(const std::string& path,
                                  std::span<const extract::DocumentResult> documents,
                                  const std::function<graph::KnowledgeGraph()>& build,
                                  const WriteOptions& options = {});

// How much of the graph to load. Nodes (label, type, key, mention count) and edges
// (endpoints, relation, polarity, modality, weight, confidence) always; the rest on demand:
// paths need only the structure, GraphML and DOT the attributes, JSON everything.
struct LoadOptions {
  bool attributes = true;  // aliases, titles, members and sources of nodes; evidence documents
  bool text = true;        // texts and sentences, mention lists, evidence spans (implies
                           // attributes)
  bool merges = false;     // merge decisions (for explanations)
  bool topology = true;    // the Boost.Graph topology (graph algorithms); exports need none
};

// Loads the stored graph (the derived tables; no recomputation).
graph::KnowledgeGraph load_graph(const Store& store, const LoadOptions& options = {});

}  // namespace kg::exporter
