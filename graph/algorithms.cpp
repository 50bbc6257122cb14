#include "graph/algorithms.h"

#include <algorithm>
#include <limits>
#include <numeric>
#include <queue>
#include <tuple>
#include <unordered_map>
#include <utility>

namespace kg::graph {

IncidentEdges incident_edges(const KnowledgeGraph& graph, std::vector<std::string> relations) {
  std::sort(relations.begin(), relations.end());
  return [&graph, relations = std::move(relations)](uint32_t node, std::vector<IncidentEdge>& out) {
    auto wanted = [&](uint32_t e) {
      return relations.empty() ||
             std::binary_search(relations.begin(), relations.end(), graph.edges[e].relation);
    };
    const Topology& t = graph.topology;
    for (auto [it, end] = boost::out_edges(node, t); it != end; ++it) {
      const uint32_t e = t[*it].edge;
      if (wanted(e)) out.push_back({e, static_cast<uint32_t>(boost::target(*it, t)), graph.edges[e].weight});
    }
    for (auto [it, end] = boost::in_edges(node, t); it != end; ++it) {
      const uint32_t e = t[*it].edge;
      if (wanted(e)) out.push_back({e, static_cast<uint32_t>(boost::source(*it, t)), graph.edges[e].weight});
    }
  };
}

Neighbourhood neighbourhood(uint32_t start, int depth, const IncidentEdges& incident) {
  Neighbourhood out;
  std::unordered_map<uint32_t, uint32_t> seen{{start, 0}};
  std::vector<uint32_t> frontier{start};
  std::vector<uint32_t> edges;
  std::vector<IncidentEdge> scratch;
  out.nodes.push_back(start);
  out.distance.push_back(0);
  for (int level = 0; level < depth && !frontier.empty(); ++level) {
    std::vector<uint32_t> next;
    for (uint32_t node : frontier) {
      scratch.clear();
      incident(node, scratch);
      for (const IncidentEdge& ie : scratch) {
        edges.push_back(ie.edge);
        if (seen.emplace(ie.other, static_cast<uint32_t>(level + 1)).second) next.push_back(ie.other);
      }
    }
    std::sort(next.begin(), next.end());
    for (uint32_t n : next) {
      out.nodes.push_back(n);
      out.distance.push_back(static_cast<uint32_t>(level + 1));
    }
    frontier = std::move(next);
  }
  std::sort(edges.begin(), edges.end());
  edges.erase(std::unique(edges.begin(), edges.end()), edges.end());
  out.edges = std::move(edges);
  return out;
}

double edge_cost(uint32_t weight) { return 1.0 + 1.0 / std::max<uint32_t>(weight, 1); }

std::optional<Path> shortest_path(const KnowledgeGraph& graph, uint32_t from, uint32_t to) {
  const size_t n = graph.nodes.size();
  if (from >= n || to >= n) return std::nullopt;
  constexpr double kInfinity = std::numeric_limits<double>::infinity();
  constexpr uint32_t kNone = std::numeric_limits<uint32_t>::max();
  std::vector<double> cost(n, kInfinity);
  std::vector<uint32_t> via_edge(n, kNone);
  std::vector<uint32_t> via_node(n, kNone);
  using Entry = std::pair<double, uint32_t>;  // (cost, node); smaller node wins ties
  std::priority_queue<Entry, std::vector<Entry>, std::greater<>> queue;
  cost[from] = 0;
  queue.push({0.0, from});
  const IncidentEdges incident = incident_edges(graph);
  std::vector<IncidentEdge> scratch;
  while (!queue.empty()) {
    const auto [c, node] = queue.top();
    queue.pop();
    if (c > cost[node]) continue;
    if (node == to) break;
    scratch.clear();
    incident(node, scratch);
    for (const IncidentEdge& ie : scratch) {
      const double next = c + edge_cost(ie.weight);
      // Equal cost: keep the smaller edge index, so the chosen path is canonical.
      if (next < cost[ie.other] || (next == cost[ie.other] && via_node[ie.other] == node &&
                                    ie.edge < via_edge[ie.other])) {
        cost[ie.other] = next;
        via_edge[ie.other] = ie.edge;
        via_node[ie.other] = node;
        queue.push({next, ie.other});
      }
    }
  }
  if (cost[to] == kInfinity) return std::nullopt;
  Path path;
  path.cost = cost[to];
  for (uint32_t v = to; v != from; v = via_node[v]) {
    path.nodes.push_back(v);
    path.edges.push_back(via_edge[v]);
  }
  path.nodes.push_back(from);
  std::reverse(path.nodes.begin(), path.nodes.end());
  std::reverse(path.edges.begin(), path.edges.end());
  return path;
}

Degrees degrees(const KnowledgeGraph& graph) {
  Degrees d;
  d.degree.assign(graph.nodes.size(), 0);
  d.strength.assign(graph.nodes.size(), 0);
  for (const Edge& e : graph.edges) {
    for (uint32_t v : {e.source, e.target}) {
      ++d.degree[v];
      d.strength[v] += e.weight;
    }
  }
  return d;
}

std::vector<uint32_t> top_by_degree(const Degrees& degrees, size_t count) {
  std::vector<uint32_t> order(degrees.degree.size());
  std::iota(order.begin(), order.end(), 0);
  count = std::min(count, order.size());
  std::partial_sort(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(count), order.end(),
                    [&](uint32_t a, uint32_t b) {
                      return std::tie(degrees.degree[b], degrees.strength[b], a) <
                             std::tie(degrees.degree[a], degrees.strength[a], b);
                    });
  order.resize(count);
  return order;
}

Subgraph select_for_rendering(const KnowledgeGraph& graph, const RenderSelection& selection) {
  const size_t n = graph.nodes.size();
  constexpr uint32_t kFar = std::numeric_limits<uint32_t>::max();
  // Candidate nodes with their distance from the focus (all 0 without a focus).
  std::vector<uint32_t> distance(n, selection.focus ? kFar : 0);
  if (selection.focus) {
    const Neighbourhood hood =
        neighbourhood(*selection.focus, selection.depth, incident_edges(graph));
    for (size_t i = 0; i < hood.nodes.size(); ++i) distance[hood.nodes[i]] = hood.distance[i];
  }
  auto edge_kept = [&](const Edge& e) {
    return e.weight >= selection.min_weight && distance[e.source] != kFar &&
           distance[e.target] != kFar;
  };
  std::vector<uint64_t> strength(n, 0);
  std::vector<bool> touched(n, false);
  for (const Edge& e : graph.edges) {
    if (!edge_kept(e)) continue;
    strength[e.source] += e.weight;
    strength[e.target] += e.weight;
    touched[e.source] = touched[e.target] = true;
  }
  std::vector<uint32_t> nodes;
  for (uint32_t v = 0; v < n; ++v) {
    if (distance[v] != kFar && (touched[v] || (selection.focus && *selection.focus == v))) {
      nodes.push_back(v);
    }
  }
  if (selection.max_nodes > 0 && nodes.size() > selection.max_nodes) {
    std::stable_sort(nodes.begin(), nodes.end(), [&](uint32_t a, uint32_t b) {
      return std::tie(distance[a], strength[b]) < std::tie(distance[b], strength[a]);
    });
    nodes.resize(selection.max_nodes);
    std::sort(nodes.begin(), nodes.end());
  }
  std::vector<bool> in(n, false);
  for (uint32_t v : nodes) in[v] = true;
  Subgraph out;
  for (uint32_t e = 0; e < graph.edges.size(); ++e) {
    const Edge& edge = graph.edges[e];
    if (edge_kept(edge) && in[edge.source] && in[edge.target]) out.edges.push_back(e);
  }
  // Nodes that lost all their edges to the cut (other than the focus) go too.
  std::vector<bool> used(n, false);
  for (uint32_t e : out.edges) used[graph.edges[e].source] = used[graph.edges[e].target] = true;
  for (uint32_t v : nodes) {
    if (used[v] || (selection.focus && *selection.focus == v)) out.nodes.push_back(v);
  }
  return out;
}

}  // namespace kg::graph
