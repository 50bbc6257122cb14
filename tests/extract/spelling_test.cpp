#include "extract/spelling.h"

#include <gtest/gtest.h>

namespace kg::extract {
namespace {

TEST(Spelling, LowerCasesAsciiOnly) {
  EXPECT_EQ(ascii_lower("McDonald's"), "mcdonald's");
  EXPECT_EQ(ascii_lower("ÉCOLE"), "École");  // non-ASCII bytes are left intact
}

TEST(Spelling, ShapeCollapsesRunsToTwo) {
  EXPECT_EQ(spelling_shape("McDonald's"), "XxXxx'x");
  EXPECT_EQ(spelling_shape("2024"), "dd");
  EXPECT_EQ(spelling_shape("1,234.5"), "d,dd.d");
  EXPECT_EQ(spelling_shape("U.S."), "X.X.");
  EXPECT_EQ(spelling_shape("Москва"), "uu");  // one 'u' per character, not per byte
  EXPECT_EQ(spelling_shape(""), "");
}

TEST(Spelling, ShapeIsBounded) {
  EXPECT_LE(spelling_shape(std::string(1000, 'a') + "-" + std::string(1000, 'B')).size(), 16u);
  EXPECT_LE(spelling_shape("a-b-c-d-e-f-g-h-i-j-k-l").size(), 16u);
}

TEST(Spelling, FlagsDescribeTheWord) {
  EXPECT_EQ(spelling_flags("IBM") & (kAllUpper | kInitialUpper), kAllUpper | kInitialUpper);
  EXPECT_TRUE(spelling_flags("2024") & kAllDigits);
  EXPECT_TRUE(spelling_flags("well-known") & kHasHyphen);
  EXPECT_TRUE(spelling_flags("...") & kNoLetter);
  EXPECT_FALSE(spelling_flags("мир") & kNoLetter);
  EXPECT_TRUE(spelling_flags("мир") & kNonAscii);
}

TEST(Spelling, AffixesRespectCharacterBoundaries) {
  EXPECT_EQ(last_chars("running", 3), "ing");
  EXPECT_EQ(first_chars("running", 2), "ru");
  EXPECT_EQ(last_chars("café", 2), "fé");
  EXPECT_EQ(first_chars("éa", 1), "é");
  EXPECT_EQ(last_chars("ab", 5), "ab");
  EXPECT_EQ(first_chars("", 3), "");
  EXPECT_EQ(char_count("Привет"), 6u);
}

}  // namespace
}  // namespace kg::extract
