#include "extract/ner_evaluation.h"

#include <gtest/gtest.h>

#include "extract/error.h"
#include "extract/iob2.h"

namespace kg::extract {
namespace {

Sentence words(int n, std::vector<NamedEntity> entities) {
  Sentence s;
  s.tokens.resize(n);
  s.entities = std::move(entities);
  return s;
}

const std::vector<EntityType> kUner = {EntityType::kPerson, EntityType::kOrg,
                                       EntityType::kLocation};

TEST(NerEvaluation, CountsExactMatchesOnly) {
  // Gold: PER [0,2), LOC [3,4), ORG [5,7). System: PER [0,2) right, LOC [3,5) wrong boundary,
  // ORG [5,7) typed LOC (wrong type), PER [8,9) spurious.
  const std::vector<Sentence> gold = {words(10, {{0, 2, EntityType::kPerson},
                                                 {3, 4, EntityType::kLocation},
                                                 {5, 7, EntityType::kOrg}})};
  const std::vector<Sentence> system = {words(10, {{0, 2, EntityType::kPerson},
                                                   {3, 5, EntityType::kLocation},
                                                   {5, 7, EntityType::kLocation},
                                                   {8, 9, EntityType::kPerson}})};
  const NerEvaluation e = evaluate_entities(gold, system, kUner);
  EXPECT_EQ(e.overall.gold, 3u);
  EXPECT_EQ(e.overall.system, 4u);
  EXPECT_EQ(e.overall.correct, 1u);
  EXPECT_DOUBLE_EQ(e.overall.precision(), 1.0 / 4.0);
  EXPECT_DOUBLE_EQ(e.overall.recall(), 1.0 / 3.0);
  EXPECT_DOUBLE_EQ(e.overall.f1(), 2.0 * (0.25 * (1.0 / 3.0)) / (0.25 + 1.0 / 3.0));
  const Score& per = e.per_type[static_cast<size_t>(EntityType::kPerson)];
  EXPECT_EQ(per.gold, 1u);
  EXPECT_EQ(per.system, 2u);
  EXPECT_DOUBLE_EQ(per.f1(), 2.0 / 3.0);
  const Score& org = e.per_type[static_cast<size_t>(EntityType::kOrg)];
  EXPECT_EQ(org.correct, 0u);
  EXPECT_DOUBLE_EQ(org.recall(), 0.0);
  EXPECT_DOUBLE_EQ(org.precision(), 0.0);  // no ORG predicted
}

TEST(NerEvaluation, IgnoresTypesOutsideTheScoredSet) {
  const std::vector<Sentence> gold = {words(4, {{0, 1, EntityType::kPerson}})};
  const std::vector<Sentence> system = {
      words(4, {{0, 1, EntityType::kPerson}, {2, 3, EntityType::kNorp}})};
  const NerEvaluation e = evaluate_entities(gold, system, kUner);
  EXPECT_DOUBLE_EQ(e.overall.f1(), 1.0);
}

TEST(NerEvaluation, MicroAveragesOverSentences) {
  // Sentence 1: 2 gold, 2 system, 2 right. Sentence 2: 2 gold, 0 system.
  // P = 2/2, R = 2/4, F1 = 2 * 1 * 0.5 / 1.5.
  const std::vector<Sentence> gold = {
      words(3, {{0, 1, EntityType::kPerson}, {2, 3, EntityType::kOrg}}),
      words(3, {{0, 1, EntityType::kLocation}, {1, 3, EntityType::kOrg}})};
  const std::vector<Sentence> system = {
      words(3, {{0, 1, EntityType::kPerson}, {2, 3, EntityType::kOrg}}), words(3, {})};
  const NerEvaluation e = evaluate_entities(gold, system, kUner);
  EXPECT_DOUBLE_EQ(e.overall.precision(), 1.0);
  EXPECT_DOUBLE_EQ(e.overall.recall(), 0.5);
  EXPECT_DOUBLE_EQ(e.overall.f1(), 2.0 / 3.0);
}

TEST(NerEvaluation, RejectsDifferentWordCounts) {
  EXPECT_THROW(evaluate_entities({words(3, {})}, {words(4, {})}, kUner), InputError);
  EXPECT_THROW(evaluate_entities({words(3, {})}, {}, kUner), InputError);
}

std::vector<NamedEntity> chunk(const std::vector<std::string>& tags) {
  std::vector<SplitTag> split;
  for (const std::string& t : tags) split.push_back(*split_tag(t));
  return chunk_tags(split, parse_iob2_type);
}

TEST(NerEvaluation, ChunksTagsLikeSeqeval) {
  // seqeval (default mode): I after O starts a chunk, a type change starts a chunk, B after
  // I starts a new one.
  const auto spans = chunk({"I-PER", "I-PER", "O", "B-LOC", "I-ORG", "B-ORG", "B-ORG", "I-ORG"});
  ASSERT_EQ(spans.size(), 5u);
  EXPECT_EQ(spans[0].first, 0);
  EXPECT_EQ(spans[0].last, 2);
  EXPECT_EQ(spans[0].type, EntityType::kPerson);
  EXPECT_EQ(spans[1].first, 3);
  EXPECT_EQ(spans[1].last, 4);
  EXPECT_EQ(spans[2].first, 4);
  EXPECT_EQ(spans[2].type, EntityType::kOrg);
  EXPECT_EQ(spans[3].first, 5);
  EXPECT_EQ(spans[3].last, 6);
  EXPECT_EQ(spans[4].first, 6);
  EXPECT_EQ(spans[4].last, 8);
}

TEST(NerEvaluation, ChunksBilouTags) {
  const auto spans = chunk({"U-PER", "B-LOC", "I-LOC", "L-LOC", "I-LOC", "O"});
  ASSERT_EQ(spans.size(), 3u);
  EXPECT_EQ(spans[0].last, 1);
  EXPECT_EQ(spans[1].first, 1);
  EXPECT_EQ(spans[1].last, 4);
  EXPECT_EQ(spans[2].first, 4);  // I after L opens a new chunk
}

TEST(NerEvaluation, FormatsJson) {
  const std::vector<Sentence> gold = {words(2, {{0, 1, EntityType::kPerson}})};
  const std::string json = format_ner_evaluation(evaluate_entities(gold, gold, kUner), true);
  EXPECT_NE(json.find("\"overall\":{\"precision\":100.00,\"recall\":100.00,\"f1\":100.00"),
            std::string::npos);
  EXPECT_NE(json.find("\"PERSON\":"), std::string::npos);
}

}  // namespace
}  // namespace kg::extract
