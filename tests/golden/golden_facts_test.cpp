// The golden-fact matching rule itself (tests/golden/README.md), and the golden files.

#include "tests/golden/golden_facts.h"

#include <gtest/gtest.h>

namespace kg::golden {
namespace {

TEST(GoldenFacts, NamesMatchAfterNormalisation) {
  EXPECT_TRUE(names_match("U.S.", "US"));
  EXPECT_TRUE(names_match("the Kremlin", "Kremlin"));
  EXPECT_TRUE(names_match("Lavrov", "Sergey Lavrov"));
  EXPECT_TRUE(names_match("former officials", "former senior U.S. national security officials"));
  EXPECT_TRUE(names_match("meeting", "April meeting"));
  EXPECT_TRUE(names_match("discussions", "discussion"));
  EXPECT_TRUE(names_match("former discussions", "former discussion"));
  EXPECT_FALSE(names_match("talks", "talk show"));
  EXPECT_FALSE(names_match("Kansas", "Kansa"));
  EXPECT_FALSE(names_match("former officials", "Ukrainian officials"));
  EXPECT_FALSE(names_match("Richard Haass", "Richard Kupchan"));
  EXPECT_FALSE(names_match("Council", "Council on Foreign Relations"));
}

TEST(GoldenFacts, RelationsMatchBySynonymClassAndRoleHead) {
  EXPECT_TRUE(relations_match("meet", "talk"));
  EXPECT_TRUE(relations_match("brief", "inform"));
  EXPECT_TRUE(relations_match("foreign_minister_of", "minister_of_foreign_affair_of"));
  EXPECT_TRUE(relations_match("fellow_of", "member_of"));
  EXPECT_TRUE(relations_match("assistant_defence_secretary_of", "secretary_of"));
  EXPECT_FALSE(relations_match("president_of", "director_of"));
  EXPECT_FALSE(relations_match("meet", "brief"));
  EXPECT_FALSE(relations_match("participate_in", "president_of"));
}

TEST(GoldenFacts, MeetingIsSymmetricAndPolarityMustAgree) {
  GoldenFact g;
  g.document = "d";
  g.subjects = {"Sergey Lavrov", "Lavrov"};
  g.relation = "meet";
  g.objects = {"Richard Haass"};
  EXPECT_TRUE(matches(g, {"d", "Richard Haass", "meet", "Sergey Lavrov", false}));
  EXPECT_FALSE(matches(g, {"d", "Richard Haass", "meet", "Sergey Lavrov", true}));
  EXPECT_FALSE(matches(g, {"e", "Sergey Lavrov", "meet", "Richard Haass", false}));
  g.relation = "brief";
  EXPECT_FALSE(matches(g, {"d", "Richard Haass", "brief", "Sergey Lavrov", false}));
}

TEST(GoldenFacts, ScoreCountsDistinctFactsOfGoldenDocumentsOnly) {
  GoldenFact g;
  g.document = "d";
  g.subjects = {"A"};
  g.relation = "meet";
  g.objects = {"B"};
  const std::vector<GoldenFact> golden = {g};
  const Score s = score(golden, {{"d", "A", "meet", "B", false},
                                 {"d", "a", "meet", "B", false},  // the same after normalising
                                 {"d", "A", "brief", "C", false},
                                 {"other", "X", "meet", "Y", false}});
  EXPECT_EQ(s.found, 1);
  EXPECT_EQ(s.facts, 2);
  EXPECT_EQ(s.correct, 1);
  EXPECT_DOUBLE_EQ(s.precision(), 0.5);
  EXPECT_DOUBLE_EQ(s.recall(), 1.0);
}

TEST(GoldenFacts, GoldenFilesParseAndHoldEnoughFacts) {
  const auto samples = read_golden(std::string(KG_SOURCE_DIR) + "/tests/golden/samples_facts.tsv");
  EXPECT_GE(samples.size(), 30u);
  const auto fictional =
      read_golden(std::string(KG_SOURCE_DIR) + "/tests/golden/fictional_facts.tsv");
  EXPECT_GE(fictional.size(), 15u);
}

}  // namespace
}  // namespace kg::golden
