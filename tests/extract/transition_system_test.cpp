#include "extract/transition_system.h"

#include <gtest/gtest.h>

#include "extract/conllu.h"
#include "extract/parser_train.h"
#include "extract/projectivity.h"

namespace kg::extract {
namespace {

std::vector<Sentence> fixture() {
  std::vector<Sentence> out;
  for (auto& s : read_conllu_file(std::string(KG_TEST_DATA_DIR) + "/parser/tiny.conllu")) {
    out.push_back(std::move(s.sentence));
  }
  return out;
}

TransitionSet fixture_transitions() { return TransitionSet(collect_parser_labels(fixture(), 1)); }

// Runs `sequence` from the initial configuration and returns heads and label indices.
OracleTree run(const std::vector<int>& sequence, const TransitionSet& transitions, int n) {
  ParseState state(n);
  for (int cls : sequence) {
    EXPECT_TRUE(transitions.legal(state, cls));
    transitions.apply(state, cls);
  }
  EXPECT_TRUE(state.terminal());
  OracleTree tree;
  for (int i = 1; i <= n; ++i) {
    tree.heads.push_back(state.head(i));
    tree.labels.push_back(state.label(i));
  }
  return tree;
}

TEST(ArcHybridOracle, DerivesEveryProjectiveGoldTree) {
  const TransitionSet transitions = fixture_transitions();
  for (const Sentence& s : fixture()) {
    const OracleTree gold = oracle_tree(s, transitions);
    const auto sequence = oracle_sequence(gold, transitions);
    const int n = static_cast<int>(s.tokens.size());
    EXPECT_EQ(sequence.size(), 2u * s.tokens.size());
    const OracleTree built = run(sequence, transitions, n);
    EXPECT_EQ(built.heads, gold.heads) << s.id;
    EXPECT_EQ(built.labels, gold.labels) << s.id;
  }
}

TEST(ArcHybridOracle, RecoversNonProjectiveTreesThroughLiftedLabels) {
  const TransitionSet transitions = fixture_transitions();
  int non_projective = 0;
  for (const Sentence& s : fixture()) {
    std::vector<int> original;
    for (const Token& t : s.tokens) original.push_back(t.head);
    if (is_projective(original)) continue;
    ++non_projective;
    const OracleTree gold = oracle_tree(s, transitions);
    const OracleTree built =
        run(oracle_sequence(gold, transitions), transitions, static_cast<int>(s.tokens.size()));
    std::vector<int> heads = built.heads;
    std::vector<Deprel> relations;
    std::vector<std::optional<Deprel>> marks;
    for (int label : built.labels) {
      relations.push_back(transitions.labels()[label].relation);
      marks.push_back(transitions.labels()[label].lifted_from);
    }
    deprojectivize(heads, relations, marks);
    EXPECT_EQ(heads, original) << s.id;
  }
  EXPECT_EQ(non_projective, 4);
}

TEST(ArcHybridOracle, ChargesAMoveForEachGoldArcItLoses) {
  // 1 <- 2 -> 3, root 2. With 1 on the stack, shifting 2 over it loses 2 -> 1 and root -> 2.
  const TransitionSet transitions({{Deprel::kRoot, std::nullopt}, {Deprel::kDep, std::nullopt}});
  const ArcHybridOracle oracle({2, 0, 2}, {1, 0, 1});
  ParseState state(3);
  state.apply(Move::kShift);
  EXPECT_EQ(oracle.cost(state, transitions, TransitionSet::shift_class()), 2);
  EXPECT_EQ(oracle.cost(state, transitions, transitions.left_class(1)), 0);
  EXPECT_EQ(oracle.cost(state, transitions, transitions.left_class(0)), 1);  // wrong label
}

TEST(TransitionSet, TheRootTakesOneDependentAndOnlyLast) {
  const TransitionSet transitions({{Deprel::kRoot, std::nullopt}, {Deprel::kDep, std::nullopt}});
  ParseState state(2);
  EXPECT_EQ(transitions.forced(state), TransitionSet::shift_class());
  state.apply(Move::kShift);
  // Stack [root, 1], buffer [2]: attaching 1 to the root now is illegal.
  EXPECT_FALSE(transitions.legal(state, transitions.right_class(0)));
  EXPECT_FALSE(transitions.legal(state, transitions.right_class(1)));
  EXPECT_TRUE(transitions.legal(state, transitions.left_class(1)));
  EXPECT_FALSE(transitions.legal(state, transitions.left_class(0)));
  state.apply(Move::kShift);
  transitions.apply(state, transitions.right_class(1));  // 1 -> 2
  EXPECT_EQ(transitions.forced(state), transitions.right_class(0));
  transitions.apply(state, transitions.right_class(0));
  EXPECT_TRUE(state.terminal());
  EXPECT_EQ(state.head(1), 0);
  EXPECT_EQ(state.head(2), 1);
}

}  // namespace
}  // namespace kg::extract
