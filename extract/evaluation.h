#pragma once
// The metrics of the CoNLL 2018 shared task on UD parsing (Zeman et al., 2018), as its
// evaluation script conll18_ud_eval.py defines them, implemented in kg: system and gold words
// are aligned through character offsets of the concatenated token text (so raw-text runs with
// kg's own tokenizer are scored too), multiword tokens by LCS of their words' forms, and every
// metric is precision/recall/F1 over gold and system counts. LAS compares universal relations
// (subtypes ignored). With gold tokenization, F1 equals accuracy.

#include <cstddef>
#include <string>
#include <vector>

#include "extract/sentence.h"

namespace kg::extract {

struct Score {
  size_t gold = 0;     // gold units (tokens, sentences or words)
  size_t system = 0;   // system units
  size_t correct = 0;  // correctly predicted system units
  size_t aligned = 0;  // words aligned to a gold word (for word-level metrics)

  double precision() const { return system ? static_cast<double>(correct) / system : 0.0; }
  double recall() const { return gold ? static_cast<double>(correct) / gold : 0.0; }
  double f1() const { return system + gold ? 2.0 * correct / (system + gold) : 0.0; }
  // Of the aligned words, the share predicted correctly (the script's "AligndAcc").
  double aligned_accuracy() const { return aligned ? static_cast<double>(correct) / aligned : 0.0; }
};

struct Evaluation {
  Score tokens, sentences, words, upos, xpos, lemmas, uas, las;
};

// Scores `system` against `gold`. Both must spell the same text once whitespace is removed;
// otherwise throws kg::InputError saying where they first differ. Lemmas count as correct
// where the gold lemma is unknown (empty), as in the script.
Evaluation evaluate(const std::vector<Sentence>& gold, const std::vector<Sentence>& system);

// The report `kg eval` prints: one line per metric with P, R, F1 (and aligned accuracy), or a
// JSON object {"UPOS": {"precision":..,"recall":..,"f1":..,"aligned_accuracy":..}, ...}
// with percentages.
std::string format_evaluation(const Evaluation& evaluation, bool json);

}  // namespace kg::extract
