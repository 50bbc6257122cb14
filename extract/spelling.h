#pragma once
// Spelling features of a single word, shared by the feature extractors of the statistical
// stages (tagger, lemmatizer; NER may use them too): lower-casing, word shape, and prefixes and
// suffixes cut at UTF-8 character boundaries, so no feature ever holds half a character.

#include <cstdint>
#include <string>
#include <string_view>

namespace kg::extract {

// ASCII letters lower-cased; every other byte (digits, punctuation, non-ASCII UTF-8) as is.
// English text needs no more, and it keeps words of other scripts intact.
std::string ascii_lower(std::string_view word);

// The word's shape with runs collapsed (Collins 2002's "word class"): A-Z -> 'X', a-z -> 'x',
// 0-9 -> 'd', other non-ASCII characters -> 'u', ASCII punctuation as itself; then any run of
// one character is cut to two ("McDonald's" -> "XxXxx'x", "1,234.5" -> "d,dd.d", "2024" -> "dd").
// At most 16 bytes: the ends of longer shapes say nothing new.
std::string spelling_shape(std::string_view word);

// Properties of the word's spelling as bit flags, for one "orthography" feature.
enum SpellingFlag : uint32_t {
  kHasUpper = 1u << 0,
  kAllUpper = 1u << 1,
  kInitialUpper = 1u << 2,
  kHasDigit = 1u << 3,
  kAllDigits = 1u << 4,
  kHasHyphen = 1u << 5,
  kHasPeriod = 1u << 6,
  kNonAscii = 1u << 7,
  kNoLetter = 1u << 8,
};
uint32_t spelling_flags(std::string_view word);

// The first / last `n` characters (code points) of a UTF-8 word; the whole word if shorter.
std::string_view first_chars(std::string_view word, int n);
std::string_view last_chars(std::string_view word, int n);
// The number of code points in a UTF-8 word (bytes that do not continue a character).
size_t char_count(std::string_view word);

}  // namespace kg::extract
