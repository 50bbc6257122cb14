#pragma once
// Entity and Mention: who and what a document names, before cross-document resolution.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "extract/span.h"
#include "extract/tags.h"

namespace kg::extract {

// Why a mention belongs to its document-local entity (in-document coreference). Kept in the
// map and the store so `kg query explain` can say how a name was linked.
#define KG_LINK_RULES(X)                                                                     \
  X(kName, "name")               /* the entity's own full name */                            \
  X(kSameName, "same_name")      /* the same name again, after normalisation */             \
  X(kSurname, "surname")         /* a surname (or title + surname) of a person named earlier */ \
  X(kAcronym, "acronym")         /* an acronym defined for, or matching, an organisation */  \
  X(kExpansion, "expansion")     /* the expansion of an acronym used earlier */              \
  X(kApposition, "apposition")   /* "Richard Haass, a former diplomat" */                    \
  X(kPronoun, "pronoun")         /* he, she, they ... to the nearest compatible antecedent */ \
  X(kDescription, "description") /* "the council" to the unique matching organisation */ \
  X(kShortName, "short_name")    /* the first words of an organisation's name ("Kestrel") */

#define KG_ENUMERATOR(name, text) name,
enum class LinkRule : uint8_t { KG_LINK_RULES(KG_ENUMERATOR) };
#undef KG_ENUMERATOR

std::string_view to_string(LinkRule rule);
std::optional<LinkRule> parse_link_rule(std::string_view text);

// One entity as one document knows it: everything its mentions were linked to.
struct Entity {
  std::string name;                 // the fullest name the document uses
  EntityType type = EntityType::kOther;
  std::vector<std::string> titles;  // roles and titles seen with it ("Foreign Minister")
};

// One occurrence of an entity in the text.
struct Mention {
  int entity = -1;    // index into DocumentResult::entities
  int sentence = -1;  // index into Document::sentences
  Span span;          // the name (or pronoun, acronym...) itself, titles excluded
  LinkRule rule = LinkRule::kName;
};

}  // namespace kg::extract
