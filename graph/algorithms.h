#pragma once
// Graph algorithms behind `kg query` and `kg render`: neighbourhoods, shortest paths that
// prefer well-supported edges, the subgraph to draw, degree statistics.
//
// Edges are walked in both directions (a fact "A met B" connects B to A as well). Ties are
// broken by node and edge index, which are canonical, so every answer is deterministic.

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "graph/knowledge_graph.h"

namespace kg::graph {

// An edge at a node, walked in either direction: `other` is the node at its far end.
struct IncidentEdge {
  uint32_t edge = 0;
  uint32_t other = 0;
  uint32_t weight = 0;
};

// Appends the edges incident to `node` (in and out) to `out`. The SQLite store implements it
// with its edge indexes, so a neighbourhood needs no loaded graph (export/query.h).
using IncidentEdges = std::function<void(uint32_t node, std::vector<IncidentEdge>& out)>;

// The incident edges of a loaded graph, optionally only those with one of `relations`.
IncidentEdges incident_edges(const KnowledgeGraph& graph, std::vector<std::string> relations = {});

struct Neighbourhood {
  std::vector<uint32_t> nodes;     // sorted by (distance, index); nodes[0] is the start
  std::vector<uint32_t> distance;  // distance[i] is the hop count of nodes[i]
  std::vector<uint32_t> edges;     // edges walked, each once, sorted
};

// Breadth-first search from `start` to `depth` hops (Moore 1959). An edge is reported when it
// was walked from a node nearer than `depth`, i.e. all edges among the reached nodes except
// those between two nodes exactly `depth` away.
Neighbourhood neighbourhood(uint32_t start, int depth, const IncidentEdges& incident);

// A shortest path: nodes[0] is the start, edges[i] joins nodes[i] and nodes[i + 1].
struct Path {
  std::vector<uint32_t> nodes;
  std::vector<uint32_t> edges;
  double cost = 0;
};

// The cost of walking an edge supported by `weight` documents: 1 + 1/weight. Hops matter
// most: a direct link, however weak, costs at most 2, less than any two hops (more than 2);
// among paths of equal length the better-supported one wins, and a path one hop longer wins
// only when its edges are much better supported (3 hops of weight 10 cost 3.3, 2 hops of
// weight 1 cost 4).
double edge_cost(uint32_t weight);

// Dijkstra's algorithm (Dijkstra 1959) over edges in both directions with edge_cost();
// nullopt when `to` cannot be reached. Ties go to the smaller node and edge index.
std::optional<Path> shortest_path(const KnowledgeGraph& graph, uint32_t from, uint32_t to);

// What `kg render` draws.
struct RenderSelection {
  std::optional<uint32_t> focus;  // draw only the neighbourhood of this node ...
  int depth = 2;                  // ... to this many hops
  uint32_t min_weight = 1;        // drop edges supported by fewer documents
  size_t max_nodes = 0;           // keep at most this many nodes (0: all), nearest to the
                                  // focus first, then the highest weighted degree
};

struct Subgraph {
  std::vector<uint32_t> nodes;  // sorted
  std::vector<uint32_t> edges;  // sorted; both ends in `nodes`
};

// Nodes without any selected edge are left out (an isolated name says nothing in a diagram),
// except the focus.
Subgraph select_for_rendering(const KnowledgeGraph& graph, const RenderSelection& selection);

// Number of edges at each node (in + out; parallel edges count each, a self-loop twice) and
// the weighted degree (sum of the weights of those edges).
struct Degrees {
  std::vector<uint32_t> degree;
  std::vector<uint64_t> strength;
};
Degrees degrees(const KnowledgeGraph& graph);

// The `count` nodes of highest degree, ties to the smaller index.
std::vector<uint32_t> top_by_degree(const Degrees& degrees, size_t count);

}  // namespace kg::graph
