#include "extract/perceptron.h"

#include <algorithm>
#include <cmath>

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

void PerceptronModel::build_buckets() {
  bucket_bits_ = 0;
  while ((size_t{1} << bucket_bits_) < keys_.size() && bucket_bits_ < 24) ++bucket_bits_;
  const size_t n = size_t{1} << bucket_bits_;
  buckets_.assign(n + 1, 0);
  size_t k = 0;
  for (size_t b = 0; b <= n; ++b) {
    // Keys are sorted, so bucket b (their top bits) starts at the first key >= b's range.
    while (k < keys_.size() && (bucket_bits_ == 0 ? 0 : keys_[k] >> (64 - bucket_bits_)) < b) ++k;
    buckets_[b] = static_cast<uint32_t>(k);
  }
  buckets_[n] = static_cast<uint32_t>(keys_.size());
}

const FeatureId* PerceptronModel::find(FeatureId key) const {
  if (keys_.empty()) return nullptr;
  const size_t b = bucket_bits_ == 0 ? 0 : key >> (64 - bucket_bits_);
  const FeatureId* first = keys_.data() + buckets_[b];
  const FeatureId* last = keys_.data() + buckets_[b + 1];
  const FeatureId* it = std::lower_bound(first, last, key);
  return it != last && *it == key ? it : nullptr;
}

void PerceptronModel::add_scores(const FeatureId* features, size_t count, float* scores) const {
  for (size_t i = 0; i < count; ++i) {
    const FeatureId* k = find(features[i]);
    if (!k) continue;
    const size_t row = static_cast<size_t>(k - keys_.data());
    for (uint32_t j = offsets_[row]; j < offsets_[row + 1]; ++j) {
      scores[classes_[j]] += scale_ * weights_[j];
    }
  }
}

void PerceptronModel::save(ModelWriter& out) const {
  out.u32(static_cast<uint32_t>(num_classes_));
  out.f32(scale_);
  out.array(keys_);
  out.array(offsets_);
  out.array(classes_);
  out.array(weights_);
}

PerceptronModel PerceptronModel::load(ModelReader& in) {
  PerceptronModel m;
  m.num_classes_ = static_cast<int>(in.u32());
  m.scale_ = in.f32();
  m.keys_ = in.array<FeatureId>();
  m.offsets_ = in.array<uint32_t>();
  m.classes_ = in.array<uint16_t>();
  m.weights_ = in.array<int16_t>();
  const bool consistent =
      m.offsets_.size() == m.keys_.size() + 1 && m.classes_.size() == m.weights_.size() &&
      m.offsets_.back() == m.classes_.size() && std::is_sorted(m.keys_.begin(), m.keys_.end()) &&
      std::is_sorted(m.offsets_.begin(), m.offsets_.end()) &&
      std::all_of(m.classes_.begin(), m.classes_.end(),
                  [&](uint16_t c) { return c < m.num_classes_; });
  if (!consistent) throw InputError("perceptron weights are inconsistent (damaged model file)");
  m.build_buckets();
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
  float max_abs = 0.0f;
  for (const auto& [key, row] : weights_) {
    Row r{key, {}};
    for (const Weight& w : row) {
      const double total = w.total + static_cast<double>(clock_ - w.stamp) * w.value;
      const auto avg = static_cast<float>(total / ticks);
      if (std::fabs(avg) <= prune || avg == 0.0f) continue;
      r.entries.emplace_back(w.cls, avg);
      max_abs = std::max(max_abs, std::fabs(avg));
    }
    if (r.entries.empty()) continue;
    std::sort(r.entries.begin(), r.entries.end());
    rows.push_back(std::move(r));
  }
  std::sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) { return a.key < b.key; });

  PerceptronModel m;
  m.num_classes_ = num_classes_;
  m.scale_ = max_abs > 0 ? max_abs / 32767.0f : 1.0f;
  m.keys_.reserve(rows.size());
  m.offsets_.reserve(rows.size() + 1);
  m.offsets_.push_back(0);
  for (const Row& r : rows) {
    for (const auto& [cls, value] : r.entries) {
      const auto q = static_cast<int16_t>(std::lround(value / m.scale_));
      if (q == 0) continue;
      m.classes_.push_back(cls);
      m.weights_.push_back(q);
    }
    if (m.classes_.size() == m.offsets_.back()) continue;  // everything rounded to zero
    m.keys_.push_back(r.key);
    m.offsets_.push_back(static_cast<uint32_t>(m.classes_.size()));
  }
  m.build_buckets();
  return m;
}

}  // namespace kg::extract
