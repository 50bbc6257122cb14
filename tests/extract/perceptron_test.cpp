#include "extract/perceptron.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <stdexcept>

#include "extract/model_file.h"

namespace kg::extract {
namespace {

// Three classes, each signalled by its own word; "noise" appears everywhere.
std::vector<std::pair<std::vector<FeatureId>, int>> toy_data() {
  std::vector<std::pair<std::vector<FeatureId>, int>> data;
  const char* words[] = {"red", "green", "blue"};
  for (int rep = 0; rep < 5; ++rep) {
    for (int c = 0; c < 3; ++c) {
      data.push_back({{FeatureHasher::id(1, words[c]), FeatureHasher::id(2, "noise")}, c});
    }
  }
  return data;
}

int argmax(const std::vector<float>& s) {
  return static_cast<int>(std::max_element(s.begin(), s.end()) - s.begin());
}

TEST(Perceptron, LearnsASeparableProblem) {
  PerceptronTrainer trainer(3);
  for (int epoch = 0; epoch < 3; ++epoch) {
    for (const auto& [features, truth] : toy_data()) {
      std::vector<float> scores(3, 0.0f);
      trainer.add_scores(features, scores.data());
      trainer.update(features, truth, argmax(scores));
      trainer.tick();
    }
  }
  const PerceptronModel model = trainer.average();
  for (const auto& [features, truth] : toy_data()) {
    std::vector<float> scores(3, 0.0f);
    model.add_scores(features, scores.data());
    EXPECT_EQ(argmax(scores), truth);
  }
}

TEST(Perceptron, AveragingWeighsEarlyWeightsByTheirLifetime) {
  PerceptronTrainer trainer(2);
  const std::vector<FeatureId> f = {FeatureHasher::id(7, "x")};
  trainer.update(f, 0, 1);  // w0 = +1, w1 = -1 from clock 0
  trainer.tick();
  trainer.tick();
  trainer.update(f, 1, 0);  // back to 0 at clock 2
  trainer.tick();
  trainer.tick();  // 4 ticks: w0 was 1 for 2 of them -> average 0.5
  const PerceptronModel m = trainer.average();
  std::vector<float> scores(2, 0.0f);
  m.add_scores(f, scores.data());
  EXPECT_NEAR(scores[0], 0.5f, 1e-3);
  EXPECT_NEAR(scores[1], -0.5f, 1e-3);
}

TEST(Perceptron, PruningDropsSmallWeights) {
  PerceptronTrainer trainer(2);
  trainer.update({FeatureHasher::id(1, "big")}, 0, 1, 10.0f);
  trainer.update({FeatureHasher::id(1, "small")}, 0, 1, 0.1f);
  trainer.tick();
  EXPECT_EQ(trainer.average(0.5f).num_features(), 1u);
  EXPECT_EQ(trainer.average(0.0f).num_features(), 2u);
}

// `model` written to a model file and read back.
PerceptronModel saved_and_loaded(const PerceptronModel& model, const std::string& file_name) {
  const std::string path = (std::filesystem::temp_directory_path() / file_name).string();
  const ModelHeader header{"test", 1, 42};
  ModelWriter w(header);
  model.save(w);
  w.save(path);
  ModelReader r(path, header);
  PerceptronModel back = PerceptronModel::load(r);
  r.finish();
  std::remove(path.c_str());
  return back;
}

TEST(Perceptron, SaveAndLoadGiveTheSameScores) {
  PerceptronTrainer trainer(3);
  for (int i = 0; i < 200; ++i) {
    trainer.update({FeatureHasher::id(3, static_cast<uint64_t>(i))}, i % 3, (i + 1) % 3,
                   0.01f * static_cast<float>(i));
    trainer.tick();
  }
  const PerceptronModel model = trainer.average();
  const PerceptronModel back = saved_and_loaded(model, "kg_perceptron_roundtrip.kgm");
  ASSERT_EQ(back.num_features(), model.num_features());
  for (int i = 0; i < 200; ++i) {
    std::vector<float> a(3, 0.0f), b(3, 0.0f);
    const std::vector<FeatureId> f = {FeatureHasher::id(3, static_cast<uint64_t>(i))};
    model.add_scores(f, a.data());
    back.add_scores(f, b.data());
    EXPECT_EQ(a, b);
  }
}

TEST(Perceptron, RowsOfManyClassesRoundTrip) {
  // Classes and class gaps past 127 take multi-byte varints in the saved rows.
  PerceptronTrainer trainer(1000);
  const FeatureId wide = FeatureHasher::id(4, "wide");
  const FeatureId narrow = FeatureHasher::id(4, "narrow");
  trainer.update({wide}, 999, 0, 2.0f);
  trainer.update({wide}, 130, 1, 1.0f);
  trainer.update({narrow}, 128, 127, 0.5f);
  trainer.tick();
  const PerceptronModel model = trainer.average();
  const PerceptronModel back = saved_and_loaded(model, "kg_perceptron_wide.kgm");
  ASSERT_EQ(back.num_weights(), model.num_weights());
  for (const FeatureId f : {wide, narrow}) {
    std::vector<float> a(1000, 0.0f), b(1000, 0.0f);
    model.add_scores(&f, 1, a.data());
    back.add_scores(&f, 1, b.data());
    EXPECT_EQ(a, b);
  }
  std::vector<float> s(1000, 0.0f);
  back.add_scores(&wide, 1, s.data());
  EXPECT_NEAR(s[999], 2.0f, 1e-3);
  EXPECT_NEAR(s[0], -2.0f, 1e-3);
  EXPECT_NEAR(s[130], 1.0f, 1e-3);
}

TEST(Perceptron, MeanOfModelsScoresTheMeanOfTheirScores) {
  // Two models with overlapping and disjoint features, weights of different scales.
  const FeatureId shared = FeatureHasher::id(1, "shared");
  const FeatureId only_a = FeatureHasher::id(1, "a");
  const FeatureId only_b = FeatureHasher::id(1, "b");
  PerceptronTrainer ta(3), tb(3);
  ta.update({shared}, 0, 1, 4.0f);   // shared: +4 class 0, -4 class 1
  ta.update({only_a}, 2, 0, 1.0f);   // a: +1 class 2, -1 class 0
  ta.tick();
  tb.update({shared}, 1, 2, 10.0f);  // shared: +10 class 1, -10 class 2
  tb.update({only_b}, 0, 2, 0.5f);   // b: +0.5 class 0, -0.5 class 2
  tb.tick();
  const PerceptronModel a = ta.average(), b = tb.average();
  const PerceptronModel mean = PerceptronModel::mean({&a, &b});
  EXPECT_EQ(mean.num_classes(), 3);
  EXPECT_EQ(mean.num_features(), 3u);
  for (const FeatureId f : {shared, only_a, only_b}) {
    std::vector<float> sa(3, 0.0f), sb(3, 0.0f), sm(3, 0.0f);
    a.add_scores(&f, 1, sa.data());
    b.add_scores(&f, 1, sb.data());
    mean.add_scores(&f, 1, sm.data());
    for (int c = 0; c < 3; ++c) EXPECT_NEAR(sm[c], (sa[c] + sb[c]) / 2, 1e-3) << f << " " << c;
  }
  // Pruning applies to the mean: only the shared feature's mean weights (2, 3, -5) exceed 1.
  const PerceptronModel pruned = PerceptronModel::mean({&a, &b}, 1.0f);
  EXPECT_EQ(pruned.num_features(), 1u);
  EXPECT_EQ(pruned.num_weights(), 3u);
  // Models of different classes cannot be combined.
  PerceptronTrainer tc(2);
  tc.update({shared}, 0, 1);
  tc.tick();
  const PerceptronModel c = tc.average();
  EXPECT_THROW(PerceptronModel::mean({&a, &c}), std::invalid_argument);
  EXPECT_THROW(PerceptronModel::mean({}), std::invalid_argument);
}

TEST(FeatureHasher, SeparatesTemplatesAndValueBoundaries) {
  EXPECT_NE(FeatureHasher::id(1, "a"), FeatureHasher::id(2, "a"));
  EXPECT_NE(FeatureHasher::id(1, "ab", "c"), FeatureHasher::id(1, "a", "bc"));
  EXPECT_EQ(FeatureHasher::id(4, "x", "y"), FeatureHasher::id(4, "x", "y"));
}

}  // namespace
}  // namespace kg::extract
