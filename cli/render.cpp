// kg render: draw the stored graph (or the neighbourhood of one entity) as SVG or PNG.

#include <iostream>

#include "cli/args.h"
#include "cli/commands.h"
#include "export/query.h"
#include "export/render.h"
#include "export/store.h"
#include "extract/error.h"

namespace kg::cli {

namespace {

const CommandSpec kSpec{
    "kg render",
    "DB -o FILE.svg|FILE.png [--focus NAME] [--depth N] [--min-weight W] [--max-nodes N] "
    "[--layout auto|sfdp|dot|neato]",
    "Lays the graph out with Graphviz and draws it: nodes shaped and coloured by type, edges\n"
    "labelled with their relation, thicker when more documents support them, dashed red when\n"
    "negated. Entities without any drawn edge are left out. The format follows the extension.",
    {
        {"-o", "FILE", "the image to write, .svg or .png (required; - for stdout with --format)"},
        {"--format", "svg|png", "the image format when it cannot come from the file name"},
        {"--focus", "NAME", "draw only the neighbourhood of this entity (a name or an id like n12)"},
        {"--depth", "N", "hops around --focus (default 2)"},
        {"--min-weight", "W", "leave out edges supported by fewer than W documents (default 1)"},
        {"--max-nodes", "N", "draw at most N entities, nearest and best connected first "
                             "(default 150; 0 for all)"},
        {"--layout", "ENGINE", "auto (default: dot up to 80 entities, else sfdp), sfdp, dot or neato"},
    },
    1,
    1,
};

}  // namespace

int run_render(const Args& args) {
  const ParsedArgs parsed = parse_args(kSpec, args);
  if (parsed.help_requested()) {
    std::cout << help_text(kSpec);
    return 0;
  }
  const auto output = parsed.value("-o");
  if (!output) throw InputError("kg render: -o FILE.svg|FILE.png is required");
  exporter::RenderOptions options;
  options.engine = parsed.choice("--layout", "auto", {"auto", "sfdp", "dot", "neato"});
  options.format = parsed.has("--format") ? parsed.choice("--format", "svg", {"svg", "png"})
                                          : exporter::render_format(*output);
  options.selection.depth = static_cast<int>(parsed.integer("--depth", 2, 0, 100));
  options.selection.min_weight = static_cast<uint32_t>(parsed.integer("--min-weight", 1, 1, 1000000));
  options.selection.max_nodes = static_cast<size_t>(parsed.integer("--max-nodes", 150, 0, 100000000));
  if (parsed.has("--depth") && !parsed.has("--focus")) {
    throw InputError("kg render: --depth needs --focus NAME");
  }
  const exporter::Store store = exporter::Store::open(parsed.positionals()[0]);
  if (const auto focus = parsed.value("--focus")) {
    options.selection.focus = exporter::resolve_entity(store, *focus);
  }
  const graph::KnowledgeGraph graph =
      exporter::load_graph(store, exporter::LoadOptions{.attributes = false, .text = false});
  exporter::render(graph, options, *output);
  return 0;
}

}  // namespace kg::cli
