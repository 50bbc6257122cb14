#include "extract/word_shape.h"

#include <gtest/gtest.h>

namespace kg::extract {
namespace {

TEST(WordShape, FoldsCaseBeyondAscii) {
  EXPECT_EQ(fold_case("McDonald's"), "mcdonald's");
  EXPECT_EQ(fold_case("\xC5\x81\xC3\x93" "D\xC5\xB9"), "\xC5\x82\xC3\xB3" "d\xC5\xBA");  // ŁÓDŹ
  EXPECT_EQ(fold_case("\xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0"),
            "\xD0\xBC\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0");  // Москва
}

TEST(WordShape, TellsCapitalisation) {
  EXPECT_TRUE(is_capitalized("Obama"));
  EXPECT_TRUE(is_capitalized("\xC3\x89mile"));  // Émile
  EXPECT_FALSE(is_capitalized("iPhone"));
  EXPECT_FALSE(is_capitalized("2017"));
  EXPECT_TRUE(is_all_caps("U.S."));
  EXPECT_FALSE(is_all_caps("US-based"));
  EXPECT_FALSE(has_letter("--"));
}

TEST(WordShape, CollapsesShapes) {
  EXPECT_EQ(word_shape("McDonald's"), "XxXx'x");
  EXPECT_EQ(word_shape("U.S."), "X.X.");
  EXPECT_EQ(word_shape("2017"), "d");
  EXPECT_EQ(word_shape("iPhone"), "xXx");
}

}  // namespace
}  // namespace kg::extract
