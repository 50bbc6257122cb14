#pragma once
// Shared by the parser's size and ensemble tools (parser_prune, parser_combine): the scores of
// a parser on a treebank with its gold tokens and its own tags, every tree predicted afresh.

#include <vector>

#include "extract/evaluation.h"
#include "extract/parser.h"
#include "extract/sentence.h"

namespace kg::bench {

inline extract::Evaluation score_parser(const extract::Parser& parser,
                                        const std::vector<extract::Sentence>& gold) {
  std::vector<extract::Sentence> system = gold;
  for (auto& s : system) {
    for (auto& t : s.tokens) t.head = -1;
    parser.annotate(s);
  }
  return extract::evaluate(gold, system);
}

}  // namespace kg::bench
