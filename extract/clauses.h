#pragma once
// Clauses: the predicate-argument structures of one parsed sentence, read off its UD tree in
// the style of ClausIE (Del Corro & Gemulla, "ClausIE: Clause-Based Open Information
// Extraction", WWW 2013): each clause has a subject, a verb group and the constituents the
// verb governs, typed as one of SV, SVO, SVC, SVA, SVOO, SVOA, SVOC. Where ClausIE uses
// Stanford dependencies and verb dictionaries, kg uses UD relations and decides the type from
// the constituents alone (an obligatory adverbial cannot be told from an optional one without
// a dictionary; kg treats the first prepositional adverbial of an object-less verb as the A of
// SVA, which is also what Open IE benchmarks expect).
//
// Besides verb clauses, the finder reads the clauses that a sentence states without a verb
// (ClausIE's "synthetic" clauses): appositions ("Haass, a former diplomat" -> Haass is a former
// diplomat), possessives ("Russia's foreign minister" -> Russia has a foreign minister) and
// participial modifiers ("the meeting, held in New York" -> the meeting held in New York).

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "extract/dependency_tree.h"
#include "extract/triple.h"

namespace kg::extract {

#define KG_CLAUSE_TYPES(X)                                                                 \
  X(kSV, "SV") X(kSVO, "SVO") X(kSVC, "SVC") X(kSVA, "SVA") X(kSVOO, "SVOO")               \
  X(kSVOA, "SVOA") X(kSVOC, "SVOC")

// Where a clause comes from in the sentence: decides how it is read and how much it is trusted.
#define KG_CLAUSE_ORIGINS(X)                                                               \
  X(kMain, "main")             /* the root clause, or one coordinated with it */           \
  X(kCoordinated, "coordinated") /* a verb conjoined to another clause, subject shared */   \
  X(kComplement, "complement") /* a clausal complement (ccomp): "said that ..." */          \
  X(kAdverbial, "adverbial")   /* an adverbial clause (advcl) */                            \
  X(kRelative, "relative")     /* a relative clause; the antecedent fills the gap */        \
  X(kParticiple, "participle") /* a participial modifier (acl) of a noun */                 \
  X(kApposition, "apposition") /* a synthetic "is" clause from an apposition */             \
  X(kPossessive, "possessive") /* a synthetic "has" clause from a possessive ("X's Y") */    \
  X(kParataxis, "parataxis")   /* a clause loosely attached (parataxis) */

#define KG_ENUMERATOR(name, text) name,
enum class ClauseType : uint8_t { KG_CLAUSE_TYPES(KG_ENUMERATOR) };
enum class ClauseOrigin : uint8_t { KG_CLAUSE_ORIGINS(KG_ENUMERATOR) };
#undef KG_ENUMERATOR

std::string_view to_string(ClauseType type);
std::string_view to_string(ClauseOrigin origin);
std::optional<ClauseType> parse_clause_type(std::string_view text);

// The part a constituent plays in its clause.
enum class Part : uint8_t {
  kSubject,
  kObject,          // direct object
  kIndirectObject,  // iobj
  kComplement,      // subject or object complement (copular predicate, non-verbal xcomp)
  kAdverbial,       // prepositional or bare adverbial (obl, obl:unmarked, ...)
  kAgent,           // the "by" phrase of a passive
  kClausal,         // a clausal object or subject (ccomp, csubj)
};

// One constituent: a head word and the words of its phrase. When a phrase is coordinated
// ("Haass and Kupchan"), `conjuncts` holds the head of each conjunct in order, the first
// being `head`; `words` then covers the whole coordination and `conjunct_words` each conjunct.
struct Constituent {
  Part part = Part::kObject;
  int head = -1;                 // 0-based word index in the sentence
  int marker = -1;               // the preposition heading an adverbial or agent ("in", "by")
  ArgumentRole role = ArgumentRole::kOther;  // time / place / other, for adverbials
  bool borrowed = false;         // filled from outside the clause (antecedent, shared subject)
  std::vector<int> words;        // sorted; the marker included, relative clauses excluded
  std::vector<int> conjuncts;    // heads of coordinated conjuncts ({head} when none)
  std::vector<std::vector<int>> conjunct_words;  // words of each conjunct (sorted)
};

struct Clause {
  int predicate = -1;            // main verb, or the non-verbal predicate of a copular clause
  std::vector<int> verb_group;   // auxiliaries, negation, modal, verbs (xcomp chain), particle
  int copula = -1;               // the copula of a copular clause, -1 otherwise
  std::vector<Constituent> constituents;  // the subject first, then in sentence order
  ClauseType type = ClauseType::kSV;
  ClauseOrigin origin = ClauseOrigin::kMain;
  bool passive = false;
  bool negated = false;
  int modal = -1;                // the modal auxiliary ("could"), -1 if none
  std::vector<int> predicates;   // every verb of the group (xcomp chain), `predicate` last
  // The clause this one is embedded in (ccomp, advcl, relative ...), -1 for a root clause.
  int parent = -1;
  // The clause that reports this one ("X said that <this>", "<this>, X said", "according to
  // X"), -1 when stated directly; `reporter` is the speaker's head word when known.
  int reported_by = -1;
  int reporter = -1;
  int conditional = -1;          // the "if" clause this one depends on, -1 if none

  const Constituent* subject() const {
    return !constituents.empty() && constituents.front().part == Part::kSubject
               ? &constituents.front()
               : nullptr;
  }
};

struct ClauseOptions {
  // Sentences longer than this are read only for their root clause and its direct
  // coordination: run-on "sentences" (lists, tables, missed boundaries) give nonsense clauses.
  int max_sentence_words = 120;
  // Expand coordinated verbs into clauses of their own (ClausIE does).
  bool split_coordinated_verbs = true;
};

// Finds the clauses of one parsed sentence. Stateless and thread-safe.
class ClauseFinder {
 public:
  explicit ClauseFinder(ClauseOptions options = {}) : options_(options) {}
  std::vector<Clause> find(const DependencyTree& tree) const;

 private:
  ClauseOptions options_;
};

}  // namespace kg::extract
