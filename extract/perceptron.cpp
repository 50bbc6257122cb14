#include "extract/perceptron.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "extract/error.h"
#include "extract/model_file.h"

namespace kg::extract {

namespace {

// Stafford's mix13 finaliser (as in SplitMix64): spreads FNV's weak low bits.
uint64_t mix(uint64_t z) {
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

uint64_t fnv(uint64_t hash, std::string_view s) {
  for (unsigned char c : s) {
    hash ^= c;
    hash *= 0x100000001b3ULL;
  }
  // A separator so ("ab","c") and ("a","bc") differ.
  hash ^= 0xff;
  hash *= 0x100000001b3ULL;
  return hash;
}

constexpr uint64_t kSeed = 0xcbf29ce484222325ULL;

}  // namespace

FeatureId FeatureHasher::id(uint32_t templ, std::string_view a) {
  return mix(fnv(kSeed ^ (uint64_t{templ} << 32), a));
}
FeatureId FeatureHasher::id(uint32_t templ, std::string_view a, std::string_view b) {
  return mix(fnv(fnv(kSeed ^ (uint64_t{templ} << 32), a), b));
}
FeatureId FeatureHasher::id(uint32_t templ, std::string_view a, std::string_view b,
                            std::string_view c) {
  return mix(fnv(fnv(fnv(kSeed ^ (uint64_t{templ} << 32), a), b), c));
}
FeatureId FeatureHasher::id(uint32_t templ, uint64_t a, uint64_t b, uint64_t c) {
  return mix(mix(mix(mix(templ + 0x9e3779b97f4a7c15ULL) ^ a) ^ b) ^ c);
}

// --- PerceptronModel ---

void PerceptronModel::build_index() {
  entries_.resize(classes_.size());
  for (size_t j = 0; j < classes_.size(); ++j) entries_[j] = Entry{classes_[j], weights_[j]};
  size_t capacity = 16;
  while (capacity < 2 * keys_.size()) capacity *= 2;
  slots_.assign(capacity, Slot{});
  slot_mask_ = capacity - 1;
  for (size_t row = 0; row < keys_.size(); ++row) {
    const uint32_t count = offsets_[row + 1] - offsets_[row];
    if (count == 0) continue;
    size_t i = keys_[row] & slot_mask_;
    while (slots_[i].count != 0) i = (i + 1) & slot_mask_;
    slots_[i] = Slot{keys_[row], offsets_[row], count};
  }
}

const PerceptronModel::Slot* PerceptronModel::find(FeatureId key) const {
  for (size_t i = key & slot_mask_;; i = (i + 1) & slot_mask_) {
    const Slot& slot = slots_[i];
    if (slot.count == 0) return nullptr;
    if (slot.key == key) return &slot;
  }
}

void PerceptronModel::add_scores(const FeatureId* features, size_t count, float* scores) const {
  if (keys_.empty()) return;
  // In batches: prefetch every feature's slot, then every found row, then add; the misses
  // of a batch overlap instead of queueing one after another.
  constexpr size_t kBatch = 64;
  const Slot* found[kBatch];
  for (size_t start = 0; start < count; start += kBatch) {
    const size_t n = std::min(kBatch, count - start);
    const FeatureId* batch = features + start;
    for (size_t i = 0; i < n; ++i) __builtin_prefetch(&slots_[batch[i] & slot_mask_]);
    for (size_t i = 0; i < n; ++i) {
      found[i] = find(batch[i]);
      if (found[i]) __builtin_prefetch(&entries_[found[i]->first]);
    }
    for (size_t i = 0; i < n; ++i) {
      if (!found[i]) continue;
      const Entry* e = entries_.data() + found[i]->first;
      for (uint32_t j = 0; j < found[i]->count; ++j) scores[e[j].cls] += scale_ * e[j].weight;
    }
  }
}

PerceptronModel PerceptronModel::pruned(float threshold) const {
  PerceptronModel m;
  m.num_classes_ = num_classes_;
  m.scale_ = scale_;
  m.offsets_.push_back(0);
  for (size_t row = 0; row < keys_.size(); ++row) {
    for (uint32_t i = offsets_[row]; i < offsets_[row + 1]; ++i) {
      if (std::fabs(scale_ * weights_[i]) <= threshold) continue;
      m.classes_.push_back(classes_[i]);
      m.weights_.push_back(weights_[i]);
    }
    if (m.classes_.size() == m.offsets_.back()) continue;
    m.keys_.push_back(keys_[row]);
    m.offsets_.push_back(static_cast<uint32_t>(m.classes_.size()));
  }
  m.build_index();
  return m;
}

PerceptronModel PerceptronModel::mean(const std::vector<const PerceptronModel*>& models,
                                      float prune) {
  if (models.empty()) throw std::invalid_argument("PerceptronModel::mean of no models");
  const int num_classes = models.front()->num_classes_;
  for (const PerceptronModel* model : models) {
    if (model->num_classes_ != num_classes) {
      throw std::invalid_argument("PerceptronModel::mean of models with different classes");
    }
  }
  // A k-way merge of the sorted key arrays; each key's weights are summed per class.
  const auto n = static_cast<float>(models.size());
  std::vector<size_t> next(models.size(), 0);
  std::vector<float> row(static_cast<size_t>(num_classes), 0.0f);
  std::vector<FeatureId> keys;
  std::vector<uint32_t> offsets{0};
  std::vector<uint16_t> classes;
  std::vector<float> values;
  for (;;) {
    bool any = false;
    FeatureId key = 0;
    for (size_t m = 0; m < models.size(); ++m) {
      if (next[m] == models[m]->keys_.size()) continue;
      const FeatureId k = models[m]->keys_[next[m]];
      if (!any || k < key) key = k;
      any = true;
    }
    if (!any) break;
    std::fill(row.begin(), row.end(), 0.0f);
    for (size_t m = 0; m < models.size(); ++m) {
      const PerceptronModel& model = *models[m];
      if (next[m] == model.keys_.size() || model.keys_[next[m]] != key) continue;
      for (uint32_t i = model.offsets_[next[m]]; i < model.offsets_[next[m] + 1]; ++i) {
        row[model.classes_[i]] += model.scale_ * model.weights_[i] / n;
      }
      ++next[m];
    }
    for (size_t cls = 0; cls < row.size(); ++cls) {
      if (row[cls] == 0.0f || std::fabs(row[cls]) <= prune) continue;
      classes.push_back(static_cast<uint16_t>(cls));
      values.push_back(row[cls]);
    }
    if (classes.size() == offsets.back()) continue;
    keys.push_back(key);
    offsets.push_back(static_cast<uint32_t>(classes.size()));
  }

  return quantised(num_classes, keys, offsets, classes, values);
}

PerceptronModel PerceptronModel::quantised(int num_classes, const std::vector<FeatureId>& keys,
                                           const std::vector<uint32_t>& offsets,
                                           const std::vector<uint16_t>& classes,
                                           const std::vector<float>& values) {
  float max_abs = 0.0f;
  for (const float v : values) max_abs = std::max(max_abs, std::fabs(v));
  PerceptronModel m;
  m.num_classes_ = num_classes;
  m.scale_ = max_abs > 0 ? max_abs / 32767.0f : 1.0f;
  m.keys_.reserve(keys.size());
  m.offsets_.reserve(keys.size() + 1);
  m.offsets_.push_back(0);
  for (size_t r = 0; r < keys.size(); ++r) {
    for (uint32_t i = offsets[r]; i < offsets[r + 1]; ++i) {
      const auto q = static_cast<int16_t>(std::lround(values[i] / m.scale_));
      if (q == 0) continue;  // rounded to zero
      m.classes_.push_back(classes[i]);
      m.weights_.push_back(q);
    }
    if (m.classes_.size() == m.offsets_.back()) continue;
    m.keys_.push_back(keys[r]);
    m.offsets_.push_back(static_cast<uint32_t>(m.classes_.size()));
  }
  m.build_index();
  return m;
}

namespace {

// LEB128: 7 bits per byte, low bits first, the high bit set on every byte but the last.
void put_varint(std::vector<uint8_t>& out, uint32_t value) {
  while (value >= 0x80) {
    out.push_back(static_cast<uint8_t>(value | 0x80));
    value >>= 7;
  }
  out.push_back(static_cast<uint8_t>(value));
}

uint32_t get_varint(const std::vector<uint8_t>& in, size_t& pos) {
  uint32_t value = 0;
  for (int shift = 0; shift < 35; shift += 7) {
    if (pos == in.size()) break;
    const uint8_t byte = in[pos++];
    value |= static_cast<uint32_t>(byte & 0x7f) << shift;
    if (!(byte & 0x80)) return value;
  }
  throw InputError("perceptron weights are truncated (damaged model file)");
}

}  // namespace

// The payload: classes, scale, the sorted keys, then one byte stream of rows (each row: its
// number of weights, then its classes as increasing deltas, all LEB128 varints: one byte each
// in practice, against four for an offset and two for a class), then the weights.
void PerceptronModel::save(ModelWriter& out) const {
  out.u32(static_cast<uint32_t>(num_classes_));
  out.f32(scale_);
  out.array(keys_);
  std::vector<uint8_t> rows;
  rows.reserve(keys_.size() + classes_.size());
  for (size_t row = 0; row < keys_.size(); ++row) {
    put_varint(rows, offsets_[row + 1] - offsets_[row]);
    uint32_t previous = 0;
    for (uint32_t i = offsets_[row]; i < offsets_[row + 1]; ++i) {
      put_varint(rows, classes_[i] - previous);
      previous = classes_[i];
    }
  }
  out.array(rows);
  out.array(weights_);
}

PerceptronModel PerceptronModel::load(ModelReader& in) {
  PerceptronModel m;
  m.num_classes_ = static_cast<int>(in.u32());
  m.scale_ = in.f32();
  m.keys_ = in.array<FeatureId>();
  const std::vector<uint8_t> rows = in.array<uint8_t>();
  m.weights_ = in.array<int16_t>();
  bool consistent = std::is_sorted(m.keys_.begin(), m.keys_.end());
  m.offsets_.reserve(m.keys_.size() + 1);
  m.offsets_.push_back(0);
  m.classes_.reserve(m.weights_.size());
  size_t pos = 0;
  for (size_t row = 0; row < m.keys_.size() && consistent; ++row) {
    const uint32_t count = get_varint(rows, pos);
    uint32_t cls = 0;
    for (uint32_t i = 0; i < count && consistent; ++i) {
      const uint32_t delta = get_varint(rows, pos);
      // Classes increase within a row (the first may be 0) and stay below num_classes.
      consistent = (i == 0 || delta > 0) && cls + delta < static_cast<uint32_t>(m.num_classes_) &&
                   m.classes_.size() < m.weights_.size();
      cls += delta;
      m.classes_.push_back(static_cast<uint16_t>(cls));
    }
    m.offsets_.push_back(static_cast<uint32_t>(m.classes_.size()));
  }
  consistent = consistent && pos == rows.size() && m.classes_.size() == m.weights_.size();
  if (!consistent) throw InputError("perceptron weights are inconsistent (damaged model file)");
  m.build_index();
  return m;
}

// --- PerceptronTrainer ---

void PerceptronTrainer::add_scores(const FeatureId* features, size_t count, float* scores) const {
  for (size_t i = 0; i < count; ++i) {
    auto it = weights_.find(features[i]);
    if (it == weights_.end()) continue;
    for (const Weight& w : it->second) scores[w.cls] += w.value;
  }
}

void PerceptronTrainer::move(std::vector<Weight>& row, int cls, float delta) {
  for (Weight& w : row) {
    if (w.cls == cls) {
      w.total += static_cast<double>(clock_ - w.stamp) * w.value;
      w.stamp = clock_;
      w.value += delta;
      return;
    }
  }
  row.push_back(Weight{static_cast<uint16_t>(cls), delta, 0.0, clock_});
}

void PerceptronTrainer::update(const FeatureId* features, size_t count, int truth, int guess,
                               float delta) {
  if (truth == guess) return;
  for (size_t i = 0; i < count; ++i) {
    std::vector<Weight>& row = weights_[features[i]];
    move(row, truth, delta);
    if (guess >= 0) move(row, guess, -delta);
  }
}

PerceptronModel PerceptronTrainer::average(float prune) const {
  const double ticks = static_cast<double>(std::max<uint64_t>(clock_, 1));
  struct Row {
    FeatureId key;
    std::vector<std::pair<uint16_t, float>> entries;
  };
  std::vector<Row> rows;
  rows.reserve(weights_.size());
  for (const auto& [key, row] : weights_) {
    Row r{key, {}};
    for (const Weight& w : row) {
      const double total = w.total + static_cast<double>(clock_ - w.stamp) * w.value;
      const auto avg = static_cast<float>(total / ticks);
      if (std::fabs(avg) <= prune || avg == 0.0f) continue;
      r.entries.emplace_back(w.cls, avg);
    }
    if (r.entries.empty()) continue;
    std::sort(r.entries.begin(), r.entries.end());
    rows.push_back(std::move(r));
  }
  std::sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) { return a.key < b.key; });

  std::vector<FeatureId> keys;
  std::vector<uint32_t> offsets{0};
  std::vector<uint16_t> classes;
  std::vector<float> values;
  keys.reserve(rows.size());
  offsets.reserve(rows.size() + 1);
  for (const Row& r : rows) {
    keys.push_back(r.key);
    for (const auto& [cls, value] : r.entries) {
      classes.push_back(cls);
      values.push_back(value);
    }
    offsets.push_back(static_cast<uint32_t>(classes.size()));
  }
  return PerceptronModel::quantised(num_classes_, keys, offsets, classes, values);
}

}  // namespace kg::extract
