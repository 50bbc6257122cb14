#pragma once
// The map step over many documents: annotate (tokenize, tag, parse, recognise) and extract
// each document, documents in parallel (`kg extract`, `kg build`). Results come back in input
// order whatever the thread count, so the output never depends on scheduling.

#include <functional>
#include <vector>

#include "extract/document.h"
#include "extract/document_result.h"
#include "extract/extractor.h"

namespace kg::extract {

// Turns a read Document into a tagged, parsed and NER-annotated one (normally
// Pipeline::annotate). Called concurrently for different documents: it must be thread-safe.
using Annotator = std::function<void(Document&)>;

struct CorpusExtractionOptions {
  // Documents processed at once; 1 runs on the calling thread only. See parallel_for.
  int threads = 1;
};

// Annotates and extracts every document of `documents` (consumed), returning one result per
// document in the same order. The first exception of any document is rethrown.
std::vector<DocumentResult> extract_documents(std::vector<Document> documents,
                                              const Annotator& annotate,
                                              const Extractor& extractor,
                                              const CorpusExtractionOptions& options = {});

}  // namespace kg::extract
