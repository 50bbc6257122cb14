// Google Benchmark of everything after parsing (mentions, coreference, clauses, triples) and of
// the Open IE stage, on gold trees: GUM's training documents (all genres: only speed is
// measured), with runs of proper nouns standing in for NER entities so every stage has names to
// work on. Words per second are reported as items_per_second.
// Run: build/bench/extraction_bench --benchmark_min_time=2

#include <benchmark/benchmark.h>

#include "extract/conllu.h"
#include "extract/extractor.h"
#include "extract/open_ie.h"
#include "extract/treebank_document.h"

namespace kg::extract {
namespace {

// Maximal runs of PROPN become entities, typed in turn PERSON, ORG, LOCATION: the stages cost
// the same whatever the type.
void tag_proper_noun_runs(Document& d) {
  static const EntityType kTypes[] = {EntityType::kPerson, EntityType::kOrg,
                                      EntityType::kLocation};
  int next = 0;
  for (Sentence& s : d.sentences) {
    const int n = static_cast<int>(s.tokens.size());
    for (int i = 0; i < n;) {
      if (s.tokens[i].upos != Upos::kPropn) {
        ++i;
        continue;
      }
      int j = i;
      while (j < n && s.tokens[j].upos == Upos::kPropn) ++j;
      s.entities.push_back({i, j, kTypes[next++ % 3]});
      i = j;
    }
  }
}

const std::vector<Document>& documents() {
  static const std::vector<Document> docs = [] {
    std::vector<Document> out = documents_from_treebank(read_conllu_file(
        std::string(KG_SHARED_DIR) + "/data/ud-english-gum/en_gum-ud-train.conllu"));
    for (Document& d : out) tag_proper_noun_runs(d);
    return out;
  }();
  return docs;
}

size_t word_count(const std::vector<Document>& docs) {
  size_t words = 0;
  for (const Document& d : docs) {
    for (const Sentence& s : d.sentences) words += s.tokens.size();
  }
  return words;
}

void BM_ExtractGumTrain(benchmark::State& state) {
  const std::vector<Document>& docs = documents();
  const Extractor extractor;
  size_t triples = 0;
  for (auto _ : state) {
    for (const Document& d : docs) {
      DocumentResult r = extractor.extract(d);
      triples += r.triples.size();
      benchmark::DoNotOptimize(r);
    }
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * word_count(docs)));
  state.counters["triples_per_pass"] = static_cast<double>(triples) /
                                        static_cast<double>(state.iterations());
}
BENCHMARK(BM_ExtractGumTrain)->Unit(benchmark::kMillisecond);

void BM_OpenIeGumTrain(benchmark::State& state) {
  const std::vector<Document>& docs = documents();
  const OpenIe open_ie;
  for (auto _ : state) {
    for (const Document& d : docs) {
      for (const Sentence& s : d.sentences) benchmark::DoNotOptimize(open_ie.run(s));
    }
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * word_count(docs)));
}
BENCHMARK(BM_OpenIeGumTrain)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace kg::extract

BENCHMARK_MAIN();
