#include "extract/entity_derivation.h"

#include <algorithm>

#include "extract/error.h"
#include "extract/word_shape.h"

namespace kg::extract {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

int hex_value(char c) {
  if (is_digit(c)) return c - '0';
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

struct OpenMention {
  std::string id;
  GumMention mention;
};

// Parses one "(id-type-...-identity" body into `m` and returns its id.
std::string parse_body(std::string_view body, GumMention& m) {
  std::vector<std::string_view> fields;
  size_t start = 0;
  while (fields.size() < 7) {
    const size_t dash = body.find('-', start);
    if (dash == std::string_view::npos) break;
    fields.push_back(body.substr(start, dash - start));
    start = dash + 1;
  }
  fields.push_back(body.substr(start));  // the rest: identity titles may hold dashes
  m.type = fields.size() > 1 ? std::string(fields[1]) : std::string();
  m.identity = fields.size() > 7 ? std::string(fields[7]) : std::string();
  return std::string(fields[0]);
}

bool nameish(const Token& t) {
  return t.upos == Upos::kPropn || t.xpos == Xpos::kNNP || t.xpos == Xpos::kNNPS;
}

bool capitalized_or_number(const std::string& form) {
  const LetterCase c = first_case(form);
  return c == LetterCase::kUpper || (c == LetterCase::kDigit && !form.empty() && is_digit(form[0]));
}

// Prepositions that may sit inside a name ("Gulf of Mexico", "Council on Foreign Relations").
bool name_internal_case(const std::string& form) {
  static const char* const kWords[] = {"of", "for", "on", "de", "du", "des", "di", "del",
                                       "da", "van", "von", "and", "&"};
  const std::string lower = fold_case(form);
  return std::any_of(std::begin(kWords), std::end(kWords),
                     [&](const char* w) { return lower == w; });
}

EntityType map_type(const std::string& gum_type) {
  if (gum_type == "person") return EntityType::kPerson;
  if (gum_type == "organization") return EntityType::kOrg;
  if (gum_type == "place") return EntityType::kLocation;
  if (gum_type == "event") return EntityType::kEvent;
  if (gum_type == "time") return EntityType::kDate;
  if (gum_type == "object" || gum_type == "abstract") return EntityType::kWork;
  return EntityType::kOther;
}

// Sentence-local view of the tree: children per word (0-based), in order.
struct Tree {
  explicit Tree(const Sentence& s) : children(s.tokens.size()) {
    for (size_t i = 0; i < s.tokens.size(); ++i) {
      const int h = s.tokens[i].head;
      if (h > 0 && h <= static_cast<int>(s.tokens.size())) {
        children[h - 1].push_back(static_cast<int>(i));
      }
    }
  }
  std::vector<std::vector<int>> children;
};

class Derivation {
 public:
  Derivation(const TreebankSentence& s, const std::set<std::string>& titles)
      : s_(s.sentence), tokens_(s.sentence.tokens), tree_(s.sentence), titles_(titles),
        mentions_(parse_gum_mentions(s)) {}

  std::vector<NamedEntity> run() {
    std::vector<NamedEntity> candidates;
    for (const GumMention& m : mentions_) {
      if (auto e = name_span(m)) candidates.push_back(*e);
    }
    // Flatten: the longest span wins, then the leftmost.
    std::stable_sort(candidates.begin(), candidates.end(),
                     [](const NamedEntity& a, const NamedEntity& b) {
                       if (a.last - a.first != b.last - b.first) {
                         return a.last - a.first > b.last - b.first;
                       }
                       return a.first < b.first;
                     });
    std::vector<bool> used(tokens_.size(), false);
    std::vector<NamedEntity> out;
    for (const NamedEntity& e : candidates) {
      if (std::any_of(used.begin() + e.first, used.begin() + e.last, [](bool u) { return u; })) {
        continue;
      }
      std::fill(used.begin() + e.first, used.begin() + e.last, true);
      out.push_back(e);
    }
    add_nationality_adjectives(used, out);
    std::sort(out.begin(), out.end(),
              [](const NamedEntity& a, const NamedEntity& b) { return a.first < b.first; });
    return out;
  }

 private:
  bool inside(int i, const GumMention& m) const { return i >= m.first && i < m.last; }

  std::optional<NamedEntity> name_span(const GumMention& m) {
    const EntityType type = map_type(m.type);
    if (type == EntityType::kOther) return std::nullopt;
    if (type == EntityType::kDate) return date_span(m);
    if (type == EntityType::kWork &&
        (m.identity.empty() || m.identity.ends_with("_language"))) {
      return std::nullopt;
    }
    // The head: the first word whose head lies outside the mention, preferring a proper noun.
    int head = -1;
    for (int i = m.first; i < m.last; ++i) {
      const int h = tokens_[i].head - 1;
      if (inside(h, m)) continue;
      if (head < 0 || (!nameish(tokens_[head]) && nameish(tokens_[i]))) head = i;
    }
    if (head < 0) return std::nullopt;
    if (!nameish(tokens_[head])) {
      // "publisher Jann Wenner", "an American actor" (identity Jared_Padalecki): only a
      // proper-noun dependent that the identity names.
      if (m.identity.empty()) return std::nullopt;
      const std::set<std::string> words = identity_words(m.identity);
      int found = -1;
      for (int c : tree_.children[head]) {
        const Deprel d = tokens_[c].deprel;
        if (inside(c, m) && nameish(tokens_[c]) && words.count(fold_case(tokens_[c].form)) &&
            (d == Deprel::kAppos || d == Deprel::kFlat || d == Deprel::kCompound ||
             d == Deprel::kNmodDesc || d == Deprel::kDislocated)) {
          found = c;
          break;
        }
      }
      if (found < 0) return std::nullopt;
      head = found;
    }
    const bool person = type == EntityType::kPerson;
    const bool plural = tokens_[head].xpos == Xpos::kNNPS;
    bool determined = false;  // "the President", "our Saviour", "the younger John Edleston"
    for (int c : tree_.children[head]) {
      const Deprel d = tokens_[c].deprel;
      determined = determined || (inside(c, m) && (d == Deprel::kDet || d == Deprel::kNmodPoss));
    }
    std::vector<bool> keep(tokens_.size(), false);
    keep[head] = true;
    walk(head, m, person, keep);
    int a = head, b = head + 1;
    while (a > 0 && keep[a - 1]) --a;
    while (b < static_cast<int>(tokens_.size()) && keep[b]) ++b;
    auto edge = [&](int i, bool left) {
      const Upos u = tokens_[i].upos;
      if (u == Upos::kPunct || u == Upos::kAdp || u == Upos::kCconj) return true;
      return left ? u == Upos::kDet : u == Upos::kPart;
    };
    while (a < b && edge(a, true)) ++a;
    while (b > a && edge(b - 1, false)) --b;
    if (person) {
      while (a < b && titles_.count(fold_case(tokens_[a].form))) ++a;
    }
    if (a >= b) return std::nullopt;
    // A determined single word is a description, not a name ("the Devil"); a determined
    // full name stays ("the younger [John Edleston]").
    if (person && !plural && determined && b - a == 1) return std::nullopt;
    NamedEntity e{a, b, type};
    if (person && plural) e.type = EntityType::kNorp;
    return e;
  }

  // Adds to `keep` the dependents of `i` (inside the mention) that belong to the name.
  void walk(int i, const GumMention& m, bool person, std::vector<bool>& keep) const {
    for (int c : tree_.children[i]) {
      if (!inside(c, m)) continue;
      const Token& t = tokens_[c];
      bool ok = false;
      switch (t.deprel) {
        case Deprel::kFlat:
        case Deprel::kFlatForeign:
        case Deprel::kFixed:
        case Deprel::kGoeswith: ok = true; break;
        case Deprel::kCompound: ok = capitalized_or_number(t.form); break;
        case Deprel::kAmod:
          ok = t.xpos == Xpos::kNNP || t.xpos == Xpos::kNNPS ||
               (!t.form.empty() && is_digit(t.form[0]));
          break;
        case Deprel::kNummod: ok = c > i; break;
        case Deprel::kPunct:
          ok = t.form == "-" || t.form == "." || t.form == "&" || t.form == "'";
          break;
        case Deprel::kNmod: {
          if (person || !capitalized_or_number(t.form)) break;
          int cases = 0;
          bool internal = false;
          for (int g : tree_.children[c]) {
            if (tokens_[g].deprel != Deprel::kCase) continue;
            ++cases;
            internal = name_internal_case(tokens_[g].form);
          }
          ok = cases == 1 && internal;
          break;
        }
        case Deprel::kCase: ok = tokens_[i].deprel == Deprel::kNmod && name_internal_case(t.form); break;
        case Deprel::kDet: ok = keep[i] && tokens_[i].deprel == Deprel::kNmod; break;
        case Deprel::kCc: ok = !person && t.form == "&"; break;
        case Deprel::kConj: {
          if (m.type != "organization" || !capitalized_or_number(t.form)) break;
          for (int g : tree_.children[c]) ok = ok || tokens_[g].form == "&";
          break;
        }
        default: break;
      }
      if (ok) {
        keep[c] = true;
        walk(c, m, person, keep);
      }
    }
  }

  std::optional<NamedEntity> date_span(const GumMention& m) const {
    if (m.last - m.first > 6) return std::nullopt;
    bool anchored = false;
    for (int i = m.first; i < m.last; ++i) {
      const Token& t = tokens_[i];
      anchored = anchored || t.upos == Upos::kNum || t.upos == Upos::kPropn ||
                 std::any_of(t.form.begin(), t.form.end(), is_digit);
    }
    if (!anchored) return std::nullopt;
    int a = m.first, b = m.last;
    auto lead = [&](int i) {
      const Upos u = tokens_[i].upos;
      return u == Upos::kDet || u == Upos::kAdp || u == Upos::kPunct || u == Upos::kCconj ||
             u == Upos::kSconj;
    };
    auto trail = [&](int i) {
      const Upos u = tokens_[i].upos;
      return u == Upos::kPunct || u == Upos::kAdp || u == Upos::kPart;
    };
    while (a < b && lead(a)) ++a;
    while (b > a && trail(b - 1)) --b;
    if (a >= b) return std::nullopt;
    return NamedEntity{a, b, EntityType::kDate};
  }

  // "Spanish art", "a Swiss mathematician": a capitalised JJ not at the sentence start whose
  // neighbours are not capitalised words (which would make it part of a title-cased name).
  void add_nationality_adjectives(const std::vector<bool>& used,
                                  std::vector<NamedEntity>& out) const {
    const int n = static_cast<int>(tokens_.size());
    auto capital_word = [&](int i) {
      return i >= 0 && i < n && is_capitalized(tokens_[i].form);
    };
    for (int i = 1; i < n; ++i) {
      const Token& t = tokens_[i];
      if (used[i] || t.upos != Upos::kAdj || t.xpos != Xpos::kJJ) continue;
      if (!is_capitalized(t.form) || is_all_caps(t.form)) continue;
      if (capital_word(i - 1) || capital_word(i + 1)) continue;
      out.push_back({i, i + 1, EntityType::kNorp});
    }
  }

  const Sentence& s_;
  const std::vector<Token>& tokens_;
  Tree tree_;
  const std::set<std::string>& titles_;
  std::vector<GumMention> mentions_;
};

}  // namespace

std::vector<GumMention> parse_gum_mentions(const TreebankSentence& sentence) {
  std::vector<GumMention> done;
  std::vector<OpenMention> open;
  const auto& values = sentence.entity_annotations;
  for (size_t w = 0; w < values.size(); ++w) {
    const std::string_view v = values[w];
    size_t i = 0;
    auto bad = [&](const char* what) {
      return InputError("sentence " + sentence.sentence.id + ", word " + std::to_string(w + 1) +
                        ": malformed Entity= value '" + std::string(v) + "' (" + what +
                        "; see GUM's README on the entity annotation)");
    };
    while (i < v.size()) {
      if (v[i] == '(') {
        size_t end = i + 1;
        while (end < v.size() && v[end] != '(' && v[end] != ')') ++end;
        GumMention m;
        const std::string id = parse_body(v.substr(i + 1, end - i - 1), m);
        if (id.empty()) throw bad("a mention without an id");
        m.first = static_cast<int>(w);
        if (end < v.size() && v[end] == ')') {
          m.last = static_cast<int>(w) + 1;
          done.push_back(std::move(m));
          ++end;
        } else {
          open.push_back({id, std::move(m)});
        }
        i = end;
      } else if (is_digit(v[i])) {
        size_t end = i;
        while (end < v.size() && is_digit(v[end])) ++end;
        if (end >= v.size() || v[end] != ')') throw bad("an id not followed by ')'");
        const std::string id(v.substr(i, end - i));
        auto it = std::find_if(open.rbegin(), open.rend(),
                               [&](const OpenMention& o) { return o.id == id; });
        if (it != open.rend()) {
          it->mention.last = static_cast<int>(w) + 1;
          done.push_back(std::move(it->mention));
          open.erase(std::next(it).base());
        }
        i = end + 1;
      } else {
        throw bad("unexpected character");
      }
    }
  }
  return done;
}

std::set<std::string> identity_words(const std::string& identity) {
  std::string decoded;
  for (size_t i = 0; i < identity.size(); ++i) {
    if (identity[i] == '%' && i + 2 < identity.size() && hex_value(identity[i + 1]) >= 0 &&
        hex_value(identity[i + 2]) >= 0) {
      decoded += static_cast<char>(hex_value(identity[i + 1]) * 16 + hex_value(identity[i + 2]));
      i += 2;
    } else {
      decoded += identity[i] == '_' ? ' ' : identity[i];
    }
  }
  if (!decoded.empty() && decoded.back() == ')') {
    const size_t open = decoded.rfind(" (");
    if (open != std::string::npos) decoded.resize(open);
  }
  std::set<std::string> words;
  std::string word;
  for (char c : decoded + " ") {
    if (c == ' ' || c == ',') {
      if (!word.empty()) words.insert(fold_case(word));
      word.clear();
    } else {
      word += c;
    }
  }
  return words;
}

EntityDeriver::EntityDeriver(const std::vector<TreebankSentence>& corpus) {
  for (const TreebankSentence& ts : corpus) {
    const auto& tokens = ts.sentence.tokens;
    const Tree tree(ts.sentence);
    for (size_t i = 0; i < tokens.size(); ++i) {
      const Token& t = tokens[i];
      if (t.deprel != Deprel::kNmodDesc || t.head <= 0 || !nameish(tokens[t.head - 1])) continue;
      // The title word itself; its own modifiers ("former Pennsylvania [Senator]") are not
      // titles (and stay outside names anyway, under the nmod:desc).
      if (is_capitalized(t.form)) titles_.insert(fold_case(t.form));
    }
  }
}

std::vector<NamedEntity> EntityDeriver::derive(const TreebankSentence& sentence) const {
  return Derivation(sentence, titles_).run();
}

}  // namespace kg::extract
