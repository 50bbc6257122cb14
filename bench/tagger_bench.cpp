// Google Benchmark of the tagger and lemmatizer: model loading, tagging + lemmatising EWT dev
// (gold tokens; words/s as items_per_second), tagging alone, and long sentences (linear time).
// Reads models/tagger.kgm and ../shared/data; KG_TAGGER_MODEL overrides the model path.
// Run: build/bench/tagger_bench --benchmark_min_time=2

#include <benchmark/benchmark.h>

#include <cstdlib>
#include <random>

#include "extract/conllu.h"
#include "extract/tagger.h"

namespace kg::extract {
namespace {

std::string model_path() {
  const char* env = std::getenv("KG_TAGGER_MODEL");
  return env ? env : std::string(KG_SOURCE_DIR) + "/models/tagger.kgm";
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

const Tagger& tagger() {
  static const std::unique_ptr<Tagger> t = Tagger::load(model_path());
  return *t;
}

void BM_TaggerLoad(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(Tagger::load(model_path()));
}
BENCHMARK(BM_TaggerLoad)->Unit(benchmark::kMillisecond);

void BM_TagAndLemmatizeEwtDev(benchmark::State& state) {
  const Tagger& t = tagger();
  std::vector<Sentence> work = dev_sentences();
  size_t words = 0;
  for (auto _ : state) {
    for (Sentence& s : work) {
      t.annotate(s);
      words += s.tokens.size();
    }
  }
  state.SetItemsProcessed(static_cast<int64_t>(words));
}
BENCHMARK(BM_TagAndLemmatizeEwtDev)->Unit(benchmark::kMillisecond);

void BM_TagEwtDev(benchmark::State& state) {
  const Tagger& t = tagger();
  std::vector<Sentence> work = dev_sentences();
  size_t words = 0;
  for (auto _ : state) {
    for (Sentence& s : work) {
      t.tag(s);
      words += s.tokens.size();
    }
  }
  state.SetItemsProcessed(static_cast<int64_t>(words));
}
BENCHMARK(BM_TagEwtDev)->Unit(benchmark::kMillisecond);

void BM_TagLongSentence(benchmark::State& state) {
  const Tagger& t = tagger();
  // Words drawn from dev, so the features look like text.
  std::mt19937 rng(1);
  Sentence long_sentence;
  const auto& dev = dev_sentences();
  while (long_sentence.tokens.size() < static_cast<size_t>(state.range(0))) {
    const Sentence& s = dev[rng() % dev.size()];
    long_sentence.tokens.push_back(s.tokens[rng() % s.tokens.size()]);
  }
  for (auto _ : state) t.annotate(long_sentence);
  state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_TagLongSentence)->Arg(1000)->Arg(10000)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace kg::extract

BENCHMARK_MAIN();
