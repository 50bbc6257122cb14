#include "extract/dependency_tree.h"

#include <algorithm>
#include <array>

#include "extract/text_case.h"

namespace kg::extract {

namespace {

// universal() parses strings; the tree asks for it per word, so look it up once per label.
const std::array<Deprel, kDeprelCount>& universal_table() {
  static const std::array<Deprel, kDeprelCount> table = [] {
    std::array<Deprel, kDeprelCount> t{};
    for (int i = 0; i < kDeprelCount; ++i) t[i] = universal(static_cast<Deprel>(i));
    return t;
  }();
  return table;
}

}  // namespace

DependencyTree::DependencyTree(const Sentence& sentence) : sentence_(&sentence) {
  std::vector<int> heads(sentence.tokens.size());
  std::vector<Deprel> deprels(sentence.tokens.size());
  for (size_t i = 0; i < heads.size(); ++i) {
    heads[i] = sentence.tokens[i].head - 1;
    deprels[i] = sentence.tokens[i].deprel;
  }
  build(heads, deprels);
}

DependencyTree::DependencyTree(const Sentence& sentence, const std::vector<int>& heads,
                               const std::vector<Deprel>& deprels)
    : sentence_(&sentence) {
  std::vector<int> h(sentence.tokens.size(), -1);
  std::vector<Deprel> d(sentence.tokens.size(), Deprel::kDep);
  for (size_t i = 0; i < h.size(); ++i) {
    h[i] = i < heads.size() ? heads[i] : -1;
    d[i] = i < deprels.size() ? deprels[i] : sentence.tokens[i].deprel;
  }
  build(h, d);
}

void DependencyTree::build(const std::vector<int>& heads, const std::vector<Deprel>& deprels) {
  const Sentence& sentence = *sentence_;
  const int n = static_cast<int>(sentence.tokens.size());
  const auto& table = universal_table();
  heads_.resize(n);
  deprels_ = deprels;
  base_.resize(n);
  lemmas_.resize(n);
  for (int i = 0; i < n; ++i) {
    const Token& t = sentence.tokens[i];
    const int h = heads[i];
    heads_[i] = (h >= 0 && h < n && h != i) ? h : -1;
    base_[i] = table[static_cast<size_t>(deprels[i])];
    lemmas_[i] = to_lower_ascii(t.lemma.empty() ? t.form : t.lemma);
  }
  // Break cycles: walk up from each word; a walk longer than n steps is in a cycle, and the
  // word where we entered it is cut loose as a root.
  depth_.assign(n, -1);
  for (int i = 0; i < n; ++i) {
    int node = i;
    int steps = 0;
    while (heads_[node] >= 0 && steps <= n) {
      node = heads_[node];
      ++steps;
    }
    if (steps > n) heads_[node] = -1;
  }
  for (int i = 0; i < n; ++i) {
    if (depth_[i] >= 0) continue;
    // Find the nearest ancestor with a known depth, then fill the path down.
    std::vector<int> path;
    int node = i;
    while (node >= 0 && depth_[node] < 0) {
      path.push_back(node);
      node = heads_[node];
    }
    int d = node >= 0 ? depth_[node] : -1;
    for (auto it = path.rbegin(); it != path.rend(); ++it) depth_[*it] = ++d;
  }
  first_child_.assign(n + 1, 0);
  for (int i = 0; i < n; ++i) {
    if (heads_[i] >= 0) {
      ++first_child_[heads_[i] + 1];
    } else {
      roots_.push_back(i);
    }
  }
  for (int i = 0; i < n; ++i) first_child_[i + 1] += first_child_[i];
  children_.resize(first_child_[n]);
  std::vector<uint32_t> fill(first_child_.begin(), first_child_.end() - 1);
  for (int i = 0; i < n; ++i) {
    if (heads_[i] >= 0) children_[fill[heads_[i]]++] = i;
  }
}

std::string_view DependencyTree::lemma(int i) const { return lemmas_[static_cast<size_t>(i)]; }

int DependencyTree::child(int i, Deprel rel) const {
  const bool universal_rel = universal_table()[static_cast<size_t>(rel)] == rel;
  for (int c : children(i)) {
    if (universal_rel ? base(c) == rel : deprel(c) == rel) return c;
  }
  return -1;
}

bool DependencyTree::dominates(int ancestor, int i) const {
  while (i >= 0) {
    if (i == ancestor) return true;
    if (depth(i) <= depth(ancestor)) return false;
    i = head(i);
  }
  return false;
}

void DependencyTree::sort_tail(std::vector<int>& out, size_t begin) {
  std::sort(out.begin() + static_cast<std::ptrdiff_t>(begin), out.end());
}

bool is_headline(const DependencyTree& t) {
  int words = 0;
  int capitalised = 0;
  bool final_punct = false;
  for (int w = 0; w < t.size(); ++w) {
    const std::string_view f = t.form(w);
    if (t.upos(w) == Upos::kPunct) {
      final_punct = (f == "." || f == "!" || f == "?" || f == "\"" ||
                     f == "\xE2\x80\x9D");
      continue;
    }
    final_punct = false;
    const unsigned char c0 = f.empty() ? 0 : static_cast<unsigned char>(f[0]);
    const bool letter = (c0 >= 'a' && c0 <= 'z') || (c0 >= 'A' && c0 <= 'Z');
    if (!letter) continue;
    ++words;
    if (c0 >= 'A' && c0 <= 'Z') ++capitalised;
  }
  if (words < 4) return !final_punct && words > 0 && capitalised == words;
  return capitalised * 10 >= words * 7 && !(final_punct && capitalised * 10 < words * 9);
}

}  // namespace kg::extract
