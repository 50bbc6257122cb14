#pragma once
// The exceptions kg's libraries throw. Only cli/ catches them: it prints the message as one
// line on stderr and exits 2 for InputError (usage or bad input) and 1 for every other Error.

#include <stdexcept>
#include <string>

namespace kg {

// A runtime failure that is not the user's input: I/O errors, a full disk, a broken model
// installation. The message says what failed, where, and what to do.
class Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The input (a file, an argument, a model file handed in by the user) is unusable. The
// message names the file and line or byte where that is known.
class InputError : public Error {
 public:
  using Error::Error;
};

}  // namespace kg
