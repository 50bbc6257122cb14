#pragma once
// The resolver step of the reduce: which document-local entities are one real-world entity.
//
// Input: every document-local entity of every stored document, with its mentions (surface
// forms and link rules), titles and type: that is, the documents themselves. Output: one
// global entity per local entity, and one MergeDecision per local entity that joined an
// entity another local entity started, naming the rule and the evidence. The graph builder
// (graph/knowledge_graph.h) then derives nodes, aliases and edges from this assignment alone.
//
// Rules, in the order of evidence (docs/resolution.md has the full text and examples):
//   1. exact_name     the same normalised name (name_key(): case, accents, punctuation,
//                     possessive, leading article; titles in front of a person's name are
//                     stripped by split_title() and kept as attributes) and the same type;
//      country        places the gazetteer of country names lists as names of one country
//                     ("United States", "US", "America"; graph/country_names.h);
//   2. in_document    inside one document first: a bare surname joins the only person of the
//                     document with that surname, an acronym the only organisation of the
//                     document whose initials it is (the extractor's own chains, the
//                     document-local entities, already group the rest);
//   3. acronym        an acronym joins the expansion some document defines for it
//                     ("Council on Foreign Relations (CFR)", or the extractor's acronym and
//                     expansion links), if all definitions agree;
//      initials       otherwise, the only entity of its type whose initials it is;
//   4. transliteration / spelling
//                     long names (>= 8 letters, two words or more) of one type whose
//                     spelling_key()s are equal (transliteration) or one edit apart inside a
//                     word of 5 letters or more that keeps its first letter (spelling),
//                     persons only with the same first name, and only when corroborated by
//                     shared context: a common title, or at least two other entities both
//                     co-occur with;
//      word_order     a name "A of [the] B" and a name "B A" of one type, not persons ("National
//                     Security Council of the White House", "White House National Security
//                     Council"), corroborated by shared context like a spelling variant;
//   5. surname        a bare surname (a one-word person name) across documents joins the
//                     only person in the corpus with that surname; bare surnames that match
//                     no person, or several, stay apart (equal ones together).
// First, local entities of one exact name typed LOCATION in some documents and ORG in others
// take their majority type (NER's two readings of a place that acts: "the Kremlin said"), and
// ones typed NORP become PERSON where most of that name's local entities are persons ("the
// Biden administration").
// Constraints that no rule overrides: types must agree (after that step); two persons whose first names differ
// are never merged (checked on every union, so no chain of merges can join them); names that
// only share a word are never merged.
//
// Determinism: the output is a function of the *set* of documents. The caller passes them
// sorted by id; every rule visits candidates in a canonical order (local entities in document
// order, candidate pairs sorted), unions go into a union-find whose roots are the smallest
// member, and decisions that depend on the corpus (a definition, "the only person named ...")
// are taken over all documents at once. So one run, any input order, or shards merged one by
// one (each `kg merge` recomputes from every stored document) give the same graph. Adding
// documents can revise earlier decisions; docs/resolution.md lists which.

#include <cstddef>
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

// The rules by which local entities are merged across (and within) documents.
#define KG_MERGE_RULES(X)                                                                    \
  X(kExactName, "exact_name")         /* same normalised name and same type */              \
  X(kCountry, "country")             /* two names of one country (country_names.h) */   \
  X(kInDocument, "in_document")       /* surname or acronym resolved inside its document */ \
  X(kAcronym, "acronym")              /* acronym defined for this expansion in a document */ \
  X(kInitials, "initials")            /* acronym = initials of the only such entity */      \
  X(kTransliteration, "transliteration") /* same spelling_key(), shared context */          \
  X(kSpelling, "spelling")            /* spelling_key()s one edit apart, shared context */  \
  X(kWordOrder, "word_order")         /* "A of the B" is "B A", shared context */            \
  X(kSurname, "surname")              /* bare surname, the only person of that surname */

#define KG_ENUMERATOR(name, text) name,
enum class MergeRule : uint8_t { KG_MERGE_RULES(KG_ENUMERATOR) };
#undef KG_ENUMERATOR

std::string_view to_string(MergeRule rule);
std::optional<MergeRule> parse_merge_rule(std::string_view text);

// Why `member` joined the global entity: it was matched with `anchor` by `rule`. Within a
// node the decisions form a tree rooted at the node's first local entity (in document order),
// each member pointing at its parent. `evidence` holds what the rule alone does not say (the
// defining document of an acronym, the shared context of a spelling variant); it is empty for
// exact_name, whose explanation follows from the two names (describe_merge()).
struct MergeDecision {
  LocalRef member;
  LocalRef anchor;
  MergeRule rule = MergeRule::kExactName;
  std::string evidence;
};

// A candidate match a rule looked at and refused: the two local entities stay apart (unless
// another rule joins them) and `kg query explain` says why.
struct KeptApart {
  LocalRef a;
  LocalRef b;
  MergeRule rule = MergeRule::kExactName;  // the rule that proposed the match
  std::string reason;
};

struct Resolution {
  // entity_of[d][e]: the global entity (0 .. entity_count-1) of local entity e of document d.
  // Global numbers are in order of first appearance; the graph builder renumbers them
  // canonically (by name key and type).
  std::vector<std::vector<uint32_t>> entity_of;
  uint32_t entity_count = 0;
  // The type of each global entity: its members' type, after one name typed LOCATION in some
  // documents and ORG in others was given its majority type (the resolver's first step).
  std::vector<extract::EntityType> entity_type;
  std::vector<MergeDecision> merges;  // in order of `member`
  std::vector<KeptApart> kept_apart;  // sorted by (a, b); a < b
};

// The comparison key of a name (aliases, look-ups): name_key(), or the name itself where
// normalisation leaves nothing (a name of punctuation only), so such names never merge with
// each other unless they are identical.
std::string entity_key(std::string_view name);

// The key the resolver compares local entities by: entity_key() of the name, for persons
// without the titles in front of it (split_title(): "Foreign Minister Sergey Lavrov" ->
// "sergey lavrov"); an acronym's letters without dots ("U.S." and "US" -> "us").
std::string resolution_key(std::string_view name, extract::EntityType type);

struct ResolverOptions {
  // Shortest spelling_key() the spelling and transliteration rules compare: short names
  // ("Iran"/"Iraq", "Haas"/"Hass") differ by one letter too often to mean the same entity.
  size_t min_spelling_length = 8;
  // Most edits between two spelling_key()s the spelling rule accepts. Candidates come from
  // one-deletion neighbourhoods, so raising it past 1 finds only substitution-like pairs.
  size_t max_spelling_edits = 1;
  // Co-occurring entities two spelling variants must share when they share no title.
  uint32_t min_shared_neighbours = 2;
  // Documents per entity read when collecting its context (the first ones, in order): keeps
  // the spelling rule linear when a hub entity appears in thousands of documents.
  uint32_t max_context_documents = 64;
  // Names in one candidate bucket of the spelling index beyond which the bucket is skipped
  // (a degenerate bucket would make the rule quadratic).
  uint32_t max_bucket = 64;
};

// The cross-document resolver (the rules above). Stateless and thread-safe.
class Resolver {
 public:
  explicit Resolver(ResolverOptions options = {}) : options_(options) {}

  // `documents` sorted by id, ids unique.
  Resolution resolve(std::span<const extract::DocumentResult> documents) const;

  // One sentence saying why two groups of local entities (two nodes) were kept apart: a
  // refused candidate of `resolution` between them if there is one, otherwise what separates
  // their names (types, first names, only a shared word, no rule relating them).
  std::string why_apart(std::span<const extract::DocumentResult> documents,
                        const Resolution& resolution, std::span<const LocalRef> a,
                        std::span<const LocalRef> b) const;

 private:
  ResolverOptions options_;
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
