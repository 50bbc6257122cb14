// kg build: extract + merge + store in one run. Reads articles, analyses them in parallel and
// adds their results to the database, which is replaced atomically: a failed run (bad input
// anywhere, a full disk) leaves it as it was.

#include <iostream>

#include "cli/args.h"
#include "cli/commands.h"
#include "cli/extraction.h"
#include "export/merge.h"

namespace kg::cli {

namespace {

CommandSpec spec() {
  CommandSpec s{
      "kg build",
      "INPUT... [--db FILE] [--threads N] [--replace]",
      "Reads the articles of INPUT (files, folders, \"-\" for standard input; .txt, .json,\n"
      ".jsonl), finds their entities and facts, and adds them to the database, creating it\n"
      "if needed; then recomputes the cross-document graph. The same as kg extract followed\n"
      "by kg merge, in one run. The database is replaced only when the whole run succeeded,\n"
      "and its content is the same whatever the thread count.",
      {
          {"--db", "FILE", "the database to create or add to (default kg.db)"},
          {"--replace", "", "replace stored documents whose id comes again with different content"},
      },
      1,
      -1,
  };
  for (const OptionSpec& o : extraction_option_specs()) s.options.push_back(o);
  return s;
}

}  // namespace

int run_build(const Args& args) {
  const CommandSpec kSpec = spec();
  const ParsedArgs parsed = parse_args(kSpec, args);
  if (parsed.help_requested()) {
    std::cout << help_text(kSpec);
    return 0;
  }
  const ExtractionRun run = extraction_run(parsed);
  const std::string db = parsed.value_or("--db", "kg.db");
  exporter::MergeOptions options;
  options.replace = parsed.has("--replace");
  std::vector<extract::DocumentResult> results;
  std::vector<std::string> origins;
  run_extraction(run, "kg build", [&](auto& batch) {
    for (extract::DocumentResult& r : batch) {
      origins.push_back(r.document.name);
      results.push_back(std::move(r));
    }
  });
  const exporter::MergeReport report =
      exporter::merge_documents(std::move(results), std::move(origins), db, options);
  for (const std::string& id : report.unchanged) {
    std::cerr << "kg build: note: document '" << id
              << "' is already stored with the same content; skipped\n";
  }
  for (const std::string& id : report.replaced) {
    std::cerr << "kg build: note: document '" << id << "' replaced\n";
  }
  std::cerr << "kg build: " << report.added.size() << " document(s) added, "
            << report.replaced.size() << " replaced, " << report.unchanged.size()
            << " unchanged; " << db << (report.written ? " now holds " : " unchanged: ")
            << report.documents << " documents, " << report.nodes << " entities, "
            << report.edges << " edges\n";
  return 0;
}

}  // namespace kg::cli
