// kg extract: the map step. Reads articles, analyses them and writes one result per document
// (mentions, entities, facts with their evidence) as JSON Lines, the map format that
// `kg merge` reads (docs/formats.md).

#include <iostream>

#include "cli/args.h"
#include "cli/commands.h"
#include "cli/extraction.h"
#include "export/atomic_file.h"
#include "extract/map_format.h"

namespace kg::cli {

namespace {

CommandSpec spec() {
  CommandSpec s{
      "kg extract",
      "INPUT... [-o FILE.jsonl] [--threads N] [--tokens]",
      "Reads the articles of INPUT (files, folders, \"-\" for standard input; .txt, .json,\n"
      ".jsonl), finds their entities and facts, and writes one JSON line per document in\n"
      "input order: the map format that kg merge reads (docs/formats.md). The output is the\n"
      "same whatever the thread count. A FILE is replaced only when every document is done.",
      {
          {"-o", "FILE", "where to write (default -: standard output)"},
          {"--tokens", "", "also write each sentence's tokens, tags and tree (for debugging)"},
      },
      1,
      -1,
  };
  for (const OptionSpec& o : extraction_option_specs()) s.options.push_back(o);
  return s;
}

}  // namespace

int run_extract(const Args& args) {
  const CommandSpec kSpec = spec();
  const ParsedArgs parsed = parse_args(kSpec, args);
  if (parsed.help_requested()) {
    std::cout << help_text(kSpec);
    return 0;
  }
  const ExtractionRun run = extraction_run(parsed);
  extract::MapWriteOptions write;
  write.tokens = parsed.has("--tokens");
  exporter::AtomicFile out(parsed.value_or("-o", "-"));
  std::string buffer;
  const size_t documents = run_extraction(run, "kg extract", [&](auto& results) {
    for (const extract::DocumentResult& r : results) {
      buffer.clear();
      extract::append_map_record(r, buffer, write);
      out.stream() << buffer;
    }
  });
  out.commit();
  std::cerr << "kg extract: " << documents << " document(s)\n";
  return 0;
}

}  // namespace kg::cli
