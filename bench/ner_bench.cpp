// Speed of the named-entity recogniser on tagged and parsed text (issue 5 asks for >= 50,000
// words/s on one core). Input: UD English EWT dev (gold tags and trees stand in for the
// tagger's and parser's), grouped into its documents as `kg parse` does. Run:
//   build/bench/kg_bench_ner [--benchmark_filter=...]
// KG_NER_MODEL overrides the model (default models/ner.kgm of the source tree).

#include <benchmark/benchmark.h>

#include <cstdlib>
#include <memory>

#include "extract/conllu.h"
#include "extract/ner.h"

namespace {

using kg::extract::Ner;
using kg::extract::Sentence;

struct Fixture {
  std::unique_ptr<Ner> ner;
  std::vector<std::vector<Sentence>> documents;
  size_t words = 0;
};

const Fixture& fixture() {
  static const Fixture f = [] {
    Fixture x;
    const char* model = std::getenv("KG_NER_MODEL");
    x.ner = Ner::load(model ? model : KG_SOURCE_DIR "/models/ner.kgm");
    for (auto& t : kg::extract::read_conllu_file(KG_SHARED_DIR
                                                 "/data/ud-english-ewt/en_ewt-ud-dev.conllu")) {
      if (t.document_start || x.documents.empty()) x.documents.emplace_back();
      x.words += t.sentence.tokens.size();
      x.documents.back().push_back(std::move(t.sentence));
    }
    return x;
  }();
  return f;
}

// Whole documents, as kg parse and kg build run it.
void BM_NerDocuments(benchmark::State& state) {
  const Fixture& f = fixture();
  for (auto _ : state) {
    for (const auto& d : f.documents) {
      std::vector<Sentence> copy = d;
      f.ner->annotate(copy);
      benchmark::DoNotOptimize(copy.data());
    }
  }
  state.counters["words/s"] = benchmark::Counter(static_cast<double>(f.words) * state.iterations(),
                                                 benchmark::Counter::kIsRate);
}
BENCHMARK(BM_NerDocuments)->Unit(benchmark::kMillisecond);

// One sentence at a time (no document context).
void BM_NerSentences(benchmark::State& state) {
  const Fixture& f = fixture();
  for (auto _ : state) {
    for (const auto& d : f.documents) {
      for (const Sentence& s : d) {
        Sentence copy = s;
        f.ner->annotate(copy);
        benchmark::DoNotOptimize(copy.entities.data());
      }
    }
  }
  state.counters["words/s"] = benchmark::Counter(static_cast<double>(f.words) * state.iterations(),
                                                 benchmark::Counter::kIsRate);
}
BENCHMARK(BM_NerSentences)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
