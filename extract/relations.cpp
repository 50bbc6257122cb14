#include "extract/relations.h"

#include <array>
#include <string_view>
#include <utility>

#include "extract/word_classes.h"

namespace kg::extract {

namespace {

// The verb's lemma, with one repair of a lemmatizer's "-ed" rule: after a vowel pair and "r"
// ("chaired", "cleared", "poured", "steered") the base has no final "e" ("chair", not
// "chaire"), unlike after one vowel ("hired" -> "hire") or "qu" ("required").
std::string verb_lemma(const DependencyTree& t, int v) {
  std::string lemma(t.lemma(v));
  const std::string_view form = t.form(v);
  const size_t n = form.size();
  if (n >= 6 && form.substr(n - 3) == "red" && lemma.size() == n - 1 && lemma.back() == 'e' &&
      std::string_view(lemma).substr(0, n - 2) == form.substr(0, n - 2)) {
    auto vowel = [](char c) {
      return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
    };
    // "qu" is a consonant: "required", "acquired" keep their "e".
    if (vowel(form[n - 4]) && vowel(form[n - 5]) && form[n - 6] != 'q') lemma.pop_back();
  }
  return lemma;
}

}  // namespace

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
    out += verb_lemma(t, v);
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
  static const std::array<std::pair<std::string_view, std::string_view>, 10> kSynonyms = {{
      {"be_involve_in", "participate_in"},
      // "the Russians involved in the talks": a participle modifying its noun.
      {"involved_in", "participate_in"},
      {"involve_in", "participate_in"},
      // "participated" parsed as a passive participle: the verb has no passive.
      {"be_participate_in", "participate_in"},
      {"be_take_part_in", "participate_in"},
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
