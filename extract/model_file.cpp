#include "extract/model_file.h"

#include <cstdio>
#include <cstring>
#include <fstream>
#include <iterator>

#include "extract/error.h"

namespace kg::extract {

namespace {
constexpr char kMagic[8] = {'K', 'G', 'M', 'O', 'D', 'E', 'L', '1'};

uint64_t fnv1a(const uint8_t* data, size_t size) {
  uint64_t hash = 0xcbf29ce484222325ULL;
  for (size_t i = 0; i < size; ++i) {
    hash ^= data[i];
    hash *= 0x100000001b3ULL;
  }
  return hash;
}
}  // namespace

Fingerprint& Fingerprint::add(std::string_view text) {
  add(static_cast<uint64_t>(text.size()));
  for (unsigned char c : text) {
    hash_ ^= c;
    hash_ *= 0x100000001b3ULL;
  }
  return *this;
}

Fingerprint& Fingerprint::add(uint64_t value) {
  for (int i = 0; i < 8; ++i) {
    hash_ ^= (value >> (8 * i)) & 0xff;
    hash_ *= 0x100000001b3ULL;
  }
  return *this;
}

std::string model_kind(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError(path + ": cannot open the model file");
  char magic[sizeof kMagic];
  uint32_t length = 0;
  if (!in.read(magic, sizeof magic) || std::memcmp(magic, kMagic, sizeof kMagic) != 0 ||
      !in.read(reinterpret_cast<char*>(&length), sizeof length) || length > 64) {
    throw InputError(path + ": not a kg model file (bad magic)");
  }
  std::string kind(length, '\0');
  if (!in.read(kind.data(), length)) throw InputError(path + ": truncated model header");
  return kind;
}

ModelWriter::ModelWriter(const ModelHeader& header) {
  // Reserving first also keeps GCC 12's -Wstringop-overflow from a false positive on the
  // first insert into an empty vector (an error under KG_WERROR).
  bytes_.reserve(4096);
  raw(kMagic, sizeof kMagic);
  str(header.kind);
  u32(header.version);
  u64(header.fingerprint);
}

void ModelWriter::raw(const void* data, size_t size) {
  const auto* p = static_cast<const uint8_t*>(data);
  bytes_.insert(bytes_.end(), p, p + size);
}

void ModelWriter::str(std::string_view s) {
  u32(static_cast<uint32_t>(s.size()));
  raw(s.data(), s.size());
}

void ModelWriter::save(const std::string& path) const {
  const std::string tmp = path + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) throw Error(tmp + ": cannot create the model file (is the folder writable?)");
    out.write(reinterpret_cast<const char*>(bytes_.data()),
              static_cast<std::streamsize>(bytes_.size()));
    const uint64_t checksum = fnv1a(bytes_.data(), bytes_.size());
    out.write(reinterpret_cast<const char*>(&checksum), sizeof checksum);
    out.flush();
    if (!out) {
      std::remove(tmp.c_str());
      throw Error(tmp + ": writing the model failed (disk full?)");
    }
  }
  if (std::rename(tmp.c_str(), path.c_str()) != 0) {
    std::remove(tmp.c_str());
    throw Error(path + ": cannot replace the model file: " + std::strerror(errno));
  }
}

ModelReader::ModelReader(const std::string& path, const ModelHeader& expected) : path_(path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    throw InputError(path + ": cannot open the " + expected.kind +
                     " model (pass --model, or retrain it as models/README.md says)");
  }
  bytes_.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  const std::string retrain = "; retrain it with `kg train " + expected.kind +
                              "` (models/README.md has the command)";
  if (bytes_.size() < sizeof kMagic + 8 || std::memcmp(bytes_.data(), kMagic, sizeof kMagic)) {
    throw InputError(path + ": not a kg model file (bad magic)" + retrain);
  }
  end_ = bytes_.size() - 8;
  uint64_t stored = 0;
  std::memcpy(&stored, bytes_.data() + end_, sizeof stored);
  if (stored != fnv1a(bytes_.data(), end_)) {
    throw InputError(path + ": the model file is corrupted or truncated (checksum mismatch)" +
                     retrain);
  }
  pos_ = sizeof kMagic;
  const std::string kind = str();
  if (kind != expected.kind) {
    throw InputError(path + ": this is a " + kind + " model, not a " + expected.kind +
                     " model; pass the right file");
  }
  const uint32_t version = u32();
  if (version != expected.version) {
    throw InputError(path + ": " + kind + " model format version " + std::to_string(version) +
                     ", but this kg reads version " + std::to_string(expected.version) + retrain);
  }
  const uint64_t fingerprint = u64();
  if (fingerprint != expected.fingerprint) {
    throw InputError(path + ": the " + kind +
                     " model was trained with other labels or feature templates than this kg "
                     "uses (fingerprint mismatch)" + retrain);
  }
}

void ModelReader::raw(void* out, size_t size) {
  if (size > remaining()) truncated();
  if (size) std::memcpy(out, bytes_.data() + pos_, size);
  pos_ += size;
}

void ModelReader::truncated() const {
  throw InputError(path_ + ": the model payload ends early (a different or damaged file)");
}

uint8_t ModelReader::u8() {
  uint8_t v;
  raw(&v, sizeof v);
  return v;
}
uint32_t ModelReader::u32() {
  uint32_t v;
  raw(&v, sizeof v);
  return v;
}
uint64_t ModelReader::u64() {
  uint64_t v;
  raw(&v, sizeof v);
  return v;
}
float ModelReader::f32() {
  float v;
  raw(&v, sizeof v);
  return v;
}
std::string ModelReader::str() {
  const uint32_t n = u32();
  if (n > remaining()) truncated();
  std::string s(reinterpret_cast<const char*>(bytes_.data() + pos_), n);
  pos_ += n;
  return s;
}

void ModelReader::finish() const {
  if (pos_ != end_) {
    throw InputError(path_ + ": " + std::to_string(end_ - pos_) +
                     " unexpected bytes after the model payload (a different layout)");
  }
}

}  // namespace kg::extract
