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

// A person's name split into the titles written in front of it and the name itself:
// "Russian Foreign Minister Sergey Lavrov" -> {"Russian Foreign Minister", "Sergey Lavrov"},
// "former diplomat Richard Haass" -> {"former diplomat", "Richard Haass"}. Leading words are
// titles while their name_key() is in a fixed list of honorifics, offices, role nouns and
// nationality adjectives; at least one word always stays in `name`. Both parts are views into
// the argument.
struct TitledName {
  std::string_view title;  // "" when there is none
  std::string_view name;
};
TitledName split_title(std::string_view name);

// The key under which spelling variants and transliterations of one name compare equal or
// close: name_key() folded further (y -> i, w -> v, kh -> h, ph -> f, ck -> k, tch -> ch, then
// runs of one letter collapsed), so "Zelensky", "Zelenskyy" and "Zelenskiy" all give
// "zelenski", "Sergey" and "Sergei" give "sergei", "Haass" and "Haas" give "has". Used only
// to propose candidates: the resolver still asks for shared context (graph/resolver.h).
std::string spelling_key(std::string_view key);

}  // namespace kg::graph
