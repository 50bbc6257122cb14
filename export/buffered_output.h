#pragma once
// BufferedOutput: a byte sink over std::ostream with a large buffer, usable as a RapidJSON
// output stream (Put/Flush, and the PutReserve/PutUnsafe fast path below) and for
// hand-written formats (append). Exports stream millions of small pieces; writing each one to
// the ostream, or checking the buffer's room for each character, would dominate their cost.

#include <cstring>
#include <memory>
#include <ostream>
#include <string_view>

namespace kg::exporter {

class BufferedOutput {
 public:
  using Ch = char;  // RapidJSON stream concept

  explicit BufferedOutput(std::ostream& out)
      : out_(out), buffer_(new char[kCapacity]), next_(buffer_.get()), end_(next_ + kCapacity) {}
  BufferedOutput(const BufferedOutput&) = delete;
  BufferedOutput& operator=(const BufferedOutput&) = delete;

  void Put(char c) {
    if (next_ == end_) Flush();
    *next_++ = c;
  }
  void append(std::string_view text) {
    if (text.size() > room()) {
      Flush();
      if (text.size() > room()) {  // larger than the whole buffer: straight through
        out_.write(text.data(), static_cast<std::streamsize>(text.size()));
        return;
      }
    }
    std::memcpy(next_, text.data(), text.size());
    next_ += text.size();
  }
  // Makes room for `count` characters written with put_unsafe().
  void reserve(size_t count) {
    if (count <= room()) return;
    Flush();
    if (count > capacity_) {
      capacity_ = count;
      buffer_.reset(new char[capacity_]);
      next_ = buffer_.get();
      end_ = next_ + capacity_;
    }
  }
  void put_unsafe(char c) { *next_++ = c; }
  // Writes the buffer out; the caller checks the ostream's state (AtomicFile::commit does).
  void Flush() {
    out_.write(buffer_.get(), next_ - buffer_.get());
    next_ = buffer_.get();
  }

 private:
  static constexpr size_t kCapacity = size_t{1} << 20;
  size_t room() const { return static_cast<size_t>(end_ - next_); }

  std::ostream& out_;
  size_t capacity_ = kCapacity;
  std::unique_ptr<char[]> buffer_;
  char* next_;
  char* end_;
};

// RapidJSON's Writer reserves room for a whole string or number and then puts characters
// without checks; these overloads (found by argument-dependent lookup, preferred to RapidJSON's
// generic templates) give BufferedOutput that fast path, as rapidjson::StringBuffer has.
inline void PutReserve(BufferedOutput& out, size_t count) { out.reserve(count); }
inline void PutUnsafe(BufferedOutput& out, char c) { out.put_unsafe(c); }

}  // namespace kg::exporter
