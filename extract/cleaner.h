#pragma once
// The cleaner: finds the paragraphs of an article and leaves out web-page furniture
// (link lines, share buttons, comment forms, copyright and source lines, donation and
// newsletter appeals, cookie notices, ...) and repeated paragraphs. It never edits the text:
// it only chooses spans of Document::text, so every later offset points into the original.
//
// Lines are matched against a table of boilerplate patterns (cleaner.cpp, listed in
// docs/input.md) by a small matcher over normalised lines: lower case, one space for any run
// of whitespace, curly quotes and dashes folded. Rules match a whole line, a prefix or a
// substring, and each has a word limit, so an ordinary sentence that merely mentions
// "copyright" or "donate" is longer than the limit and survives.

#include <string>
#include <string_view>
#include <vector>

#include "extract/document.h"

namespace kg::extract {

// A stretch of the text the cleaner left out, and the pattern that matched it ("duplicate"
// for a repeated paragraph). For debugging, tests and `kg parse` diagnostics.
struct DroppedSpan {
  Span span;
  std::string pattern;
};

// How one boilerplate rule looks at a normalised line.
enum class LineMatch {
  kWhole,      // the line, without leading bullets and trailing punctuation, equals `text`
  kPrefix,     // the line starts with `text` (at a word boundary)
  kContains,   // `text` occurs anywhere in the line
  kPredicate,  // `predicate` says so (shapes a string cannot express: slugs, datelines)
};

// One row of the pattern table.
struct BoilerplateRule {
  std::string_view pattern;  // the family it belongs to, e.g. "copyright"; reported when dropped
  LineMatch match;
  std::string_view text;     // normalised (lower case) text for kWhole/kPrefix/kContains
  int max_words;             // longer lines never match: real sentences are long
  std::string_view also;     // when not empty, the line must contain this too
  bool needs_digit = false;  // the line must contain a digit (a year on copyright lines)
  // For kPredicate: the normalised line and the original (trimmed) line.
  bool (*predicate)(std::string_view normalised, std::string_view original) = nullptr;
};

// A family of rules with its reason for being in the table.
struct BoilerplatePattern {
  std::string_view name;
  std::string_view why;
};

struct CleanOptions {
  // Drop lines that match the boilerplate table. Off to see the raw paragraphs.
  bool drop_boilerplate = true;
  // Drop a paragraph whose normalised text was seen earlier in the document: pages repeat
  // their headline and lead, and a repeated sentence would count its facts twice.
  bool drop_duplicates = true;
  // Set Document::title, when empty, from a first paragraph that looks like a headline (one
  // short line without final punctuation, followed by more text). Plain-text articles carry
  // their headline that way; JSON inputs name it explicitly.
  bool title_from_first_line = true;
};

class Cleaner {
 public:
  explicit Cleaner(const CleanOptions& options = {}) : options_(options) {}

  // Fills doc.paragraphs with the kept paragraphs (trimmed spans, in order) and returns the
  // dropped lines and paragraphs. Linear in the text; thread-safe.
  std::vector<DroppedSpan> clean(Document& doc) const;
  // The pipeline's entry point: clean() without the report.
  void annotate(Document& doc) const { clean(doc); }

  // The boilerplate table, for docs and tests.
  static const std::vector<BoilerplatePattern>& patterns();
  static const std::vector<BoilerplateRule>& rules();
  // The normal form lines are matched in (exposed for tests).
  static std::string normalise(std::string_view line);
  // The pattern a single line matches, or "" if it is content.
  static std::string_view match_line(std::string_view line);

 private:
  CleanOptions options_;
};

}  // namespace kg::extract
