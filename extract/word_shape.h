#pragma once
// Orthographic properties of a word that the named-entity recogniser and its training-data
// rules use: case folding, capitalisation and the word shape of Ratinov & Roth (CoNLL 2009).
// UTF-8 aware for Latin, Greek and Cyrillic letters; other scripts count as neither case.

#include <string>
#include <string_view>

namespace kg::extract {

// Lower-cases ASCII and the upper-case letters of Latin-1, Latin Extended-A, Greek and
// Cyrillic; other bytes are copied.
std::string fold_case(std::string_view word);

// The case class of the first letter-or-digit code point.
enum class LetterCase : uint8_t { kNone, kUpper, kLower, kDigit };
LetterCase first_case(std::string_view word);

// Starts with an upper-case letter.
inline bool is_capitalized(std::string_view word) {
  return first_case(word) == LetterCase::kUpper;
}
// Has letters and none of them is lower case ("USA", "U.S.", "IBM's" is not).
bool is_all_caps(std::string_view word);
// Has at least one letter.
bool has_letter(std::string_view word);

// The shape of a word with runs collapsed: upper-case letters -> X, lower-case -> x, digits
// -> d, other characters kept ("McDonald's" -> "XxXx'x", "U.S." -> "X.X.", "2017" -> "d").
std::string word_shape(std::string_view word);

}  // namespace kg::extract
