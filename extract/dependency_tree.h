#pragma once
// DependencyTree: a read-only, index-based view of one parsed sentence for tree walking
// (mentions, clauses, triples). Built once per sentence in O(n); every query is O(1) or
// linear in the answer. Indexes are 0-based token positions (UD id - 1); the root's head is -1.

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "extract/sentence.h"
#include "extract/tags.h"

namespace kg::extract {

class DependencyTree {
 public:
  // `sentence` must outlive the tree. A sentence that was never parsed (heads -1), or whose
  // heads do not form a tree (out of range, cycles), is read as a forest: every word whose
  // head is unusable becomes a root, so walking never loops.
  explicit DependencyTree(const Sentence& sentence);
  // The same words with other heads (0-based, -1 for a root) and relations, one per word: a
  // repaired tree (extract/tree_repair.h).
  DependencyTree(const Sentence& sentence, const std::vector<int>& heads,
                 const std::vector<Deprel>& deprels);

  int size() const { return static_cast<int>(heads_.size()); }
  const Sentence& sentence() const { return *sentence_; }
  const Token& token(int i) const { return sentence_->tokens[static_cast<size_t>(i)]; }

  int head(int i) const { return heads_[static_cast<size_t>(i)]; }
  // The full relation ("nsubj:pass") and its universal part ("nsubj").
  Deprel deprel(int i) const { return deprels_[static_cast<size_t>(i)]; }
  Deprel base(int i) const { return base_[static_cast<size_t>(i)]; }
  Upos upos(int i) const { return token(i).upos; }
  Xpos xpos(int i) const { return token(i).xpos; }
  std::string_view lemma(int i) const;  // lower-cased lemma; the lower-cased form if no lemma
  std::string_view form(int i) const { return token(i).form; }

  // Children in sentence order.
  std::span<const int> children(int i) const {
    return {children_.data() + first_child_[static_cast<size_t>(i)],
            children_.data() + first_child_[static_cast<size_t>(i) + 1]};
  }
  std::span<const int> roots() const { return roots_; }

  // The first child of `i` whose universal relation is `rel` (or whose full relation is,
  // for subtypes), -1 if none.
  int child(int i, Deprel rel) const;
  bool has_child(int i, Deprel rel) const { return child(i, rel) >= 0; }
  // Depth of `i` below its root (a root has depth 0).
  int depth(int i) const { return depth_[static_cast<size_t>(i)]; }
  // True if `ancestor` dominates `i` (or is `i`).
  bool dominates(int ancestor, int i) const;

  // Appends to `out` the words of the subtree of `i` (i included) in sentence order, leaving
  // out the subtree of every child c (at any depth) for which skip(c) is true.
  template <typename Skip>
  void subtree(int i, std::vector<int>& out, const Skip& skip) const {
    const size_t begin = out.size();
    collect(i, out, skip);
    sort_tail(out, begin);
  }
  void subtree(int i, std::vector<int>& out) const {
    subtree(i, out, [](int) { return false; });
  }

 private:
  void build(const std::vector<int>& heads, const std::vector<Deprel>& deprels);
  template <typename Skip>
  void collect(int i, std::vector<int>& out, const Skip& skip) const {
    out.push_back(i);
    for (int c : children(i)) {
      if (!skip(c)) collect(c, out, skip);
    }
  }
  static void sort_tail(std::vector<int>& out, size_t begin);

  const Sentence* sentence_;
  std::vector<int> heads_;
  std::vector<Deprel> deprels_;
  std::vector<Deprel> base_;
  std::vector<int> depth_;
  std::vector<uint32_t> first_child_;  // CSR offsets into children_, size n + 1
  std::vector<int> children_;
  std::vector<int> roots_;
  std::vector<std::string> lemmas_;
};

// True if the sentence looks like a headline: at least four words, 70% or more of them
// capitalised (a short all-capitalised fragment without final punctuation counts too).
// Headlines are parsed badly and state little: extraction skips their facts.
bool is_headline(const DependencyTree& tree);

}  // namespace kg::extract
