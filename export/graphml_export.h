#pragma once
// The GraphML export (`kg export --format graphml`): a directed multigraph valid against the
// GraphML 1.0 schema, with typed <key>s that Gephi's Data Laboratory and networkx read
// (docs/formats.md lists them). List values (aliases, titles, sources) are JSON arrays in a
// string, since GraphML has no list type.

#include <ostream>

#include "graph/knowledge_graph.h"

namespace kg::exporter {

// Writes `graph` (texts not needed). Node ids are "n<index>", edge ids "e<index>".
// Characters XML 1.0 cannot hold (control characters other than tab, newline and carriage
// return) are written as U+FFFD. Deterministic.
void write_graphml(const graph::KnowledgeGraph& graph, std::ostream& out);

}  // namespace kg::exporter
