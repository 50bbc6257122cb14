#pragma once
// The second stage of kg's recogniser: a classifier that types a name once the sequence model
// (extract/ner.h) has found where it is. It reads the whole name at once (its words, first and
// last word, suffixes, shape, length, clusters, the training names it matches) and the words
// around each mention ("the city of X", "X said", "at X", "X leaders"), which a left-to-right
// tagger sees only a word at a time; in a document the scores of all the mentions of a name
// are summed, so "Miramar was founded in 1888" types every other "Miramar" of the text.
// A multiclass averaged perceptron (Collins, 2002) over the gold names of the training data;
// the two-stage split of finding and typing follows Collins & Singer (EMNLP 1999) and the
// name-level context aggregation Ratinov & Roth (CoNLL 2009, section 5).

#include <array>
#include <functional>
#include <string>
#include <vector>

#include "extract/ner_corpus.h"
#include "extract/ner_model.h"
#include "extract/perceptron.h"

namespace kg::extract::ner {

// Appends the features of mention `e` of `sentence` (prepared into `scratch`) to `out`;
// without `identity`, those of the name's own words (words, affixes, the whole name) are left
// out (training only: word dropout).
void name_features(const Sentence& sentence, const NerScratch& scratch, const NamedEntity& e,
                   std::vector<FeatureId>& out, bool identity = true);

// Identifies name_features' templates (written before the classifier's weights in a model
// file and checked on loading); change it with them.
inline constexpr std::string_view kNameFeatureVersion = "name-features-1";

struct NameTyperOptions {
  int epochs = 10;
  uint64_t seed = 1;
  // Share of the training names seen, in each epoch, without their identity features, so the
  // weights also learn the context and shape evidence new names come with.
  double word_dropout = 0.0;
  // Per epoch, one line; none if empty.
  std::function<void(const std::string&)> log;
  // Called after each epoch with the averaged weights so far; returns a score to maximise
  // (e.g. dev F1 of the recogniser with these weights). The best epoch is kept; without it,
  // the last.
  std::function<double(const PerceptronModel&)> score;
};

// Trains the classifier on the gold names (not dates) of `train`, with the gazetteer of
// `resources` consulted as in sequence training (a document's own names do not count), and
// returns its weights (kNumTypes classes).
PerceptronModel train_name_typer(const NerCorpus& train, const NerResources& resources,
                                 const NameTyperOptions& options);

}  // namespace kg::extract::ner
