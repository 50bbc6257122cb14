#pragma once
// AtomicFile: write an output beside its destination and rename it into place only when
// complete, so a failed or interrupted run leaves the previous file as it was.

#include <fstream>
#include <string>

namespace kg::exporter {

// Writes to "<path>.tmp-<pid>" in the destination's folder; commit() flushes, checks for
// errors and renames over `path`. Destroyed without commit(), it removes the temporary file.
// The path "-" writes to standard output instead (commit() only flushes).
class AtomicFile {
 public:
  explicit AtomicFile(std::string path);
  ~AtomicFile();
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;

  std::ostream& stream();
  // The temporary path, for writers that need a file name (Graphviz, SQLite).
  const std::string& temp_path() const { return temp_; }
  // Renames the temporary file into place; throws kg::Error if writing or renaming failed.
  void commit();

 private:
  std::string path_;
  std::string temp_;
  std::ofstream out_;
  bool committed_ = false;
};

}  // namespace kg::exporter
