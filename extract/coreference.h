#pragma once
// In-document coreference: groups the mentions of one document into document-local entities,
// each link with the rule that made it (extract::LinkRule), so `kg query explain` can say why.
//
// Rules, in the order they are tried for each mention (docs/relations.md has examples):
//   name         a new entity (the first mention of a name, group or event)
//   same_name    the same name again after normalisation (case, dots, possessive)
//   surname      a person's last name, or title + last name, to the full name named before;
//                a full name after its surname joins that entity
//   acronym      an acronym defined in parentheses, or equal to the initials of an
//                organisation named before ("CFR" -> "Council on Foreign Relations")
//   expansion    an organisation whose initials are an acronym used before
//   short_name   the first words of an organisation named before ("Kestrel" -> "Kestrel Mining")
//   apposition   a name in apposition to another name of the same type
//   pronoun      he/she/it/they (and their forms) to the nearest compatible antecedent in the
//                same or the two previous sentences: person and gender for he/she, where the
//                gender is learned from the document itself (a he/she with exactly one
//                person in reach), never from a list of first names; non-persons for it;
//                groups, nationalities and organisations for they
//   description  a definite description to the unique entity it fits: "the council" to the one
//                organisation whose name holds "council", "the foreign minister" to the one
//                person with that title, "the officials" to the group of officials named
//                before, "the meeting" to the meeting named before
// Unresolved pronouns and descriptions stay out of the entity list.

#include <vector>

#include "extract/dependency_tree.h"
#include "extract/document.h"
#include "extract/mention.h"
#include "extract/mentions.h"

namespace kg::extract {

struct CoreferenceResult {
  std::vector<Entity> entities;
  std::vector<Mention> mentions;   // the linked mentions, in document order
  std::vector<int> entity_of;      // per NominalMention: its entity, -1 if unresolved
  std::vector<Gender> genders;     // per entity, as learned from the document
};

struct CoreferenceOptions {
  // How many sentences back a pronoun looks for its antecedent (0 = its own sentence only).
  // News pronouns point at the previous sentence or two; further back errors dominate.
  int pronoun_window = 2;
};

class Coreference {
 public:
  explicit Coreference(CoreferenceOptions options = {}) : options_(options) {}
  CoreferenceResult resolve(const Document& document, const std::vector<DependencyTree>& trees,
                            const std::vector<NominalMention>& mentions) const;

 private:
  CoreferenceOptions options_;
};

// The key under which names are compared inside one document: lower case, dots and
// possessive endings removed, spaces collapsed ("U.S." -> "us", "Lavrov's" -> "lavrov").
std::string name_match_key(std::string_view name);

}  // namespace kg::extract
