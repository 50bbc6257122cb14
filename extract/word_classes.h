#pragma once
// The few closed classes of English words that kg's extraction rules name, all in one place
// and written by hand (kg ships no downloaded word lists): prepositions and nouns of time and
// place, verbs of saying, nouns of events, nouns of roles, qualifiers of titles, honorifics.
// Each list is short, documented in docs/relations.md, and only ever compared with lower-cased
// lemmas. Open classes (names, organisations, countries) are never listed: they come from the
// models and the text itself.

#include <string_view>

namespace kg::extract {

// Nouns and adverbs that name a time ("April", "Thursday", "week", "yesterday").
bool is_time_word(std::string_view lemma);
// A year written as four digits (1000-2199), possibly with a trailing "s" ("1990s").
bool is_year(std::string_view form);
// Prepositions that introduce a time ("during", "since", "until", "before", "after").
bool is_time_preposition(std::string_view lemma);
// Prepositions that introduce a place when their object is a name ("in", "at", "near", "to").
bool is_place_preposition(std::string_view lemma);
// Verbs of saying and reporting: their complement clauses are attributed, not asserted.
bool is_reporting_verb(std::string_view lemma);
// Nouns that name an event a graph should hold as a node: meetings, talks, hearings,
// accidents, inquiries, visits, wars ("the April meeting", "secret talks").
bool is_event_noun(std::string_view lemma);
// Nouns that name a person by role or occupation ("minister", "official", "expert"): heads of
// titles and of group descriptions ("former U.S. officials").
bool is_role_noun(std::string_view lemma);
// Collective nouns whose "of" complement is the group itself ("a group of officials").
bool is_collective_noun(std::string_view lemma);
// Nouns of institutions that a name before them turns into an organisation of their own
// ("the Biden administration", "the Kremlin press office").
bool is_institution_noun(std::string_view lemma);
// Common nouns of places ("capital", "town", "province"): a name in apposition to one, or
// their "of" complement, is a place ("the capital, Nordby"; "the town of Ashford").
bool is_place_noun(std::string_view lemma);
// Verbs whose object is the subject of their infinitive ("asked X to do Y": X does Y); after
// any other verb an infinitive with "to" is the subject's purpose ("discussed X to end Y").
bool is_object_control_verb(std::string_view lemma);
// Months and weekdays (lower case), the names of dates.
bool is_calendar_name(std::string_view lower);
// Last words (lower case) that make a capitalised name an organisation's ("Northern Water
// Board", "Kestrel Mining", "Council on Foreign Relations" is caught by NER or its "Council").
bool is_organisation_name_head(std::string_view lower);
// Qualifiers of a title that are about time, kept apart from the role ("former", "outgoing").
bool is_title_qualifier(std::string_view lemma);
// Honorifics that precede a name and are never part of it ("Mr.", "Dr.", "Gen.").
bool is_honorific(std::string_view lemma);
// Verbs that say two parties met or talked: their "with" object is a plain object
// ("met with X" -> meet X). See docs/relations.md.
bool absorbs_with(std::string_view verb_lemma);

}  // namespace kg::extract
