#pragma once
// Training of the tagger (extract/tagger.h): the class set and tag dictionary from the
// training words, then epochs of averaged-perceptron updates on greedy decoding (the history
// features see the tagger's own earlier decisions, as at inference), keeping the epoch that
// tags the development set best. The lemmatizer is trained alongside and stored in the same
// model.

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "extract/conllu.h"
#include "extract/lemmatizer_train.h"
#include "extract/tagger.h"
#include "extract/tagger_features.h"

namespace kg::extract {

struct TaggerTrainOptions {
  // Passes over the training data; the best epoch on the development data is kept, so more
  // epochs cost time, not accuracy.
  int epochs = 10;
  // Seeds the order of the training sentences; the same seed and data give the same model.
  uint64_t seed = 1;
  // 1: left-to-right only; 2: a second pass that also sees the first pass's tags on the right.
  int passes = 2;
  // Also train a right-to-left tagger and sum both taggers' scores (twice the time and size).
  bool both_directions = false;
  // Whether the first of two passes learns from its own mistakes too. Without, only the second
  // pass updates the (shared) weights, from first-pass tags the weights were not just fitted
  // to; that is better on EWT dev (UPOS +0.08, XPOS +0.03; GUM dev UPOS +0.13).
  bool first_pass_updates = false;
  // Words seen fewer times than this get no tag-dictionary entry: their tag sets are noise.
  int dictionary_min_count = 3;
  // A class is in a word's dictionary set if at least this share of its tokens have it.
  double dictionary_min_share = 0.01;
  // Each time a training word seen at most rare_word_max_count times is tagged, its identity
  // (form, lower-cased form, dictionary set) is hidden with this probability, so the weights
  // of spelling features learn what unknown words look like.
  double rare_word_dropout = 0.0;
  int rare_word_max_count = 2;
  // Features seen fewer times in the training data (with gold tags as context) get no weight:
  // a much smaller model for little accuracy (one-off features only memorise).
  int min_feature_count = 3;
  // Averaged weights with absolute value at most this are dropped from the saved model
  // (a smaller file; the development score is measured after pruning).
  float prune = 0.0f;
  LemmatizerTrainOptions lemmatizer;
  // Called with one line per epoch (and a few more); the CLI prints them to stderr.
  std::function<void(const std::string&)> progress;
};

// Accuracies in [0, 1] over the words of a set of sentences with gold tokens.
struct TaggingAccuracy {
  double upos = 0;
  double xpos = 0;
  double lemma = 0;
  size_t words = 0;
};

// Tags (and lemmatizes) copies of `gold`'s sentences with `tagger` and compares.
TaggingAccuracy tagging_accuracy(const Tagger& tagger, const std::vector<TreebankSentence>& gold);

// Jackknifing (as parsers trained on predicted tags need: the tags the parser learns from
// should be as wrong as those it will see at run time). Cuts `train` into `folds` contiguous
// blocks of sentences (whole documents, mostly), trains a tagger with `options` on the other
// blocks for each and tags and lemmatizes that block with it. Returns the sentences of `train`
// in their order with predicted UPOS, XPOS and lemmas and everything else (words, heads,
// relations, ids, text) as given. Throws kg::InputError if folds < 2 or there are fewer
// sentences than folds.
std::vector<Sentence> jackknife_tags(const std::vector<TreebankSentence>& train, int folds,
                                     const TaggerTrainOptions& options,
                                     const std::vector<TreebankSentence>& dev);

class TaggerTrainer {
 public:
  explicit TaggerTrainer(TaggerTrainOptions options) : options_(std::move(options)) {}

  // Throws kg::InputError if `train` has no tagged words. `dev` may be empty: then the last
  // epoch is kept.
  Tagger train(const std::vector<TreebankSentence>& train,
               const std::vector<TreebankSentence>& dev) const;

 private:
  // One training sentence: its words' features and gold classes, in the direction trained.
  struct Example {
    std::vector<TaggerWord> words;
    std::vector<int> gold;
    std::vector<size_t> rare;  // indexes of rare words (rare_word_dropout)
  };
  // Epochs of one direction; returns the weights of the best epoch on `dev` (alone).
  // Only features in `kept` (sorted) get weights, unless it is empty.
  TaggerDirection train_direction(bool reverse, const std::vector<Example>& examples,
                                  const std::vector<FeatureId>& kept, const TaggerModel& base,
                                  const std::vector<TreebankSentence>& dev,
                                  const std::function<void(const std::string&)>& say) const;

  TaggerTrainOptions options_;
};

}  // namespace kg::extract
