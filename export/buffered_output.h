#pragma once
// BufferedOutput: a byte sink over std::ostream with a large buffer, usable as a RapidJSON
// output stream (Put/Flush) and for hand-written formats (append). Exports stream millions
// of small pieces; writing each one to the ostream would dominate their cost.

#include <ostream>
#include <string>
#include <string_view>

namespace kg::exporter {

class BufferedOutput {
 public:
  using Ch = char;  // RapidJSON stream concept

  explicit BufferedOutput(std::ostream& out) : out_(out) { buffer_.reserve(kCapacity); }
  BufferedOutput(const BufferedOutput&) = delete;
  BufferedOutput& operator=(const BufferedOutput&) = delete;

  void Put(char c) {
    buffer_.push_back(c);
    if (buffer_.size() >= kCapacity) Flush();
  }
  void append(std::string_view text) {
    buffer_.append(text);
    if (buffer_.size() >= kCapacity) Flush();
  }
  // Writes the buffer out; the caller checks the ostream's state (AtomicFile::commit does).
  void Flush() {
    out_.write(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
    buffer_.clear();
  }

 private:
  static constexpr size_t kCapacity = size_t{1} << 20;
  std::ostream& out_;
  std::string buffer_;
};

}  // namespace kg::exporter
