#include "extract/conllu.h"

#include <charconv>
#include <fstream>
#include <istream>
#include <ostream>

#include "extract/error.h"

namespace kg::extract {

namespace {

// Splits `line` at tabs into exactly ten fields; returns false if the count differs.
bool split_columns(std::string_view line, std::string_view (&fields)[10], int& count) {
  count = 0;
  size_t start = 0;
  while (true) {
    const size_t tab = line.find('\t', start);
    if (count == 10) {
      ++count;
      return false;
    }
    fields[count++] = line.substr(start, tab == std::string_view::npos ? tab : tab - start);
    if (tab == std::string_view::npos) break;
    start = tab + 1;
  }
  return count == 10;
}

bool parse_int(std::string_view text, int& value) {
  if (text.empty()) return false;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  return ec == std::errc() && ptr == text.data() + text.size();
}

// True if MISC (a |-separated list) holds `key=value`; `value_out` gets the value of `key`.
bool misc_value(std::string_view misc, std::string_view key, std::string_view& value_out) {
  size_t start = 0;
  while (start <= misc.size()) {
    size_t bar = misc.find('|', start);
    if (bar == std::string_view::npos) bar = misc.size();
    const std::string_view item = misc.substr(start, bar - start);
    if (item.size() > key.size() && item.substr(0, key.size()) == key &&
        item[key.size()] == '=') {
      value_out = item.substr(key.size() + 1);
      return true;
    }
    start = bar + 1;
  }
  return false;
}

class Reader {
 public:
  Reader(std::string_view name, const ConlluReadOptions& options)
      : name_(name), options_(options) {}

  std::vector<TreebankSentence> read(std::istream& in) {
    std::string line;
    while (std::getline(in, line)) {
      ++line_number_;
      if (!line.empty() && line.back() == '\r') line.pop_back();
      if (line.empty()) {
        finish_sentence();
      } else if (line[0] == '#') {
        comment(line);
      } else {
        word(line);
      }
    }
    finish_sentence();
    return std::move(sentences_);
  }

 private:
  [[noreturn]] void fail(const std::string& what) const {
    throw InputError(std::string(name_) + ":" + std::to_string(line_number_) + ": " + what +
                     " (expected CoNLL-U: ten tab-separated columns per word, see "
                     "universaldependencies.org/format.html)");
  }

  void comment(std::string_view line) {
    std::string_view body = line.substr(1);
    while (!body.empty() && body.front() == ' ') body.remove_prefix(1);
    const size_t eq = body.find('=');
    if (eq == std::string_view::npos) {
      // GUM marks paragraphs with a bare "# newpar" (EWT with "# newpar id = ...").
      if (body == "newpar") current_.sentence.paragraph_start = true;
      return;
    }
    std::string_view key = body.substr(0, eq);
    std::string_view value = body.substr(eq + 1);
    while (!key.empty() && key.back() == ' ') key.remove_suffix(1);
    if (!value.empty() && value.front() == ' ') value.remove_prefix(1);
    if (key == "newdoc id") {
      document_ = std::string(value);
      genre_.clear();
      document_start_ = true;
    } else if (key == "meta::genre") {
      genre_ = std::string(value);
    } else if (key == "sent_id") {
      current_.sentence.id = std::string(value);
    } else if (key == "text") {
      current_.sentence.text = std::string(value);
    } else if (key == "newpar id" || key == "newpar") {
      current_.sentence.paragraph_start = true;
    }
    in_sentence_ = true;
  }

  void word(std::string_view line) {
    std::string_view f[10];
    int count = 0;
    if (!split_columns(line, f, count)) {
      fail("found " + std::to_string(count) + (count > 10 ? "+" : "") + " columns, not 10");
    }
    in_sentence_ = true;
    if (f[0].find('.') != std::string_view::npos) return;  // empty node: enhanced graph only
    Sentence& s = current_.sentence;
    const size_t dash = f[0].find('-');
    if (dash != std::string_view::npos) {
      MultiwordToken mwt;
      if (!parse_int(f[0].substr(0, dash), mwt.first) ||
          !parse_int(f[0].substr(dash + 1), mwt.last) || mwt.first > mwt.last ||
          mwt.first != static_cast<int>(s.tokens.size()) + 1) {
        fail("bad multiword token range '" + std::string(f[0]) + "'");
      }
      mwt.form = std::string(f[1]);
      std::string_view space;
      mwt.space_after = !(misc_value(f[9], "SpaceAfter", space) && space == "No");
      s.multiword.push_back(std::move(mwt));
      return;
    }
    int id = 0;
    if (!parse_int(f[0], id) || id != static_cast<int>(s.tokens.size()) + 1) {
      fail("word id '" + std::string(f[0]) + "' out of sequence (expected " +
           std::to_string(s.tokens.size() + 1) + ")");
    }
    Token t;
    t.form = std::string(f[1]);
    if (f[2] != "_" || f[1] == "_") t.lemma = std::string(f[2]);
    if (f[3] != "_") {
      auto upos = parse_upos(f[3]);
      if (!upos) fail("unknown UPOS '" + std::string(f[3]) + "'");
      t.upos = *upos;
    }
    if (f[4] != "_") {
      auto xpos = parse_xpos(f[4]);
      if (!xpos) fail("unknown XPOS '" + std::string(f[4]) + "'");
      t.xpos = *xpos;
    }
    if (f[6] != "_") {
      if (!parse_int(f[6], t.head) || t.head < 0) fail("bad head '" + std::string(f[6]) + "'");
    }
    if (f[7] != "_") {
      auto rel = parse_deprel(f[7]);
      if (!rel) fail("unknown dependency relation '" + std::string(f[7]) + "'");
      t.deprel = *rel;
    }
    std::string_view value;
    t.space_after = !(misc_value(f[9], "SpaceAfter", value) && value == "No");
    current_.entity_annotations.push_back(
        misc_value(f[9], "Entity", value) ? std::string(value) : std::string());
    s.tokens.push_back(std::move(t));
    head_lines_.push_back(line_number_);
  }

  void finish_sentence() {
    if (!in_sentence_) return;
    Sentence& s = current_.sentence;
    if (!s.tokens.empty()) {
      check_multiword(s);
      check_heads(s);
      current_.document = document_;
      current_.genre = genre_;
      current_.document_start = document_start_;
      document_start_ = false;
      sentences_.push_back(std::move(current_));
    }
    current_ = TreebankSentence();
    head_lines_.clear();
    in_sentence_ = false;
  }

  void check_multiword(Sentence& s) {
    const int n = static_cast<int>(s.tokens.size());
    int covered = 0;
    for (const MultiwordToken& m : s.multiword) {
      if (m.last > n || m.first <= covered) fail("multiword token beyond or overlapping words");
      covered = m.last;
      // A multiword token's words share its SpaceAfter: only the last one carries it.
      s.tokens[m.last - 1].space_after = m.space_after;
      for (int i = m.first; i < m.last; ++i) s.tokens[i - 1].space_after = false;
    }
  }

  void check_heads(const Sentence& s) {
    const int n = static_cast<int>(s.tokens.size());
    bool any_head = false;
    for (int i = 0; i < n; ++i) {
      if (s.tokens[i].head > n) {
        line_number_ = head_lines_[i];
        fail("head " + std::to_string(s.tokens[i].head) + " beyond the sentence's " +
             std::to_string(n) + " words");
      }
      if (s.tokens[i].head >= 0) any_head = true;
    }
    if (!options_.require_tree || !any_head) return;
    int roots = 0;
    for (int i = 0; i < n; ++i) {
      if (s.tokens[i].head < 0) {
        line_number_ = head_lines_[i];
        fail("word without a head in a parsed sentence");
      }
      if (s.tokens[i].head == 0) ++roots;
    }
    if (roots != 1) {
      line_number_ = head_lines_[0];
      fail("sentence has " + std::to_string(roots) + " roots, not 1");
    }
    // Every word must reach the root; following heads more than n steps means a cycle.
    for (int i = 0; i < n; ++i) {
      int node = i + 1;
      int steps = 0;
      while (node != 0 && steps <= n) {
        node = s.tokens[node - 1].head;
        ++steps;
      }
      if (node != 0) {
        line_number_ = head_lines_[i];
        fail("the heads form a cycle through word " + std::to_string(i + 1));
      }
    }
  }

  std::string_view name_;
  ConlluReadOptions options_;
  std::vector<TreebankSentence> sentences_;
  TreebankSentence current_;
  std::vector<size_t> head_lines_;
  std::string document_;
  std::string genre_;
  bool document_start_ = false;
  bool in_sentence_ = false;
  size_t line_number_ = 0;
};

}  // namespace

std::vector<TreebankSentence> read_conllu(std::istream& in, std::string_view name,
                                          const ConlluReadOptions& options) {
  return Reader(name, options).read(in);
}

std::vector<TreebankSentence> read_conllu_file(const std::string& path,
                                               const ConlluReadOptions& options) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError(path + ": cannot open the file (does it exist and is it readable?)");
  return read_conllu(in, path, options);
}

std::string surface_text(const Sentence& sentence) {
  std::string text;
  size_t m = 0;
  const int n = static_cast<int>(sentence.tokens.size());
  for (int i = 0; i < n;) {
    bool space = true;
    if (m < sentence.multiword.size() && sentence.multiword[m].first == i + 1) {
      const MultiwordToken& mwt = sentence.multiword[m++];
      text += mwt.form;
      space = mwt.space_after;
      i = mwt.last;
    } else {
      text += sentence.tokens[i].form;
      space = sentence.tokens[i].space_after;
      ++i;
    }
    if (space && i < n) text += ' ';
  }
  return text;
}

void write_conllu(std::ostream& out, const Sentence& sentence) {
  if (!sentence.id.empty()) out << "# sent_id = " << sentence.id << '\n';
  out << "# text = " << (sentence.text.empty() ? surface_text(sentence) : sentence.text) << '\n';
  size_t m = 0;
  const int n = static_cast<int>(sentence.tokens.size());
  int mwt_last = 0;
  for (int i = 0; i < n; ++i) {
    if (m < sentence.multiword.size() && sentence.multiword[m].first == i + 1) {
      const MultiwordToken& mwt = sentence.multiword[m++];
      out << mwt.first << '-' << mwt.last << '\t' << mwt.form << "\t_\t_\t_\t_\t_\t_\t_\t"
          << (mwt.space_after ? "_" : "SpaceAfter=No") << '\n';
      mwt_last = mwt.last;
    }
    const Token& t = sentence.tokens[i];
    out << i + 1 << '\t' << t.form << '\t' << (t.lemma.empty() ? "_" : t.lemma) << '\t'
        << to_string(t.upos) << '\t' << to_string(t.xpos) << "\t_\t";
    if (t.head >= 0) {
      out << t.head << '\t' << to_string(t.deprel);
    } else {
      out << "_\t_";
    }
    // Inside a multiword token SpaceAfter belongs to the range line.
    const bool inside_mwt = i + 1 <= mwt_last;
    out << "\t_\t" << (!inside_mwt && !t.space_after ? "SpaceAfter=No" : "_") << '\n';
  }
  out << '\n';
}

}  // namespace kg::extract
