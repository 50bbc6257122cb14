#pragma once
// The kg subcommands. Each lives in cli/<name>.cpp: it parses its arguments into an options
// struct, calls the libraries, formats the output and returns the exit code. Errors are
// thrown as kg::Error / kg::InputError and turned into exit codes by main().

#include <string>
#include <string_view>
#include <vector>

namespace kg::cli {

using Args = std::vector<std::string>;

struct Command {
  std::string_view name;
  std::string_view summary;  // one line for `kg --help`
  int (*run)(const Args& args);
};

// The table of every subcommand, in the order `kg --help` lists them (cli/main.cpp).
const std::vector<Command>& commands();

// Subcommand handlers (cli/<name>.cpp).
int parse(const Args& args);
int train(const Args& args);
int eval(const Args& args);

// Per-kind handlers of `kg train KIND` and `kg eval KIND` (cli/train_<kind>.cpp,
// cli/eval_<kind>.cpp).
int train_ner(const Args& args);
int eval_ner(const Args& args);

}  // namespace kg::cli
