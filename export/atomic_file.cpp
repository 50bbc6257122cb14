#include "export/atomic_file.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <iostream>

#include "extract/error.h"

namespace kg::exporter {

AtomicFile::AtomicFile(std::string path) : path_(std::move(path)) {
  if (path_ == "-") return;
  temp_ = path_ + ".tmp-" + std::to_string(::getpid());
  out_.open(temp_, std::ios::binary | std::ios::trunc);
  if (!out_) {
    throw Error(path_ + ": cannot write here: " + std::strerror(errno) +
                " (does the folder exist and is it writable?)");
  }
}

AtomicFile::~AtomicFile() {
  if (!committed_ && !temp_.empty()) {
    out_.close();
    std::remove(temp_.c_str());
  }
}

std::ostream& AtomicFile::stream() { return path_ == "-" ? std::cout : out_; }

void AtomicFile::commit() {
  if (path_ == "-") {
    std::cout.flush();
    committed_ = true;
    return;
  }
  out_.flush();
  const bool ok = static_cast<bool>(out_);
  out_.close();
  if (!ok || out_.fail()) {
    throw Error(path_ + ": writing failed (disk full?); the previous file is unchanged");
  }
  // On disk before it takes the destination's name, so a crash cannot leave an empty file.
  if (const int fd = ::open(temp_.c_str(), O_RDONLY); fd >= 0) {
    const int rc = ::fsync(fd);
    ::close(fd);
    if (rc != 0) throw Error(path_ + ": cannot flush to disk: " + std::strerror(errno));
  }
  if (std::rename(temp_.c_str(), path_.c_str()) != 0) {
    throw Error(path_ + ": cannot replace the file: " + std::strerror(errno));
  }
  committed_ = true;
}

}  // namespace kg::exporter
