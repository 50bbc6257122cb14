#include "cli/extraction.h"

#include <iostream>
#include <memory>

#include "cli/input_options.h"
#include "cli/models.h"
#include "extract/cleaner.h"
#include "extract/error.h"
#include "extract/parallel_for.h"
#include "extract/pipeline.h"

namespace kg::cli {

namespace {

// The analysis stages in order: boilerplate cleaning, then kg's statistical models
// (tokenizer, tagger, parser, NER). Thread-safe: every stage's entry point is const.
extract::Annotator load_annotator(const std::string& model_dir) {
  extract::PipelineOptions options;
  options.model_dir = model_dir;
  options.recognise_names = true;
  auto pipeline = std::make_shared<const extract::Pipeline>(extract::Pipeline::load(options));
  auto cleaner = std::make_shared<const extract::Cleaner>();
  return [pipeline, cleaner](extract::Document& d) {
    cleaner->clean(d);
    pipeline->annotate(d);
  };
}

}  // namespace

std::vector<OptionSpec> extraction_option_specs() {
  std::vector<OptionSpec> out = {
      {"--threads", "N",
       "documents analysed at once (default: the number of CPU cores); the output is the same "
       "for every N"},
  };
  for (const OptionSpec& o : input_option_specs()) out.push_back(o);
  out.push_back(kModelsOption);
  return out;
}

ExtractionRun extraction_run(const ParsedArgs& args) {
  ExtractionRun run;
  run.inputs = args.positionals();
  run.read = read_options_from(args);
  run.model_dir = model_dir(args);
  run.corpus.threads =
      static_cast<int>(args.integer("--threads", extract::hardware_threads(), 1, 256));
  return run;
}

size_t run_extraction(const ExtractionRun& run, std::string_view command,
                      const std::function<void(std::vector<extract::DocumentResult>&)>& on_batch) {
  extract::CorpusReader reader(run.inputs, run.read);
  const extract::Annotator annotate = load_annotator(run.model_dir);
  const extract::Extractor extractor;
  const size_t documents =
      extract::extract_corpus(reader, annotate, extractor, run.corpus, on_batch);
  for (const extract::SkippedInput& s : reader.skipped()) {
    std::cerr << command << ": note: " << s.name << " skipped: " << s.reason << '\n';
  }
  return documents;
}

}  // namespace kg::cli
