#pragma once
// Training the tokenizer on the raw text rebuilt from UD treebanks (extract/treebank_text.h):
// the join classifier learns from every place where two atoms touch whether the treebank
// has a token boundary there, the boundary classifier from every token whether a sentence
// ends after it, and the lexicon (abbreviations, multiword tokens, clitic suffixes) is
// counted from the treebank's tokens. Both classifiers are averaged perceptrons (Collins
// 2002); the epoch with the best dev score is kept.

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "extract/conllu.h"
#include "extract/evaluation.h"
#include "extract/tokenizer.h"
#include "extract/treebank_text.h"

namespace kg::extract {

struct TokenizerTrainOptions {
  // Passes over the training data; the best epoch on dev is kept. Both classifiers converge
  // within a few passes.
  int epochs = 8;
  // Seeds the order documents are visited in each epoch; the same seed gives the same model.
  uint64_t seed = 1;
  // Averaged weights at or below this magnitude are dropped from the saved model: it keeps the
  // file small with no measurable loss (see models/README.md).
  float prune = 0.0f;
  // Receives one line per epoch (training progress); the CLI prints it on stderr.
  std::function<void(std::string_view)> progress;
};

// Counts the lexicon (abbreviations, multiword splits, clitic suffixes) from treebank sentences.
TokenizerLexicon learn_tokenizer_lexicon(const std::vector<TreebankSentence>& sentences);

// Runs `tokenizer` over the raw text of `docs` and scores it against their gold sentences.
Evaluation evaluate_tokenizer(const Tokenizer& tokenizer,
                              const std::vector<TreebankDocument>& docs);

// Trains a tokenizer. `train` and `dev` are treebank sentences (the caller selects genres,
// extract/training_data.h); `dev` may be empty (then the last epoch is kept).
std::unique_ptr<Tokenizer> train_tokenizer(const std::vector<TreebankSentence>& train,
                                           const std::vector<TreebankSentence>& dev,
                                           const TokenizerTrainOptions& options = {});

}  // namespace kg::extract
