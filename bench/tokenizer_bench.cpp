// Throughput of reading, cleaning and segmentation (the tokenizer), in words per second on one
// core. Inputs: the raw text rebuilt from UD English EWT dev (../shared/data) and the five
// sample articles (samples/). Run: build/bench/kg_bench_text (docs/performance.md).

#include <benchmark/benchmark.h>

#include <filesystem>

#include "extract/cleaner.h"
#include "extract/reader.h"
#include "extract/tokenizer.h"
#include "extract/treebank_text.h"

namespace {

using namespace kg::extract;

const std::string kModel = std::string(KG_SOURCE_DIR) + "/models/tokenizer.kgm";
const std::string kEwtDev = std::string(KG_SHARED_DIR) + "/data/ud-english-ewt/en_ewt-ud-dev.conllu";
const std::string kSamples = std::string(KG_SOURCE_DIR) + "/samples";

const Tokenizer& tokenizer() {
  static const std::unique_ptr<Tokenizer> model = Tokenizer::load(kModel);
  return *model;
}

const std::vector<Document>& ewt_dev() {
  static const std::vector<Document> docs = [] {
    std::vector<Document> out;
    for (TreebankDocument& d : treebank_documents(read_conllu_file(kEwtDev))) {
      out.push_back(std::move(d.document));
    }
    return out;
  }();
  return docs;
}

const std::vector<Document>& samples() {
  static const std::vector<Document> docs = read_corpus({kSamples}).documents;
  return docs;
}

size_t count_words(const Document& d) {
  size_t n = 0;
  for (const Sentence& s : d.sentences) n += s.tokens.size();
  return n;
}

// Tokenize + split sentences, paragraphs given (as the treebank marks them).
void BM_TokenizeEwtDev(benchmark::State& state) {
  const Tokenizer& model = tokenizer();
  size_t words = 0;
  size_t bytes = 0;
  for (auto _ : state) {
    for (const Document& source : ewt_dev()) {
      Document d = source;
      model.annotate(d);
      words += count_words(d);
      bytes += d.text.size();
      benchmark::DoNotOptimize(d.sentences.data());
    }
  }
  state.counters["words/s"] = benchmark::Counter(static_cast<double>(words), benchmark::Counter::kIsRate);
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
}
BENCHMARK(BM_TokenizeEwtDev)->Unit(benchmark::kMillisecond);

// Clean + tokenize the sample news articles.
void BM_CleanAndTokenizeSamples(benchmark::State& state) {
  const Tokenizer& model = tokenizer();
  const Cleaner cleaner;
  size_t words = 0;
  size_t bytes = 0;
  for (auto _ : state) {
    for (const Document& source : samples()) {
      Document d = source;
      cleaner.annotate(d);
      model.annotate(d);
      words += count_words(d);
      bytes += d.text.size();
    }
  }
  state.counters["words/s"] = benchmark::Counter(static_cast<double>(words), benchmark::Counter::kIsRate);
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
}
BENCHMARK(BM_CleanAndTokenizeSamples)->Unit(benchmark::kMicrosecond);

// The cleaner alone over EWT dev's text (as one plain-text document per treebank document).
void BM_CleanEwtDev(benchmark::State& state) {
  const Cleaner cleaner;
  size_t bytes = 0;
  for (auto _ : state) {
    for (const Document& source : ewt_dev()) {
      Document d;
      d.text = source.text;
      cleaner.annotate(d);
      bytes += d.text.size();
      benchmark::DoNotOptimize(d.paragraphs.data());
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
}
BENCHMARK(BM_CleanEwtDev)->Unit(benchmark::kMillisecond);

// One long line (the 50 MB line, scaled to 8 MB): read checks + clean + tokenize,
// to show the cost is linear.
void BM_LongLine(benchmark::State& state) {
  std::string line;
  while (line.size() < (static_cast<size_t>(state.range(0)) << 20)) {
    line += "Former U.S. officials didn't say whether the $38 million deal, 3.5% of it, held. ";
  }
  const Cleaner cleaner;
  const Tokenizer& model = tokenizer();
  size_t words = 0;
  for (auto _ : state) {
    std::vector<Document> docs = parse_documents(line, "long.txt", "long", InputFormat::kText);
    cleaner.annotate(docs[0]);
    model.annotate(docs[0]);
    words += count_words(docs[0]);
  }
  state.counters["words/s"] = benchmark::Counter(static_cast<double>(words), benchmark::Counter::kIsRate);
  state.SetBytesProcessed(static_cast<int64_t>(line.size() * state.iterations()));
}
BENCHMARK(BM_LongLine)->Arg(1)->Arg(8)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
