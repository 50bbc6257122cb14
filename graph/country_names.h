#pragma once
// The names one country goes by in English news ("United States", "US", "U.S.", "America"):
// a small gazetteer of general knowledge, so that the resolver can join names that share no
// word and no initials. It lists countries only, with their common short and long English
// names, abbreviations and former names still in use (Burma, Swaziland); names that mostly
// mean something else (a demonym, a capital city used for the government) are not in it.
// graph/country_names.cpp has the table; docs/resolution.md the rule that uses it.

#include <string_view>

namespace kg::graph {

// The country whose names include one with this resolution_key() ("us", "america",
// "united states" -> "United States"), or "" when the key names no country in the table.
std::string_view country_of(std::string_view key);

}  // namespace kg::graph
