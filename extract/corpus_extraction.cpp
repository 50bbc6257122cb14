#include "extract/corpus_extraction.h"

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

}  // namespace kg::extract
