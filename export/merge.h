#pragma once
// The reduce step as one operation (`kg merge`): read map files, add their documents to the
// store's per-document records, recompute the graph from all of them, write atomically.

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "extract/document_result.h"

namespace kg::exporter {

struct MergeOptions {
  // A document whose id is already stored with different content is an input error unless
  // this is set; then the new version replaces the stored one. (Within one run's inputs, two
  // different records with one id are always an error: no order says which one wins.)
  bool replace = false;
  // Progress: called with a short description at each stage of a long run.
  std::function<void(std::string_view stage)> on_stage;
};

struct MergeReport {
  size_t records = 0;                   // records read from the map files
  std::vector<std::string> added;       // ids of new documents
  std::vector<std::string> replaced;    // ids whose stored version was replaced
  std::vector<std::string> unchanged;   // ids already stored with the same content: skipped
  std::vector<std::string> repeated;    // ids given twice in the inputs with the same content
  bool written = false;                 // false when nothing changed (the file is untouched)
  size_t documents = 0;                 // in the database afterwards
  size_t nodes = 0;
  size_t edges = 0;
};

// Merges the map files (paths; "-" is stdin) into the database at `db_path`, creating it if
// it does not exist. Throws kg::InputError for bad input (the database is then untouched)
// and kg::Error for failures while writing (likewise).
MergeReport merge_maps(const std::vector<std::string>& map_files, const std::string& db_path,
                       const MergeOptions& options = {});

// The same for per-document results already in memory (`kg build`). `origins[i]` names where
// results[i] came from (a file name) in error messages; it may be shorter than `results`.
MergeReport merge_documents(std::vector<extract::DocumentResult> results,
                            std::vector<std::string> origins, const std::string& db_path,
                            const MergeOptions& options = {});

}  // namespace kg::exporter
