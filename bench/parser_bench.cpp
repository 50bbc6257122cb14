// Google Benchmark of the dependency parser: model loading, parsing EWT dev sentences (gold
// tokens and tags; words/s as items_per_second) and one 10,000-word sentence (linear time).
// Reads models/parser.kgm and ../shared/data; KG_PARSER_MODEL overrides the model path.

#include <benchmark/benchmark.h>

#include <cstdlib>
#include <random>

#include "extract/conllu.h"
#include "extract/parser.h"

namespace kg::extract {
namespace {

std::string model_path() {
  const char* env = std::getenv("KG_PARSER_MODEL");
  return env ? env : std::string(KG_SOURCE_DIR) + "/models/parser.kgm";
}

const std::vector<Sentence>& dev_sentences() {
  static const std::vector<Sentence> sentences = [] {
    std::vector<Sentence> out;
    for (auto& s : read_conllu_file(std::string(KG_SHARED_DIR) +
                                    "/data/ud-english-ewt/en_ewt-ud-dev.conllu")) {
      out.push_back(std::move(s.sentence));
    }
    return out;
  }();
  return sentences;
}

const Parser& parser() {
  static const std::unique_ptr<Parser> p = Parser::load(model_path());
  return *p;
}

void BM_ParserLoad(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(Parser::load(model_path()));
}
BENCHMARK(BM_ParserLoad)->Unit(benchmark::kMillisecond);

void BM_ParseEwtDev(benchmark::State& state) {
  const Parser& p = parser();
  std::vector<Sentence> work = dev_sentences();
  size_t words = 0;
  for (auto _ : state) {
    for (Sentence& s : work) {
      p.annotate(s);
      words += s.tokens.size();
    }
  }
  state.SetItemsProcessed(static_cast<int64_t>(words));
}
BENCHMARK(BM_ParseEwtDev)->Unit(benchmark::kMillisecond);

void BM_ParseLongSentence(benchmark::State& state) {
  const Parser& p = parser();
  // Words drawn from dev, so the features look like text.
  std::mt19937 rng(1);
  Sentence long_sentence;
  const auto& dev = dev_sentences();
  while (long_sentence.tokens.size() < static_cast<size_t>(state.range(0))) {
    const Sentence& s = dev[rng() % dev.size()];
    long_sentence.tokens.push_back(s.tokens[rng() % s.tokens.size()]);
  }
  for (auto _ : state) p.annotate(long_sentence);
  state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_ParseLongSentence)->Arg(1000)->Arg(10000)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace kg::extract

BENCHMARK_MAIN();
