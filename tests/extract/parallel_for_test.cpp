#include "extract/parallel_for.h"

#include <gtest/gtest.h>

#include <atomic>
#include <stdexcept>
#include <vector>

namespace kg::extract {
namespace {

TEST(ParallelFor, EveryItemRunsOnceWhateverTheThreadCount) {
  for (int threads : {0, 1, 2, 3, 8}) {
    std::vector<int> hits(1000, 0);
    parallel_for(hits.size(), threads, [&](size_t i) { hits[i] += 1; });
    for (int h : hits) ASSERT_EQ(h, 1) << threads << " threads";
  }
}

TEST(ParallelFor, ResultsArePlacedByIndex) {
  std::vector<size_t> out(257);
  parallel_for(out.size(), 4, [&](size_t i) { out[i] = i * i; });
  for (size_t i = 0; i < out.size(); ++i) EXPECT_EQ(out[i], i * i);
}

TEST(ParallelFor, FirstExceptionIsRethrownAfterWorkersStop) {
  std::atomic<int> done{0};
  EXPECT_THROW(parallel_for(100, 3,
                            [&](size_t i) {
                              if (i == 10) throw std::runtime_error("bad document");
                              done.fetch_add(1);
                            }),
               std::runtime_error);
  EXPECT_LT(done.load(), 100);
}

TEST(ParallelFor, NothingToDo) {
  bool called = false;
  parallel_for(0, 4, [&](size_t) { called = true; });
  EXPECT_FALSE(called);
}

}  // namespace
}  // namespace kg::extract

#include "extract/corpus_extraction.h"
#include "tests/extract/parsed_text.h"

namespace kg::extract {
namespace {

TEST(CorpusExtraction, ResultsKeepInputOrderWithThreads) {
  std::vector<Document> docs;
  for (int i = 0; i < 40; ++i) {
    Document d = testing::parsed_document(R"(
# entities = Lavrov:PERSON; Haass:PERSON
Lavrov Lavrov PROPN NNP 2 nsubj
met meet VERB VBD 0 root
Haass Haass PROPN NNP 2 obj SpaceAfter=No
. . PUNCT . 2 punct
)");
    d.id = "doc" + std::to_string(i);
    docs.push_back(std::move(d));
  }
  std::atomic<int> annotated{0};
  const auto results = extract_documents(
      std::move(docs), [&](Document&) { annotated.fetch_add(1); }, Extractor(), {.threads = 3});
  ASSERT_EQ(results.size(), 40u);
  EXPECT_EQ(annotated.load(), 40);
  for (int i = 0; i < 40; ++i) {
    EXPECT_EQ(results[i].document.id, "doc" + std::to_string(i));
    EXPECT_EQ(results[i].triples.size(), 1u);
  }
}

}  // namespace
}  // namespace kg::extract
