// kg eval KIND ...: dispatches to the evaluation of one model kind (tagger, parser, ner, ...).

#include <iostream>

#include "cli/args.h"
#include "cli/commands.h"
#include "extract/error.h"

namespace kg::cli {

namespace {

struct Kind {
  std::string_view name;
  int (*run)(const Args& args);
};

// One row per model kind; each lives in cli/eval_<kind>.cpp.
const std::vector<Kind>& kinds() {
  static const std::vector<Kind> table = {
      {"ner", eval_ner},
  };
  return table;
}

}  // namespace

int eval(const Args& args) {
  std::vector<std::string> names;
  for (const Kind& k : kinds()) names.emplace_back(k.name);
  if (args.empty() || args[0] == "--help" || args[0] == "-h") {
    std::cout << "usage: kg eval KIND ...   (kg train KIND --help for its options)\n\nkinds:";
    for (const std::string& n : names) std::cout << ' ' << n;
    std::cout << '\n';
    return args.empty() ? 2 : 0;
  }
  for (const Kind& k : kinds()) {
    if (k.name == args[0]) return k.run(Args(args.begin() + 1, args.end()));
  }
  std::string message = "kg eval: unknown model kind '" + args[0] + "'";
  if (auto near = closest(args[0], names, 1); !near.empty()) {
    message += "; did you mean '" + near.front() + "'?";
  }
  throw InputError(message);
}

}  // namespace kg::cli
