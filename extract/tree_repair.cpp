#include "extract/tree_repair.h"

#include <vector>

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

}  // namespace

DependencyTree repaired_tree(const Sentence& sentence) {
  DependencyTree t(sentence);
  const int n = t.size();
  std::vector<int> heads(static_cast<size_t>(n));
  for (int i = 0; i < n; ++i) heads[static_cast<size_t>(i)] = t.head(i);
  bool changed = false;
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
  return DependencyTree(sentence, heads);
}

}  // namespace kg::extract
