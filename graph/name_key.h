#pragma once
// Name normalisation: the key under which names are compared, looked up and merged.
// "Sergey Lavrov's", "SERGEY  LAVROV", "Sérgey Lavrov" all give "sergey lavrov".

#include <string>
#include <string_view>

namespace kg::graph {

// Folds a UTF-8 name to its comparison key: lower case (Latin, Greek, Cyrillic), accents
// removed from Latin letters (é -> e, ß -> ss, ø -> o), a possessive "'s"/"’s" at the end
// dropped, punctuation other than inner hyphens and apostrophes turned into spaces, spaces
// collapsed, a leading "the " removed. Invalid bytes are dropped. Idempotent.
std::string name_key(std::string_view name);

// Only case and accent folding, for matching user input against aliases (`kg query`).
std::string fold_case_and_accents(std::string_view text);

}  // namespace kg::graph
