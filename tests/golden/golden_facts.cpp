#include "tests/golden/golden_facts.h"

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>
#include <stdexcept>
#include <tuple>

namespace kg::golden {

namespace {

std::vector<std::string> split(const std::string& text, char sep) {
  std::vector<std::string> out;
  std::string part;
  std::istringstream in(text);
  while (std::getline(in, part, sep)) out.push_back(part);
  if (!text.empty() && text.back() == sep) out.emplace_back();
  return out;
}

std::string normalise(const std::string& name) {
  std::string s;
  for (char c : name) {
    if (c == '.' || c == ',' || c == '"') continue;
    s += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  for (const char* ending : {"'s", "\xE2\x80\x99s"}) {
    const std::string e(ending);
    if (s.size() > e.size() && s.compare(s.size() - e.size(), e.size(), e) == 0) {
      s.erase(s.size() - e.size());
    }
  }
  std::string out;
  for (const std::string& w : split(s, ' ')) {
    if (w.empty()) continue;
    if (!out.empty()) out += ' ';
    out += w;
  }
  if (out.rfind("the ", 0) == 0) out.erase(0, 4);
  return out;
}

// The head noun of a role relation ("foreign_minister_of" -> "minister",
// "minister_of_foreign_affair_of" -> "minister"), or "" if the relation is not a role.
std::string role_head(const std::string& relation) {
  static const std::set<std::string> kNotRoles = {"participate_in", "be_part_of", "place",
                                                  "date"};
  if (kNotRoles.count(relation) || relation.size() < 4 ||
      relation.compare(relation.size() - 3, 3, "_of") != 0) {
    return "";
  }
  std::string title = relation.substr(0, relation.size() - 3);
  const size_t of = title.find("_of_");
  if (of != std::string::npos) title.erase(of);
  const size_t underscore = title.rfind('_');
  return underscore == std::string::npos ? title : title.substr(underscore + 1);
}

const std::vector<std::set<std::string>>& relation_classes() {
  static const std::vector<std::set<std::string>> classes = {
      {"meet", "talk", "speak", "negotiate", "hold_talk_with", "confer"},
      {"participate_in", "attend", "take_part_in", "join", "be_involve_in", "be_at"},
      {"hold", "conduct", "have", "host"},
      {"brief", "inform", "brief_on", "inform_about"},
      {"report", "say", "reveal", "note", "tell"},
      {"write_in", "write", "publish_in", "publish"},
      {"lead", "head", "chair"},
  };
  return classes;
}

const std::vector<std::set<std::string>>& role_classes() {
  static const std::vector<std::set<std::string>> classes = {
      {"fellow", "member"},
      {"chief", "head", "leader"},
      {"expert", "specialist", "analyst"},
      {"spokeswoman", "spokesman", "spokesperson"},
  };
  return classes;
}

bool same_class(const std::vector<std::set<std::string>>& classes, const std::string& a,
                const std::string& b) {
  if (a == b) return true;
  for (const auto& c : classes) {
    if (c.count(a) && c.count(b)) return true;
  }
  return false;
}

bool symmetric(const std::string& relation) {
  return relation_classes()[0].count(relation) > 0;
}

}  // namespace

bool names_match(const std::string& golden, const std::string& kg) {
  const std::string g = normalise(golden);
  const std::string k = normalise(kg);
  if (g == k) return true;
  const std::vector<std::string> gw = split(g, ' ');
  const std::vector<std::string> kw = split(k, ' ');
  // The same head noun, singular or plural, for descriptions written in lower case
  // ("discussions" names the cluster kg calls by its first mention, "the discussion"; not
  // "Kansas" and "Kansa").
  const bool descriptions = !golden.empty() && !kg.empty() && golden[0] >= 'a' &&
                            golden[0] <= 'z' && kg[0] >= 'a' && kg[0] <= 'z';
  const auto singular = [&](std::string w) {
    if (descriptions && w.size() > 3 && w.back() == 's' && w[w.size() - 2] != 's') w.pop_back();
    return w;
  };
  if (gw.empty() || kw.empty() || singular(gw.back()) != singular(kw.back())) return false;
  for (size_t i = 0; i + 1 < gw.size(); ++i) {
    if (std::find(kw.begin(), kw.end(), gw[i]) == kw.end()) return false;
  }
  return true;
}

bool relations_match(const std::string& golden, const std::string& kg) {
  if (golden == kg) return true;
  const std::string gr = role_head(golden);
  const std::string kr = role_head(kg);
  if (!gr.empty() || !kr.empty()) return !gr.empty() && !kr.empty() && same_class(role_classes(), gr, kr);
  return same_class(relation_classes(), golden, kg);
}

bool matches(const GoldenFact& g, const Fact& f) {
  if (g.document != f.document || g.negated != f.negated) return false;
  if (!relations_match(g.relation, f.relation)) return false;
  auto any = [](const std::vector<std::string>& names, const std::string& kg) {
    return std::any_of(names.begin(), names.end(),
                       [&](const std::string& n) { return names_match(n, kg); });
  };
  if (any(g.subjects, f.subject) && any(g.objects, f.object)) return true;
  return symmetric(g.relation) && any(g.subjects, f.object) && any(g.objects, f.subject);
}

std::vector<GoldenFact> read_golden(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error(path + ": cannot open");
  std::vector<GoldenFact> out;
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (line.empty() || line[0] == '#') continue;
    const std::vector<std::string> f = split(line, '\t');
    if (f.size() != 5 || (f[4] != "+" && f[4] != "-")) {
      throw std::runtime_error(path + ":" + std::to_string(number) +
                               ": expected document, subject, relation, object, +/-");
    }
    GoldenFact g;
    g.document = f[0];
    g.subjects = split(f[1], '|');
    g.relation = f[2];
    g.objects = split(f[3], '|');
    g.negated = f[4] == "-";
    g.line = number;
    out.push_back(std::move(g));
  }
  return out;
}

Score score(const std::vector<GoldenFact>& golden, const std::vector<Fact>& facts) {
  Score s;
  std::set<std::string> documents;
  for (const GoldenFact& g : golden) documents.insert(g.document);
  // Distinct kg facts, by normalised names.
  std::vector<Fact> distinct;
  std::set<std::tuple<std::string, std::string, std::string, std::string, bool>> seen;
  for (const Fact& f : facts) {
    if (!documents.count(f.document)) continue;
    if (seen.insert({f.document, normalise(f.subject), f.relation, normalise(f.object), f.negated})
            .second) {
      distinct.push_back(f);
    }
  }
  s.golden = static_cast<int>(golden.size());
  s.facts = static_cast<int>(distinct.size());
  for (const GoldenFact& g : golden) {
    const bool hit = std::any_of(distinct.begin(), distinct.end(),
                                 [&](const Fact& f) { return matches(g, f); });
    if (hit) {
      ++s.found;
    } else {
      s.missed.push_back(&g);
    }
  }
  for (const Fact& f : distinct) {
    const bool hit = std::any_of(golden.begin(), golden.end(),
                                 [&](const GoldenFact& g) { return matches(g, f); });
    if (hit) {
      ++s.correct;
    } else {
      s.wrong.push_back(f);
    }
  }
  return s;
}

std::string report(const Score& s) {
  std::ostringstream out;
  out << "recall " << s.found << "/" << s.golden << " = " << s.recall() << ", precision "
      << s.correct << "/" << s.facts << " = " << s.precision() << "\n";
  out << "missed golden facts:\n";
  for (const GoldenFact* g : s.missed) {
    out << "  line " << g->line << ": " << g->document << "  " << g->subjects.front() << " "
        << g->relation << " " << g->objects.front() << (g->negated ? " [not]" : "") << "\n";
  }
  out << "kg facts matching no golden fact:\n";
  for (const Fact& f : s.wrong) {
    out << "  " << f.document << "  " << f.subject << " " << f.relation << " " << f.object
        << (f.negated ? " [not]" : "") << "\n";
  }
  return out.str();
}

}  // namespace kg::golden
