// kg: a knowledge-graph builder for news articles. This file holds only the table of
// subcommands and the translation of exceptions into exit codes (0 ok, 1 runtime failure,
// 2 usage or bad input).

#include <cstdio>
#include <exception>
#include <iostream>
#include <new>

#include "cli/args.h"
#include "cli/commands.h"
#include "extract/error.h"

namespace kg::cli {

namespace {

int usage(std::ostream& out) {
  out << "usage: kg COMMAND [ARGS...]   (kg COMMAND --help for its options)\n\ncommands:\n";
  for (const Command& c : commands()) {
    out << "  " << c.name << std::string(c.name.size() < 10 ? 10 - c.name.size() : 1, ' ')
        << c.summary << '\n';
  }
  return 0;
}

}  // namespace

const std::vector<Command>& commands() {
  static const std::vector<Command> table = {
      {"build", "extract and merge articles into the database in one run (kg.db by default)",
       run_build},
      {"extract", "entities and facts of each article as JSON Lines (the map step)", run_extract},
      {"openie", "clause-level Open IE tuples of each sentence (CaRB format or JSON)",
       openie_command},
      {"merge", "add map files (JSON Lines) to the database and rebuild the graph", run_merge},
      {"export", "write the graph as JSON, GraphML, DOT or a copy of the database", run_export},
      {"render", "draw the graph (or one entity's neighbourhood) as SVG or PNG", run_render},
      {"query", "look up entities, neighbours, facts, paths; explain merges", run_query},
      {"stats", "counts, entities by type, top entities, sources per edge", run_stats},
      {"parse", "segment, tag, lemmatize and find names in text or CoNLL-U; print CoNLL-U, a "
                "table or UNER IOB2",
       parse},
      {"train", "train a model (tokenizer, tagger, parser, ner) on UD treebanks", train},
      {"eval", "score models on a CoNLL-U treebank (CoNLL 2018 metrics)", eval},
  };
  return table;
}

int main(int argc, char** argv) {
  if (argc < 2) {
    usage(std::cerr);
    return 2;
  }
  const std::string name = argv[1];
  if (name == "--help" || name == "-h" || name == "help") return usage(std::cout);
  if (name == "--version") {
    std::cout << "kg " << KG_VERSION << '\n';
    return 0;
  }
  const Args args(argv + 2, argv + argc);
  for (const Command& c : commands()) {
    if (c.name == name) return c.run(args);
  }
  std::vector<std::string> names;
  for (const Command& c : commands()) names.emplace_back(c.name);
  std::cerr << "kg: unknown command '" << name << "'";
  if (auto near = closest(name, names, 1); !near.empty()) {
    std::cerr << "; did you mean '" << near.front() << "'?";
  }
  std::cerr << " (kg --help lists the commands)\n";
  return 2;
}

}  // namespace kg::cli

int main(int argc, char** argv) {
  try {
    return kg::cli::main(argc, argv);
  } catch (const kg::InputError& e) {
    std::cerr << "kg: " << e.what() << '\n';
    return 2;
  } catch (const kg::Error& e) {
    std::cerr << "kg: " << e.what() << '\n';
    return 1;
  } catch (const std::bad_alloc&) {
    std::cerr << "kg: out of memory\n";
    return 1;
  } catch (const std::exception& e) {
    std::cerr << "kg: internal error: " << e.what() << '\n';
    return 1;
  }
}
