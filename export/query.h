#pragma once
// The look-ups behind `kg query` and `kg stats`, answered from the SQLite store's indexes:
// names through the alias index, neighbours through the edge indexes, evidence through the
// evidence and triple keys. Only `path` loads the graph (its edges, not their evidence).
// Results are plain structs; cli/ formats them as tables, CSV or JSON.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "export/store.h"
#include "extract/tags.h"
#include "extract/triple.h"

namespace kg::exporter {

struct EntityInfo {
  uint32_t id = 0;  // node index: "n<id>" in every export
  std::string label;
  extract::EntityType type = extract::EntityType::kOther;
  std::string key;
  uint32_t mentions = 0;
  uint32_t documents = 0;
  uint32_t degree = 0;
};

struct AliasInfo {
  std::string name;
  uint32_t mentions = 0;
  uint32_t documents = 0;
};

// Node ids as users type them ("n12") and as exports write them.
std::string node_id(uint32_t node);

// --- names -----------------------------------------------------------------------------

// The entity a user means by `name`: the node whose aliases include a name with the same
// name_key (case, accents, punctuation, possessive and leading "the" ignored), or the node
// with that id ("n12"). Throws kg::InputError when no node matches ("did you mean" with the
// closest aliases) or several do (listing them with their ids and types).
uint32_t resolve_entity(const Store& store, std::string_view name);

EntityInfo entity_info(const Store& store, uint32_t node);
std::vector<AliasInfo> entity_aliases(const Store& store, uint32_t node);

// --- entities --------------------------------------------------------------------------

struct EntityFilter {
  std::optional<extract::EntityType> type;
  std::string match;  // entities with an alias whose name_key contains name_key(match)
  size_t limit = 0;   // 0: all
};

// Entities by descending degree, then id.
std::vector<EntityInfo> find_entities(const Store& store, const EntityFilter& filter);

// --- neighbours and facts --------------------------------------------------------------

struct EdgeInfo {
  uint32_t id = 0;
  uint32_t source = 0;
  uint32_t target = 0;
  std::string source_label;
  std::string target_label;
  std::string relation;
  bool negated = false;
  std::string modality;
  uint32_t weight = 0;
  double confidence = 0;
};

struct Neighbour {
  EntityInfo entity;
  uint32_t distance = 0;
};

struct NeighbourhoodInfo {
  EntityInfo center;
  std::vector<Neighbour> neighbours;  // by distance, then id; without the center
  std::vector<EdgeInfo> edges;        // the edges walked, by id
};

// The entities within `depth` hops of `node` over edges in either direction, optionally only
// over edges with one of `relations`.
NeighbourhoodInfo neighbours(const Store& store, uint32_t node, int depth,
                             const std::vector<std::string>& relations);

struct EvidenceInfo {
  std::string document;  // document id
  uint32_t sentence = 0;
  std::string sentence_text;
  uint32_t start = 0;  // code points into the document's text
  uint32_t end = 0;
  double confidence = 1.0;
  std::string attributed_to;  // label of the entity who said it; empty if stated directly
  std::vector<extract::Argument> arguments;  // spans are code points
};

struct FactInfo {
  EdgeInfo edge;
  std::vector<std::string> sources;  // document ids
  std::vector<EvidenceInfo> evidence;
};

// The facts (edges with their evidence) at `a`, or between `a` and `b` in either direction;
// strongest (weight) first, then by id.
std::vector<FactInfo> facts(const Store& store, uint32_t a, std::optional<uint32_t> b);

// --- paths -----------------------------------------------------------------------------

struct PathInfo {
  std::vector<EntityInfo> nodes;
  std::vector<EdgeInfo> edges;  // edges[i] joins nodes[i] and nodes[i + 1], either direction
  double cost = 0;
};

// The shortest path preferring strong edges (graph::shortest_path); nullopt when the two are
// not connected.
std::optional<PathInfo> path(const Store& store, uint32_t from, uint32_t to);

// --- explain ---------------------------------------------------------------------------

// Where a name the user typed occurs: a mention or local entity name in one document.
struct NameUse {
  std::string document;
  std::string local_name;  // the document-local entity it belongs to
  std::string text;        // the name as written there
  std::string rule;        // in-document link rule ("name", "surname", ...) or "entity name"
  uint32_t entity = 0;     // the node of that local entity
};

struct MergeInfo {
  std::string document;
  std::string name;         // the local entity that joined
  std::string anchor_document;
  std::string anchor_name;  // the local entity it was matched with
  std::string rule;
  std::string evidence;
};

struct Explanation {
  std::string name_a;
  std::string name_b;
  EntityInfo a;
  EntityInfo b;
  bool same = false;
  std::vector<AliasInfo> aliases_a;
  std::vector<AliasInfo> aliases_b;  // empty when `same`
  std::vector<NameUse> uses_a;       // where name_a occurs as an alias of a
  std::vector<NameUse> uses_b;
  std::vector<MergeInfo> merges;     // merge decisions of the node (a and, if apart, b)
  std::string apart;                 // when not `same`: why, in one sentence
};

// Why `name_a` and `name_b` are, or are not, one node: their aliases, where each name occurs
// and how it was linked in its document, the merge decisions with their rule and evidence,
// or the resolver's reason for keeping them apart.
Explanation explain(const Store& store, std::string_view name_a, std::string_view name_b);

// --- stats -----------------------------------------------------------------------------

struct Stats {
  uint64_t documents = 0;
  uint64_t sentences = 0;
  uint64_t mentions = 0;
  uint64_t triples = 0;
  uint64_t entities = 0;
  uint64_t aliases = 0;
  uint64_t edges = 0;
  uint64_t merges = 0;
  std::vector<std::pair<std::string, uint64_t>> entities_by_type;  // by type name
  std::vector<std::pair<std::string, uint64_t>> top_relations;     // most frequent first
  std::vector<EntityInfo> top_entities;                            // by degree
  std::vector<std::pair<uint32_t, uint64_t>> sources_per_edge;     // weight -> edges
};

Stats stats(const Store& store, size_t top = 10);

}  // namespace kg::exporter
