#include "extract/offsets.h"

#include <algorithm>
#include <cassert>

namespace kg::extract {

namespace {
uint8_t sequence_length(unsigned char lead) {
  if (lead < 0x80) return 1;
  if ((lead >> 5) == 0x6) return 2;
  if ((lead >> 4) == 0xE) return 3;
  if ((lead >> 3) == 0x1E) return 4;
  return 1;  // not valid UTF-8; counted as one character so offsets stay monotonic
}
}  // namespace

OffsetMap::OffsetMap(std::string_view text) : size_bytes_(static_cast<uint32_t>(text.size())) {
  uint32_t chars = 0;
  for (size_t i = 0; i < text.size();) {
    const uint8_t len = sequence_length(static_cast<unsigned char>(text[i]));
    if (len > 1) {
      wide_bytes_.push_back(static_cast<uint32_t>(i));
      wide_chars_.push_back(chars);
      wide_lengths_.push_back(len);
    }
    i += len;
    ++chars;
  }
  size_chars_ = chars;
}

uint32_t OffsetMap::to_chars(uint32_t byte) const {
  byte = std::min(byte, size_bytes_);
  // The last wide character starting at or before `byte`.
  auto it = std::upper_bound(wide_bytes_.begin(), wide_bytes_.end(), byte);
  if (it == wide_bytes_.begin()) return byte;
  const size_t k = static_cast<size_t>(it - wide_bytes_.begin()) - 1;
  const uint32_t start = wide_bytes_[k];
  if (byte < start + wide_lengths_[k]) return wide_chars_[k];  // inside (or at) that character
  return wide_chars_[k] + 1 + (byte - start - wide_lengths_[k]);
}

uint32_t OffsetMap::to_bytes(uint32_t chars) const {
  chars = std::min(chars, size_chars_);
  auto it = std::upper_bound(wide_chars_.begin(), wide_chars_.end(), chars);
  if (it == wide_chars_.begin()) return chars;
  const size_t k = static_cast<size_t>(it - wide_chars_.begin()) - 1;
  if (chars == wide_chars_[k]) return wide_bytes_[k];
  return wide_bytes_[k] + wide_lengths_[k] + (chars - wide_chars_[k] - 1);
}

}  // namespace kg::extract
