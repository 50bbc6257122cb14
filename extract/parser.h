#pragma once
// kg's dependency parser: a greedy transition-based parser (arc-hybrid, extract/
// transition_system.h) scored by an averaged perceptron (extract/perceptron.h) over Zhang &
// Nivre's rich non-local features (extract/parser_features.h), trained with a dynamic oracle
// (extract/parser_train.h). Non-projective trees go through the pseudo-projective transform
// of Nivre & Nilsson (extract/projectivity.h): the parser predicts lifted arcs with marked
// labels and annotate() lowers them again. Output: UD heads and relations with subtypes.
// Loaded from models/parser.kgm (format in extract/model_file.h).

#include <memory>
#include <string>
#include <vector>

#include "extract/perceptron.h"
#include "extract/sentence.h"
#include "extract/transition_system.h"

namespace kg::extract {

class Parser {
 public:
  // The model file's kind and payload format version.
  static constexpr const char* kModelKind = "parser";
  static constexpr uint32_t kModelVersion = 2;

  Parser(TransitionSet transitions, PerceptronModel weights);

  // Throws kg::InputError when the file is missing, damaged, of another kind or trained
  // with other labels or feature templates than this code uses.
  static std::unique_ptr<Parser> load(const std::string& path);
  void save(const std::string& path) const;

  // Sets head and deprel of every token from the forms and tags (upos, xpos); the lemma is
  // not read. Always produces one tree with a single root word, in time linear in the
  // sentence length. Thread-safe.
  void annotate(Sentence& sentence) const;

  const TransitionSet& transitions() const { return transitions_; }
  const PerceptronModel& weights() const { return weights_; }

 private:
  TransitionSet transitions_;
  PerceptronModel weights_;
};

// The fingerprint stored in parser model files: the feature templates and the tag and relation
// tables whose enum values the model's features and labels are made of.
uint64_t parser_fingerprint();

}  // namespace kg::extract
