#pragma once
// What the tokenizer sees: character classes, "atoms" (the candidate pieces tokens are built
// from), the lexicon learnt from the treebanks, and the feature templates of its two
// classifiers. Shared by inference (tokenizer.cpp) and training (tokenizer_train.cpp) so the
// two can never compute different features.
//
// The design: a rule-based scanner cuts each paragraph into atoms (runs of letters, runs of
// digits, single punctuation characters, and whole URLs and e-mail addresses). Where two
// atoms touch (no white space between), a learnt classifier decides whether they belong to one
// token ("U" "." "S" "." -> "U.S."; "non" "-" "stop" -> "non-stop") or not ("capital" ".";
// "Al" "-" "Zaman" as EWT splits it). A second learnt classifier decides after each token
// whether a sentence ends there. Both are averaged perceptrons (extract/perceptron.h); the
// split of tokens into syntactic words ("don't" -> "do" "n't") is a table learnt from the
// treebanks' multiword tokens.

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "extract/perceptron.h"
#include "extract/span.h"

namespace kg::extract {

// --- Characters ---

enum class CharKind : uint8_t {
  kSpace,   // white space (ASCII, no-break and the other Unicode spaces)
  kLetter,  // letters of any script, and ideographs
  kDigit,   // decimal digits of any script
  kPunct,   // punctuation and symbols, emoji included: each is an atom of its own
  kMark,    // combining marks, zero-width joiners and variation selectors: part of the atom before
};
CharKind char_kind(char32_t cp);

// --- Atoms ---

enum class AtomKind : uint8_t { kWord, kNumber, kPunct, kUrl, kEmail };

// White space before an atom (or a token).
enum class Gap : uint8_t { kNone, kSpace, kNewline };

struct Atom {
  uint32_t start = 0;  // byte offsets into the document text
  uint32_t end = 0;
  AtomKind kind = AtomKind::kWord;
  Gap gap = Gap::kNone;  // white space between the previous atom (or the range start) and this
  uint32_t hash = 0;     // of the normalised form (normalised_hash: lower case, folded quotes, digits as 0)
  uint32_t shape = 0;    // small id of the atom's shape (case pattern and length; the character for punctuation)
};

// Cuts text[range] into atoms (appended to `atoms`). Linear in the range; never splits a
// UTF-8 sequence.
void atomize(std::string_view text, Span range, std::vector<Atom>& atoms);

// --- Normalised forms ---

// 32-bit FNV-1a of `text` normalised for lexical features: ASCII lower case, curly single
// quotes as ', curly double quotes as ". Used for atoms, tokens and lexicon look-ups alike.
uint32_t normalised_hash(std::string_view text);
std::string normalise_form(std::string_view text);

// --- Lexicon ---

// What the tokenizer learnt from the treebanks besides its weights.
struct TokenizerLexicon {
  // Abbreviations seen as tokens that end in a period ("dr.", "u.s.", "sept."), normalised.
  std::vector<std::string> abbreviations;
  // Multiword tokens: normalised surface form -> code point offsets where it splits into words
  // ("don't" -> {2}; "gonna" -> {3}). An empty list means "never split" (an exception to the
  // suffix rule below, like "'s" alone).
  std::vector<std::pair<std::string, std::vector<uint8_t>>> multiword;
  // Clitics split off the end of any other token that ends with them ("n't", "'s", "'ll").
  std::vector<std::string> clitic_suffixes;
};

// kg's own list of common English abbreviations (titles, months, weekdays, US states in AP
// style, company suffixes, Latin ones), as a feature beside the learnt list, so news
// abbreviations that the treebanks happen not to contain ("Calif.", "Sgt.") are recognised.
const std::vector<std::string_view>& builtin_abbreviations();

// Fast look-ups over a TokenizerLexicon.
class LexiconIndex {
 public:
  LexiconIndex() = default;
  explicit LexiconIndex(const TokenizerLexicon& lexicon);

  bool learnt_abbreviation(uint32_t hash) const { return abbreviations_.count(hash) != 0; }
  bool builtin_abbreviation(uint32_t hash) const { return builtin_.count(hash) != 0; }
  // Where the surface token `form` splits into words (code point offsets); empty for none.
  std::vector<uint8_t> multiword_splits(std::string_view form) const;

 private:
  std::unordered_set<uint32_t> abbreviations_;
  std::unordered_set<uint32_t> builtin_;
  std::unordered_map<std::string, std::vector<uint8_t>> multiword_;
  std::vector<std::string> suffixes_;  // longest first
};

// --- Features ---

// Feature template ids are part of the model fingerprint: renumbering them invalidates models.
inline constexpr uint32_t kFeatureTemplateVersion = 5;

// True where touching atoms are always separate tokens, without asking the classifier: next
// to a URL or e-mail address, whose extent the scanner already decided (it leaves trailing
// punctuation outside).
inline bool forced_split(const std::vector<Atom>& atoms, size_t i) {
  const auto special = [](AtomKind k) { return k == AtomKind::kUrl || k == AtomKind::kEmail; };
  return special(atoms[i].kind) || special(atoms[i + 1].kind);
}

// Features for "do atoms[i] and atoms[i + 1] (touching) belong to one token?". `chunk_start`
// and `chunk_end` delimit the white-space-free run of atoms that contains both (inclusive,
// exclusive); atoms after the chunk are looked at for what follows a period.
void join_features(std::string_view text, const std::vector<Atom>& atoms, size_t i,
                   size_t chunk_start, size_t chunk_end, const LexiconIndex& lexicon,
                   std::vector<FeatureId>& out);

// A surface token as the sentence classifier sees it.
struct TokenView {
  uint32_t start = 0;
  uint32_t end = 0;
  Gap gap = Gap::kNone;   // white space before the token
  uint32_t hash = 0;      // normalised form
  uint32_t shape = 0;     // compressed character-class string, hashed
  uint8_t abbreviation = 0;  // bit 0: learnt, bit 1: built in
  int8_t depth_change = 0;   // +1 opening bracket, -1 closing bracket
  bool quote = false;        // a straight or curly double quote
};

// Fills the hash, shape and abbreviation fields of `token` from text[start, end).
void describe_token(std::string_view text, const LexiconIndex& lexicon, TokenView& token);

// The running state of the sentence classifier inside one paragraph.
struct SentenceState {
  int length = 0;  // tokens since the last sentence boundary
  int depth = 0;   // open brackets
  bool in_quote = false;
};

// Features for "does a sentence end after tokens[t]?" (t + 1 < tokens.size()).
void boundary_features(const std::vector<TokenView>& tokens, size_t t, const SentenceState& state,
                       std::vector<FeatureId>& out);
// Advances `state` past tokens[t]; `boundary` says whether a sentence ended after it.
void advance_state(const TokenView& token, bool boundary, SentenceState& state);

}  // namespace kg::extract
