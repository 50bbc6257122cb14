#pragma once
// Training kg's named-entity recogniser (extract/ner.h): word clusters and capitalisation
// statistics from raw text, a gazetteer and title words from the training names, then the
// averaged perceptron over BILOU classes, trained on-line with the model's own previous
// predictions as history (Collins, 2002; Ratinov & Roth, 2009). Every epoch is scored on the
// development corpus; the best epoch is kept. Deterministic for a given seed.

#include <array>
#include <functional>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "extract/brown_clusters.h"
#include "extract/ner.h"
#include "extract/ner_corpus.h"
#include "extract/ner_evaluation.h"

namespace kg::extract {

struct NerTrainOptions {
  int epochs = 12;     // passes over the training sentences
  uint64_t seed = 1;   // shuffling and augmentation
  // Share of training sentences also seen lower-cased in each epoch, so that names in text
  // without capitals (web text, chat) are still found (Mayhew, Tsygankova & Roth, EMNLP 2019,
  // "ner and pos when nothing is capitalized").
  double lowercase_fraction = 0.2;
  // Share of training documents seen without POS tags, so the model degrades gracefully
  // when it is run on untagged text.
  double untagged_fraction = 0.0;
  // Share of training documents seen without their dependency trees, so the model also works
  // where the parser did not run.
  double unparsed_fraction = 0.0;
  // Share of the words of names whose identity features (form, affixes, word bigrams) are
  // left out in each epoch (word dropout), so the model learns the context, cluster and
  // shape evidence it needs for names it has never seen.
  double word_dropout = 0.0;
  // Share of the names of each training document replaced, in each epoch, by another
  // training name of the same type (all its mentions in the document by the same one, with
  // the substitute's words and tags): mention replacement (Dai & Adel, COLING 2020), so the
  // model learns from the contexts of many more names than it has (0: none). Sentences with a
  // replaced name are seen without their dependency tree.
  double mention_replacement = 0.0;
  // Train with the gold classes of the previous words as history (teacher forcing) instead
  // of the model's own predictions.
  bool gold_history = false;
  // Averaged weights with an absolute value below this are dropped (model size).
  float prune = 0.0f;
  BrownOptions brown;
  // Self-training rounds: each tags the unlabelled sentences with the model so far and keeps
  // the names found at least `silver_min_count` times with one type for at least
  // `silver_min_share` of them as a silver gazetteer, then trains again (0: none).
  int self_training_rounds = 0;
  int silver_min_count = 2;
  double silver_min_share = 0.6;
  // Share of the unlabelled sentences added to the training data with the model's names,
  // each retyped by the type it was given most often over all unlabelled text (0: none).
  double silver_sentence_share = 0.0;
  // Models trained with seeds seed, seed + 1, ... (each its best epoch on dev) whose weights
  // are averaged into the shipped one (PerceptronModel::mean): a bagging of the shuffling
  // order that removes most of the seed-to-seed spread (about one F1 point). Self-training
  // rounds train ensembles too. 1: one model.
  int ensemble = 1;
  // Epochs of the name classifier (extract/name_typer.h) trained after the sequence model
  // on the same names, the best on dev kept; 0: the model has none.
  int name_typer_epochs = 0;
  // Share of the names the classifier sees without their own words in each epoch (its word
  // dropout; see NameTyperOptions).
  double name_typer_word_dropout = 0.6;
  // Progress lines (one per epoch and per clustering step); none if empty.
  std::function<void(const std::string&)> log;
};

// Word clusters: computed from `unlabelled` (sentences of words) or read from a file written
// by write_clusters (Liang's format: bit string, word, count per line).
std::vector<BrownCluster> read_clusters(const std::string& path);
void write_clusters(const std::string& path, const std::vector<BrownCluster>& clusters);

// The word sentences of CoNLL-U files (forms only), for clustering and capitalisation counts.
std::vector<std::vector<std::string>> read_raw_sentences(const std::vector<std::string>& paths,
                                                         const TrainingDataOptions& selection);

// Trains a recogniser. `raw` are the sentences (forms) from which capitalisation statistics
// are counted; `clusters` the word clusters (case-folded words); `unlabelled` the (tagged)
// documents self-training reads (their entities are ignored). `dev` picks the best epoch; if
// it has no sentences, the last epoch is kept.
std::unique_ptr<Ner> train_ner(const NerCorpus& train, const NerCorpus& dev,
                               const std::vector<std::vector<std::string>>& raw,
                               const std::vector<BrownCluster>& clusters,
                               const NerCorpus& unlabelled, const NerTrainOptions& options);

// The distinct names (type and case-folded words) of `train`, each with the words and tags of
// its first mention and no tree: the substitutes of mention replacement. Dates are left out
// (they are patterns, not names).
using NamePool = std::array<std::vector<std::vector<Token>>, ner::kNumTypes>;
NamePool name_pool(const NerCorpus& train);

// One document's sentences with each distinct name (type and words) replaced, with
// probability `share`, by a name of the same type drawn from `pool`; all its mentions get the
// same substitute. Entities are re-indexed over the new words; a sentence with a replacement
// loses its tree (heads -1) and multiword ranges, the others are copied unchanged.
std::vector<Sentence> replace_mentions(const std::vector<const Sentence*>& document,
                                       const NamePool& pool, double share, std::mt19937_64& rng);

// The silver gazetteer of `ner` over `sentences` (see NerTrainOptions::self_training_rounds).
ner::Gazetteer silver_gazetteer(const Ner& ner, const NerCorpus& unlabelled, int min_count,
                                double min_share);

// The [first, last) sentence ranges of the consecutive documents in `documents`.
std::vector<std::pair<size_t, size_t>> document_ranges(const std::vector<uint32_t>& documents);

// Trains the name classifier of `ner` (extract/name_typer.h) on the gold names of `train`
// for options.name_typer_epochs epochs and keeps the epoch whose recogniser scores best on
// `dev` (the last without dev sentences). `ner`'s sequence weights and lists stay as they are,
// so a shipped model can gain a classifier without being retrained.
void add_name_typer(Ner& ner, const NerCorpus& train, const NerCorpus& dev,
                    const NerTrainOptions& options);

// Runs `ner` over copies of `gold`'s sentences and scores its entities against `gold`'s.
NerEvaluation evaluate_ner(const Ner& ner, const NerCorpus& gold);

}  // namespace kg::extract
