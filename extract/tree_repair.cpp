#include "extract/tree_repair.h"

#include <initializer_list>
#include <vector>

#include "extract/word_classes.h"

namespace kg::extract {

namespace {

bool is_nominal_word(Upos u) { return u == Upos::kNoun || u == Upos::kPropn || u == Upos::kPron; }

bool has_child_of(const DependencyTree& t, int v, std::initializer_list<Deprel> rels) {
  for (int c : t.children(v)) {
    for (Deprel r : rels) {
      if (t.base(c) == r) return true;
    }
  }
  return false;
}

// The relative clause (acl:relcl) that `h` is inside, closest first, -1 if none.
int enclosing_relative(const DependencyTree& t, int h) {
  for (int node = h; node >= 0; node = t.head(node)) {
    if (t.deprel(node) == Deprel::kAclRelcl) return node;
  }
  return -1;
}

// The last word of `r`'s subtree before `limit`, and its first word that is no punctuation.
void span_before(const DependencyTree& t, int r, int limit, int& first, int& last) {
  std::vector<int> words;
  t.subtree(r, words, [&](int c) { return c >= limit; });
  first = -1;
  last = -1;
  for (int w : words) {
    if (first < 0 && t.upos(w) != Upos::kPunct) first = w;
    last = w;
  }
}

// The heads and relations being repaired, over the parser's tree `t` (read-only).
struct Repair {
  const DependencyTree& t;
  std::vector<int> heads;
  std::vector<Deprel> deprels;

  explicit Repair(const DependencyTree& tree) : t(tree) {
    for (int i = 0; i < t.size(); ++i) {
      heads.push_back(t.head(i));
      deprels.push_back(t.deprel(i));
    }
  }

  void attach(int word, int head, Deprel rel) {
    heads[static_cast<size_t>(word)] = head;
    deprels[static_cast<size_t>(word)] = rel;
  }

  // `verb` becomes the root, the old root `root` its dependent by `rel`, and what hung on
  // the old root after the verb (the full stop and the like) hangs on the verb.
  void promote(int verb, int root, Deprel rel) {
    attach(verb, -1, Deprel::kRoot);
    attach(root, verb, rel);
    for (int c : t.children(root)) {
      if (c > verb) heads[static_cast<size_t>(c)] = verb;
    }
  }
};

// The sentence's single root when it is a noun or name without subject or copula, else -1.
int subjectless_noun_root(const DependencyTree& t) {
  if (t.roots().size() != 1) return -1;
  const int r = t.roots()[0];
  if (!(t.upos(r) == Upos::kNoun || t.upos(r) == Upos::kPropn)) return -1;
  if (has_child_of(t, r, {Deprel::kNsubj, Deprel::kCsubj, Deprel::kCop})) return -1;
  return r;
}

// "According to a report, officials have discussed ...": a prepositional phrase is never a
// sentence's root; a clause with its own subject hung on it (no relative pronoun, no
// subordinator) is the main clause, the phrase its oblique.
bool prepositional_root(const DependencyTree& t, int r, Repair& out) {
  for (int c : t.children(r)) {
    if (c < r || t.upos(c) != Upos::kVerb || !has_child_of(t, c, {Deprel::kNsubj})) continue;
    const Deprel b = t.base(c);
    if (!(b == Deprel::kAcl || b == Deprel::kParataxis || b == Deprel::kCcomp ||
          b == Deprel::kDep || b == Deprel::kAppos || b == Deprel::kConj)) {
      continue;
    }
    if (has_child_of(t, c, {Deprel::kMark})) continue;  // "..., so that they ..."
    bool relative_pronoun = false;
    for (int g : t.children(c)) {
      const Upos u = t.upos(g);
      relative_pronoun |= g < c && (u == Upos::kPron || u == Upos::kDet) &&
                          (t.xpos(g) == Xpos::kWP || t.xpos(g) == Xpos::kWDT);
    }
    if (relative_pronoun) continue;
    out.promote(c, r, Deprel::kObl);
    return true;
  }
  return false;
}

// "Former officials, who took part in the meeting, later informed the council": a finite
// verb without subject, conjunction or marker hung (conj, parataxis) on a relative clause of
// the noun root, after the comma that closes the clause, is the main verb.
bool verb_after_relative(const DependencyTree& t, int r, Repair& out) {
  for (int rc : t.children(r)) {
    if (rc < r || t.deprel(rc) != Deprel::kAclRelcl) continue;
    for (int v : t.children(rc)) {
      const Deprel b = t.base(v);
      if (v < rc || t.upos(v) != Upos::kVerb || !(b == Deprel::kConj || b == Deprel::kParataxis)) {
        continue;
      }
      const Xpos x = t.xpos(v);
      if (!(x == Xpos::kVBD || x == Xpos::kVBZ || x == Xpos::kVBP)) continue;
      if (has_child_of(
              t, v, {Deprel::kNsubj, Deprel::kCsubj, Deprel::kExpl, Deprel::kMark, Deprel::kCc})) {
        continue;
      }
      std::vector<int> words;
      t.subtree(v, words);
      int leftmost = v;
      for (int w : words) {
        if (t.upos(w) != Upos::kPunct) {
          leftmost = w;
          break;
        }
      }
      // The comma that closes the relative clause, right before the verb's phrase.
      const int comma = leftmost - 1;
      if (comma < 0 || t.form(comma) != ",") continue;
      if (t.head(comma) != v && t.head(comma) != rc) continue;
      out.promote(v, r, Deprel::kNsubj);
      return true;
    }
  }
  return false;
}

// "Richard Haass, a former diplomat ..., participated in these discussions": a past-tense or
// past-participle verb hung as acl on the noun root (or on one of its conjuncts) after it,
// with no subject, auxiliary, marker or agent of its own, is the main verb; the root noun its
// subject, or, when the root has a preposition ("In May, Director Burns heard ..."), an
// oblique, with the noun the verb hung on as the subject. A participle with an agent ("the
// talks, hosted by X") stays a modifier.
bool participle_main_verb(const DependencyTree& t, int r, bool marked, Repair& out) {
  for (int v = r + 1; v < t.size(); ++v) {
    if (t.deprel(v) != Deprel::kAcl || t.upos(v) != Upos::kVerb) continue;
    if (!(t.xpos(v) == Xpos::kVBD || t.xpos(v) == Xpos::kVBN)) continue;
    const int h = t.head(v);
    if (!(h == r || (t.head(h) == r && t.base(h) == Deprel::kConj)) || h > v) continue;
    if (has_child_of(t, v, {Deprel::kNsubj, Deprel::kAux, Deprel::kMark, Deprel::kCsubj})) {
      continue;
    }
    bool agent = false;
    for (int c : t.children(v)) agent |= t.deprel(c) == Deprel::kOblAgent;
    if (agent) continue;
    if (!marked) {
      out.promote(v, r, Deprel::kNsubj);
    } else {
      if (h == r) return false;
      out.promote(v, r, Deprel::kObl);
      out.attach(h, v, Deprel::kNsubj);
    }
    return true;
  }
  return false;
}

bool lost_main_verb(const DependencyTree& t, Repair& out) {
  const int r = subjectless_noun_root(t);
  if (r < 0) return false;
  const bool marked = has_child_of(t, r, {Deprel::kCase});
  if (marked && prepositional_root(t, r, out)) return true;
  if (!marked && verb_after_relative(t, r, out)) return true;
  return participle_main_verb(t, r, marked, out);
}

// "The talks collapsed on Friday, union leader Maria Okafor said." parsed with the speaker
// hung on the words before the comma ("Friday") and the reporting verb left without a
// subject: the noun phrase between the comma and the verb, none of it hung on the verb, is the
// verb's subject, its last name (or noun) the head and the words before it a compound title.
bool trailing_speaker(const DependencyTree& t, int v, Repair& out) {
  if (t.upos(v) != Upos::kVerb || !is_reporting_verb(t.lemma(v)) || v < 2) return false;
  if (has_child_of(t, v, {Deprel::kNsubj, Deprel::kCsubj, Deprel::kExpl})) return false;
  bool reported_before = false;
  for (int c : t.children(v)) {
    reported_before |= c < v && (t.base(c) == Deprel::kCcomp || t.base(c) == Deprel::kParataxis);
  }
  if (!reported_before) return false;
  const int last = v - 1;
  const Upos lu = t.upos(last);
  if (!(lu == Upos::kPropn || lu == Upos::kNoun)) return false;
  int first = last;
  while (first > 0) {
    const Upos u = t.upos(first - 1);
    if (!(u == Upos::kPropn || u == Upos::kNoun || u == Upos::kAdj || u == Upos::kDet)) break;
    --first;
  }
  if (first < 1 || t.form(first - 1) != ",") return false;
  for (int w = first; w <= last; ++w) {
    if (t.head(w) == v) return false;
  }
  // The head: the first word of the run of proper nouns that ends the phrase ("Maria" of
  // "Maria Okafor"), or the last noun.
  int head = last;
  if (lu == Upos::kPropn) {
    while (head > first && t.upos(head - 1) == Upos::kPropn) --head;
  }
  out.attach(head, v, Deprel::kNsubj);
  for (int w = first; w <= last; ++w) {
    if (w == head) continue;
    const int h = t.head(w);
    if (h >= first && h <= last && h != head) continue;  // inside the phrase already
    const Upos u = t.upos(w);
    out.attach(w, head,
               w > head          ? Deprel::kFlat
               : u == Upos::kDet ? Deprel::kDet
               : u == Upos::kAdj ? Deprel::kAmod
                                 : Deprel::kCompound);
  }
  return true;
}

// "talks with Russians, who are close to the Kremlin, and Sergey Lavrov": a conjunct hung
// inside a non-restrictive relative clause that the comma before its conjunction has closed
// is a conjunct of the clause's antecedent; later conjuncts of the same word move with it.
bool conjunct_after_relative(const DependencyTree& t, Repair& out) {
  bool changed = false;
  for (int c = 0; c < t.size(); ++c) {
    if (t.base(c) != Deprel::kConj || !is_nominal_word(t.upos(c))) continue;
    const int h = t.head(c);
    if (h < 0 || h > c || out.heads[static_cast<size_t>(c)] != h) continue;
    // ", and X": a comma right before the conjunction.
    const int cc = t.child(c, Deprel::kCc);
    if (cc < 1 || cc > c || t.form(cc - 1) != ",") continue;
    const int r = enclosing_relative(t, h);
    if (r < 0 || r == c) continue;
    const int antecedent = t.head(r);
    if (antecedent < 0 || antecedent > r || !is_nominal_word(t.upos(antecedent))) continue;
    // The clause is non-restrictive (", who ...") and ends at the comma before "and".
    int first = -1;
    int last = -1;
    span_before(t, r, cc - 1, first, last);
    if (first < 1 || t.form(first - 1) != "," || last != cc - 2) continue;
    if (first - 1 <= antecedent) continue;
    for (int k : t.children(h)) {
      if (k >= c && t.base(k) == Deprel::kConj) out.heads[static_cast<size_t>(k)] = antecedent;
    }
    changed = true;
  }
  return changed;
}

}  // namespace

DependencyTree repaired_tree(const Sentence& sentence) {
  DependencyTree t(sentence);
  Repair repair(t);
  // One repair of the clause structure per sentence (each reads the parser's tree), then the
  // coordination repair on the result.
  bool changed = lost_main_verb(t, repair);
  for (int v = 0; v < t.size() && !changed; ++v) changed = trailing_speaker(t, v, repair);
  if (changed) {
    DependencyTree clauses(sentence, repair.heads, repair.deprels);
    Repair second(clauses);
    if (!conjunct_after_relative(clauses, second)) return clauses;
    return DependencyTree(sentence, second.heads, second.deprels);
  }
  if (!conjunct_after_relative(t, repair)) return t;
  return DependencyTree(sentence, repair.heads, repair.deprels);
}

}  // namespace kg::extract
