#include "extract/ner_evaluation.h"

#include <algorithm>
#include <cstdio>
#include <sstream>
#include <tuple>

#include "extract/error.h"

namespace kg::extract {

NerEvaluation evaluate_entities(const std::vector<Sentence>& gold,
                                const std::vector<Sentence>& system,
                                const std::vector<EntityType>& types) {
  if (gold.size() != system.size()) {
    throw InputError("gold has " + std::to_string(gold.size()) + " sentences, system " +
                     std::to_string(system.size()) + " (score the same sentences)");
  }
  NerEvaluation e;
  e.types = types;
  auto scored = [&](EntityType t) { return std::find(types.begin(), types.end(), t) != types.end(); };
  auto key = [](const NamedEntity& x) { return std::tuple(x.first, x.last, x.type); };
  for (size_t s = 0; s < gold.size(); ++s) {
    if (gold[s].tokens.size() != system[s].tokens.size()) {
      throw InputError("sentence " + std::to_string(s + 1) + " (" + gold[s].id + ") has " +
                       std::to_string(gold[s].tokens.size()) + " gold words but " +
                       std::to_string(system[s].tokens.size()) + " system words");
    }
    std::vector<std::tuple<int, int, EntityType>> g, y;
    for (const NamedEntity& x : gold[s].entities) {
      if (scored(x.type)) g.push_back(key(x));
    }
    for (const NamedEntity& x : system[s].entities) {
      if (scored(x.type)) y.push_back(key(x));
    }
    std::sort(g.begin(), g.end());
    g.erase(std::unique(g.begin(), g.end()), g.end());
    std::sort(y.begin(), y.end());
    y.erase(std::unique(y.begin(), y.end()), y.end());
    for (const auto& x : g) ++e.per_type[static_cast<size_t>(std::get<2>(x))].gold;
    for (const auto& x : y) {
      Score& score = e.per_type[static_cast<size_t>(std::get<2>(x))];
      ++score.system;
      if (std::binary_search(g.begin(), g.end(), x)) ++score.correct;
    }
  }
  for (EntityType t : types) {
    const Score& s = e.per_type[static_cast<size_t>(t)];
    e.overall.gold += s.gold;
    e.overall.system += s.system;
    e.overall.correct += s.correct;
  }
  return e;
}

std::string format_ner_evaluation(const NerEvaluation& e, bool json) {
  std::vector<std::pair<std::string, const Score*>> rows = {{"overall", &e.overall}};
  for (EntityType t : e.types) {
    rows.emplace_back(std::string(to_string(t)), &e.per_type[static_cast<size_t>(t)]);
  }
  std::ostringstream out;
  char buf[256];
  if (json) {
    out << '{';
    for (size_t i = 0; i < rows.size(); ++i) {
      const Score& s = *rows[i].second;
      std::snprintf(buf, sizeof buf,
                    "%s\"%s\":{\"precision\":%.2f,\"recall\":%.2f,\"f1\":%.2f,\"gold\":%zu,"
                    "\"system\":%zu,\"correct\":%zu}",
                    i ? "," : "", rows[i].first.c_str(), 100 * s.precision(), 100 * s.recall(),
                    100 * s.f1(), s.gold, s.system, s.correct);
      out << buf;
    }
    out << "}\n";
    return out.str();
  }
  out << "Type      | Precision |    Recall |  F1 Score |   Gold | System | Correct\n"
      << "----------+-----------+-----------+-----------+--------+--------+--------\n";
  for (const auto& [name, s] : rows) {
    std::snprintf(buf, sizeof buf, "%-10s|%10.2f |%10.2f |%10.2f |%7zu |%7zu |%7zu\n",
                  name.c_str(), 100 * s->precision(), 100 * s->recall(), 100 * s->f1(), s->gold,
                  s->system, s->correct);
    out << buf;
  }
  return out.str();
}

}  // namespace kg::extract
