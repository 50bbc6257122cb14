#pragma once
// The container every kg model file uses: magic, model kind, format version, a fingerprint of
// the labels and feature templates the model was trained with, the payload, and a checksum.
// Loading checks each and says what to do on a mismatch (after MITIE's versioned models).
//
// Layout (little-endian):
//   "KGMODEL1"  u32 kind length, kind bytes  u32 format version  u64 fingerprint
//   payload (written by the model's own save code through ModelWriter)
//   u64 FNV-1a hash of every byte before it

#include <cstdint>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace kg::extract {

// 64-bit FNV-1a; used for fingerprints and the checksum. Stable across platforms and runs.
class Fingerprint {
 public:
  Fingerprint& add(std::string_view text);
  Fingerprint& add(uint64_t value);
  uint64_t value() const { return hash_; }

 private:
  uint64_t hash_ = 0xcbf29ce484222325ULL;
};

// What a loader expects of a model file.
struct ModelHeader {
  std::string kind;          // "tagger", "parser", "tokenizer", "ner", ...
  uint32_t version = 0;      // the payload format version the code reads
  uint64_t fingerprint = 0;  // of labels and feature templates, computed by the model's code
};

// The kind recorded in a model file's header ("tagger", "parser", ...), without loading or
// checking the rest; throws kg::InputError if the file is missing or not a kg model. Lets
// commands that take several models (`kg eval`, `kg parse --model`) tell them apart.
std::string model_kind(const std::string& path);

// Builds a model file in memory; save() writes it to a temporary file and renames it over
// `path`, so a failed save never leaves a half-written model.
class ModelWriter {
 public:
  explicit ModelWriter(const ModelHeader& header);

  void u8(uint8_t v) { bytes_.push_back(v); }
  void u32(uint32_t v) { raw(&v, sizeof v); }
  void u64(uint64_t v) { raw(&v, sizeof v); }
  void f32(float v) { raw(&v, sizeof v); }
  void str(std::string_view s);
  template <typename T>
  void array(const std::vector<T>& values) {
    static_assert(std::is_trivially_copyable_v<T>);
    u64(values.size());
    raw(values.data(), values.size() * sizeof(T));
  }
  void save(const std::string& path) const;

 private:
  void raw(const void* data, size_t size);
  std::vector<uint8_t> bytes_;
};

// Reads a model file written by ModelWriter. The constructor checks magic, kind, version,
// fingerprint and checksum and throws kg::InputError with the path and the remedy; the
// accessors throw kg::InputError when the payload is shorter than the code expects.
class ModelReader {
 public:
  ModelReader(const std::string& path, const ModelHeader& expected);

  uint8_t u8();
  uint32_t u32();
  uint64_t u64();
  float f32();
  std::string str();
  template <typename T>
  std::vector<T> array() {
    static_assert(std::is_trivially_copyable_v<T>);
    const uint64_t n = u64();
    if (n > remaining() / (sizeof(T) ? sizeof(T) : 1)) truncated();
    std::vector<T> values(n);
    raw(values.data(), n * sizeof(T));
    return values;
  }
  // Whether the whole payload has been read (an optional last section is absent).
  bool at_end() const { return pos_ == end_; }
  // Call after reading the payload: throws if bytes are left over (a different layout).
  void finish() const;

 private:
  void raw(void* out, size_t size);
  size_t remaining() const { return end_ - pos_; }
  [[noreturn]] void truncated() const;

  std::string path_;
  std::vector<uint8_t> bytes_;
  size_t pos_ = 0;
  size_t end_ = 0;  // payload end (before the checksum)
};

}  // namespace kg::extract
