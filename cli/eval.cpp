// kg eval [KIND] MODEL... FILE.conllu: scores models on a treebank with the CoNLL 2018
// shared-task metrics. The kinds of the models (their file headers) say which stages run:
// with a tokenizer the pipeline starts from the raw text rebuilt from the treebank (documents
// and paragraphs as it marks them); without one it starts from the gold tokens.

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <memory>

#include "cli/args.h"
#include "cli/commands.h"
#include "extract/conllu.h"
#include "extract/error.h"
#include "extract/evaluation.h"
#include "extract/model_file.h"
#include "extract/parser.h"
#include "extract/tagger.h"
#include "extract/tokenizer.h"
#include "extract/treebank_text.h"

namespace kg::cli {

namespace {

using Annotate = std::function<void(extract::Document&)>;

// One pipeline stage: the model kind it reads and how to load it. Rows are in pipeline order;
// a new model kind (tagger, parser, ner) adds a row here.
struct Stage {
  std::string_view kind;
  Annotate (*load)(const std::string& path);
};

Annotate load_tokenizer(const std::string& path) {
  std::shared_ptr<const extract::Tokenizer> model = extract::Tokenizer::load(path);
  return [model](extract::Document& doc) { model->annotate(doc); };
}

Annotate load_tagger(const std::string& path) {
  std::shared_ptr<const extract::Tagger> model = extract::Tagger::load(path);
  return [model](extract::Document& doc) {
    for (extract::Sentence& s : doc.sentences) model->annotate(s);
  };
}

Annotate load_parser(const std::string& path) {
  std::shared_ptr<const extract::Parser> model = extract::Parser::load(path);
  return [model](extract::Document& doc) {
    for (extract::Sentence& s : doc.sentences) model->annotate(s);
  };
}

const std::vector<Stage>& stages() {
  static const std::vector<Stage> table = {
      {"tokenizer", load_tokenizer},
      {"tagger", load_tagger},
      {"parser", load_parser},
  };
  return table;
}

const CommandSpec kSpec = {
    "kg eval",
    "[KIND] MODEL... FILE.conllu [--json] [--output FILE.conllu]",
    "Runs the given models (a tokenizer, ...; their kinds are read from the files) on\n"
    "FILE.conllu and prints the CoNLL 2018 shared-task metrics: tokens, sentences, words\n"
    "(precision, recall, F1), UPOS, XPOS, lemmas, UAS and LAS (F1 and aligned accuracy; LAS\n"
    "ignores relation subtypes). With a tokenizer the text is rebuilt from the treebank and\n"
    "segmented from scratch; without one the gold tokens are used, and what no given model\n"
    "predicts stays gold (a parser alone reads the gold tags). An optional leading KIND\n"
    "(tokenizer, tagger, parser, ner) checks that such a model is among them; `kg eval ner`\n"
    "scores named entities instead (kg eval ner --help).",
    {
        {"--json", "", "print the metrics as one JSON object (percentages)"},
        {"--output", "FILE", "also write the system's sentences as CoNLL-U"},
    },
    2,
    -1,
};

bool has_kind(const std::vector<std::string>& kinds, std::string_view kind) {
  return std::find(kinds.begin(), kinds.end(), kind) != kinds.end();
}

// The gold sentences without what the given stages predict, to start from gold tokens: what
// no stage predicts stays gold (a parser without a tagger reads the gold tags).
extract::Sentence strip(const extract::Sentence& gold, const std::vector<std::string>& kinds) {
  extract::Sentence s = gold;
  const bool tagger = has_kind(kinds, "tagger");
  const bool parser = has_kind(kinds, "parser");
  for (extract::Token& t : s.tokens) {
    if (tagger) {
      t.lemma.clear();
      t.upos = extract::Upos::kX;
      t.xpos = extract::Xpos::kNone;
    }
    if (parser) {
      t.head = -1;
      t.deprel = extract::Deprel::kDep;
    }
  }
  if (has_kind(kinds, "ner")) s.entities.clear();
  return s;
}

}  // namespace

int eval(const Args& raw) {
  // Named entities have their own metric (span-level P/R/F1) and gold formats (cli/eval_ner.cpp).
  if (!raw.empty() && raw[0] == "ner") return eval_ner(Args(raw.begin() + 1, raw.end()));
  const ParsedArgs args = parse_args(kSpec, raw);
  if (args.help_requested()) {
    std::cout << help_text(kSpec);
    return 0;
  }
  std::vector<std::string> positionals = args.positionals();
  std::string wanted_kind;
  static const std::vector<std::string_view> kKinds = {"tokenizer", "tagger", "parser", "ner"};
  if (std::find(kKinds.begin(), kKinds.end(), positionals.front()) != kKinds.end() &&
      !std::filesystem::exists(positionals.front())) {
    wanted_kind = positionals.front();
    positionals.erase(positionals.begin());
  }
  if (positionals.size() < 2) {
    throw InputError("kg eval: expected MODEL... FILE.conllu (see `kg eval --help`)");
  }
  const std::string treebank = positionals.back();
  positionals.pop_back();

  // Models by stage, checked before any work.
  std::vector<Annotate> pipeline(stages().size());
  std::vector<std::string> kinds;
  for (const std::string& path : positionals) {
    const std::string kind = extract::model_kind(path);
    auto it = std::find_if(stages().begin(), stages().end(),
                           [&](const Stage& s) { return s.kind == kind; });
    if (it == stages().end()) {
      throw InputError(path + ": kg eval cannot run a '" + kind + "' model yet");
    }
    const size_t index = static_cast<size_t>(it - stages().begin());
    if (pipeline[index]) throw InputError(path + ": a second " + kind + " model was given");
    pipeline[index] = it->load(path);
    kinds.push_back(kind);
  }
  if (!wanted_kind.empty() && !has_kind(kinds, wanted_kind)) {
    throw InputError("kg eval " + wanted_kind + ": none of the models is a " + wanted_kind +
                     " model");
  }
  const bool raw_text = has_kind(kinds, "tokenizer");

  const auto documents = extract::treebank_documents(extract::read_conllu_file(treebank));
  std::vector<extract::Sentence> gold;
  std::vector<extract::Sentence> system;
  for (const extract::TreebankDocument& d : documents) {
    extract::Document doc = d.document;
    if (!raw_text) {
      for (const extract::Sentence& s : d.gold) doc.sentences.push_back(strip(s, kinds));
    }
    for (const Annotate& stage : pipeline) {
      if (stage) stage(doc);
    }
    gold.insert(gold.end(), d.gold.begin(), d.gold.end());
    for (extract::Sentence& s : doc.sentences) system.push_back(std::move(s));
  }
  if (auto output = args.value("--output")) {
    std::ofstream out(*output, std::ios::binary);
    if (!out) throw Error(*output + ": cannot write the file");
    for (const extract::Sentence& s : system) extract::write_conllu(out, s);
    if (!out) throw Error(*output + ": write failed (disk full?)");
  }
  std::cout << extract::format_evaluation(extract::evaluate(gold, system), args.has("--json"));
  return 0;
}

}  // namespace kg::cli
