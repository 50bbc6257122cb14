#include "extract/map_format.h"

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <cerrno>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <limits>

#include "extract/error.h"
#include "extract/offsets.h"

namespace kg::extract {

namespace {

using JsonValue = rapidjson::Value;
// Validating the encoding on write catches a Document built by hand with invalid UTF-8;
// the reader's text is always valid.
using JsonWriter = rapidjson::Writer<rapidjson::StringBuffer, rapidjson::UTF8<>, rapidjson::UTF8<>,
                                     rapidjson::CrtAllocator, rapidjson::kWriteValidateEncodingFlag>;

// ---------------------------------------------------------------------------------------
// Writing

void write_string(JsonWriter& w, std::string_view s) {
  if (!w.String(s.data(), static_cast<rapidjson::SizeType>(s.size()))) {
    throw Error("map writer: a string is not valid UTF-8 (\"" +
                std::string(s.substr(0, 40)) + "...\"); clean the text before writing it");
  }
}

void write_key(JsonWriter& w, std::string_view key) {
  w.Key(key.data(), static_cast<rapidjson::SizeType>(key.size()));
}

void write_span(JsonWriter& w, const OffsetMap& map, Span bytes) {
  const Span chars = map.to_chars(bytes);
  write_key(w, "start");
  w.Uint(chars.start);
  write_key(w, "end");
  w.Uint(chars.end);
}

void write_tokens(JsonWriter& w, const OffsetMap& map, const Sentence& s) {
  write_key(w, "tokens");
  w.StartArray();
  for (const Token& t : s.tokens) {
    w.StartObject();
    write_span(w, map, t.span);
    write_key(w, "form");
    write_string(w, t.form);
    write_key(w, "lemma");
    write_string(w, t.lemma);
    write_key(w, "upos");
    write_string(w, to_string(t.upos));
    write_key(w, "xpos");
    write_string(w, to_string(t.xpos));
    write_key(w, "head");
    w.Int(t.head);
    write_key(w, "deprel");
    write_string(w, to_string(t.deprel));
    write_key(w, "space_after");
    w.Bool(t.space_after);
    w.EndObject();
  }
  w.EndArray();
  write_key(w, "multiword");
  w.StartArray();
  for (const MultiwordToken& m : s.multiword) {
    w.StartObject();
    write_key(w, "first");
    w.Int(m.first);
    write_key(w, "last");
    w.Int(m.last);
    write_key(w, "form");
    write_string(w, m.form);
    write_span(w, map, m.span);
    write_key(w, "space_after");
    w.Bool(m.space_after);
    w.EndObject();
  }
  w.EndArray();
  write_key(w, "ner");
  w.StartArray();
  for (const NamedEntity& e : s.entities) {
    w.StartObject();
    write_key(w, "first");
    w.Int(e.first);
    write_key(w, "last");
    w.Int(e.last);
    write_key(w, "type");
    write_string(w, to_string(e.type));
    w.EndObject();
  }
  w.EndArray();
}

// ---------------------------------------------------------------------------------------
// Reading

// A field of a well-formed record is missing or wrong. Thrown inside the record parser and
// caught once per array level to prefix the path, then turned into a kg::InputError.
struct FieldError {
  std::string path;
  std::string message;
};

[[noreturn]] void field_error(std::string path, std::string message) {
  throw FieldError{std::move(path), std::move(message)};
}

const char* json_type_name(const JsonValue& v) {
  switch (v.GetType()) {
    case rapidjson::kNullType: return "null";
    case rapidjson::kFalseType:
    case rapidjson::kTrueType: return "a boolean";
    case rapidjson::kObjectType: return "an object";
    case rapidjson::kArrayType: return "an array";
    case rapidjson::kStringType: return "a string";
    case rapidjson::kNumberType: return "a number";
  }
  return "a value";
}

const JsonValue* find(const JsonValue& object, const char* name) {
  const auto it = object.FindMember(name);
  return it == object.MemberEnd() ? nullptr : &it->value;
}

const JsonValue& require(const JsonValue& object, const char* name) {
  const JsonValue* v = find(object, name);
  if (!v) field_error(name, "missing (required)");
  return *v;
}

std::string_view as_string(const JsonValue& v, const char* name) {
  if (!v.IsString()) field_error(name, std::string("expected a string, got ") + json_type_name(v));
  return {v.GetString(), v.GetStringLength()};
}

std::string_view required_string(const JsonValue& object, const char* name) {
  return as_string(require(object, name), name);
}

std::string optional_string(const JsonValue& object, const char* name) {
  const JsonValue* v = find(object, name);
  if (!v || v->IsNull()) return {};
  return std::string(as_string(*v, name));
}

int64_t as_integer(const JsonValue& v, const char* name, int64_t min, int64_t max) {
  if (!v.IsInt64()) {
    field_error(name, std::string("expected a whole number, got ") +
                          (v.IsNumber() ? "a fraction or a huge number" : json_type_name(v)));
  }
  const int64_t n = v.GetInt64();
  if (n < min || n > max) {
    field_error(name, std::to_string(n) + " is out of range (" + std::to_string(min) + " to " +
                          std::to_string(max) + ")");
  }
  return n;
}

int64_t required_integer(const JsonValue& object, const char* name, int64_t min, int64_t max) {
  return as_integer(require(object, name), name, min, max);
}

bool optional_bool(const JsonValue& object, const char* name, bool fallback) {
  const JsonValue* v = find(object, name);
  if (!v || v->IsNull()) return fallback;
  if (!v->IsBool()) field_error(name, std::string("expected true or false, got ") + json_type_name(*v));
  return v->GetBool();
}

const JsonValue& required_array(const JsonValue& object, const char* name) {
  const JsonValue& v = require(object, name);
  if (!v.IsArray()) field_error(name, std::string("expected an array, got ") + json_type_name(v));
  return v;
}

const JsonValue* optional_array(const JsonValue& object, const char* name) {
  const JsonValue* v = find(object, name);
  if (!v || v->IsNull()) return nullptr;
  if (!v->IsArray()) field_error(name, std::string("expected an array, got ") + json_type_name(*v));
  return v;
}

void require_object(const JsonValue& v) {
  if (!v.IsObject()) field_error("", std::string("expected an object, got ") + json_type_name(v));
}

// Calls f(element, index) for each element, prefixing "name[i]" to the path of any error.
template <typename F>
void for_each(const JsonValue& array, const char* name, F&& f) {
  for (rapidjson::SizeType i = 0; i < array.Size(); ++i) {
    try {
      f(array[i], i);
    } catch (FieldError& e) {
      e.path = std::string(name) + "[" + std::to_string(i) + "]" +
               (e.path.empty() ? "" : "." + e.path);
      throw;
    }
  }
}

// Reads {"start": S, "end": E} in code points and returns the byte span.
Span read_span(const JsonValue& object, const OffsetMap& map) {
  const auto limit = static_cast<int64_t>(map.size_chars());
  const auto start = required_integer(object, "start", 0, limit);
  const auto end = required_integer(object, "end", 0, limit);
  if (end < start) {
    field_error("end", std::to_string(end) + " is before start " + std::to_string(start));
  }
  return map.to_bytes(Span{static_cast<uint32_t>(start), static_cast<uint32_t>(end)});
}

template <typename Enum, typename Parse>
Enum read_enum(const JsonValue& object, const char* name, Parse parse, std::string_view what) {
  const std::string_view text = required_string(object, name);
  const auto value = parse(text);
  if (!value) field_error(name, "unknown " + std::string(what) + " '" + std::string(text) + "'");
  return *value;
}

void read_tokens(const JsonValue& s, const OffsetMap& map, Sentence& sentence) {
  if (const JsonValue* tokens = optional_array(s, "tokens")) {
    const auto n = static_cast<int64_t>(tokens->Size());
    for_each(*tokens, "tokens", [&](const JsonValue& t, size_t) {
      require_object(t);
      Token& token = sentence.tokens.emplace_back();
      token.span = read_span(t, map);
      token.form = optional_string(t, "form");
      token.lemma = optional_string(t, "lemma");
      token.upos = read_enum<Upos>(t, "upos", parse_upos, "UPOS tag");
      token.xpos = read_enum<Xpos>(t, "xpos", parse_xpos, "XPOS tag");
      token.head = static_cast<int>(required_integer(t, "head", -1, n));
      token.deprel = read_enum<Deprel>(t, "deprel", parse_deprel, "dependency relation");
      token.space_after = optional_bool(t, "space_after", true);
    });
  }
  const auto words = static_cast<int64_t>(sentence.tokens.size());
  if (const JsonValue* multiword = optional_array(s, "multiword")) {
    for_each(*multiword, "multiword", [&](const JsonValue& m, size_t) {
      require_object(m);
      MultiwordToken& mwt = sentence.multiword.emplace_back();
      mwt.first = static_cast<int>(required_integer(m, "first", 1, words));
      mwt.last = static_cast<int>(required_integer(m, "last", mwt.first, words));
      mwt.form = optional_string(m, "form");
      mwt.span = read_span(m, map);
      mwt.space_after = optional_bool(m, "space_after", true);
    });
  }
  if (const JsonValue* ner = optional_array(s, "ner")) {
    for_each(*ner, "ner", [&](const JsonValue& e, size_t) {
      require_object(e);
      NamedEntity& entity = sentence.entities.emplace_back();
      entity.first = static_cast<int>(required_integer(e, "first", 0, words));
      entity.last = static_cast<int>(required_integer(e, "last", entity.first, words));
      entity.type = read_enum<EntityType>(e, "type", parse_entity_type, "entity type");
    });
  }
}

void read_record(const JsonValue& root, DocumentResult& result) {
  if (!root.IsObject()) {
    field_error("", std::string("expected a JSON object (one kg-map record per line), got ") +
                        json_type_name(root));
  }
  const JsonValue* format = find(root, "format");
  if (!format || !format->IsString() ||
      std::string_view(format->GetString(), format->GetStringLength()) != kMapFormatName) {
    field_error("format", "not a kg map record (expected \"format\":\"kg-map\"); map files are "
                          "written by `kg extract`");
  }
  const JsonValue& version = require(root, "version");
  if (!version.IsInt()) field_error("version", "expected a whole number");
  if (version.GetInt() != kMapFormatVersion) {
    field_error("version",
                "unknown map format version " + std::to_string(version.GetInt()) +
                    " (this kg reads version " + std::to_string(kMapFormatVersion) +
                    (version.GetInt() > kMapFormatVersion ? "; upgrade kg)" : ")"));
  }

  Document& doc = result.document;
  {
    const JsonValue& d = require(root, "document");
    try {
      require_object(d);
      doc.id = required_string(d, "id");
      if (doc.id.empty()) field_error("id", "must not be empty");
      doc.name = optional_string(d, "name");
      doc.title = optional_string(d, "title");
      doc.source = optional_string(d, "source");
      doc.url = optional_string(d, "url");
      doc.date = optional_string(d, "date");
      doc.text = required_string(d, "text");
    } catch (FieldError& e) {
      e.path = "document" + (e.path.empty() ? "" : "." + e.path);
      throw;
    }
  }
  const OffsetMap map(doc.text);

  if (const JsonValue* paragraphs = optional_array(root, "paragraphs")) {
    for_each(*paragraphs, "paragraphs", [&](const JsonValue& p, size_t) {
      require_object(p);
      doc.paragraphs.push_back(read_span(p, map));
    });
  }
  const JsonValue& sentences = required_array(root, "sentences");
  doc.sentences.reserve(sentences.Size());
  for_each(sentences, "sentences", [&](const JsonValue& s, size_t) {
    require_object(s);
    Sentence& sentence = doc.sentences.emplace_back();
    sentence.span = read_span(s, map);
    sentence.paragraph_start = optional_bool(s, "paragraph_start", false);
    read_tokens(s, map, sentence);
  });
  const auto sentence_count = static_cast<int64_t>(doc.sentences.size());

  const JsonValue& entities = required_array(root, "entities");
  result.entities.reserve(entities.Size());
  for_each(entities, "entities", [&](const JsonValue& e, size_t) {
    require_object(e);
    Entity& entity = result.entities.emplace_back();
    entity.name = required_string(e, "name");
    if (entity.name.empty()) field_error("name", "must not be empty");
    entity.type = read_enum<EntityType>(e, "type", parse_entity_type, "entity type");
    if (const JsonValue* titles = optional_array(e, "titles")) {
      for_each(*titles, "titles", [&](const JsonValue& t, size_t) {
        entity.titles.emplace_back(as_string(t, ""));
      });
    }
  });
  const auto entity_count = static_cast<int64_t>(result.entities.size());

  const JsonValue& mentions = required_array(root, "mentions");
  result.mentions.reserve(mentions.Size());
  for_each(mentions, "mentions", [&](const JsonValue& m, size_t) {
    require_object(m);
    Mention& mention = result.mentions.emplace_back();
    mention.entity = static_cast<int>(required_integer(m, "entity", 0, entity_count - 1));
    mention.sentence = static_cast<int>(required_integer(m, "sentence", 0, sentence_count - 1));
    mention.span = read_span(m, map);
    mention.rule = find(m, "rule") ? read_enum<LinkRule>(m, "rule", parse_link_rule, "link rule")
                                   : LinkRule::kName;
  });

  const JsonValue& triples = required_array(root, "triples");
  result.triples.reserve(triples.Size());
  for_each(triples, "triples", [&](const JsonValue& t, size_t) {
    require_object(t);
    Triple& triple = result.triples.emplace_back();
    triple.subject = static_cast<int>(required_integer(t, "subject", 0, entity_count - 1));
    triple.relation = required_string(t, "relation");
    if (triple.relation.empty()) field_error("relation", "must not be empty");
    triple.object = static_cast<int>(required_integer(t, "object", 0, entity_count - 1));
    triple.sentence = static_cast<int>(required_integer(t, "sentence", 0, sentence_count - 1));
    triple.evidence = read_span(t, map);
    triple.negated = optional_bool(t, "negated", false);
    triple.modality = optional_string(t, "modality");
    if (const JsonValue* by = find(t, "attributed_to"); by && !by->IsNull()) {
      triple.attributed_to = static_cast<int>(as_integer(*by, "attributed_to", 0, entity_count - 1));
    }
    if (const JsonValue* arguments = optional_array(t, "arguments")) {
      for_each(*arguments, "arguments", [&](const JsonValue& a, size_t) {
        require_object(a);
        Argument& argument = triple.arguments.emplace_back();
        argument.role = read_enum<ArgumentRole>(a, "role", parse_argument_role, "argument role");
        argument.text = required_string(a, "text");
        argument.span = read_span(a, map);
      });
    }
    if (const JsonValue* c = find(t, "confidence"); c && !c->IsNull()) {
      if (!c->IsNumber() || !(c->GetDouble() >= 0.0 && c->GetDouble() <= 1.0)) {
        field_error("confidence", "expected a number from 0 to 1");
      }
      triple.confidence = c->GetDouble();
    }
  });
}

}  // namespace

void append_map_record(const DocumentResult& result, std::string& out,
                       const MapWriteOptions& options) {
  const Document& doc = result.document;
  const OffsetMap map(doc.text);
  rapidjson::StringBuffer buffer;
  JsonWriter w(buffer);
  w.StartObject();
  write_key(w, "format");
  write_string(w, kMapFormatName);
  write_key(w, "version");
  w.Int(kMapFormatVersion);

  write_key(w, "document");
  w.StartObject();
  const std::pair<const char*, const std::string*> fields[] = {
      {"id", &doc.id},   {"name", &doc.name}, {"title", &doc.title}, {"source", &doc.source},
      {"url", &doc.url}, {"date", &doc.date}, {"text", &doc.text}};
  for (const auto& [key, value] : fields) {
    write_key(w, key);
    write_string(w, *value);
  }
  w.EndObject();

  write_key(w, "paragraphs");
  w.StartArray();
  for (const Span& p : doc.paragraphs) {
    w.StartObject();
    write_span(w, map, p);
    w.EndObject();
  }
  w.EndArray();

  write_key(w, "sentences");
  w.StartArray();
  for (const Sentence& s : doc.sentences) {
    w.StartObject();
    write_span(w, map, s.span);
    write_key(w, "paragraph_start");
    w.Bool(s.paragraph_start);
    if (options.tokens) write_tokens(w, map, s);
    w.EndObject();
  }
  w.EndArray();

  write_key(w, "entities");
  w.StartArray();
  for (const Entity& e : result.entities) {
    w.StartObject();
    write_key(w, "name");
    write_string(w, e.name);
    write_key(w, "type");
    write_string(w, to_string(e.type));
    write_key(w, "titles");
    w.StartArray();
    for (const std::string& t : e.titles) write_string(w, t);
    w.EndArray();
    w.EndObject();
  }
  w.EndArray();

  write_key(w, "mentions");
  w.StartArray();
  for (const Mention& m : result.mentions) {
    w.StartObject();
    write_key(w, "entity");
    w.Int(m.entity);
    write_key(w, "sentence");
    w.Int(m.sentence);
    write_span(w, map, m.span);
    write_key(w, "rule");
    write_string(w, to_string(m.rule));
    w.EndObject();
  }
  w.EndArray();

  write_key(w, "triples");
  w.StartArray();
  for (const Triple& t : result.triples) {
    w.StartObject();
    write_key(w, "subject");
    w.Int(t.subject);
    write_key(w, "relation");
    write_string(w, t.relation);
    write_key(w, "object");
    w.Int(t.object);
    write_key(w, "sentence");
    w.Int(t.sentence);
    write_span(w, map, t.evidence);
    write_key(w, "negated");
    w.Bool(t.negated);
    write_key(w, "modality");
    write_string(w, t.modality);
    write_key(w, "attributed_to");
    if (t.attributed_to < 0) {
      w.Null();
    } else {
      w.Int(t.attributed_to);
    }
    write_key(w, "arguments");
    w.StartArray();
    for (const Argument& a : t.arguments) {
      w.StartObject();
      write_key(w, "role");
      write_string(w, to_string(a.role));
      write_key(w, "text");
      write_string(w, a.text);
      write_span(w, map, a.span);
      w.EndObject();
    }
    w.EndArray();
    write_key(w, "confidence");
    w.Double(t.confidence);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();

  out.append(buffer.GetString(), buffer.GetSize());
  out += '\n';
}

DocumentResult parse_map_record(std::string& line, std::string_view file, uint64_t line_number) {
  const std::string where = std::string(file) + ":" + std::to_string(line_number);
  rapidjson::Document json;
  json.ParseInsitu<rapidjson::kParseValidateEncodingFlag>(line.data());
  if (json.HasParseError()) {
    const size_t column = json.GetErrorOffset() + 1;
    std::string message = where + ":" + std::to_string(column) + ": ";
    if (json.GetParseError() == rapidjson::kParseErrorStringInvalidEncoding) {
      message += "text is not valid UTF-8; convert the file to UTF-8";
    } else {
      message += std::string("malformed JSON: ") + rapidjson::GetParseError_En(json.GetParseError());
    }
    throw InputError(message + " (each line of a map file is one JSON object)");
  }
  DocumentResult result;
  try {
    read_record(json, result);
  } catch (const FieldError& e) {
    throw InputError(where + ": " + (e.path.empty() ? "" : "field '" + e.path + "': ") + e.message);
  }
  return result;
}

// ---------------------------------------------------------------------------------------
// MapReader

namespace {
constexpr size_t kBufferBytes = size_t{1} << 20;
}

MapReader::MapReader(std::string path, size_t max_line_bytes)
    : path_(std::move(path)), max_line_bytes_(max_line_bytes),
      buffer_(new char[kBufferBytes]) {
  if (path_ == "-") {
    file_ = stdin;
    path_ = "<stdin>";
    return;
  }
  std::error_code ec;
  if (std::filesystem::is_directory(path_, ec)) {
    throw InputError(path_ + ": a folder; give the map files (*.jsonl) in it");
  }
  file_ = std::fopen(path_.c_str(), "rb");
  if (!file_) {
    const int err = errno;
    const std::string reason = std::strerror(err);
    if (err == ENOENT) throw InputError(path_ + ": no such file");
    throw InputError(path_ + ": cannot open: " + reason);
  }
  owns_file_ = true;
}

MapReader::~MapReader() {
  if (owns_file_) std::fclose(file_);
}

bool MapReader::read_line(std::string& line) {
  line.clear();
  bool any = false;
  while (true) {
    if (buffer_begin_ == buffer_end_) {
      if (eof_) return any;
      buffer_begin_ = 0;
      buffer_end_ = std::fread(buffer_.get(), 1, kBufferBytes, file_);
      if (buffer_end_ < kBufferBytes) {
        if (std::ferror(file_)) {
          throw Error(path_ + ": reading failed: " + std::strerror(errno) +
                      (errno == EISDIR ? " (a folder, not a map file)" : ""));
        }
        eof_ = true;
      }
      if (buffer_end_ == 0) return any;
    }
    any = true;
    const char* begin = buffer_.get() + buffer_begin_;
    const size_t available = buffer_end_ - buffer_begin_;
    const void* newline = std::memchr(begin, '\n', available);
    const size_t take = newline ? static_cast<size_t>(static_cast<const char*>(newline) - begin)
                                : available;
    if (line.size() + take > max_line_bytes_) {
      throw InputError(path_ + ":" + std::to_string(line_number_ + 1) + ": line longer than " +
                       std::to_string(max_line_bytes_ >> 20) +
                       " MiB; a map file holds one document per line (is this a map file?)");
    }
    line.append(begin, take);
    buffer_begin_ += take;
    if (newline) {
      ++buffer_begin_;
      return true;
    }
  }
}

bool MapReader::next(DocumentResult& result) {
  while (true) {
    const uint64_t start = byte_offset_;
    if (!read_line(line_)) return false;
    ++line_number_;
    byte_offset_ += line_.size() + 1;
    if (line_number_ == 1) {
      if (line_.size() >= 2 && static_cast<unsigned char>(line_[0]) == 0x1F &&
          static_cast<unsigned char>(line_[1]) == 0x8B) {
        throw InputError(path_ + ": gzip-compressed; decompress it first (gunzip -k " + path_ +
                         ")");
      }
      if (line_.compare(0, 3, "\xEF\xBB\xBF") == 0) line_.erase(0, 3);  // byte order mark
    }
    if (!line_.empty() && line_.back() == '\r') line_.pop_back();
    if (const void* nul = std::memchr(line_.data(), '\0', line_.size())) {
      const auto at = static_cast<uint64_t>(static_cast<const char*>(nul) - line_.data());
      throw InputError(path_ + ":" + std::to_string(line_number_) + ": binary data (a NUL byte at byte " +
                       std::to_string(start + at) + "); not a map file (JSON Lines)");
    }
    if (line_.find_first_not_of(" \t") == std::string::npos) continue;  // blank line
    result = parse_map_record(line_, path_, line_number_);
    return true;
  }
}

}  // namespace kg::extract
