// Google Benchmark of kg's statistical pipeline (extract/pipeline.h) on raw text: the text of
// UD English EWT dev rebuilt from the treebank (documents and paragraphs as it marks them),
// segmented, tagged and lemmatized (and parsed once the parser stage exists) with the models
// in models/, in words per second on one core (items_per_second). Also the time to load all
// models. KG_MODELS overrides the model folder.
// Run: build/bench/pipeline_bench --benchmark_min_time=2

#include <benchmark/benchmark.h>

#include <cstdlib>

#include "extract/conllu.h"
#include "extract/pipeline.h"
#include "extract/treebank_text.h"

namespace kg::extract {
namespace {

PipelineOptions options() {
  PipelineOptions o;
  const char* env = std::getenv("KG_MODELS");
  o.model_dir = env && *env ? env : std::string(KG_SOURCE_DIR) + "/models";
  return o;
}

const std::vector<Document>& ewt_dev_text() {
  static const std::vector<Document> docs = [] {
    std::vector<Document> out;
    for (TreebankDocument& d : treebank_documents(read_conllu_file(
             std::string(KG_SHARED_DIR) + "/data/ud-english-ewt/en_ewt-ud-dev.conllu"))) {
      out.push_back(std::move(d.document));
    }
    return out;
  }();
  return docs;
}

void BM_PipelineLoad(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(Pipeline::load(options()));
}
BENCHMARK(BM_PipelineLoad)->Unit(benchmark::kMillisecond);

void BM_PipelineEwtDevText(benchmark::State& state) {
  const Pipeline pipeline = Pipeline::load(options());
  size_t words = 0;
  for (auto _ : state) {
    for (const Document& original : ewt_dev_text()) {
      Document doc = original;
      pipeline.annotate(doc);
      for (const Sentence& s : doc.sentences) words += s.tokens.size();
    }
  }
  state.SetItemsProcessed(static_cast<int64_t>(words));
}
BENCHMARK(BM_PipelineEwtDevText)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace kg::extract

BENCHMARK_MAIN();
