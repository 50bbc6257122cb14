#pragma once
// DOT through Graphviz's libcgraph: the graph (or a selection of it) as an Agraph_t, styled
// by node type and edge weight, written with agwrite. All quoting and escaping is done by the
// library. `kg render` lays the same Agraph_t out in-process (export/render.h).

#include <memory>
#include <ostream>
#include <string>

#include "graph/algorithms.h"
#include "graph/knowledge_graph.h"

struct Agraph_s;

namespace kg::exporter {

struct AgraphCloser {
  void operator()(Agraph_s* graph) const noexcept;
};
// An owned libcgraph graph; agclose() on destruction.
using AgraphPtr = std::unique_ptr<Agraph_s, AgraphCloser>;

// Layout attributes written into the graph (they matter to whoever lays it out).
struct DotLayout {
  std::string engine = "sfdp";  // sfdp | dot | neato: only changes attributes that engine reads
};

// Builds the styled libcgraph graph of `selection` (all of `graph` when null). Node names are
// "n<index>" and edge "id" attributes "e<index>", as in the other exports. Nodes: label, type, shape and
// colour by type; edges: label = relation ("not ..." when negated, the modality in front),
// weight, pen width growing with the weight, dashed when negated. Streams written with
// agwrite() go through the `out` given to write_agraph().
AgraphPtr build_agraph(const graph::KnowledgeGraph& graph, const graph::Subgraph* selection,
                       const DotLayout& layout = {});

// agwrite() into `out`. Throws kg::Error if libcgraph fails.
void write_agraph(Agraph_s* agraph, std::ostream& out);

// The DOT export of the whole graph: build_agraph + write_agraph.
void write_dot(const graph::KnowledgeGraph& graph, std::ostream& out);

}  // namespace kg::exporter
