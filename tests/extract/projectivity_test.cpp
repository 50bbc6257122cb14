#include "extract/projectivity.h"

#include <gtest/gtest.h>

#include "extract/conllu.h"

namespace kg::extract {
namespace {

// "A hearing is scheduled on the issue today", the non-projective example of Nivre & Nilsson
// (2005) in their prepositional-head style: "on" (5) depends on "hearing" (2) across the root
// "scheduled" (4); "issue" (7) depends on "on", "today" (8) on "scheduled".
const std::vector<int> kHeads = {2, 4, 4, 0, 2, 7, 5, 4};
const std::vector<Deprel> kRelations = {Deprel::kDet,  Deprel::kNsubj, Deprel::kAux,
                                        Deprel::kRoot, Deprel::kNmod,  Deprel::kDet,
                                        Deprel::kObj,  Deprel::kObl};

TEST(Projectivity, DetectsCrossingArcs) {
  EXPECT_FALSE(is_projective(kHeads));
  EXPECT_TRUE(is_projective({2, 0, 2}));
  EXPECT_TRUE(is_projective({}));
}

TEST(Projectivity, LiftingMakesTheTreeProjectiveAndMarksTheLiftedWord) {
  const LiftedTree lifted = projectivize(kHeads, kRelations);
  EXPECT_TRUE(is_projective(lifted.heads));
  EXPECT_EQ(lifted.heads[4], 4);  // "on" now hangs from "scheduled"
  ASSERT_TRUE(lifted.lifted_from[4].has_value());
  EXPECT_EQ(*lifted.lifted_from[4], Deprel::kNsubj);  // the relation of its real head
  for (size_t i = 0; i < kHeads.size(); ++i) {
    if (i != 4) {
      EXPECT_FALSE(lifted.lifted_from[i].has_value()) << i;
    }
  }
}

TEST(Projectivity, ProjectiveTreesAreLeftAlone) {
  const std::vector<int> heads = {2, 0, 2, 3};
  const LiftedTree lifted = projectivize(heads, {Deprel::kNsubj, Deprel::kRoot, Deprel::kObj,
                                                 Deprel::kAmod});
  EXPECT_EQ(lifted.heads, heads);
  for (const auto& mark : lifted.lifted_from) EXPECT_FALSE(mark.has_value());
}

TEST(Projectivity, DeprojectivizingRoundTrips) {
  const LiftedTree lifted = projectivize(kHeads, kRelations);
  std::vector<int> heads = lifted.heads;
  deprojectivize(heads, kRelations, lifted.lifted_from);
  EXPECT_EQ(heads, kHeads);
}

TEST(Projectivity, RoundTripsTheNonProjectiveFixtureTrees) {
  const auto treebank = read_conllu_file(std::string(KG_TEST_DATA_DIR) + "/parser/tiny.conllu");
  int non_projective = 0;
  for (const auto& s : treebank) {
    std::vector<int> heads;
    std::vector<Deprel> relations;
    for (const Token& t : s.sentence.tokens) {
      heads.push_back(t.head);
      relations.push_back(t.deprel);
    }
    if (!is_projective(heads)) ++non_projective;
    const LiftedTree lifted = projectivize(heads, relations);
    EXPECT_TRUE(is_projective(lifted.heads)) << s.sentence.id;
    std::vector<int> restored = lifted.heads;
    deprojectivize(restored, relations, lifted.lifted_from);
    EXPECT_EQ(restored, heads) << s.sentence.id;
  }
  EXPECT_EQ(non_projective, 4);
}

TEST(Projectivity, AMarkWithNoMatchingWordKeepsTheHead) {
  std::vector<int> heads = {2, 0, 2};
  deprojectivize(heads, {Deprel::kNsubj, Deprel::kRoot, Deprel::kObj},
                 {std::nullopt, std::nullopt, Deprel::kAcl});
  EXPECT_EQ(heads, (std::vector<int>{2, 0, 2}));
}

TEST(Projectivity, LoweringNeverEntersTheWordsOwnSubtree) {
  // Word 2's mark asks for an "obj" head; the only obj (3) is its own dependent.
  std::vector<int> heads = {0, 1, 2};
  deprojectivize(heads, {Deprel::kRoot, Deprel::kObj, Deprel::kObj},
                 {std::nullopt, Deprel::kObj, std::nullopt});
  EXPECT_EQ(heads, (std::vector<int>{0, 1, 2}));
}

}  // namespace
}  // namespace kg::extract
