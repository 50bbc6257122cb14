#pragma once
// The resolver step of the reduce: which document-local entities are one real-world entity.
//
// Input: every document-local entity of every stored document, with its mentions (surface
// forms and link rules), titles and type: that is, the documents themselves. Output: one
// global entity per local entity, and one MergeDecision per local entity that joined an
// entity another local entity started, naming the rule and the evidence. The graph builder
// (graph/knowledge_graph.h) then derives nodes, aliases and edges from this assignment alone,
// so replacing the resolver (issue 7: acronyms, misspellings, surnames) changes nothing else.
//
// Determinism: the output depends only on the set of documents, not on the order they
// arrived in; callers pass the documents sorted by id (graph/knowledge_graph.h does).

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "extract/document_result.h"
#include "extract/tags.h"

namespace kg::graph {

// One document-local entity: DocumentResult::entities[entity] of the document at index
// `document` in the sorted list of documents.
struct LocalRef {
  uint32_t document = 0;
  uint32_t entity = 0;
  friend bool operator==(const LocalRef&, const LocalRef&) = default;
  friend auto operator<=>(const LocalRef&, const LocalRef&) = default;
};

// The rules by which local entities are merged across (and within) documents. Issue 7 adds
// acronym, spelling, surname and chain rules here.
#define KG_MERGE_RULES(X) X(kExactName, "exact_name") /* same normalised name and same type */

#define KG_ENUMERATOR(name, text) name,
enum class MergeRule : uint8_t { KG_MERGE_RULES(KG_ENUMERATOR) };
#undef KG_ENUMERATOR

std::string_view to_string(MergeRule rule);
std::optional<MergeRule> parse_merge_rule(std::string_view text);

// Why `member` joined the global entity that `anchor` (a local entity seen earlier in the
// sorted documents) belongs to. `evidence` holds what the rule alone does not say (issue 7's
// rules: the defining sentence of an acronym, the shared context of a spelling variant); it
// is empty for exact_name, whose explanation follows from the two names (describe_merge()).
struct MergeDecision {
  LocalRef member;
  LocalRef anchor;
  MergeRule rule = MergeRule::kExactName;
  std::string evidence;
};

struct Resolution {
  // entity_of[d][e]: the global entity (0 .. entity_count-1) of local entity e of document d.
  // Global numbers are in order of first appearance; the graph builder renumbers them
  // canonically (by name key and type).
  std::vector<std::vector<uint32_t>> entity_of;
  uint32_t entity_count = 0;
  std::vector<MergeDecision> merges;  // in order of `member`
};

// The comparison key of a local entity name: name_key(), or the name itself where
// normalisation leaves nothing (a name of punctuation only), so such names never merge with
// each other unless they are identical.
std::string entity_key(std::string_view name);

// What the resolver knows about one global entity when asked why two were kept apart.
struct EntitySummary {
  std::string label;
  std::string key;
  extract::EntityType type = extract::EntityType::kOther;
};

// The first resolver: local entities merge when their names have the same entity_key() and
// their types agree. Never merges different types ("Ukraine" the country and a "Ukraine"
// organisation stay apart). Stateless and thread-safe.
class ExactNameResolver {
 public:
  // `documents` sorted by id, ids unique.
  Resolution resolve(std::span<const extract::DocumentResult> documents) const;

  // One sentence saying why the two entities are separate nodes under this resolver's rules.
  std::string why_apart(const EntitySummary& a, const EntitySummary& b) const;
};

// A local entity as a merge explanation names it.
struct LocalSummary {
  std::string document;  // document id
  std::string name;
  extract::EntityType type = extract::EntityType::kOther;
};

// One sentence explaining a merge decision for people (`kg query explain`), from the rule,
// the two local entities and the decision's own evidence.
std::string describe_merge(MergeRule rule, const LocalSummary& member, const LocalSummary& anchor,
                           std::string_view evidence);

}  // namespace kg::graph
