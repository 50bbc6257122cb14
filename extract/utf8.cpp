#include "extract/utf8.h"

namespace kg::extract {

size_t find_invalid_utf8(std::string_view text) {
  char32_t cp = 0;
  for (size_t i = 0; i < text.size();) {
    if (static_cast<unsigned char>(text[i]) < 0x80) {
      ++i;
      continue;
    }
    const size_t n = decode_utf8(text, i, cp);
    if (n == 0) return i;
    i += n;
  }
  return std::string_view::npos;
}

size_t replace_invalid_utf8(std::string& text) {
  size_t first = find_invalid_utf8(text);
  if (first == std::string_view::npos) return 0;
  std::string out;
  out.reserve(text.size() + 16);
  out.append(text, 0, first);
  size_t replaced = 0;
  char32_t cp = 0;
  for (size_t i = first; i < text.size();) {
    const size_t n = decode_utf8(text, i, cp);
    if (n == 0) {
      append_utf8(out, kReplacementCharacter);
      ++replaced;
      ++i;
    } else {
      out.append(text, i, n);
      i += n;
    }
  }
  text = std::move(out);
  return replaced;
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

size_t utf8_length(std::string_view text) {
  size_t n = 0;
  for (unsigned char c : text) n += (c & 0xC0) != 0x80;
  return n;
}

}  // namespace kg::extract
