// `kg train parser`: trains the dependency parser on UD treebanks and writes models/parser.kgm.

#include <cstdio>
#include <filesystem>
#include <iostream>

#include "cli/args.h"
#include "cli/commands.h"
#include "extract/error.h"
#include "extract/parser_train.h"
#include "extract/training_data.h"

namespace kg::cli {

namespace {

const CommandSpec kSpec = {
    "kg train parser",
    "--train FILE... --dev FILE -o MODEL [options]",
    "Trains the dependency parser (arc-hybrid transitions, averaged perceptron, dynamic oracle;\n"
    "see models/README.md) on CoNLL-U treebanks and writes the epoch with the best dev LAS.\n"
    "GUM's non-commercial genres (essay, fiction, letter, podcast, whow) are left out unless\n"
    "--all-genres is given. The tags the parser learns from are those in the files. Progress\n"
    "(time, mistakes, dev UAS/LAS per epoch) goes to stderr. Deterministic for a seed.",
    {
        {"--train", "FILE", "a CoNLL-U training treebank (repeat for several)", true},
        {"--dev", "FILE", "a CoNLL-U treebank for choosing the best epoch"},
        {"-o", "MODEL", "where to write the model (e.g. models/parser.kgm)"},
        {"--seed", "N", "seed for the sentence order and exploration (default 1)"},
        {"--epochs", "N", "passes over the training data (default 15)"},
        {"--exploration", "P", "probability of following a wrong move after epoch 2 (default 0.9)"},
        {"--prune", "X", "drop averaged weights of magnitude <= X from the model (default 0)"},
        {"--all-genres", "", "keep GUM's non-commercial genres (the model is then CC BY-NC-SA)"},
    },
    0,
    0};

std::vector<extract::Sentence> sentences_of(std::vector<extract::TreebankSentence> treebank) {
  std::vector<extract::Sentence> out;
  out.reserve(treebank.size());
  for (auto& s : treebank) out.push_back(std::move(s.sentence));
  return out;
}

}  // namespace

int train_parser(const Args& args) {
  const ParsedArgs parsed = parse_args(kSpec, args);
  if (parsed.help_requested()) {
    std::cout << help_text(kSpec);
    return 0;
  }
  const std::vector<std::string> train_files = parsed.values("--train");
  const auto output = parsed.value("-o");
  if (train_files.empty() || !output) {
    throw InputError("kg train parser: --train and -o are required (see `kg train parser --help`)");
  }
  extract::ParserTrainingOptions options;
  options.seed = static_cast<uint64_t>(parsed.integer("--seed", 1, 0, 1LL << 62));
  options.epochs = static_cast<int>(parsed.integer("--epochs", options.epochs, 1, 1000));
  options.exploration = parsed.real("--exploration", options.exploration, 0.0, 1.0);
  options.prune = static_cast<float>(parsed.real("--prune", options.prune, 0.0, 1e6));

  extract::TrainingDataOptions data_options;
  if (parsed.has("--all-genres")) data_options.excluded_genres.clear();
  const auto train = sentences_of(extract::load_training_data(train_files, data_options));
  std::vector<extract::Sentence> dev;
  if (auto dev_file = parsed.value("--dev")) dev = sentences_of(extract::read_conllu_file(*dev_file));
  size_t words = 0;
  for (const auto& s : train) words += s.tokens.size();
  std::cerr << "kg train parser: " << train.size() << " sentences, " << words << " words; "
            << dev.size() << " dev sentences\n";

  const auto parser = extract::train_parser(
      train, dev, options, [&](const extract::ParserEpochReport& r) {
        char line[256];
        std::snprintf(line, sizeof line,
                      "epoch %d/%d: %.1f s, mistakes %.2f%%, dev UAS %.2f LAS %.2f, "
                      "%zu features%s\n",
                      r.epoch, options.epochs, r.seconds, 100.0 * r.train_mistakes, r.dev_uas,
                      r.dev_las, r.features, r.best ? " (best)" : "");
        std::cerr << line << std::flush;
      });
  parser->save(*output);
  std::cerr << "kg train parser: wrote " << *output << " ("
            << std::filesystem::file_size(*output) / 1024 << " KiB)\n";
  return 0;
}

}  // namespace kg::cli
