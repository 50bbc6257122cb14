#pragma once
// Sentences given as space-separated tokens (CaRB's and the Penn Treebank's convention:
// `Bush 's`, ``` `` ```, `-LRB-`), the input of `kg openie --input text`: kg keeps the tokens,
// shows the models the characters PTB escapes stand for, and prints the tokens back as written.

#include <string>
#include <string_view>

#include "extract/sentence.h"

namespace kg::extract {

// The character(s) a PTB escape stands for ("-LRB-" -> "(", "``" -> "\"", "''" -> "\""), or
// the token itself.
std::string_view unescape_ptb(std::string_view token);

// One sentence from a line of space-separated tokens: forms unescaped, spans into `line`.
// Runs of spaces and tabs separate tokens; an empty line gives a sentence without tokens.
Sentence pretokenized_sentence(std::string_view line);

// Puts the tokens of `line` back as the forms of `sentence` (made by pretokenized_sentence
// from the same line), after the models have read the unescaped forms.
void restore_pretokenized_forms(Sentence& sentence, std::string_view line);

}  // namespace kg::extract
