#include "extract/clauses.h"

#include <algorithm>

#include "extract/enum_names.h"
#include "extract/word_classes.h"

namespace kg::extract {

namespace {

const auto kClauseTypeNames = KG_ENUM_NAMES(ClauseType, KG_CLAUSE_TYPES);
const auto kClauseOriginNames = KG_ENUM_NAMES(ClauseOrigin, KG_CLAUSE_ORIGINS);

bool is_nominal(Upos u) {
  return u == Upos::kNoun || u == Upos::kPropn || u == Upos::kPron || u == Upos::kNum ||
         u == Upos::kSym || u == Upos::kX;
}

bool is_subject_rel(Deprel rel) {
  return rel == Deprel::kNsubj || rel == Deprel::kNsubjPass || rel == Deprel::kCsubj ||
         rel == Deprel::kCsubjPass;
}

// Builds the clauses of one sentence. One Builder per call: all scratch is local.
class Builder {
 public:
  Builder(const DependencyTree& tree, const ClauseOptions& options)
      : t_(tree), options_(options), n_(tree.size()) {}

  std::vector<Clause> run() {
    if (n_ == 0) return {};
    clause_of_.assign(n_, -1);
    absorbed_.assign(n_, 0);
    const bool long_sentence = n_ > options_.max_sentence_words;
    // Pass 1: predicates, xcomp chains absorbed into the verb that controls them.
    for (int i = 0; i < n_; ++i) {
      if (is_predicate(i)) mark_absorbed(i);
    }
    std::vector<int> heads;
    for (int i = 0; i < n_; ++i) {
      if (!is_predicate(i) || absorbed_[i]) continue;
      if (long_sentence && !(t_.head(i) < 0 || (t_.base(i) == Deprel::kConj &&
                                                t_.head(t_.head(i)) < 0))) {
        continue;
      }
      if (!clause_head_relation(i)) continue;
      heads.push_back(i);
    }
    for (int h : heads) {
      for (int v : chain(h)) clause_of_[v] = static_cast<int>(clauses_.size());
      Clause c;
      c.predicate = h;
      clauses_.push_back(std::move(c));
    }
    // Pass 2: fill each clause; borrowed subjects need the clause of the head filled first,
    // so fill in order of depth.
    std::vector<int> order(clauses_.size());
    for (size_t k = 0; k < order.size(); ++k) order[k] = static_cast<int>(k);
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
      return t_.depth(clauses_[a].predicate) < t_.depth(clauses_[b].predicate);
    });
    for (int k : order) fill(k);
    for (int k : order) link(k);
    if (!long_sentence) {
      appositions();
      possessives();
    }
    for (Clause& c : clauses_) finish(c);
    // Clauses without a verb group or with nothing but a verb and no subject say nothing.
    return std::move(clauses_);
  }

 private:
  // ---- predicates -------------------------------------------------------------------

  bool has_subject(int i) const {
    for (int c : t_.children(i)) {
      if (is_subject_rel(t_.deprel(c)) || t_.deprel(c) == Deprel::kNsubjOuter) return true;
    }
    return false;
  }

  bool is_predicate(int i) const {
    const Deprel base = t_.base(i);
    if (base == Deprel::kAmod || base == Deprel::kCompound || base == Deprel::kDet ||
        base == Deprel::kCase || base == Deprel::kMark || base == Deprel::kFixed ||
        base == Deprel::kFlat || base == Deprel::kGoeswith || base == Deprel::kReparandum ||
        base == Deprel::kAux || base == Deprel::kCop || base == Deprel::kPunct) {
      return false;
    }
    if (t_.has_child(i, Deprel::kCop)) return true;
    if (t_.upos(i) == Upos::kVerb) return true;
    if (has_subject(i)) return true;
    return false;
  }

  // The relation by which a predicate word heads a clause kg reads.
  bool clause_head_relation(int i) const {
    switch (t_.base(i)) {
      case Deprel::kRoot: case Deprel::kConj: case Deprel::kCcomp: case Deprel::kAdvcl:
      case Deprel::kParataxis: case Deprel::kCsubj: case Deprel::kXcomp: case Deprel::kAcl:
      case Deprel::kList: case Deprel::kDep: case Deprel::kAppos:
        break;
      default:
        return false;
    }
    if (t_.head(i) < 0) return true;
    if (t_.base(i) == Deprel::kConj) {
      // A conjunct of a nominal ("a diplomat and president of X") is part of a phrase,
      // unless it has a verb or a subject of its own.
      const int h = t_.head(i);
      if (!is_predicate(h) && !has_subject(i) && !t_.has_child(i, Deprel::kCop) &&
          t_.upos(i) != Upos::kVerb) {
        return false;
      }
      return true;
    }
    if (t_.base(i) == Deprel::kAcl) {
      // Participles and relative clauses; infinitival modifiers ("efforts to end the war")
      // have no subject to fill and are skipped.
      if (t_.deprel(i) == Deprel::kAclRelcl) return true;
      const Xpos x = t_.xpos(i);
      return (x == Xpos::kVBN || x == Xpos::kVBG) && !t_.has_child(i, Deprel::kMark);
    }
    if (t_.base(i) == Deprel::kAppos || t_.base(i) == Deprel::kDep) {
      return has_subject(i);
    }
    return true;
  }

  // An xcomp verb without a subject of its own, under a verb without an object, continues
  // that verb's group ("declined to comment", "wanted to negotiate").
  int absorbable_xcomp(int v) const {
    if (t_.has_child(v, Deprel::kObj) || t_.has_child(v, Deprel::kIobj)) return -1;
    for (int c : t_.children(v)) {
      if (t_.base(c) != Deprel::kXcomp) continue;
      if (has_subject(c)) continue;
      // Infinitives only ("declined to comment", "helped build"); a gerund or participle
      // under xcomp is most often a misattached modifier ("..., including X").
      const bool infinitive = t_.has_child(c, Deprel::kMark) || t_.xpos(c) == Xpos::kVB;
      if ((t_.upos(c) == Upos::kVerb || t_.upos(c) == Upos::kAux) && infinitive) return c;
      if (t_.has_child(c, Deprel::kCop) && t_.has_child(c, Deprel::kMark)) return c;
    }
    return -1;
  }

  void mark_absorbed(int v) {
    int guard = 0;
    for (int x = absorbable_xcomp(v); x >= 0 && guard < n_; x = absorbable_xcomp(x), ++guard) {
      absorbed_[x] = 1;
    }
  }

  // ---- phrases ------------------------------------------------------------------------

  // Children that never belong to a constituent's words.
  bool outside_phrase(int c) const {
    const Deprel full = t_.deprel(c);
    const Deprel base = t_.base(c);
    if (full == Deprel::kAclRelcl || base == Deprel::kAppos || base == Deprel::kParataxis ||
        base == Deprel::kDep || base == Deprel::kReparandum || base == Deprel::kDiscourse ||
        base == Deprel::kVocative || base == Deprel::kDislocated || base == Deprel::kList) {
      return true;
    }
    // A modifier set off by a comma ("the meeting, held in New York,") is a clause of its
    // own, not part of the phrase.
    if (base == Deprel::kAcl || base == Deprel::kAmod || base == Deprel::kAdvcl) {
      for (int g : t_.children(c)) {
        if (t_.base(g) == Deprel::kPunct && g < c && t_.form(g) == ",") return true;
      }
      if (c > 0 && t_.form(c - 1) == "," && t_.head(c - 1) != c) return true;
    }
    return false;
  }

  void trim(std::vector<int>& words) const {
    auto edge = [&](int w) {
      return t_.upos(w) == Upos::kPunct && t_.form(w) != "%" && t_.form(w) != "$";
    };
    size_t b = 0;
    size_t e = words.size();
    while (b < e && (edge(words[b]) || t_.base(words[b]) == Deprel::kCc)) ++b;
    while (e > b && (edge(words[e - 1]) || t_.base(words[e - 1]) == Deprel::kCc)) --e;
    // Keep a closing quote or bracket whose opener is inside.
    words.erase(words.begin() + static_cast<std::ptrdiff_t>(e), words.end());
    words.erase(words.begin(), words.begin() + static_cast<std::ptrdiff_t>(b));
  }

  // `drop_case`: the case markers before `head` stay out (a subject or object parsed with
  // its preposition, "along with X").
  void phrase(int head, std::vector<int>& out, bool conjunct_only, int exclude = -1,
              bool drop_case = false) const {
    // An antecedent that is itself a copular predicate ("X is a footballer who ...") keeps
    // its subject and copula out.
    const bool predicate = exclude >= 0 && t_.has_child(head, Deprel::kCop);
    t_.subtree(head, out, [&](int c) {
      if (c == exclude) return true;
      if (drop_case && c < head && t_.head(c) == head && t_.base(c) == Deprel::kCase) return true;
      if (predicate && t_.head(c) == head) {
        const Deprel b = t_.base(c);
        if (b == Deprel::kNsubj || b == Deprel::kCsubj || b == Deprel::kCop || b == Deprel::kAux ||
            b == Deprel::kExpl || b == Deprel::kMark || b == Deprel::kPunct) {
          return true;
        }
      }
      if (outside_phrase(c)) return true;
      if (conjunct_only && t_.head(c) == head &&
          (t_.base(c) == Deprel::kConj || t_.base(c) == Deprel::kCc)) {
        return true;
      }
      return false;
    });
    trim(out);
  }

  // Nominal conjuncts of `head` ("Haass and Kupchan"): conj children that are not clauses.
  std::vector<int> conjuncts(int head) const {
    std::vector<int> out{head};
    for (int c : t_.children(head)) {
      if (t_.base(c) == Deprel::kConj && !(is_predicate(c) && clause_head_relation(c) &&
                                           (has_subject(c) || t_.upos(c) == Upos::kVerb))) {
        out.push_back(c);
      }
    }
    return out;
  }

  // The preposition of an oblique or nominal modifier, with its fixed words ("according to").
  int marker_of(int head) const {
    for (int c : t_.children(head)) {
      if (t_.base(c) == Deprel::kCase && c < head) return c;
    }
    for (int c : t_.children(head)) {
      if (t_.base(c) == Deprel::kMark && c < head && t_.upos(c) == Upos::kAdp) return c;
    }
    return -1;
  }

  // `exclude` is a word whose subtree stays out (the relative clause of an antecedent); an
  // antecedent is never expanded into its conjuncts (the relative clause belongs to one).
  Constituent constituent(Part part, int head, int marker = -1, int exclude = -1) const {
    Constituent k;
    k.part = part;
    k.head = head;
    k.marker = marker;
    const bool nominal_part =
        part == Part::kSubject || part == Part::kObject || part == Part::kIndirectObject;
    const bool drop_case = nominal_part && marker < 0;
    phrase(head, k.words, false, exclude, drop_case);
    k.conjuncts = (part == Part::kClausal || exclude >= 0) ? std::vector<int>{head}
                                                            : conjuncts(head);
    if (k.conjuncts.size() == 1) {
      k.conjunct_words.push_back(k.words);
    } else {
      // A determiner or possessor of the first conjunct is shared by the others that have
      // none ("Nissan 's morale and image" -> "Nissan 's image").
      std::vector<int> shared;
      const int first = k.conjuncts[0];
      for (int c : t_.children(first)) {
        if (c < first && (t_.base(c) == Deprel::kDet || t_.deprel(c) == Deprel::kNmodPoss)) {
          t_.subtree(c, shared);
        }
      }
      for (size_t j = 0; j < k.conjuncts.size(); ++j) {
        std::vector<int> w;
        phrase(k.conjuncts[j], w, true, exclude, j == 0 && drop_case);
        if (j > 0 && !shared.empty() && is_nominal(t_.upos(k.conjuncts[j]))) {
          bool own = false;
          for (int c : t_.children(k.conjuncts[j])) {
            own |= t_.base(c) == Deprel::kDet || t_.deprel(c) == Deprel::kNmodPoss;
          }
          if (!own) {
            w.insert(w.begin(), shared.begin(), shared.end());
            std::sort(w.begin(), w.end());
          }
        }
        k.conjunct_words.push_back(std::move(w));
      }
    }
    if (part == Part::kAdverbial || part == Part::kAgent) k.role = classify(head, marker);
    return k;
  }

  ArgumentRole classify(int head, int marker) const {
    const std::string_view m = marker >= 0 ? t_.lemma(marker) : std::string_view();
    if (is_time_word(t_.lemma(head)) || is_year(t_.form(head)) || is_time_preposition(m)) {
      return ArgumentRole::kTime;
    }
    if (t_.base(head) == Deprel::kObl && t_.deprel(head) != Deprel::kObl &&
        t_.deprel(head) != Deprel::kOblAgent && marker < 0) {
      // obl:unmarked / obl:tmod / obl:npmod: bare noun phrases are mostly times.
      return ArgumentRole::kTime;
    }
    if (is_place_preposition(m) && t_.upos(head) == Upos::kPropn) return ArgumentRole::kPlace;
    return ArgumentRole::kOther;
  }

  // ---- clauses ------------------------------------------------------------------------

  // The predicate word `v` or the verbs of its absorbed xcomp chain, outermost first.
  std::vector<int> chain(int v) const {
    std::vector<int> out{v};
    int guard = 0;
    for (int x = absorbable_xcomp(v); x >= 0 && guard < n_; x = absorbable_xcomp(x), ++guard) {
      out.push_back(x);
    }
    return out;
  }

  // Whether `v` has auxiliaries and none of them is aux:pass: the parser's nsubj:pass on such
  // a verb ("have participated", "is leaving") is a labelling error, not the passive voice.
  bool active_auxiliaries(int v) const {
    bool aux = false;
    for (int ch : t_.children(v)) {
      if (t_.deprel(ch) == Deprel::kAuxPass) return false;
      if (t_.base(ch) == Deprel::kAux) aux = true;
    }
    return aux;
  }

  bool is_negation(int c) const {
    if (t_.base(c) != Deprel::kAdvmod && t_.base(c) != Deprel::kDet) return false;
    const std::string_view l = t_.lemma(c);
    if (t_.base(c) == Deprel::kDet) return false;
    return l == "not" || l == "never" || l == "n't";
  }

  void fill(int index) {
    Clause& c = clauses_[index];
    const int h = c.predicate;
    c.predicates = chain(h);
    const int last = c.predicates.back();
    c.predicate = last;
    if (t_.has_child(last, Deprel::kCop)) c.copula = t_.child(last, Deprel::kCop);

    // Verb group: auxiliaries, negation, the verbs of the chain with their "to", particles,
    // adverbs between the first auxiliary and the verb.
    for (size_t j = 0; j < c.predicates.size(); ++j) {
      const int v = c.predicates[j];
      if (!(v == last && c.copula >= 0)) c.verb_group.push_back(v);
      int first_aux = v;
      for (int ch : t_.children(v)) {
        const Deprel base = t_.base(ch);
        const bool along = (t_.lemma(ch) == "along" || t_.lemma(ch) == "together") &&
                           ch + 1 < n_ && t_.lemma(ch + 1) == "with";
        if (base == Deprel::kAux || base == Deprel::kCop ||
            (t_.deprel(ch) == Deprel::kCompoundPrt && !along) ||
            (j > 0 && base == Deprel::kMark)) {
          c.verb_group.push_back(ch);
          // A phrasal preposition of a particle ("carry out") has fixed children.
          if (base == Deprel::kAux || base == Deprel::kCop) first_aux = std::min(first_aux, ch);
          if (base == Deprel::kAux && t_.xpos(ch) == Xpos::kMD) c.modal = ch;
          // The voice is the last verb's: "were required to recognize" is active.
          if (t_.deprel(ch) == Deprel::kAuxPass && v == last) c.passive = true;
        } else if (is_negation(ch)) {
          c.verb_group.push_back(ch);
          c.negated = true;
        }
      }
      for (int ch : t_.children(v)) {
        if (v == last && c.copula >= 0) break;
        if (t_.base(ch) == Deprel::kAdvmod && ch > first_aux && ch < v && !is_negation(ch) &&
            t_.children(ch).empty()) {
          c.verb_group.push_back(ch);
        }
      }
    }
    std::sort(c.verb_group.begin(), c.verb_group.end());
    c.verb_group.erase(std::unique(c.verb_group.begin(), c.verb_group.end()),
                       c.verb_group.end());

    // Origin.
    const Deprel rel = t_.head(h) < 0 ? Deprel::kRoot : t_.deprel(h);
    const Deprel base = t_.base(h);
    const int up = t_.head(h);
    const int up_clause = up >= 0 ? clause_of_[up] : -1;
    if (rel == Deprel::kRoot) {
      c.origin = ClauseOrigin::kMain;
    } else if (rel == Deprel::kAclRelcl || misattached_relative(h)) {
      c.origin = ClauseOrigin::kRelative;
    } else if (base == Deprel::kAcl) {
      c.origin = ClauseOrigin::kParticiple;
    } else if (base == Deprel::kConj) {
      c.origin = ClauseOrigin::kCoordinated;
    } else if (base == Deprel::kCcomp || base == Deprel::kCsubj || base == Deprel::kXcomp) {
      c.origin = ClauseOrigin::kComplement;
    } else if (base == Deprel::kAdvcl) {
      c.origin = ClauseOrigin::kAdverbial;
    } else {
      c.origin = ClauseOrigin::kParataxis;
    }
    c.parent = up_clause;
    if (c.origin == ClauseOrigin::kCoordinated && up_clause < 0) c.origin = ClauseOrigin::kMain;
    if (c.origin == ClauseOrigin::kCoordinated && up_clause >= 0 &&
        clauses_[up_clause].origin != ClauseOrigin::kMain) {
      c.origin = clauses_[up_clause].origin;
    }
    if (c.origin == ClauseOrigin::kParticiple && t_.xpos(h) == Xpos::kVBN) c.passive = true;

    // Constituents of every verb of the chain.
    int subject_word = -1;
    std::vector<Constituent> parts;
    int relative_pronoun = -1;
    Part relative_part = Part::kSubject;
    int relative_marker = -1;
    if (c.origin == ClauseOrigin::kRelative) {
      find_relative_pronoun(h, relative_pronoun, relative_part, relative_marker);
    }
    for (size_t j = 0; j < c.predicates.size(); ++j) {
      const int v = c.predicates[j];
      for (int ch : t_.children(v)) {
        if (ch == relative_pronoun) continue;
        const Deprel cb = t_.base(ch);
        const Deprel cf = t_.deprel(ch);
        if (is_subject_rel(cf) && j == 0) {
          // A passive subject makes the clause passive unless the verb group says otherwise:
          // auxiliaries but none of them aux:pass ("X have participated" with a mislabelled
          // subject) is active; no auxiliary at all is a headline passive ("Man killed").
          if ((cf == Deprel::kNsubjPass || cf == Deprel::kCsubjPass) && v == last &&
              !active_auxiliaries(v)) {
            c.passive = true;
          }
          subject_word = ch;
          // "neither Russia nor the US are sincere": a negated clause.
          for (int g : t_.children(ch)) {
            if (t_.deprel(g) == Deprel::kCcPreconj && t_.lemma(g) == "neither") c.negated = true;
          }
          parts.push_back(cb == Deprel::kCsubj ? constituent(Part::kClausal, ch)
                                               : constituent(Part::kSubject, ch));
          parts.back().part = Part::kSubject;
        } else if (cb == Deprel::kObj) {
          parts.push_back(constituent(Part::kObject, ch));
        } else if (cb == Deprel::kIobj) {
          parts.push_back(constituent(Part::kIndirectObject, ch));
        } else if (cb == Deprel::kCcomp) {
          parts.push_back(constituent(Part::kClausal, ch));
        } else if (cb == Deprel::kXcomp && j + 1 == c.predicates.size()) {
          if (!is_predicate(ch) || t_.upos(ch) == Upos::kAdj || t_.upos(ch) == Upos::kNoun) {
            parts.push_back(constituent(Part::kComplement, ch, marker_of(ch)));
          }
        } else if (cf == Deprel::kOblAgent) {
          parts.push_back(constituent(Part::kAgent, ch, marker_of(ch)));
        } else if (cb == Deprel::kObl || (cb == Deprel::kNmod && c.copula < 0 &&
                                          t_.upos(v) == Upos::kVerb)) {
          const int m = marker_of(ch);
          if (m >= 0 && (t_.lemma(m) == "according" || t_.lemma(m) == "accord")) {
            c.reporter = ch;
            continue;
          }
          // "In an exclusive report by NBC News, ...": the author of the report reports it.
          if (const int author = report_author(ch, m); author >= 0) {
            c.reporter = author;
            continue;
          }
          parts.push_back(constituent(Part::kAdverbial, ch, m));
        } else if (cb == Deprel::kAdvmod && t_.upos(ch) != Upos::kAdv &&
                   t_.upos(ch) != Upos::kAdj && t_.upos(ch) != Upos::kPart &&
                   t_.upos(ch) != Upos::kSconj) {
          parts.push_back(constituent(Part::kAdverbial, ch, marker_of(ch)));
        } else if (cb == Deprel::kExpl && t_.upos(v) != Upos::kVerb) {
          continue;
        }
      }
    }
    // Copular clauses: the predicate itself is the complement.
    if (c.copula >= 0) {
      Constituent k;
      k.part = Part::kComplement;
      k.head = last;
      k.marker = marker_of(last);
      predicate_phrase(last, k.words);
      std::vector<int> conj = {last};
      for (int ch : t_.children(last)) {
        if (t_.base(ch) == Deprel::kConj && !has_subject(ch) && !t_.has_child(ch, Deprel::kCop) &&
            t_.upos(ch) != Upos::kVerb) {
          conj.push_back(ch);
        }
      }
      k.conjuncts = conj;
      if (conj.size() == 1) {
        k.conjunct_words.push_back(k.words);
      } else {
        for (size_t j = 0; j < conj.size(); ++j) {
          std::vector<int> w;
          if (j == 0) {
            predicate_phrase(last, w, true);
          } else {
            phrase(conj[j], w, true);
          }
          k.conjunct_words.push_back(std::move(w));
        }
        k.words.clear();
        for (auto& w : k.conjunct_words) k.words.insert(k.words.end(), w.begin(), w.end());
        std::sort(k.words.begin(), k.words.end());
      }
      parts.push_back(std::move(k));
      // Obliques and clauses of the predicate ("aware of the talks", "aware that ...") were
      // read as constituents of the clause above.
    }

    // Borrowed subjects and gaps.
    if (subject_word < 0) {
      if (c.origin == ClauseOrigin::kRelative || c.origin == ClauseOrigin::kParticiple) {
        const int antecedent = up;
        if (c.origin == ClauseOrigin::kRelative && relative_pronoun >= 0 &&
            relative_part != Part::kSubject) {
          Constituent k = constituent(relative_part, antecedent, relative_marker, h);
          k.borrowed = true;
          if (relative_part == Part::kAdverbial) {
            k.role = t_.lemma(relative_pronoun) == "when" ? ArgumentRole::kTime
                                                          : ArgumentRole::kPlace;
          }
          parts.push_back(std::move(k));
        } else if (antecedent >= 0) {
          // "X is a footballer who plays ...": the relative clause is about X.
          int about = antecedent;
          int cut = h;
          if (c.origin == ClauseOrigin::kRelative && t_.has_child(antecedent, Deprel::kCop)) {
            for (int ch : t_.children(antecedent)) {
              if (t_.base(ch) == Deprel::kNsubj) {
                about = ch;
                cut = -1;
              }
            }
          }
          Constituent k = constituent(Part::kSubject, about, -1, cut);
          k.borrowed = true;
          parts.push_back(std::move(k));
        }
      } else if (up_clause >= 0 &&
                 (c.origin == ClauseOrigin::kCoordinated || c.origin == ClauseOrigin::kMain ||
                  (c.origin == ClauseOrigin::kAdverbial && !t_.has_child(h, Deprel::kMark)) ||
                  (c.origin == ClauseOrigin::kAdverbial && is_nonfinite(h)) ||
                  base == Deprel::kXcomp)) {
        const Clause& parent = clauses_[up_clause];
        // Object control: "asked X to do Y" -> X does Y; after other verbs the infinitive is
        // the subject's purpose ("officials discussed plans to end the war").
        if (base == Deprel::kXcomp && is_object_control_verb(t_.lemma(up))) {
          for (const Constituent& p : parent.constituents) {
            if (p.part == Part::kObject) {
              Constituent k = p;
              k.part = Part::kSubject;
              k.borrowed = true;
              parts.push_back(std::move(k));
              break;
            }
          }
        }
        const bool controlled = std::any_of(parts.begin(), parts.end(), [](const Constituent& p) {
          return p.part == Part::kSubject;
        });
        if (!controlled) {
          if (const Constituent* s = parent.subject()) {
            Constituent k = *s;
            k.borrowed = true;
            parts.push_back(std::move(k));
          }
        }
      }
    } else if (c.origin == ClauseOrigin::kRelative && relative_pronoun >= 0 &&
               relative_part != Part::kSubject) {
      Constituent k = constituent(relative_part, up, relative_marker, h);
      k.borrowed = true;
      if (relative_part == Part::kAdverbial) {
        k.role = t_.lemma(relative_pronoun) == "when" ? ArgumentRole::kTime : ArgumentRole::kPlace;
      }
      parts.push_back(std::move(k));
    }
    // Relative clause without a relative pronoun and with its own subject: the antecedent is
    // the object ("the deal Putin wants").
    if (c.origin == ClauseOrigin::kRelative && relative_pronoun < 0 && subject_word >= 0) {
      bool has_object = false;
      for (const Constituent& p : parts) has_object |= p.part == Part::kObject;
      if (!has_object && t_.upos(last) == Upos::kVerb && up >= 0 && up < h) {
        Constituent k = constituent(Part::kObject, up, -1, h);
        k.borrowed = true;
        parts.push_back(std::move(k));
      }
    }

    // Coordinated verbs share auxiliaries and a following object ("have discussed and
    // agreed", "recommended and supported the plan").
    if (base == Deprel::kConj && up >= 0 && up_clause >= 0) {
      const Clause& first = clauses_[up_clause];
      bool own_aux = false;
      for (int ch : t_.children(h)) own_aux |= t_.base(ch) == Deprel::kAux;
      if (absorbed_[up]) {
        // "were required to recognize, pick up and carry": the conjuncts of an absorbed
        // verb share the verbs that control it.
        for (int w : first.verb_group) {
          if (w < up) {
            c.verb_group.insert(std::upper_bound(c.verb_group.begin(), c.verb_group.end(), w), w);
            if (t_.xpos(w) == Xpos::kMD) c.modal = w;
          }
        }
      } else if (!own_aux && is_nonfinite(h)) {
        for (int ch : t_.children(first.predicates.front())) {
          if (t_.base(ch) == Deprel::kAux && ch < up) {
            c.verb_group.insert(std::upper_bound(c.verb_group.begin(), c.verb_group.end(), ch),
                                ch);
            if (t_.xpos(ch) == Xpos::kMD) c.modal = ch;
            if (t_.deprel(ch) == Deprel::kAuxPass) c.passive = true;
          }
        }
      }
      bool has_object = false;
      for (const Constituent& p : parts) {
        has_object |= p.part == Part::kObject || p.part == Part::kClausal;
      }
      if (!has_object && t_.upos(h) == Upos::kVerb && c.copula < 0) {
        for (const Constituent& p : first.constituents) {
          if ((p.part == Part::kObject) && p.head > h) {
            Constituent k = p;
            k.borrowed = true;
            parts.push_back(std::move(k));
            break;
          }
        }
      }
    }

    // "along with X": with the object when there is one, else with the subject.
    std::stable_sort(parts.begin(), parts.end(), [](const Constituent& a, const Constituent& b) {
      const bool sa = a.part == Part::kSubject;
      const bool sb = b.part == Part::kSubject;
      if (sa != sb) return sa;
      return a.head < b.head;
    });
    // Only one subject (a parse with two is wrong somewhere). A second one between the first
    // and the verb that carries a conjunction is the rest of a list the parser cut off
    // ("Haass, a diplomat, Kupchan, and Graham have participated"; "X and his staff"); any
    // other (an apposition, a split compound) becomes an adverbial.
    for (size_t j = 1; j < parts.size(); ++j) {
      if (parts[j].part != Part::kSubject) continue;
      Constituent& first = parts[0];
      const Constituent& other = parts[j];
      bool conjunction = false;
      for (int k : other.conjuncts) conjunction = conjunction || t_.has_child(k, Deprel::kCc);
      if (first.part == Part::kSubject && conjunction && other.marker < 0 &&
          first.head < other.head && other.head < c.predicate &&
          is_nominal(t_.upos(first.head)) && is_nominal(t_.upos(other.head))) {
        first.conjuncts.insert(first.conjuncts.end(), other.conjuncts.begin(),
                               other.conjuncts.end());
        first.conjunct_words.insert(first.conjunct_words.end(), other.conjunct_words.begin(),
                                    other.conjunct_words.end());
        first.words.insert(first.words.end(), other.words.begin(), other.words.end());
        std::sort(first.words.begin(), first.words.end());
        first.words.erase(std::unique(first.words.begin(), first.words.end()), first.words.end());
        parts.erase(parts.begin() + static_cast<std::ptrdiff_t>(j));
        --j;
        continue;
      }
      if (first.part == Part::kSubject && split_noun_phrase(first, other, c.predicate)) {
        // "Kestrel Mining chief executive Jonas Ferreira resigned": one noun phrase the
        // parser cut into subjects; English heads come last, so the nearer one is the
        // subject and what comes before it (the constituents in between included) modifies
        // it.
        const int from = first.words.front();
        const int to = other.words.front();
        Constituent subject = other;
        parts.erase(std::remove_if(parts.begin(), parts.end(),
                                   [&](const Constituent& p) {
                                     return !p.words.empty() && p.words.front() >= from &&
                                            p.words.back() < to;
                                   }),
                    parts.end());
        std::stable_sort(parts.begin(), parts.end(),
                         [&](const Constituent& a, const Constituent& b) {
                           return (a.head == subject.head) > (b.head == subject.head);
                         });
        j = 0;
        continue;
      }
      parts[j].part = Part::kAdverbial;
    }
    c.constituents = std::move(parts);
  }

  // "Richard Haass, a former diplomat and president of the CFR": the synthetic clauses
  // "Haass is a former diplomat" and "Haass is president of the CFR".
  void appositions() {
    for (int a = 0; a < n_; ++a) {
      if (t_.base(a) != Deprel::kAppos || t_.head(a) < 0) continue;
      const int h = t_.head(a);
      if (!is_nominal(t_.upos(h)) || !(is_nominal(t_.upos(a)) || t_.upos(a) == Upos::kAdj)) {
        continue;
      }
      // A verbless fragment ("Photo: Getty Images") states nothing.
      if (t_.head(h) < 0) continue;
      if (clause_of_[a] >= 0 || has_subject(a)) continue;
      Clause c;
      c.predicate = a;
      c.predicates = {a};
      c.origin = ClauseOrigin::kApposition;
      c.parent = clause_of_[h];
      Constituent subject = constituent(Part::kSubject, h, -1, a);
      // The apposition describes the conjunct it is attached to, not the coordination
      // ("a diplomat, Haass, and other officials": Haass is the diplomat).
      if (subject.words.size() > 1) {
        subject.words.clear();
        phrase(h, subject.words, true, a, true);
        subject.conjunct_words = {subject.words};
      }
      subject.borrowed = true;
      c.constituents.push_back(std::move(subject));
      Constituent complement = constituent(Part::kComplement, a);
      c.constituents.push_back(std::move(complement));
      c.type = ClauseType::kSVC;
      clauses_.push_back(std::move(c));
    }
  }

  // "Mr. Wakeman's age": the synthetic clause "Mr. Wakeman has age". Possessive pronouns
  // ("his works") are left alone: their referent is elsewhere.
  void possessives() {
    for (int p = 0; p < n_; ++p) {
      if (t_.deprel(p) != Deprel::kNmodPoss || t_.head(p) < 0) continue;
      const int h = t_.head(p);
      const Upos pu = t_.upos(p);
      if (!(pu == Upos::kPropn || pu == Upos::kNoun) || !is_nominal(t_.upos(h))) continue;
      if (clause_of_[h] >= 0 && t_.has_child(h, Deprel::kCop)) continue;
      Clause c;
      c.predicate = h;
      c.predicates = {h};
      c.origin = ClauseOrigin::kPossessive;
      c.parent = clause_of_[h];
      Constituent owner;
      owner.part = Part::kSubject;
      owner.head = p;
      owner.borrowed = true;
      t_.subtree(p, owner.words, [&](int w) {
        return t_.base(w) == Deprel::kCase && t_.head(w) == p;
      });
      trim(owner.words);
      owner.conjuncts = {p};
      owner.conjunct_words = {owner.words};
      Constituent owned;
      owned.part = Part::kComplement;
      owned.head = h;
      t_.subtree(h, owned.words, [&](int w) {
        if (w == p) return true;
        const Deprel b = t_.base(w);
        if (t_.head(w) == h && (b == Deprel::kDet || outside_phrase(w))) return true;
        if (t_.head(w) == h && (b == Deprel::kAcl || b == Deprel::kConj || b == Deprel::kCc ||
                                b == Deprel::kNmod)) {
          return true;
        }
        return false;
      });
      trim(owned.words);
      if (owner.words.empty() || owned.words.empty()) continue;
      owned.conjuncts = {h};
      owned.conjunct_words = {owned.words};
      c.constituents.push_back(std::move(owner));
      c.constituents.push_back(std::move(owned));
      c.type = ClauseType::kSVO;
      clauses_.push_back(std::move(c));
    }
  }

  // Two subjects, one right after the other with only nouns, names and adjectives between
  // them, no punctuation in the first, neither a time nor a pronoun: one noun phrase cut in
  // two ("[Kestrel Mining] chief executive [Jonas Ferreira] resigned", "[a group of
  // national security] [US officials] has held").
  bool split_noun_phrase(const Constituent& first, const Constituent& second,
                         int predicate) const {
    if (first.words.empty() || second.words.empty() || first.marker >= 0 ||
        second.marker >= 0 || first.conjuncts.size() > 1 || second.conjuncts.size() > 1) {
      return false;
    }
    if (!(first.words.back() < second.words.front() && second.words.back() < predicate)) {
      return false;
    }
    for (const Constituent* k : {&first, &second}) {
      const Upos u = t_.upos(k->head);
      if (!(u == Upos::kPropn || u == Upos::kNoun)) return false;
      if (is_time_word(t_.lemma(k->head)) || is_year(t_.form(k->head))) return false;
    }
    for (int w : first.words) {
      if (t_.upos(w) == Upos::kPunct && t_.form(w) != "-") return false;
    }
    for (int w = first.words.back(); w <= second.words.back(); ++w) {
      const Upos u = t_.upos(w);
      if (!(u == Upos::kPropn || u == Upos::kNoun || u == Upos::kAdj || t_.form(w) == "-")) {
        return false;
      }
    }
    return true;
  }

  // The author of "in a report by X" / "in an interview with X" / "in a statement from X",
  // -1 when `phrase` (with preposition `marker`) is none.
  int report_author(int phrase, int marker) const {
    if (marker < 0 || t_.lemma(marker) != "in") return -1;
    const std::string_view l = t_.lemma(phrase);
    if (!(l == "report" || l == "statement" || l == "interview" || l == "article" ||
          l == "post" || l == "broadcast" || l == "letter" || l == "briefing")) {
      return -1;
    }
    for (int c : t_.children(phrase)) {
      if (t_.base(c) != Deprel::kNmod || c < phrase) continue;
      for (int g : t_.children(c)) {
        if (t_.base(g) != Deprel::kCase || g > c) continue;
        const std::string_view p = t_.lemma(g);
        if (p == "by" || p == "from" || (p == "with" && l == "interview")) return c;
      }
    }
    return -1;
  }

  bool is_nonfinite(int v) const {
    const Xpos x = t_.xpos(v);
    return x == Xpos::kVB || x == Xpos::kVBN || x == Xpos::kVBG;
  }

  // The words of a copular predicate: its phrase without what belongs to the clause.
  void predicate_phrase(int p, std::vector<int>& out, bool conjunct_only = false) const {
    t_.subtree(p, out, [&](int c) {
      if (t_.head(c) != p) return outside_phrase(c);
      const Deprel b = t_.base(c);
      // Adverbs and adverbials before the copula belong to the clause ("Seventeen years ago,
      // this would not have been possible").
      const int cop = t_.child(p, Deprel::kCop);
      if (cop >= 0 && c < cop && (b == Deprel::kAdvmod || b == Deprel::kObl)) return true;
      if (b == Deprel::kNsubj || b == Deprel::kCsubj || b == Deprel::kCop || b == Deprel::kAux ||
          b == Deprel::kMark || b == Deprel::kAdvcl || b == Deprel::kCcomp ||
          b == Deprel::kParataxis || b == Deprel::kObl || b == Deprel::kExpl ||
          b == Deprel::kXcomp || b == Deprel::kDiscourse || b == Deprel::kDep) {
        return true;
      }
      if (is_negation(c)) return true;
      if (b == Deprel::kConj || b == Deprel::kCc) {
        return conjunct_only || has_subject(c) || t_.has_child(c, Deprel::kCop) ||
               t_.upos(c) == Upos::kVerb;
      }
      if (b == Deprel::kPunct) return true;
      return outside_phrase(c);
    });
    trim(out);
  }

  // "Ferreira, who joined Kestrel in 2017, said ...", parsed with the relative clause as a
  // parataxis (or conjunct, dependent, apposition) of the name: a clause whose subject is
  // "who"/"which" and which hangs on a noun before it is a relative clause all the same.
  bool misattached_relative(int h) const {
    const Deprel b = t_.base(h);
    if (b != Deprel::kParataxis && b != Deprel::kConj && b != Deprel::kDep &&
        b != Deprel::kAppos) {
      return false;
    }
    const int up = t_.head(h);
    if (up < 0 || up > h) return false;
    const Upos u = t_.upos(up);
    if (u != Upos::kNoun && u != Upos::kPropn) return false;
    for (int ch : t_.children(h)) {
      if (ch < up || ch > h || t_.base(ch) != Deprel::kNsubj) continue;
      const Xpos x = t_.xpos(ch);
      if (x == Xpos::kWP || x == Xpos::kWDT) return true;
    }
    return false;
  }

  void find_relative_pronoun(int h, int& pronoun, Part& part, int& marker) const {
    auto is_relative = [&](int w) {
      const Xpos x = t_.xpos(w);
      return x == Xpos::kWDT || x == Xpos::kWP || x == Xpos::kWPS || x == Xpos::kWRB ||
             (t_.lemma(w) == "that" && t_.upos(w) == Upos::kPron);
    };
    for (int ch : t_.children(h)) {
      if (is_relative(ch)) {
        pronoun = ch;
        const Deprel b = t_.base(ch);
        if (b == Deprel::kNsubj) {
          part = Part::kSubject;
        } else if (b == Deprel::kObj) {
          part = Part::kObject;
        } else if (b == Deprel::kAdvmod) {
          part = Part::kAdverbial;
          marker = -1;
        } else if (b == Deprel::kObl) {
          part = Part::kAdverbial;
          marker = marker_of(ch);
        } else {
          pronoun = -1;
          continue;
        }
        return;
      }
    }
  }

  // Reporting and conditions, once every clause is filled.
  void link(int k) {
    Clause& c = clauses_[k];
    const int h = c.predicates.front();
    const int up = t_.head(h);
    const Deprel base = t_.base(h);
    if (c.parent < 0 || up < 0) return;
    Clause& parent = clauses_[c.parent];
    if (base == Deprel::kCcomp && c.parent >= 0) {
      c.reported_by = c.parent;
      if (const Constituent* s = parent.subject()) c.reporter = s->head;
    }
    if (base == Deprel::kParataxis && is_reporting_clause(c)) {
      // "..., NBC News reported." The parataxis reports its head clause and what is
      // coordinated with it.
      parent.reported_by = k;
      if (const Constituent* s = c.subject()) parent.reporter = s->head;
    }
    if (base == Deprel::kAdvcl) {
      const int m = t_.child(h, Deprel::kMark);
      if (m >= 0 && (t_.lemma(m) == "if" || t_.lemma(m) == "unless")) parent.conditional = k;
    }
  }

  bool is_reporting_clause(const Clause& c) const {
    if (c.subject() == nullptr || !is_reporting_verb(t_.lemma(c.predicate))) return false;
    for (const Constituent& p : c.constituents) {
      if (p.part == Part::kObject || p.part == Part::kClausal) {
        // "told NBC News" keeps an indirect object, which is fine; a real object is not.
        if (p.part == Part::kClausal) return false;
        if (t_.upos(p.head) != Upos::kPropn && t_.upos(p.head) != Upos::kPron) return false;
      }
    }
    return true;
  }

  void finish(Clause& c) {
    if (c.origin == ClauseOrigin::kApposition || c.origin == ClauseOrigin::kPossessive) return;
    // Reports pass down to coordinated clauses ("X said A and B").
    // Type, from the constituents (ClausIE's decision tree without its verb dictionaries).
    int objects = 0;
    bool indirect = false;
    bool complement = false;
    bool adverbial = false;
    bool clausal = false;
    for (const Constituent& p : c.constituents) {
      switch (p.part) {
        case Part::kObject: ++objects; break;
        case Part::kIndirectObject: indirect = true; break;
        case Part::kComplement: complement = true; break;
        case Part::kAdverbial: case Part::kAgent: adverbial = true; break;
        case Part::kClausal: clausal = true; break;
        case Part::kSubject: break;
      }
    }
    if (c.copula >= 0) {
      c.type = (c.constituents.size() > 1 && has_marker_complement(c)) ? ClauseType::kSVA
                                                                         : ClauseType::kSVC;
    } else if ((objects > 0 || clausal) && indirect) {
      c.type = ClauseType::kSVOO;
    } else if ((objects > 0 || clausal) && complement) {
      c.type = ClauseType::kSVOC;
    } else if (objects > 0 && adverbial) {
      c.type = ClauseType::kSVOA;
    } else if (objects > 0 || clausal || indirect) {
      c.type = ClauseType::kSVO;
    } else if (complement) {
      c.type = ClauseType::kSVC;
    } else if (adverbial) {
      c.type = ClauseType::kSVA;
    } else {
      c.type = ClauseType::kSV;
    }
  }

  bool has_marker_complement(const Clause& c) const {
    for (const Constituent& p : c.constituents) {
      if (p.part == Part::kComplement && p.marker >= 0) return true;
    }
    return false;
  }

  const DependencyTree& t_;
  const ClauseOptions& options_;
  const int n_;
  std::vector<Clause> clauses_;
  std::vector<int> clause_of_;
  std::vector<char> absorbed_;
};

}  // namespace

std::string_view to_string(ClauseType type) { return kClauseTypeNames.name(type); }
std::string_view to_string(ClauseOrigin origin) { return kClauseOriginNames.name(origin); }
std::optional<ClauseType> parse_clause_type(std::string_view text) {
  return kClauseTypeNames.parse(text);
}

std::vector<Clause> ClauseFinder::find(const DependencyTree& tree) const {
  return Builder(tree, options_).run();
}

}  // namespace kg::extract
