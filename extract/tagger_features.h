#pragma once
// The tagger's features, shared by inference (extract/tagger.cpp) and training
// (extract/tagger_train.cpp) so the two can never disagree. The string work (lower-casing,
// affixes, shape, dictionary look-up) is done once per word by prepare(); extract() then
// combines the per-word hashes with integer hashing only.

#include <cstdint>
#include <string_view>
#include <vector>

#include "extract/perceptron.h"
#include "extract/sentence.h"

namespace kg::extract {

class TagDictionary;

// Hashes of the spelling of one word of a sentence.
struct TaggerWord {
  uint64_t form = 0;
  uint64_t lower = 0;
  uint64_t shape = 0;
  uint64_t prefix[4] = {};  // 1..4 characters of the lower-cased form
  uint64_t suffix[5] = {};  // 1..5 characters of the lower-cased form
  uint32_t flags = 0;       // spelling_flags()
  int32_t set = -1;         // TagDictionary set of the form (-1: not in the dictionary)
  int32_t lower_set = -1;   // the set of the lower-cased form ("Gas" -> the set of "gas")
  uint32_t title_case = 0;  // how many of the sentence's words are capitalised: 0 few .. 2 most
};

class TaggerFeatures {
 public:
  // Names the templates; part of the model fingerprint. Change it whenever extract() changes.
  static constexpr std::string_view kTemplates =
      "tagger:v3 bias form lower prefix1-4 suffix1-5 shape flags+first lower-2..+2 "
      "suffix3-1 suffix3+1 shape-1 shape+1 tag-1 tag-2,tag-1 tag-1,lower lower-1,lower "
      "lower,lower+1 set set-1 set+1 set+2 tag-1,set set,set+1 tag-1,suffix3 "
      "lowerset+upper titlecase+shape+first tag-1,lower+1 lower-1,lower+1 lower-2,lower "
      "tag-2,tag-1,lower right:tag+1 tag+1,tag+2 tag-1,tag+1 lower,tag+1 set,tag+1 "
      "lower,tag+1,tag+2";

  // Hides the identity of a word (form, lower-cased form, dictionary set) as if it had never
  // been seen; training uses it to teach the weights about unknown words.
  static void hide_identity(TaggerWord& word);

  // One TaggerWord per token of `sentence` into `words` (resized).
  static void prepare(const Sentence& sentence, const TagDictionary& dictionary,
                      std::vector<TaggerWord>& words);

  // The features of word `i` into `out` (cleared first). `tags[j]` for j < i are the classes
  // chosen so far in this pass; `right[j]` for j > i the first pass's classes, or nullptr in
  // the first pass (then the right-context templates are left out).
  static void extract(const std::vector<TaggerWord>& words, int i, const int* tags,
                      const int* right, std::vector<FeatureId>& out);
};

// Tags `words` greedily in order with `weights` (`passes` times, the second pass seeing the
// first's tags on the right) and leaves the last pass's scores in `scores`, one row of
// weights.num_classes() per word.
void greedy_scores(const PerceptronModel& weights, const std::vector<TaggerWord>& words, int passes,
                   std::vector<float>& scores);

}  // namespace kg::extract
