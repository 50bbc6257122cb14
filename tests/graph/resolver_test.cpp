#include "graph/resolver.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <sstream>

#include "graph/knowledge_graph.h"
#include "tests/support/documents.h"

namespace kg::graph {
namespace {

using extract::DocumentResult;
using extract::EntityType;
using extract::LinkRule;
using kg::testing::make_document;

TEST(Resolver, MergesNamesWithTheSameKeyAndType) {
  const std::vector<DocumentResult> docs = {
      make_document("1", "Zelénsky spoke.", {{"Zelénsky", EntityType::kOrg}}, {}),
      make_document("2", "ZELENSKY's office.", {{"ZELENSKY's", EntityType::kOrg}}, {}),
      make_document("3", "Zelenskyy spoke.", {{"Zelenskyy", EntityType::kOrg}}, {})};
  const Resolution r = Resolver().resolve(docs);
  EXPECT_EQ(r.entity_count, 2u);  // one-word organisations are too short for the spelling rule
  EXPECT_EQ(r.entity_of[0][0], r.entity_of[1][0]);
  EXPECT_NE(r.entity_of[0][0], r.entity_of[2][0]);
  ASSERT_EQ(r.merges.size(), 1u);
  EXPECT_EQ(r.merges[0].member, (LocalRef{1, 0}));
  EXPECT_EQ(r.merges[0].anchor, (LocalRef{0, 0}));
  EXPECT_EQ(r.merges[0].rule, MergeRule::kExactName);
}

TEST(Resolver, NeverMergesDifferentTypes) {
  const std::vector<DocumentResult> docs = {
      make_document("1", "Ukraine.", {{"Ukraine", EntityType::kLocation}}, {}),
      make_document("2", "Ukraine.", {{"Ukraine", EntityType::kWork}}, {}),
      make_document("3", "Ukraine.", {{"Ukraine", EntityType::kPerson}}, {})};
  const Resolution r = Resolver().resolve(docs);
  EXPECT_EQ(r.entity_count, 3u);
  EXPECT_TRUE(r.merges.empty());
  EXPECT_EQ(r.entity_type,
            (std::vector<EntityType>{EntityType::kLocation, EntityType::kWork, EntityType::kPerson}));
}

TEST(Resolver, ReconcilesLocationAndOrgOfOneNameFirst) {
  // LOCATION and ORG of one name are NER's reading of one place acting: the majority type
  // wins before rule 1 compares types.
  const std::vector<DocumentResult> docs = {
      make_document("1", "Ukraine.", {{"Ukraine", EntityType::kLocation}}, {}),
      make_document("2", "Ukraine.", {{"Ukraine", EntityType::kOrg}}, {}),
      make_document("3", "Ukraine.", {{"Ukraine", EntityType::kOrg}}, {})};
  const Resolution r = Resolver().resolve(docs);
  EXPECT_EQ(r.entity_count, 1u);
  EXPECT_EQ(r.entity_type, (std::vector<EntityType>{EntityType::kOrg}));
  ASSERT_EQ(r.merges.size(), 2u);
  EXPECT_NE(r.merges[0].evidence.find("read as ORG"), std::string::npos) << r.merges[0].evidence;
}

TEST(Resolver, PunctuationOnlyNamesMergeOnlyWhenIdentical) {
  EXPECT_EQ(entity_key("!!!"), "!!!");
  EXPECT_NE(entity_key("!!!"), entity_key("???"));
  EXPECT_EQ(entity_key("The Kremlin."), "kremlin");
}

TEST(Resolver, ResolutionKeyStripsTitlesOfPersonsOnly) {
  EXPECT_EQ(resolution_key("Russian Foreign Minister Sergey Lavrov", EntityType::kPerson), "sergey lavrov");
  EXPECT_EQ(resolution_key("President Putin", EntityType::kPerson), "putin");
  EXPECT_EQ(resolution_key("President", EntityType::kPerson), "president");  // a word stays
  EXPECT_EQ(resolution_key("Foreign Affairs", EntityType::kWork), "foreign affairs");
}

TEST(Resolver, ExplainsWhyTwoEntitiesAreApart) {
  const std::vector<DocumentResult> docs = {
      make_document("1", "Ukraine.", {{"Ukraine", EntityType::kLocation}}, {}),
      make_document("2", "Ukraine.", {{"Ukraine", EntityType::kOrg}}, {}),
      make_document("3", "Kestrel Bank.", {{"Kestrel Bank", EntityType::kOrg}}, {})};
  const Resolver resolver;
  const Resolution r = resolver.resolve(docs);
  const std::vector<LocalRef> a{{0, 0}};
  const std::vector<LocalRef> b{{1, 0}};
  const std::vector<LocalRef> c{{2, 0}};
  EXPECT_NE(resolver.why_apart(docs, r, a, b).find("different types (LOCATION and ORG)"),
            std::string::npos);
  EXPECT_NE(resolver.why_apart(docs, r, b, c).find("that no rule relates"), std::string::npos);
}

TEST(Resolver, DescribesAMerge) {
  const std::string text = describe_merge(MergeRule::kExactName, {"002", "LAVROV", EntityType::kPerson},
                                          {"001", "Lavrov", EntityType::kPerson}, "");
  EXPECT_EQ(text, "'LAVROV' in 002 and 'Lavrov' in 001 both normalise to 'lavrov' and are both PERSON");
  const std::string acronym = describe_merge(MergeRule::kAcronym, {"a", "CFR", EntityType::kOrg},
                                             {"c", "Council on Foreign Relations", EntityType::kOrg},
                                             "'CFR' stands for 'Council on Foreign Relations' in c");
  EXPECT_NE(acronym.find("(\'CFR\' stands for"), std::string::npos) << acronym;
}

TEST(MergeRule, NamesRoundTrip) {
  for (MergeRule rule : {MergeRule::kExactName, MergeRule::kInDocument, MergeRule::kAcronym,
                         MergeRule::kInitials, MergeRule::kTransliteration, MergeRule::kSpelling,
                         MergeRule::kSurname}) {
    EXPECT_EQ(parse_merge_rule(to_string(rule)), rule);
  }
  EXPECT_EQ(to_string(MergeRule::kExactName), "exact_name");
  EXPECT_FALSE(parse_merge_rule("nope"));
}

// Every local entity but the first of its node has exactly one decision, pointing at another
// member of the same node: the decisions of a node form a tree.
TEST(Resolver, DecisionsFormATreePerNode) {
  const std::vector<DocumentResult> docs = {
      make_document("a", "CFR and Richard Haass.", {{"CFR", EntityType::kOrg}, {"Richard Haass"}}, {}),
      make_document("b", "Council on Foreign Relations, Haass.",
                    {{"Council on Foreign Relations", EntityType::kOrg}, {"Haass"}}, {}),
      make_document("c", "Richard Haass, CFR.", {{"Richard Haass"}, {"CFR", EntityType::kOrg}}, {})};
  const Resolution r = Resolver().resolve(docs);
  EXPECT_EQ(r.entity_count, 2u);
  EXPECT_EQ(r.merges.size(), 4u);  // 6 local entities in 2 nodes
  for (const MergeDecision& m : r.merges) {
    EXPECT_EQ(r.entity_of[m.member.document][m.member.entity],
              r.entity_of[m.anchor.document][m.anchor.entity]);
    EXPECT_NE(m.member, m.anchor);
  }
  for (size_t i = 1; i < r.merges.size(); ++i) {
    EXPECT_LT(r.merges[i - 1].member, r.merges[i].member);
  }
}

// --- determinism and order independence ---------------------------------------------------

// A corpus where every rule fires, and some refuse: order dependence would show here.
std::vector<DocumentResult> rule_corpus() {
  using E = EntityType;
  return {
      make_document("nbc", "Sergey Lavrov met Richard Haass of the Council on Foreign Relations in New York.",
                    {{"Sergey Lavrov"}, {"Richard Haass", E::kPerson, {}, {"former diplomat"}},
                     {"Council on Foreign Relations", E::kOrg}, {"New York", E::kLocation}},
                    {{"Sergey Lavrov", "meet", "Richard Haass"}}),
      make_document("fox", "Haass and CFR fellows met Lavrov. Joe Biden knew.",
                    {{"Haass"}, {"CFR", E::kOrg}, {"Lavrov"}, {"Joe Biden"}},
                    {{"Lavrov", "meet", "Haass"}}),
      make_document("pravda", "Richard Haas of the Council of Foreign Relations met Sergei Lavrov in New York.",
                    {{"Richard Haas", E::kPerson, {}, {"former diplomat"}},
                     {"Council of Foreign Relations", E::kOrg}, {"Sergei Lavrov"}, {"New York", E::kLocation}},
                    {{"Sergei Lavrov", "meet", "Richard Haas"}}),
      make_document("ap", "Hunter Biden and Biden. Volodymyr Zelensky spoke to the NSC.",
                    {{"Hunter Biden"}, {"Biden"}, {"Volodymyr Zelensky", E::kPerson, {}, {"President"}},
                     {"NSC", E::kOrg}},
                    {}),
      make_document("bbc", "Biden met Volodymyr Zelenskyy, President, the Center for Fiscal Reform "
                    "and the National Security Council.",
                    {{"Biden"}, {"Volodymyr Zelenskyy", E::kPerson, {}, {"President"}},
                     {"Center for Fiscal Reform", E::kOrg}, {"National Security Council", E::kOrg}},
                    {{"Biden", "meet", "Volodymyr Zelenskyy"}}),
      make_document("cnn", "The Center for Fiscal Reform (CFR) and Zelenskyy.",
                    {{"Center for Fiscal Reform", E::kOrg, {"Center for Fiscal Reform", "CFR"}, {},
                      {LinkRule::kName, LinkRule::kAcronym}},
                     {"Zelenskyy"}},
                    {}),
  };
}

// The graph with canonical ids and every merge decision, as text.
std::string dump(const KnowledgeGraph& g) {
  std::ostringstream out;
  for (size_t n = 0; n < g.nodes.size(); ++n) {
    const Node& node = g.nodes[n];
    out << "n" << n << " " << node.label << " " << extract::to_string(node.type) << " [";
    for (const Alias& a : node.aliases) out << a.name << ":" << a.mentions << "/" << a.documents << ";";
    out << "] members";
    for (const LocalRef& m : node.members) out << " " << g.documents[m.document].id << "/" << m.entity;
    out << "\n";
  }
  for (const Edge& e : g.edges) {
    out << "n" << e.source << " " << e.relation << " n" << e.target << " w" << e.weight << "\n";
  }
  for (const MergeDecision& m : g.merges) {
    out << "merge " << g.documents[m.member.document].id << "/" << m.member.entity << " -> "
        << g.documents[m.anchor.document].id << "/" << m.anchor.entity << " "
        << to_string(m.rule) << " " << m.evidence << "\n";
  }
  return out.str();
}

std::vector<DocumentResult> sorted(std::vector<DocumentResult> docs) {
  std::sort(docs.begin(), docs.end(),
            [](const auto& a, const auto& b) { return a.document.id < b.document.id; });
  return docs;
}

TEST(Resolver, EveryRuleFiresInTheOrderCorpus) {
  const KnowledgeGraph g = build_graph(sorted(rule_corpus()));
  const std::string text = dump(g);
  for (const char* rule : {"exact_name", "in_document", "acronym", "initials", "transliteration",
                           "spelling", "surname"}) {
    EXPECT_NE(text.find(std::string(" ") + rule + " "), std::string::npos) << rule << "\n" << text;
  }
}

// The graph is a function of the set of documents: every permutation of the input, and
// every permutation cut into two shards (the second merged into what the first stored), gives
// the same nodes, aliases, edges, weights and decisions.
TEST(Resolver, OrderAndShardingDoNotMatterUnderEveryRule) {
  const std::vector<DocumentResult> docs = rule_corpus();
  const std::string expected = dump(build_graph(sorted(docs)));
  std::vector<size_t> order(docs.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::mt19937 rng(11);
  size_t permutations = 0;
  do {
    std::vector<DocumentResult> permuted;
    for (size_t i : order) permuted.push_back(docs[i]);
    ASSERT_EQ(dump(build_graph(sorted(permuted))), expected);
    const size_t cut = 1 + rng() % (docs.size() - 1);
    std::vector<DocumentResult> stored(permuted.begin(), permuted.begin() + static_cast<long>(cut));
    (void)build_graph(sorted(stored));  // the first shard's graph, later revised
    stored.insert(stored.end(), permuted.begin() + static_cast<long>(cut), permuted.end());
    ASSERT_EQ(dump(build_graph(sorted(stored))), expected);
    ++permutations;
  } while (std::next_permutation(order.begin(), order.end()));
  EXPECT_EQ(permutations, 720u);
}

// Incremental: a new document can revise an earlier decision. "Biden" joined the only Biden;
// once a second Biden arrives, the bare surname is ambiguous and leaves.
TEST(Resolver, NewDocumentsCanUndoASurnameMerge) {
  std::vector<DocumentResult> docs = {
      make_document("1", "Joe Biden spoke.", {{"Joe Biden"}}, {}),
      make_document("2", "Biden said.", {{"Biden"}}, {})};
  const Resolution before = Resolver().resolve(docs);
  EXPECT_EQ(before.entity_count, 1u);
  docs.push_back(make_document("3", "Hunter Biden spoke.", {{"Hunter Biden"}}, {}));
  const Resolution after = Resolver().resolve(docs);
  EXPECT_EQ(after.entity_count, 3u);
  EXPECT_NE(after.entity_of[0][0], after.entity_of[1][0]);
}

// ...and an acronym by initials, once a second organisation with those initials arrives; a
// definition arriving later settles it again.
TEST(Resolver, NewDocumentsCanRevisitAnAcronym) {
  std::vector<DocumentResult> docs = {
      make_document("1", "CFR said.", {{"CFR", EntityType::kOrg}}, {}),
      make_document("2", "Council on Foreign Relations said.",
                    {{"Council on Foreign Relations", EntityType::kOrg}}, {})};
  EXPECT_EQ(Resolver().resolve(docs).entity_count, 1u);
  docs.push_back(make_document("3", "Center for Fiscal Reform said.",
                               {{"Center for Fiscal Reform", EntityType::kOrg}}, {}));
  EXPECT_EQ(Resolver().resolve(docs).entity_count, 3u);
  docs.push_back(make_document("4", "The Council on Foreign Relations (CFR) said.",
                               {{"Council on Foreign Relations", EntityType::kOrg,
                                 {"Council on Foreign Relations", "CFR"}, {},
                                 {LinkRule::kName, LinkRule::kAcronym}}}, {}));
  const Resolution settled = Resolver().resolve(docs);
  EXPECT_EQ(settled.entity_count, 2u);
  EXPECT_EQ(settled.entity_of[0][0], settled.entity_of[1][0]);
}

TEST(Resolver, KeptApartIsSortedAndOnlyBetweenDifferentNodes) {
  const std::vector<DocumentResult> docs = sorted(rule_corpus());
  const Resolution r = Resolver().resolve(docs);
  EXPECT_FALSE(r.kept_apart.empty());
  for (size_t i = 0; i < r.kept_apart.size(); ++i) {
    const KeptApart& k = r.kept_apart[i];
    EXPECT_LT(k.a, k.b);
    EXPECT_NE(r.entity_of[k.a.document][k.a.entity], r.entity_of[k.b.document][k.b.entity]);
    if (i > 0) {
      EXPECT_LE(r.kept_apart[i - 1].a, k.a);
    }
  }
}

}  // namespace
}  // namespace kg::graph
