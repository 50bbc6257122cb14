#pragma once
// Span: a half-open range of byte offsets into one Document's text.

#include <cstdint>

namespace kg::extract {

// A half-open byte range [start, end) into Document::text (UTF-8). Everything in memory uses
// byte offsets; files and databases use Unicode code points, converted in one place
// (extract/offsets.h) on the way out and back in.
struct Span {
  uint32_t start = 0;
  uint32_t end = 0;

  uint32_t size() const { return end - start; }
  bool empty() const { return end <= start; }
  bool contains(const Span& other) const { return start <= other.start && other.end <= end; }
  friend bool operator==(const Span&, const Span&) = default;
  friend auto operator<=>(const Span&, const Span&) = default;
};

}  // namespace kg::extract
