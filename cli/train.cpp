// `kg train KIND ...`: trains one kind of model. Each kind's options and run live in
// cli/train_<kind>.cpp; this file only picks the kind.

#include <iostream>
#include <string>

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
      {"parser", "the dependency parser (models/parser.kgm)", train_parser},
  };
  return kinds;
}

void kinds_help(std::ostream& out) {
  out << "usage: kg train KIND --train FILE... --dev FILE -o MODEL [options]\n\n"
         "Trains a model from UD treebanks (CoNLL-U). `kg train KIND --help` lists the options "
         "of a kind.\n\nkinds:\n";
  for (const TrainKind& k : train_kinds()) {
    out << "  " << k.name << std::string(k.name.size() < 11 ? 11 - k.name.size() : 1, ' ')
        << k.summary << '\n';
  }
}

}  // namespace

int train(const Args& args) {
  if (args.empty()) {
    kinds_help(std::cerr);
    return 2;
  }
  if (args[0] == "--help" || args[0] == "-h") {
    kinds_help(std::cout);
    return 0;
  }
  std::vector<std::string> names;
  for (const TrainKind& k : train_kinds()) {
    if (k.name == args[0]) return k.run(Args(args.begin() + 1, args.end()));
    names.emplace_back(k.name);
  }
  std::string message = "kg train: unknown model kind '" + args[0] + "'";
  if (auto near = closest(args[0], names, 1); !near.empty()) {
    message += "; did you mean '" + near.front() + "'?";
  }
  throw InputError(message + " (kg train --help lists the kinds)");
}

}  // namespace kg::cli
