#include "graph/country_names.h"

#include <array>
#include <string>
#include <unordered_map>

#include "graph/resolver.h"

namespace kg::graph {
namespace {

// Each row: the usual English short name first, then other names of the same country as
// English-language news writes them. Acronyms are written with or without dots alike: the
// resolution key drops the dots ("U.S." and "US" are both "us").
struct Country {
  std::string_view name;
  std::array<std::string_view, 6> other;
};
constexpr std::array<Country, 25> kCountries{{
    {"United States", {"United States of America", "US", "USA", "America"}},
    {"United Kingdom", {"UK", "Britain", "Great Britain", "United Kingdom of Great Britain and Northern Ireland"}},
    {"Russia", {"Russian Federation"}},
    {"China", {"People's Republic of China", "PRC", "Mainland China"}},
    {"Taiwan", {"Republic of China", "ROC"}},
    {"South Korea", {"Republic of Korea", "ROK"}},
    {"North Korea", {"Democratic People's Republic of Korea", "DPRK"}},
    {"Netherlands", {"Holland", "Kingdom of the Netherlands"}},
    {"Czech Republic", {"Czechia"}},
    {"Myanmar", {"Burma"}},
    {"Eswatini", {"Swaziland"}},
    {"North Macedonia", {"Republic of North Macedonia"}},
    {"Turkey", {"Türkiye", "Republic of Turkey"}},
    {"Ivory Coast", {"Côte d'Ivoire"}},
    {"United Arab Emirates", {"UAE"}},
    {"Democratic Republic of the Congo", {"DRC", "DR Congo", "Congo-Kinshasa"}},
    {"Republic of the Congo", {"Congo-Brazzaville"}},
    {"Vatican City", {"Holy See", "Vatican"}},
    {"Germany", {"Federal Republic of Germany"}},
    {"France", {"French Republic"}},
    {"Iran", {"Islamic Republic of Iran"}},
    {"Syria", {"Syrian Arab Republic"}},
    {"Moldova", {"Republic of Moldova"}},
    {"Timor-Leste", {"East Timor"}},
    {"Cape Verde", {"Cabo Verde"}},
}};

}  // namespace

std::string_view country_of(std::string_view key) {
  static const std::unordered_map<std::string, std::string_view> by_key = [] {
    std::unordered_map<std::string, std::string_view> out;
    for (const Country& c : kCountries) {
      out.emplace(resolution_key(c.name, extract::EntityType::kLocation), c.name);
      for (std::string_view other : c.other) {
        if (!other.empty()) out.emplace(resolution_key(other, extract::EntityType::kLocation), c.name);
      }
    }
    return out;
  }();
  const auto it = by_key.find(std::string(key));
  return it == by_key.end() ? std::string_view() : it->second;
}

}  // namespace kg::graph
