// The resolver against the cross-source gold entities of the five samples
// (tests/golden/samples_entities.tsv), on the example map of the samples
// (samples/example.map.jsonl, the hand-written stand-in for `kg extract`'s output). Targets
// (issue 7): no over-merges, split rate <= 5%, entity recall >= 90%.

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <iostream>

#include "extract/map_format.h"
#include "graph/knowledge_graph.h"
#include "tests/support/documents.h"
#include "tests/support/entity_scoring.h"

namespace kg::graph {
namespace {

using kg::testing::EntityScore;
using kg::testing::GoldEntity;

std::vector<GoldEntity> gold() {
  return kg::testing::read_gold_entities(std::string(KG_SOURCE_DIR) + "/tests/golden/samples_entities.tsv");
}

std::vector<extract::DocumentResult> read_map(const std::string& path) {
  std::vector<extract::DocumentResult> docs;
  extract::MapReader reader(path);
  extract::DocumentResult r;
  while (reader.next(r)) {
    docs.push_back(std::move(r));
    r = extract::DocumentResult{};
  }
  std::sort(docs.begin(), docs.end(),
            [](const auto& a, const auto& b) { return a.document.id < b.document.id; });
  return docs;
}

void print(const std::string& what, const EntityScore& s) {
  std::cout << what << ": recall " << s.found << "/" << s.gold << " = " << s.recall()
            << ", precision " << s.precision() << " (" << s.over_merged << " over-merged of "
            << s.matched_nodes << " nodes), split rate " << s.split << "/" << s.found << " = "
            << s.split_rate() << ", " << s.unmatched_nodes << " nodes outside the gold\n";
  for (const std::string& line : s.report) std::cout << "  " << line << "\n";
}

TEST(SamplesGold, ExampleMapMeetsTheTargets) {
  const KnowledgeGraph g = build_graph(read_map(std::string(KG_SOURCE_DIR) + "/samples/example.map.jsonl"));
  const EntityScore s = kg::testing::score_entities(g, gold());
  print("samples/example.map.jsonl", s);
  EXPECT_EQ(s.over_merged, 0u);
  EXPECT_LE(s.split_rate(), 0.05);
  EXPECT_GE(s.recall(), 0.90);
  EXPECT_GE(s.gold, 40u);
}

// The same on the map `kg extract` makes of the samples, once kg has the extract command (the
// map step, issue 5); KG_EXTRACT_BINARY can name another kg binary that has it. Prints the
// figures: what the extractor misses counts here too.
TEST(SamplesGold, ExtractedMapIsScored) {
  const char* other = std::getenv("KG_EXTRACT_BINARY");
  const std::string kg = other ? other : KG_BINARY;
  if (std::system((kg + " extract --help >/dev/null 2>&1").c_str()) != 0) {
    GTEST_SKIP() << kg << " has no extract command yet";
  }
  const std::string out = (std::filesystem::temp_directory_path() / "kg_samples_gold.jsonl").string();
  std::string command = kg + " extract";
  for (const auto& e : std::filesystem::directory_iterator(std::string(KG_SOURCE_DIR) + "/samples")) {
    if (e.path().extension() == ".txt") command += " '" + e.path().string() + "'";
  }
  command += " -o '" + out + "' 2>/dev/null";
  ASSERT_EQ(std::system(command.c_str()), 0) << command;
  const KnowledgeGraph g = build_graph(read_map(out));
  std::filesystem::remove(out);
  const EntityScore s = kg::testing::score_entities(g, gold());
  print("kg extract samples/*.txt", s);
  // Issue 7's targets, on what kg's own extraction finds in the samples (measured: recall
  // 41/45, split 2/41, no over-merge; docs/resolution.md).
  EXPECT_EQ(s.over_merged, 0u);
  EXPECT_GE(s.recall(), 0.90);
  EXPECT_LE(s.split_rate(), 0.05);
}

TEST(SamplesGold, GoldListIsWellFormed) {
  const std::vector<GoldEntity> list = gold();
  for (const GoldEntity& g : list) {
    EXPECT_FALSE(g.names.empty());
    EXPECT_EQ(g.names.front(), g.name);
  }
}

// The scorer itself: a split, an over-merge and a miss are each counted.
TEST(EntityScoring, CountsSplitsOverMergesAndMisses) {
  using extract::EntityType;
  using kg::testing::make_document;
  const KnowledgeGraph g = build_graph(std::vector<extract::DocumentResult>{
      make_document("a", "Joe Biden met Richard Haass. Haass left.",
                    {{"Joe Biden"}, {"Richard Haass", EntityType::kPerson, {"Richard Haass", "Haass"}}}, {}),
      make_document("b", "Biden is a town.", {{"Biden", EntityType::kLocation}}, {})});
  const std::vector<GoldEntity> list = {
      {EntityType::kPerson, "Richard Haass", {"Richard Haass", "Haass", "Richard Haas"}},
      {EntityType::kPerson, "Joe Biden", {"Joe Biden", "Biden"}},
      {EntityType::kPerson, "Hunter Biden", {"Hunter Biden"}}};
  const EntityScore s = kg::testing::score_entities(g, list);
  EXPECT_EQ(s.gold, 3u);
  EXPECT_EQ(s.found, 2u);  // Hunter Biden is missing
  EXPECT_EQ(s.split, 1u);  // Joe Biden (PERSON) and Biden (LOCATION): two nodes
  EXPECT_EQ(s.over_merged, 0u);
  // A node whose aliases name two gold entities is an over-merge.
  const std::vector<GoldEntity> merged = {
      {EntityType::kPerson, "Richard Haass", {"Richard Haass"}},
      {EntityType::kPerson, "Haass", {"Haass"}}};
  EXPECT_EQ(kg::testing::score_entities(g, merged).over_merged, 1u);
}

}  // namespace
}  // namespace kg::graph
