#include "extract/coreference.h"

#include <algorithm>
#include <array>
#include <set>

#include "extract/text_case.h"
#include "extract/word_classes.h"

namespace kg::extract {

namespace {

std::vector<std::string> split_words(std::string_view key) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start < key.size()) {
    size_t space = key.find(' ', start);
    if (space == std::string_view::npos) space = key.size();
    if (space > start) out.emplace_back(key.substr(start, space - start));
    start = space + 1;
  }
  return out;
}

// Initials of the capitalised words of a name ("Council on Foreign Relations" -> "CFR").
std::string initials(std::string_view name) {
  std::string out;
  bool at_start = true;
  for (char c : name) {
    if (c == ' ' || c == '-') {
      at_start = true;
      continue;
    }
    if (at_start && c >= 'A' && c <= 'Z') out += c;
    at_start = false;
  }
  return out;
}

bool is_subject_word(const DependencyTree& t, int w) {
  return t.base(w) == Deprel::kNsubj;
}

bool is_core_argument(const DependencyTree& t, int w) {
  const Deprel b = t.base(w);
  return b == Deprel::kNsubj || b == Deprel::kObj || b == Deprel::kIobj;
}

struct Cluster {
  MentionKind kind = MentionKind::kName;
  std::array<int, kEntityTypeCount> type_votes{};
  EntityType first_type = EntityType::kOther;
  std::vector<std::string> keys;        // name keys of every name mention
  std::vector<std::string> last_words;  // persons: the last word of each full name
  std::string name;                     // fullest name so far
  size_t name_words = 0;
  std::string key;                      // groups and events: head lemma
  std::vector<std::string> modifiers;   // groups and events
  std::vector<int> named_modifiers;     // entities named in a group's modifiers
  std::vector<std::string> all_modifiers;  // groups and events: every modifier word seen
  std::vector<std::string> titles;      // "former diplomat"
  std::vector<std::string> role_heads;  // last word of each role relation ("minister")
  std::vector<std::string> role_words;  // every word of role relations and their organisations
  int male = 0;
  int female = 0;
  int last_sentence = -1;
  bool acronym_only = false;            // its only names are acronyms

  EntityType type() const {
    int best = static_cast<int>(first_type);
    for (int i = 0; i < kEntityTypeCount; ++i) {
      if (type_votes[i] > type_votes[best]) best = i;
    }
    return static_cast<EntityType>(best);
  }
  Gender gender() const {
    if (male > female) return Gender::kMale;
    if (female > male) return Gender::kFemale;
    return Gender::kUnknown;
  }
};

class Resolver {
 public:
  Resolver(const Document& document, const std::vector<DependencyTree>& trees,
           const std::vector<NominalMention>& mentions, const CoreferenceOptions& options)
      : doc_(document), trees_(trees), m_(mentions), options_(options) {}

  CoreferenceResult run() {
    entity_of_.assign(m_.size(), -1);
    rule_of_.assign(m_.size(), LinkRule::kName);
    type_of_mention_.clear();
    for (const NominalMention& m : m_) type_of_mention_.push_back(m.type);
    for (const NominalMention& m : m_) {
      if (m.kind != MentionKind::kName) continue;
      const std::vector<std::string> words = split_words(name_match_key(m.text));
      if (words.size() < 2) continue;
      if (m.type == EntityType::kOrg) org_first_words_.insert(words.front());
      if (m.type == EntityType::kPerson) person_words_.insert(words.begin(), words.end());
    }
    // Sentence by sentence: names first, so that groups, events and descriptions can look at
    // the names among their modifiers.
    for (size_t begin = 0; begin < m_.size();) {
      size_t end = begin;
      while (end < m_.size() && m_[end].sentence == m_[begin].sentence) ++end;
      for (size_t i = begin; i < end; ++i) {
        if (m_[i].kind == MentionKind::kName) name(static_cast<int>(i));
      }
      for (size_t i = begin; i < end; ++i) {
        switch (m_[i].kind) {
          case MentionKind::kGroup: group(static_cast<int>(i)); break;
          case MentionKind::kEvent: event(static_cast<int>(i)); break;
          case MentionKind::kDescription: description(static_cast<int>(i)); break;
          case MentionKind::kName: case MentionKind::kPronoun: break;
        }
      }
      begin = end;
    }
    learn_genders();
    for (size_t i = 0; i < m_.size(); ++i) {
      if (m_[i].kind == MentionKind::kPronoun) pronoun(static_cast<int>(i));
    }
    return result();
  }

 private:
  // ---- helpers ---------------------------------------------------------------------------

  int new_cluster(int i, const NominalMention& m) {
    Cluster c;
    c.kind = m.kind;
    c.first_type = m.type;
    clusters_.push_back(std::move(c));
    const int id = static_cast<int>(clusters_.size()) - 1;
    link(i, id, LinkRule::kName);
    return id;
  }

  void link(int i, int cluster, LinkRule rule) {
    entity_of_[i] = cluster;
    rule_of_[i] = rule;
    const NominalMention& m = m_[i];
    Cluster& c = clusters_[cluster];
    c.last_sentence = m.sentence;
    if (m.kind == MentionKind::kName) {
      c.type_votes[static_cast<size_t>(type_of_mention_[i])] += 1;
      const std::string key = name_match_key(m.text);
      if (std::find(c.keys.begin(), c.keys.end(), key) == c.keys.end()) c.keys.push_back(key);
      const std::vector<std::string> words = split_words(key);
      const bool acronym = looks_like_acronym(m.text) && words.size() == 1;
      if (m.type == EntityType::kPerson && words.size() >= 2) c.last_words.push_back(words.back());
      // The fullest name wins; an acronym never replaces an expansion.
      if (c.name.empty() || (c.acronym_only && !acronym) ||
          (!acronym && words.size() > c.name_words)) {
        c.name = m.text;
        c.name_words = words.size();
        c.acronym_only = acronym;
      }
    } else if (m.kind == MentionKind::kGroup || m.kind == MentionKind::kEvent) {
      c.type_votes[static_cast<size_t>(m.type)] += 1;
      if (c.key.empty()) c.key = m.key;
      for (const std::string& w : m.modifiers) {
        if (std::find(c.all_modifiers.begin(), c.all_modifiers.end(), w) == c.all_modifiers.end()) {
          c.all_modifiers.push_back(w);
        }
      }
      if (c.name.empty() || m.modifiers.size() > c.modifiers.size()) {
        c.name = m.text;
        c.modifiers = m.modifiers;
      }
    }
    for (const Role& r : m.roles) {
      std::string title = r.qualifier.empty() ? r.title : r.qualifier + " " + r.title;
      if (std::find(c.titles.begin(), c.titles.end(), title) == c.titles.end()) {
        c.titles.push_back(title);
      }
      // The head noun of a title: its last word before any "of" ("head_of_safety" -> head).
      const std::string relation = r.relation.substr(0, r.relation.find("_of_"));
      const std::vector<std::string> head = split_words(underscores_to_spaces(relation));
      if (!head.empty()) c.role_heads.push_back(head.back());
      const std::vector<std::string> parts = split_words(underscores_to_spaces(r.relation));
      for (const std::string& p : parts) c.role_words.push_back(p);
      if (r.organisation >= 0) {
        for (const std::string& w : split_words(name_match_key(m_[r.organisation].text))) {
          c.role_words.push_back(w);
        }
      }
    }
  }

  static std::string underscores_to_spaces(std::string s) {
    for (char& ch : s) {
      if (ch == '_' || ch == '-') ch = ' ';
    }
    return s;
  }

  // ---- names -----------------------------------------------------------------------------

  void name(int i) {
    const NominalMention& m = m_[i];
    const std::string key = name_match_key(m.text);
    const std::vector<std::string> words = split_words(key);
    if (words.empty()) return;
    if (m.acronym_for >= 0 && entity_of_[m.acronym_for] >= 0) {
      link(i, entity_of_[m.acronym_for], LinkRule::kAcronym);
      return;
    }
    // An acronym in front of a longer name names the parent organisation, not the longer
    // one: "UN" is not the "U.N. Security Council", "EU" not the "EU Commission". So the
    // short-name rules below never take an acronym used alone.
    const bool lone_acronym = words.size() == 1 && looks_like_acronym(m.text);
    // "Kestrel" for "Kestrel Mining", before or after it, whatever type NER gave the short
    // form: the first word of an organisation's name, used alone, that is no word of any
    // person's full name in the document.
    if (words.size() == 1 && !lone_acronym &&
        (m.type == EntityType::kPerson || m.type == EntityType::kOrg ||
         m.type == EntityType::kOther) &&
        org_first_words_.contains(words[0]) &&
        !person_words_.contains(words[0])) {
      type_of_mention_[i] = EntityType::kOrg;
      const int c = unique([&](const Cluster& k) {
        if (k.kind != MentionKind::kName || k.type() != EntityType::kOrg) return false;
        for (const std::string& other : k.keys) {
          if (split_words(other).front() == words[0]) return true;
        }
        return false;
      });
      if (c >= 0) {
        link(i, c, LinkRule::kShortName);
        return;
      }
    }
    if (words.size() >= 2 && m.type == EntityType::kOrg) {
      // The full name after the short one.
      const int c = unique([&](const Cluster& k) {
        return k.kind == MentionKind::kName && k.type() == EntityType::kOrg &&
               k.name_words == 1 && !looks_like_acronym(k.name) &&
               std::find(k.keys.begin(), k.keys.end(), words[0]) != k.keys.end();
      });
      if (c >= 0) {
        link(i, c, LinkRule::kShortName);
        return;
      }
    }
    // The same name: prefer a cluster of the same type, then the most recent.
    int same = -1;
    for (int c = static_cast<int>(clusters_.size()) - 1; c >= 0; --c) {
      const Cluster& k = clusters_[c];
      if (k.kind != MentionKind::kName) continue;
      if (std::find(k.keys.begin(), k.keys.end(), key) == k.keys.end()) continue;
      if (same < 0 || (k.type() == m.type && clusters_[same].type() != m.type)) same = c;
    }
    if (same >= 0) {
      link(i, same, LinkRule::kSameName);
      return;
    }
    if (m.type == EntityType::kDate) {
      new_cluster(i, m);
      return;
    }
    if (m.type == EntityType::kPerson) {
      if (words.size() == 1) {
        const int c = most_recent([&](const Cluster& k) {
          return k.type() == EntityType::kPerson &&
                 std::find(k.last_words.begin(), k.last_words.end(), words[0]) !=
                     k.last_words.end();
        });
        if (c >= 0) {
          link(i, c, LinkRule::kSurname);
          return;
        }
      } else {
        // A full name after its surname alone ("Lavrov ... Sergey Lavrov").
        const int c = most_recent([&](const Cluster& k) {
          return k.type() == EntityType::kPerson && k.last_words.empty() &&
                 std::find(k.keys.begin(), k.keys.end(), words.back()) != k.keys.end();
        });
        if (c >= 0) {
          link(i, c, LinkRule::kSurname);
          return;
        }
      }
    }
    if (looks_like_acronym(m.text) && words.size() == 1) {
      const std::string letters = capitals(m.text);
      const int c = unique([&](const Cluster& k) {
        return k.kind == MentionKind::kName && k.type() != EntityType::kPerson &&
               k.name_words >= 2 && initials(k.name) == letters;
      });
      if (c >= 0) {
        link(i, c, LinkRule::kAcronym);
        return;
      }
    }
    if (words.size() >= 2 && m.type != EntityType::kPerson) {
      const std::string letters = initials(m.text);
      const int c = unique([&](const Cluster& k) {
        return k.kind == MentionKind::kName && k.acronym_only && letters.size() >= 2 &&
               capitals(k.name) == letters;
      });
      if (c >= 0) {
        link(i, c, LinkRule::kExpansion);
        return;
      }
    }
    if ((m.type == EntityType::kOrg || m.type == EntityType::kLocation) && !lone_acronym) {
      // The first words of an organisation named before ("Kestrel" for "Kestrel Mining").
      const int c = unique([&](const Cluster& k) {
        if (k.kind != MentionKind::kName || k.type() != m.type) return false;
        for (const std::string& other : k.keys) {
          const std::vector<std::string> ow = split_words(other);
          if (ow.size() > words.size() && std::equal(words.begin(), words.end(), ow.begin())) {
            return true;
          }
        }
        return false;
      });
      if (c >= 0) {
        link(i, c, LinkRule::kShortName);
        return;
      }
    }
    if (const int a = apposed_name(i); a >= 0) {
      link(i, a, LinkRule::kApposition);
      return;
    }
    new_cluster(i, m);
  }

  // A name in apposition to an earlier name of the same type in the same sentence.
  int apposed_name(int i) const {
    const NominalMention& m = m_[i];
    const DependencyTree& t = trees_[m.sentence];
    if (m.chunk_top < 0 || t.base(m.chunk_top) != Deprel::kAppos) return -1;
    const int h = t.head(m.chunk_top);
    for (int j = i - 1; j >= 0 && m_[j].sentence == m.sentence; --j) {
      if (m_[j].kind == MentionKind::kName && m_[j].chunk_top == h && m_[j].type == m.type &&
          entity_of_[j] >= 0) {
        return entity_of_[j];
      }
    }
    return -1;
  }

  template <typename Pred>
  int most_recent(const Pred& pred) const {
    int best = -1;
    for (int c = 0; c < static_cast<int>(clusters_.size()); ++c) {
      if (!pred(clusters_[c])) continue;
      if (best < 0 || clusters_[c].last_sentence >= clusters_[best].last_sentence) best = c;
    }
    return best;
  }

  template <typename Pred>
  int unique(const Pred& pred) const {
    int found = -1;
    for (int c = 0; c < static_cast<int>(clusters_.size()); ++c) {
      if (!pred(clusters_[c])) continue;
      if (found >= 0) return -1;
      found = c;
    }
    return found;
  }

  // ---- groups, events, descriptions ------------------------------------------------------

  // Entities named among a mention's modifiers ("U.S." in "former U.S. officials").
  std::vector<int> named_modifiers(int i) const {
    std::vector<int> out;
    const NominalMention& m = m_[i];
    for (int j = i - 1; j >= 0 && m_[j].sentence == m.sentence; --j) {
      if (m_[j].first >= m.first && m_[j].last <= m.last && m_[j].kind == MentionKind::kName &&
          entity_of_[j] >= 0) {
        out.push_back(entity_of_[j]);
      }
    }
    for (size_t j = i + 1; j < m_.size() && m_[j].sentence == m.sentence; ++j) {
      if (m_[j].first >= m.first && m_[j].last <= m.last && m_[j].kind == MentionKind::kName &&
          entity_of_[j] >= 0) {
        out.push_back(entity_of_[j]);
      }
    }
    return out;
  }

  // Groups join an earlier group of the same noun when the description allows it: a
  // definite one ("the officials", "the former American officials") the most recent such
  // group, preferring one with the same named modifiers; an indefinite one only a group with
  // the same named modifiers whose words it repeats ("former officials" after "former
  // national security officials"). "other officials" is always a new group.
  void group(int i) {
    const NominalMention& m = m_[i];
    const std::vector<int> named = named_modifiers(i);
    const bool other = std::any_of(m.modifiers.begin(), m.modifiers.end(), [](const std::string& w) {
      return w == "other" || w == "another";
    });
    auto same_named = [&](const Cluster& k) {
      if (named.empty() || k.named_modifiers.empty()) return named.empty() == k.named_modifiers.empty();
      for (int e : named) {
        if (std::find(k.named_modifiers.begin(), k.named_modifiers.end(), e) ==
            k.named_modifiers.end()) {
          return false;
        }
      }
      return true;
    };
    int c = -1;
    if (!other) {
      c = most_recent([&](const Cluster& k) {
        if (k.kind != MentionKind::kGroup || k.key != m.key || !same_named(k)) return false;
        if (m.definite) return true;
        for (const std::string& w : m.modifiers) {
          if (std::find(k.all_modifiers.begin(), k.all_modifiers.end(), w) ==
              k.all_modifiers.end()) {
            return false;
          }
        }
        return true;
      });
      if (c < 0 && m.definite) {
        c = most_recent([&](const Cluster& k) {
          return k.kind == MentionKind::kGroup && k.key == m.key;
        });
      }
    }
    if (c >= 0) {
      link(i, c, LinkRule::kDescription);
    } else {
      const int id = new_cluster(i, m);
      clusters_[id].named_modifiers = named;
    }
  }

  void event(int i) {
    const NominalMention& m = m_[i];
    // "a second hearing", "another meeting": an indefinite event is a new one.
    const int c = m.indefinite ? -1 : most_recent([&](const Cluster& k) {
      return k.kind == MentionKind::kEvent && k.key == m.key;
    });
    if (c >= 0) {
      link(i, c, LinkRule::kDescription);
    } else {
      new_cluster(i, m);
    }
  }

  void description(int i) {
    const NominalMention& m = m_[i];
    if (!m.definite) return;
    // A person by the title given with the name ("the foreign minister").
    int c = unique([&](const Cluster& k) {
      if (k.kind != MentionKind::kName) return false;
      if (std::find(k.role_heads.begin(), k.role_heads.end(), m.key) == k.role_heads.end()) {
        return false;
      }
      for (const std::string& w : m.modifiers) {
        const std::string key = name_match_key(w);
        if (std::find(k.role_words.begin(), k.role_words.end(), key) == k.role_words.end() &&
            !prefix_match(key, k.role_words)) {
          return false;
        }
      }
      return true;
    });
    if (c < 0 && m.modifiers.empty()) {
      // An organisation by a word of its name ("the council", "the board").
      c = unique([&](const Cluster& k) {
        if (k.kind != MentionKind::kName || k.type() != EntityType::kOrg) return false;
        for (const std::string& key : k.keys) {
          for (const std::string& w : split_words(key)) {
            if (w == m.key) return true;
          }
        }
        return false;
      });
    }
    if (c >= 0) {
      link(i, c, LinkRule::kDescription);
      return;
    }
    institution(i);
  }

  // "the Biden administration", "the Kremlin's press office": an institution named by a
  // name and an institution noun is an organisation of its own.
  void institution(int i) {
    const NominalMention& m = m_[i];
    if (!is_institution_noun(m.key) || m.number == GrammaticalNumber::kPlural) return;
    bool named = false;
    for (int e : named_modifiers(i)) {
      const EntityType type = clusters_[e].type();
      named |= type == EntityType::kPerson || type == EntityType::kLocation ||
               type == EntityType::kOrg || type == EntityType::kNorp;
    }
    if (!named) return;
    const std::string key = name_match_key(m.text);
    for (int c = 0; c < static_cast<int>(clusters_.size()); ++c) {
      Cluster& k = clusters_[c];
      if (k.kind == MentionKind::kName &&
          std::find(k.keys.begin(), k.keys.end(), key) != k.keys.end()) {
        link(i, c, LinkRule::kSameName);
        return;
      }
    }
    Cluster k;
    k.kind = MentionKind::kName;
    k.first_type = EntityType::kOrg;
    k.type_votes[static_cast<size_t>(EntityType::kOrg)] = 1;
    k.keys.push_back(key);
    k.name = m.text;
    k.name_words = split_words(key).size();
    clusters_.push_back(std::move(k));
    link(i, static_cast<int>(clusters_.size()) - 1, LinkRule::kName);
  }

  // "russian" fits "russia": nationality adjectives share a long prefix with their country.
  static bool prefix_match(const std::string& word, const std::vector<std::string>& words) {
    for (const std::string& w : words) {
      size_t common = 0;
      while (common < w.size() && common < word.size() && w[common] == word[common]) ++common;
      if (common >= 4 && common * 10 >= std::min(w.size(), word.size()) * 7) return true;
    }
    return false;
  }

  // ---- pronouns --------------------------------------------------------------------------

  // he/she with exactly one person entity in reach teaches that person's gender.
  void learn_genders() {
    for (size_t i = 0; i < m_.size(); ++i) {
      const NominalMention& p = m_[i];
      if (p.kind != MentionKind::kPronoun) continue;
      if (p.gender != Gender::kMale && p.gender != Gender::kFemale) continue;
      int person = -1;
      bool ambiguous = false;
      for (int j = static_cast<int>(i) - 1; j >= 0; --j) {
        const NominalMention& a = m_[j];
        if (a.sentence < p.sentence - 1) break;
        const int e = entity_of_[j];
        if (e < 0 || clusters_[e].type() != EntityType::kPerson ||
            clusters_[e].kind != MentionKind::kName) {
          continue;
        }
        if (person >= 0 && person != e) ambiguous = true;
        person = e;
      }
      if (person < 0 || ambiguous) continue;
      (p.gender == Gender::kMale ? clusters_[person].male : clusters_[person].female) += 1;
    }
  }

  bool compatible(const NominalMention& p, const Cluster& k) const {
    const EntityType type = k.type();
    switch (p.gender) {
      case Gender::kMale:
      case Gender::kFemale: {
        if (type != EntityType::kPerson || k.kind != MentionKind::kName) return false;
        const Gender g = k.gender();
        return g == Gender::kUnknown || g == p.gender;
      }
      case Gender::kNeuter:
        return type == EntityType::kOrg || type == EntityType::kEvent ||
               type == EntityType::kLocation || type == EntityType::kWork;
      case Gender::kUnknown:
        // they / their: groups, nationalities, organisations, plural events.
        return type == EntityType::kNorp || type == EntityType::kOrg ||
               k.kind == MentionKind::kGroup;
    }
    return false;
  }

  void pronoun(int i) {
    const NominalMention& p = m_[i];
    const DependencyTree& t = trees_[p.sentence];
    // The speaker of a quote ("..., she said") is not someone inside the quote.
    const int verb = t.head(p.head);
    const bool speaker = verb >= 0 && t.base(p.head) == Deprel::kNsubj &&
                         is_reporting_verb(t.lemma(verb));
    int best = -1;
    int best_score = 1 << 30;
    for (int j = i - 1; j >= 0; --j) {
      const NominalMention& a = m_[j];
      const int distance = p.sentence - a.sentence;
      if (distance > options_.pronoun_window) break;
      const int e = entity_of_[j];
      if (e < 0 || a.kind == MentionKind::kPronoun) continue;
      // A nationality adjective ("Afghan ambassador") modifies; it is not a referent.
      if (trees_[a.sentence].upos(a.head) == Upos::kAdj) continue;
      // "it" reaches back one sentence only: further, it is mostly an event or situation.
      if (p.gender == Gender::kNeuter && distance > 1) continue;
      if (a.kind == MentionKind::kEvent && p.gender != Gender::kNeuter) continue;
      if (a.number == GrammaticalNumber::kPlural && p.number == GrammaticalNumber::kSingular) {
        continue;
      }
      if (a.number == GrammaticalNumber::kSingular && p.number == GrammaticalNumber::kPlural &&
          clusters_[e].type() != EntityType::kOrg) {
        continue;
      }
      if (!compatible(p, clusters_[e])) continue;
      if (speaker && distance == 0 && !t.dominates(verb, a.head)) continue;
      // A non-reflexive pronoun is never a co-argument of its antecedent ("Lavrov met him").
      if (distance == 0 && a.chunk_top >= 0 && t.head(a.chunk_top) == t.head(p.head) &&
          is_core_argument(t, a.chunk_top) && is_core_argument(t, p.head) &&
          p.key.find("self") == std::string::npos) {
        continue;
      }
      // Nearest first; in earlier sentences subjects are more salient than other mentions.
      const DependencyTree& at = trees_[a.sentence];
      const bool subject = a.chunk_top >= 0 && is_subject_word(at, a.chunk_top);
      const int score = distance * 100 + (distance > 0 && !subject ? 50 : 0) +
                        (distance == 0 ? (p.first - a.last) : (at.size() - a.first));
      if (score < best_score) {
        best_score = score;
        best = e;
      }
    }
    if (best >= 0) link(i, best, LinkRule::kPronoun);
  }

  // ---- output ----------------------------------------------------------------------------

  CoreferenceResult result() const {
    CoreferenceResult r;
    // Only clusters with a mention that can name them become entities (a group or event
    // always has its own phrase; a cluster of pronouns alone cannot exist).
    std::vector<int> index(clusters_.size(), -1);
    for (size_t c = 0; c < clusters_.size(); ++c) {
      const Cluster& k = clusters_[c];
      if (k.name.empty()) continue;
      index[c] = static_cast<int>(r.entities.size());
      Entity e;
      e.name = k.name;
      e.type = k.type();
      e.titles = k.titles;
      r.entities.push_back(std::move(e));
      r.genders.push_back(k.gender());
    }
    r.entity_of.assign(m_.size(), -1);
    for (size_t i = 0; i < m_.size(); ++i) {
      if (entity_of_[i] < 0 || index[entity_of_[i]] < 0) continue;
      const NominalMention& m = m_[i];
      const Sentence& s = doc_.sentences[m.sentence];
      if (m.first < 0 || m.last > static_cast<int>(s.tokens.size()) || m.first >= m.last) {
        continue;
      }
      r.entity_of[i] = index[entity_of_[i]];
      Mention out;
      out.entity = r.entity_of[i];
      out.sentence = m.sentence;
      out.span = {s.tokens[m.first].span.start, s.tokens[m.last - 1].span.end};
      out.rule = rule_of_[i];
      r.mentions.push_back(out);
    }
    return r;
  }

  const Document& doc_;
  const std::vector<DependencyTree>& trees_;
  const std::vector<NominalMention>& m_;
  const CoreferenceOptions& options_;
  std::vector<Cluster> clusters_;
  std::vector<int> entity_of_;
  std::vector<LinkRule> rule_of_;
  std::vector<EntityType> type_of_mention_;   // the mention's type, corrected as below
  std::set<std::string> org_first_words_;     // first words of the document's organisations
  std::set<std::string> person_words_;        // every word of its persons' full names
};

}  // namespace

std::string name_match_key(std::string_view name) {
  std::string out;
  out.reserve(name.size());
  // Drop a possessive ending first.
  if (name.size() > 2 && (name.substr(name.size() - 2) == "'s")) name.remove_suffix(2);
  if (name.size() > 4 && name.substr(name.size() - 4) == "\xE2\x80\x99s") name.remove_suffix(4);
  bool space = false;
  for (char c : name) {
    if (c == '.') continue;
    if (c == ' ' || c == '\t' || c == '\n' || c == ',') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  if (out.rfind("the ", 0) == 0) out.erase(0, 4);
  return out;
}

CoreferenceResult Coreference::resolve(const Document& document,
                                       const std::vector<DependencyTree>& trees,
                                       const std::vector<NominalMention>& mentions) const {
  return Resolver(document, trees, mentions, options_).run();
}

}  // namespace kg::extract
