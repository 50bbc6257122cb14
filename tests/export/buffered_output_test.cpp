#include "export/buffered_output.h"

#include <gtest/gtest.h>

#include <sstream>
#include <string>

namespace kg::exporter {
namespace {

// Enough small pieces to fill the buffers several times over, so writes overlap.
std::string pieces_text() {
  std::string text;
  for (int i = 0; text.size() < (size_t{9} << 20); ++i) text += "piece " + std::to_string(i) + "\n";
  return text;
}

TEST(BufferedOutputTest, FinishWritesAllPiecesInOrder) {
  const std::string expected = pieces_text();
  std::ostringstream stream;
  BufferedOutput out(stream);
  for (size_t at = 0; at < expected.size();) {
    const size_t end = expected.find('\n', at) + 1;
    out.append(std::string_view(expected).substr(at, end - at));
    at = end;
  }
  out.finish();
  EXPECT_EQ(stream.str(), expected);
}

TEST(BufferedOutputTest, ReservedAndUncheckedCharactersKeepTheirPlace) {
  std::ostringstream stream;
  BufferedOutput out(stream);
  out.append("a");
  out.reserve(size_t{10} << 20);  // larger than a buffer
  out.put_unsafe('b');
  out.Put('c');
  out.finish();
  EXPECT_EQ(stream.str(), "abc");
}

TEST(BufferedOutputTest, PieceLargerThanTheBufferFollowsWhatCameBefore) {
  const std::string large(size_t{6} << 20, 'x');
  std::ostringstream stream;
  BufferedOutput out(stream);
  out.append("before");
  out.append(large);
  out.append("after");
  out.finish();
  EXPECT_EQ(stream.str(), "before" + large + "after");
}

TEST(BufferedOutputTest, FlushLeavesTheBytesBufferedUntilFinish) {
  std::ostringstream stream;
  BufferedOutput out(stream);
  out.append("value");
  out.Flush();  // RapidJSON's call at the end of each top-level value
  EXPECT_EQ(stream.str(), "");
  out.finish();
  EXPECT_EQ(stream.str(), "value");
}

}  // namespace
}  // namespace kg::exporter
