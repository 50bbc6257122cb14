#pragma once
// The parts of kg's named-entity recogniser shared by inference (extract/ner.cpp) and training
// (extract/ner_train.cpp): the BILOU label set, the word lexicon (Brown clusters and
// capitalisation statistics learned from raw text), the gazetteer learned from the training
// names, and the feature templates. Not for use outside the NER code.
//
// The model follows Ratinov & Roth (CoNLL 2009), "Design Challenges and Misconceptions in
// Named Entity Recognition": BILOU encoding, greedy left-to-right decoding with the two
// previous predictions as features, word/shape/affix/context-window features, gazetteer
// matches and Brown-cluster path prefixes (Brown et al., 1992; prefixes of 4, 6, 10 and 20
// bits as in Ratinov & Roth and Miller et al., 2004), scored by the averaged perceptron
// (Collins, 2002; extract/perceptron.h).

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "extract/perceptron.h"
#include "extract/sentence.h"

namespace kg::extract {

class ModelReader;
class ModelWriter;

namespace ner {

// The entity types the recogniser predicts: the first seven EntityTypes (OTHER is not one).
inline constexpr int kNumTypes = 7;
// O, then for each type B, I, L, U: class = 1 + 4 * type + position.
inline constexpr int kNumClasses = 1 + 4 * kNumTypes;
inline constexpr int kOutside = 0;

enum class Position : uint8_t { kBegin = 0, kInside = 1, kLast = 2, kUnit = 3 };

inline int class_of(EntityType type, Position p) {
  return 1 + 4 * static_cast<int>(type) + static_cast<int>(p);
}
inline EntityType type_of(int cls) { return static_cast<EntityType>((cls - 1) / 4); }
inline Position position_of(int cls) { return static_cast<Position>((cls - 1) % 4); }

// "O", "B-PERSON", ... (for the fingerprint and debugging).
std::string class_name(int cls);

// May class `next` follow class `prev` in a BILOU sequence? kOutside stands for the sentence
// start as `prev` and for the sentence end as `next`.
bool allowed(int prev, int next);

// The BILOU classes of a sentence's entities (which must be sorted and non-overlapping;
// entities of type OTHER are left out).
std::vector<int> encode(const Sentence& sentence);
// The entities of a valid BILOU class sequence.
std::vector<NamedEntity> decode(const std::vector<int>& classes);

// What raw text says about a (case-folded) word: its Brown cluster and how often it is
// capitalised away from the sentence start.
struct WordInfo {
  uint32_t path = 0;        // cluster bit string, first bit most significant
  uint8_t path_length = 0;  // 0: no cluster (rare or unseen word)
  uint8_t capital = 0;      // 0 unknown; 1 <5%, 2 <50%, 3 <95%, 4 >=95% capitalised
};

// A read-only map from case-folded words to WordInfo, stored as sorted 64-bit hashes.
class WordLexicon {
 public:
  WordLexicon() = default;
  // `entries` need not be sorted; duplicates keep the first.
  explicit WordLexicon(std::vector<std::pair<std::string, WordInfo>> entries);

  WordInfo find(std::string_view folded) const;
  size_t size() const { return keys_.size(); }

  void save(ModelWriter& out) const;
  static WordLexicon load(ModelReader& in);

 private:
  std::vector<uint64_t> keys_;
  std::vector<uint32_t> paths_;
  std::vector<uint8_t> lengths_;
  std::vector<uint8_t> capitals_;
};

// Gazetteer bits: a whole name of type t (bit t) and a word of a name of type t (bit 8 + t).
inline constexpr uint16_t name_bit(EntityType t) { return uint16_t(1) << static_cast<int>(t); }
inline constexpr uint16_t part_bit(EntityType t) { return uint16_t(1) << (8 + static_cast<int>(t)); }

// Names seen in the training data (case-folded word sequences) with their types. Built from
// the training data alone. While training, a name only counts where another document also
// has it (so the weights do not learn to trust a list that always contains the answer).
class Gazetteer {
 public:
  static constexpr uint32_t kNoDocument = 0xffffffffu;

  // Adds a name (case-folded words) of `type` seen in document `document`.
  void add(const std::vector<std::string>& folded_words, EntityType type, uint32_t document);
  // Sorts the entries; call after the last add() and before lookups.
  void finish();

  // The bits of the word sequence `key` (see sequence_key), ignoring support that comes
  // only from `exclude_document`.
  uint16_t find(uint64_t key, uint32_t exclude_document = kNoDocument) const;
  int max_length() const { return max_length_; }
  size_t size() const { return keys_.size(); }

  void save(ModelWriter& out) const;
  static Gazetteer load(ModelReader& in);

  static uint64_t sequence_key(const std::string* folded_words, size_t count);

 private:
  struct Pending {
    uint64_t key;
    uint16_t bit;
    uint32_t document;
  };
  std::vector<Pending> pending_;
  std::vector<uint64_t> keys_;
  std::vector<uint16_t> bits_;
  // Per entry and bit (16 slots), the only supporting document or kNoDocument when two or
  // more documents support it; kept only while training (not saved).
  std::vector<std::array<uint32_t, 16>> sole_document_;
  int max_length_ = 0;
};

// The resources features read.
struct NerResources {
  WordLexicon words;
  Gazetteer gazetteer;  // names of the training data
  // Names found by an earlier model in unlabelled text (EWT train), each with the type it
  // was given most often (self-training; cf. the corpus-level label consistency of Krishnan
  // & Manning, ACL 2006). Empty when not built.
  Gazetteer silver;
  std::vector<std::string> titles;  // sorted case-folded title words ("president", "mr.")
  bool is_title(std::string_view folded) const;
};

// What the rest of the document says about each of its words (the non-local features of
// Ratinov & Roth, 2009, section 5): the words around its other occurrences ("context
// aggregation"), whether it is capitalised elsewhere, and the types the recogniser gave it
// earlier in the document ("extended prediction history"). A lone sentence is a document of
// one sentence.
class DocumentContext {
 public:
  struct Word {
    std::vector<uint64_t> around;  // keys of its occurrences' distinct folded neighbours (+1/-1)
    int capitalised = 0;              // occurrences capitalised away from the sentence start
    int occurrences = 0;
    std::array<uint16_t, kNumTypes> predicted{};  // types given to it so far
  };

  // Collects the words of `sentences` (of one document, in order).
  void build(const std::vector<const Sentence*>& sentences);
  // Records the entities predicted for `sentence` (call after each sentence, in order).
  void record(const Sentence& sentence, const std::vector<NamedEntity>& entities);
  const Word* find(const std::string& folded) const;

 private:
  std::unordered_map<std::string, Word> words_;
};

// Per-sentence precomputed token attributes and feature buffers. One per thread.
struct NerScratch {
  struct TokenInfo {
    std::string folded;
    std::string shape;
    // 64-bit keys of the strings (form, folded, shape, governor, case marker), hashed once
    // per word instead of once per feature.
    uint64_t form_key = 0, folded_key = 0, shape_key = 0, governor_key = 0, case_key = 0;
    WordInfo word;
    uint32_t gazetteer_positions = 0;  // bit 4 * type + position for whole-name matches
    uint16_t gazetteer_parts = 0;      // part bits of the word alone
    uint32_t silver_positions = 0;     // the same for the silver gazetteer
    uint16_t silver_parts = 0;
    bool title = false;
    // Training only: leave out this word's identity features (form, affixes, bigrams), so
    // that the weights also learn context, clusters and shape (word dropout).
    bool hide_word = false;
    // Syntax, where the sentence was parsed: the relation of the word's name phrase (the word
    // after climbing flat/compound/fixed links), the lemma of its governor, and its case marker
    // ("in", "at", "'s").
    Deprel phrase_relation = Deprel::kDep;
    std::string governor;
    std::string case_marker;
  };
  std::vector<TokenInfo> tokens;
  int case_mode = 0;  // 0 mixed case, 1 lower case only, 2 mostly capitalised (headline)
  bool tagged = false;
  bool parsed = false;
  const DocumentContext* document = nullptr;  // set by prepare()
  std::vector<FeatureId> features;
  // Per word, the class scores of its history-independent features (set by decoding).
  std::vector<std::array<float, kNumClasses>> static_scores;
};

// Fills `scratch` for `sentence` of the document described by `document` (which must outlive
// the use of `scratch`). `exclude_document`: see Gazetteer::find.
void prepare(const Sentence& sentence, const NerResources& resources,
             const DocumentContext& document, NerScratch& scratch,
             uint32_t exclude_document = Gazetteer::kNoDocument);

// Appends to scratch.features the features of word i that do not depend on predictions.
void static_features(const Sentence& sentence, int i, NerScratch& scratch);
// Appends the features that depend on the classes predicted for words i-1 and i-2
// (kOutside before the sentence start).
void history_features(const NerScratch& scratch, int i, int prev1, int prev2,
                      std::vector<FeatureId>& out);

// The key of a string inside features (a 64-bit hash).
uint64_t string_key(std::string_view text);
// The first `bits` bits of a word's cluster path (the whole path if shorter) with its length;
// 0 for a word without a cluster.
uint64_t cluster_prefix(const WordInfo& w, int bits);

// Identifies the feature templates above (for model fingerprints); change it with them.
inline constexpr std::string_view kFeatureVersion = "ner-features-5";

}  // namespace ner
}  // namespace kg::extract
