#include "extract/corpus_extraction.h"

#include <algorithm>
#include <optional>

#include "extract/parallel_for.h"

namespace kg::extract {

std::vector<DocumentResult> extract_documents(std::vector<Document> documents,
                                              const Annotator& annotate,
                                              const Extractor& extractor,
                                              const CorpusExtractionOptions& options) {
  std::vector<DocumentResult> results(documents.size());
  parallel_for(documents.size(), options.threads, [&](size_t i) {
    Document& d = documents[i];
    if (annotate) annotate(d);
    results[i] = extractor.extract(std::move(d));
  });
  return results;
}

size_t extract_corpus(CorpusReader& reader, const Annotator& annotate, const Extractor& extractor,
                      const CorpusExtractionOptions& options,
                      const std::function<void(std::vector<DocumentResult>&)>& on_batch) {
  const size_t batch_size = std::max<size_t>(options.batch_documents, 1);
  size_t total = 0;
  std::vector<Document> batch;
  for (;;) {
    std::optional<Document> d = reader.next();
    if (d) batch.push_back(std::move(*d));
    if (batch.size() == batch_size || (!d && !batch.empty())) {
      total += batch.size();
      std::vector<DocumentResult> results =
          extract_documents(std::move(batch), annotate, extractor, options);
      batch.clear();
      on_batch(results);
    }
    if (!d) break;
  }
  return total;
}

}  // namespace kg::extract
