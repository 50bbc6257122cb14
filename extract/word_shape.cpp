#include "extract/word_shape.h"

#include "extract/utf8.h"

namespace kg::extract {

namespace {

// The code point at `i` (advancing `i`); invalid bytes decode as U+FFFD.
char32_t next_code_point(std::string_view s, size_t& i) {
  char32_t cp = 0;
  i += decode_utf8_lenient(s, i, cp);
  return cp;
}

LetterCase case_of(char32_t cp) {
  if (cp >= 'A' && cp <= 'Z') return LetterCase::kUpper;
  if (cp >= 'a' && cp <= 'z') return LetterCase::kLower;
  if (cp >= '0' && cp <= '9') return LetterCase::kDigit;
  if (cp < 0xC0) return LetterCase::kNone;
  if (cp <= 0xDE) return cp == 0xD7 ? LetterCase::kNone : LetterCase::kUpper;
  if (cp <= 0xFF) return cp == 0xF7 ? LetterCase::kNone : LetterCase::kLower;
  if (cp <= 0x17F) {  // Latin Extended-A alternates upper/lower, with a shift in 0x139-0x148
    const bool shifted = (cp >= 0x139 && cp <= 0x148) || (cp >= 0x179 && cp <= 0x17E);
    return ((cp & 1) == 0) != shifted ? LetterCase::kUpper : LetterCase::kLower;
  }
  if (cp >= 0x391 && cp <= 0x3A9) return LetterCase::kUpper;
  if (cp >= 0x3B1 && cp <= 0x3C9) return LetterCase::kLower;
  if (cp >= 0x400 && cp <= 0x42F) return LetterCase::kUpper;
  if (cp >= 0x430 && cp <= 0x45F) return LetterCase::kLower;
  return LetterCase::kNone;
}

char32_t lower(char32_t cp) {
  if (case_of(cp) != LetterCase::kUpper) return cp;
  if (cp < 0x80 || (cp >= 0xC0 && cp <= 0xDE)) return cp + 0x20;
  if (cp <= 0x17F) return cp + 1;
  if (cp >= 0x391 && cp <= 0x3A9) return cp + 0x20;
  if (cp >= 0x410 && cp <= 0x42F) return cp + 0x20;
  if (cp >= 0x400 && cp <= 0x40F) return cp + 0x50;
  return cp;
}

}  // namespace

std::string fold_case(std::string_view word) {
  std::string out;
  out.reserve(word.size());
  for (size_t i = 0; i < word.size();) {
    const auto c = static_cast<unsigned char>(word[i]);
    if (c < 0x80) {
      out += static_cast<char>(c >= 'A' && c <= 'Z' ? c + 0x20 : c);
      ++i;
      continue;
    }
    append_utf8(out, lower(next_code_point(word, i)));
  }
  return out;
}

LetterCase first_case(std::string_view word) {
  for (size_t i = 0; i < word.size();) {
    const LetterCase c = case_of(next_code_point(word, i));
    if (c != LetterCase::kNone) return c;
  }
  return LetterCase::kNone;
}

bool is_all_caps(std::string_view word) {
  bool upper = false;
  for (size_t i = 0; i < word.size();) {
    const LetterCase c = case_of(next_code_point(word, i));
    if (c == LetterCase::kLower) return false;
    if (c == LetterCase::kUpper) upper = true;
  }
  return upper;
}

bool has_letter(std::string_view word) {
  for (size_t i = 0; i < word.size();) {
    const LetterCase c = case_of(next_code_point(word, i));
    if (c == LetterCase::kUpper || c == LetterCase::kLower) return true;
  }
  return false;
}

std::string word_shape(std::string_view word) {
  std::string out;
  char last = 0;
  for (size_t i = 0; i < word.size();) {
    const char32_t cp = next_code_point(word, i);
    char c;
    switch (case_of(cp)) {
      case LetterCase::kUpper: c = 'X'; break;
      case LetterCase::kLower: c = 'x'; break;
      case LetterCase::kDigit: c = 'd'; break;
      default: c = cp < 0x80 ? static_cast<char>(cp) : '~';
    }
    if (c != last || (c != 'X' && c != 'x' && c != 'd' && c != '~')) out += c;
    last = c;
    if (out.size() >= 12) break;
  }
  return out;
}

}  // namespace kg::extract
