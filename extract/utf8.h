#pragma once
// UTF-8 decoding and validation for the reader, the cleaner and the tokenizer. Validation
// follows the Unicode standard's definition of well-formed UTF-8 (table 3-7): no overlong
// forms, no surrogates (U+D800..U+DFFF), nothing above U+10FFFF.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace kg::extract {

inline constexpr char32_t kReplacementCharacter = 0xFFFD;

// Decodes the code point starting at text[pos] into `cp` and returns its length in bytes
// (1..4), or 0 if the bytes at `pos` are not well-formed UTF-8 (then `cp` is unspecified).
// `pos` must be < text.size().
inline size_t decode_utf8(std::string_view text, size_t pos, char32_t& cp) {
  const auto b0 = static_cast<unsigned char>(text[pos]);
  if (b0 < 0x80) {
    cp = b0;
    return 1;
  }
  const size_t left = text.size() - pos;
  auto cont = [&](size_t i) { return static_cast<unsigned char>(text[pos + i]); };
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    if (left < 2 || (cont(1) & 0xC0) != 0x80) return 0;
    cp = (char32_t{b0} & 0x1F) << 6 | (cont(1) & 0x3F);
    return 2;
  }
  if (b0 >= 0xE0 && b0 <= 0xEF) {
    if (left < 3) return 0;
    const unsigned char b1 = cont(1);
    // E0 needs A0..BF (no overlongs); ED needs 80..9F (no surrogates).
    const unsigned char lo = b0 == 0xE0 ? 0xA0 : 0x80;
    const unsigned char hi = b0 == 0xED ? 0x9F : 0xBF;
    if (b1 < lo || b1 > hi || (cont(2) & 0xC0) != 0x80) return 0;
    cp = (char32_t{b0} & 0x0F) << 12 | (char32_t{b1} & 0x3F) << 6 | (cont(2) & 0x3F);
    return 3;
  }
  if (b0 >= 0xF0 && b0 <= 0xF4) {
    if (left < 4) return 0;
    const unsigned char b1 = cont(1);
    // F0 needs 90..BF (no overlongs); F4 needs 80..8F (nothing above U+10FFFF).
    const unsigned char lo = b0 == 0xF0 ? 0x90 : 0x80;
    const unsigned char hi = b0 == 0xF4 ? 0x8F : 0xBF;
    if (b1 < lo || b1 > hi || (cont(2) & 0xC0) != 0x80 || (cont(3) & 0xC0) != 0x80) return 0;
    cp = (char32_t{b0} & 0x07) << 18 | (char32_t{b1} & 0x3F) << 12 |
         (char32_t{cont(2)} & 0x3F) << 6 | (cont(3) & 0x3F);
    return 4;
  }
  return 0;
}

// The code point at text[pos] and its length, treating an invalid byte as U+FFFD of length 1,
// so callers that walk text known to be valid (or do not care) never stall.
inline size_t decode_utf8_lenient(std::string_view text, size_t pos, char32_t& cp) {
  const size_t n = decode_utf8(text, pos, cp);
  if (n) return n;
  cp = kReplacementCharacter;
  return 1;
}

// White space in the sense kg's cleaner and tokenizer use: ASCII blanks and line ends, NEL,
// no-break space and the other Unicode space separators (Zs), line and paragraph separators.
inline bool is_unicode_space(char32_t cp) {
  if (cp < 0x80) return cp == ' ' || (cp >= '\t' && cp <= '\r');
  return cp == 0x85 || cp == 0xA0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) ||
         cp == 0x2028 || cp == 0x2029 || cp == 0x202F || cp == 0x205F || cp == 0x3000;
}

// Characters with no width or meaning of their own in running text: soft hyphen, zero-width
// space and joiners, word joiner, BOM used as a zero-width no-break space.
inline bool is_invisible(char32_t cp) {
  return cp == 0xAD || (cp >= 0x200B && cp <= 0x200D) || cp == 0x2060 || cp == 0xFEFF;
}

// The byte offset of the first byte that is not well-formed UTF-8, or npos if all are.
size_t find_invalid_utf8(std::string_view text);

// `text` with every byte that does not start a well-formed sequence replaced by U+FFFD
// (so one bad byte grows the text by two bytes). Returns the number of replacements.
size_t replace_invalid_utf8(std::string& text);

void append_utf8(std::string& out, char32_t cp);

// The number of code points of valid UTF-8 `text` (continuation bytes are not counted).
size_t utf8_length(std::string_view text);

}  // namespace kg::extract
