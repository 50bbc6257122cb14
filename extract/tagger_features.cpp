#include "extract/tagger_features.h"

#include <algorithm>
#include <string>

#include "extract/spelling.h"
#include "extract/tagger.h"

namespace kg::extract {

namespace {

enum Template : uint32_t {
  kBias = 1,
  kForm,
  kLower,
  kPrefix,  // + length
  kSuffix,  // + length
  kShape,
  kFlags,    // + first word of the sentence
  kLowerAt,  // + offset -2..+2
  kSuffix3Before,
  kSuffix3After,
  kShapeBefore,
  kShapeAfter,
  kTagBefore,
  kTag2Before,
  kTagBeforeLower,
  kLowerBeforeLower,
  kLowerLowerAfter,
  kSet,
  kSetAt,  // + offset
  kTagBeforeSet,
  kSetSetAfter,
  kTagBeforeSuffix3,
  kLowerSet,
  kTitleCaseShape,
  kTagBeforeLowerAfter,
  kLowerBeforeLowerAfter,
  kLower2BeforeLower,
  kTag2BeforeLower,
  kLowerRightTag2,
  kRightTag,
  kRightTag2,
  kTagBeforeRightTag,
  kLowerRightTag,
  kSetRightTag,
};

// Values of positions outside the sentence.
constexpr uint64_t kStart = 0x5354415254ULL;  // "START"
constexpr uint64_t kEnd = 0x454e44ULL;        // "END"
constexpr uint64_t kNoTag = 0xffff;
constexpr uint64_t kUnknown = 0x554e4bULL;  // "UNK"

uint64_t hash(std::string_view s) { return FeatureHasher::id(0, s); }

}  // namespace

void TaggerFeatures::prepare(const Sentence& sentence, const TagDictionary& dictionary,
                             std::vector<TaggerWord>& words) {
  words.resize(sentence.tokens.size());
  std::string lower;
  for (size_t i = 0; i < words.size(); ++i) {
    const std::string& form = sentence.tokens[i].form;
    TaggerWord& w = words[i];
    lower = ascii_lower(form);
    w.form = hash(form);
    w.lower = hash(lower);
    w.shape = hash(spelling_shape(form));
    for (int k = 0; k < 4; ++k) w.prefix[k] = hash(first_chars(lower, k + 1));
    for (int k = 0; k < 5; ++k) w.suffix[k] = hash(last_chars(lower, k + 1));
    w.flags = spelling_flags(form);
    w.set = dictionary.find(form);
    w.lower_set = lower == form ? w.set : dictionary.find(lower);
  }
  // Headlines and titles capitalise most words, which makes capitals weak evidence of names.
  size_t letters = 0, capitalised = 0;
  for (const TaggerWord& w : words) {
    if (w.flags & kNoLetter) continue;
    ++letters;
    capitalised += (w.flags & kInitialUpper) != 0;
  }
  const uint32_t title_case = capitalised * 5 < letters * 2   ? 0  // under 40%
                              : capitalised * 5 < letters * 4 ? 1  // under 80%
                                                              : 2;
  for (TaggerWord& w : words) w.title_case = title_case;
}

void TaggerFeatures::hide_identity(TaggerWord& word) {
  word.form = kUnknown;
  word.lower = kUnknown;
  word.set = -1;
}

void TaggerFeatures::extract(const std::vector<TaggerWord>& words, int i, const int* tags,
                             const int* right, std::vector<FeatureId>& out) {
  out.clear();
  const int n = static_cast<int>(words.size());
  const TaggerWord& w = words[static_cast<size_t>(i)];
  auto lower_at = [&](int j) {
    return j < 0 ? kStart : j >= n ? kEnd : words[static_cast<size_t>(j)].lower;
  };
  auto set_at = [&](int j) {
    return j < 0    ? kStart
           : j >= n ? kEnd
                    : static_cast<uint64_t>(words[static_cast<size_t>(j)].set + 1);
  };
  auto tag_at = [&](int j) { return j < 0 ? kNoTag : static_cast<uint64_t>(tags[j]); };
  auto right_at = [&](int j) { return j >= n ? kNoTag : static_cast<uint64_t>(right[j]); };
  auto id = [&](Template t, uint64_t a, uint64_t b = 0, uint64_t c = 0) {
    out.push_back(FeatureHasher::id(t, a, b, c));
  };

  const uint64_t set = set_at(i);
  const uint64_t tag1 = tag_at(i - 1);
  const uint64_t tag2 = tag_at(i - 2);
  id(kBias, 0);
  id(kForm, w.form);
  id(kLower, w.lower);
  for (uint64_t k = 0; k < 4; ++k) id(kPrefix, w.prefix[k], k);
  for (uint64_t k = 0; k < 5; ++k) id(kSuffix, w.suffix[k], k);
  id(kShape, w.shape);
  id(kFlags, w.flags, i == 0);
  for (int d : {-2, -1, 1, 2}) id(kLowerAt, lower_at(i + d), static_cast<uint64_t>(d + 2));
  id(kSuffix3Before, i > 0 ? words[static_cast<size_t>(i - 1)].suffix[2] : kStart);
  id(kSuffix3After, i + 1 < n ? words[static_cast<size_t>(i + 1)].suffix[2] : kEnd);
  id(kShapeBefore, i > 0 ? words[static_cast<size_t>(i - 1)].shape : kStart);
  id(kShapeAfter, i + 1 < n ? words[static_cast<size_t>(i + 1)].shape : kEnd);
  id(kTagBefore, tag1);
  id(kTag2Before, tag2, tag1);
  id(kTagBeforeLower, tag1, w.lower);
  id(kLowerBeforeLower, lower_at(i - 1), w.lower);
  id(kLowerLowerAfter, w.lower, lower_at(i + 1));
  id(kSet, set);
  for (int d : {-1, 1, 2}) id(kSetAt, set_at(i + d), static_cast<uint64_t>(d + 2));
  id(kTagBeforeSet, tag1, set);
  id(kSetSetAfter, set, set_at(i + 1));
  id(kTagBeforeSuffix3, tag1, w.suffix[2]);
  id(kLowerSet, static_cast<uint64_t>(w.lower_set + 1), (w.flags & kInitialUpper) != 0);
  id(kTitleCaseShape, w.title_case, w.shape, i == 0);
  id(kTagBeforeLowerAfter, tag1, lower_at(i + 1));
  id(kLowerBeforeLowerAfter, lower_at(i - 1), lower_at(i + 1));
  id(kLower2BeforeLower, lower_at(i - 2), w.lower);
  id(kTag2BeforeLower, FeatureHasher::id(kTag2BeforeLower, tag2, tag1), w.lower);
  if (right) {
    const uint64_t r1 = right_at(i + 1);
    id(kRightTag, r1);
    id(kRightTag2, r1, right_at(i + 2));
    id(kTagBeforeRightTag, tag1, r1);
    id(kLowerRightTag, w.lower, r1);
    id(kSetRightTag, set, r1);
    id(kLowerRightTag2, w.lower, r1, right_at(i + 2));
  }
}

void greedy_scores(const PerceptronModel& weights, const std::vector<TaggerWord>& words, int passes,
                   std::vector<float>& scores) {
  const int n = static_cast<int>(words.size());
  const auto num_classes = static_cast<size_t>(weights.num_classes());
  scores.assign(words.size() * num_classes, 0.0f);
  std::vector<int> first(words.size());
  std::vector<int> second(words.size());
  std::vector<FeatureId> features;
  for (int pass = 0; pass < passes; ++pass) {
    int* tags = pass == 0 ? first.data() : second.data();
    const int* right = pass == 0 ? nullptr : first.data();
    for (int i = 0; i < n; ++i) {
      TaggerFeatures::extract(words, i, tags, right, features);
      float* row = &scores[static_cast<size_t>(i) * num_classes];
      std::fill(row, row + num_classes, 0.0f);
      weights.add_scores(features, row);
      tags[i] = static_cast<int>(std::max_element(row, row + num_classes) - row);
    }
  }
}

}  // namespace kg::extract
