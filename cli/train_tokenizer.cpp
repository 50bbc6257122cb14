// kg train tokenizer: trains the tokenizer and sentence splitter on UD treebanks.

#include <iostream>

#include "cli/args.h"
#include "cli/commands.h"
#include "extract/error.h"
#include "extract/tokenizer_train.h"
#include "extract/training_data.h"

namespace kg::cli {

namespace {

const CommandSpec kSpec = {
    "kg train tokenizer",
    "--train FILE.conllu... [--dev FILE.conllu] -o MODEL [--seed N] [--epochs N]",
    "Trains the tokenizer and sentence splitter on the raw text rebuilt from UD treebanks\n"
    "(# text, SpaceAfter=No, # newpar, # newdoc) and writes the model. Progress goes to\n"
    "stderr; the same data, seed and epochs give the same model. GUM's non-commercial genres\n"
    "are left out unless --all-genres is given (see models/README.md).",
    {
        {"--train", "FILE", "a CoNLL-U training file (repeat for several)", true},
        {"--dev", "FILE", "a CoNLL-U development file: reported each epoch, picks the best epoch"},
        {"-o", "MODEL", "where to write the model (e.g. models/tokenizer.kgm)"},
        {"--output", "MODEL", "same as -o"},
        {"--seed", "N", "seed of the document order in each epoch (default 1)"},
        {"--epochs", "N", "passes over the training data (default 8)"},
        {"--prune", "X", "drop averaged weights of magnitude <= X (default 0)"},
        {"--all-genres", "", "keep GUM's non-commercial genres (the model may then not be shipped)"},
    },
    0,
    0,
};

}  // namespace

int train_tokenizer(const Args& raw) {
  const ParsedArgs args = parse_args(kSpec, raw);
  if (args.help_requested()) {
    std::cout << help_text(kSpec);
    return 0;
  }
  const std::vector<std::string> train_paths = args.values("--train");
  const std::string output = args.value_or("-o", args.value_or("--output", ""));
  if (train_paths.empty() || output.empty()) {
    throw InputError("kg train tokenizer: --train FILE and -o MODEL are required "
                     "(see `kg train tokenizer --help`)");
  }
  extract::TrainingDataOptions data;
  if (args.has("--all-genres")) data.excluded_genres.clear();
  extract::TokenizerTrainOptions options;
  options.seed = static_cast<uint64_t>(args.integer("--seed", 1, 0, 1LL << 62));
  options.epochs = static_cast<int>(args.integer("--epochs", options.epochs, 1, 1000));
  options.prune = static_cast<float>(args.real("--prune", 0.0, 0.0, 1e6));
  options.progress = [](std::string_view line) { std::cerr << line << std::endl; };

  const auto train = extract::load_training_data(train_paths, data);
  std::vector<extract::TreebankSentence> dev;
  if (auto dev_path = args.value("--dev")) dev = extract::read_conllu_file(*dev_path);
  std::cerr << "tokenizer: " << train.size() << " training sentences, " << dev.size()
            << " dev sentences" << std::endl;
  const auto tokenizer = extract::train_tokenizer(train, dev, options);
  tokenizer->save(output);
  std::cerr << "tokenizer: wrote " << output << " (" << tokenizer->num_features()
            << " features)" << std::endl;
  return 0;
}

}  // namespace kg::cli
