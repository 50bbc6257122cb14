// `kg train tagger`: trains the POS tagger and lemmatizer on UD treebanks and writes
// models/tagger.kgm.

#include <filesystem>
#include <fstream>
#include <iostream>

#include "cli/args.h"
#include "cli/commands.h"
#include "extract/conllu.h"
#include "extract/error.h"
#include "extract/tagger_train.h"
#include "extract/training_data.h"

namespace kg::cli {

namespace {

const CommandSpec kSpec = {
    "kg train tagger",
    "--train FILE... --dev FILE (-o MODEL | --jackknife K --tagged-output FILE) [options]",
    "Trains the part-of-speech tagger (UPOS and XPOS; averaged perceptron, two greedy passes)\n"
    "and the lemmatizer (lexicon and suffix-rule classifier) on CoNLL-U treebanks, and writes\n"
    "both to one model file, keeping the epoch with the best dev UPOS + XPOS accuracy (see\n"
    "models/README.md). GUM's non-commercial genres (essay, fiction, letter, podcast, whow) are\n"
    "left out unless --all-genres is given. Progress (time, train and dev accuracy per\n"
    "epoch) goes to stderr. The same data and seed give the same model.\n"
    "With --jackknife K --tagged-output FILE it also writes the training sentences (after the\n"
    "genre selection, in their order) as CoNLL-U with UPOS, XPOS and lemmas predicted by K\n"
    "taggers, each trained on the other K-1 blocks of sentences: training data for a parser\n"
    "that will see predicted tags. -o is then optional.",
    {
        {"--train", "FILE", "a CoNLL-U training treebank (repeat for several)", true},
        {"--dev", "FILE", "a CoNLL-U treebank for choosing the best epoch"},
        {"-o", "MODEL", "where to write the model (e.g. models/tagger.kgm)"},
        {"--seed", "N", "seed for the order of the training sentences (default 1)"},
        {"--epochs", "N", "passes over the training data (default 10)"},
        {"--passes", "N", "1: left to right; 2: a second pass sees the first's tags (default 2)"},
        {"--both-directions", "",
         "add a right-to-left tagger and sum the scores (twice the size and time)"},
        {"--min-count", "N", "features seen fewer times get no weight (default 3)"},
        {"--prune", "X", "drop averaged weights of magnitude <= X from the model (default 0)"},
        {"--jackknife", "K", "train K taggers on K-1 of K blocks of the data, each tagging the rest"},
        {"--tagged-output", "FILE", "where --jackknife writes the tagged training data (CoNLL-U)"},
        {"--all-genres", "",
         "keep GUM's non-commercial genres (the model is then CC BY-NC-SA; never ship it)"},
        {"--include-nc-genres", "", "the same as --all-genres"},
    },
    0,
    0};

}  // namespace

int train_tagger(const Args& args) {
  const ParsedArgs parsed = parse_args(kSpec, args);
  if (parsed.help_requested()) {
    std::cout << help_text(kSpec);
    return 0;
  }
  const std::vector<std::string> train_files = parsed.values("--train");
  const auto output = parsed.value("-o");
  const auto tagged_output = parsed.value("--tagged-output");
  const int folds = static_cast<int>(parsed.integer("--jackknife", 0, 2, 100));
  if (folds != 0 && !tagged_output) {
    throw InputError("kg train tagger: --jackknife needs --tagged-output FILE");
  }
  if (tagged_output && folds == 0) {
    throw InputError("kg train tagger: --tagged-output needs --jackknife K");
  }
  if (train_files.empty() || (!output && !tagged_output)) {
    throw InputError(
        "kg train tagger: --train and -o (or --jackknife and --tagged-output) are required "
        "(see `kg train tagger --help`)");
  }
  extract::TaggerTrainOptions options;
  options.seed = static_cast<uint64_t>(parsed.integer("--seed", 1, 0, 1LL << 62));
  options.lemmatizer.seed = options.seed;
  options.epochs = static_cast<int>(parsed.integer("--epochs", options.epochs, 1, 1000));
  options.passes = static_cast<int>(parsed.integer("--passes", options.passes, 1, 2));
  options.both_directions = parsed.has("--both-directions");
  options.min_feature_count =
      static_cast<int>(parsed.integer("--min-count", options.min_feature_count, 1, 1000000));
  options.prune = static_cast<float>(parsed.real("--prune", options.prune, 0.0, 1e6));
  options.progress = [](const std::string& line) {
    std::cerr << "kg train tagger: " << line << std::endl;
  };

  extract::TrainingDataOptions data_options;
  if (parsed.has("--all-genres") || parsed.has("--include-nc-genres")) {
    data_options.excluded_genres.clear();
  }
  const auto train = extract::load_training_data(train_files, data_options);
  std::vector<extract::TreebankSentence> dev;
  if (auto dev_file = parsed.value("--dev")) dev = extract::read_conllu_file(*dev_file);

  if (tagged_output) {
    const std::vector<extract::Sentence> tagged = extract::jackknife_tags(train, folds, options, dev);
    const std::string temp = *tagged_output + ".tmp";
    {
      std::ofstream out(temp, std::ios::binary | std::ios::trunc);
      if (!out) throw Error(*tagged_output + ": cannot write the file (does its folder exist?)");
      for (const extract::Sentence& s : tagged) extract::write_conllu(out, s);
      out.flush();
      if (!out) throw Error(*tagged_output + ": write failed (disk full?)");
    }
    std::filesystem::rename(temp, *tagged_output);
    std::cerr << "kg train tagger: wrote " << tagged.size() << " jackknifed sentences to "
              << *tagged_output << "\n";
    if (!output) return 0;
  }
  const extract::Tagger tagger = extract::TaggerTrainer(options).train(train, dev);
  tagger.save(*output);
  std::cerr << "kg train tagger: wrote " << *output << " ("
            << std::filesystem::file_size(*output) / 1024 << " KiB)\n";
  return 0;
}

}  // namespace kg::cli
