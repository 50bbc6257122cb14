// libcgraph_floor: what libcgraph itself costs for a graph of the export benchmark's size,
// without kg: N nodes, then E anonymous edges in order of their tail (as kg's DOT export adds
// them), with no attribute, one edge attribute, or kg's node and edge attributes; then
// agwrite() to /dev/null and agclose(). Each stage's time is a counter; "edges_per_second"
// counts the whole (build + write + close). It is the ceiling of any DOT export written
// through libcgraph on this machine (docs/performance.md: issue 3 asks 500k edges/s).
//
//   build/bench/libcgraph_floor [--benchmark_repetitions=3]

#include <benchmark/benchmark.h>
#include <graphviz/cgraph.h>

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

namespace {

constexpr int kNodes = 100000;
constexpr int kEdges = 1000000;

char* c(const char* text) { return const_cast<char*>(text); }

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// attributes: 0 none, 1 one edge label, 2 kg's set (five per node, five per edge).
void BM_LibcgraphDot(benchmark::State& state) {
  const int attributes = static_cast<int>(state.range(0));
  // Edge heads from a fixed linear congruential sequence; tails in increasing order.
  std::vector<int> heads(kEdges);
  uint32_t seed = 1;
  for (int& h : heads) {
    seed = seed * 1103515245u + 12345u;
    h = static_cast<int>((seed >> 8) % kNodes);
  }
  double build = 0, write = 0, close = 0;
  std::string text;
  for (auto _ : state) {
    auto start = std::chrono::steady_clock::now();
    Agraph_t* g = agopen(c("kg"), Agdirected, nullptr);
    Agsym_t* n_label = agattr(g, AGNODE, c("label"), c(""));
    Agsym_t* n_type = agattr(g, AGNODE, c("type"), c(""));
    Agsym_t* n_color = agattr(g, AGNODE, c("color"), c("black"));
    Agsym_t* e_id = agattr(g, AGEDGE, c("id"), c(""));
    Agsym_t* e_label = agattr(g, AGEDGE, c("label"), c(""));
    Agsym_t* e_relation = agattr(g, AGEDGE, c("relation"), c(""));
    Agsym_t* e_pen = agattr(g, AGEDGE, c("penwidth"), c("1"));
    std::vector<Agnode_t*> nodes(kNodes);
    for (int n = 0; n < kNodes; ++n) {
      text = "n" + std::to_string(n);
      nodes[static_cast<size_t>(n)] = agnode(g, text.data(), 1);
      if (attributes == 2) {
        text = "Name " + std::to_string(n);
        agxset(nodes[static_cast<size_t>(n)], n_label, text.data());
        agxset(nodes[static_cast<size_t>(n)], n_type, c(n % 3 ? "PERSON" : "ORG"));
        agxset(nodes[static_cast<size_t>(n)], n_color, c(n % 3 ? "#3d6cb9" : "#c77c00"));
      }
    }
    for (int e = 0; e < kEdges; ++e) {
      const int tail = static_cast<int>(int64_t{e} * kNodes / kEdges);
      Agedge_t* x = agedge(g, nodes[static_cast<size_t>(tail)],
                           nodes[static_cast<size_t>(heads[static_cast<size_t>(e)])], nullptr, 1);
      if (attributes >= 1) agxset(x, e_label, c(e % 8 ? "met_with" : "said"));
      if (attributes == 2) {
        text = "e" + std::to_string(e);
        agxset(x, e_id, text.data());
        agxset(x, e_relation, c(e % 8 ? "meet_with" : "say"));
        agxset(x, e_pen, c("1.0"));
      }
    }
    build += seconds_since(start);
    start = std::chrono::steady_clock::now();
    FILE* sink = std::fopen("/dev/null", "w");
    agwrite(g, sink);
    std::fclose(sink);
    write += seconds_since(start);
    start = std::chrono::steady_clock::now();
    agclose(g);
    close += seconds_since(start);
  }
  const double runs = static_cast<double>(state.iterations());
  state.counters["build_s"] = build / runs;
  state.counters["agwrite_s"] = write / runs;
  state.counters["agclose_s"] = close / runs;
  state.counters["edges_per_second"] = kEdges * runs / (build + write + close);
}
BENCHMARK(BM_LibcgraphDot)->Arg(0)->Arg(1)->Arg(2)->Unit(benchmark::kSecond)->Iterations(1)
    ->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
