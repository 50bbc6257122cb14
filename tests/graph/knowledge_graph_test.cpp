#include "graph/knowledge_graph.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <sstream>

#include "extract/error.h"
#include "tests/support/documents.h"

namespace kg::graph {
namespace {

using extract::DocumentResult;
using extract::EntityType;
using kg::testing::make_document;

std::vector<DocumentResult> corpus() {
  return {
      make_document("a", "Sergey Lavrov met Richard Haass in New York. Lavrov briefed the Kremlin.",
                    {{"Sergey Lavrov", EntityType::kPerson, {"Sergey Lavrov", "Lavrov"}},
                     {"Richard Haass", EntityType::kPerson},
                     {"Kremlin", EntityType::kOrg}},
                    {{"Sergey Lavrov", "meet", "Richard Haass"},
                     {"Sergey Lavrov", "brief", "Kremlin"}}),
      make_document("b", "SERGEY LAVROV met RICHARD HAASS. Haass did not brief the Kremlin.",
                    {{"SERGEY LAVROV", EntityType::kPerson},
                     {"RICHARD HAASS", EntityType::kPerson, {"RICHARD HAASS", "Haass"}},
                     {"Kremlin", EntityType::kOrg}},
                    {{"SERGEY LAVROV", "meet", "RICHARD HAASS"},
                     {"RICHARD HAASS", "brief", "Kremlin", true}}),
      make_document("c", "Sergey Lavrov may meet Richard Haass. Lavrov met Haass again. Kremlin.",
                    {{"Sergey Lavrov", EntityType::kPerson, {"Sergey Lavrov", "Lavrov"}},
                     {"Richard Haass", EntityType::kPerson, {"Richard Haass", "Haass"}},
                     {"Kremlin", EntityType::kLocation}},
                    {{"Sergey Lavrov", "meet", "Richard Haass", false, "may"},
                     {"Sergey Lavrov", "meet", "Richard Haass"},
                     {"Sergey Lavrov", "meet", "Richard Haass"}}),
  };
}

// Everything about a graph that must not depend on input order, as text.
std::string dump(const KnowledgeGraph& g) {
  std::ostringstream out;
  for (size_t n = 0; n < g.nodes.size(); ++n) {
    const Node& node = g.nodes[n];
    out << "n" << n << " " << node.label << " " << extract::to_string(node.type) << " [";
    for (const Alias& a : node.aliases) out << a.name << ":" << a.mentions << "/" << a.documents << ";";
    out << "] docs";
    for (uint32_t d : node.sources) out << " " << g.documents[d].id;
    out << " mentions " << node.mentions.size() << "\n";
  }
  for (size_t e = 0; e < g.edges.size(); ++e) {
    const Edge& edge = g.edges[e];
    out << "e" << e << " n" << edge.source << " " << edge.relation << " n" << edge.target
        << (edge.negated ? " not" : "") << " '" << edge.modality << "' w" << edge.weight << " ev";
    for (const Evidence& ev : g.edge_evidence(edge)) {
      out << " " << g.documents[ev.document].id << ":" << ev.triple << "@" << ev.span.start;
    }
    out << "\n";
  }
  for (const MergeDecision& m : g.merges) {
    out << "merge " << g.documents[m.member.document].id << "/" << m.member.entity << " -> "
        << g.documents[m.anchor.document].id << "/" << m.anchor.entity << "\n";
  }
  return out.str();
}

std::vector<DocumentResult> sorted(std::vector<DocumentResult> docs) {
  std::sort(docs.begin(), docs.end(),
            [](const auto& a, const auto& b) { return a.document.id < b.document.id; });
  return docs;
}

TEST(KnowledgeGraph, MergesExactNormalisedNamesOfOneType) {
  const KnowledgeGraph g = build_graph(corpus());
  // Kremlin, Haass, Lavrov: the Kremlin is ORG in two documents and LOCATION in one, so it is
  // one ORG (the resolver reconciles LOCATION and ORG of one name before comparing types).
  ASSERT_EQ(g.nodes.size(), 3u);
  EXPECT_EQ(g.nodes[0].label, "Kremlin");
  EXPECT_EQ(g.nodes[0].type, EntityType::kOrg);
  EXPECT_EQ(g.nodes[0].sources.size(), 3u);
  EXPECT_EQ(g.nodes[1].label, "Richard Haass");  // two of three documents spell it so
  EXPECT_EQ(g.nodes[2].label, "Sergey Lavrov");
  EXPECT_EQ(g.nodes[2].sources.size(), 3u);
}

TEST(KnowledgeGraph, AliasesCountMentionsAndDocuments) {
  const KnowledgeGraph g = build_graph(corpus());
  const Node& lavrov = g.nodes[2];
  std::vector<std::string> names;
  for (const Alias& a : lavrov.aliases) names.push_back(a.name);
  EXPECT_EQ(names, (std::vector<std::string>{"Lavrov", "SERGEY LAVROV", "Sergey Lavrov"}));
  const Alias& surname = lavrov.aliases[0];
  EXPECT_EQ(surname.documents, 2u);
  EXPECT_EQ(surname.mentions, 4u);  // "Lavrov" also inside "Sergey Lavrov" (the helper finds all)
}

TEST(KnowledgeGraph, WeightCountsDistinctDocuments) {
  const KnowledgeGraph g = build_graph(corpus());
  const auto meet = std::find_if(g.edges.begin(), g.edges.end(), [](const Edge& e) {
    return e.relation == "meet" && e.modality.empty();
  });
  ASSERT_NE(meet, g.edges.end());
  EXPECT_EQ(meet->weight, 3u);  // a, b, and c twice
  EXPECT_EQ(meet->evidence_end - meet->evidence_begin, 4u);
  EXPECT_EQ(g.edge_sources(*meet).size(), 3u);
}

TEST(KnowledgeGraph, NegationAndModalityAreSeparateEdges) {
  const KnowledgeGraph g = build_graph(corpus());
  int negated = 0;
  int modal = 0;
  for (const Edge& e : g.edges) {
    negated += e.negated;
    modal += e.modality == "may";
  }
  EXPECT_EQ(negated, 1);
  EXPECT_EQ(modal, 1);
  EXPECT_EQ(g.edges.size(), 4u);  // meet, may meet, brief, not brief
}

TEST(KnowledgeGraph, TopologyMirrorsTheEdges) {
  const KnowledgeGraph g = build_graph(corpus());
  EXPECT_EQ(boost::num_vertices(g.topology), g.nodes.size());
  EXPECT_EQ(boost::num_edges(g.topology), g.edges.size());
  for (auto [it, end] = boost::edges(g.topology); it != end; ++it) {
    const Edge& e = g.edges[g.topology[*it].edge];
    EXPECT_EQ(boost::source(*it, g.topology), e.source);
    EXPECT_EQ(boost::target(*it, g.topology), e.target);
  }
}

TEST(KnowledgeGraph, RejectsUnsortedOrDuplicateDocuments) {
  auto docs = corpus();
  std::swap(docs[0], docs[1]);
  EXPECT_THROW(build_graph(docs), InputError);
  auto twice = corpus();
  twice[1].document.id = "a";
  EXPECT_THROW(build_graph(twice), InputError);
}

TEST(KnowledgeGraph, RecordsEveryMergeWithItsRule) {
  const KnowledgeGraph g = build_graph(corpus());
  // 3 Lavrov + 3 Haass local entities in 3 documents: 2 + 2 merges; Kremlin ORG a, b and
  // LOCATION c (reconciled to ORG): 2.
  EXPECT_EQ(g.merges.size(), 6u);
  for (const MergeDecision& m : g.merges) {
    EXPECT_EQ(m.rule, MergeRule::kExactName);
    EXPECT_LT(m.anchor, m.member);
  }
}

// The reduce is a function of the set of documents: any order of the inputs, any split into
// shards merged one after another, gives the same graph (property test over all
// permutations of a corpus and random shard splits).
TEST(KnowledgeGraph, OrderAndShardingDoNotMatter) {
  std::vector<DocumentResult> docs = corpus();
  docs.push_back(make_document("d", "Kremlin spokesman Dmitry Peskov met Sergey Lavrov.",
                               {{"Dmitry Peskov", EntityType::kPerson},
                                {"Sergey Lavrov", EntityType::kPerson},
                                {"Kremlin", EntityType::kOrg}},
                               {{"Dmitry Peskov", "meet", "Sergey Lavrov"},
                                {"Dmitry Peskov", "spokesman_of", "Kremlin"}}));
  const std::string expected = dump(build_graph(sorted(docs)));
  std::vector<size_t> order(docs.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::mt19937 rng(7);
  do {
    // One run over this order...
    std::vector<DocumentResult> permuted;
    for (size_t i : order) permuted.push_back(docs[i]);
    EXPECT_EQ(dump(build_graph(sorted(permuted))), expected);
    // ...and the same order cut into shards, each shard added to what the earlier ones built
    // (what successive `kg merge` runs do: the stored documents plus the new ones).
    const size_t cut = 1 + rng() % (docs.size() - 1);
    std::vector<DocumentResult> stored(permuted.begin(), permuted.begin() + static_cast<long>(cut));
    const std::string first = dump(build_graph(sorted(stored)));
    EXPECT_FALSE(first.empty());
    stored.insert(stored.end(), permuted.begin() + static_cast<long>(cut), permuted.end());
    EXPECT_EQ(dump(build_graph(sorted(stored))), expected);
  } while (std::next_permutation(order.begin(), order.end()));
}

// corpus() with an argument ("in New York") on the first triple of "a".
std::vector<DocumentResult> corpus_with_argument() {
  std::vector<DocumentResult> docs = corpus();
  docs[0].triples[0].arguments.push_back(
      extract::Argument{extract::ArgumentRole::kOther, "in New York", {32, 43}});
  return docs;
}

TEST(KnowledgeGraph, WithoutTextsKeepsMetadataOnly) {
  const KnowledgeGraph g = build_graph(corpus_with_argument(), BuildOptions{.copy_texts = false});
  EXPECT_EQ(g.documents[0].id, "a");
  EXPECT_TRUE(g.documents[0].text.empty());
  const KnowledgeGraph full = build_graph(corpus_with_argument());
  EXPECT_EQ(dump(g), dump(full));
  // Nor argument texts (the store writes them from the documents).
  size_t arguments = 0;
  for (const Evidence& ev : full.evidence) arguments += ev.arguments.size();
  EXPECT_EQ(arguments, 1u);
  for (const Evidence& ev : g.evidence) EXPECT_TRUE(ev.arguments.empty());
}

// Edges grouped on a second thread while the nodes are filled: the same graph, code point
// spans and arguments included.
TEST(KnowledgeGraph, ParallelBuildIsTheSameGraph) {
  const KnowledgeGraph one = build_graph(corpus_with_argument());
  const KnowledgeGraph two = build_graph(corpus_with_argument(), BuildOptions{.parallel = true});
  EXPECT_EQ(dump(two), dump(one));
  ASSERT_EQ(two.evidence.size(), one.evidence.size());
  for (size_t i = 0; i < one.evidence.size(); ++i) {
    EXPECT_EQ(two.evidence[i].chars, one.evidence[i].chars);
    ASSERT_EQ(two.evidence[i].arguments.size(), one.evidence[i].arguments.size());
    for (size_t a = 0; a < one.evidence[i].arguments.size(); ++a) {
      EXPECT_EQ(two.evidence[i].arguments[a].text, one.evidence[i].arguments[a].text);
    }
  }
  EXPECT_EQ(boost::num_edges(two.topology), one.edges.size());
}

}  // namespace
}  // namespace kg::graph
