#include "extract/triple.h"

#include "extract/enum_names.h"

namespace kg::extract {

namespace {
const auto kArgumentRoleNames = KG_ENUM_NAMES(ArgumentRole, KG_ARGUMENT_ROLES);
}

std::string_view to_string(ArgumentRole role) { return kArgumentRoleNames.name(role); }
std::optional<ArgumentRole> parse_argument_role(std::string_view text) {
  return kArgumentRoleNames.parse(text);
}

}  // namespace kg::extract
