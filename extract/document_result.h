#pragma once
// DocumentResult: everything kg extracts from one document, the unit of the map step.
// Serialised as one line of the map format (extract/map_format.h, docs/formats.md).

#include <vector>

#include "extract/document.h"
#include "extract/mention.h"
#include "extract/triple.h"

namespace kg::extract {

struct DocumentResult {
  Document document;               // text, metadata, sentences (tokens optional)
  std::vector<Entity> entities;    // document-local entities
  std::vector<Mention> mentions;   // each points at one of `entities`
  std::vector<Triple> triples;     // subject and object point at `entities`
};

}  // namespace kg::extract
