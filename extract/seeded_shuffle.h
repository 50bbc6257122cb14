#pragma once
// Shuffles and uniform draws that give the same results for the same seed on every platform
// and standard library (std::shuffle and the std distributions are implementation-defined),
// so training with --seed N is reproducible everywhere.

#include <cstdint>
#include <random>
#include <utility>
#include <vector>

namespace kg::extract {

// SplitMix64 (Steele, Lea and Flood 2014): a tiny, well-mixed 64-bit generator.
class SplitMix64 {
 public:
  explicit SplitMix64(uint64_t seed) : state_(seed) {}
  uint64_t next() {
    uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }

 private:
  uint64_t state_;
};

// Fisher-Yates with SplitMix64 (the modulo bias, below 2^-40 for any vector that fits in
// memory, does not matter for ordering training examples).
template <typename T>
void seeded_shuffle(std::vector<T>& items, SplitMix64& rng) {
  for (size_t i = items.size(); i > 1; --i) {
    const size_t j = static_cast<size_t>(rng.next() % i);
    std::swap(items[i - 1], items[j]);
  }
}

// The same with std::mt19937_64, whose raw output (unlike std::shuffle and the std
// distributions) the standard specifies.
template <typename T>
void seeded_shuffle(std::vector<T>& items, std::mt19937_64& rng) {
  for (size_t i = items.size(); i > 1; --i) std::swap(items[i - 1], items[rng() % i]);
}

// A uniform draw in [0, 1) from 53 random bits of `rng`: the same on every platform.
inline double uniform(std::mt19937_64& rng) {
  return static_cast<double>(rng() >> 11) * (1.0 / 9007199254740992.0);
}

}  // namespace kg::extract
