// kg eval ner: scores a named-entity model on a gold file (GUM CoNLL-U or UNER IOB2).

#include <iostream>

#include "cli/args.h"
#include "cli/commands.h"
#include "extract/ner_train.h"

namespace kg::cli {

using namespace kg::extract;

namespace {

const CommandSpec kSpec = {
    "kg eval ner",
    "MODEL FILE [--json] [--tags FILE] [--beam N]",
    "Runs the named-entity model MODEL over the words of FILE and prints span-level exact-match\n"
    "micro precision, recall and F1 per type and overall, as seqeval computes them. FILE is GUM\n"
    "CoNLL-U (gold names derived from its Entity= annotation, all seven types) or UNER IOB2\n"
    "(PERSON, ORG, LOCATION as PER, ORG, LOC).",
    {
        {"--json", "", "print a JSON object instead of the table"},
        {"--tags", "FILE",
         "copy tags, lemmas and tree from this CoNLL-U file (same sent_id and words), e.g. the "
         "tagger's output; repeatable",
         true},
        {"--beam", "N", "decode with a beam of N (default 1: greedy)"},
        {"--no-vote", "", "do not unify the types of a name's occurrences in a document"},
        {"--no-truecase", "", "read sentences written all in lower case as they are"},
        {"--keep-person-modifiers", "",
         "keep a one-word PERSON before a lower-case common noun a PERSON"},
        {"--name-typer-weight", "X",
         "weight of the name classifier's scores in the type vote (default 0.5; 0: not used)"},
    },
    2,
    2,
};

}  // namespace

int eval_ner(const Args& args) {
  const ParsedArgs a = parse_args(kSpec, args);
  if (a.help_requested()) {
    std::cout << help_text(kSpec);
    return 0;
  }
  NerOptions options;
  options.beam = static_cast<int>(a.integer("--beam", 1, 1, 64));
  options.document_vote = !a.has("--no-vote");
  options.truecase = !a.has("--no-truecase");
  options.no_person_modifiers = !a.has("--keep-person-modifiers");
  options.name_typer_weight =
      static_cast<float>(a.real("--name-typer-weight", options.name_typer_weight, 0.0, 1e6));
  const auto ner = Ner::load(a.positionals()[0], options);
  NerCorpusOptions corpus_options;
  corpus_options.tags_paths = a.values("--tags");
  const NerCorpus gold = read_ner_corpus(a.positionals()[1], corpus_options);
  std::cout << format_ner_evaluation(evaluate_ner(*ner, gold), a.has("--json"));
  return 0;
}

}  // namespace kg::cli
