// kg merge: the reduce step. Reads map files (JSON Lines from `kg extract`), adds their
// documents to the database and recomputes the cross-document graph.

#include <sys/resource.h>

#include <chrono>
#include <iomanip>
#include <iostream>

#include "cli/args.h"
#include "cli/commands.h"
#include "export/merge.h"

namespace kg::cli {

namespace {

const CommandSpec kSpec{
    "kg merge",
    "FILE.jsonl... [--db FILE] [--replace] [--verbose]",
    "Adds the per-document results of the map files (\"-\" reads standard input) to the\n"
    "database, creating it if needed, and recomputes the cross-document graph. A document id\n"
    "that is already stored with the same content is skipped with a note; with different\n"
    "content it is an error unless --replace is given. The database is replaced atomically:\n"
    "a failed run leaves it as it was.",
    {
        {"--db", "FILE", "the database to create or add to (default kg.db)"},
        {"--replace", "", "replace stored documents whose id comes again with different content"},
        {"--verbose", "", "print each stage of the run on stderr"},
    },
    1,
    -1,
};

}  // namespace

int run_merge(const Args& args) {
  const ParsedArgs parsed = parse_args(kSpec, args);
  if (parsed.help_requested()) {
    std::cout << help_text(kSpec);
    return 0;
  }
  exporter::MergeOptions options;
  options.replace = parsed.has("--replace");
  if (parsed.has("--verbose")) {
    // Wall and CPU seconds since the start, so a slow stage shows even on a busy machine.
    options.on_stage = [start = std::chrono::steady_clock::now()](std::string_view stage) {
      const std::chrono::duration<double> wall = std::chrono::steady_clock::now() - start;
      rusage usage{};
      getrusage(RUSAGE_SELF, &usage);
      const double cpu = static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
                         static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
      std::cerr << "kg merge: [" << std::fixed << std::setprecision(1) << wall.count() << " s, cpu "
                << cpu << " s] " << stage << '\n';
    };
  }
  const std::string db = parsed.value_or("--db", "kg.db");
  const exporter::MergeReport report = exporter::merge_maps(parsed.positionals(), db, options);
  for (const std::string& id : report.unchanged) {
    std::cerr << "kg merge: note: document '" << id
              << "' is already stored with the same content; skipped\n";
  }
  for (const std::string& id : report.repeated) {
    std::cerr << "kg merge: note: document '" << id
              << "' is given more than once with the same content; used once\n";
  }
  for (const std::string& id : report.replaced) {
    std::cerr << "kg merge: note: document '" << id << "' replaced\n";
  }
  std::cerr << "kg merge: " << report.added.size() << " document(s) added, "
            << report.replaced.size() << " replaced, " << report.unchanged.size()
            << " unchanged; " << db << (report.written ? " now holds " : " unchanged: ")
            << report.documents << " documents, " << report.nodes << " entities, "
            << report.edges << " edges\n";
  return 0;
}

}  // namespace kg::cli
