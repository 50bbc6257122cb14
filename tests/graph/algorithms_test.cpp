#include "graph/algorithms.h"

#include <gtest/gtest.h>

namespace kg::graph {
namespace {

// A hand-made graph: nodes 0..n-1 labelled "v<i>", edges (source, target, relation, weight).
struct EdgeSpec {
  uint32_t source;
  uint32_t target;
  const char* relation;
  uint32_t weight;
};

KnowledgeGraph make_graph(uint32_t nodes, const std::vector<EdgeSpec>& edges) {
  KnowledgeGraph g;
  for (uint32_t i = 0; i < nodes; ++i) g.nodes.emplace_back().label = "v" + std::to_string(i);
  for (const EdgeSpec& e : edges) {
    Edge edge;
    edge.source = e.source;
    edge.target = e.target;
    edge.relation = e.relation;
    edge.weight = e.weight;
    g.edges.push_back(edge);
  }
  g.build_topology();
  return g;
}

TEST(Neighbourhood, WalksBothDirectionsToTheGivenDepth) {
  // 0 -> 1 -> 2 -> 3, and 4 -> 0
  const KnowledgeGraph g = make_graph(5, {{0, 1, "a", 1}, {1, 2, "a", 1}, {2, 3, "a", 1}, {4, 0, "b", 1}});
  const Neighbourhood one = neighbourhood(1, 1, incident_edges(g));
  EXPECT_EQ(one.nodes, (std::vector<uint32_t>{1, 0, 2}));
  EXPECT_EQ(one.distance, (std::vector<uint32_t>{0, 1, 1}));
  EXPECT_EQ(one.edges, (std::vector<uint32_t>{0, 1}));
  const Neighbourhood two = neighbourhood(1, 2, incident_edges(g));
  EXPECT_EQ(two.nodes, (std::vector<uint32_t>{1, 0, 2, 3, 4}));
  EXPECT_EQ(two.edges, (std::vector<uint32_t>{0, 1, 2, 3}));
}

TEST(Neighbourhood, FiltersByRelation) {
  const KnowledgeGraph g = make_graph(3, {{0, 1, "meet", 1}, {0, 2, "brief", 1}});
  const Neighbourhood hood = neighbourhood(0, 1, incident_edges(g, {"brief"}));
  EXPECT_EQ(hood.nodes, (std::vector<uint32_t>{0, 2}));
  EXPECT_EQ(hood.edges, (std::vector<uint32_t>{1}));
}

TEST(Neighbourhood, DepthZeroIsTheNodeAlone) {
  const KnowledgeGraph g = make_graph(2, {{0, 1, "a", 1}});
  const Neighbourhood hood = neighbourhood(0, 0, incident_edges(g));
  EXPECT_EQ(hood.nodes, (std::vector<uint32_t>{0}));
  EXPECT_TRUE(hood.edges.empty());
}

TEST(ShortestPath, PrefersFewerHopsThenStrongerEdges) {
  // 0-1-3 weak (weight 1), 0-2-3 strong (weight 5), 0-3 direct weak.
  const KnowledgeGraph direct = make_graph(
      4, {{0, 1, "a", 1}, {1, 3, "a", 1}, {0, 2, "a", 5}, {2, 3, "a", 5}, {0, 3, "a", 1}});
  const auto p = shortest_path(direct, 0, 3);
  ASSERT_TRUE(p);
  EXPECT_EQ(p->edges, (std::vector<uint32_t>{4}));
  const KnowledgeGraph two_ways =
      make_graph(4, {{0, 1, "a", 1}, {1, 3, "a", 1}, {0, 2, "a", 5}, {3, 2, "a", 5}});
  const auto q = shortest_path(two_ways, 0, 3);
  ASSERT_TRUE(q);
  EXPECT_EQ(q->nodes, (std::vector<uint32_t>{0, 2, 3}));  // against edge direction too
  EXPECT_DOUBLE_EQ(q->cost, 2 * edge_cost(5));
}

TEST(ShortestPath, UnreachableAndSelf) {
  const KnowledgeGraph g = make_graph(3, {{0, 1, "a", 1}});
  EXPECT_FALSE(shortest_path(g, 0, 2));
  EXPECT_FALSE(shortest_path(g, 0, 9));
  const auto self = shortest_path(g, 1, 1);
  ASSERT_TRUE(self);
  EXPECT_EQ(self->nodes, (std::vector<uint32_t>{1}));
  EXPECT_TRUE(self->edges.empty());
}

TEST(EdgeCost, DirectLinkBeatsTwoHops) {
  EXPECT_LT(edge_cost(1), 2 * edge_cost(1000000));
  EXPECT_LT(edge_cost(5), edge_cost(1));
}

TEST(SelectForRendering, DropsWeakEdgesAndIsolatedNodes) {
  const KnowledgeGraph g = make_graph(5, {{0, 1, "a", 3}, {1, 2, "a", 1}, {3, 4, "a", 2}});
  const Subgraph all = select_for_rendering(g, {});
  EXPECT_EQ(all.nodes.size(), 5u);
  RenderSelection selection;
  selection.min_weight = 2;
  const Subgraph strong = select_for_rendering(g, selection);
  EXPECT_EQ(strong.nodes, (std::vector<uint32_t>{0, 1, 3, 4}));
  EXPECT_EQ(strong.edges, (std::vector<uint32_t>{0, 2}));
}

TEST(SelectForRendering, FocusDepthAndMaxNodes) {
  // A star around 0 with a tail 1 - 5.
  const KnowledgeGraph g =
      make_graph(6, {{0, 1, "a", 1}, {0, 2, "a", 4}, {0, 3, "a", 3}, {1, 5, "a", 1}, {4, 4, "a", 1}});
  RenderSelection selection;
  selection.focus = 0;
  selection.depth = 1;
  const Subgraph hood = select_for_rendering(g, selection);
  EXPECT_EQ(hood.nodes, (std::vector<uint32_t>{0, 1, 2, 3}));
  selection.depth = 2;
  selection.max_nodes = 3;
  const Subgraph small = select_for_rendering(g, selection);
  EXPECT_EQ(small.nodes, (std::vector<uint32_t>{0, 2, 3}));  // nearest first, then strongest
  selection.focus = 4;
  selection.depth = 1;
  selection.max_nodes = 0;
  const Subgraph lonely = select_for_rendering(g, selection);
  EXPECT_EQ(lonely.nodes, (std::vector<uint32_t>{4}));
}

TEST(Degrees, CountsBothEndsAndWeights) {
  const KnowledgeGraph g = make_graph(3, {{0, 1, "a", 2}, {0, 2, "a", 1}, {1, 0, "b", 1}});
  const Degrees d = degrees(g);
  EXPECT_EQ(d.degree, (std::vector<uint32_t>{3, 2, 1}));
  EXPECT_EQ(d.strength, (std::vector<uint64_t>{4, 3, 1}));
  EXPECT_EQ(top_by_degree(d, 2), (std::vector<uint32_t>{0, 1}));
}

}  // namespace
}  // namespace kg::graph
