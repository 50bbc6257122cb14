#pragma once
// Reading and writing CoNLL-U (https://universaldependencies.org/format.html), the format of
// the UD treebanks kg trains on and of `kg parse --format conllu`. The one reader and the one
// writer of the format in kg.

#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

#include "extract/sentence.h"

namespace kg::extract {

// One sentence of a treebank with what training needs beyond the Sentence itself.
struct TreebankSentence {
  Sentence sentence;          // words, multiword tokens, sent_id and "# text"
  std::string document;       // "# newdoc id" of the document it belongs to ("" if none)
  std::string genre;          // GUM's "# meta::genre" of that document ("" if none)
  bool document_start = false;
  // Per word, the value of GUM's MISC "Entity=" attribute ("" where absent): the bracketed
  // mention annotation that extract/ner reads (see ../shared/data/ud-english-gum/README.md).
  std::vector<std::string> entity_annotations;
};

struct ConlluReadOptions {
  // Check that heads form one tree per sentence (one root, no cycles). Off only for reading
  // system output that is known to be partial.
  bool require_tree = true;
};

// Reads a whole CoNLL-U stream. Empty nodes (ids like "8.1") are skipped: they exist only in
// enhanced dependencies. Throws kg::InputError naming `name` and the line for a wrong column
// count, a bad id, head or tag, or a head graph that is not a tree.
std::vector<TreebankSentence> read_conllu(std::istream& in, std::string_view name,
                                          const ConlluReadOptions& options = {});
std::vector<TreebankSentence> read_conllu_file(const std::string& path,
                                               const ConlluReadOptions& options = {});

// Writes one sentence: "# sent_id", "# text" (from sentence.text, or rebuilt from the forms
// and space_after), range lines for multiword tokens, then the ten columns. Unknown values
// (no lemma, no head) are written as "_"; FEATS and DEPS are always "_".
void write_conllu(std::ostream& out, const Sentence& sentence);

// The surface text of a sentence rebuilt from its tokens (forms of multiword tokens, words
// elsewhere) and their SpaceAfter flags, as UD defines "# text".
std::string surface_text(const Sentence& sentence);

}  // namespace kg::extract
