#pragma once
// Levenshtein distance over Unicode code points (Wagner & Fischer 1974), used by "did you
// mean" suggestions and by near-identical name matching.

#include <cstddef>
#include <string_view>

namespace kg::extract {

// Edit distance between two UTF-8 strings, counting insertions, deletions and substitutions
// of code points. If the distance exceeds `limit`, returns some value > limit early, so a
// caller that only asks "within k edits?" pays O(k * n) instead of O(n * m).
size_t edit_distance(std::string_view a, std::string_view b, size_t limit = SIZE_MAX);

}  // namespace kg::extract
