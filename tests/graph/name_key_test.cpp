#include "graph/name_key.h"

#include <gtest/gtest.h>

namespace kg::graph {
namespace {

TEST(NameKey, FoldsCaseSpacesAndPossessive) {
  EXPECT_EQ(name_key("Sergey  LAVROV's"), "sergey lavrov");
  EXPECT_EQ(name_key("Russia\xE2\x80\x99s"), "russia");
}

TEST(NameKey, RemovesAccentsFromLatinLetters) {
  EXPECT_EQ(name_key("S\xC3\xA9rgey Lavr\xC3\xB6v"), "sergey lavrov");
  EXPECT_EQ(name_key("Stra\xC3\x9F" "e"), "strasse");
}

TEST(NameKey, LowersCyrillic) {
  EXPECT_EQ(name_key("\xD0\x9A\xD0\x98\xD0\x87\xD0\x92"), name_key("\xD0\xBA\xD0\xB8\xD1\x97\xD0\xB2"));
}

TEST(NameKey, DropsLeadingArticleAndOuterPunctuation) {
  EXPECT_EQ(name_key("The Council on Foreign Relations."), "council on foreign relations");
  EXPECT_EQ(name_key("\"Track Two\""), "track two");
}

TEST(NameKey, KeepsInnerHyphensAndApostrophes) {
  EXPECT_EQ(name_key("Jean-Luc O'Brien"), "jean-luc o'brien");
}

TEST(NameKey, IsIdempotent) {
  for (const char* name : {"The U.S. State Department", "Zelenskyy's", "  a  &  b  "}) {
    EXPECT_EQ(name_key(name_key(name)), name_key(name)) << name;
  }
}

TEST(NameKey, HandlesInvalidBytesWithoutCrashing) {
  EXPECT_EQ(name_key("Caf\xE9 Bar"), "caf bar");
}

}  // namespace
}  // namespace kg::graph
