#pragma once
// Training of the lemmatizer (extract/lemmatizer.h) from a treebank's (form, tag, lemma)
// triples: the lexicon of every (form, tag) pair seen, and the rule classifier for the rest.

#include <cstdint>
#include <vector>

#include "extract/conllu.h"
#include "extract/lemmatizer.h"

namespace kg::extract {

struct LemmatizerTrainOptions {
  // Passes over the word types for the rule classifier; it converges in a few.
  int epochs = 8;
  // Seeds the shuffling of the training examples; the same seed gives the same model.
  uint64_t seed = 1;
  // Rules seen on fewer word types are kept for the lexicon but never guessed for unknown
  // words: one-off edits ("went" -> "go") are irregular forms, not patterns.
  int min_rule_types = 2;
};

class LemmatizerTrainer {
 public:
  explicit LemmatizerTrainer(const LemmatizerTrainOptions& options) : options_(options) {}

  // Learns from every word with a lemma and an XPOS. Throws kg::InputError if the data has
  // more distinct rules than the model can index.
  Lemmatizer train(const std::vector<TreebankSentence>& sentences) const;

 private:
  LemmatizerTrainOptions options_;
};

}  // namespace kg::extract
