#include "extract/offsets.h"

#include <gtest/gtest.h>

namespace kg::extract {
namespace {

TEST(OffsetMap, AsciiOffsetsAreIdentical) {
  OffsetMap map("Hello world");
  EXPECT_EQ(map.to_chars(5u), 5u);
  EXPECT_EQ(map.to_bytes(5u), 5u);
  EXPECT_EQ(map.size_chars(), 11u);
}

TEST(OffsetMap, MultiByteCharactersCountOnce) {
  // "Zelensky’s Київ" : ’ is 3 bytes, each Cyrillic letter 2 bytes.
  const std::string text = "Zelensky\xE2\x80\x99s \xD0\x9A\xD0\xB8\xD1\x97\xD0\xB2";
  OffsetMap map(text);
  EXPECT_EQ(map.size_chars(), 15u);
  EXPECT_EQ(map.to_chars(8u), 8u);    // at ’
  EXPECT_EQ(map.to_chars(11u), 9u);   // s after ’
  EXPECT_EQ(map.to_chars(13u), 11u);  // К
  EXPECT_EQ(map.to_chars(static_cast<uint32_t>(text.size())), 15u);
  EXPECT_EQ(map.to_bytes(9u), 11u);
  EXPECT_EQ(map.to_bytes(12u), 15u);  // и
  EXPECT_EQ(map.to_bytes(15u), static_cast<uint32_t>(text.size()));
}

TEST(OffsetMap, RoundTripsEveryCharacterBoundary) {
  const std::string text = "a\xC3\xA9z \xF0\x9F\x98\x80 end";  // é and an emoji
  OffsetMap map(text);
  for (uint32_t c = 0; c <= map.size_chars(); ++c) EXPECT_EQ(map.to_chars(map.to_bytes(c)), c);
  EXPECT_EQ(map.to_chars(Span{4, 8}), (Span{3, 4}));  // the emoji is one character
}

TEST(OffsetMap, ByteInsideACharacterMapsToThatCharacter) {
  OffsetMap map("x\xC3\xA9y");
  EXPECT_EQ(map.to_chars(2u), 1u);
}

}  // namespace
}  // namespace kg::extract
