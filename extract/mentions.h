#pragma once
// Mentions: what a parsed, NER-tagged document names, before in-document coreference.
//
// Name mentions come from NER (Sentence::entities) and are then read with the parse: the
// words before a name in its noun phrase are its titles ("Russian Foreign Minister Sergey
// Lavrov": title "Foreign Minister", country "Russian"; "Kestrel Mining chief executive Jonas
// Ferreira": title "chief executive", organisation "Kestrel Mining"), never part of the name;
// appositions add roles ("Richard Haass, a former diplomat and president of the Council on
// Foreign Relations"); a parenthesised acronym right after an organisation defines it
// ("Northern Water Board (NWB)"). Besides names the finder collects what coreference and the
// graph need: personal pronouns, definite descriptions ("the council"), groups described by a
// role noun ("former U.S. officials") and events named by a noun ("the April meeting").

#include <cstdint>
#include <string>
#include <vector>

#include "extract/dependency_tree.h"
#include "extract/document.h"
#include "extract/tags.h"

namespace kg::extract {

enum class MentionKind : uint8_t {
  kName,         // a named entity from NER (titles stripped)
  kPronoun,      // he, she, they, it and their possessive and object forms
  kDescription,  // a definite common noun phrase ("the council", "Russia's foreign minister")
  kGroup,        // a plural role noun with modifiers ("former U.S. officials")
  kEvent,        // an event noun ("the April meeting", "secret talks")
};

enum class GrammaticalNumber : uint8_t { kUnknown, kSingular, kPlural };
enum class Gender : uint8_t { kUnknown, kMale, kFemale, kNeuter };

// A role held by the entity of a mention: "Foreign Minister" of Russia, "former diplomat".
struct Role {
  std::string title;       // as written, qualifiers removed ("Foreign Minister")
  std::string relation;    // normalised: lower-case lemmas joined by "_" ("foreign_minister")
  std::string qualifier;   // "former", "outgoing", ... ("" if none)
  int organisation = -1;   // index of the mention of the organisation or country, -1 if none
};

struct NominalMention {
  MentionKind kind = MentionKind::kName;
  EntityType type = EntityType::kOther;
  int sentence = -1;
  int first = 0;            // words [first, last) of the name, pronoun or phrase
  int last = 0;
  int head = -1;            // the word of the name or phrase that heads it in the tree
  int chunk_first = 0;      // the noun phrase with titles: [chunk_first, chunk_last)
  int chunk_last = 0;
  int chunk_top = -1;       // the word of that noun phrase whose head lies outside it
  GrammaticalNumber number = GrammaticalNumber::kUnknown;
  Gender gender = Gender::kUnknown;   // pronouns only; names learn theirs in coreference
  bool definite = false;    // descriptions: "the", "this", "these", a possessor
  bool indefinite = false;  // descriptions and events: "a", "an", "another" ("a second hearing")
  std::string text;         // the name as written (titles excluded), or the phrase
  std::string key;          // descriptions, groups, events: the head noun's lemma
  std::vector<std::string> modifiers;  // groups and events: lower-cased modifier words
  std::vector<Role> roles;
  int acronym_for = -1;     // this acronym is defined, in parentheses, for that mention
  int possessor = -1;       // events: the mention of "X's" or "the X meeting" (participant)
  int date = -1;            // events: a DATE mention modifying it ("the April meeting")
};

struct MentionOptions {
  // Pronouns are collected only for these persons and things; first and second person
  // pronouns (I, we, you) never corefer with a named entity in news text reliably.
  bool third_person_pronouns_only = true;
};

// Finds the mentions of one document. Stateless apart from its options; thread-safe.
class MentionFinder {
 public:
  explicit MentionFinder(MentionOptions options = {}) : options_(options) {}
  // `trees` holds one tree per sentence of `document`. The result is sorted by sentence and
  // first word; indexes between mentions (Role::organisation, acronym_for, possessor, date)
  // point into it.
  std::vector<NominalMention> find(const Document& document,
                                   const std::vector<DependencyTree>& trees) const;

 private:
  MentionOptions options_;
};

// The role a noun phrase headed by `noun` states ("president of the Council on Foreign
// Relations", "a former diplomat", "two fellows with the CFR"), given the sentence's mentions
// in `mentions` (indexes of the result of MentionFinder::find, all in this sentence). Returns
// false when `noun` is not a role noun phrase. Used for appositions and copular predicates.
bool read_role(const DependencyTree& tree, int noun, const std::vector<NominalMention>& all,
               const std::vector<int>& sentence_mentions, Role& role);

// The lower-case, "_"-joined lemma form of title words ("Foreign Ministers" -> "foreign_minister").
std::string relation_of_title(const DependencyTree& tree, const std::vector<int>& words);

}  // namespace kg::extract
