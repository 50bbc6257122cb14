#include "graph/resolver.h"

#include <map>
#include <utility>

#include "extract/enum_names.h"
#include "graph/name_key.h"

namespace kg::graph {

namespace {
const auto kMergeRuleNames = KG_ENUM_NAMES(MergeRule, KG_MERGE_RULES);
}

std::string_view to_string(MergeRule rule) { return kMergeRuleNames.name(rule); }
std::optional<MergeRule> parse_merge_rule(std::string_view text) {
  return kMergeRuleNames.parse(text);
}

std::string entity_key(std::string_view name) {
  std::string key = name_key(name);
  if (key.empty()) key = name;
  return key;
}

Resolution ExactNameResolver::resolve(std::span<const extract::DocumentResult> documents) const {
  Resolution out;
  out.entity_of.resize(documents.size());
  // (type, key) -> (global entity, the first local entity with it)
  std::map<std::pair<extract::EntityType, std::string>, std::pair<uint32_t, LocalRef>> groups;
  for (uint32_t d = 0; d < documents.size(); ++d) {
    const auto& entities = documents[d].entities;
    out.entity_of[d].resize(entities.size());
    for (uint32_t e = 0; e < entities.size(); ++e) {
      const LocalRef here{d, e};
      auto [it, inserted] = groups.try_emplace({entities[e].type, entity_key(entities[e].name)},
                                               out.entity_count, here);
      if (inserted) {
        ++out.entity_count;
      } else {
        const LocalRef anchor = it->second.second;
        const extract::Entity& first = documents[anchor.document].entities[anchor.entity];
        out.merges.push_back(MergeDecision{
            here, anchor, MergeRule::kExactName,
            "'" + entities[e].name + "' in " + documents[d].document.id + " and '" + first.name +
                "' in " + documents[anchor.document].document.id + " both normalise to '" +
                it->first.second + "' and are both " +
                std::string(extract::to_string(entities[e].type))});
      }
      out.entity_of[d][e] = it->second.first;
    }
  }
  return out;
}

std::string ExactNameResolver::why_apart(const EntitySummary& a, const EntitySummary& b) const {
  if (a.key == b.key && a.type != b.type) {
    return "same normalised name '" + a.key + "' but different types (" +
           std::string(extract::to_string(a.type)) + " and " +
           std::string(extract::to_string(b.type)) + "): entities of different types are never merged";
  }
  return "different normalised names ('" + a.key + "' and '" + b.key +
         "'): the exact-name resolver merges only names that normalise to the same key";
}

}  // namespace kg::graph
