// Golden end-to-end tests: `kg extract` on the five sample articles and on the two fictional
// articles of tests/golden/fictional/, scored against the facts written by hand in
// tests/golden/ (README.md there has the format and the matching rule). Prints every missed
// golden fact and every kg fact that matches none.

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

#include "extract/map_format.h"
#include "tests/golden/golden_facts.h"

namespace kg::golden {
namespace {

namespace fs = std::filesystem;

// The floors: a little under what kg measures with the shipped models (samples: recall 0.81,
// precision 0.70; fictional: 0.91 / 0.83). The targets for the samples are 0.80 /
// 0.70: met, with one fact of margin (docs/openie.md, "Golden facts"); raise the floors as kg improves. The
// parser trained on jackknifed tags (models/README.md) lowered these from 0.60 / 0.57 and
// 0.86 / 0.86 while raising CaRB dev F1 from 51.6 to 52.2 and LAS on predicted tags from
// 82.1 to 83.2: a handful of facts on seven articles against 638 CaRB sentences.
constexpr double kSampleRecallFloor = 0.77;
constexpr double kSamplePrecisionFloor = 0.67;
constexpr double kFictionalRecallFloor = 0.86;
constexpr double kFictionalPrecisionFloor = 0.80;

struct Output {
  std::vector<Fact> facts;
  std::vector<extract::DocumentResult> results;
};

// Runs `kg extract INPUTS -o FILE` and reads the map file back.
Output run_extract(const std::vector<std::string>& inputs, const std::string& name) {
  const fs::path out = fs::temp_directory_path() / ("kg_golden_" + name + ".jsonl");
  std::string command = std::string(KG_BINARY) + " extract";
  for (const std::string& in : inputs) command += " '" + in + "'";
  command += " -o '" + out.string() + "' 2>/dev/null";
  const int rc = std::system(command.c_str());
  EXPECT_EQ(rc, 0) << command;
  Output o;
  if (rc != 0) return o;
  extract::MapReader reader(out.string());
  extract::DocumentResult r;
  while (reader.next(r)) {
    for (const extract::Triple& t : r.triples) {
      o.facts.push_back({r.document.id, r.entities[t.subject].name, t.relation,
                         r.entities[t.object].name, t.negated});
    }
    o.results.push_back(std::move(r));
    r = extract::DocumentResult{};
  }
  fs::remove(out);
  return o;
}

std::vector<std::string> files_in(const fs::path& folder) {
  std::vector<std::string> out;
  for (const auto& e : fs::directory_iterator(folder)) {
    if (e.path().extension() == ".txt") out.push_back(e.path().string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

const std::string kSource = KG_SOURCE_DIR;

// The facts need every model; until all are in models/, the tests say so and skip.
bool models_missing() {
  for (const char* kind : {"tokenizer", "tagger", "parser", "ner"}) {
    if (!fs::exists(kSource + "/models/" + kind + ".kgm")) return true;
  }
  return false;
}

// KG_GOLDEN_REPORT=1 prints every missed golden fact and wrong kg fact, passing or not.
void print_report_if_asked(const Score& s) {
  if (std::getenv("KG_GOLDEN_REPORT")) std::cout << report(s);
}

#define KG_REQUIRE_MODELS() \
  if (models_missing()) GTEST_SKIP() << "models/ lacks a model of kg's pipeline"

TEST(Golden, SamplesRecallAndPrecisionAboveTheFloors) {
  KG_REQUIRE_MODELS();
  const auto golden = read_golden(kSource + "/tests/golden/samples_facts.tsv");
  const Output o = run_extract(files_in(kSource + "/samples"), "samples");
  const Score s = score(golden, o.facts);
  std::cout << "samples: recall " << s.recall() << " precision " << s.precision() << '\n';
  print_report_if_asked(s);
  EXPECT_GE(s.recall(), kSampleRecallFloor) << report(s);
  EXPECT_GE(s.precision(), kSamplePrecisionFloor) << report(s);
}

TEST(Golden, FictionalStoryRecallAndPrecisionAboveTheFloors) {
  KG_REQUIRE_MODELS();
  const auto golden = read_golden(kSource + "/tests/golden/fictional_facts.tsv");
  const Output o = run_extract(files_in(kSource + "/tests/golden/fictional"), "fictional");
  const Score s = score(golden, o.facts);
  std::cout << "fictional: recall " << s.recall() << " precision " << s.precision() << '\n';
  print_report_if_asked(s);
  EXPECT_GE(s.recall(), kFictionalRecallFloor) << report(s);
  EXPECT_GE(s.precision(), kFictionalPrecisionFloor) << report(s);
}

TEST(Golden, EveryFactCarriesItsDocumentAndSentenceOffsets) {
  KG_REQUIRE_MODELS();
  const Output o = run_extract(files_in(kSource + "/samples"), "evidence");
  ASSERT_FALSE(o.results.empty());
  size_t facts = 0;
  for (const extract::DocumentResult& r : o.results) {
    EXPECT_FALSE(r.document.id.empty());
    for (const extract::Triple& t : r.triples) {
      ++facts;
      ASSERT_GE(t.sentence, 0);
      ASSERT_LT(static_cast<size_t>(t.sentence), r.document.sentences.size());
      EXPECT_FALSE(t.evidence.empty());
      EXPECT_LE(t.evidence.end, r.document.text.size());
      EXPECT_TRUE(r.document.sentences[t.sentence].span.contains(t.evidence));
    }
  }
  EXPECT_GT(facts, 30u);
}

}  // namespace
}  // namespace kg::golden
