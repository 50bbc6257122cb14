#pragma once
// Reading articles into Documents: plain text, JSON and JSON Lines files, folders of them, and
// stdin. Every text is checked to be UTF-8 and made safe for the later stages without moving
// any offset that matters (docs/input.md lists exactly what is accepted and how).

#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "extract/document.h"

namespace kg::extract {

// How the bytes of an input are to be read.
enum class InputFormat {
  kAuto,       // by file extension: .json, .jsonl; anything else named explicitly is text
  kText,       // the whole file is one article
  kJson,       // an object, or an array of objects, each with a "text" string
  kJsonLines,  // one such object per line
};

enum class InvalidUtf8 {
  kError,    // refuse the input, naming the file, line and byte (the default: never guess)
  kReplace,  // substitute U+FFFD for each bad byte (the text grows by 2 bytes per byte)
};

struct ReadOptions {
  // Overrides the extension for files named on the command line and says what stdin ("-")
  // holds; kAuto reads stdin as text. Files found inside folders always go by extension,
  // since a folder mixes kinds.
  InputFormat format = InputFormat::kAuto;
  // Text that is not UTF-8 is usually Latin-1 or Windows-1252; refusing is the safe default
  // because a silent substitution would change names ("Zelenskyy" vs "Zelensk?yy").
  InvalidUtf8 invalid_utf8 = InvalidUtf8::kError;
  // Files larger than this are refused before reading (a guard against pointing kg at a disk
  // image). Offsets are 32-bit, so nothing above 4 GiB could be handled anyway.
  uint64_t max_file_bytes = uint64_t{1} << 30;
};

// An input that was seen but yielded no document, and why (listed by `kg build` so a user
// knows what was left out).
struct SkippedInput {
  std::string name;    // path, or path#N for a record
  std::string reason;  // "not .txt, .json or .jsonl", "empty", "hidden", ...
};

// Reads a corpus one file at a time, so memory is bounded by the largest file, not the corpus.
// The constructor expands folders (recursively, in sorted path order) and checks that every
// named input exists; next() then yields the documents in order. Document ids are unique
// across the corpus: a repeated id is an InputError naming both inputs.
class CorpusReader {
 public:
  // Throws kg::InputError for a missing input, "-" given twice, a folder without articles,
  // or no inputs at all.
  CorpusReader(const std::vector<std::string>& inputs, const ReadOptions& options = {});

  // The next document, or nullopt at the end. Throws kg::InputError for unreadable,
  // binary, non-UTF-8 or malformed input, a duplicate id, and (at the end) a corpus that
  // held no text at all.
  std::optional<Document> next();

  // Files found in folders that were not read, and inputs that held no text; complete once
  // next() has returned nullopt.
  const std::vector<SkippedInput>& skipped() const { return skipped_; }
  // The files to be read, in order ("-" for stdin).
  const std::vector<std::string>& files() const { return files_; }

 private:
  struct FileEntry {
    std::string path;
    bool from_folder = false;
  };
  ReadOptions options_;
  std::vector<FileEntry> entries_;
  std::vector<std::string> files_;
  size_t next_file_ = 0;
  std::deque<Document> pending_;
  std::vector<SkippedInput> skipped_;
  std::unordered_map<std::string, std::string> seen_ids_;  // id -> name that first had it
  size_t documents_ = 0;
};

struct Corpus {
  std::vector<Document> documents;
  std::vector<SkippedInput> skipped;
};

// Reads every document of `inputs` at once (small corpora, tests).
Corpus read_corpus(const std::vector<std::string>& inputs, const ReadOptions& options = {});

// Turns the bytes of one input into its documents: `name` is used in messages and in
// Document::name, `stem` is the id of a single-record input and the prefix of "stem-N".
// Documents whose text is only whitespace are left out and reported in `skipped` if given.
// `format` kAuto means text. Throws kg::InputError as CorpusReader::next() does.
std::vector<Document> parse_documents(std::string bytes, const std::string& name,
                                      const std::string& stem, InputFormat format,
                                      const ReadOptions& options = {},
                                      std::vector<SkippedInput>* skipped = nullptr);

// Makes raw bytes a valid Document::text in place: refuses binary data, checks UTF-8 (or
// replaces bad bytes, per options), removes a leading BOM and replaces NUL and the other C0
// control characters except tab, LF and CR by spaces (same length, so offsets after the BOM
// are those of the file). `name` is used in error messages.
void sanitize_text(std::string& text, const std::string& name, const ReadOptions& options);

}  // namespace kg::extract
