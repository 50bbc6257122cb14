#pragma once
// Tagger: part-of-speech tags (UPOS and Penn XPOS) and lemmas for the words of a sentence.
//
// An averaged perceptron (Collins 2002; extract/perceptron.h) predicts each word's UPOS/XPOS
// pair as one class, greedily in reading order, from spelling features (word, affixes, shape), the
// words around it, the tags already chosen on its left, and the tag sets a dictionary of frequent
// training words gives the words around it (Ratnaparkhi 1996's tag dictionary, used as
// "ambiguity class" features). With two passes, the second pass also sees the first pass's
// tags on the right (a two-pass form of Tsuruoka and Tsujii 2005's bidirectional inference;
// both passes share one weight vector). A second tagger reading right to left can be added:
// the class of each word is then the one with the best sum of both taggers' scores. The
// lemmatizer (extract/lemmatizer.h) then maps each
// (form, XPOS) to a lemma; both live in one model file, models/tagger.kgm.
//
// Training is in extract/tagger_train.h; this is the compact read-only model.

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "extract/lemmatizer.h"
#include "extract/perceptron.h"
#include "extract/sentence.h"
#include "extract/tags.h"

namespace kg::extract {

class ModelReader;
class ModelWriter;

// One class of the tagger: a UPOS/XPOS pair seen in training. Predicting the pair keeps the
// two consistent (no PROPN/VBZ) and lets XPOS detail inform UPOS and back.
struct TagPair {
  Upos upos = Upos::kX;
  Xpos xpos = Xpos::kNone;
  friend bool operator==(const TagPair&, const TagPair&) = default;
};

// Frequent training words with the set of classes seen for each: the ambiguity class of a
// word is a feature of it and of its neighbours, which tells the tagger about the words to
// its right before their tags are known.
class TagDictionary {
 public:
  // The index of the word's class set (0..num_sets()-1), or -1 for a word not in it.
  int find(std::string_view form) const;
  size_t size() const { return entries_.size(); }
  size_t num_sets() const { return set_offsets_.empty() ? 0 : set_offsets_.size() - 1; }
  // The classes of set `set`, ascending.
  std::vector<uint16_t> classes(int set) const;

  // Adds a word with its classes; call finish() once after the last add().
  void add(std::string_view form, const std::vector<uint16_t>& classes);
  void finish();

  void save(ModelWriter& out) const;
  // Throws kg::InputError if the tables are inconsistent or name a class >= num_classes.
  static TagDictionary load(ModelReader& in, int num_classes);

 private:
  // Sorted (hash of the form in the top 40 bits, set index in the low 24 bits).
  std::vector<uint64_t> entries_;
  std::vector<uint32_t> set_offsets_;  // num_sets() + 1 offsets into set_classes_
  std::vector<uint16_t> set_classes_;
};

// One greedy tagger over the sentence, reading it left to right or right to left.
struct TaggerDirection {
  bool reverse = false;  // right to left: "previous" tags are those on the right
  PerceptronModel weights;
};

// Everything a trained tagger consists of.
struct TaggerModel {
  std::vector<TagPair> classes;  // the perceptron's classes, by index
  TagDictionary dictionary;
  // One or two directions; each word gets the class with the highest sum of their scores
  // (a product of two greedy experts, each seeing its own decisions on one side).
  std::vector<TaggerDirection> directions;
  int passes = 2;  // 1: one greedy pass; 2: again with the first pass's tags
  Lemmatizer lemmatizer;
};

class Tagger {
 public:
  explicit Tagger(TaggerModel model);

  // Loads models/tagger.kgm (or another file written by save()). Throws kg::InputError naming
  // the file and the remedy if it is missing, damaged, of another kind or version.
  static std::unique_ptr<Tagger> load(const std::string& path);
  void save(const std::string& path) const;

  // Sets upos, xpos and lemma of every token of the sentence from the forms. Thread-safe.
  void annotate(Sentence& sentence) const;
  // Sets only upos and xpos (what training evaluates per epoch).
  void tag(Sentence& sentence) const;

  const TaggerModel& model() const { return model_; }

  // The model file's header (kind "tagger"); the fingerprint covers the tag sets and the
  // feature templates of the tagger and the lemmatizer.
  static uint32_t format_version();
  static uint64_t fingerprint();

 private:
  TaggerModel model_;
};

}  // namespace kg::extract
