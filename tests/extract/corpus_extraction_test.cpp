// The map step over a corpus read from files: batches and threads change nothing in the
// output. The "analysis" is a stand-in that swaps each document for a hand-parsed one chosen
// by its text, so the test needs no models.

#include "extract/corpus_extraction.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "extract/error.h"
#include "extract/map_format.h"
#include "tests/extract/parsed_text.h"
#include "tests/support/temp_dir.h"

namespace kg::extract {
namespace {

constexpr const char* kMet = R"(
# entities = Lavrov:PERSON; Haass:PERSON
Lavrov Lavrov PROPN NNP 2 nsubj
met meet VERB VBD 0 root
Haass Haass PROPN NNP 2 obj SpaceAfter=No
. . PUNCT . 2 punct
)";

constexpr const char* kBriefed = R"(
# entities = Nwosu:PERSON; Ferreira:PERSON
Nwosu Nwosu PROPN NNP 2 nsubj
briefed brief VERB VBD 0 root
Ferreira Ferreira PROPN NNP 2 obj SpaceAfter=No
. . PUNCT . 2 punct
)";

// Swaps the read document for the parsed one its text names, keeping id and name.
void fake_annotate(Document& d) {
  Document parsed = testing::parsed_document(d.text.find("met") != std::string::npos ? kMet
                                                                                      : kBriefed);
  parsed.id = d.id;
  parsed.name = d.name;
  d = std::move(parsed);
}

std::string run(const std::vector<std::string>& inputs, int threads, size_t batch) {
  CorpusReader reader(inputs);
  std::string out;
  size_t batches = 0;
  const size_t n = extract_corpus(reader, fake_annotate, Extractor(),
                                  {.threads = threads, .batch_documents = batch},
                                  [&](std::vector<DocumentResult>& results) {
                                    ++batches;
                                    EXPECT_LE(results.size(), batch);
                                    for (const DocumentResult& r : results) {
                                      append_map_record(r, out);
                                    }
                                  });
  EXPECT_EQ(n, inputs.size());
  EXPECT_EQ(batches, (inputs.size() + batch - 1) / batch);
  return out;
}

TEST(ExtractCorpus, OutputIsTheSameForEveryThreadCountAndBatchSize) {
  kg::testing::TempDir dir;
  std::vector<std::string> inputs;
  for (int i = 0; i < 23; ++i) {
    const std::string path = dir / ("a" + std::to_string(100 + i) + ".txt");
    kg::testing::write_file(path, i % 3 == 0 ? "Lavrov met Haass." : "Nwosu briefed Ferreira.");
    inputs.push_back(path);
  }
  const std::string reference = run(inputs, 1, 256);
  ASSERT_FALSE(reference.empty());
  for (int threads : {2, 3, 8}) {
    for (size_t batch : {1, 4, 256}) {
      EXPECT_EQ(run(inputs, threads, batch), reference) << threads << " threads, batch " << batch;
    }
  }
  // Input order: records follow the files.
  EXPECT_LT(reference.find("\"id\":\"a100\""), reference.find("\"id\":\"a101\""));
  EXPECT_LT(reference.find("\"id\":\"a121\""), reference.find("\"id\":\"a122\""));
}

TEST(ExtractCorpus, AnAnalysisErrorStopsTheRun) {
  kg::testing::TempDir dir;
  std::vector<std::string> inputs;
  for (int i = 0; i < 5; ++i) {
    inputs.push_back(dir / ("b" + std::to_string(i) + ".txt"));
    kg::testing::write_file(inputs.back(), "Lavrov met Haass.");
  }
  CorpusReader reader(inputs);
  size_t seen = 0;
  const Annotator failing = [](Document& d) {
    if (d.id == "b3") throw InputError("cannot analyse b3");
    fake_annotate(d);
  };
  const CorpusExtractionOptions options{.threads = 2, .batch_documents = 2};
  auto count = [&](std::vector<DocumentResult>& r) { seen += r.size(); };
  EXPECT_THROW(extract_corpus(reader, failing, Extractor(), options, count), InputError);
  EXPECT_EQ(seen, 2u);  // the first batch only
}

}  // namespace
}  // namespace kg::extract
