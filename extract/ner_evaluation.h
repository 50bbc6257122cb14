#pragma once
// Span-level evaluation of named entities: exact-match micro precision, recall and F1 per type
// and overall, as seqeval (and CoNLL's conlleval) compute them. A system span counts as correct
// only if a gold span has the same first and last word and the same type.

#include <array>
#include <string>
#include <vector>

#include "extract/evaluation.h"
#include "extract/sentence.h"

namespace kg::extract {

struct NerEvaluation {
  std::vector<EntityType> types;                    // the types scored, in report order
  std::array<Score, kEntityTypeCount> per_type{};   // indexed by EntityType
  Score overall;                                    // micro-averaged over `types`
};

// Scores `system` against `gold`, sentence by sentence. Spans of types outside `types` are
// ignored on both sides (UNER's gold has only PERSON, ORG, LOCATION). Throws kg::InputError
// if the sentence counts or the word counts of a sentence differ.
NerEvaluation evaluate_entities(const std::vector<Sentence>& gold,
                                const std::vector<Sentence>& system,
                                const std::vector<EntityType>& types);

// The report `kg eval ner` prints: one line per type and one overall with P, R, F1 and the
// counts, or a JSON object {"overall": {"precision":..,"recall":..,"f1":..,"gold":..,
// "system":..,"correct":..}, "PERSON": {...}, ...} with percentages.
std::string format_ner_evaluation(const NerEvaluation& evaluation, bool json);

}  // namespace kg::extract
