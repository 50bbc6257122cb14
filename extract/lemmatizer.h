#pragma once
// Lemmatizer: the lemma of a word given its form and tags, as UD English annotates it
// ("running"/VBG -> "run", "mice"/NNS -> "mouse", "n't"/RB -> "not", "Obama"/NNP -> "Obama").
//
// Every lemma is stored as an edit rule on the form (Chrupała et al. 2008, "Learning
// morphology with Morfette": the shortest suffix rewrite that turns the form into its lemma,
// here with a casing step first): lower-case or keep, strip k bytes, append a string. A
// lexicon of the (form, tag) pairs of the training data gives the rule of every known pair;
// other words get the rule an averaged perceptron (extract/perceptron.h) chooses from suffix,
// shape and tag features, among the rules that were seen on at least two word types.
// Training lives in extract/lemmatizer_train.h; this is the compact read-only model.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "extract/perceptron.h"
#include "extract/tags.h"

namespace kg::extract {

class ModelReader;
class ModelWriter;

// One edit from a form to its lemma. apply() is total: a rule that would strip more than the
// word has strips the whole word.
struct LemmaRule {
  // Applied before stripping, to ASCII letters only. kUpperFirst is for EWT's lower-case
  // proper nouns, whose lemma is capitalised ("kerala"/NNP -> "Kerala").
  enum class Casing : uint8_t { kKeep, kLower, kUpperFirst };
  Casing casing = Casing::kKeep;
  uint8_t strip = 0;   // bytes removed from the end of the cased form
  std::string append;  // bytes added after stripping

  std::string apply(std::string_view form) const;
  // The rule with the fewest edited bytes that turns `form` into `lemma` (on ties keeping the
  // case wins, then lower-casing). Forms longer than 255 bytes whose lemma differs get a rule that
  // rebuilds the lemma only approximately; such tokens do not occur in the treebanks.
  static LemmaRule derive(std::string_view form, std::string_view lemma);
  friend bool operator==(const LemmaRule&, const LemmaRule&) = default;
};

class Lemmatizer {
 public:
  Lemmatizer() = default;

  // The lemma of `form` with these tags: the lexicon's rule for a known (form, tags) triple,
  // else the one for the lower-cased form (sentence-initial capitals), else the classifier's.
  // Both tags matter: GUM lemmatizes "United"/VERB/NNP as "Unite", EWT "United"/ADJ/NNP not.
  std::string lemma(std::string_view form, Upos upos, Xpos xpos) const;

  // The classifier's rule for a word the lexicon lacks (exposed for tests and diagnostics).
  const LemmaRule& guess_rule(std::string_view form, Upos upos, Xpos xpos) const;

  // The features of the rule classifier; training uses exactly these. `out` is cleared first.
  static void features(std::string_view form, Upos upos, Xpos xpos, std::vector<FeatureId>& out);
  // Bumped whenever features() changes, and part of the tagger model's fingerprint.
  static constexpr std::string_view kFeatureTemplates =
      "lemma:v3 xpos upos+xpos xpos+suffix1-6 suffix1-4 xpos+shape xpos+flags xpos+length";

  size_t lexicon_size() const { return lexicon_.size(); }
  size_t num_rules() const { return rules_.size(); }
  const PerceptronModel& classifier() const { return classifier_; }

  void save(ModelWriter& out) const;
  // Throws kg::InputError when the stored tables are inconsistent.
  static Lemmatizer load(ModelReader& in);

  // A lexicon entry: the top 48 bits of a hash of (form, tags), then the rule index in the low
  // 16 bits. Sorted entries make one array searched by binary search; a word absent from the
  // lexicon matches a stored hash with probability about size / 2^48.
  static uint64_t lexicon_entry(std::string_view form, Upos upos, Xpos xpos, uint32_t rule);
  static constexpr uint32_t kMaxRules = 1u << 16;

 private:
  friend class LemmatizerTrainer;
  const LemmaRule* lookup(std::string_view form, Upos upos, Xpos xpos) const;

  // Rules 0..classifier_.num_classes()-1 are the classifier's classes; the rest are used
  // only by lexicon entries (irregular forms like "went" -> "go").
  std::vector<LemmaRule> rules_;
  std::vector<uint64_t> lexicon_;  // sorted lexicon_entry() values
  PerceptronModel classifier_;
};

}  // namespace kg::extract
