#pragma once
// The raw text of a treebank, rebuilt from its sentences, for training and evaluating on raw
// text (the tokenizer, and the whole pipeline in `kg eval`): one Document per "# newdoc",
// paragraphs as "# newpar" marks them, sentences joined by a space unless the last token
// has SpaceAfter=No, paragraphs separated by a blank line.

#include <vector>

#include "extract/conllu.h"
#include "extract/document.h"

namespace kg::extract {

struct TreebankDocument {
  Document document;           // text and paragraphs (cleaned = true), id = the newdoc id
  std::vector<Sentence> gold;  // the treebank's sentences, every token span set into the text
};

// Groups `sentences` into documents (a new one at each document start or change of
// document id) and rebuilds their text from the surface forms (multiword tokens' forms,
// words elsewhere) and SpaceAfter, so the non-space characters are exactly the treebank's.
std::vector<TreebankDocument> treebank_documents(const std::vector<TreebankSentence>& sentences);

}  // namespace kg::extract
