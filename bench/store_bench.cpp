// store_bench: Google Benchmark timings of the store half of kg, stage by stage, on map files
// made by generate_maps (docs/performance.md). Whole-command timings (cold processes, peak
// memory) are bench/run-commands.
//
// Usage: store_bench MAPDIR [benchmark flags]   e.g. store_bench /tmp/maps-100k
//   MAPDIR holds *.jsonl from `generate_maps MAPDIR --edges 100000`. Counters report
//   edges/s (the targets' unit) besides time.

#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>

#include "export/dot_export.h"
#include "export/graphml_export.h"
#include "export/json_export.h"
#include "export/query.h"
#include "export/store.h"
#include "extract/map_format.h"
#include "graph/algorithms.h"
#include "graph/knowledge_graph.h"
#include "graph/resolver.h"

namespace {

namespace fs = std::filesystem;
using kg::extract::DocumentResult;

std::string g_maps;  // MAPDIR
std::string g_work;  // scratch folder

std::vector<std::string> map_files() {
  std::vector<std::string> files;
  for (const auto& entry : fs::directory_iterator(g_maps)) {
    if (entry.path().extension() == ".jsonl") files.push_back(entry.path().string());
  }
  std::sort(files.begin(), files.end());
  return files;
}

std::vector<DocumentResult> read_all() {
  std::vector<DocumentResult> docs;
  for (const std::string& f : map_files()) {
    kg::extract::MapReader reader(f);
    DocumentResult r;
    while (reader.next(r)) docs.push_back(std::move(r));
  }
  std::sort(docs.begin(), docs.end(),
            [](const auto& a, const auto& b) { return a.document.id < b.document.id; });
  return docs;
}

// Shared inputs, made once.
const std::vector<DocumentResult>& documents() {
  static const std::vector<DocumentResult> docs = read_all();
  return docs;
}
const kg::graph::KnowledgeGraph& built_graph() {
  static const kg::graph::KnowledgeGraph g =
      kg::graph::build_graph(documents(), kg::graph::BuildOptions{.copy_texts = false});
  return g;
}
const std::string& database() {
  static const std::string path = [] {
    const std::string p = g_work + "/bench.db";
    kg::exporter::write_store(p, documents(), built_graph());
    return p;
  }();
  return path;
}

void set_edges(benchmark::State& state, size_t edges) {
  state.counters["edges/s"] =
      benchmark::Counter(static_cast<double>(edges), benchmark::Counter::kIsIterationInvariantRate);
}

void BM_ReadMaps(benchmark::State& state) {
  size_t bytes = 0;
  for (const std::string& f : map_files()) bytes += fs::file_size(f);
  for (auto _ : state) {
    size_t n = 0;
    for (const std::string& f : map_files()) {
      kg::extract::MapReader reader(f);
      DocumentResult r;
      while (reader.next(r)) ++n;
    }
    benchmark::DoNotOptimize(n);
  }
  state.SetBytesProcessed(static_cast<int64_t>(bytes) * state.iterations());
  set_edges(state, built_graph().edges.size());
}
BENCHMARK(BM_ReadMaps)->Unit(benchmark::kMillisecond)->Iterations(1);

void BM_BuildGraph(benchmark::State& state) {
  for (auto _ : state) {
    auto g = kg::graph::build_graph(documents(), kg::graph::BuildOptions{.copy_texts = false});
    benchmark::DoNotOptimize(g.edges.data());
  }
  set_edges(state, built_graph().edges.size());
}
BENCHMARK(BM_BuildGraph)->Unit(benchmark::kMillisecond)->Iterations(3);

// The resolver alone (graph/resolver.h) over every document: counters give mentions and
// local entities per second. The issue-7 target: 10,000 documents with 500,000 mentions in
// under 10 s on one core (maps from `generate_maps DIR --documents 10000
// --triples-per-document 25 --variants 10`).
void BM_Resolve(benchmark::State& state) {
  size_t mentions = 0;
  size_t locals = 0;
  for (const DocumentResult& d : documents()) {
    mentions += d.mentions.size();
    locals += d.entities.size();
  }
  size_t merges = 0;
  size_t apart = 0;
  for (auto _ : state) {
    const kg::graph::Resolution r = kg::graph::Resolver().resolve(documents());
    merges = r.merges.size();
    apart = r.kept_apart.size();
    benchmark::DoNotOptimize(r.entity_count);
  }
  state.counters["kept_apart"] = static_cast<double>(apart);
  state.counters["documents"] = static_cast<double>(documents().size());
  state.counters["mentions"] = static_cast<double>(mentions);
  state.counters["merges"] = static_cast<double>(merges);
  state.counters["mentions/s"] =
      benchmark::Counter(static_cast<double>(mentions), benchmark::Counter::kIsIterationInvariantRate);
  state.counters["locals/s"] =
      benchmark::Counter(static_cast<double>(locals), benchmark::Counter::kIsIterationInvariantRate);
}
BENCHMARK(BM_Resolve)->Unit(benchmark::kMillisecond)->Iterations(3);

void BM_WriteStore(benchmark::State& state) {
  for (auto _ : state) kg::exporter::write_store(g_work + "/write.db", documents(), built_graph());
  set_edges(state, built_graph().edges.size());
}
BENCHMARK(BM_WriteStore)->Unit(benchmark::kMillisecond)->Iterations(1);

void BM_LoadGraph(benchmark::State& state) {
  const kg::exporter::Store store = kg::exporter::Store::open(database());
  kg::exporter::LoadOptions options;
  options.text = state.range(0) != 0;
  for (auto _ : state) {
    auto g = kg::exporter::load_graph(store, options);
    benchmark::DoNotOptimize(g.edges.data());
  }
  set_edges(state, built_graph().edges.size());
}
BENCHMARK(BM_LoadGraph)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond)->Iterations(1);

template <void (*Write)(const kg::graph::KnowledgeGraph&, std::ostream&)>
void BM_Write(benchmark::State& state) {
  const kg::exporter::Store store = kg::exporter::Store::open(database());
  kg::exporter::LoadOptions options;
  options.text = state.range(0) != 0;
  const kg::graph::KnowledgeGraph g = kg::exporter::load_graph(store, options);
  for (auto _ : state) {
    std::ofstream out(g_work + "/export.out", std::ios::binary);
    Write(g, out);
  }
  set_edges(state, g.edges.size());
}
BENCHMARK_TEMPLATE(BM_Write, kg::exporter::write_json)->Name("BM_WriteJson")->Arg(1)->Unit(benchmark::kMillisecond)->Iterations(1);
BENCHMARK_TEMPLATE(BM_Write, kg::exporter::write_graphml)->Name("BM_WriteGraphml")->Arg(0)->Unit(benchmark::kMillisecond)->Iterations(1);
BENCHMARK_TEMPLATE(BM_Write, kg::exporter::write_dot)->Name("BM_WriteDot")->Arg(0)->Unit(benchmark::kMillisecond)->Iterations(1);

// Query look-ups, warm, on a typical entity (median degree) and on the busiest one.
uint32_t entity_with_degree_rank(double quantile) {
  const kg::graph::Degrees d = kg::graph::degrees(built_graph());
  std::vector<uint32_t> order(d.degree.size());
  for (uint32_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) { return d.degree[a] < d.degree[b]; });
  return order[static_cast<size_t>(quantile * static_cast<double>(order.size() - 1))];
}

void BM_Neighbors(benchmark::State& state) {
  const kg::exporter::Store store = kg::exporter::Store::open(database());
  const uint32_t node = entity_with_degree_rank(state.range(0) / 100.0);
  for (auto _ : state) benchmark::DoNotOptimize(kg::exporter::neighbours(store, node, 1, {}));
}
BENCHMARK(BM_Neighbors)->Arg(50)->Arg(100)->Unit(benchmark::kMillisecond);

void BM_Facts(benchmark::State& state) {
  const kg::exporter::Store store = kg::exporter::Store::open(database());
  const uint32_t node = entity_with_degree_rank(state.range(0) / 100.0);
  for (auto _ : state) benchmark::DoNotOptimize(kg::exporter::facts(store, node, std::nullopt));
}
BENCHMARK(BM_Facts)->Arg(50)->Arg(100)->Unit(benchmark::kMillisecond);

void BM_ResolveName(benchmark::State& state) {
  const kg::exporter::Store store = kg::exporter::Store::open(database());
  const std::string name = built_graph().nodes[entity_with_degree_rank(0.5)].label;
  for (auto _ : state) benchmark::DoNotOptimize(kg::exporter::resolve_entity(store, name));
}
BENCHMARK(BM_ResolveName)->Unit(benchmark::kMicrosecond);

void BM_ShortestPath(benchmark::State& state) {
  const kg::graph::KnowledgeGraph& g = built_graph();
  const uint32_t a = entity_with_degree_rank(0.25);
  const uint32_t b = entity_with_degree_rank(0.75);
  for (auto _ : state) benchmark::DoNotOptimize(kg::graph::shortest_path(g, a, b));
}
BENCHMARK(BM_ShortestPath)->Unit(benchmark::kMillisecond);

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2 || argv[1][0] == '-') {
    std::cerr << "usage: store_bench MAPDIR [benchmark flags] (MAPDIR from generate_maps)\n";
    return 2;
  }
  g_maps = argv[1];
  g_work = (fs::temp_directory_path() / ("kg-store-bench-" + std::to_string(::getpid()))).string();
  fs::create_directories(g_work);
  argv[1] = argv[0];
  --argc;
  ++argv;
  benchmark::Initialize(&argc, argv);
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  fs::remove_all(g_work);
  return 0;
}
