#pragma once
// Triples: the graph's facts, read from the clauses of each sentence and the roles and event
// modifiers of its mentions, between document-local entities only. Every fact points at the
// sentence that states it and keeps negation, modality, attribution and time/place arguments
// as attributes (extract/triple.h); none is ever turned into its positive or unattributed form.
//
// What becomes a fact (docs/relations.md has the full list with examples):
//   - a verb clause whose subject and object (direct or indirect) are entities:
//     "Lavrov met Haass" -> (Lavrov, meet, Haass); passives with an agent are turned active
//     ("was briefed by X" -> (X, brief, ...)); a prepositional object that is an entity gives
//     verb_preposition ("participated in the meeting" -> participate_in), except time and
//     place, which stay arguments of the other facts of the clause (a place is a fact of its
//     own only when the clause has no other object: "travelled to Russia" -> travel_to);
//   - a copular clause or an apposition that gives a role in an organisation or country:
//     "Haass, president of the CFR" -> (Haass, president_of, CFR); titles before a name:
//     "Russian Foreign Minister Sergey Lavrov" -> (Lavrov, foreign_minister_of, Russian);
//   - events named by a noun: their participants ("meeting between X and Y", "the Lavrov
//     meeting", "talks with Russians" -> (X, participate_in, meeting)), place (E, place, L) and
//     date (E, date, D), from their modifiers and from the clauses they are part of;
//   - reports: a speaker who reports a clause about an event -> (speaker, report, event).
// Nodes are named entities, events, groups ("former U.S. officials") and organisations that
// definite descriptions resolve to; DATE values only as the date of an event. Anything else
// (a common noun object, a clause) is left to the Open IE output.

#include <vector>

#include "extract/clauses.h"
#include "extract/coreference.h"
#include "extract/dependency_tree.h"
#include "extract/document.h"
#include "extract/mentions.h"
#include "extract/triple.h"

namespace kg::extract {

struct TripleOptions {
  // Sentences that look like headlines (most words capitalised) are parsed badly and state
  // little; their facts are skipped. Their mentions still count for coreference.
  bool skip_headlines = true;
  // Facts below this confidence are dropped.
  double min_confidence = 0.05;
};

class TripleBuilder {
 public:
  explicit TripleBuilder(TripleOptions options = {}) : options_(options) {}
  // `clauses` holds one vector per sentence. Appends titles learned from copular clauses to
  // `entities` (the entities of `coreference`, which may be a copy).
  std::vector<Triple> build(const Document& document, const std::vector<DependencyTree>& trees,
                            const std::vector<std::vector<Clause>>& clauses,
                            const std::vector<NominalMention>& mentions,
                            const CoreferenceResult& coreference,
                            std::vector<Entity>& entities) const;

 private:
  TripleOptions options_;
};

}  // namespace kg::extract
