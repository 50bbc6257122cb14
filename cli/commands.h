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

int run_build(const Args& args);
int run_export(const Args& args);
int run_extract(const Args& args);
int run_merge(const Args& args);
int run_query(const Args& args);
int run_render(const Args& args);
int run_stats(const Args& args);

// The table of every subcommand, in the order `kg --help` lists them (cli/main.cpp).
const std::vector<Command>& commands();

// Subcommands (cli/<name>.cpp).
int parse(const Args& args);
int train(const Args& args);  // kg train KIND ...: dispatches to train_<kind>
int eval(const Args& args);   // kg eval ner ... goes to eval_ner

// The kinds of `kg train` (cli/train_<kind>.cpp), listed in cli/train.cpp.
int train_tokenizer(const Args& args);
int train_parser(const Args& args);
int train_tagger(const Args& args);
int train_ner(const Args& args);
// kg eval ner MODEL FILE: span-level NER scores (cli/eval_ner.cpp).
int eval_ner(const Args& args);

int openie_command(const Args& args);

}  // namespace kg::cli
