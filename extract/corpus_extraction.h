#pragma once
// The map step over many documents: annotate (tokenize, tag, parse, recognise) and extract
// each document, documents in parallel (`kg extract`, `kg build`). Results come back in input
// order whatever the thread count, so the output never depends on scheduling.

#include <functional>
#include <vector>

#include "extract/document.h"
#include "extract/document_result.h"
#include "extract/extractor.h"
#include "extract/reader.h"

namespace kg::extract {

// Turns a read Document into a tagged, parsed and NER-annotated one (normally
// Pipeline::annotate). Called concurrently for different documents: it must be thread-safe.
using Annotator = std::function<void(Document&)>;

struct CorpusExtractionOptions {
  // Documents processed at once; 1 runs on the calling thread only. See parallel_for.
  int threads = 1;
  // Documents read, annotated and extracted before their results are handed on
  // (extract_corpus): memory is bounded by a batch, not by the corpus.
  size_t batch_documents = 256;
};

// Annotates and extracts every document of `documents` (consumed), returning one result per
// document in the same order. The first exception of any document is rethrown.
std::vector<DocumentResult> extract_documents(std::vector<Document> documents,
                                              const Annotator& annotate,
                                              const Extractor& extractor,
                                              const CorpusExtractionOptions& options = {});

// Reads every document of `reader`, annotates and extracts them a batch at a time (documents of
// a batch in parallel) and calls `on_batch` with each batch's results, in input order. The
// results depend only on the input, never on the thread count or the batch size. Returns the
// number of documents. Exceptions of the reader, the annotator and `on_batch` pass through.
size_t extract_corpus(CorpusReader& reader, const Annotator& annotate, const Extractor& extractor,
                      const CorpusExtractionOptions& options,
                      const std::function<void(std::vector<DocumentResult>&)>& on_batch);

}  // namespace kg::extract
