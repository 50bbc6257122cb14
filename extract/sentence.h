#pragma once
// Sentence, Token and their parts: the output of segmentation, tagging, parsing and NER.
// Modelled on UD's CoNLL-U words: a token's `head` is the 1-based index of its head word in
// the sentence and 0 for the root, so tokens[i] has the UD id i + 1.

#include <string>
#include <vector>

#include "extract/span.h"
#include "extract/tags.h"

namespace kg::extract {

// One syntactic word (a UD "word"). For the words of a multiword token ("do" + "n't" of
// "don't") `span` covers the whole surface token.
struct Token {
  Span span;
  std::string form;
  std::string lemma;
  Upos upos = Upos::kX;
  Xpos xpos = Xpos::kNone;
  int head = -1;  // UD id of the head word, 0 for the root, -1 before parsing
  Deprel deprel = Deprel::kDep;
  bool space_after = true;  // false where the original text has no space after the token
};

// A surface token that is split into several syntactic words (CoNLL-U range line "3-4").
struct MultiwordToken {
  int first = 0;  // UD id of its first word
  int last = 0;   // UD id of its last word (inclusive)
  std::string form;
  Span span;
  bool space_after = true;
};

// A named-entity span over the words [first, last) of one sentence (0-based token indexes).
struct NamedEntity {
  int first = 0;
  int last = 0;
  EntityType type = EntityType::kOther;
};

struct Sentence {
  Span span;                                 // the sentence in Document::text
  std::vector<Token> tokens;                 // syntactic words, in order
  std::vector<MultiwordToken> multiword;     // sorted by `first`, non-overlapping
  std::vector<NamedEntity> entities;         // sorted, non-overlapping
  std::string id;                            // CoNLL-U sent_id when read from a treebank
  std::string text;                          // CoNLL-U "# text" when read from a treebank
  bool paragraph_start = false;              // first sentence of a paragraph
};

}  // namespace kg::extract
