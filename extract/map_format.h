#pragma once
// The map format: one DocumentResult per line of a JSON Lines file ("kg-map", version 1), the
// output of the map step (`kg extract`) and the input of the reduce step (`kg merge`).
// docs/formats.md documents every field with a full example line.
//
// Offsets in the file are Unicode code points into the document's text; in memory they are
// bytes (extract/span.h). Both directions convert through OffsetMap, here and nowhere else.

#include <cstdint>
#include <cstdio>
#include <memory>
#include <string>
#include <string_view>

#include "extract/document_result.h"

namespace kg::extract {

inline constexpr std::string_view kMapFormatName = "kg-map";
inline constexpr int kMapFormatVersion = 1;

struct MapWriteOptions {
  // Tokens (form, lemma, tags, head, relation) are ten times the size of everything else and
  // only debugging and the parser's tools need them; the reduce step ignores them.
  bool tokens = false;
};

// Appends `result` as one line (with the final '\n') to `out`. Writing is deterministic: the
// same result always gives the same bytes. Throws kg::Error if the text is not valid UTF-8
// (the reader guarantees it; a result built by hand may not).
void append_map_record(const DocumentResult& result, std::string& out,
                       const MapWriteOptions& options = {});

// Parses one line of a map file. `line` is modified (parsed in place). `file` and
// `line_number` only label error messages. Throws kg::InputError naming file, line and, for
// JSON syntax errors, the column (1-based, in bytes); for a well-formed record with a missing
// or wrong field, the JSON path of that field ("triples[3].object").
DocumentResult parse_map_record(std::string& line, std::string_view file, uint64_t line_number);

// Reads the records of one map file ("-" is standard input) in order. Blank lines are
// skipped. Lines longer than `max_line_bytes` are refused (an input error) rather than read
// into memory whole; gzip files and binary files are recognised and refused with a hint.
class MapReader {
 public:
  static constexpr size_t kDefaultMaxLineBytes = size_t{256} << 20;

  explicit MapReader(std::string path, size_t max_line_bytes = kDefaultMaxLineBytes);
  ~MapReader();
  MapReader(const MapReader&) = delete;
  MapReader& operator=(const MapReader&) = delete;

  // The next record; false at the end of the file. Throws kg::InputError on bad input and
  // kg::Error when reading fails.
  bool next(DocumentResult& result);

  const std::string& path() const { return path_; }
  uint64_t line_number() const { return line_number_; }

 private:
  bool read_line(std::string& line);

  std::string path_;
  size_t max_line_bytes_;
  std::FILE* file_ = nullptr;
  bool owns_file_ = false;
  std::unique_ptr<char[]> buffer_;
  size_t buffer_begin_ = 0;
  size_t buffer_end_ = 0;
  bool eof_ = false;
  uint64_t line_number_ = 0;
  uint64_t byte_offset_ = 0;  // of the start of the current line
  std::string line_;
};

}  // namespace kg::extract
