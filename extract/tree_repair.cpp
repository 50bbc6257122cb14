#include "extract/tree_repair.h"

#include <initializer_list>
#include <vector>

#include "extract/word_classes.h"

namespace kg::extract {

namespace {

bool is_nominal_word(Upos u) {
  return u == Upos::kNoun || u == Upos::kPropn || u == Upos::kPron;
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

bool has_child_of(const DependencyTree& t, int v, std::initializer_list<Deprel> rels) {
  for (int c : t.children(v)) {
    for (Deprel r : rels) {
      if (t.base(c) == r) return true;
    }
  }
  return false;
}

// "Richard Haass, a former diplomat ..., participated in these discussions" parsed with the
// name as root and the verb as its participial modifier: a noun root without subject or
// copula, and a past-tense or past-participle verb hung as acl on it (or on one of its
// conjuncts) after it, with no subject, auxiliary or marker of its own. The verb becomes the
// root; the root noun its subject, or, when the noun has a preposition ("In May, Director
// Burns heard ..."), an oblique, with the noun the verb hung on as the subject.
bool lost_main_verb(const DependencyTree& t, std::vector<int>& heads,
                    std::vector<Deprel>& deprels) {
  if (t.roots().size() != 1) return false;
  const int r = t.roots()[0];
  const Upos ru = t.upos(r);
  if (!(ru == Upos::kNoun || ru == Upos::kPropn)) return false;
  if (has_child_of(t, r, {Deprel::kNsubj, Deprel::kCsubj, Deprel::kCop})) return false;
  const bool marked = has_child_of(t, r, {Deprel::kCase});
  // "According to a report, officials have discussed ...": a prepositional phrase is never a
  // sentence's root; a clause with its own subject hung on it is the main clause.
  if (marked) {
    for (int c : t.children(r)) {
      if (c < r || t.upos(c) != Upos::kVerb || !has_child_of(t, c, {Deprel::kNsubj})) continue;
      const Deprel b = t.base(c);
      if (!(b == Deprel::kAcl || b == Deprel::kParataxis || b == Deprel::kCcomp ||
            b == Deprel::kDep || b == Deprel::kAppos || b == Deprel::kConj)) {
        continue;
      }
      if (has_child_of(t, c, {Deprel::kMark})) continue;  // "... , so that they ..."
      bool relative_pronoun = false;
      for (int g : t.children(c)) {
        const Upos u = t.upos(g);
        relative_pronoun |= g < c && (u == Upos::kPron || u == Upos::kDet) &&
                            (t.xpos(g) == Xpos::kWP || t.xpos(g) == Xpos::kWDT);
      }
      if (relative_pronoun) continue;
      heads[static_cast<size_t>(c)] = -1;
      deprels[static_cast<size_t>(c)] = Deprel::kRoot;
      heads[static_cast<size_t>(r)] = c;
      deprels[static_cast<size_t>(r)] = Deprel::kObl;
      for (int k : t.children(r)) {
        if (k > c) heads[static_cast<size_t>(k)] = c;
      }
      return true;
    }
  }
  // "Former officials, who took part in the meeting, later informed the council": the main
  // verb hung on the relative clause (conj, parataxis) after the comma that closes it.
  if (!marked) {
    for (int rc : t.children(r)) {
      if (rc < r || t.deprel(rc) != Deprel::kAclRelcl) {
        continue;
      }
      for (int v : t.children(rc)) {
        const Deprel b = t.base(v);
        if (v < rc || t.upos(v) != Upos::kVerb ||
            !(b == Deprel::kConj || b == Deprel::kParataxis)) {
          continue;
        }
        const Xpos x = t.xpos(v);
        if (!(x == Xpos::kVBD || x == Xpos::kVBZ || x == Xpos::kVBP)) continue;
        if (has_child_of(t, v, {Deprel::kNsubj, Deprel::kCsubj, Deprel::kExpl, Deprel::kMark,
                                Deprel::kCc})) {
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
        int k = leftmost - 1;
        if (k < 0 || t.form(k) != ",") continue;
        if (t.head(k) != v && t.head(k) != rc) continue;
        heads[static_cast<size_t>(v)] = -1;
        deprels[static_cast<size_t>(v)] = Deprel::kRoot;
        heads[static_cast<size_t>(r)] = v;
        deprels[static_cast<size_t>(r)] = Deprel::kNsubj;
        for (int c : t.children(r)) {
          if (c > v) heads[static_cast<size_t>(c)] = v;
        }
        return true;
      }
    }
  }
  int v = -1;
  for (int w = r + 1; w < t.size() && v < 0; ++w) {
    if (t.deprel(w) != Deprel::kAcl || t.upos(w) != Upos::kVerb) continue;
    if (!(t.xpos(w) == Xpos::kVBD || t.xpos(w) == Xpos::kVBN)) continue;
    const int h = t.head(w);
    if (!(h == r || (t.head(h) == r && t.base(h) == Deprel::kConj)) || h > w) continue;
    if (has_child_of(t, w, {Deprel::kNsubj, Deprel::kAux, Deprel::kMark, Deprel::kCsubj})) {
      continue;
    }
    // A passive participle with its agent ("the talks, hosted by X") modifies the noun.
    bool agent = false;
    for (int c : t.children(w)) agent |= t.deprel(c) == Deprel::kOblAgent;
    if (!agent) v = w;
  }
  if (v < 0) return false;
  const int h = t.head(v);
  int subject = r;
  if (marked) {
    if (h == r) return false;
    subject = h;
    heads[static_cast<size_t>(r)] = v;
    deprels[static_cast<size_t>(r)] = Deprel::kObl;
  }
  heads[static_cast<size_t>(v)] = -1;
  deprels[static_cast<size_t>(v)] = Deprel::kRoot;
  heads[static_cast<size_t>(subject)] = v;
  deprels[static_cast<size_t>(subject)] = Deprel::kNsubj;
  // What follows the verb belongs to the clause ("." and the like hung on the root noun).
  for (int c : t.children(r)) {
    if (c > v) heads[static_cast<size_t>(c)] = v;
  }
  return true;
}

// "The talks collapsed on Friday, union leader Maria Okafor said." parsed with the speaker
// hung on the words before the comma ("Friday") and the reporting verb left without a
// subject: the noun phrase between the comma and the verb, none of it hung on the verb, is the
// verb's subject, its last name (or noun) the head and the words before it a compound title.
bool trailing_speaker(const DependencyTree& t, int v, std::vector<int>& heads,
                      std::vector<Deprel>& deprels) {
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
  heads[static_cast<size_t>(head)] = v;
  deprels[static_cast<size_t>(head)] = Deprel::kNsubj;
  for (int w = first; w <= last; ++w) {
    if (w == head) continue;
    const int h = t.head(w);
    if (h >= first && h <= last && h != head) continue;  // inside the phrase already
    heads[static_cast<size_t>(w)] = head;
    if (w > head) {
      deprels[static_cast<size_t>(w)] = Deprel::kFlat;
    } else {
      const Upos u = t.upos(w);
      deprels[static_cast<size_t>(w)] = u == Upos::kDet   ? Deprel::kDet
                                        : u == Upos::kAdj ? Deprel::kAmod
                                                          : Deprel::kCompound;
    }
  }
  return true;
}

}  // namespace

DependencyTree repaired_tree(const Sentence& sentence) {
  DependencyTree t(sentence);
  const int n = t.size();
  std::vector<int> heads(static_cast<size_t>(n));
  std::vector<Deprel> deprels(static_cast<size_t>(n));
  for (int i = 0; i < n; ++i) {
    heads[static_cast<size_t>(i)] = t.head(i);
    deprels[static_cast<size_t>(i)] = t.deprel(i);
  }
  bool changed = lost_main_verb(t, heads, deprels);
  // (One repair of the whole clause structure per sentence: both read the parser's tree.)
  for (int v = 0; v < n && !changed; ++v) changed = trailing_speaker(t, v, heads, deprels);
  if (changed) t = DependencyTree(sentence, heads, deprels);
  for (int c = 0; c < n; ++c) {
    if (t.base(c) != Deprel::kConj || !is_nominal_word(t.upos(c))) continue;
    const int h = t.head(c);
    if (h < 0 || h > c || heads[static_cast<size_t>(c)] != h) continue;
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
      if (k >= c && t.base(k) == Deprel::kConj) heads[static_cast<size_t>(k)] = antecedent;
    }
    changed = true;
  }
  if (!changed) return t;
  return DependencyTree(sentence, heads, deprels);
}

}  // namespace kg::extract
