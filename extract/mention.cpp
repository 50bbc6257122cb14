#include "extract/mention.h"

#include "extract/enum_names.h"

namespace kg::extract {

namespace {
const auto kLinkRuleNames = KG_ENUM_NAMES(LinkRule, KG_LINK_RULES);
}

std::string_view to_string(LinkRule rule) { return kLinkRuleNames.name(rule); }
std::optional<LinkRule> parse_link_rule(std::string_view text) {
  return kLinkRuleNames.parse(text);
}

}  // namespace kg::extract
