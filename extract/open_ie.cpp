#include "extract/open_ie.h"

#include "extract/dependency_tree.h"
#include "extract/tree_repair.h"

namespace kg::extract {

SentencePropositions OpenIe::run(const Sentence& sentence) const {
  SentencePropositions out;
  const DependencyTree tree = repaired_tree(sentence);
  out.clauses = clauses_.find(tree);
  out.propositions = propositions_.make(tree, out.clauses);
  return out;
}

}  // namespace kg::extract
