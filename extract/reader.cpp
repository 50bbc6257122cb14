#include "extract/reader.h"

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <limits>

#include "extract/error.h"
#include "extract/utf8.h"

namespace kg::extract {

namespace fs = std::filesystem;

namespace {

// How much of a file the binary check looks at, and how many suspicious bytes in that window
// make it binary. Text files have no NULs; UTF-16 has one every other byte, images and
// archives have them everywhere. A stray NUL or two (a broken export) is still text.
constexpr size_t kSniffBytes = 1024;
constexpr size_t kMaxNulBytes = 8;

std::string lower_ascii(std::string s) {
  for (char& c : s) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return s;
}

std::string hex_byte(unsigned char b) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "0x%02X", b);
  return buf;
}

bool starts_with_bytes(std::string_view text, std::string_view prefix) {
  return text.size() >= prefix.size() && text.substr(0, prefix.size()) == prefix;
}

// A known non-text signature and what to do about it, or "" if none matches.
std::string known_binary_kind(std::string_view head) {
  using namespace std::string_view_literals;
  struct Magic {
    std::string_view bytes;
    const char* what;
  };
  static const Magic kMagics[] = {
      {"\x1F\x8B"sv, "a gzip file; decompress it first (gunzip)"},
      {"BZh"sv, "a bzip2 file; decompress it first (bunzip2)"},
      {"\xFD\x37\x7A\x58\x5A\x00"sv, "an xz file; decompress it first (unxz)"},
      {"\x28\xB5\x2F\xFD"sv, "a zstd file; decompress it first (unzstd)"},
      {"PK\x03\x04"sv, "a zip archive (or .docx/.odt); extract the text first"},
      {"%PDF"sv, "a PDF; extract its text first (e.g. pdftotext)"},
      {"\xD0\xCF\x11\xE0"sv, "an old Office document; save it as plain text first"},
      {"\x7F" "ELF"sv, "an executable"},
      {"\x89PNG"sv, "a PNG image"},
      {"\xFF\xD8\xFF"sv, "a JPEG image"},
      {"GIF8"sv, "a GIF image"},
      {"SQLite format 3\x00"sv, "an SQLite database"},
      {"\xFF\xFE"sv, "UTF-16 text; convert it to UTF-8 (iconv -f UTF-16 -t UTF-8)"},
      {"\xFE\xFF"sv, "UTF-16 text; convert it to UTF-8 (iconv -f UTF-16 -t UTF-8)"},
  };
  for (const Magic& m : kMagics) {
    if (starts_with_bytes(head, m.bytes)) return m.what;
  }
  return "";
}

void check_not_binary(std::string_view text, const std::string& name) {
  const std::string_view head = text.substr(0, kSniffBytes);
  if (std::string kind = known_binary_kind(head); !kind.empty()) {
    throw InputError(name + ": looks like a binary file: " + kind);
  }
  size_t nul = 0;
  size_t control = 0;
  size_t invalid = 0;
  char32_t cp = 0;
  for (size_t i = 0; i < head.size();) {
    const auto c = static_cast<unsigned char>(head[i]);
    if (c < 0x80) {
      if (c == 0) ++nul;
      else if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') ++control;
      ++i;
      continue;
    }
    const size_t n = decode_utf8(text, i, cp);  // `text`, so a character cut by the window is whole
    if (n == 0) {
      ++invalid;
      ++i;
    } else {
      i += n;
    }
  }
  // Latin-1 text has many invalid bytes but no NULs or controls; it gets the UTF-8 message,
  // which says how to convert it. NULs and controls, or many of them together with invalid
  // bytes, mean binary.
  const size_t odd = nul + control;
  const bool binary = nul >= kMaxNulBytes || (odd >= kMaxNulBytes && odd * 10 >= head.size()) ||
                      (odd >= 2 && odd + invalid >= kMaxNulBytes && (odd + invalid) * 5 >= head.size());
  if (binary) {
    throw InputError(name + ": looks like a binary file (" + std::to_string(nul) + " NUL, " +
                     std::to_string(control) + " control and " + std::to_string(invalid) +
                     " invalid UTF-8 bytes in its first " + std::to_string(head.size()) +
                     " bytes); kg reads UTF-8 text, .json and .jsonl files");
  }
}

size_t line_of(std::string_view text, size_t offset) {
  return 1 + static_cast<size_t>(std::count(text.begin(), text.begin() + offset, '\n'));
}

// 1-based column in code points of `offset` on its line.
size_t column_of(std::string_view text, size_t offset) {
  const size_t nl = offset == 0 ? std::string_view::npos : text.rfind('\n', offset - 1);
  const size_t start = nl == std::string_view::npos ? 0 : nl + 1;
  return 1 + utf8_length(text.substr(start, offset - start));
}

// Replaces C0 controls other than tab, LF and CR (and DEL) by spaces, byte for byte.
void blank_controls(std::string& text) {
  for (char& c : text) {
    const auto b = static_cast<unsigned char>(c);
    if ((b < 0x20 && b != '\t' && b != '\n' && b != '\r') || b == 0x7F) c = ' ';
  }
}

// The last step for any text: no BOM, no control characters.
void finish_text(std::string& text) {
  if (starts_with_bytes(text, "\xEF\xBB\xBF")) text.erase(0, 3);
  blank_controls(text);
}

// Metadata fields are one line: every control character, newlines included, becomes a space.
std::string clean_field(std::string value) {
  for (char& c : value) {
    const auto b = static_cast<unsigned char>(c);
    if (b < 0x20 || b == 0x7F) c = ' ';
  }
  const size_t first = value.find_first_not_of(' ');
  if (first == std::string::npos) return "";
  const size_t last = value.find_last_not_of(' ');
  return value.substr(first, last - first + 1);
}

bool blank(std::string_view text) {
  for (unsigned char c : text) {
    if (c != ' ' && c != '\t' && c != '\n' && c != '\r') return false;
  }
  return true;
}

void check_size(uint64_t size, const std::string& name, const ReadOptions& options) {
  // Every offset is a uint32_t; the text may grow by replacements, so keep a margin.
  const uint64_t limit =
      std::min<uint64_t>(options.max_file_bytes, std::numeric_limits<uint32_t>::max() / 2);
  if (size > limit) {
    throw InputError(name + ": too large (" + std::to_string(size) +
                     " bytes; kg reads files up to " + std::to_string(limit) +
                     " bytes); split it into one file per article");
  }
}

// --- JSON ---

// Where a record sits, for messages: "FILE: record 3" or "FILE:12" (a JSON Lines line).
struct RecordPlace {
  const std::string* name;
  size_t record = 0;  // 1-based
  size_t line = 0;    // 1-based line of a JSON Lines record, 0 for .json
  std::string where() const {
    if (line) return *name + ":" + std::to_string(line);
    return *name + ": record " + std::to_string(record);
  }
};

std::string json_type_name(const rapidjson::Value& v) {
  if (v.IsNull()) return "null";
  if (v.IsBool()) return "a boolean";
  if (v.IsNumber()) return "a number";
  if (v.IsString()) return "a string";
  if (v.IsArray()) return "an array";
  return "an object";
}

// A metadata field as text: strings as they are, numbers in their JSON spelling, null as "".
std::string metadata_field(const rapidjson::Value& record, const char* key,
                           const RecordPlace& place) {
  auto it = record.FindMember(key);
  if (it == record.MemberEnd() || it->value.IsNull()) return "";
  const rapidjson::Value& v = it->value;
  if (v.IsString()) return clean_field(std::string(v.GetString(), v.GetStringLength()));
  if (v.IsInt64()) return std::to_string(v.GetInt64());
  if (v.IsUint64()) return std::to_string(v.GetUint64());
  if (v.IsNumber()) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.17g", v.GetDouble());
    return buf;
  }
  throw InputError(place.where() + ": field \"" + key + "\" is " + json_type_name(v) +
                   "; expected a string");
}

struct Record {
  Document document;
  std::string explicit_id;
};

Record read_record(const rapidjson::Value& record, const RecordPlace& place,
                   const ReadOptions& options) {
  if (!record.IsObject()) {
    throw InputError(place.where() + ": expected a JSON object with a \"text\" field, found " +
                     json_type_name(record));
  }
  auto text = record.FindMember("text");
  if (text == record.MemberEnd()) {
    throw InputError(place.where() +
                     ": the object has no \"text\" field (kg reads the article from \"text\"; "
                     "see docs/input.md)");
  }
  if (!text->value.IsString()) {
    throw InputError(place.where() + ": field \"text\" is " + json_type_name(text->value) +
                     "; expected a string");
  }
  Record r;
  Document& d = r.document;
  d.text.assign(text->value.GetString(), text->value.GetStringLength());
  // The file was valid UTF-8 and RapidJSON checked escapes, so only controls and a BOM
  // written as \uFEFF remain to handle.
  check_size(d.text.size(), place.where(), options);
  finish_text(d.text);
  d.title = metadata_field(record, "title", place);
  d.url = metadata_field(record, "url", place);
  d.date = metadata_field(record, "date", place);
  d.source = metadata_field(record, "source", place);
  r.explicit_id = metadata_field(record, "id", place);
  return r;
}

[[noreturn]] void json_syntax_error(std::string_view text, size_t offset, size_t base_line,
                                    const std::string& name, rapidjson::ParseErrorCode code) {
  const size_t line = base_line + line_of(text, offset) - 1;
  throw InputError(name + ":" + std::to_string(line) + ":" +
                   std::to_string(column_of(text, offset)) +
                   ": malformed JSON: " + rapidjson::GetParseError_En(code) +
                   " (check it with `python3 -m json.tool FILE`; JSON Lines files need the "
                   ".jsonl extension)");
}

// RapidJSON checks the encoding of \u escapes (no lone surrogates); without
// kParseStopWhenDoneFlag it also reports anything after the value.
constexpr unsigned kJsonFlags = rapidjson::kParseValidateEncodingFlag;

std::vector<Record> parse_json(std::string_view text, const std::string& name,
                               const ReadOptions& options) {
  rapidjson::Document json;
  json.Parse<kJsonFlags>(text.data(), text.size());
  if (json.HasParseError()) {
    json_syntax_error(text, json.GetErrorOffset(), 1, name, json.GetParseError());
  }
  std::vector<Record> records;
  if (json.IsArray()) {
    size_t n = 0;
    for (const rapidjson::Value& v : json.GetArray()) {
      ++n;
      records.push_back(read_record(v, RecordPlace{&name, n, 0}, options));
    }
  } else if (json.IsObject()) {
    records.push_back(read_record(json, RecordPlace{&name, 1, 0}, options));
  } else {
    throw InputError(name + ": expected a JSON object or an array of objects with a \"text\" "
                     "field, found " + json_type_name(json));
  }
  return records;
}

std::vector<Record> parse_json_lines(std::string_view text, const std::string& name,
                                     const ReadOptions& options) {
  std::vector<Record> records;
  size_t line = 0;
  for (size_t start = 0; start < text.size();) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    ++line;
    const std::string_view row = text.substr(start, end - start);
    start = end + 1;
    if (blank(row)) continue;
    rapidjson::Document json;
    json.Parse<kJsonFlags>(row.data(), row.size());
    if (json.HasParseError()) {
      json_syntax_error(row, json.GetErrorOffset(), line, name, json.GetParseError());
    }
    records.push_back(read_record(json, RecordPlace{&name, records.size() + 1, line}, options));
  }
  return records;
}

// The format of an input from its extension; kAuto for anything not JSON.
InputFormat format_of(const fs::path& path) {
  const std::string ext = lower_ascii(path.extension().string());
  if (ext == ".json") return InputFormat::kJson;
  if (ext == ".jsonl" || ext == ".ndjson") return InputFormat::kJsonLines;
  return InputFormat::kText;
}

bool is_article_file(const fs::path& path) {
  const std::string ext = lower_ascii(path.extension().string());
  return ext == ".txt" || ext == ".json" || ext == ".jsonl" || ext == ".ndjson";
}

std::string read_file_bytes(const std::string& path, const ReadOptions& options) {
  std::error_code ec;
  const uint64_t size = fs::file_size(path, ec);
  if (!ec) check_size(size, path, options);
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError(path + ": cannot open the file (is it readable?)");
  std::string bytes;
  if (!ec) bytes.reserve(size);
  char buffer[1 << 16];
  while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
    bytes.append(buffer, static_cast<size_t>(in.gcount()));
    check_size(bytes.size(), path, options);
  }
  if (in.bad()) throw Error(path + ": read error");
  return bytes;
}

std::string read_stdin_bytes(const ReadOptions& options) {
  std::string bytes;
  char buffer[1 << 16];
  size_t n = 0;
  while ((n = std::fread(buffer, 1, sizeof buffer, stdin)) > 0) {
    bytes.append(buffer, n);
    check_size(bytes.size(), "stdin", options);
  }
  if (std::ferror(stdin)) throw Error("stdin: read error");
  return bytes;
}

}  // namespace

namespace {

// Refuses invalid UTF-8 with its place, or replaces it, per the options.
void check_utf8(std::string& text, const std::string& name, const ReadOptions& options) {
  if (const size_t bad = find_invalid_utf8(text); bad != std::string::npos) {
    if (options.invalid_utf8 == InvalidUtf8::kError) {
      throw InputError(name + ":" + std::to_string(line_of(text, bad)) + ": byte " +
                       std::to_string(bad) + ": invalid UTF-8 (" +
                       hex_byte(static_cast<unsigned char>(text[bad])) +
                       "); kg reads UTF-8 text: convert the file (e.g. iconv -f WINDOWS-1252 "
                       "-t UTF-8), or use --invalid-utf8 replace to substitute U+FFFD");
    }
    replace_invalid_utf8(text);
    check_size(text.size(), name, options);
  }
}

}  // namespace

void sanitize_text(std::string& text, const std::string& name, const ReadOptions& options) {
  check_size(text.size(), name, options);
  check_not_binary(text, name);
  check_utf8(text, name, options);
  finish_text(text);
}

std::vector<Document> parse_documents(std::string bytes, const std::string& name,
                                      const std::string& stem, InputFormat format,
                                      const ReadOptions& options,
                                      std::vector<SkippedInput>* skipped) {
  std::vector<Document> out;
  if (format == InputFormat::kAuto || format == InputFormat::kText) {
    sanitize_text(bytes, name, options);
    if (blank(bytes)) {
      if (skipped) skipped->push_back({name, "empty (no text)"});
      return out;
    }
    Document d;
    d.id = stem;
    d.name = name;
    d.text = std::move(bytes);
    out.push_back(std::move(d));
    return out;
  }
  // The JSON file as a whole is checked first, so a bad byte is reported at its place in the
  // file; the texts inside then only need their control characters handled.
  check_size(bytes.size(), name, options);
  check_not_binary(bytes, name);
  check_utf8(bytes, name, options);
  std::string_view view = bytes;
  if (starts_with_bytes(view, "\xEF\xBB\xBF")) view.remove_prefix(3);
  std::vector<Record> records = format == InputFormat::kJson
                                    ? parse_json(view, name, options)
                                    : parse_json_lines(view, name, options);
  const bool single = records.size() == 1;
  if (records.empty() && skipped) skipped->push_back({name, "no records"});
  for (size_t i = 0; i < records.size(); ++i) {
    Document& d = records[i].document;
    d.name = single ? name : name + "#" + std::to_string(i + 1);
    if (!records[i].explicit_id.empty()) {
      d.id = records[i].explicit_id;
    } else {
      d.id = single ? stem : stem + "-" + std::to_string(i + 1);
    }
    if (blank(d.text)) {
      if (skipped) skipped->push_back({d.name, "empty \"text\""});
      continue;
    }
    out.push_back(std::move(d));
  }
  return out;
}

// --- CorpusReader ---

CorpusReader::CorpusReader(const std::vector<std::string>& inputs, const ReadOptions& options)
    : options_(options) {
  if (inputs.empty()) throw InputError("no input given: name files, folders or - for stdin");
  bool stdin_seen = false;
  for (const std::string& input : inputs) {
    if (input == "-") {
      if (stdin_seen) throw InputError("-: stdin given twice");
      stdin_seen = true;
      entries_.push_back({input, false});
      continue;
    }
    std::error_code ec;
    const fs::file_status status = fs::status(input, ec);
    if (ec || !fs::exists(status)) {
      throw InputError(input + ": no such file or folder");
    }
    if (!fs::is_directory(status)) {
      entries_.push_back({input, false});
      continue;
    }
    // A folder: every article file below it, sorted by path so runs are reproducible.
    std::vector<std::string> found;
    size_t others = 0;
    std::string example;
    fs::recursive_directory_iterator it(input, fs::directory_options::skip_permission_denied, ec);
    if (ec) throw InputError(input + ": cannot list the folder: " + ec.message());
    for (; it != fs::recursive_directory_iterator(); it.increment(ec)) {
      if (ec) throw InputError(input + ": cannot list the folder: " + ec.message());
      const fs::path& p = it->path();
      const std::string file_name = p.filename().string();
      const bool hidden = !file_name.empty() && file_name[0] == '.';
      if (it->is_directory(ec)) {
        if (hidden) {
          skipped_.push_back({p.string(), "hidden folder"});
          it.disable_recursion_pending();
        }
        continue;
      }
      if (hidden) {
        skipped_.push_back({p.string(), "hidden file"});
      } else if (!it->is_regular_file(ec)) {
        skipped_.push_back({p.string(), "not a regular file"});
      } else if (!is_article_file(p)) {
        skipped_.push_back({p.string(), "not .txt, .json or .jsonl"});
      } else {
        found.push_back(p.string());
        continue;
      }
      ++others;
      if (example.empty()) example = file_name;
    }
    if (found.empty()) {
      throw InputError(input + ": no .txt, .json or .jsonl files in this folder" +
                       (others ? " (" + std::to_string(others) + " other files, e.g. '" + example +
                                     "', were skipped)"
                               : std::string(" (it is empty)")));
    }
    std::sort(found.begin(), found.end());
    for (std::string& f : found) entries_.push_back({std::move(f), true});
  }
  for (const FileEntry& e : entries_) files_.push_back(e.path);
}

std::optional<Document> CorpusReader::next() {
  while (pending_.empty()) {
    if (next_file_ == entries_.size()) {
      if (documents_ == 0) {
        throw InputError("no documents: the inputs hold no text (" +
                         std::to_string(skipped_.size()) + " skipped; kg reads .txt, .json and "
                         ".jsonl articles, see docs/input.md)");
      }
      return std::nullopt;
    }
    const FileEntry& entry = entries_[next_file_++];
    std::string bytes;
    std::string stem;
    InputFormat format = InputFormat::kText;
    if (entry.path == "-") {
      bytes = read_stdin_bytes(options_);
      stem = "stdin";
      format = options_.format == InputFormat::kAuto ? InputFormat::kText : options_.format;
    } else {
      bytes = read_file_bytes(entry.path, options_);
      const fs::path p(entry.path);
      stem = p.stem().string();
      format = (entry.from_folder || options_.format == InputFormat::kAuto) ? format_of(p)
                                                                             : options_.format;
    }
    // A folder of articles often holds the map files kg extract wrote from them: they are
    // results, not articles.
    if (entry.from_folder && format == InputFormat::kJsonLines &&
        bytes.rfind("{\"format\":\"kg-map\"", 0) == 0) {
      skipped_.push_back({entry.path, "a kg map file (kg merge reads it)"});
      continue;
    }
    for (Document& d : parse_documents(std::move(bytes), entry.path, stem, format, options_,
                                       &skipped_)) {
      auto [it, inserted] = seen_ids_.emplace(d.id, d.name);
      if (!inserted) {
        throw InputError("duplicate document id '" + d.id + "' in " + it->second + " and " +
                         d.name +
                         ": ids are file names without extension (or the record's \"id\"); "
                         "rename one of them");
      }
      pending_.push_back(std::move(d));
    }
  }
  Document d = std::move(pending_.front());
  pending_.pop_front();
  ++documents_;
  return d;
}

Corpus read_corpus(const std::vector<std::string>& inputs, const ReadOptions& options) {
  CorpusReader reader(inputs, options);
  Corpus corpus;
  while (std::optional<Document> d = reader.next()) corpus.documents.push_back(std::move(*d));
  corpus.skipped = reader.skipped();
  return corpus;
}

}  // namespace kg::extract
