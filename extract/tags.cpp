#include "extract/tags.h"

#include "extract/enum_names.h"

namespace kg::extract {

namespace {
const auto kUposNames = KG_ENUM_NAMES(Upos, KG_UPOS_TAGS);
const auto kXposNames = KG_ENUM_NAMES(Xpos, KG_XPOS_TAGS);
const auto kDeprelNames = KG_ENUM_NAMES(Deprel, KG_DEPRELS);
const auto kEntityTypeNames = KG_ENUM_NAMES(EntityType, KG_ENTITY_TYPES);
}  // namespace

std::string_view to_string(Upos tag) { return kUposNames.name(tag); }
std::string_view to_string(Xpos tag) { return kXposNames.name(tag); }
std::string_view to_string(Deprel rel) { return kDeprelNames.name(rel); }
std::string_view to_string(EntityType type) { return kEntityTypeNames.name(type); }

std::optional<Upos> parse_upos(std::string_view text) { return kUposNames.parse(text); }
std::optional<Xpos> parse_xpos(std::string_view text) { return kXposNames.parse(text); }
std::optional<EntityType> parse_entity_type(std::string_view text) {
  return kEntityTypeNames.parse(text);
}

std::optional<Deprel> parse_deprel(std::string_view text) {
  if (auto rel = kDeprelNames.parse(text)) return rel;
  const size_t colon = text.find(':');
  if (colon == std::string_view::npos) return std::nullopt;
  return kDeprelNames.parse(text.substr(0, colon));
}

Deprel universal(Deprel rel) {
  const std::string_view text = to_string(rel);
  const size_t colon = text.find(':');
  if (colon == std::string_view::npos) return rel;
  return *kDeprelNames.parse(text.substr(0, colon));
}

}  // namespace kg::extract
