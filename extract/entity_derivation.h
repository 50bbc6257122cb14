#pragma once
// Named-entity spans derived from GUM's mention annotation (the MISC "Entity=" attribute; see
// ../shared/data/ud-english-gum/README.md and Lin & Zeldes, LAW 2021, "WikiGUM"). GUM marks
// every mention (pronouns and common-noun phrases too) with an entity type and, for named
// ones, a Wikipedia identity; NER wants flat proper-name spans in UNER's conventions. The
// rules (documented in models/README.md, section ner):
//
// - person / organization / place / event mentions headed by a proper noun (or carrying an
//   identity and containing a proper-noun part that the identity names) give PERSON / ORG /
//   LOCATION / EVENT; object and abstract mentions with an identity (titles of works,
//   products, laws, awards; not languages) give WORK.
// - The span is trimmed to the proper name by the dependency tree: from the head, only flat,
//   fixed, capitalised compound and proper-adjective modifiers, trailing numbers, internal
//   hyphens and "of"-style name-internal nominal modifiers ("Gulf of Mexico", not for
//   persons) stay; determiners, titles (nmod:desc: "President [Lincoln]"), common-noun and
//   adjective modifiers ("co-star [Jensen Ackles]"), appositions, relative clauses, the
//   possessive 's and punctuation at the edges go.
// - A one-word person name whose head takes a determiner or possessor ("the Devil", "our
//   Saviour") is not a name; one made of title words only ("full-time [President]") neither;
//   a determined full name is ("the younger [John Edleston]").
//   A person mention headed by a plural proper noun ("Americans", "Democrats") is NORP.
// - time mentions of at most six words with a number or a proper noun ("May 28, 2006",
//   "the 1990s", "Monday") give DATE, without leading determiners and prepositions.
// - capitalised adjectives (JJ) standing alone between lower-case words ("Spanish art",
//   "a Swiss mathematician") give NORP.
// - Nested and overlapping candidates are flattened: the longest span wins.

#include <set>
#include <string>
#include <vector>

#include "extract/conllu.h"

namespace kg::extract {

// One mention of GUM's annotation: words [first, last) of one sentence.
struct GumMention {
  int first = 0;
  int last = 0;
  std::string type;      // "person", "place", "organization", "time", ...
  std::string identity;  // Wikipedia title as GUM writes it ("Gulf_of_Mexico"), or ""
};

// The mentions of one sentence, from its words' Entity= values. Mentions still open at the end
// of the sentence are dropped. Throws kg::InputError on a malformed value.
std::vector<GumMention> parse_gum_mentions(const TreebankSentence& sentence);

// The lower-cased words of a Wikipedia title: "%2C" decoded, underscores as spaces, a final
// parenthesised disambiguator dropped ("Phoenix%2C_Arizona" -> {"phoenix", "arizona"}).
std::set<std::string> identity_words(const std::string& identity);

class EntityDeriver {
 public:
  // Learns the title words of `corpus`: the capitalised words that are nmod:desc modifiers of
  // proper nouns ("President", "General", "Mr."), used to trim and reject PERSON spans.
  explicit EntityDeriver(const std::vector<TreebankSentence>& corpus);
  // With a given set of lower-cased title words (tests).
  explicit EntityDeriver(std::set<std::string> title_words) : titles_(std::move(title_words)) {}

  // The flat entity spans of one sentence, sorted and non-overlapping. Needs the gold tree
  // and tags of the treebank.
  std::vector<NamedEntity> derive(const TreebankSentence& sentence) const;

  const std::set<std::string>& title_words() const { return titles_; }

 private:
  std::set<std::string> titles_;
};

}  // namespace kg::extract
