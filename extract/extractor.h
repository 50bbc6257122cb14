#pragma once
// Extractor: everything after parsing, for one document: mentions -> in-document
// coreference -> clauses -> triples, giving the document's DocumentResult (the map step).

#include "extract/clauses.h"
#include "extract/coreference.h"
#include "extract/document_result.h"
#include "extract/mentions.h"
#include "extract/triples.h"

namespace kg::extract {

struct ExtractorOptions {
  MentionOptions mentions;
  CoreferenceOptions coreference;
  ClauseOptions clauses;
  TripleOptions triples;
};

// Stateless apart from its options: `extract` is const and thread-safe.
class Extractor {
 public:
  explicit Extractor(ExtractorOptions options = {})
      : mentions_(options.mentions), coreference_(options.coreference),
        clauses_(options.clauses), triples_(options.triples) {}

  // `document` must be tagged, parsed and NER-annotated (or come from CoNLL-U with entities
  // set). It is moved into the result.
  DocumentResult extract(Document document) const;

 private:
  MentionFinder mentions_;
  Coreference coreference_;
  ClauseFinder clauses_;
  TripleBuilder triples_;
};

}  // namespace kg::extract
