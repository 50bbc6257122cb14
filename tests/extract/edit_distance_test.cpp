#include "extract/edit_distance.h"

#include <gtest/gtest.h>

namespace kg::extract {
namespace {

TEST(EditDistance, ClassicExamples) {
  EXPECT_EQ(edit_distance("kitten", "sitting"), 3u);
  EXPECT_EQ(edit_distance("", "abc"), 3u);
  EXPECT_EQ(edit_distance("Haass", "Haas"), 1u);
  EXPECT_EQ(edit_distance("same", "same"), 0u);
}

TEST(EditDistance, CountsCodePointsNotBytes) {
  EXPECT_EQ(edit_distance("Zelensky", "Zelenskyy"), 1u);
  EXPECT_EQ(edit_distance("caf\xC3\xA9", "cafe"), 1u);  // é vs e: one substitution
}

TEST(EditDistance, StopsEarlyPastTheLimit) {
  EXPECT_GT(edit_distance("abcdefgh", "zyxwvuts", 2), 2u);
  EXPECT_EQ(edit_distance("abcd", "abce", 2), 1u);
}

}  // namespace
}  // namespace kg::extract
