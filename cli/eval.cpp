// `kg eval MODEL... FILE.conllu`: runs the given models on a treebank and prints the CoNLL 2018
// shared-task metrics (extract/evaluation.h). The stages are chosen by the kinds of the model
// files; without a tokenizer model the gold tokenization is used.

#include <iostream>

#include "cli/args.h"
#include "cli/commands.h"
#include "extract/conllu.h"
#include "extract/error.h"
#include "extract/evaluation.h"
#include "extract/model_file.h"
#include "extract/pipeline.h"

namespace kg::cli {

namespace {

const CommandSpec kSpec = {
    "kg eval",
    "[KIND] MODEL... FILE.conllu [--json]",
    "Evaluates kg's models on a CoNLL-U treebank with the CoNLL 2018 shared-task metrics\n"
    "(tokens, sentences, words, UPOS, XPOS, lemmas, UAS, LAS; LAS ignores relation subtypes).\n"
    "The stages run are those of the MODEL files given (their kind is read from the file):\n"
    "a tagger model (models/tagger.kgm) tags and lemmatizes. Without a tokenizer model the\n"
    "words of FILE are used (gold tokenization) and everything else is predicted. The\n"
    "optional leading KIND (tokenizer, tagger, parser, ner) checks that a model of that kind\n"
    "is among those given.",
    {
        {"--json", "", "print a JSON object of percentages instead of a table"},
    },
    2,
    -1};

}  // namespace

int eval(const Args& args) {
  const ParsedArgs parsed = parse_args(kSpec, args);
  if (parsed.help_requested()) {
    std::cout << help_text(kSpec);
    return 0;
  }
  std::vector<std::string> positionals = parsed.positionals();
  std::string wanted_kind;
  if (positionals.size() >= 3) {
    for (const char* kind : {"tokenizer", "tagger", "parser", "ner"}) {
      if (positionals.front() == kind) wanted_kind = kind;
    }
    if (!wanted_kind.empty()) positionals.erase(positionals.begin());
  }
  const std::string gold_path = positionals.back();

  extract::PipelineOptions options;
  options.tokenize = false;
  options.tag = false;
  for (size_t i = 0; i + 1 < positionals.size(); ++i) {
    const std::string& path = positionals[i];
    const std::string kind = extract::model_kind(path);
    if (kind == "tagger") {
      if (options.tag) throw InputError("kg eval: two tagger models given; pass one");
      options.tag = true;
      options.tagger_model = path;
    } else {
      throw InputError("kg eval: " + path + " is a " + kind +
                       " model, which this build of kg cannot evaluate yet");
    }
  }
  if (wanted_kind == "tagger" && !options.tag) {
    throw InputError("kg eval tagger: none of the models given is a tagger model");
  }
  const extract::Pipeline pipeline = extract::Pipeline::load(options);

  std::vector<extract::Sentence> gold;
  std::vector<extract::Sentence> system;
  for (extract::TreebankSentence& t : extract::read_conllu_file(gold_path)) {
    extract::Sentence s = t.sentence;
    extract::clear_annotations(s);
    pipeline.annotate(s);
    system.push_back(std::move(s));
    gold.push_back(std::move(t.sentence));
  }
  std::cout << extract::format_evaluation(extract::evaluate(gold, system), parsed.has("--json"));
  return 0;
}

}  // namespace kg::cli
