#include "cli/extraction.h"

#include <iostream>

#include "cli/input_options.h"
#include "extract/cleaner.h"
#include "extract/error.h"
#include "extract/parallel_for.h"

namespace kg::cli {

namespace {

// The analysis stages in order: boilerplate cleaning, then kg's statistical models
// (tokenizer, tagger, parser, NER). Thread-safe: every stage's entry point is const.
extract::Annotator load_annotator() {
  throw InputError(
      "reading articles needs kg's tagger, parser and NER models (models/tagger.kgm, "
      "parser.kgm, ner.kgm), which this build of kg does not have yet; build from a branch "
      "where they have landed");
}

}  // namespace

std::vector<OptionSpec> extraction_option_specs() {
  std::vector<OptionSpec> out = {
      {"--threads", "N",
       "documents analysed at once (default: the number of CPU cores); the output is the same "
       "for every N"},
  };
  for (const OptionSpec& o : input_option_specs()) out.push_back(o);
  return out;
}

ExtractionRun extraction_run(const ParsedArgs& args) {
  ExtractionRun run;
  run.inputs = args.positionals();
  run.read = read_options_from(args);
  run.corpus.threads =
      static_cast<int>(args.integer("--threads", extract::hardware_threads(), 1, 256));
  return run;
}

size_t run_extraction(const ExtractionRun& run, std::string_view command,
                      const std::function<void(std::vector<extract::DocumentResult>&)>& on_batch) {
  extract::CorpusReader reader(run.inputs, run.read);
  const extract::Annotator stages = load_annotator();
  const extract::Cleaner cleaner;
  const extract::Annotator annotate = [&](extract::Document& d) {
    cleaner.clean(d);
    stages(d);
  };
  const extract::Extractor extractor;
  const size_t documents =
      extract::extract_corpus(reader, annotate, extractor, run.corpus, on_batch);
  for (const extract::SkippedInput& s : reader.skipped()) {
    std::cerr << command << ": note: " << s.name << " skipped: " << s.reason << '\n';
  }
  return documents;
}

}  // namespace kg::cli
