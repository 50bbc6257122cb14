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

int run_export(const Args& args);
int run_merge(const Args& args);
int run_query(const Args& args);
int run_render(const Args& args);
int run_stats(const Args& args);

// The table of every subcommand, in the order `kg --help` lists them (cli/main.cpp).
const std::vector<Command>& commands();

// Subcommands (cli/<name>.cpp).
int train(const Args& args);  // kg train KIND ...: dispatches to train_<kind>
int eval(const Args& args);
int parse(const Args& args);  // kg parse FILE: the statistical stages on text or CoNLL-U

// The kinds of `kg train` (cli/train_<kind>.cpp), listed in cli/train.cpp.
int train_tokenizer(const Args& args);
int train_tagger(const Args& args);

}  // namespace kg::cli
