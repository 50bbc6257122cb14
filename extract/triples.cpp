#include "extract/triples.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <tuple>

#include "extract/propositions.h"
#include "extract/relations.h"
#include "extract/text_case.h"
#include "extract/word_classes.h"

namespace kg::extract {

namespace {

double sigmoid(double x) { return 1.0 / (1.0 + std::exp(-x)); }

// A title whose head noun names a role ("foreign_minister", "head_of_safety").
bool is_role_title(const Role& r) {
  std::string head = r.relation.substr(0, r.relation.find("_of_"));
  const size_t underscore = head.rfind('_');
  if (underscore != std::string::npos) head.erase(0, underscore + 1);
  return is_role_noun(head);
}

bool is_party(EntityType type) {
  return type == EntityType::kPerson || type == EntityType::kOrg || type == EntityType::kNorp;
}

class Builder {
 public:
  Builder(const Document& doc, const std::vector<DependencyTree>& trees,
          const std::vector<std::vector<Clause>>& clauses,
          const std::vector<NominalMention>& mentions, const CoreferenceResult& coref,
          std::vector<Entity>& entities, const TripleOptions& options)
      : doc_(doc), trees_(trees), clauses_(clauses), m_(mentions), coref_(coref),
        entities_(entities), options_(options) {}

  std::vector<Triple> run() {
    index_words();
    for (size_t s = 0; s < trees_.size() && s < clauses_.size(); ++s) {
      const DependencyTree& t = trees_[s];
      if (options_.skip_headlines && is_headline(t)) continue;
      if (t.size() > 150) continue;  // run-on text: no reliable structure
      for (size_t k = 0; k < clauses_[s].size(); ++k) clause(static_cast<int>(s), static_cast<int>(k));
    }
    for (size_t i = 0; i < m_.size(); ++i) mention_facts(static_cast<int>(i));
    return finish();
  }

 private:
  // ---- words to entities -------------------------------------------------------------------

  void index_words() {
    word_.resize(trees_.size());
    top_.resize(trees_.size());
    for (size_t s = 0; s < trees_.size(); ++s) {
      word_[s].assign(trees_[s].size(), -1);
      top_[s].assign(trees_[s].size(), -1);
    }
    // Chunks first (titles map to the person), then the names inside them.
    for (size_t i = 0; i < m_.size(); ++i) {
      const NominalMention& m = m_[i];
      if (m.sentence < 0 || static_cast<size_t>(m.sentence) >= trees_.size()) continue;
      auto& words = word_[m.sentence];
      const int n = static_cast<int>(words.size());
      for (int w = std::max(0, m.chunk_first); w < std::min(n, m.first); ++w) {
        if (words[w] < 0) words[w] = static_cast<int>(i);
      }
      if (m.chunk_top >= 0 && m.chunk_top < n) top_[m.sentence][m.chunk_top] = static_cast<int>(i);
    }
    for (size_t i = 0; i < m_.size(); ++i) {
      const NominalMention& m = m_[i];
      if (m.sentence < 0 || static_cast<size_t>(m.sentence) >= trees_.size()) continue;
      auto& words = word_[m.sentence];
      const int n = static_cast<int>(words.size());
      if (m.kind == MentionKind::kName || m.kind == MentionKind::kPronoun) {
        for (int w = std::max(0, m.first); w < std::min(n, m.last); ++w) {
          words[w] = static_cast<int>(i);
        }
      } else if (m.head >= 0 && m.head < n) {
        words[m.head] = static_cast<int>(i);
      }
    }
  }

  int entity_of_mention(int m) const { return m >= 0 ? coref_.entity_of[m] : -1; }

  int entity_at(int s, int w, int depth = 0) const {
    if (w < 0 || depth > 3) return -1;
    const DependencyTree& t = trees_[s];
    int m = top_[s][w];
    if (m < 0) m = word_[s][w];
    const int e = entity_of_mention(m);
    if (e >= 0) return e;
    // "Kestrel's head of safety, Priya Raman": a role noun stands for the name in apposition.
    for (int c : t.children(w)) {
      if (t.base(c) == Deprel::kAppos) {
        const int named = entity_of_mention(top_[s][c] >= 0 ? top_[s][c] : word_[s][c]);
        if (named >= 0 && type_of(named) == EntityType::kPerson) return named;
      }
    }
    // "Judge Tomas Wren, a retired magistrate who chaired ...": the apposition stands for the
    // person it describes.
    if (t.base(w) == Deprel::kAppos && t.head(w) >= 0 && depth == 0) {
      const int h = t.head(w);
      const int named = entity_of_mention(top_[s][h] >= 0 ? top_[s][h] : word_[s][h]);
      if (named >= 0 && type_of(named) == EntityType::kPerson) return named;
    }
    // "a group of officials", "the likes of Lavrov", "a series of meetings", "a web of secret
    // talks": the group is its "of" complement.
    const std::string_view l = t.lemma(w);
    const bool series = l == "series" || l == "round" || l == "web" || l == "wave" ||
                        l == "string" || l == "spate" || l == "flurry" || l == "cycle";
    if (is_collective_noun(l) || series || l == "like" || l == "likes" || l == "member" ||
        l == "some" || l == "one") {
      for (int c : t.children(w)) {
        if (t.base(c) != Deprel::kNmod) continue;
        const int mk = marker(t, c);
        if (mk >= 0 && t.lemma(mk) == "of") return entity_at(s, c, depth + 1);
      }
    }
    return -1;
  }

  static int marker(const DependencyTree& t, int w) {
    for (int c : t.children(w)) {
      if (t.base(c) == Deprel::kCase && c < w) return c;
    }
    return -1;
  }

  // The preposition of a phrase whose first case word is `mk`, with its fixed words and the
  // case words after it ("according_to", "along_with" however the parser split them), and a
  // particle "along"/"together" just before it that the parser hung on the verb.
  static std::string marker_text(const DependencyTree& t, int mk) {
    if (mk < 0) return {};
    std::string out;
    if (mk > 0 && t.deprel(mk - 1) == Deprel::kCompoundPrt &&
        (t.lemma(mk - 1) == "along" || t.lemma(mk - 1) == "together")) {
      out = std::string(t.lemma(mk - 1)) + "_";
    }
    // Forms, not lemmas: the lemma of "including" is "include".
    out += to_lower_ascii(t.form(mk));
    for (int c : t.children(mk)) {
      if (t.base(c) == Deprel::kFixed) {
        out += '_';
        out += to_lower_ascii(t.form(c));
      }
    }
    const int head = t.head(mk);
    if (head >= 0) {
      for (int c : t.children(head)) {
        if (c > mk && c < head && t.base(c) == Deprel::kCase) {
          out += '_';
          out += to_lower_ascii(t.form(c));
        }
      }
    }
    if (out == "along" || out == "together") out += "_with";
    return out;
  }

  // The entities of a constituent, one per conjunct that is one.
  std::vector<int> entities_of(int s, const Constituent& k) const {
    std::vector<int> out;
    for (int head : k.conjuncts) {
      const int e = entity_at(s, head);
      if (e >= 0 && std::find(out.begin(), out.end(), e) == out.end()) out.push_back(e);
    }
    return out;
  }

  EntityType type_of(int e) const { return entities_[static_cast<size_t>(e)].type; }

  // The country a nationality stands for in a role ("Russian Foreign Minister" is the foreign
  // minister of Russia): a place the document names whose first word shares a long prefix
  // with the adjective ("russia"/"russian", "ukraine"/"ukrainian"). -1 when the document
  // names none, or more than one.
  int country_of(int norp) const {
    const std::string adjective = to_lower_ascii(entities_[static_cast<size_t>(norp)].name);
    int found = -1;
    for (size_t e = 0; e < entities_.size(); ++e) {
      if (entities_[e].type != EntityType::kLocation) continue;
      std::string name = to_lower_ascii(entities_[e].name);
      name = name.substr(0, name.find(' '));
      size_t common = 0;
      while (common < name.size() && common < adjective.size() &&
             name[common] == adjective[common]) {
        ++common;
      }
      if (common < 4 || common * 10 < std::min(name.size(), adjective.size()) * 7) continue;
      if (found >= 0) return -1;
      found = static_cast<int>(e);
    }
    return found;
  }

  // ---- facts --------------------------------------------------------------------------------

  struct Attributes {
    bool negated = false;
    std::string modality;
    int attributed_to = -1;
    std::vector<Argument> arguments;
    double confidence = 0.5;
  };

  void add(int s, int subject, std::string relation, int object, const Attributes& a) {
    if (subject < 0 || object < 0 || subject == object || relation.empty()) return;
    const NormalisedRelation n = normalise_relation(std::move(relation), type_of(subject),
                                                    type_of(object));
    if (n.swap) std::swap(subject, object);
    if (type_of(subject) == EntityType::kDate) return;
    Triple tr;
    tr.subject = subject;
    tr.relation = n.relation;
    tr.object = object;
    tr.sentence = s;
    tr.evidence = doc_.sentences[static_cast<size_t>(s)].span;
    tr.negated = a.negated;
    tr.modality = a.modality;
    tr.attributed_to = a.attributed_to;
    tr.arguments = a.arguments;
    tr.confidence = a.confidence;
    out_.push_back(std::move(tr));
  }

  Argument argument(int s, const Constituent& k, ArgumentRole role) const {
    const DependencyTree& t = trees_[s];
    Argument a;
    a.role = role;
    std::vector<int> words = k.words;
    if (words.empty()) words.push_back(k.head);
    a.text = words_text(t, words, true);
    a.span = {t.token(words.front()).span.start, t.token(words.back()).span.end};
    return a;
  }

  // The speaker of a clause: its own reporter, or that of a clause it is part of.
  int reporter_of(int s, int k) const {
    const auto& cs = clauses_[s];
    for (int guard = 0; k >= 0 && guard < 8; ++guard) {
      const Clause& c = cs[static_cast<size_t>(k)];
      if (c.reporter >= 0) return c.reporter;
      if (c.reported_by >= 0) {
        const Constituent* sub = cs[static_cast<size_t>(c.reported_by)].subject();
        if (sub != nullptr) return sub->head;
      }
      k = c.parent;
    }
    return -1;
  }

  int reporting_clause(int s, int k) const {
    const auto& cs = clauses_[s];
    for (int guard = 0; k >= 0 && guard < 8; ++guard) {
      const Clause& c = cs[static_cast<size_t>(k)];
      if (c.reported_by >= 0) return c.reported_by;
      if (c.reporter >= 0) return -1;
      k = c.parent;
    }
    return -1;
  }

  double confidence(int s, const Clause& c) const {
    double x = 2.0;
    switch (c.origin) {
      case ClauseOrigin::kMain: break;
      case ClauseOrigin::kCoordinated: x -= 0.2; break;
      case ClauseOrigin::kComplement: x -= 0.3; break;
      case ClauseOrigin::kAdverbial: x -= 0.5; break;
      case ClauseOrigin::kRelative: x -= 0.3; break;
      case ClauseOrigin::kParticiple: x -= 0.5; break;
      case ClauseOrigin::kApposition: x -= 0.3; break;
      case ClauseOrigin::kPossessive: x -= 0.5; break;
      case ClauseOrigin::kParataxis: x -= 0.8; break;
    }
    const int n = trees_[s].size();
    if (n > 30) x -= 0.03 * (n - 30);
    return sigmoid(x);
  }

  void clause(int s, int k) {
    const DependencyTree& t = trees_[s];
    const Clause& c = clauses_[s][static_cast<size_t>(k)];
    // Roles in appositions and possessives come from the mentions.
    if (c.origin == ClauseOrigin::kApposition || c.origin == ClauseOrigin::kPossessive) return;
    const Constituent* subject = c.subject();
    if (subject == nullptr) return;

    Attributes a;
    a.negated = c.negated;
    if (c.modal >= 0) a.modality = std::string(t.lemma(c.modal));
    if (a.modality.empty() && c.conditional >= 0) a.modality = "if";
    const int speaker_word = reporter_of(s, k);
    if (speaker_word >= 0) a.attributed_to = entity_at(s, speaker_word);
    a.confidence = confidence(s, c);

    std::vector<int> subjects = entities_of(s, *subject);
    std::vector<int> objects;       // entities the relation points at directly
    std::vector<std::pair<std::string, int>> prepositional;  // (preposition, entity)
    std::vector<int> agents;
    std::vector<int> places;
    std::vector<int> object_places;  // "end the war in Ukraine": the object event's only
    std::vector<int> dates;
    int event_object_end = -1;       // the last word of an event object, -1 if none
    for (size_t j = 1; j < c.constituents.size(); ++j) {
      const Constituent& p = c.constituents[j];
      switch (p.part) {
        case Part::kObject:
        case Part::kIndirectObject:
          for (int e : entities_of(s, p)) {
            objects.push_back(e);
            if (type_of(e) == EntityType::kEvent && !p.words.empty()) {
              event_object_end = p.words.back();
            }
          }
          break;
        case Part::kAgent:
          for (int e : entities_of(s, p)) agents.push_back(e);
          break;
        case Part::kAdverbial: {
          const std::string mk = marker_text(t, p.marker);
          const std::vector<int> found = entities_of(s, p);
          // "with the members of the group in April in New York": a date hung on a noun of
          // the phrase that is no event is the clause's time, and a place hung on that date
          // the clause's place.
          for (int w : p.words) {
            if (w == p.head || t.base(w) != Deprel::kNmod) continue;
            const int host = t.head(w);
            const int x = entity_at(s, w);
            if (x < 0 || (host >= 0 && entity_at(s, host) >= 0 &&
                          type_of(entity_at(s, host)) == EntityType::kEvent)) {
              continue;
            }
            const int mw = marker(t, w);
            if (type_of(x) == EntityType::kDate && mw >= 0 && is_time_preposition(t.lemma(mw))) {
              dates.push_back(x);
              places_on(s, w, places);
            }
          }
          ArgumentRole role = p.role;
          for (int e : found) {
            if (type_of(e) == EntityType::kDate) role = ArgumentRole::kTime;
            if (type_of(e) == EntityType::kLocation && role == ArgumentRole::kOther &&
                is_place_preposition(mk)) {
              role = ArgumentRole::kPlace;
            }
          }
          if (role == ArgumentRole::kTime || role == ArgumentRole::kPlace) {
            a.arguments.push_back(argument(s, p, role));
          }
          if (mk == "along_with" || mk == "together_with" || mk == "including" ||
              mk == "as_well_as") {
            // "met X, along with Y", "included X, including Y": Y is with the object, or with
            // the subject if there is none.
            for (int e : found) along_.push_back(e);
            break;
          }
          // "in April in New York" read as one phrase: the place hung on the date is the
          // clause's place too.
          if (const int d = entity_at(s, p.head); d >= 0 && type_of(d) == EntityType::kDate) {
            places_on(s, p.head, places);
          }
          for (int e : found) {
            if (type_of(e) == EntityType::kDate ||
                (role == ArgumentRole::kTime && type_of(e) == EntityType::kOther)) {
              dates.push_back(e);
            } else if (role == ArgumentRole::kTime) {
              // A bare noun phrase read as a time that names a person or an organisation
              // ("summoned ..., Priya Raman" misparsed): neither a date nor a partner.
              continue;
            } else if (role == ArgumentRole::kPlace) {
              // A place right after an event object is that event's (the parser hangs "in
              // Ukraine" of "end the war in Ukraine" on the verb as often as on the noun).
              if (event_object_end >= 0 && !p.words.empty() &&
                  p.words.front() == event_object_end + 1) {
                object_places.push_back(e);
              } else {
                places.push_back(e);
              }
              prepositional.emplace_back(mk, e);
            } else {
              prepositional.emplace_back(mk, e);
            }
          }
          break;
        }
        case Part::kComplement:
        case Part::kClausal:
        case Part::kSubject:
          break;
      }
    }

    if (c.copula >= 0) {
      copular(s, c, subjects, prepositional, a);
    } else {
      const std::string rel = verb_relation(t, c);
      const bool passive = c.passive;
      std::vector<int> actors = passive ? agents : subjects;
      std::vector<int> patients = passive ? subjects : objects;
      if (passive && !objects.empty()) patients.insert(patients.end(), objects.begin(), objects.end());
      // Prepositional objects that are meeting partners ("met with X") are plain objects.
      std::vector<std::pair<std::string, int>> others;
      for (const auto& [mk, e] : prepositional) {
        if (mk == "with" && absorbs_with(rel) && !(passive && agents.empty())) {
          patients.push_back(e);
        } else {
          others.emplace_back(mk, e);
        }
      }
      // "held talks with Russians, including Lavrov": Y joins the event's partners.
      const bool event_partners =
          std::any_of(patients.begin(), patients.end(),
                      [&](int y) { return type_of(y) == EntityType::kEvent; }) &&
          std::any_of(others.begin(), others.end(), [&](const auto& o) { return o.first == "with"; });
      if (!along_.empty() && event_partners) {
        for (int e : along_) others.emplace_back("with", e);
      } else if (!along_.empty()) {
        auto& target = patients.empty() ? actors : patients;
        target.insert(target.end(), along_.begin(), along_.end());
      }
      const bool has_direct = !actors.empty() && !patients.empty();
      for (int x : actors) {
        for (int y : patients) add(s, x, rel, y, a);
      }
      const auto is_place = [&](int e) {
        return std::find(places.begin(), places.end(), e) != places.end() ||
               std::find(object_places.begin(), object_places.end(), e) != object_places.end();
      };
      const bool only_places = std::all_of(others.begin(), others.end(),
                                           [&](const auto& o) { return is_place(o.second); });
      // The clause's events: its objects (or passive subjects: "talks were held between X and
      // Y") and what happens in or at one ("were caught in secret talks").
      std::vector<int> events;
      for (int y : patients) if (type_of(y) == EntityType::kEvent) events.push_back(y);
      for (const auto& [mk, e] : others) {
        if (type_of(e) == EntityType::kEvent && (mk == "in" || mk == "at")) events.push_back(e);
      }
      // "held talks with Y", "took part in the meetings with Y": the partners named with the
      // clause's event took part in it.
      std::vector<int> took_part;  // said once: "Y participate_in talks", not "X hold_with Y"
      for (const auto& [mk, e] : others) {
        // Places named as partners are countries ("held between the United States and
        // Russia").
        const bool partner = is_party(type_of(e)) || type_of(e) == EntityType::kLocation;
        if (!partner || !(mk == "with" || mk == "between" || mk == "among")) continue;
        for (int ev : events) add(s, e, "participate_in", ev, a);
        if (!events.empty()) took_part.push_back(e);
      }
      for (const auto& [mk, e] : others) {
        if (std::find(took_part.begin(), took_part.end(), e) != took_part.end()) continue;
        const bool place = is_place(e);
        // "the meeting, held in New York": the event's place says it ("place" below).
        const bool event_subject = std::any_of(subjects.begin(), subjects.end(), [&](int x) {
          return type_of(x) == EntityType::kEvent;
        });
        if (place && passive && agents.empty() && event_subject) continue;
        // "..., the authority said at Lake Orin": a verb of saying has no place fact.
        if (place && is_reporting_verb(t.lemma(c.predicate))) continue;
        if (place && (has_direct || !only_places)) continue;
        // "discussed plans in covert meetings", "spent hours at the meeting": whoever acts in
        // or at an event took part in it (no "discuss_in" fact).
        if (type_of(e) == EntityType::kEvent && (mk == "in" || mk == "at" || mk == "during")) {
          bool any = false;
          // (Passive without agent: its subjects were there: "were caught in secret talks".)
          for (int x : (passive && !agents.empty() ? agents : subjects)) {
            if (!is_party(type_of(x))) continue;
            add(s, x, "participate_in", e, a);
            any = true;
          }
          if (any) continue;
        }
        if (passive && agents.empty()) {
          for (int x : subjects) add(s, x, with_preposition("be_" + rel, mk), e, a);
        } else if (!passive) {
          for (int x : subjects) add(s, x, with_preposition(rel, mk), e, a);
        }
      }
      // The reporter of a clause about an event reported the event (verbs of saying only:
      // "is aware that ..." reports nothing).
      const int reporting = reporting_clause(s, k);
      const bool says = reporting < 0 ||
          is_reporting_verb(t.lemma(clauses_[s][static_cast<size_t>(reporting)].predicate));
      if (a.attributed_to >= 0 && says) {
        std::vector<int> reported;
        for (int e : subjects) if (type_of(e) == EntityType::kEvent) reported.push_back(e);
        reported.insert(reported.end(), events.begin(), events.end());
        std::string verb = "report";
        if (reporting >= 0) {
          verb = std::string(t.lemma(clauses_[s][static_cast<size_t>(reporting)].predicate));
        }
        Attributes r;
        r.confidence = a.confidence * 0.9;
        // Only verbs that make the news public say the speaker reported the event ("NBC
        // reported ..."); "she said the spill ..." is a quote, kept as the attribution.
        const bool reports = verb == "report" || verb == "reveal" || verb == "disclose" ||
                             verb == "announce" || verb == "confirm" || verb == "write";
        if (reports) {
          for (int e : reported) add(s, a.attributed_to, verb, e, r);
        }
      }
      subjects.insert(subjects.end(), patients.begin(), patients.end());
      for (const auto& [mk, e] : others) {
        if (type_of(e) == EntityType::kEvent) subjects.push_back(e);
      }
    }
    // Events in the clause take its place and date.
    for (int e : subjects) {
      if (type_of(e) != EntityType::kEvent) continue;
      Attributes plain;
      plain.confidence = a.confidence;
      plain.attributed_to = a.attributed_to;
      plain.negated = a.negated;
      plain.modality = a.modality;
      for (int p : places) add(s, e, "place", p, plain);
      if (std::find(objects.begin(), objects.end(), e) != objects.end()) {
        for (int p : object_places) add(s, e, "place", p, plain);
      }
      for (int d : dates) add(s, e, "date", d, plain);
    }
    along_.clear();
  }

  void copular(int s, const Clause& c, const std::vector<int>& subjects,
               const std::vector<std::pair<std::string, int>>& prepositional,
               const Attributes& a) {
    const DependencyTree& t = trees_[s];
    const Constituent* complement = nullptr;
    for (const Constituent& p : c.constituents) {
      if (p.part == Part::kComplement) complement = &p;
    }
    if (complement == nullptr) return;
    if (complement->marker >= 0) {
      // "Lavrov was in the United States": be_in.
      const std::string rel = with_preposition("be", marker_text(t, complement->marker));
      for (int y : entities_of(s, *complement)) {
        for (int x : subjects) add(s, x, rel, y, a);
      }
      return;
    }
    // "Haass is (the) president of the CFR": a role.
    std::vector<int> in_sentence;
    for (size_t i = 0; i < m_.size(); ++i) {
      if (m_[i].sentence == s) in_sentence.push_back(static_cast<int>(i));
    }
    for (int head : complement->conjuncts) {
      if (entity_at(s, head) >= 0) continue;  // "X is Y": an identity, not a role
      Role role;
      if (!read_role(t, head, m_, in_sentence, role)) continue;
      for (int x : subjects) {
        add_title(x, role);
        if (role.organisation < 0) continue;
        if (!is_role_title(role)) continue;
        const int org = entity_of_mention(role.organisation);
        Attributes ra = a;
        if (!role.qualifier.empty()) ra.arguments.push_back({ArgumentRole::kTime, role.qualifier, {}});
        add(s, x, role.relation + "_of", org, ra);
      }
    }
    // "is aware of the talks": be_aware_of.
    if (t.upos(c.predicate) == Upos::kAdj) {
      const std::string base = "be_" + std::string(t.lemma(c.predicate));
      for (const auto& [mk, e] : prepositional) {
        for (int x : subjects) add(s, x, with_preposition(base, mk), e, a);
      }
    }
  }

  void add_title(int entity, const Role& role) {
    if (entity < 0 || type_of(entity) != EntityType::kPerson) return;
    std::string title = role.qualifier.empty() ? role.title : role.qualifier + " " + role.title;
    auto& titles = entities_[static_cast<size_t>(entity)].titles;
    if (std::find(titles.begin(), titles.end(), title) == titles.end()) titles.push_back(title);
  }

  // The places hung on date word `date` of sentence `s` ("April in New York"): nmod children
  // that are locations after a place preposition.
  void places_on(int s, int date, std::vector<int>& places) const {
    const DependencyTree& t = trees_[s];
    for (int g : t.children(date)) {
      const int y = entity_at(s, g);
      const int mg = marker(t, g);
      if (y >= 0 && t.base(g) == Deprel::kNmod && type_of(y) == EntityType::kLocation &&
          mg >= 0 && is_place_preposition(t.lemma(mg))) {
        places.push_back(y);
      }
    }
  }

  // Roles in titles and appositions; participants, places and dates of event nouns.
  void mention_facts(int i) {
    const NominalMention& m = m_[i];
    const int e = entity_of_mention(i);
    if (e < 0 || m.sentence < 0) return;
    const DependencyTree& t = trees_[m.sentence];
    if (options_.skip_headlines && is_headline(t)) return;
    Attributes a;
    a.confidence = sigmoid(1.8 - (t.size() > 40 ? 0.02 * (t.size() - 40) : 0.0));
    for (const Role& r : m.roles) {
      if (r.organisation < 0) continue;
      int org = entity_of_mention(r.organisation);
      if (org < 0) continue;
      if (type_of(org) == EntityType::kNorp) {
        if (const int country = country_of(org); country >= 0) org = country;
      }
      const EntityType type = type_of(org);
      if (!is_party(type) && type != EntityType::kLocation && type != EntityType::kWork) continue;
      // An organisation's descriptor is a fact only towards another organisation ("Google
      // subsidiary YouTube"), not towards a nationality or place ("Russian firm X").
      if (type_of(e) == EntityType::kOrg && type != EntityType::kOrg) continue;
      // "an Australian woman" is a description; "the Australian ambassador" a role.
      if (!is_role_title(r) && type != EntityType::kOrg && type != EntityType::kWork) continue;
      Attributes ra = a;
      if (!r.qualifier.empty()) ra.arguments.push_back({ArgumentRole::kTime, r.qualifier, {}});
      add(m.sentence, e, r.relation + "_of", org, ra);
    }
    if (m.kind != MentionKind::kEvent) return;
    if (m.possessor >= 0) {
      const int p = entity_of_mention(m.possessor);
      if (p >= 0 && is_party(type_of(p))) add(m.sentence, p, "participate_in", e, a);
      if (p >= 0 && type_of(p) == EntityType::kLocation) add(m.sentence, e, "place", p, a);
    }
    if (m.date >= 0) add(m.sentence, e, "date", entity_of_mention(m.date), a);
    for (int c : t.children(m.head)) {
      if (t.base(c) != Deprel::kNmod && t.base(c) != Deprel::kAcl) continue;
      const std::string mk = marker_text(t, marker(t, c));
      std::vector<int> heads{c};
      for (int g : t.children(c)) {
        if (t.base(g) == Deprel::kConj) heads.push_back(g);
      }
      for (int h : heads) {
        const int x = entity_at(m.sentence, h);
        if (x < 0 || x == e) continue;
        const EntityType type = type_of(x);
        if (type == EntityType::kDate) {
          add(m.sentence, e, "date", x, a);
        } else if (type == EntityType::kLocation && (mk == "in" || mk == "at" || mk == "near")) {
          add(m.sentence, e, "place", x, a);
        } else if (is_party(type) && (mk == "with" || mk == "between" || mk == "among" ||
                                      mk == "by" || mk == "of" || mk == "involving")) {
          add(m.sentence, x, "participate_in", e, a);
        }
      }
    }
  }

  // Duplicates (same subject, relation, object and sentence) merge: the highest confidence,
  // the union of arguments.
  std::vector<Triple> finish() {
    std::map<std::tuple<int, std::string, int, int, bool>, size_t> seen;
    std::vector<Triple> result;
    for (Triple& tr : out_) {
      if (tr.confidence < options_.min_confidence) continue;
      const auto key = std::make_tuple(tr.subject, tr.relation, tr.object, tr.sentence, tr.negated);
      auto it = seen.find(key);
      if (it == seen.end()) {
        seen.emplace(key, result.size());
        result.push_back(std::move(tr));
        continue;
      }
      Triple& kept = result[it->second];
      kept.confidence = std::max(kept.confidence, tr.confidence);
      for (Argument& arg : tr.arguments) {
        const bool known = std::any_of(kept.arguments.begin(), kept.arguments.end(),
                                       [&](const Argument& k) { return k.text == arg.text; });
        if (!known) kept.arguments.push_back(std::move(arg));
      }
      if (kept.attributed_to < 0) kept.attributed_to = tr.attributed_to;
      if (kept.modality.empty()) kept.modality = tr.modality;
    }
    std::stable_sort(result.begin(), result.end(), [](const Triple& x, const Triple& y) {
      return x.sentence < y.sentence;
    });
    return result;
  }

  const Document& doc_;
  const std::vector<DependencyTree>& trees_;
  const std::vector<std::vector<Clause>>& clauses_;
  const std::vector<NominalMention>& m_;
  const CoreferenceResult& coref_;
  std::vector<Entity>& entities_;
  const TripleOptions& options_;
  std::vector<std::vector<int>> word_;  // per sentence and word: the mention it belongs to
  std::vector<std::vector<int>> top_;   // per sentence and word: the mention it heads
  std::vector<int> along_;
  std::vector<Triple> out_;
};

}  // namespace

std::vector<Triple> TripleBuilder::build(const Document& document,
                                         const std::vector<DependencyTree>& trees,
                                         const std::vector<std::vector<Clause>>& clauses,
                                         const std::vector<NominalMention>& mentions,
                                         const CoreferenceResult& coreference,
                                         std::vector<Entity>& entities) const {
  return Builder(document, trees, clauses, mentions, coreference, entities, options_).run();
}

}  // namespace kg::extract
