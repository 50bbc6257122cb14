#pragma once
// Relation names of the graph: lemma-based, lower case, words joined by "_", the same for every
// surface form of one predicate ("met with", "has met", "would meet" -> "meet"; "was briefed
// by" -> "brief", subject and object swapped). docs/relations.md lists the rules and the
// small table of synonyms they apply.

#include <string>
#include <string_view>

#include "extract/clauses.h"
#include "extract/dependency_tree.h"
#include "extract/tags.h"

namespace kg::extract {

// The relation of a verb clause: the lemmas of its verbs, with their particles, joined by "_"
// ("bring_about"), an absorbed infinitive joined by "_to_" ("decline_to_comment").
std::string verb_relation(const DependencyTree& tree, const Clause& clause);

// The relation with a preposition: "participate" + "in" -> "participate_in"; verbs of meeting
// absorb "with" ("meet" + "with" -> "meet").
std::string with_preposition(std::string relation, std::string_view preposition);

// A relation after normalisation, and whether subject and object swap.
struct NormalisedRelation {
  std::string relation;
  bool swap = false;
};

// Applies the synonym table of docs/relations.md: "be_involve_in", "take_part_in" ->
// "participate_in"; an event that "involves" or "includes" X -> X "participate_in" the event.
NormalisedRelation normalise_relation(std::string relation, EntityType subject,
                                      EntityType object);

}  // namespace kg::extract
