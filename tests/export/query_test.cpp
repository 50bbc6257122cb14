#include "export/query.h"

#include <gtest/gtest.h>

#include "export/merge.h"
#include "extract/error.h"
#include "tests/support/documents.h"
#include "tests/support/temp_dir.h"

namespace kg::exporter {
namespace {

using extract::EntityType;
using kg::testing::make_document;
using kg::testing::TempDir;

class QueryTest : public ::testing::Test {
 protected:
  void SetUp() override {
    kg::testing::write_map(
        dir_ / "m.jsonl",
        {make_document("001", "Sergey Lavrov met Richard Haass in New York. Lavrov briefed Putin.",
                       {{"Sergey Lavrov", EntityType::kPerson, {"Sergey Lavrov", "Lavrov"}},
                        {"Richard Haass", EntityType::kPerson},
                        {"Vladimir Putin", EntityType::kPerson, {"Putin"}}},
                       {{"Sergey Lavrov", "meet", "Richard Haass"},
                        {"Sergey Lavrov", "brief", "Vladimir Putin"}}),
         make_document("002", "Lavrov met Haass. Haass wrote in Foreign Affairs.",
                       {{"Sergey Lavrov", EntityType::kPerson, {"Lavrov"}},
                        {"Richard Haass", EntityType::kPerson, {"Haass"}},
                        {"Foreign Affairs", EntityType::kWork}},
                       {{"Sergey Lavrov", "meet", "Richard Haass"},
                        {"Richard Haass", "write_in", "Foreign Affairs"}}),
         make_document("003", "Richard Haas met Volodymyr Zelénskyy. Ukraine and Ukraine.",
                       {{"Richard Haas", EntityType::kPerson},
                        {"Volodymyr Zelénskyy", EntityType::kPerson},
                        {"Ukraine", EntityType::kLocation}},
                       {{"Richard Haas", "meet", "Volodymyr Zelénskyy"}}),
         // A documentary named "Ukraine": same name as the country, another type (a WORK;
         // LOCATION and ORG of one name would be reconciled into one entity).
         make_document("004", "The film Ukraine praised Putin.",
                       {{"Ukraine", EntityType::kWork}, {"Vladimir Putin", EntityType::kPerson, {"Putin"}}},
                       {{"Ukraine", "praise", "Vladimir Putin"}})});
    merge_maps({dir_ / "m.jsonl"}, dir_ / "kg.db");
    store_ = std::make_unique<Store>(Store::open(dir_ / "kg.db"));
  }
  const Store& store() const { return *store_; }
  uint32_t id(const std::string& name) const { return resolve_entity(store(), name); }
  std::string error(const std::string& name) const {
    try {
      resolve_entity(store(), name);
    } catch (const InputError& e) {
      return e.what();
    }
    return "no error";
  }
  TempDir dir_;
  std::unique_ptr<Store> store_;
};

TEST_F(QueryTest, NamesMatchThroughAliasesIgnoringCaseAndAccents) {
  const uint32_t lavrov = id("Sergey Lavrov");
  EXPECT_EQ(id("lavrov"), lavrov);
  EXPECT_EQ(id("SERGEY LAVROV's"), lavrov);
  EXPECT_EQ(id("volodymyr zelenskyy"), id("Volodymyr Zelénskyy"));
  EXPECT_EQ(id(node_id(lavrov)), lavrov);
  EXPECT_EQ(entity_info(store(), lavrov).label, "Sergey Lavrov");
}

TEST_F(QueryTest, UnknownNamesSuggestTheClosest) {
  const std::string e = error("Sergey Lavrof");
  EXPECT_NE(e.find("no entity named 'Sergey Lavrof'"), std::string::npos) << e;
  EXPECT_NE(e.find("did you mean 'Sergey Lavrov'"), std::string::npos) << e;
  EXPECT_NE(error("Richard").find("'Richard Haas"), std::string::npos);  // a prefix
  EXPECT_NE(error("Zelenskyy").find("did you mean 'Volodymyr Zelénskyy'"), std::string::npos)
      << error("Zelenskyy");  // a whole word of a longer name
  EXPECT_NE(error("zzzzzzzzzz").find("entities --match"), std::string::npos);
}

TEST_F(QueryTest, AnUnknownEntityIdIsAnInputErrorNamingIt) {
  try {
    entity_info(store(), 999999);
    FAIL() << "no error";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("no entity n999999"), std::string::npos) << e.what();
  }
}

TEST_F(QueryTest, AmbiguousNamesListTheCandidates) {
  const std::string e = error("ukraine");
  EXPECT_NE(e.find("names 2 entities"), std::string::npos) << e;
  EXPECT_NE(e.find("Ukraine (LOCATION)"), std::string::npos) << e;
  EXPECT_NE(e.find("Ukraine (WORK)"), std::string::npos) << e;
}

TEST_F(QueryTest, EntitiesFilterByTypeAndMatch) {
  const auto people = find_entities(store(), EntityFilter{.type = EntityType::kPerson, .match = {}, .limit = 0});
  EXPECT_EQ(people.size(), 5u);
  EXPECT_EQ(people.front().label, "Richard Haass");  // most connected (2 edges), then by id
  const auto match = find_entities(store(), EntityFilter{.type = std::nullopt, .match = "HAAS", .limit = 0});
  EXPECT_EQ(match.size(), 2u);
  const auto limited = find_entities(store(), EntityFilter{.type = std::nullopt, .match = {}, .limit = 2});
  EXPECT_EQ(limited.size(), 2u);
}

TEST_F(QueryTest, NeighboursToDepthWithRelationFilter) {
  const auto one = neighbours(store(), id("Lavrov"), 1, {});
  ASSERT_EQ(one.neighbours.size(), 2u);
  EXPECT_EQ(one.edges.size(), 2u);
  const auto two = neighbours(store(), id("Lavrov"), 2, {});
  EXPECT_EQ(two.neighbours.size(), 4u);  // + Foreign Affairs, Ukraine (WORK)
  const auto briefed = neighbours(store(), id("Lavrov"), 2, {"brief"});
  ASSERT_EQ(briefed.neighbours.size(), 1u);
  EXPECT_EQ(briefed.neighbours[0].entity.label, "Vladimir Putin");
}

TEST_F(QueryTest, FactsCarrySourcesAndEvidence) {
  const auto all = facts(store(), id("Haass"), std::nullopt);
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].edge.relation, "meet");  // strongest first
  EXPECT_EQ(all[0].edge.weight, 2u);
  EXPECT_EQ(all[0].sources, (std::vector<std::string>{"001", "002"}));
  ASSERT_EQ(all[0].evidence.size(), 2u);
  EXPECT_EQ(all[0].evidence[0].sentence_text, "Sergey Lavrov met Richard Haass in New York.");
  EXPECT_EQ(all[0].evidence[1].sentence_text, "Lavrov met Haass.");
  // Offsets count code points: the sentence with "é" is cut whole.
  const auto z = facts(store(), id("Volodymyr Zelénskyy"), std::nullopt);
  ASSERT_EQ(z.size(), 1u);
  ASSERT_EQ(z[0].evidence.size(), 1u);
  EXPECT_EQ(z[0].evidence[0].sentence_text, "Richard Haas met Volodymyr Zelénskyy.");
  const auto between = facts(store(), id("Haass"), id("Lavrov"));  // either direction
  ASSERT_EQ(between.size(), 1u);
  EXPECT_TRUE(facts(store(), id("Haass"), id("Putin")).empty());
}

TEST_F(QueryTest, PathPrefersStrongEdgesAndReportsNone) {
  const auto p = path(store(), id("Foreign Affairs"), id("Putin"));
  ASSERT_TRUE(p);
  ASSERT_EQ(p->nodes.size(), 4u);
  EXPECT_EQ(p->nodes[1].label, "Richard Haass");
  EXPECT_EQ(p->nodes[2].label, "Sergey Lavrov");
  EXPECT_FALSE(path(store(), id("Lavrov"), id("Volodymyr Zelénskyy")));
}

TEST_F(QueryTest, ExplainSameNode) {
  const Explanation ex = explain(store(), "Lavrov", "sergey lavrov");
  EXPECT_TRUE(ex.same);
  EXPECT_EQ(ex.aliases_a.size(), 2u);
  ASSERT_FALSE(ex.uses_a.empty());
  EXPECT_EQ(ex.uses_a[0].rule, "surname");
  ASSERT_EQ(ex.merges.size(), 1u);
  EXPECT_EQ(ex.merges[0].rule, "exact_name");
  EXPECT_NE(ex.merges[0].evidence.find("both normalise to 'sergey lavrov'"), std::string::npos);
}

TEST_F(QueryTest, ExplainKeptApart) {
  // "Richard Haas" in 003 shares no title and no co-occurring entity with Richard Haass.
  const Explanation spelling = explain(store(), "Richard Haass", "Richard Haas");
  EXPECT_FALSE(spelling.same);
  EXPECT_NE(spelling.apart.find("transliteration considered them"), std::string::npos) << spelling.apart;
  EXPECT_NE(spelling.apart.find("no shared context"), std::string::npos) << spelling.apart;
  const Explanation types = explain(store(), "n" + std::to_string(id("Putin")), "Sergey Lavrov");
  EXPECT_FALSE(types.same);
}

// `kg merge` into an existing database resolves again over every document: a later document
// can undo an earlier merge (docs/resolution.md, "Incremental builds").
TEST(IncrementalMerge, ALaterDocumentCanUndoASurnameMerge) {
  TempDir dir;
  kg::testing::write_map(dir / "1.jsonl",
                         {make_document("1", "Joe Biden spoke.", {{"Joe Biden"}}, {}),
                          make_document("2", "Biden said no.", {{"Biden"}}, {})});
  merge_maps({dir / "1.jsonl"}, dir / "kg.db");
  EXPECT_TRUE(explain(Store::open(dir / "kg.db"), "Biden", "Joe Biden").same);
  kg::testing::write_map(dir / "2.jsonl", {make_document("3", "Hunter Biden spoke.", {{"Hunter Biden"}}, {})});
  merge_maps({dir / "2.jsonl"}, dir / "kg.db");
  const Store store = Store::open(dir / "kg.db");
  const Explanation ex = explain(store, "n" + std::to_string(resolve_entity(store, "Joe Biden")), "Biden");
  EXPECT_FALSE(ex.same);
  EXPECT_NE(ex.apart.find("2 persons in the corpus have the surname 'Biden'"), std::string::npos) << ex.apart;
}

TEST_F(QueryTest, StatsCountEverything) {
  const Stats s = stats(store(), 3);
  EXPECT_EQ(s.documents, 4u);
  EXPECT_EQ(s.entities, 8u);
  EXPECT_EQ(s.edges, 5u);
  EXPECT_EQ(s.top_entities.size(), 3u);
  uint64_t edges = 0;
  for (const auto& [weight, n] : s.sources_per_edge) edges += n;
  EXPECT_EQ(edges, s.edges);
  EXPECT_EQ(s.sources_per_edge.back(), (std::pair<uint32_t, uint64_t>{2, 1}));
}

}  // namespace
}  // namespace kg::exporter
