#pragma once
// `kg render`: lays a selection of the graph out and draws it through Graphviz's libgvc,
// in-process, into an SVG or PNG file written atomically.

#include <string>

#include "graph/algorithms.h"
#include "graph/knowledge_graph.h"

namespace kg::exporter {

struct RenderOptions {
  graph::RenderSelection selection;  // focus, depth, minimum weight, maximum nodes
  // auto: dot up to kLayeredMaxNodes drawn nodes (its edge labels never overlap), sfdp
  // beyond (dot's layering grows too wide and slow); or sfdp, dot, neato as asked.
  std::string engine = "auto";
  std::string format;                // "svg" or "png"; empty: from the output's extension
};

inline constexpr size_t kLayeredMaxNodes = 80;

// The output format for a file name: "svg" for .svg, "png" for .png; throws kg::InputError
// for anything else.
std::string render_format(const std::string& path);

// Renders into `path` ("-" for stdout). Throws kg::InputError for an unknown engine or
// format, kg::Error when Graphviz fails.
void render(const graph::KnowledgeGraph& graph, const RenderOptions& options,
            const std::string& path);

}  // namespace kg::exporter
