#include "extract/extractor.h"

#include "extract/dependency_tree.h"
#include "extract/tree_repair.h"

namespace kg::extract {

DocumentResult Extractor::extract(Document document) const {
  DocumentResult result;
  result.document = std::move(document);
  const Document& doc = result.document;
  std::vector<DependencyTree> trees;
  trees.reserve(doc.sentences.size());
  for (const Sentence& s : doc.sentences) trees.push_back(repaired_tree(s));
  const std::vector<NominalMention> mentions = mentions_.find(doc, trees);
  CoreferenceResult coref = coreference_.resolve(doc, trees, mentions);
  std::vector<std::vector<Clause>> clauses;
  clauses.reserve(trees.size());
  for (const DependencyTree& t : trees) clauses.push_back(clauses_.find(t));
  result.triples = triples_.build(doc, trees, clauses, mentions, coref, coref.entities);
  result.entities = std::move(coref.entities);
  result.mentions = std::move(coref.mentions);
  return result;
}

}  // namespace kg::extract
