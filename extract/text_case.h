#pragma once
// Small, allocation-light helpers on the case of UTF-8 words, for the rules of extract/ that
// look at capitalisation (titles, acronyms, names). ASCII letters only change; other bytes are
// copied, so the result is valid UTF-8 whenever the input is.

#include <string>
#include <string_view>

namespace kg::extract {

std::string to_lower_ascii(std::string_view text);

// True if the word starts with an ASCII capital letter, or with a non-ASCII character (names
// such as "Ørsted" or "Зеленский" count as capitalised: kg cannot tell their case cheaply).
bool starts_upper(std::string_view word);

// True if the word has at least two letters and every ASCII letter in it is a capital
// ("NWB", "U.S.", "CFR"): the shape of an acronym.
bool looks_like_acronym(std::string_view word);

// The capital letters of a word, in order ("U.S." -> "US", "NWB" -> "NWB").
std::string capitals(std::string_view word);

}  // namespace kg::extract
