#pragma once
// Scores a graph's nodes against a hand-written list of real-world entities with their names
// (tests/golden/samples_entities.tsv): how many entities have a node (recall), how many
// entities are spread over several nodes (splits), how many nodes join names of several
// entities (over-merges). Reusable by any test that builds a graph: the resolver's tests on
// the example map, the end-to-end tests on `kg extract`'s map.
//
// Matching: a node names a gold entity when one of its aliases (or its label) has the same
// resolution key as one of the entity's names (graph::resolution_key(): case, accents,
// punctuation, possessive, leading article, a person's titles). Types are not compared (a
// wrong type is the extractor's error, not a resolution error). A name may belong to one gold
// entity only; read_gold_entities() refuses a list where two share one.

#include <algorithm>
#include <fstream>
#include <map>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include "extract/tags.h"
#include "graph/knowledge_graph.h"
#include "graph/resolver.h"

namespace kg::testing {

struct GoldEntity {
  extract::EntityType type = extract::EntityType::kOther;
  std::string name;
  std::vector<std::string> names;  // all its names, `name` first
};

// Reads "type<TAB>name[<TAB>other|names]" lines; '#' starts a comment line.
inline std::vector<GoldEntity> read_gold_entities(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::vector<GoldEntity> out;
  std::map<std::string, std::string> owner;  // key -> gold entity name
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> fields;
    for (size_t at = 0;;) {
      const size_t tab = line.find('\t', at);
      fields.push_back(line.substr(at, tab == std::string::npos ? std::string::npos : tab - at));
      if (tab == std::string::npos) break;
      at = tab + 1;
    }
    const auto type = extract::parse_entity_type(fields[0]);
    if (!type || fields.size() < 2 || fields.size() > 3 || fields[1].empty()) {
      throw std::runtime_error(path + ":" + std::to_string(number) + ": expected TYPE<TAB>NAME[<TAB>NAMES]");
    }
    GoldEntity g{*type, fields[1], {fields[1]}};
    if (fields.size() == 3) {
      for (size_t at = 0;;) {
        const size_t bar = fields[2].find('|', at);
        g.names.push_back(fields[2].substr(at, bar == std::string::npos ? std::string::npos : bar - at));
        if (bar == std::string::npos) break;
        at = bar + 1;
      }
    }
    for (const std::string& n : g.names) {
      const std::string key = graph::resolution_key(n, g.type);
      const auto [it, inserted] = owner.emplace(key, g.name);
      if (!inserted && it->second != g.name) {
        throw std::runtime_error(path + ":" + std::to_string(number) + ": the name '" + n +
                                 "' also belongs to '" + it->second + "'");
      }
    }
    out.push_back(std::move(g));
  }
  return out;
}

struct EntityScore {
  size_t gold = 0;             // gold entities
  size_t found = 0;            // gold entities that some node names
  size_t split = 0;            // gold entities named by two nodes or more
  size_t matched_nodes = 0;    // nodes naming at least one gold entity
  size_t over_merged = 0;      // nodes naming two gold entities or more
  size_t unmatched_nodes = 0;  // nodes naming none (groups, common nouns, extraction noise)
  std::vector<std::string> report;  // one line per miss, split and over-merge

  double recall() const { return gold ? static_cast<double>(found) / static_cast<double>(gold) : 1.0; }
  // Of the nodes that stand for gold entities, the share that stand for exactly one.
  double precision() const {
    return matched_nodes ? static_cast<double>(matched_nodes - over_merged) / static_cast<double>(matched_nodes)
                         : 1.0;
  }
  // Of the gold entities found, the share spread over several nodes.
  double split_rate() const { return found ? static_cast<double>(split) / static_cast<double>(found) : 0.0; }
};

inline EntityScore score_entities(const graph::KnowledgeGraph& g, const std::vector<GoldEntity>& gold) {
  std::map<std::string, size_t> gold_of;  // key -> gold index
  for (size_t i = 0; i < gold.size(); ++i) {
    for (const std::string& n : gold[i].names) gold_of[graph::resolution_key(n, gold[i].type)] = i;
  }
  EntityScore s;
  s.gold = gold.size();
  std::vector<std::vector<size_t>> nodes_of(gold.size());
  for (size_t n = 0; n < g.nodes.size(); ++n) {
    const graph::Node& node = g.nodes[n];
    std::set<size_t> named;
    auto look = [&](const std::string& name) {
      for (const std::string& key : {graph::entity_key(name), graph::resolution_key(name, node.type)}) {
        if (const auto it = gold_of.find(key); it != gold_of.end()) named.insert(it->second);
      }
    };
    look(node.label);
    for (const graph::Alias& a : node.aliases) look(a.name);
    if (named.empty()) {
      ++s.unmatched_nodes;
      continue;
    }
    ++s.matched_nodes;
    for (size_t i : named) nodes_of[i].push_back(n);
    if (named.size() > 1) {
      ++s.over_merged;
      std::string line = "over-merge: node '" + node.label + "' names";
      for (size_t i : named) line += " '" + gold[i].name + "'";
      s.report.push_back(line);
    }
  }
  for (size_t i = 0; i < gold.size(); ++i) {
    if (nodes_of[i].empty()) {
      s.report.push_back("missing: '" + gold[i].name + "'");
      continue;
    }
    ++s.found;
    if (nodes_of[i].size() > 1) {
      ++s.split;
      std::string line = "split: '" + gold[i].name + "' is";
      for (size_t n : nodes_of[i]) line += " '" + g.nodes[n].label + "'";
      s.report.push_back(line);
    }
  }
  return s;
}

}  // namespace kg::testing
