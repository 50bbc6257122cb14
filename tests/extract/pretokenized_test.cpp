#include "extract/pretokenized.h"

#include <gtest/gtest.h>

namespace kg::extract {
namespace {

TEST(Pretokenized, TokensAreKeptAndEscapesShownAsCharacters) {
  const std::string line = "Bush 's  `` plan '' -LRB- 1990 -RRB- .";
  Sentence s = pretokenized_sentence(line);
  ASSERT_EQ(s.tokens.size(), 9u);
  EXPECT_EQ(s.tokens[1].form, "'s");
  EXPECT_EQ(s.tokens[2].form, "\"");
  EXPECT_EQ(s.tokens[4].form, "\"");
  EXPECT_EQ(s.tokens[5].form, "(");
  EXPECT_EQ(s.tokens[7].form, ")");
  EXPECT_EQ(line.substr(s.tokens[2].span.start, s.tokens[2].span.size()), "``");
  EXPECT_EQ(s.text, line);
  restore_pretokenized_forms(s, line);
  EXPECT_EQ(s.tokens[2].form, "``");
  EXPECT_EQ(s.tokens[5].form, "-LRB-");
  EXPECT_EQ(s.tokens[8].form, ".");
}

TEST(Pretokenized, BlankLineHasNoTokens) {
  EXPECT_TRUE(pretokenized_sentence("").tokens.empty());
  EXPECT_TRUE(pretokenized_sentence(" \t ").tokens.empty());
}

}  // namespace
}  // namespace kg::extract
