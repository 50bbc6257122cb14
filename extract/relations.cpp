#include "extract/relations.h"

#include <array>
#include <utility>

#include "extract/word_classes.h"

namespace kg::extract {

std::string verb_relation(const DependencyTree& t, const Clause& c) {
  std::string out;
  for (size_t j = 0; j < c.predicates.size(); ++j) {
    const int v = c.predicates[j];
    if (j + 1 == c.predicates.size() && c.copula >= 0) {
      // "seems to be aware": the copular end of a chain reads as "be_aware".
      if (!out.empty()) out += "_to_";
      out += "be_";
      out += t.lemma(v);
      break;
    }
    if (j > 0) {
      const int mark = t.child(v, Deprel::kMark);
      out += (mark >= 0 && t.lemma(mark) == "to") ? "_to_" : "_";
    }
    out += t.lemma(v);
    for (int ch : t.children(v)) {
      // "along"/"together" before "with" start the phrase "along with", not a particle.
      const bool along = (t.lemma(ch) == "along" || t.lemma(ch) == "together") &&
                         ch + 1 < t.size() && t.lemma(ch + 1) == "with";
      if (t.deprel(ch) == Deprel::kCompoundPrt && !along) {
        out += '_';
        out += t.lemma(ch);
      }
    }
  }
  for (char& ch : out) {
    if (ch == ' ') ch = '_';
  }
  return out;
}

std::string with_preposition(std::string relation, std::string_view preposition) {
  if (preposition.empty()) return relation;
  if (preposition == "with" && absorbs_with(relation)) return relation;
  relation += '_';
  for (char ch : preposition) relation += ch == ' ' ? '_' : ch;
  return relation;
}

NormalisedRelation normalise_relation(std::string relation, EntityType subject,
                                      EntityType object) {
  static const std::array<std::pair<std::string_view, std::string_view>, 6> kSynonyms = {{
      {"be_involve_in", "participate_in"},
      {"take_part_in", "participate_in"},
      {"be_part_of", "participate_in"},
      {"join_in", "participate_in"},
      {"hold_talk_with", "talk"},
      {"have_talk_with", "talk"},
  }};
  for (const auto& [from, to] : kSynonyms) {
    if (relation == from) return {std::string(to), false};
  }
  if (subject == EntityType::kEvent && object != EntityType::kEvent &&
      object != EntityType::kDate && object != EntityType::kLocation &&
      (relation == "involve" || relation == "include" || relation == "bring_together")) {
    return {"participate_in", true};
  }
  return {std::move(relation), false};
}

}  // namespace kg::extract
