#pragma once
// Repairs of parser errors that extraction meets often and that the tree itself shows, applied
// before mentions and clauses are read (kg parse prints the parser's own trees, unrepaired).
//
// - A main verb the parser hung as a participial modifier (acl) on a noun root that has no
//   subject: "Richard Haass, a former diplomat ..., participated in the discussions"; "In May,
//   CIA Director William Burns heard from officials". The verb becomes the root, the noun its
//   subject (or, for a noun with a preposition, an oblique, and the noun the verb hung on the
//   subject). A participle with an agent ("the talks, hosted by X") is left a modifier. A
//   prepositional phrase as root with a clause that has its own subject hung on it (no
//   relative pronoun, no subordinator) is that clause's oblique: "According to a report,
//   officials have discussed ...". A finite verb without subject, conjunction or marker hung
//   (conj, parataxis) on a relative clause of a subjectless noun root, after the comma that
//   closes the clause, is the main verb: "Former officials, who took part in the meeting,
//   later informed the council".
// - A reporting verb after its reported clause and without a subject, where the noun phrase
//   between the last comma and the verb hangs elsewhere: "The talks collapsed on Friday, union
//   leader Maria Okafor said" (Okafor hung on "Friday"). The phrase becomes the verb's
//   subject, its name's first word the head and the words before it its compound title.
//   (Only one of these two clause-level repairs per sentence: both read the parser's tree.)
// - A conjunct hung inside a non-restrictive relative clause that the comma before its
//   conjunction has closed is a conjunct of the relative clause's antecedent: "talks with
//   Russians, who are close to the Kremlin, and Sergey Lavrov" (Lavrov is no conjunct of the
//   Kremlin). Later conjuncts of the same word move with it.

#include "extract/dependency_tree.h"

namespace kg::extract {

// The sentence's tree with the repairs above (the parser's tree when none applies).
// `sentence` must outlive the result.
DependencyTree repaired_tree(const Sentence& sentence);

}  // namespace kg::extract
