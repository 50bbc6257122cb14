#pragma once
// Pseudo-projective dependency parsing (Nivre & Nilsson, ACL 2005), "Head" encoding: before
// training, every non-projective arc is lifted (its dependent re-attached to its head's head)
// until the tree is projective, and the lifted word records the relation of its original
// (syntactic) head; a projective parser learns these marked labels, and deprojectivize()
// moves each marked word back down under the nearest word with the recorded relation.
//
// Trees are given as UD heads: heads[i] is the head of word i + 1 (0 = the root), so a tree
// of n words has heads.size() == n.

#include <optional>
#include <vector>

#include "extract/tags.h"

namespace kg::extract {

// A projective tree with the marks of its lifted words.
struct LiftedTree {
  std::vector<int> heads;
  // Per word: the relation of its syntactic head where the word was lifted, nullopt elsewhere.
  std::vector<std::optional<Deprel>> lifted_from;
};

// True if no arc crosses another (with the root arc from the artificial node 0). Linear
// scan per arc: O(n^2), for training-size sentences and tests.
bool is_projective(const std::vector<int>& heads);

// Lifts the shortest non-projective arc, repeatedly, until the tree is projective. `heads`
// must be a tree (one root, no cycles); `deprels` gives each word's relation. O(n^2) per lift.
LiftedTree projectivize(const std::vector<int>& heads, const std::vector<Deprel>& deprels);

// Undoes the lifting of each marked word (in order of its position): a breadth-first,
// left-to-right search below its current head, outside its own subtree, for the nearest word
// whose relation is the recorded one; the word is re-attached there, or stays where it is if
// none is found. The result is still a tree. The search visits at most `max_visits` words
// per marked word, so even a sentence full of marks costs linear time.
void deprojectivize(std::vector<int>& heads, const std::vector<Deprel>& deprels,
                    const std::vector<std::optional<Deprel>>& lifted_from, int max_visits = 512);

}  // namespace kg::extract
