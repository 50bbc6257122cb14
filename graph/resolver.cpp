#include "graph/resolver.h"

#include <unordered_map>
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
  // Group by (type, key). Names repeat across documents far more than keys differ from
  // names, so the key is computed once per distinct (type, name).
  struct Group {
    uint32_t entity;
    LocalRef first;
  };
  std::unordered_map<std::string, Group> groups;             // type byte + key -> group
  std::unordered_map<std::string, const Group*> by_name;      // type byte + name -> group
  std::string name_lookup;
  for (uint32_t d = 0; d < documents.size(); ++d) {
    const auto& entities = documents[d].entities;
    out.entity_of[d].resize(entities.size());
    for (uint32_t e = 0; e < entities.size(); ++e) {
      const LocalRef here{d, e};
      name_lookup.assign(1, static_cast<char>(entities[e].type));
      name_lookup += entities[e].name;
      const Group* group = nullptr;
      if (auto hit = by_name.find(name_lookup); hit != by_name.end()) {
        group = hit->second;
      } else {
        std::string key(1, static_cast<char>(entities[e].type));
        key += entity_key(entities[e].name);
        auto [it, inserted] = groups.try_emplace(std::move(key), Group{out.entity_count, here});
        if (inserted) ++out.entity_count;
        group = &it->second;  // unordered_map nodes are stable
        by_name.emplace(name_lookup, group);
      }
      if (!(group->first == here)) {
        out.merges.push_back(MergeDecision{here, group->first, MergeRule::kExactName, {}});
      }
      out.entity_of[d][e] = group->entity;
    }
  }
  return out;
}

std::string describe_merge(MergeRule rule, const LocalSummary& member, const LocalSummary& anchor,
                           std::string_view evidence) {
  std::string out = "'" + member.name + "' in " + member.document + " and '" + anchor.name +
                    "' in " + anchor.document;
  switch (rule) {
    case MergeRule::kExactName:
      out += " both normalise to '" + entity_key(member.name) + "' and are both " +
             std::string(extract::to_string(member.type));
      break;
  }
  if (!evidence.empty()) out += " (" + std::string(evidence) + ")";
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
