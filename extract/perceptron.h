#pragma once
// The averaged multiclass perceptron (Collins, EMNLP 2002) shared by every kg model that
// learns from features: tokenizer boundaries, tagger, lemmatizer, parser transitions, NER.
// Training keeps mutable sparse weights with lazy averaging (Daumé III's trick: a total and
// a timestamp per weight); the result is a compact read-only model with sorted hashed keys
// and quantised weights, saved with each row's classes as varint deltas (about 9 bytes per
// feature and 3 per weight in the file; save() in perceptron.cpp). Features are 64-bit hashes of a
// template id and its values (FeatureHasher); classes are dense ints 0..n-1.

#include <cstdint>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace kg::extract {

class ModelReader;
class ModelWriter;

using FeatureId = uint64_t;

// Builds feature ids: hash of a template number and up to three string or integer values.
// Two different (template, values) pairs collide with probability ~2^-64 per pair.
class FeatureHasher {
 public:
  static FeatureId id(uint32_t templ, std::string_view a);
  static FeatureId id(uint32_t templ, std::string_view a, std::string_view b);
  static FeatureId id(uint32_t templ, std::string_view a, std::string_view b, std::string_view c);
  static FeatureId id(uint32_t templ, uint64_t a, uint64_t b = 0, uint64_t c = 0);
};

// A trained, averaged model: read-only and thread-safe.
class PerceptronModel {
 public:
  PerceptronModel() = default;

  int num_classes() const { return num_classes_; }
  size_t num_features() const { return keys_.size(); }
  size_t num_weights() const { return classes_.size(); }

  // Adds the weights of `features` to scores[0..num_classes). Unknown features add nothing.
  void add_scores(const FeatureId* features, size_t count, float* scores) const;
  void add_scores(const std::vector<FeatureId>& features, float* scores) const {
    add_scores(features.data(), features.size(), scores);
  }

  // A copy without the weights of magnitude <= threshold (and the features left empty): to
  // measure how far a trained model can be shrunk without retraining it.
  PerceptronModel pruned(float threshold) const;

  // The mean of several models over the same classes: scores of the result are the mean of
  // the models' scores (up to quantisation), so greedy decoding with it is the ensemble of
  // the models voting with their summed scores, at the cost of one model. Averaged weights of
  // magnitude <= prune are dropped afterwards. Throws std::invalid_argument when the models
  // have different numbers of classes or none is given.
  static PerceptronModel mean(const std::vector<const PerceptronModel*>& models, float prune = 0.0f);

  void save(ModelWriter& out) const;
  static PerceptronModel load(ModelReader& in);

 private:
  friend class PerceptronTrainer;
  // The lookup index: an open-addressing hash table (linear probing, load <= 1/2) whose slot
  // holds the key and its row of (class, weight) entries, so scoring a feature costs about
  // two cache misses, and add_scores prefetches them for all its features at once.
  struct Slot {
    FeatureId key = 0;
    uint32_t first = 0;  // into entries_
    uint32_t count = 0;  // 0: an empty slot
  };
  struct Entry {
    uint16_t cls;
    int16_t weight;
  };

  int num_classes_ = 0;
  float scale_ = 1.0f;               // weight = quantised * scale_
  std::vector<FeatureId> keys_;      // sorted
  std::vector<uint32_t> offsets_;    // keys_.size() + 1 entries into classes_/weights_
  std::vector<uint16_t> classes_;
  std::vector<int16_t> weights_;
  std::vector<Slot> slots_;          // built from the above by build_index()
  std::vector<Entry> entries_;
  uint64_t slot_mask_ = 0;

  // The model of float weights `values` (row r: classes and values offsets[r] to
  // offsets[r + 1] of feature keys[r], keys sorted), quantised to int16 with one scale;
  // weights that round to zero and rows left empty are dropped.
  static PerceptronModel quantised(int num_classes, const std::vector<FeatureId>& keys,
                                   const std::vector<uint32_t>& offsets,
                                   const std::vector<uint16_t>& classes,
                                   const std::vector<float>& values);
  void build_index();
  const Slot* find(FeatureId key) const;
};

// Mutable weights for training. Not thread-safe.
class PerceptronTrainer {
 public:
  explicit PerceptronTrainer(int num_classes) : num_classes_(num_classes) {}

  int num_classes() const { return num_classes_; }
  // Scores with the current (not averaged) weights, as training decisions need.
  void add_scores(const FeatureId* features, size_t count, float* scores) const;
  void add_scores(const std::vector<FeatureId>& features, float* scores) const {
    add_scores(features.data(), features.size(), scores);
  }
  // Moves the weights of `features` by +delta for `truth` and -delta for `guess` (no-op if
  // equal). Call tick() once per training example (after its updates), so averaging counts
  // examples, not updates.
  void update(const FeatureId* features, size_t count, int truth, int guess, float delta = 1.0f);
  void update(const std::vector<FeatureId>& features, int truth, int guess, float delta = 1.0f) {
    update(features.data(), features.size(), truth, guess, delta);
  }
  void tick() { ++clock_; }
  uint64_t clock() const { return clock_; }
  size_t num_features() const { return weights_.size(); }

  // The averaged model. Weights whose absolute averaged value is below `prune` are dropped,
  // and features left with no weight are dropped; smaller files, usually no accuracy loss.
  PerceptronModel average(float prune = 0.0f) const;

 private:
  struct Weight {
    uint16_t cls;
    float value;
    double total;    // sum of value over clock ticks up to `stamp`
    uint64_t stamp;  // clock at the last change of value
  };
  void move(std::vector<Weight>& row, int cls, float delta);

  int num_classes_;
  uint64_t clock_ = 0;
  std::unordered_map<FeatureId, std::vector<Weight>> weights_;
};

}  // namespace kg::extract
