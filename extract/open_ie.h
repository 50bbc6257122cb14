#pragma once
// OpenIe: the sentence-level Open IE stage behind `kg openie`: tree -> clauses ->
// propositions, with the clauses kept so callers can say where a proposition came from.

#include <vector>

#include "extract/clauses.h"
#include "extract/propositions.h"
#include "extract/sentence.h"

namespace kg::extract {

struct OpenIeOptions {
  ClauseOptions clauses;
  PropositionOptions propositions;
};

// What one sentence gives: its clauses and the propositions read from them.
struct SentencePropositions {
  std::vector<Clause> clauses;
  std::vector<Proposition> propositions;
};

// Stateless; `run` is const and thread-safe.
class OpenIe {
 public:
  explicit OpenIe(OpenIeOptions options = {})
      : clauses_(options.clauses), propositions_(options.propositions) {}
  SentencePropositions run(const Sentence& sentence) const;

 private:
  ClauseFinder clauses_;
  PropositionMaker propositions_;
};

}  // namespace kg::extract
