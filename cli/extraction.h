#pragma once
// What `kg extract` and `kg build` share: the options that say how articles are read and
// analysed, and the run that turns them into per-document results (the map step), declared
// once so the two commands cannot drift apart.

#include <functional>
#include <string>
#include <vector>

#include "cli/args.h"
#include "extract/corpus_extraction.h"
#include "extract/reader.h"

namespace kg::cli {

// --threads, --input-format, --invalid-utf8, --models.
std::vector<OptionSpec> extraction_option_specs();

struct ExtractionRun {
  std::vector<std::string> inputs;
  extract::ReadOptions read;
  std::string model_dir;  // where the model files are (cli/models.h)
  extract::CorpusExtractionOptions corpus;
};

// The run the options ask for; throws kg::InputError for a bad value.
ExtractionRun extraction_run(const ParsedArgs& args);

// Reads the inputs (checking they exist before any model is loaded), loads kg's analysis
// stages, and calls `on_batch` with the results of each batch of documents in input order.
// Skipped inputs are reported on stderr as notes, prefixed by `command`. Returns the number
// of documents.
size_t run_extraction(const ExtractionRun& run, std::string_view command,
                      const std::function<void(std::vector<extract::DocumentResult>&)>& on_batch);

}  // namespace kg::cli
