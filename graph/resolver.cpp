#include "graph/resolver.h"

#include <algorithm>
#include <functional>
#include <numeric>
#include <set>
#include <tuple>
#include <unordered_map>
#include <utility>

#include "extract/edit_distance.h"
#include "extract/enum_names.h"
#include "graph/country_names.h"
#include "graph/name_key.h"

namespace kg::graph {

using extract::DocumentResult;
using extract::EntityType;

namespace {
const auto kMergeRuleNames = KG_ENUM_NAMES(MergeRule, KG_MERGE_RULES);
}

std::string_view to_string(MergeRule rule) { return kMergeRuleNames.name(rule); }
std::optional<MergeRule> parse_merge_rule(std::string_view text) {
  return kMergeRuleNames.parse(text);
}

std::string entity_key(std::string_view name) {
  std::string key = name_key(name);
  if (key.empty()) key = name;
  return key;
}

namespace {

// "CFR", "U.S.", "NATO": 2 to 8 capital ASCII letters, optionally with dots, nothing else.
bool looks_like_acronym(std::string_view name, std::string* letters = nullptr) {
  size_t count = 0;
  for (char c : name) {
    if (c >= 'A' && c <= 'Z') {
      ++count;
    } else if (c != '.') {
      return false;
    }
  }
  if (count < 2 || count > 8) return false;
  if (letters) {
    letters->clear();
    for (char c : name) {
      if (c != '.') *letters += static_cast<char>(c + 32);
    }
  }
  return true;
}

}  // namespace

std::string resolution_key(std::string_view name, EntityType type) {
  const std::string_view bare = type == EntityType::kPerson ? split_title(name).name : name;
  std::string letters;
  if (looks_like_acronym(bare, &letters)) return letters;  // "U.S." and "US" are one name
  return entity_key(bare);
}

namespace {

// Words left out of initials ("Council on Foreign Relations" -> CFR) and of shared-word
// checks.
bool is_function_word(std::string_view w) {
  static const std::set<std::string_view> kWords = {"a",  "an",  "and", "at",  "de", "del",
                                                    "der", "des", "du",  "el",  "for", "in",
                                                    "la", "le",  "of",  "on",  "the", "to",
                                                    "und", "&"};
  return kWords.count(w) > 0;
}

std::vector<std::string_view> words_of(std::string_view key) {
  std::vector<std::string_view> out;
  size_t at = 0;
  while (at < key.size()) {
    size_t end = key.find(' ', at);
    if (end == std::string_view::npos) end = key.size();
    if (end > at) out.push_back(key.substr(at, end - at));
    at = end + 1;
  }
  return out;
}

// The initials a name can be abbreviated by: of all its words, and of its words other than
// function words ("council on foreign relations" -> "cofr" and "cfr"). Hyphenated words count
// as one. Empty for one-word names.
std::vector<std::string> initials_of(std::string_view key) {
  const auto words = words_of(key);
  if (words.size() < 2) return {};
  std::string all;
  std::string content;
  for (std::string_view w : words) {
    all += w[0];
    if (!is_function_word(w)) content += w[0];
  }
  std::vector<std::string> out{all};
  if (content != all && content.size() >= 2) out.push_back(content);
  return out;
}

bool contains(const std::vector<std::string>& list, std::string_view s) {
  return std::find(list.begin(), list.end(), s) != list.end();
}

std::string digits_of(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c >= '0' && c <= '9') out += c;
  }
  return out;
}

// First names are compatible when equal (after spelling_key()) or when one is the other's
// initial ("J" and "joe").
bool compatible_first_names(std::string_view a, std::string_view b) {
  if (a == b) return true;
  if (a.size() == 1 && !b.empty()) return b[0] == a[0];
  if (b.size() == 1 && !a.empty()) return a[0] == b[0];
  return false;
}

// A title as context: its key without qualifiers that do not change the role
// ("former diplomat" and "diplomat" are one role).
std::string title_key(std::string_view title) {
  std::string key = name_key(title);
  for (bool again = true; again;) {
    again = false;
    for (std::string_view q : {"former ", "outgoing ", "current ", "then ", "ex ", "acting ",
                               "late ", "the "}) {
      if (key.compare(0, q.size(), q) == 0) {
        key.erase(0, q.size());
        again = true;
      }
    }
  }
  return key;
}

std::string quoted(std::string_view s) { return "'" + std::string(s) + "'"; }

// What the resolver knows about one distinct (type, name).
struct NameInfo {
  std::string key;       // resolution_key()
  std::string spelling;  // spelling_key(key)
  std::string first;     // spelling_key of the first word (persons of two words or more)
  std::string last;      // spelling_key of the last word
  uint32_t words = 0;
  bool acronym = false;
  std::string letters;               // acronym letters, lower case
  std::vector<std::string> initials;  // what it could be abbreviated as
};

// A name or key with its type, as a hash key; the text lives in the documents or in NameInfo.
struct TypedText {
  EntityType type;
  std::string_view text;
  friend bool operator==(const TypedText&, const TypedText&) = default;
};
struct TypedTextHash {
  size_t operator()(const TypedText& t) const {
    return std::hash<std::string_view>{}(t.text) ^ (static_cast<size_t>(t.type) * 0x9E3779B97F4A7C15ull);
  }
};

// One union: two local entities (flat indexes) matched by a rule.
struct Link {
  uint32_t a;
  uint32_t b;
  MergeRule rule;
  std::string evidence;
};

// One resolution run over a sorted corpus: union-find over the local entities (flat index in
// document order), with per-component data for the constraints and the rules.
class Run {
 public:
  Run(std::span<const DocumentResult> documents, const ResolverOptions& options)
      : docs_(documents), options_(options) {
    offset_.reserve(docs_.size() + 1);
    uint32_t n = 0;
    for (const DocumentResult& d : docs_) {
      offset_.push_back(n);
      n += static_cast<uint32_t>(d.entities.size());
    }
    offset_.push_back(n);
    refs_.reserve(n);
    name_of_.reserve(n);
    for (uint32_t d = 0; d < docs_.size(); ++d) {
      for (uint32_t e = 0; e < docs_[d].entities.size(); ++e) refs_.push_back(LocalRef{d, e});
    }
    reconcile_types();
    std::unordered_map<TypedText, uint32_t, TypedTextHash> ids;  // (type, name) -> names_
    for (uint32_t i = 0; i < n; ++i) {
      const extract::Entity& entity = this->entity(i);
      auto [it, inserted] = ids.try_emplace(TypedText{type_[i], entity.name},
                                            static_cast<uint32_t>(names_.size()));
      if (inserted) {
        names_.push_back(describe(entity.name, type_[i]));
        names_type_.push_back(type_[i]);
      }
      name_of_.push_back(it->second);
    }
    // Distinct (type, key)s: rule 1's groups. names_ is complete, so views into it are stable.
    group_of_name_.resize(names_.size());
    for (uint32_t k = 0; k < names_.size(); ++k) {
      const auto [it, inserted] = groups_.try_emplace(TypedText{names_type_[k], names_[k].key},
                                                      static_cast<uint32_t>(groups_.size()));
      group_of_name_[k] = it->second;
    }
    group_first_.assign(groups_.size(), UINT32_MAX);
    parent_.resize(n);
    std::iota(parent_.begin(), parent_.end(), 0);
    next_member_.resize(n);
    std::iota(next_member_.begin(), next_member_.end(), 0);
    member_count_.assign(n, 1);
    first_of_.resize(n);
    std::iota(first_of_.begin(), first_of_.end(), 0);
    first_names_.resize(n);
    full_person_.assign(n, false);
    expanded_.assign(n, false);
    for (uint32_t i = 0; i < n; ++i) {
      const NameInfo& info = name(i);
      if (type(i) == EntityType::kPerson && info.words >= 2) {
        full_person_[i] = true;
        first_names_[i].push_back(info.first);
      }
      expanded_[i] = !info.acronym;
    }
  }

  Resolution resolve() {
    exact_names();
    countries();
    in_documents();
    collect_definitions();
    // Acronyms and spellings feed each other: a spelling merge can remove the ambiguity that
    // kept an acronym apart ("Council on/of Foreign Relations" both have the initials CFR).
    for (int round = 0; round < 4; ++round) {
      const bool acronym_merged = acronyms();
      const bool spelling_merged = spellings();
      const bool order_merged = word_orders();
      if (!acronym_merged && !spelling_merged && !order_merged) break;
    }
    surnames();
    bare_names();
    return finish();
  }

 private:
  // --- local entities -------------------------------------------------------------------
  uint32_t size() const { return static_cast<uint32_t>(refs_.size()); }
  const extract::Entity& entity(uint32_t i) const {
    return docs_[refs_[i].document].entities[refs_[i].entity];
  }
  EntityType type(uint32_t i) const { return type_[i]; }  // after reconcile_types()
  const NameInfo& name(uint32_t i) const { return names_[name_of_[i]]; }
  const std::string& doc_id(uint32_t i) const { return docs_[refs_[i].document].document.id; }
  bool is_bare_person(uint32_t i) const {
    return type(i) == EntityType::kPerson && name(i).words == 1;
  }
  std::string shown(uint32_t i) const {
    return quoted(entity(i).name) + " (" + doc_id(i) + ")";
  }

  static NameInfo describe(std::string_view raw, EntityType type) {
    NameInfo info;
    info.key = resolution_key(raw, type);
    info.spelling = spelling_key(info.key);
    const auto words = words_of(info.key);
    info.words = static_cast<uint32_t>(words.size());
    if (!words.empty()) {
      info.first = spelling_key(words.front());
      info.last = spelling_key(words.back());
    }
    const std::string_view bare = type == EntityType::kPerson ? split_title(raw).name : raw;
    info.acronym = looks_like_acronym(bare, &info.letters);
    if (!info.acronym) info.initials = initials_of(info.key);
    return info;
  }

  // --- union-find -------------------------------------------------------------------------
  uint32_t find(uint32_t i) {
    while (parent_[i] != i) {
      parent_[i] = parent_[parent_[i]];
      i = parent_[i];
    }
    return i;
  }

  bool compatible(uint32_t ra, uint32_t rb, std::string* why) const {
    for (const std::string& x : first_names_[ra]) {
      for (const std::string& y : first_names_[rb]) {
        if (!compatible_first_names(x, y)) {
          if (why) {
            *why = "first names differ (" + quoted(x) + " and " + quoted(y) +
                   "): two persons whose first names differ are never merged";
          }
          return false;
        }
      }
    }
    return true;
  }

  // Joins the components of a and b, unless a constraint forbids it (then the refusal is
  // recorded). The smaller index stays the root, so a root is its component's first member.
  bool unite(uint32_t a, uint32_t b, MergeRule rule, std::string evidence) {
    uint32_t ra = find(a);
    uint32_t rb = find(b);
    if (ra == rb) return false;
    std::string why;
    if (type(a) != type(b)) return false;  // every rule proposes same-type pairs only
    if (!compatible(ra, rb, &why)) {
      refuse(a, b, rule, why);
      return false;
    }
    if (rb < ra) std::swap(ra, rb);
    parent_[rb] = ra;
    std::swap(next_member_[ra], next_member_[rb]);  // splices the two circular lists
    member_count_[ra] += member_count_[rb];
    for (std::string& f : first_names_[rb]) {
      if (!contains(first_names_[ra], f)) first_names_[ra].push_back(std::move(f));
    }
    std::vector<std::string>().swap(first_names_[rb]);
    full_person_[ra] = full_person_[ra] || full_person_[rb];
    expanded_[ra] = expanded_[ra] || expanded_[rb];
    links_.push_back(Link{a, b, rule, std::move(evidence)});
    return true;
  }

  void refuse(uint32_t a, uint32_t b, MergeRule rule, std::string reason) {
    if (b < a) std::swap(a, b);
    refused_.push_back(Link{a, b, rule, std::move(reason)});
  }

  // Distinct components of `candidates`, each with its first candidate, in candidate order.
  std::vector<std::pair<uint32_t, uint32_t>> components(const std::vector<uint32_t>& candidates) {
    std::vector<std::pair<uint32_t, uint32_t>> out;  // (root, local)
    for (uint32_t c : candidates) {
      const uint32_t r = find(c);
      if (std::none_of(out.begin(), out.end(), [&](const auto& p) { return p.first == r; })) {
        out.emplace_back(r, c);
      }
    }
    return out;
  }

  std::string list_names(const std::vector<std::pair<uint32_t, uint32_t>>& found) const {
    std::string out;
    for (size_t i = 0; i < found.size() && i < 4; ++i) {
      out += (i ? ", " : "") + shown(found[i].second);
    }
    if (found.size() > 4) out += ", ...";
    return out;
  }

  // The first local entity with the same type and key (rule 1 joined them), or `i` itself
  // for bare surnames, which rule 1 leaves alone.
  uint32_t first_with_key(uint32_t i) const { return first_of_[i]; }

  // The members of the component rooted at `root`, in no particular order.
  std::vector<uint32_t> members_of(uint32_t root) const {
    std::vector<uint32_t> out;
    out.reserve(member_count_[root]);
    uint32_t at = root;
    do {
      out.push_back(at);
      at = next_member_[at];
    } while (at != root);
    return out;
  }

  // --- types: one name read two ways by NER ------------------------------------------------
  // Local entities of one exact name whose types NER confuses take one type, so rule 1 sees
  // one (docs/resolution.md, "Types first"):
  // - LOCATION and ORG: a place that acts ("the Kremlin said", "Ukraine signed") is an
  //   organisation in one article and a place in the next. The type most of them have wins
  //   (ties: most mentions, then LOCATION).
  // - NORP and PERSON: a person's name used as a modifier ("the Biden administration") is
  //   read as a nationality or group. The NORP ones become PERSON when more local entities of
  //   that name are persons than groups; a name that is mostly a group stays a group.
  // Other pairs are left alone: a person and a company that share a name ("Tom Ford"), a
  // person and a place ("Washington"), a country and its demonym stay apart.
  void reconcile_types() {
    type_.resize(size());
    for (uint32_t i = 0; i < size(); ++i) type_[i] = entity(i).type;
    reconcile(EntityType::kLocation, EntityType::kOrg, EntityType::kLocation, [](const auto& t) {
      const bool org = t.local[1] != t.local[0] ? t.local[1] > t.local[0]
                                                 : t.mentions[1] > t.mentions[0];
      return std::optional(org ? EntityType::kOrg : EntityType::kLocation);
    });
    reconcile(EntityType::kNorp, EntityType::kPerson, EntityType::kPerson, [](const auto& t) {
      return t.local[1] > t.local[0] ? std::optional(EntityType::kPerson) : std::nullopt;
    });
  }

  // One name typed `a` in some local entities and `b` in others: each takes choose(tally), or
  // keeps its own type where that is nullopt.
  // Names are compared by resolution_key(name, key_type). Mentions are counted only when some
  // name has as many local entities of each type (choose may use them to break the tie).
  struct TypeTally {
    std::string key;
    uint32_t local[2] = {0, 0};  // of type a, of type b
    uint64_t mentions[2] = {0, 0};
  };
  template <typename Choose>
  void reconcile(EntityType a, EntityType b, EntityType key_type, Choose choose) {
    constexpr uint32_t kNone = UINT32_MAX;
    auto slot = [&](EntityType t) { return t == a ? 0 : 1; };
    // Keys are computed once per distinct name (names repeat across documents).
    std::vector<TypeTally> tallies;
    std::unordered_map<std::string_view, uint32_t> by_name;  // raw name -> tallies
    std::unordered_map<std::string, uint32_t> by_key;        // key -> tallies
    std::vector<uint32_t> tally_of(size(), kNone);
    for (uint32_t i = 0; i < size(); ++i) {
      if (type_[i] != a && type_[i] != b) continue;
      auto [named, new_name] = by_name.try_emplace(entity(i).name, kNone);
      if (new_name) {
        std::string key = resolution_key(entity(i).name, key_type);
        auto [keyed, new_key] = by_key.try_emplace(key, static_cast<uint32_t>(tallies.size()));
        if (new_key) tallies.push_back(TypeTally{std::move(key)});
        named->second = keyed->second;
      }
      tally_of[i] = named->second;
      ++tallies[tally_of[i]].local[slot(type_[i])];
    }
    bool tie = false;
    for (const TypeTally& t : tallies) tie = tie || (t.local[0] > 0 && t.local[0] == t.local[1]);
    if (tie) {
      for (uint32_t d = 0; d < docs_.size(); ++d) {
        for (const extract::Mention& m : docs_[d].mentions) {
          const uint32_t i = offset_[d] + static_cast<uint32_t>(m.entity);
          if (m.entity < 0 || i >= offset_[d + 1] || tally_of[i] == kNone) continue;
          ++tallies[tally_of[i]].mentions[slot(type_[i])];
        }
      }
    }
    for (uint32_t i = 0; i < size(); ++i) {
      if (tally_of[i] == kNone) continue;
      const TypeTally& t = tallies[tally_of[i]];
      if (t.local[0] == 0 || t.local[1] == 0) continue;
      const std::optional<EntityType> choice = choose(t);
      if (!choice) continue;
      const EntityType chosen = *choice;
      if (chosen != type_[i]) {
        retyped_.emplace(i, quoted(t.key) + " is " + std::string(extract::to_string(a)) + " in " +
                                std::to_string(t.local[0]) + " local entities and " +
                                std::string(extract::to_string(b)) + " in " +
                                std::to_string(t.local[1]) + ": read as " +
                                std::string(extract::to_string(chosen)));
      }
      type_[i] = chosen;
    }
  }

  // --- rule 1: exact names ----------------------------------------------------------------
  void exact_names() {
    for (uint32_t i = 0; i < size(); ++i) {
      if (is_bare_person(i)) continue;  // surnames are resolved by rules 2 and 5
      uint32_t& first = group_first_[group_of_name_[name_of_[i]]];
      if (first == UINT32_MAX) {
        first = i;
      } else {
        const auto retyped = retyped_.find(retyped_.count(i) ? i : first);
        unite(i, first, MergeRule::kExactName,
              retyped == retyped_.end() ? std::string() : retyped->second);
      }
      first_of_[i] = first;
    }
  }

  // --- rule 1b: names of one country ------------------------------------------------------
  // "United States", "US", "America": places whose keys the gazetteer (graph/country_names.h)
  // lists as names of one country.
  void countries() {
    std::unordered_map<std::string_view, uint32_t> first;  // country -> first local entity
    for (uint32_t i = 0; i < size(); ++i) {
      if (type(i) != EntityType::kLocation || first_with_key(i) != i) continue;
      const std::string_view country = country_of(name(i).key);
      if (country.empty()) continue;
      const auto [it, inserted] = first.try_emplace(country, i);
      if (inserted) continue;
      unite(i, it->second, MergeRule::kCountry,
            quoted(name(i).key) + " and " + quoted(name(it->second).key) + " are names of " +
                quoted(country) + " in kg's list of country names");
    }
  }

  // --- rule 2: inside one document ---------------------------------------------------------
  void in_documents() {
    for (uint32_t d = 0; d < docs_.size(); ++d) {
      const uint32_t begin = offset_[d];
      const uint32_t end = offset_[d + 1];
      for (uint32_t i = begin; i < end; ++i) {
        if (is_bare_person(i)) {
          std::vector<uint32_t> same_surname;
          for (uint32_t j = begin; j < end; ++j) {
            if (j != i && full_person_[j] && type(j) == EntityType::kPerson &&
                name(j).last == name(i).last) {
              same_surname.push_back(j);
            }
          }
          const auto found = components(same_surname);
          if (found.size() == 1) {
            unite(i, found[0].second, MergeRule::kInDocument,
                  quoted(entity(i).name) + " is the surname of " + quoted(entity(found[0].second).name) +
                      ", the only person of that surname in " + doc_id(i));
          } else if (found.size() > 1) {
            for (const auto& [root, local] : found) {
              refuse(i, local, MergeRule::kInDocument,
                     std::to_string(found.size()) + " persons in " + doc_id(i) +
                         " have the surname " + quoted(entity(i).name) + " (" + list_names(found) +
                         "): a bare surname joins a person only when exactly one has it");
            }
          }
        } else if (name(i).acronym && type(i) != EntityType::kPerson) {
          std::vector<uint32_t> expansions;
          for (uint32_t j = begin; j < end; ++j) {
            if (type(j) == type(i) && contains(name(j).initials, name(i).letters)) {
              expansions.push_back(j);
            }
          }
          const auto found = components(expansions);
          if (found.size() == 1) {
            unite(i, found[0].second, MergeRule::kInDocument,
                  quoted(entity(i).name) + " is the initials of " +
                      quoted(entity(found[0].second).name) + ", the only " +
                      std::string(extract::to_string(type(i))) + " with those initials in " +
                      doc_id(i));
          }
        }
      }
    }
  }

  // --- rule 3: acronyms -------------------------------------------------------------------
  struct Definition {
    std::string key;  // type byte + letters
    uint32_t local;   // the local entity whose mentions define it
    uint32_t target;  // a local entity named by the expansion (`local` if none is)
    std::string acronym;
    std::string expansion;
  };

  // An acronym is defined where a document links it to its expansion: an entity named by
  // its expansion with a mention that is the acronym, or the other way round. The acronym's
  // letters must be the expansion's initials (an extractor's wrong link defines nothing).
  void collect_definitions() {
    for (uint32_t d = 0; d < docs_.size(); ++d) {
      const DocumentResult& doc = docs_[d];
      for (const extract::Mention& m : doc.mentions) {
        using extract::LinkRule;
        if (m.rule != LinkRule::kName && m.rule != LinkRule::kSameName &&
            m.rule != LinkRule::kAcronym && m.rule != LinkRule::kExpansion) {
          continue;
        }
        if (m.entity < 0 || m.span.end > doc.document.text.size()) continue;
        const uint32_t local = offset_[d] + static_cast<uint32_t>(m.entity);
        if (type(local) == EntityType::kPerson) continue;
        const std::string_view surface =
            std::string_view(doc.document.text).substr(m.span.start, m.span.size());
        std::string letters;
        const NameInfo& own = name(local);
        if (!own.acronym && looks_like_acronym(surface, &letters) &&
            contains(own.initials, letters)) {
          add_definition(local, first_with_key(local), letters, std::string(surface),
                         entity(local).name);
        } else if (own.acronym && !looks_like_acronym(surface) &&
                   contains(initials_of(entity_key(surface)), own.letters)) {
          // The expansion as some document's entity name, if one is.
          const std::string key = resolution_key(surface, type(local));
          const auto named = groups_.find(TypedText{type(local), key});
          const uint32_t first = named == groups_.end() ? UINT32_MAX : group_first_[named->second];
          add_definition(local, first == UINT32_MAX ? local : first, own.letters,
                         entity(local).name, std::string(surface));
        }
      }
    }
    std::sort(definitions_.begin(), definitions_.end(), [](const Definition& a, const Definition& b) {
      return std::tie(a.key, a.local) < std::tie(b.key, b.local);
    });
  }

  // Records one definition per (acronym, expansion name): the first document that gives it
  // (documents are visited in order), so a definition repeated in every document costs once.
  void add_definition(uint32_t local, uint32_t target, const std::string& letters,
                      std::string acronym, std::string expansion) {
    std::string key(1, static_cast<char>(type(local)));
    key += letters;
    if (!defined_.emplace(key + '\n' + entity_key(expansion)).second) return;
    definitions_.push_back(
        Definition{std::move(key), local, target, std::move(acronym), std::move(expansion)});
  }

  bool acronyms() {
    if (initials_.empty()) {
      for (uint32_t i = 0; i < size(); ++i) {
        if (first_with_key(i) != i) continue;  // equal names are one component already
        for (const std::string& ini : name(i).initials) {
          std::string key(1, static_cast<char>(type(i)));
          initials_[key + ini].push_back(i);
        }
      }
    }
    bool merged = false;
    for (uint32_t i = 0; i < size(); ++i) {
      const NameInfo& info = name(i);
      if (!info.acronym || type(i) == EntityType::kPerson) continue;
      const uint32_t root = find(i);
      if (expanded_[root]) continue;
      std::string key(1, static_cast<char>(type(i)));
      key += info.letters;
      const auto lower = std::lower_bound(
          definitions_.begin(), definitions_.end(), key,
          [](const Definition& d, const std::string& k) { return d.key < k; });
      // Once a document defines the acronym, only its definitions count (not initials).
      std::vector<uint32_t> targets;
      for (auto it = lower; it != definitions_.end() && it->key == key; ++it) targets.push_back(it->target);
      if (!targets.empty()) {
        auto defined = components(targets);
        defined.erase(std::remove_if(defined.begin(), defined.end(),
                                     [&](const auto& p) { return p.first == root; }),
                      defined.end());
        if (defined.size() == 1) {
          const Definition& def = *std::find_if(lower, definitions_.end(), [&](const Definition& d) {
            return d.target == defined[0].second;
          });
          merged |= unite(i, def.target, MergeRule::kAcronym,
                          quoted(def.acronym) + " stands for " + quoted(def.expansion) + " in " +
                              doc_id(def.local));
        } else if (defined.size() > 1) {
          for (const auto& [r, local] : defined) {
            refuse(i, local, MergeRule::kAcronym,
                   quoted(entity(i).name) + " is defined for " + std::to_string(defined.size()) +
                       " different entities (" + list_names(defined) + ")");
          }
        }
        continue;
      }
      const auto hit = initials_.find(key);
      if (hit == initials_.end()) continue;
      const auto found = components(hit->second);
      if (found.size() == 1) {
        merged |= unite(i, found[0].second, MergeRule::kInitials,
                        quoted(entity(i).name) + " is the initials of " +
                            quoted(entity(found[0].second).name) + ", the only " +
                            std::string(extract::to_string(type(i))) +
                            " with those initials in the corpus");
      } else {
        for (const auto& [r, local] : found) {
          refuse(i, local, MergeRule::kInitials,
                 quoted(entity(i).name) + " is the initials of " + std::to_string(found.size()) +
                     " different entities (" + list_names(found) + ") and no document defines it");
        }
      }
    }
    return merged;
  }

  // --- rule 4: spelling variants and transliterations ---------------------------------------
  // The distinct names the rule compares, each with its first local entity.
  void collect_spelling_units() {
    std::unordered_map<std::string, uint32_t> seen;
    std::string k;
    for (uint32_t i = 0; i < size(); ++i) {
      const NameInfo& info = name(i);
      if (info.acronym || info.spelling.size() < options_.min_spelling_length) continue;
      // One-word names ("Dulinian"/"Dulenian", "Slovakia"/"Slovenia") are left out: one
      // letter apart they are as often two places or peoples as one; bare surnames go to
      // rule 5.
      if (info.words < 2) continue;
      k.assign(1, static_cast<char>(type(i)));
      k += info.key;
      if (seen.try_emplace(k, i).second) units_.push_back(i);
    }
    // Candidate pairs: names sharing their spelling key or a one-deletion variant of it (the
    // symmetric-deletion index of SymSpell, Garbe 2012): every pair within one edit shares one.
    std::vector<std::pair<uint64_t, uint32_t>> entries;
    std::string variant;
    for (uint32_t u = 0; u < units_.size(); ++u) {
      const std::string& s = name(units_[u]).spelling;
      const uint64_t salt = static_cast<uint64_t>(type(units_[u])) * 0x9E3779B97F4A7C15ull;
      entries.emplace_back(std::hash<std::string>{}(s) ^ salt, u);
      for (size_t at = 0; at < s.size();) {
        size_t next = at + 1;
        while (next < s.size() && (static_cast<unsigned char>(s[next]) & 0xC0) == 0x80) ++next;
        variant.assign(s, 0, at);
        variant.append(s, next);
        entries.emplace_back(std::hash<std::string>{}(variant) ^ salt, u);
        at = next;
      }
    }
    std::sort(entries.begin(), entries.end());
    entries.erase(std::unique(entries.begin(), entries.end()), entries.end());
    for (size_t i = 0; i < entries.size();) {
      size_t j = i;
      while (j < entries.size() && entries[j].first == entries[i].first) ++j;
      if (j - i >= 2 && j - i <= options_.max_bucket) {
        for (size_t x = i; x < j; ++x) {
          for (size_t y = x + 1; y < j; ++y) pairs_.emplace_back(entries[x].second, entries[y].second);
        }
      }
      i = j;
    }
    std::sort(pairs_.begin(), pairs_.end());
    pairs_.erase(std::unique(pairs_.begin(), pairs_.end()), pairs_.end());
  }

  // Titles (role keys) of a component's members.
  std::vector<std::string> titles_of(uint32_t root) const {
    std::vector<std::string> out;
    for (uint32_t m : members_of(root)) {
      for (const std::string& t : entity(m).titles) out.push_back(title_key(t));
      if (type(m) == EntityType::kPerson) {
        const std::string_view t = split_title(entity(m).name).title;
        if (!t.empty()) out.push_back(title_key(t));
      }
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    out.erase(std::remove(out.begin(), out.end(), std::string()), out.end());
    return out;
  }

  // What co-occurs with a component in its first documents: other components, each as
  // (identity, a member). A bare surname not yet resolved (rule 5 comes later) is identified
  // by its name, so "Lavrov" in two documents counts as one shared neighbour.
  std::vector<std::pair<uint64_t, uint32_t>> neighbours_of(uint32_t root) {
    std::vector<uint32_t> documents;
    for (uint32_t m : members_of(root)) documents.push_back(refs_[m].document);
    std::sort(documents.begin(), documents.end());
    documents.erase(std::unique(documents.begin(), documents.end()), documents.end());
    if (documents.size() > options_.max_context_documents) documents.resize(options_.max_context_documents);
    std::vector<std::pair<uint64_t, uint32_t>> out;
    for (uint32_t d : documents) {
      for (uint32_t j = offset_[d]; j < offset_[d + 1]; ++j) {
        const uint32_t r = find(j);
        if (r == root) continue;
        if (is_bare_person(j) && !full_person_[r]) {
          out.emplace_back((uint64_t{1} << 63) | name_of_[j], r);
        } else {
          out.emplace_back(r, r);
        }
      }
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end(),
                          [](const auto& x, const auto& y) { return x.first == y.first; }),
              out.end());
    return out;
  }

  // Two names one edit apart differ in one word. Accepted: that word is long enough for a
  // typo to be one (5 letters or more: "Haass"/"Haas", "Zelensky"/"Zelenskyy") and keeps its
  // first letter, or both are function words ("Council on/of Foreign Relations"). Refused,
  // with the reason: a different number of words, a short word ("Anna Berg"/"Anna Borg",
  // "Group A"/"Group B"), a different first letter ("Tom Zenik"/"Tom Nenik").
  static std::string differing_word(const NameInfo& x, const NameInfo& y) {
    if (x.spelling == y.spelling) return {};
    const auto wx = words_of(x.spelling);
    const auto wy = words_of(y.spelling);
    if (wx.size() != wy.size()) return "the names have different numbers of words";
    for (size_t i = 0; i < wx.size(); ++i) {
      if (wx[i] == wy[i]) continue;
      if (is_function_word(wx[i]) && is_function_word(wy[i])) return {};
      if (std::min(wx[i].size(), wy[i].size()) < 5) {
        return "they differ in the short word " + quoted(wx[i]) + "/" + quoted(wy[i]) +
               " (a typo needs a word of 5 letters or more)";
      }
      if (wx[i][0] != wy[i][0]) {
        return "they differ in the first letter of " + quoted(wx[i]) + "/" + quoted(wy[i]) +
               " (typos and transliterations keep it)";
      }
      return {};
    }
    return {};
  }

  bool spellings() {
    if (units_.empty()) collect_spelling_units();
    bool merged = false;
    for (const auto& [ua, ub] : pairs_) {
      const uint32_t a = units_[ua];
      const uint32_t b = units_[ub];
      const uint32_t ra = find(a);
      const uint32_t rb = find(b);
      if (ra == rb) continue;
      const NameInfo& x = name(a);
      const NameInfo& y = name(b);
      const size_t distance = extract::edit_distance(x.spelling, y.spelling, options_.max_spelling_edits);
      if (distance > options_.max_spelling_edits) continue;
      const MergeRule rule = distance == 0 ? MergeRule::kTransliteration : MergeRule::kSpelling;
      const std::string similar =
          distance == 0 ? "spelling keys equal (" + quoted(x.spelling) + ")"
                        : "spelling keys " + quoted(x.spelling) + " and " + quoted(y.spelling) +
                              " one edit apart";
      if (digits_of(x.key) != digits_of(y.key)) {
        refuse(a, b, rule, similar + " but their numbers differ");
        continue;
      }
      if (type(a) == EntityType::kPerson && !compatible_first_names(x.first, y.first)) {
        refuse(a, b, rule,
               similar + " but first names differ (" + quoted(x.first) + " and " + quoted(y.first) +
                   "): two persons whose first names differ are never merged");
        continue;
      }
      if (const std::string why = differing_word(x, y); !why.empty()) {
        refuse(a, b, rule, similar + " but " + why);
        continue;
      }
      std::string context;
      if (!corroborated(ra, rb, &context)) {
        refuse(a, b, rule, similar + " but " + context);
        continue;
      }
      std::string evidence = similar;
      if (type(a) == EntityType::kPerson) evidence += "; same first name " + quoted(x.first);
      evidence += "; " + context;
      merged |= unite(a, b, rule, std::move(evidence));
    }
    return merged;
  }

  // Corroboration of a match between the components rooted at ra and rb: a shared title, or
  // at least min_shared_neighbours entities both co-occur with. `context` receives what was
  // found ("shared title 'x'; both co-occur with ...") or why it is not enough.
  bool corroborated(uint32_t ra, uint32_t rb, std::string* context) {
    const auto ta = titles_of(ra);
    const auto tb = titles_of(rb);
    std::vector<std::string> titles;
    std::set_intersection(ta.begin(), ta.end(), tb.begin(), tb.end(), std::back_inserter(titles));
    const auto na = neighbours_of(ra);
    const auto nb = neighbours_of(rb);
    std::vector<std::pair<uint64_t, uint32_t>> shared;
    std::set_intersection(na.begin(), na.end(), nb.begin(), nb.end(), std::back_inserter(shared),
                          [](const auto& p, const auto& q) { return p.first < q.first; });
    shared.erase(std::remove_if(shared.begin(), shared.end(),
                                [&](const auto& p) { return p.first == ra || p.first == rb; }),
                 shared.end());
    if (titles.empty() && shared.size() < options_.min_shared_neighbours) {
      *context = "no shared context (no common title and " + std::to_string(shared.size()) +
                 " common co-occurring entities, " +
                 std::to_string(options_.min_shared_neighbours) + " needed)";
      return false;
    }
    context->clear();
    if (!titles.empty()) *context += "shared title " + quoted(titles.front());
    if (!shared.empty()) {
      *context += std::string(context->empty() ? "" : "; ") + "both co-occur with ";
      for (size_t i = 0; i < shared.size() && i < 3; ++i) {
        *context += (i ? ", " : "") + quoted(entity(shared[i].second).name);
      }
      if (shared.size() > 3) *context += " and " + std::to_string(shared.size() - 3) + " more";
    }
    return true;
  }

  // --- rule 4b: the same name in the other word order ----------------------------------------
  // "National Security Council of the White House" and "White House National Security
  // Council": a name "A of [the] B" and a name "B A" of the same type (not persons), when
  // corroborated like a spelling variant (shared title or co-occurring entities): "University
  // of Washington" and "Washington University" are two universities, and their articles rarely
  // share their context.
  bool word_orders() {
    if (!word_order_collected_) collect_word_orders();
    bool merged = false;
    for (const auto& [a, b] : word_order_pairs_) {
      const uint32_t ra = find(a);
      const uint32_t rb = find(b);
      if (ra == rb) continue;
      const std::string same = quoted(name(a).key) + " is " + quoted(name(b).key) +
                               " in the other word order";
      std::string context;
      if (!corroborated(ra, rb, &context)) {
        refuse(a, b, MergeRule::kWordOrder, same + " but " + context);
        continue;
      }
      merged |= unite(a, b, MergeRule::kWordOrder, same + "; " + context);
    }
    return merged;
  }

  // Candidate pairs (first local entity of "A of [the] B", first local entity of "B A").
  void collect_word_orders() {
    word_order_collected_ = true;
    std::string reordered;
    for (uint32_t i = 0; i < size(); ++i) {
      if (type(i) == EntityType::kPerson || first_with_key(i) != i) continue;
      const std::vector<std::string_view> words = words_of(name(i).key);
      for (size_t of = 1; of + 1 < words.size(); ++of) {
        if (words[of] != "of") continue;
        const size_t b = of + 1 + (words[of + 1] == "the" && of + 2 < words.size() ? 1 : 0);
        reordered.clear();
        for (size_t w = b; w < words.size(); ++w) reordered.append(words[w]).push_back(' ');
        for (size_t w = 0; w < of; ++w) reordered.append(words[w]).push_back(' ');
        reordered.pop_back();
        // Rule 1's groups: the first local entity of each (type, key).
        const auto hit = groups_.find(TypedText{type(i), reordered});
        if (hit == groups_.end()) continue;
        const uint32_t other = group_first_[hit->second];
        if (other != UINT32_MAX && other != i) {
          word_order_pairs_.emplace_back(std::min(i, other), std::max(i, other));
        }
      }
    }
    std::sort(word_order_pairs_.begin(), word_order_pairs_.end());
    word_order_pairs_.erase(std::unique(word_order_pairs_.begin(), word_order_pairs_.end()),
                            word_order_pairs_.end());
  }

  // --- rule 5: bare surnames across documents --------------------------------------------
  void surnames() {
    std::unordered_map<std::string, std::vector<uint32_t>> by_surname;  // last word -> persons
    for (uint32_t i = 0; i < size(); ++i) {
      if (type(i) == EntityType::kPerson && name(i).words >= 2 && first_with_key(i) == i) {
        by_surname[name(i).last].push_back(i);
      }
    }
    for (uint32_t i = 0; i < size(); ++i) {
      if (!is_bare_person(i) || full_person_[find(i)]) continue;
      const auto hit = by_surname.find(name(i).last);
      if (hit == by_surname.end()) continue;
      const auto found = components(hit->second);
      if (found.size() == 1) {
        std::string evidence = quoted(entity(i).name) + " is the surname of " +
                               quoted(entity(found[0].second).name) +
                               ", the only person of that surname in the corpus";
        if (const auto retyped = retyped_.find(i); retyped != retyped_.end()) {
          evidence += "; " + retyped->second;
        }
        unite(i, found[0].second, MergeRule::kSurname, std::move(evidence));
      } else {
        for (const auto& [r, local] : found) {
          refuse(i, local, MergeRule::kSurname,
                 std::to_string(found.size()) + " persons in the corpus have the surname " +
                     quoted(entity(i).name) + " (" + list_names(found) +
                     "): a bare surname joins a person only when exactly one has it");
        }
      }
    }
  }

  // Bare names no person claimed: equal ones are one entity (a mononym, or one unknown
  // person).
  void bare_names() {
    std::unordered_map<std::string, uint32_t> first;
    for (uint32_t i = 0; i < size(); ++i) {
      if (!is_bare_person(i) || full_person_[find(i)]) continue;
      auto [it, inserted] = first.try_emplace(name(i).key, i);
      if (!inserted && !full_person_[find(it->second)]) unite(i, it->second, MergeRule::kExactName, {});
    }
  }

  // --- output -------------------------------------------------------------------------------
  Resolution finish() {
    Resolution out;
    out.entity_of.resize(docs_.size());
    std::vector<uint32_t> number(size(), UINT32_MAX);
    for (uint32_t d = 0; d < docs_.size(); ++d) {
      out.entity_of[d].resize(docs_[d].entities.size());
      for (uint32_t e = 0; e < docs_[d].entities.size(); ++e) {
        const uint32_t r = find(offset_[d] + e);
        if (number[r] == UINT32_MAX) {
          number[r] = out.entity_count++;
          out.entity_type.push_back(type_[r]);
        }
        out.entity_of[d][e] = number[r];
      }
    }
    // The links of a component form a tree; orient it from the component's first member.
    // Adjacency of the links in compressed rows: the links of local i are
    // incident[begin[i] .. begin[i + 1]).
    std::vector<uint32_t> begin(size() + 1, 0);
    for (const Link& link : links_) {
      ++begin[link.a + 1];
      ++begin[link.b + 1];
    }
    std::partial_sum(begin.begin(), begin.end(), begin.begin());
    std::vector<uint32_t> incident(begin.back());
    {
      std::vector<uint32_t> fill(begin.begin(), begin.end() - 1);
      for (uint32_t l = 0; l < links_.size(); ++l) {
        incident[fill[links_[l].a]++] = l;
        incident[fill[links_[l].b]++] = l;
      }
    }
    std::vector<bool> visited(size(), false);
    std::vector<uint32_t> link_of(size(), UINT32_MAX);  // the link to a member's parent
    std::vector<uint32_t> parent(size(), UINT32_MAX);
    std::vector<uint32_t> queue;
    for (uint32_t i = 0; i < size(); ++i) {
      if (find(i) != i) continue;
      queue.assign(1, i);
      visited[i] = true;
      for (size_t q = 0; q < queue.size(); ++q) {
        const uint32_t at = queue[q];
        for (uint32_t k = begin[at]; k < begin[at + 1]; ++k) {
          Link& link = links_[incident[k]];
          const uint32_t other = link.a == at ? link.b : link.a;
          if (visited[other]) continue;
          visited[other] = true;
          queue.push_back(other);
          parent[other] = at;
          link_of[other] = incident[k];
        }
      }
    }
    // In member order: flat indexes are in (document, entity) order.
    out.merges.reserve(links_.size());
    for (uint32_t i = 0; i < size(); ++i) {
      if (parent[i] == UINT32_MAX) continue;
      Link& link = links_[link_of[i]];
      out.merges.push_back(MergeDecision{refs_[i], refs_[parent[i]], link.rule, std::move(link.evidence)});
    }
    // Refusals that still separate two nodes, once per pair and rule.
    std::sort(refused_.begin(), refused_.end(), [](const Link& x, const Link& y) {
      return std::tie(x.a, x.b, x.rule) < std::tie(y.a, y.b, y.rule);
    });
    for (size_t k = 0; k < refused_.size(); ++k) {
      Link& r = refused_[k];
      if (find(r.a) == find(r.b)) continue;
      if (k > 0 && refused_[k - 1].a == r.a && refused_[k - 1].b == r.b && refused_[k - 1].rule == r.rule) {
        continue;
      }
      out.kept_apart.push_back(KeptApart{refs_[r.a], refs_[r.b], r.rule, r.evidence});
    }
    return out;
  }

  std::span<const DocumentResult> docs_;
  const ResolverOptions& options_;
  std::vector<uint32_t> offset_;    // first flat index of each document's local entities
  std::vector<LocalRef> refs_;      // flat index -> local entity
  std::vector<NameInfo> names_;     // distinct (type, name)
  std::vector<uint32_t> name_of_;   // flat index -> names_
  std::vector<uint32_t> parent_;
  // Members of each component as a circular list (next_member_), spliced in O(1) by unite();
  // member_count_ is valid at roots.
  std::vector<uint32_t> next_member_;
  std::vector<uint32_t> member_count_;
  std::vector<uint32_t> first_of_;  // first local entity with the same type and key (rule 1)
  std::vector<std::vector<std::string>> first_names_;  // per root: first names of its persons
  std::vector<bool> full_person_;   // per root: has a person name of two words or more
  std::vector<bool> expanded_;      // per root: has a name that is not an acronym
  std::vector<Link> links_;
  std::vector<Link> refused_;       // evidence = the reason
  std::vector<EntityType> names_type_;  // the type of each of names_
  std::vector<EntityType> type_;        // flat index -> type after reconcile_types()
  bool word_order_collected_ = false;
  std::vector<std::pair<uint32_t, uint32_t>> word_order_pairs_;  // rule 4b's candidates
  std::unordered_map<uint32_t, std::string> retyped_;  // flat index -> why its type changed
  std::unordered_map<TypedText, uint32_t, TypedTextHash> groups_;  // (type, key) -> group
  std::vector<uint32_t> group_of_name_;  // names_ -> its group
  std::vector<uint32_t> group_first_;    // group -> its first local entity (rule 1)
  std::vector<Definition> definitions_;
  std::set<std::string> defined_;  // type byte + letters + '\n' + expansion key, recorded
  std::unordered_map<std::string, std::vector<uint32_t>> initials_;  // type byte + initials
  std::vector<uint32_t> units_;     // spelling rule: first local of each distinct name
  std::vector<std::pair<uint32_t, uint32_t>> pairs_;  // spelling candidates (unit indexes)
};

}  // namespace

Resolution Resolver::resolve(std::span<const DocumentResult> documents) const {
  return Run(documents, options_).resolve();
}

std::string describe_merge(MergeRule rule, const LocalSummary& member, const LocalSummary& anchor,
                           std::string_view evidence) {
  std::string out = "'" + member.name + "' in " + member.document + " and '" + anchor.name +
                    "' in " + anchor.document;
  switch (rule) {
    case MergeRule::kExactName:
      out += " both normalise to '" + resolution_key(member.name, member.type) + "'";
      // With evidence, the two were typed differently and reconciled (the evidence says how).
      if (evidence.empty()) out += " and are both " + std::string(extract::to_string(member.type));
      break;
    case MergeRule::kInDocument: out += ": resolved inside the document"; break;
    case MergeRule::kAcronym: out += ": an acronym and the expansion a document defines for it"; break;
    case MergeRule::kInitials: out += ": an acronym and the only expansion with those initials"; break;
    case MergeRule::kTransliteration: out += ": the same name transliterated or spelled differently"; break;
    case MergeRule::kSpelling: out += ": near-identical spellings of one name"; break;
    case MergeRule::kWordOrder: out += ": one name in two word orders"; break;
    case MergeRule::kCountry: out += ": two names of one country"; break;
    case MergeRule::kSurname: out += ": a bare surname and the only person of that surname"; break;
  }
  if (!evidence.empty()) out += " (" + std::string(evidence) + ")";
  return out;
}

std::string Resolver::why_apart(std::span<const DocumentResult> documents,
                                const Resolution& resolution, std::span<const LocalRef> a,
                                std::span<const LocalRef> b) const {
  const std::set<LocalRef> in_a(a.begin(), a.end());
  const std::set<LocalRef> in_b(b.begin(), b.end());
  for (const KeptApart& k : resolution.kept_apart) {
    if ((in_a.count(k.a) && in_b.count(k.b)) || (in_a.count(k.b) && in_b.count(k.a))) {
      return std::string(to_string(k.rule)) + " considered them: " + k.reason;
    }
  }
  if (a.empty() || b.empty()) return "nothing to compare";
  auto entity = [&](const LocalRef& r) -> const extract::Entity& {
    return documents[r.document].entities[r.entity];
  };
  const EntityType ta = entity(a.front()).type;
  const EntityType tb = entity(b.front()).type;
  if (ta != tb) {
    return "different types (" + std::string(extract::to_string(ta)) + " and " +
           std::string(extract::to_string(tb)) + "): entities of different types are never merged";
  }
  auto keys = [&](std::span<const LocalRef> refs) {
    std::set<std::string> out;
    for (const LocalRef& r : refs) out.insert(resolution_key(entity(r).name, entity(r).type));
    return out;
  };
  const auto ka = keys(a);
  const auto kb = keys(b);
  // First names of the persons on each side.
  if (ta == EntityType::kPerson) {
    for (const std::string& x : ka) {
      for (const std::string& y : kb) {
        const auto wx = words_of(x);
        const auto wy = words_of(y);
        if (wx.size() >= 2 && wy.size() >= 2 &&
            !compatible_first_names(spelling_key(wx.front()), spelling_key(wy.front()))) {
          return "first names differ (" + quoted(wx.front()) + " in " + quoted(x) + ", " +
                 quoted(wy.front()) + " in " + quoted(y) +
                 "): two persons whose first names differ are never merged";
        }
      }
    }
  }
  for (const std::string& x : ka) {
    for (const std::string& y : kb) {
      const size_t distance = extract::edit_distance(spelling_key(x), spelling_key(y), 2);
      if (distance <= 2) {
        const bool short_name =
            std::min(spelling_key(x).size(), spelling_key(y).size()) < options_.min_spelling_length;
        return "different names " + quoted(x) + " and " + quoted(y) + " (the names differ by " +
               std::to_string(distance) + (distance == 1 ? " edit" : " edits") + " after spelling folding; " +
               (short_name ? "too short for the spelling rule, which needs " +
                                 std::to_string(options_.min_spelling_length) + " letters"
                           : "the spelling rule accepts " +
                                 std::to_string(options_.max_spelling_edits) +
                                 " and needs a shared title or co-occurring entities") +
               ")";
      }
    }
  }
  for (const std::string& x : ka) {
    for (const std::string& y : kb) {
      for (std::string_view w : words_of(x)) {
        if (is_function_word(w)) continue;
        const auto wy = words_of(y);
        if (std::find(wy.begin(), wy.end(), w) != wy.end()) {
          return "the names " + quoted(x) + " and " + quoted(y) + " share only the word " +
                 quoted(w) + ": names that share a word are not merged for it";
        }
      }
    }
  }
  return "different normalised names (" + quoted(*ka.begin()) + " and " + quoted(*kb.begin()) +
         ") that no rule relates: not the same name, not an acronym of the other, not a close "
         "spelling, not the surname of the only person who has it";
}

}  // namespace kg::graph
