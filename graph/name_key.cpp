#include "graph/name_key.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>

namespace kg::graph {

namespace {

// Decodes one code point at s[i]; advances i. Returns U+FFFD for invalid bytes.
char32_t next_code_point(std::string_view s, size_t& i) {
  const auto c = static_cast<unsigned char>(s[i]);
  size_t len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
  if (len == 0 || i + len > s.size()) {
    ++i;
    return 0xFFFD;
  }
  char32_t cp = len == 1 ? c : c & (0x7F >> len);
  for (size_t k = 1; k < len; ++k) {
    const auto cc = static_cast<unsigned char>(s[i + k]);
    if ((cc & 0xC0) != 0x80) {
      ++i;
      return 0xFFFD;
    }
    cp = (cp << 6) | (cc & 0x3F);
  }
  i += len;
  return cp;
}

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// Base letters of U+00C0..U+017F (Latin-1 Supplement letters and Latin Extended-A), lower
// case, one or two ASCII letters each; "" keeps the character as it is (×, ÷).
constexpr const char* kLatinFold[] = {
    // U+00C0
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
    // U+00D0
    "d", "n", "o", "o", "o", "o", "o", "", "o", "u", "u", "u", "u", "y", "th", "ss",
    // U+00E0
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
    // U+00F0
    "d", "n", "o", "o", "o", "o", "o", "", "o", "u", "u", "u", "u", "y", "th", "y",
    // U+0100
    "a", "a", "a", "a", "a", "a", "c", "c", "c", "c", "c", "c", "c", "c", "d", "d",
    // U+0110
    "d", "d", "e", "e", "e", "e", "e", "e", "e", "e", "e", "e", "g", "g", "g", "g",
    // U+0120
    "g", "g", "g", "g", "h", "h", "h", "h", "i", "i", "i", "i", "i", "i", "i", "i",
    // U+0130
    "i", "i", "ij", "ij", "j", "j", "k", "k", "k", "l", "l", "l", "l", "l", "l", "l",
    // U+0140
    "l", "l", "l", "n", "n", "n", "n", "n", "n", "n", "n", "n", "o", "o", "o", "o",
    // U+0150
    "o", "o", "oe", "oe", "r", "r", "r", "r", "r", "r", "s", "s", "s", "s", "s", "s",
    // U+0160
    "s", "s", "t", "t", "t", "t", "t", "t", "u", "u", "u", "u", "u", "u", "u", "u",
    // U+0170
    "u", "u", "u", "u", "w", "w", "y", "y", "y", "z", "z", "z", "z", "z", "z", "s",
};

// Appends the case- and accent-folded form of one code point.
void fold(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp >= 'A' && cp <= 'Z' ? cp + 32 : cp);
  } else if (cp >= 0xC0 && cp <= 0x17F && kLatinFold[cp - 0xC0][0] != '\0') {
    out += kLatinFold[cp - 0xC0];
  } else if (cp >= 0x0410 && cp <= 0x042F) {  // Cyrillic capitals А..Я
    append_utf8(out, cp + 0x20);
  } else if (cp >= 0x0400 && cp <= 0x040F) {  // Ѐ..Џ
    append_utf8(out, cp + 0x50);
  } else if (cp >= 0x0391 && cp <= 0x03A9 && cp != 0x03A2) {  // Greek capitals
    append_utf8(out, cp + 0x20);
  } else if (cp >= 0x0300 && cp <= 0x036F) {
    // combining accents (decomposed input): dropped
  } else if (cp == 0x2019 || cp == 0x2018 || cp == 0x02BC) {
    out += '\'';  // typographic apostrophes
  } else if (cp == 0x2010 || cp == 0x2011) {
    out += '-';
  } else if (cp != 0xFFFD) {
    append_utf8(out, cp);
  }
}

bool is_word_char(unsigned char c) { return c >= 0x80 || std::isalnum(c); }

}  // namespace

std::string fold_case_and_accents(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) fold(out, next_code_point(text, i));
  return out;
}

std::string name_key(std::string_view name) {
  const std::string folded = fold_case_and_accents(name);
  // Keep letters, digits and non-ASCII; keep ' and - only between word characters.
  std::string spaced;
  spaced.reserve(folded.size());
  for (size_t i = 0; i < folded.size(); ++i) {
    const auto c = static_cast<unsigned char>(folded[i]);
    if (is_word_char(c)) {
      spaced += static_cast<char>(c);
    } else if ((c == '\'' || c == '-') && i > 0 && i + 1 < folded.size() &&
               is_word_char(static_cast<unsigned char>(folded[i - 1])) &&
               is_word_char(static_cast<unsigned char>(folded[i + 1]))) {
      spaced += static_cast<char>(c);
    } else {
      spaced += ' ';
    }
  }
  // Collapse spaces; drop a trailing possessive and a leading article.
  std::string key;
  key.reserve(spaced.size());
  for (char c : spaced) {
    if (c == ' ' && (key.empty() || key.back() == ' ')) continue;
    key += c;
  }
  while (!key.empty() && key.back() == ' ') key.pop_back();
  if (key.size() > 2 && key.compare(key.size() - 2, 2, "'s") == 0) key.resize(key.size() - 2);
  if (key.size() > 4 && key.compare(0, 4, "the ") == 0) key.erase(0, 4);
  return key;
}

namespace {

// Words written in front of a person's name that are not part of it (name_key() form; sorted
// on first use for binary search): honorifics, offices, military ranks, role nouns, qualifiers such as
// "former", and the nationality adjectives news writing puts before an office.
constexpr std::array<std::string_view, 87> kTitleWords = {
    "acting",      "admiral",      "adviser",      "advisor",      "ambassador",  "american",
    "assistant",   "attorney",     "british",      "capt",         "captain",     "ceo",
    "chairman",    "chairwoman",   "chancellor",   "chief",        "chinese",     "col",
    "colonel",     "commander",    "congressman",  "congresswoman", "current",    "czech",
    "dame",        "defence",      "defense",      "deputy",       "diplomat",    "director",
    "dr",          "ex",           "expert",       "foreign",      "former",      "french",
    "gen",         "general",      "german",       "gov",          "governor",    "judge",
    "justice",     "king",         "lady",         "late",         "leader",      "lieutenant",
    "lord",        "lt",           "madam",        "mayor",        "minister",    "miss",
    "mr",          "mrs",          "ms",           "officer",      "official",    "outgoing",
    "pope",        "premier",      "president",    "prime",        "prince",      "princess",
    "prof",        "professor",    "queen",        "rep",          "representative", "russian",
    "secretary",   "sen",          "senator",      "sergeant",     "sgt",         "sir",
    "speaker",     "spokesman",    "spokesperson", "spokeswoman",  "state",
    "ukrainian",   "us",           "vice",         "then"};

bool is_title_word(std::string_view word) {
  static const auto sorted = [] {
    auto words = kTitleWords;
    std::sort(words.begin(), words.end());
    return words;
  }();
  const std::string key = name_key(word);
  return std::binary_search(sorted.begin(), sorted.end(), std::string_view(key));
}

}  // namespace

TitledName split_title(std::string_view name) {
  // Words are separated by spaces. "U.S." keys to "u s" (two words), so it is checked apart.
  size_t start = 0;
  while (start < name.size() && name[start] == ' ') ++start;
  size_t rest = start;  // where the name proper begins
  size_t at = start;
  while (at < name.size()) {
    size_t end = name.find(' ', at);
    if (end == std::string_view::npos) break;  // the last word always stays
    const std::string_view word = name.substr(at, end - at);
    std::string dotted = fold_case_and_accents(word);
    while (!dotted.empty() && dotted.back() == '.') dotted.pop_back();
    if (!is_title_word(word) && dotted != "u.s") break;
    while (end < name.size() && name[end] == ' ') ++end;
    at = end;
    rest = end;
  }
  TitledName out;
  out.name = name.substr(rest);
  out.title = name.substr(start, rest - start);
  while (!out.title.empty() && out.title.back() == ' ') out.title.remove_suffix(1);
  return out;
}

std::string spelling_key(std::string_view key) {
  std::string mapped;
  mapped.reserve(key.size());
  for (size_t i = 0; i < key.size(); ++i) {
    const char c = key[i];
    const char next = i + 1 < key.size() ? key[i + 1] : '\0';
    if ((c == 'k' && next == 'h') || (c == 'p' && next == 'h')) {
      mapped += c == 'k' ? 'h' : 'f';
      ++i;
    } else if (c == 'c' && next == 'k') {
      mapped += 'k';
      ++i;
    } else if (c == 't' && next == 'c' && i + 2 < key.size() && key[i + 2] == 'h') {
      // "tch" -> "ch": the 'c' and 'h' follow
    } else if ((c == 'y' || c == 'i') && next == 'e' && (i == 0 || key[i - 1] == ' ')) {
      // word-initial "ye"/"ie" -> "e": Yevgeny/Evgeny, Yelena/Elena
    } else if (c == 'y') {
      mapped += 'i';
    } else if (c == 'w') {
      mapped += 'v';
    } else {
      mapped += c;
    }
  }
  std::string out;
  out.reserve(mapped.size());
  for (char c : mapped) {
    if (!out.empty() && out.back() == c && std::isalpha(static_cast<unsigned char>(c))) continue;
    out += c;
  }
  return out;
}

}  // namespace kg::graph
