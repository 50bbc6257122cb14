// kg parse: runs kg's analysis stages over a file and writes the annotated sentences.
// Minimal version (NER only, over CoNLL-U input) until the pipeline with the tokenizer, tagger
// and parser lands; its shape (--input, --format, --model) is the one DESIGN.md fixes.

#include <fstream>
#include <iostream>

#include "cli/args.h"
#include "cli/commands.h"
#include "extract/conllu.h"
#include "extract/error.h"
#include "extract/iob2.h"
#include "extract/model_file.h"
#include "extract/ner.h"

namespace kg::cli {

namespace {

const CommandSpec kSpec = {
    "kg parse",
    "FILE [--input conllu] [--format conllu|iob2] [--all-types] [--model FILE...]",
    "Annotates the sentences of FILE ('-' for stdin) with kg's models and writes them to stdout.\n"
    "--format iob2 writes Universal NER's five-column layout (PER, ORG, LOC) over the given\n"
    "words, so outside scorers can score kg's named entities.",
    {
        {"--input", "FORMAT", "input format: conllu (words given; default)"},
        {"--format", "FORMAT", "output format: conllu (default) or iob2"},
        {"--all-types", "", "iob2: write every kg type (B-NORP, B-DATE, ...), not only PER/ORG/LOC"},
        {"--model", "FILE",
         "a model file to use instead of the shipped one of its kind (repeatable)", true},
    },
    1,
    1,
};

std::string default_model(const std::string& kind) {
  return std::string(KG_MODELS_DIR) + "/" + kind + ".kgm";
}

}  // namespace

int parse(const Args& args) {
  const ParsedArgs a = parse_args(kSpec, args);
  if (a.help_requested()) {
    std::cout << help_text(kSpec);
    return 0;
  }
  a.choice("--input", "conllu", {"conllu"});
  const std::string format = a.choice("--format", "conllu", {"conllu", "iob2"});
  std::string ner_path = default_model("ner");
  for (const std::string& m : a.values("--model")) {
    if (extract::model_kind(m) == "ner") ner_path = m;
  }
  const auto ner = extract::Ner::load(ner_path);

  const std::string& path = a.positionals()[0];
  extract::ConlluReadOptions read_options;
  read_options.require_tree = false;
  std::vector<extract::TreebankSentence> sentences;
  if (path == "-") {
    sentences = extract::read_conllu(std::cin, "<stdin>", read_options);
  } else {
    sentences = extract::read_conllu_file(path, read_options);
  }
  // Documents ("# newdoc id") are annotated as wholes: names recur within a document.
  for (size_t first = 0; first < sentences.size();) {
    size_t last = first + 1;
    while (last < sentences.size() && !sentences[last].document_start) ++last;
    std::vector<extract::Sentence> document;
    for (size_t k = first; k < last; ++k) document.push_back(std::move(sentences[k].sentence));
    ner->annotate(document);
    for (const extract::Sentence& s : document) {
      if (format == "iob2") {
        extract::Iob2WriteOptions iob2_options;
        iob2_options.uner_types_only = !a.has("--all-types");
        extract::write_iob2(std::cout, s, iob2_options);
      } else {
        extract::write_conllu(std::cout, s);
      }
    }
    first = last;
  }
  if (!std::cout.flush()) throw Error("kg parse: cannot write to stdout");
  return 0;
}

}  // namespace kg::cli
