#include "extract/parser_train.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>

#include "extract/conllu.h"
#include "extract/error.h"

namespace kg::extract {
namespace {

std::vector<Sentence> fixture() {
  std::vector<Sentence> out;
  for (auto& s : read_conllu_file(std::string(KG_TEST_DATA_DIR) + "/parser/tiny.conllu")) {
    out.push_back(std::move(s.sentence));
  }
  return out;
}

ParserTrainingOptions fixture_options() {
  ParserTrainingOptions options;
  options.epochs = 20;
  options.min_lifted_count = 1;  // the fixture's four non-projective trees each lift once
  return options;
}

std::string file_bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

TEST(ParserTraining, LearnsTheFixtureExactlyIncludingNonProjectiveTrees) {
  const std::vector<Sentence> gold = fixture();
  const auto parser = train_parser(gold, gold, fixture_options());
  for (const Sentence& g : gold) {
    Sentence s = g;
    for (Token& t : s.tokens) {
      t.head = -1;
      t.deprel = Deprel::kDep;
    }
    parser->annotate(s);
    for (size_t i = 0; i < s.tokens.size(); ++i) {
      EXPECT_EQ(s.tokens[i].head, g.tokens[i].head) << g.id << " word " << i + 1;
      EXPECT_EQ(s.tokens[i].deprel, g.tokens[i].deprel) << g.id << " word " << i + 1;
    }
  }
}

TEST(ParserTraining, ReportsEveryEpochAndKeepsTheBest) {
  const std::vector<Sentence> gold = fixture();
  ParserTrainingOptions options = fixture_options();
  options.epochs = 3;
  std::vector<ParserEpochReport> reports;
  train_parser(gold, gold, options, [&](const ParserEpochReport& r) { reports.push_back(r); });
  ASSERT_EQ(reports.size(), 3u);
  EXPECT_TRUE(reports[0].best);
  double best = 0;
  for (const auto& r : reports) {
    EXPECT_GT(r.dev_uas, 0.0);
    EXPECT_LE(r.dev_las, r.dev_uas);
    if (r.best) {
      EXPECT_GT(r.dev_las, best);
      best = r.dev_las;
    }
  }
}

TEST(ParserTraining, IsDeterministicForASeed) {
  const std::vector<Sentence> gold = fixture();
  ParserTrainingOptions options = fixture_options();
  options.epochs = 4;
  const std::string dir = testing::TempDir();
  train_parser(gold, gold, options)->save(dir + "/parser_a.kgm");
  train_parser(gold, gold, options)->save(dir + "/parser_b.kgm");
  options.seed = 2;
  train_parser(gold, gold, options)->save(dir + "/parser_c.kgm");
  EXPECT_EQ(file_bytes(dir + "/parser_a.kgm"), file_bytes(dir + "/parser_b.kgm"));
  EXPECT_NE(file_bytes(dir + "/parser_a.kgm"), file_bytes(dir + "/parser_c.kgm"));
}

TEST(ParserTraining, RejectsASentenceWithoutATree) {
  std::vector<Sentence> bad = fixture();
  bad[0].tokens[0].head = -1;
  EXPECT_THROW(train_parser(bad, {}, fixture_options()), InputError);
  bad = fixture();
  for (Token& t : bad[1].tokens) t.head = 0;  // many roots
  EXPECT_THROW(train_parser(bad, {}, fixture_options()), InputError);
}

TEST(ParserTraining, LabelsHoldEveryRelationAndFrequentLiftedPairs) {
  const auto labels = collect_parser_labels(fixture(), 1);
  EXPECT_NE(std::find(labels.begin(), labels.end(), ArcLabel{Deprel::kNsubj, std::nullopt}),
            labels.end());
  EXPECT_TRUE(std::any_of(labels.begin(), labels.end(),
                          [](const ArcLabel& l) { return l.lifted_from.has_value(); }));
  const auto common_only = collect_parser_labels(fixture(), 1000);
  EXPECT_TRUE(std::none_of(common_only.begin(), common_only.end(),
                           [](const ArcLabel& l) { return l.lifted_from.has_value(); }));
}

}  // namespace
}  // namespace kg::extract
