#pragma once
// Documents made from already parsed sentences (CoNLL-U: a treebank's gold trees, or another
// tool's output), so kg's extraction can run on them without kg's own models:
// `kg openie --input conllu`, the tests' hand-written trees, and gold-tree evaluation.

#include <vector>

#include "extract/conllu.h"
#include "extract/document.h"

namespace kg::extract {

// One Document per "# newdoc" (or one for all when `split_documents` is false). The text is
// rebuilt from the words and their SpaceAfter flags, a sentence per line and a blank line
// before each "# newpar", and every token gets its Span in that text. Document ids are the
// newdoc ids ("doc" + number where missing).
std::vector<Document> documents_from_treebank(std::vector<TreebankSentence> sentences,
                                              bool split_documents = true);

}  // namespace kg::extract
