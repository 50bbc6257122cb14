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

TEST(SpellingKey, FoldsTransliterationsAndDoubledLetters) {
  EXPECT_EQ(spelling_key("zelensky"), "zelenski");
  EXPECT_EQ(spelling_key("zelenskyy"), "zelenski");
  EXPECT_EQ(spelling_key("zelenskiy"), "zelenski");
  EXPECT_EQ(spelling_key("sergey lavrov"), spelling_key("sergei lavrov"));
  EXPECT_EQ(spelling_key("yevgeny prigozhin"), spelling_key("evgeny prigozhin"));
  EXPECT_EQ(spelling_key("richard haass"), spelling_key("richard haas"));
  EXPECT_EQ(spelling_key("mikhail"), "mihail");
  EXPECT_NE(spelling_key("iran"), spelling_key("iraq"));
}

TEST(SpellingKey, LeavesNonAsciiLettersWhole) {
  const std::string cyrillic = "\xD1\x81\xD0\xB5\xD1\x80\xD0\xB3\xD0\xB5\xD0\xB9";  // сергей
  EXPECT_EQ(spelling_key(cyrillic), cyrillic);
}

TEST(SplitTitle, SplitsTitlesInFrontOfAName) {
  const TitledName lavrov = split_title("Russian Foreign Minister Sergey Lavrov");
  EXPECT_EQ(lavrov.title, "Russian Foreign Minister");
  EXPECT_EQ(lavrov.name, "Sergey Lavrov");
  EXPECT_EQ(split_title("former U.S. assistant defense secretary Mary Beth Long").name, "Mary Beth Long");
  EXPECT_EQ(split_title("Richard Haass").title, "");
  EXPECT_EQ(split_title("President").name, "President");  // the last word always stays
  EXPECT_EQ(split_title("Mike Judge").name, "Mike Judge");  // only leading words
}

}  // namespace
}  // namespace kg::graph
