#pragma once
// The feature templates of kg's dependency parser: the rich non-local features of Zhang &
// Nivre (ACL 2011, "Transition-based Dependency Parsing with Rich Non-local Features") carried
// over from arc-eager to arc-hybrid (the top of the stack plays ZN's S0, its would-be head
// s1 their S0h): words, tags and labels of the stack and buffer words and of their leftmost
// and rightmost dependents, their pairs and tag triples, distance, valency, second-order
// (second leftmost/rightmost) dependents and the sets of relations on each side.
// Shared by the parser and its trainer, and part of the model's fingerprint.

#include <cstdint>
#include <string_view>
#include <vector>

#include "extract/perceptron.h"
#include "extract/sentence.h"
#include "extract/transition_system.h"

namespace kg::extract {

// What the features read of one node, computed once per sentence.
struct NodeAttributes {
  uint64_t word = 0;    // hash of the normalised form (lower case, digits as 0)
  uint64_t suffix = 0;  // hash of the normalised form's last three bytes
  uint8_t xpos = 0;
  uint8_t upos = 0;
  uint8_t shape = 0;    // capitalisation and character class (lower, Title, UPPER, ...)
};

// The attributes of node 0 (root), the words 1..n and the sentinel n + 1.
std::vector<NodeAttributes> node_attributes(const Sentence& sentence);

// Writes the features of `state` to `out` (room for kMaxParserFeatures) and returns how many.
inline constexpr int kMaxParserFeatures = 160;
int parser_features(const ParseState& state, const NodeAttributes* nodes, FeatureId* out);

// Names the template set; changes whenever a template changes, so old models are refused.
inline constexpr std::string_view kParserFeatureTemplates = "zn2011-arc-hybrid-v2";

}  // namespace kg::extract
