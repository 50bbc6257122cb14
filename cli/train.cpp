// kg train KIND ...: trains one model kind. Each kind parses its own options and lives in
// cli/train_<kind>.cpp; this file only holds the table of kinds (add a row for a new model).

#include <iostream>

#include "cli/args.h"
#include "cli/commands.h"
#include "extract/error.h"

namespace kg::cli {

namespace {

struct TrainKind {
  std::string_view name;
  std::string_view summary;
  int (*run)(const Args& args);
};

const std::vector<TrainKind>& train_kinds() {
  static const std::vector<TrainKind> kinds = {
      {"tokenizer", "tokenizer and sentence splitter (models/tokenizer.kgm)", train_tokenizer},
      {"ner", "named-entity recogniser (models/ner.kgm)", train_ner},
      {"parser", "dependency parser (models/parser.kgm)", train_parser},
      {"tagger", "UPOS/XPOS tagger and lemmatizer (models/tagger.kgm)", train_tagger},
  };
  return kinds;
}

std::string kinds_help() {
  std::string out = "usage: kg train KIND [OPTIONS]   (kg train KIND --help for its options)\n\n"
                    "kinds:\n";
  for (const TrainKind& k : train_kinds()) {
    out += "  " + std::string(k.name) + std::string(k.name.size() < 11 ? 11 - k.name.size() : 1, ' ') +
           std::string(k.summary) + '\n';
  }
  return out;
}

}  // namespace

int train(const Args& args) {
  if (args.empty() || args[0] == "--help" || args[0] == "-h") {
    (args.empty() ? std::cerr : std::cout) << kinds_help();
    return args.empty() ? 2 : 0;
  }
  for (const TrainKind& k : train_kinds()) {
    if (k.name == args[0]) return k.run(Args(args.begin() + 1, args.end()));
  }
  std::vector<std::string> names;
  for (const TrainKind& k : train_kinds()) names.emplace_back(k.name);
  std::string message = "kg train: unknown model kind '" + args[0] + "'";
  if (auto near = closest(args[0], names, 1); !near.empty()) {
    message += "; did you mean '" + near.front() + "'?";
  }
  throw InputError(message + " (kg train --help lists the kinds)");
}

}  // namespace kg::cli
