#include "extract/spelling.h"

namespace kg::extract {

namespace {

bool continuation(unsigned char c) { return (c & 0xC0) == 0x80; }

}  // namespace

std::string ascii_lower(std::string_view word) {
  std::string out(word);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

std::string spelling_shape(std::string_view word) {
  constexpr size_t kMaxShape = 16;
  std::string shape;
  char last = 0;
  int run = 0;
  for (size_t i = 0; i < word.size() && shape.size() < kMaxShape; ++i) {
    const auto c = static_cast<unsigned char>(word[i]);
    char s;
    if (c >= 'A' && c <= 'Z') {
      s = 'X';
    } else if (c >= 'a' && c <= 'z') {
      s = 'x';
    } else if (c >= '0' && c <= '9') {
      s = 'd';
    } else if (c >= 0x80) {
      if (continuation(c)) continue;  // one 'u' per character
      s = 'u';
    } else {
      s = static_cast<char>(c);
    }
    run = s == last ? run + 1 : 1;
    last = s;
    if (run <= 2) shape += s;
  }
  return shape;
}

uint32_t spelling_flags(std::string_view word) {
  uint32_t flags = 0;
  bool all_upper = true;
  bool all_digits = true;
  bool any_letter = false;
  for (size_t i = 0; i < word.size(); ++i) {
    const auto c = static_cast<unsigned char>(word[i]);
    const bool upper = c >= 'A' && c <= 'Z';
    const bool lower = c >= 'a' && c <= 'z';
    const bool digit = c >= '0' && c <= '9';
    if (upper) flags |= kHasUpper;
    if (upper && i == 0) flags |= kInitialUpper;
    if (digit) flags |= kHasDigit;
    if (c == '-') flags |= kHasHyphen;
    if (c == '.') flags |= kHasPeriod;
    if (c >= 0x80) flags |= kNonAscii;
    if (upper || lower || c >= 0x80) any_letter = true;
    if (lower) all_upper = false;
    if (!digit) all_digits = false;
  }
  if (all_upper && (flags & kHasUpper)) flags |= kAllUpper;
  if (all_digits && !word.empty()) flags |= kAllDigits;
  if (!any_letter) flags |= kNoLetter;
  return flags;
}

std::string_view first_chars(std::string_view word, int n) {
  size_t i = 0;
  for (int k = 0; k < n && i < word.size(); ++k) {
    ++i;
    while (i < word.size() && continuation(static_cast<unsigned char>(word[i]))) ++i;
  }
  return word.substr(0, i);
}

std::string_view last_chars(std::string_view word, int n) {
  size_t i = word.size();
  for (int k = 0; k < n && i > 0; ++k) {
    --i;
    while (i > 0 && continuation(static_cast<unsigned char>(word[i]))) --i;
  }
  return word.substr(i);
}

size_t char_count(std::string_view word) {
  size_t n = 0;
  for (char c : word) n += !continuation(static_cast<unsigned char>(c));
  return n;
}

}  // namespace kg::extract
