#pragma once
// The JSON export (`kg export --format json`): documents, nodes and edges as DESIGN.md shows,
// plus the fields docs/formats.md lists (dates, titles, negation, modality, confidence,
// attribution, arguments). Offsets are Unicode code points into the documents' texts.

#include <ostream>

#include "graph/knowledge_graph.h"

namespace kg::exporter {

// Writes `graph` (loaded with texts: evidence quotes its sentence) as one JSON object.
// Deterministic: the same graph gives the same bytes.
void write_json(const graph::KnowledgeGraph& graph, std::ostream& out);

}  // namespace kg::exporter
