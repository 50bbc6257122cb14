#pragma once
// Document: one article, as read from a file, with everything later stages add to it.

#include <string>
#include <vector>

#include "extract/sentence.h"
#include "extract/span.h"

namespace kg::extract {

// One article. Owns its original text; every Span in the pipeline points into `text`.
// Metadata fields are empty when unknown.
struct Document {
  std::string id;      // file name without extension, unique within a corpus (docs/formats.md)
  std::string name;    // where it came from: the path as given, with "#N" for the N-th record
  std::string title;
  std::string source;  // outlet, e.g. "NBC News"
  std::string url;
  std::string date;    // as given (ISO 8601 recommended)
  std::string text;    // valid UTF-8; BOM removed, control characters replaced by spaces

  std::vector<Span> paragraphs;      // content the cleaner kept, in order
  // Set by the cleaner: `paragraphs` is then authoritative even when empty (a page of pure
  // boilerplate). Segmentation of an uncleaned document reads the whole text.
  bool cleaned = false;
  std::vector<Sentence> sentences;   // filled by segmentation and the later stages
};

}  // namespace kg::extract
