// kg export: the stored graph as JSON, GraphML, DOT, or a copy of the SQLite database.

#include <iostream>

#include "cli/args.h"
#include "cli/commands.h"
#include "export/exports.h"
#include "extract/error.h"

namespace kg::cli {

namespace {

const CommandSpec kSpec{
    "kg export",
    "DB --format json|graphml|dot|sqlite -o FILE",
    "Writes the graph stored in DB: JSON (documents, nodes with aliases and mentions, edges\n"
    "with sources and evidence), GraphML (for Gephi, networkx), DOT (Graphviz), or sqlite (a\n"
    "consistent copy of the database). FILE \"-\" is standard output. FILE is replaced only\n"
    "when the export is complete.",
    {
        {"--format", "FORMAT", "json, graphml, dot or sqlite (required)"},
        {"-o", "FILE", "where to write (required; - for standard output)"},
    },
    1,
    1,
};

}  // namespace

int run_export(const Args& args) {
  const ParsedArgs parsed = parse_args(kSpec, args);
  if (parsed.help_requested()) {
    std::cout << help_text(kSpec);
    return 0;
  }
  const auto format_name = parsed.value("--format");
  if (!format_name) throw InputError("kg export: --format is required (json, graphml, dot or sqlite)");
  const auto format = exporter::parse_export_format(*format_name);
  if (!format) {
    throw InputError("kg export: --format: expected json, graphml, dot or sqlite, got '" +
                     *format_name + "'");
  }
  const auto output = parsed.value("-o");
  if (!output) throw InputError("kg export: -o FILE is required (- for standard output)");
  const exporter::Store store = exporter::Store::open(parsed.positionals()[0]);
  exporter::export_store(store, *format, *output);
  return 0;
}

}  // namespace kg::cli
