#include "extract/iob2.h"

#include <charconv>
#include <fstream>
#include <istream>
#include <ostream>

#include "extract/error.h"

namespace kg::extract {

std::optional<SplitTag> split_tag(std::string_view tag) {
  if (tag == "O") return SplitTag{};
  if (tag.size() < 3 || tag[1] != '-') return std::nullopt;
  SplitTag t;
  switch (tag[0]) {
    case 'B': t.position = ChunkTag::kBegin; break;
    case 'I': t.position = ChunkTag::kInside; break;
    case 'L':
    case 'E': t.position = ChunkTag::kLast; break;
    case 'U':
    case 'S': t.position = ChunkTag::kUnit; break;
    default: return std::nullopt;
  }
  t.type = tag.substr(2);
  return t;
}

std::optional<EntityType> parse_iob2_type(std::string_view name) {
  if (name == "PER") return EntityType::kPerson;
  if (name == "LOC") return EntityType::kLocation;
  if (name == "ORG") return EntityType::kOrg;
  return parse_entity_type(name);
}

namespace {

std::string_view uner_name(EntityType type) {
  switch (type) {
    case EntityType::kPerson: return "PER";
    case EntityType::kOrg: return "ORG";
    case EntityType::kLocation: return "LOC";
    default: return {};
  }
}

class Iob2Reader {
 public:
  explicit Iob2Reader(std::string_view name) : name_(name) {}

  std::vector<Iob2Sentence> read(std::istream& in) {
    std::string line;
    while (std::getline(in, line)) {
      ++line_number_;
      if (!line.empty() && line.back() == '\r') line.pop_back();
      if (line.find_first_not_of(" \t") == std::string::npos) {
        finish();
      } else if (line[0] == '#') {
        comment(line);
      } else {
        word(line);
      }
    }
    finish();
    return std::move(sentences_);
  }

 private:
  [[noreturn]] void fail(const std::string& what) const {
    throw InputError(std::string(name_) + ":" + std::to_string(line_number_) + ": " + what +
                     " (expected UNER IOB2: index, form, BIO tag, '-', annotator, tab-separated;"
                     " see ../shared/data/uner-english-ewt/README.md)");
  }

  void comment(std::string_view line) {
    if (!current_.sentence.tokens.empty()) finish();
    std::string_view body = line.substr(1);
    while (!body.empty() && body.front() == ' ') body.remove_prefix(1);
    auto value_of = [&](std::string_view key) -> std::optional<std::string> {
      if (body.substr(0, key.size()) != key) return std::nullopt;
      std::string_view rest = body.substr(key.size());
      while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
      if (rest.empty() || rest.front() != '=') return std::nullopt;
      rest.remove_prefix(1);
      while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
      return std::string(rest);
    };
    if (auto v = value_of("newdoc id")) document_ = *v;
    if (auto v = value_of("sent_id")) current_.sentence.id = *v;
    if (auto v = value_of("text")) current_.sentence.text = *v;
  }

  void word(std::string_view line) {
    std::vector<std::string_view> cols;
    size_t start = 0;
    while (true) {
      const size_t tab = line.find('\t', start);
      cols.push_back(line.substr(start, tab == std::string_view::npos ? tab : tab - start));
      if (tab == std::string_view::npos) break;
      start = tab + 1;
    }
    std::string_view form, tag;
    if (cols.size() == 2) {
      form = cols[0];
      tag = cols[1];
    } else if (cols.size() >= 3 && cols.size() <= 5) {
      int index = 0;
      auto [ptr, ec] = std::from_chars(cols[0].data(), cols[0].data() + cols[0].size(), index);
      if (ec != std::errc() || ptr != cols[0].data() + cols[0].size() ||
          index != static_cast<int>(current_.sentence.tokens.size()) + 1) {
        fail("word index '" + std::string(cols[0]) + "' out of sequence (expected " +
             std::to_string(current_.sentence.tokens.size() + 1) + ")");
      }
      form = cols[1];
      tag = cols[2];
    } else {
      fail("found " + std::to_string(cols.size()) + " columns, not 5 (or 2)");
    }
    auto split = split_tag(tag);
    if (!split) fail("bad tag '" + std::string(tag) + "' (expected O, B-TYPE or I-TYPE)");
    if (split->position != ChunkTag::kOutside && !parse_iob2_type(split->type)) {
      fail("unknown entity type '" + std::string(split->type) +
           "' (known: PER, ORG, LOC and kg's PERSON, LOCATION, NORP, EVENT, DATE, WORK)");
    }
    type_storage_.emplace_back(split->type);
    split_tags_.push_back(*split);
    Token t;
    t.form = std::string(form);
    current_.sentence.tokens.push_back(std::move(t));
  }

  void finish() {
    if (!current_.sentence.tokens.empty()) {
      // Re-point the type views at storage that outlives the line buffer.
      for (size_t i = 0; i < split_tags_.size(); ++i) split_tags_[i].type = type_storage_[i];
      current_.sentence.entities = chunk_tags(split_tags_, parse_iob2_type);
      current_.document = document_;
      sentences_.push_back(std::move(current_));
    }
    current_ = Iob2Sentence();
    split_tags_.clear();
    type_storage_.clear();
  }

  std::string_view name_;
  int line_number_ = 0;
  std::string document_;
  Iob2Sentence current_;
  std::vector<SplitTag> split_tags_;
  std::vector<std::string> type_storage_;
  std::vector<Iob2Sentence> sentences_;
};

}  // namespace

std::vector<Iob2Sentence> read_iob2(std::istream& in, std::string_view name) {
  return Iob2Reader(name).read(in);
}

std::vector<Iob2Sentence> read_iob2_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError(path + ": cannot open (check the path and permissions)");
  return read_iob2(in, path);
}

void write_iob2(std::ostream& out, const Sentence& sentence, const Iob2WriteOptions& options) {
  if (!sentence.id.empty()) out << "# sent_id = " << sentence.id << '\n';
  if (!sentence.text.empty()) out << "# text = " << sentence.text << '\n';
  std::vector<std::string> tags(sentence.tokens.size(), "O");
  for (const NamedEntity& e : sentence.entities) {
    const std::string_view name = options.uner_types_only ? uner_name(e.type) : to_string(e.type);
    if (name.empty()) continue;
    for (int i = e.first; i < e.last; ++i) {
      tags[i] = i == e.first ? "B-" : "I-";
      tags[i] += name;
    }
  }
  for (size_t i = 0; i < sentence.tokens.size(); ++i) {
    out << i + 1 << '\t' << sentence.tokens[i].form << '\t' << tags[i] << "\t-\t-\n";
  }
  out << '\n';
}

}  // namespace kg::extract
