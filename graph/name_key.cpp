#include "graph/name_key.h"

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

}  // namespace kg::graph
