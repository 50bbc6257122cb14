#pragma once
// Propositions: the Open IE view of clauses, one (subject, relation, arguments...) tuple per
// clause and per combination of coordinated subjects and objects, made of the sentence's own
// words, with a confidence that ranks them. This is what `kg openie` prints (CaRB format or
// JSON); the graph's entity-to-entity facts are built from the same clauses in
// extract/triples.h.
//
// Relation words follow the usual Open IE convention (and CaRB's annotation): the verb group
// with its auxiliaries, negation and particles, plus the preposition of the first argument
// when the verb has no object ("taught at" + "the University of Connecticut"), "that" of a
// clausal object ("indicated that" + "organic compounds could carry current"), and "is" for
// clauses without a verb (appositions).

#include <string>
#include <vector>

#include "extract/clauses.h"
#include "extract/dependency_tree.h"

namespace kg::extract {

struct Proposition {
  int clause = -1;                       // index into the sentence's clauses
  std::vector<int> relation;             // words of the relation, in sentence order
  std::string synthetic_relation;        // "is" for clauses without a verb; else empty
  std::vector<int> subject;              // words of the subject
  std::vector<std::vector<int>> arguments;  // the object first, then further arguments
  std::vector<ArgumentRole> roles;       // per argument
  int subject_head = -1;
  std::vector<int> argument_heads;       // per argument
  double confidence = 0.0;               // in (0, 1); ranks propositions
};

struct PropositionOptions {
  // Coordinated subjects and objects give one proposition per combination, at most this many
  // per clause (a list of twenty names would otherwise give hundreds).
  int max_expansions = 12;
  // Also keep the proposition with the whole coordination as one argument. CaRB annotators
  // write both forms; a graph wants only the expanded ones.
  bool keep_unexpanded = false;
  // Clauses with nothing but a subject and a verb ("the talks continued") are kept; they are
  // ranked low.
  bool keep_subject_verb_only = true;
};

class PropositionMaker {
 public:
  explicit PropositionMaker(PropositionOptions options = {}) : options_(options) {}
  std::vector<Proposition> make(const DependencyTree& tree, const std::vector<Clause>& clauses) const;

 private:
  PropositionOptions options_;
};

// The words as one string, separated by single spaces (the CaRB convention for tokenized
// input) or, with `original_spacing`, as the text has them.
std::string words_text(const DependencyTree& tree, const std::vector<int>& words,
                       bool original_spacing = false);

// The relation text of a proposition.
std::string relation_text(const DependencyTree& tree, const Proposition& p,
                          bool original_spacing = false);

}  // namespace kg::extract
