#pragma once
// Training kg's dependency parser (extract/parser.h): online averaged-perceptron learning of
// arc-hybrid transitions with the dynamic oracle and error exploration of Goldberg & Nivre
// (COLING 2012, "A Dynamic Oracle for Arc-Eager Dependency Parsing", Algorithm 3; TACL 2013
// for arc-hybrid): at every configuration the model's best move is compared with the best
// move of zero cost (one that keeps the best reachable tree); on a mismatch the weights move
// towards the latter, and after the first epochs the parser follows its own prediction with
// probability `exploration`, so it learns to recover from its own mistakes. Trees are made
// projective first (Nivre & Nilsson 2005, extract/projectivity.h).

#include <cstdint>
#include <functional>
#include <memory>
#include <vector>

#include "extract/parser.h"
#include "extract/sentence.h"
#include "extract/transition_system.h"

namespace kg::extract {

struct ParserTrainingOptions {
  // Passes over the training data; the epoch with the best dev LAS is kept.
  int epochs = 15;
  // Seeds the order of the sentences and the exploration draws: same seed, same model.
  uint64_t seed = 1;
  // Probability of following the model's own (possibly wrong) move once exploring.
  double exploration = 0.9;
  // Epochs that follow only zero-cost moves before exploration starts (Goldberg & Nivre's k).
  int exploration_start = 2;
  // Averaged weights with a magnitude at or below this are dropped from the saved model:
  // smaller file, little accuracy cost (measured in models/README.md).
  float prune = 0.0f;
  // A lifted label (relation | head relation) seen fewer times than this in the training data
  // is not learned; such words keep the plain relation and are not lowered again.
  int min_lifted_count = 3;
};

// What one epoch did, for progress output.
struct ParserEpochReport {
  int epoch = 0;                 // 1-based
  double seconds = 0.0;          // training time of the epoch
  double train_mistakes = 0.0;   // share of configurations where the model's move was not optimal
  double dev_uas = 0.0;          // percent
  double dev_las = 0.0;          // percent, relations without subtypes (CoNLL 2018)
  size_t features = 0;           // features of the averaged, pruned model
  bool best = false;             // the best dev LAS so far (the one kept)
};

// The labels a parser trained on `sentences` predicts: every relation seen (the root
// always), then the lifted labels seen at least `min_lifted_count` times, in a fixed order.
std::vector<ArcLabel> collect_parser_labels(const std::vector<Sentence>& sentences,
                                            int min_lifted_count);

// Trains a parser on `train` (gold heads and relations; the tags as the parser will see them,
// ideally predicted by kg's tagger) and keeps the epoch that scores best on `dev` (all epochs
// are kept in turn when `dev` is empty: the last one wins). Throws kg::InputError when a
// training sentence has no well-formed tree. Deterministic for a seed.
std::unique_ptr<Parser> train_parser(
    const std::vector<Sentence>& train, const std::vector<Sentence>& dev,
    const ParserTrainingOptions& options,
    const std::function<void(const ParserEpochReport&)>& on_epoch = {});

// The gold tree of a sentence in the form the oracle reads: projectivized heads and label
// indices into `transitions` (a lifted label missing from the set falls back to its plain
// relation). Throws kg::InputError when the sentence has no well-formed tree.
struct OracleTree {
  std::vector<int> heads;
  std::vector<int> labels;
};
OracleTree oracle_tree(const Sentence& sentence, const TransitionSet& transitions);

// The moves the oracle takes from the initial configuration, always choosing the cheapest
// (lowest class on ties). For projective trees this derives the gold tree exactly.
std::vector<int> oracle_sequence(const OracleTree& tree, const TransitionSet& transitions);

}  // namespace kg::extract
