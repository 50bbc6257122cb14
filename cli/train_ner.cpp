// kg train ner: trains the named-entity recogniser (extract/ner_train.h) and writes its model.

#include <iostream>

#include "cli/args.h"
#include "cli/commands.h"
#include "extract/error.h"
#include "extract/ner_train.h"
#include "extract/word_shape.h"

namespace kg::cli {

using namespace kg::extract;

namespace {

const CommandSpec kSpec = {
    "kg train ner",
    "--train FILE... [--dev FILE] -o MODEL [options]",
    "Trains the named-entity recogniser on CoNLL-U files with GUM's Entity= mention annotation\n"
    "(names derived as models/README.md describes) and writes the model of the epoch that scores\n"
    "best on --dev (GUM CoNLL-U or UNER IOB2; without --dev, the last epoch). Word clusters and\n"
    "capitalisation statistics come from the words of --train and --unlabelled. Progress goes\n"
    "to stderr; deterministic for a given --seed.",
    {
        {"--train", "FILE", "CoNLL-U training file with Entity= annotation (repeatable)", true},
        {"--dev", "FILE", "development file that picks the best epoch (CoNLL-U or IOB2)"},
        {"--output", "MODEL", "where to write the model (e.g. models/ner.kgm)"},
        {"-o", "MODEL", "same as --output"},
        {"--tags", "FILE",
         "CoNLL-U analyses (e.g. jackknifed tagger output) copied onto the --train and --dev "
         "sentences with the same sent_id and words, after the names are derived (repeatable)",
         true},
        {"--unlabelled", "FILE",
         "CoNLL-U file whose words (no annotation used) add to the clustering text (repeatable)",
         true},
        {"--clusters", "FILE", "read word clusters from FILE instead of computing them"},
        {"--write-clusters", "FILE", "also write the computed word clusters to FILE"},
        {"--cluster-count", "N", "Brown clusters to build (default 256)"},
        {"--epochs", "N", "training epochs (default 12)"},
        {"--seed", "N", "random seed for shuffling and augmentation (default 1)"},
        {"--lowercase-fraction", "X",
         "share of documents trained lower-cased each epoch (default 0.2)"},
        {"--untagged-fraction", "X",
         "share of documents trained without POS tags each epoch (default 0)"},
        {"--unparsed-fraction", "X",
         "share of documents trained without dependency trees each epoch (default 0)"},
        {"--word-dropout", "X",
         "share of name words trained without their identity features (default 0)"},
        {"--mention-replacement", "X",
         "share of each document's names replaced each epoch by another training name of the "
         "same type (default 0)"},
        {"--ensemble", "N",
         "train N models (seeds seed .. seed+N-1) and ship the mean of their weights (default 1)"},
        {"--self-training", "N",
         "self-training rounds over the --unlabelled sentences (silver gazetteer; default 0)"},
        {"--silver-sentences", "X",
         "share of --unlabelled sentences added as silver training data (default 0)"},
        {"--name-typer-epochs", "N",
         "epochs of the name classifier trained after the sequence model (default 10; 0: none)"},
        {"--name-typer-dropout", "X",
         "share of names the classifier sees without their own words each epoch (default 0.6)"},
        {"--name-typer-for", "MODEL",
         "do not train a sequence model: add a name classifier to MODEL's and write the "
         "result to --output"},
        {"--gold-history", "",
         "train with the gold classes of the previous words as history (teacher forcing)"},
        {"--prune", "X", "drop averaged weights below X in absolute value (default 0)"},
        {"--split-hyphens", "",
         "cut the --train and --dev CoNLL-U words at their hyphens as kg's tokenizer does "
         "(\"Coca - Cola\"), so the model learns names as it meets them"},
        {"--all-genres", "",
         "keep GUM's non-commercial genres (essay, fiction, letter, podcast, whow); the model "
         "is then CC BY-NC-SA only"},
    },
    0,
    0,
};

}  // namespace

int train_ner(const Args& args) {
  const ParsedArgs a = parse_args(kSpec, args);
  if (a.help_requested()) {
    std::cout << help_text(kSpec);
    return 0;
  }
  const std::vector<std::string> train_paths = a.values("--train");
  const auto dev_path = a.value("--dev");
  const auto output = a.has("-o") ? a.value("-o") : a.value("--output");
  if (train_paths.empty() || !output) {
    throw InputError("kg train ner: --train and -o are required (see kg train ner --help)");
  }
  NerTrainOptions options;
  options.epochs = static_cast<int>(a.integer("--epochs", options.epochs, 1, 1000));
  options.seed = static_cast<uint64_t>(a.integer("--seed", 1, 0, 1LL << 62));
  options.lowercase_fraction =
      a.real("--lowercase-fraction", options.lowercase_fraction, 0.0, 1.0);
  options.untagged_fraction = a.real("--untagged-fraction", options.untagged_fraction, 0.0, 1.0);
  options.unparsed_fraction = a.real("--unparsed-fraction", options.unparsed_fraction, 0.0, 1.0);
  options.word_dropout = a.real("--word-dropout", options.word_dropout, 0.0, 1.0);
  options.mention_replacement =
      a.real("--mention-replacement", options.mention_replacement, 0.0, 1.0);
  options.ensemble = static_cast<int>(a.integer("--ensemble", options.ensemble, 1, 32));
  options.self_training_rounds =
      static_cast<int>(a.integer("--self-training", options.self_training_rounds, 0, 10));
  options.silver_sentence_share =
      a.real("--silver-sentences", options.silver_sentence_share, 0.0, 1.0);
  options.gold_history = a.has("--gold-history");
  const std::optional<std::string> typer_for = a.value("--name-typer-for");
  options.name_typer_epochs = static_cast<int>(a.integer("--name-typer-epochs", 10, 0, 1000));
  options.name_typer_word_dropout =
      a.real("--name-typer-dropout", options.name_typer_word_dropout, 0.0, 1.0);
  if (typer_for && options.name_typer_epochs == 0) {
    throw InputError("kg train ner: --name-typer-for needs --name-typer-epochs 1 or more");
  }
  options.prune = static_cast<float>(a.real("--prune", options.prune, 0.0, 1e6));
  options.brown.clusters =
      static_cast<int>(a.integer("--cluster-count", options.brown.clusters, 2, 4096));
  options.log = [](const std::string& line) { std::cerr << line << std::endl; };

  NerCorpusOptions corpus_options;
  corpus_options.selection = TrainingDataOptions{};
  if (a.has("--all-genres")) corpus_options.selection.excluded_genres.clear();
  corpus_options.tags_paths = a.values("--tags");
  corpus_options.split_hyphens = a.has("--split-hyphens");
  const NerCorpus train = read_ner_corpora(train_paths, corpus_options);
  NerCorpusOptions dev_options;
  dev_options.tags_paths = corpus_options.tags_paths;
  dev_options.split_hyphens = corpus_options.split_hyphens;
  const NerCorpus dev = dev_path ? read_ner_corpus(*dev_path, dev_options) : NerCorpus{};

  if (typer_for) {
    const std::unique_ptr<Ner> ner = Ner::load(*typer_for);
    extract::add_name_typer(*ner, train, dev, options);
    ner->save(*output);
    std::cerr << "ner: wrote " << *output << std::endl;
    return 0;
  }
  std::vector<std::string> raw_paths = train_paths;
  for (const std::string& p : a.values("--unlabelled")) raw_paths.push_back(p);
  const auto raw = read_raw_sentences(raw_paths, corpus_options.selection);
  std::vector<BrownCluster> clusters;
  if (auto path = a.value("--clusters")) {
    clusters = read_clusters(*path);
  } else {
    std::vector<std::vector<std::string>> folded;
    folded.reserve(raw.size());
    for (const auto& s : raw) {
      std::vector<std::string> words;
      for (const std::string& w : s) words.push_back(extract::fold_case(w));
      folded.push_back(std::move(words));
    }
    std::cerr << "ner: clustering the words of " << raw.size() << " sentences into "
              << options.brown.clusters << " Brown clusters" << std::endl;
    clusters = brown_clusters(folded, options.brown, [](size_t done, size_t total) {
      std::cerr << "ner: clustered " << done << " of " << total << " words" << std::endl;
    });
    if (auto out = a.value("--write-clusters")) write_clusters(*out, clusters);
  }
  NerCorpus unlabelled;
  if (options.self_training_rounds > 0) {
    std::string document;
    uint32_t number = 0;
    for (TreebankSentence& t :
         load_training_data(a.values("--unlabelled"), corpus_options.selection)) {
      if (!unlabelled.sentences.empty() && t.document_start) ++number;
      unlabelled.sentences.push_back(std::move(t.sentence));
      unlabelled.documents.push_back(number);
    }
  }
  const std::unique_ptr<Ner> ner =
      extract::train_ner(train, dev, raw, clusters, unlabelled, options);
  ner->save(*output);
  std::cerr << "ner: wrote " << *output << std::endl;
  return 0;
}

}  // namespace kg::cli
