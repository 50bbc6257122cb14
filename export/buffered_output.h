#pragma once
// BufferedOutput: a byte sink over std::ostream with two large buffers, usable as a RapidJSON
// output stream (Put/Flush, and the PutReserve/PutUnsafe fast path below) and for
// hand-written formats (append). Exports stream millions of small pieces; writing each one to
// the ostream, or checking the buffer's room for each character, would dominate their cost.
//
// A full buffer is written to the ostream on a second thread while the caller fills the other
// one: copying a few hundred megabytes into the page cache costs the kernel about as much CPU
// as formatting them, and on two cores the two overlap. The ostream belongs to that thread
// while a write is pending; the caller touches it again only after finish().

#include <cstring>
#include <future>
#include <ostream>
#include <string_view>
#include <utility>
#include <vector>

namespace kg::exporter {

class BufferedOutput {
 public:
  using Ch = char;  // RapidJSON stream concept

  explicit BufferedOutput(std::ostream& out)
      : out_(out), filling_(kCapacity), writing_(kCapacity) {
    next_ = filling_.data();
    end_ = next_ + filling_.size();
  }
  BufferedOutput(const BufferedOutput&) = delete;
  BufferedOutput& operator=(const BufferedOutput&) = delete;
  // Waits for a pending write (the future's destructor does); bytes not yet handed over by
  // finish() are dropped, as when an export fails half way.
  ~BufferedOutput() = default;

  void Put(char c) {
    if (next_ == end_) hand_over();
    *next_++ = c;
  }
  void append(std::string_view text) {
    if (text.size() > room()) {
      hand_over();
      if (text.size() > room()) {  // larger than the whole buffer: straight through
        wait();
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
    hand_over();
    if (count > filling_.size()) {
      filling_.resize(count);
      next_ = filling_.data();
      end_ = next_ + filling_.size();
    }
  }
  void put_unsafe(char c) { *next_++ = c; }
  // RapidJSON calls Flush() at the end of every top-level value (JSON export: every node and
  // edge); the bytes stay buffered until the buffer is full or finish() is called.
  void Flush() {}
  // Writes everything out and waits for it; the caller then checks the ostream's state
  // (AtomicFile::commit does).
  void finish() {
    hand_over();
    wait();
  }

 private:
  static constexpr size_t kCapacity = size_t{4} << 20;
  size_t room() const { return static_cast<size_t>(end_ - next_); }

  void wait() {
    if (pending_.valid()) pending_.get();
  }
  // Starts writing the filled part of `filling_` on the second thread, after the previous
  // write is done, and continues in the other buffer.
  void hand_over() {
    wait();
    const auto size = static_cast<std::streamsize>(next_ - filling_.data());
    std::swap(filling_, writing_);
    next_ = filling_.data();
    end_ = next_ + filling_.size();
    if (size == 0) return;
    pending_ = std::async(std::launch::async,
                          [this, size] { out_.write(writing_.data(), size); });
  }

  std::ostream& out_;
  std::vector<char> filling_;  // the caller writes into [data(), next_)
  std::vector<char> writing_;  // owned by the pending write, if any
  std::future<void> pending_;
  char* next_ = nullptr;
  char* end_ = nullptr;
};

// RapidJSON's Writer reserves room for a whole string or number and then puts characters
// without checks; these overloads (found by argument-dependent lookup, preferred to RapidJSON's
// generic templates) give BufferedOutput that fast path, as rapidjson::StringBuffer has.
inline void PutReserve(BufferedOutput& out, size_t count) { out.reserve(count); }
inline void PutUnsafe(BufferedOutput& out, char c) { out.put_unsafe(c); }

}  // namespace kg::exporter
