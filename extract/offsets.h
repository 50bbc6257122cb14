#pragma once
// Conversion between the byte offsets kg uses in memory and the Unicode code point offsets
// it writes to files and databases (the documented unit, docs/formats.md). This is the only
// place where the two meet.

#include <cstdint>
#include <string_view>
#include <vector>

#include "extract/span.h"

namespace kg::extract {

// Maps byte offsets of one UTF-8 text to code point offsets and back. Built once per
// document in O(n); each lookup is O(log n). The text must be valid UTF-8 (the reader
// guarantees it); a byte offset inside a multi-byte character maps to that character.
class OffsetMap {
 public:
  explicit OffsetMap(std::string_view text);

  uint32_t to_chars(uint32_t byte) const;
  uint32_t to_bytes(uint32_t chars) const;
  Span to_chars(Span bytes) const { return {to_chars(bytes.start), to_chars(bytes.end)}; }
  Span to_bytes(Span chars) const { return {to_bytes(chars.start), to_bytes(chars.end)}; }

  uint32_t size_bytes() const { return size_bytes_; }
  uint32_t size_chars() const { return size_chars_; }

 private:
  // Byte offsets of every multi-byte character start, in order, with the code point offset
  // of each. ASCII-only stretches need no entries, so pure-ASCII texts cost nothing.
  std::vector<uint32_t> wide_bytes_;
  std::vector<uint32_t> wide_chars_;
  std::vector<uint8_t> wide_lengths_;
  uint32_t size_bytes_ = 0;
  uint32_t size_chars_ = 0;
};

}  // namespace kg::extract
