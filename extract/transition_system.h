#pragma once
// The arc-hybrid transition system (Kuhlmann, Gómez-Rodríguez & Satta, ACL 2011) that kg's
// dependency parser runs, with its dynamic oracle (Goldberg & Nivre, TACL 2013: "Training
// Deterministic Parsers with Non-Deterministic Oracles").
//
// A configuration is a stack (bottom: node 0, the root), a buffer of the words not yet read
// (a suffix of the sentence), and the arcs built so far. Moves:
//   SHIFT      push the buffer front b0 onto the stack;
//   LEFT(l)    attach the stack top s0 to b0 with label l and pop it;
//   RIGHT(l)   attach s0 to the word under it, s1, with label l and pop it.
// Every word gets exactly one head and the run takes exactly 2n moves, so greedy decoding is
// linear. kg adds one constraint: the root takes a dependent only as the last move (stack
// [root, w], buffer empty), so every parse is a tree with a single root word, for any input.
// The words are nodes 1..n (UD ids); node n + 1 is a sentinel "no word" whose attributes the
// feature extractor reads where a position is empty.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "extract/tags.h"

namespace kg::extract {

enum class Move : uint8_t { kShift, kLeft, kRight };

// A label of the parser: a UD relation, with the relation of the syntactic head for words the
// pseudo-projective transform lifted (extract/projectivity.h).
struct ArcLabel {
  Deprel relation = Deprel::kDep;
  std::optional<Deprel> lifted_from;
  friend bool operator==(const ArcLabel&, const ArcLabel&) = default;
};

// "nsubj", or "obj|acl:relcl" for a lifted obj whose syntactic head is an acl:relcl.
std::string to_string(const ArcLabel& label);

// A parser configuration. Copyable value; node attributes are flat arrays of n + 2 entries.
class ParseState {
 public:
  static constexpr int kNoLabel = -1;

  explicit ParseState(int num_words);

  int num_words() const { return n_; }
  int none() const { return n_ + 1; }  // the sentinel node
  int stack_size() const { return static_cast<int>(stack_.size()); }
  // The i-th node from the stack top (0 = s0), or none() when the stack is shallower.
  int stack(int i) const {
    return i < stack_size() ? stack_[stack_.size() - 1 - static_cast<size_t>(i)] : none();
  }
  // The i-th word of the buffer (0 = b0), or none() past its end.
  int buffer(int i) const { return next_ + i <= n_ ? next_ + i : none(); }
  bool buffer_empty() const { return next_ > n_; }
  // The first buffer word (n + 1 once the buffer is empty): words before it are on the stack
  // exactly when they have no head yet.
  int next() const { return next_; }
  bool terminal() const { return buffer_empty() && stack_.size() == 1; }

  bool can_shift() const { return !buffer_empty(); }
  bool can_left() const { return !buffer_empty() && stack_.size() >= 2; }
  // RIGHT attaches to a word (stack of 3 or more) or, as the final move, to the root.
  bool can_right() const {
    return stack_.size() >= 3 || (stack_.size() == 2 && buffer_empty());
  }
  // True when a RIGHT now would attach s0 to the root.
  bool right_is_root() const { return stack_.size() == 2; }

  // Applies a legal move. `relation` is the label's UD relation, which the label-set
  // features read.
  void apply(Move move, int label = kNoLabel, Deprel relation = Deprel::kDep);

  int head(int node) const { return nodes_[node].head; }  // -1 while unattached
  int label(int node) const { return nodes_[node].label; }
  // Leftmost and second leftmost, rightmost and second rightmost dependents, or none().
  int leftmost(int node) const { return nodes_[node].left[0]; }
  int leftmost2(int node) const { return nodes_[node].left[1]; }
  int rightmost(int node) const { return nodes_[node].right[0]; }
  int rightmost2(int node) const { return nodes_[node].right[1]; }
  int left_count(int node) const { return nodes_[node].left_count; }
  int right_count(int node) const { return nodes_[node].right_count; }
  // Bit r set if a left (right) dependent has relation r.
  uint64_t left_relations(int node) const { return nodes_[node].left_relations; }
  uint64_t right_relations(int node) const { return nodes_[node].right_relations; }

 private:
  struct Node {
    int head = -1;
    int label = kNoLabel;
    int left[2];
    int right[2];
    int left_count = 0;
    int right_count = 0;
    uint64_t left_relations = 0;
    uint64_t right_relations = 0;
  };
  void attach(int head, int dependent, int label, Deprel relation);

  int n_;
  int next_ = 1;
  std::vector<int> stack_;
  std::vector<Node> nodes_;
};

static_assert(kDeprelCount <= 64, "label sets are 64-bit masks of relations");

// The parser's output classes: SHIFT, LEFT(l) and RIGHT(l) for each label l. Class 0 is
// SHIFT, 1..L are LEFT and L+1..2L are RIGHT.
class TransitionSet {
 public:
  // `labels` must hold the plain root relation.
  explicit TransitionSet(std::vector<ArcLabel> labels);

  const std::vector<ArcLabel>& labels() const { return labels_; }
  int num_labels() const { return static_cast<int>(labels_.size()); }
  int num_classes() const { return 1 + 2 * num_labels(); }
  int root_label() const { return root_label_; }
  // The label index of `label`, or -1 when the set lacks it.
  int find(const ArcLabel& label) const;

  static int shift_class() { return 0; }
  int left_class(int label) const { return 1 + label; }
  int right_class(int label) const { return 1 + num_labels() + label; }
  Move move(int cls) const {
    return cls == 0 ? Move::kShift : cls <= num_labels() ? Move::kLeft : Move::kRight;
  }
  int label(int cls) const {
    return cls == 0 ? ParseState::kNoLabel : (cls - 1) % num_labels();
  }

  bool legal(const ParseState& state, int cls) const;
  // The only legal class where there is one (SHIFT onto the bare root, the final attachment
  // to the root), else -1: no need to score.
  int forced(const ParseState& state) const;
  // The legal class with the highest score (ties: the lowest class); -1 if terminal.
  int best_legal(const ParseState& state, const float* scores) const;
  void apply(ParseState& state, int cls) const;

 private:
  std::vector<ArcLabel> labels_;
  int root_label_ = -1;
};

// The costs of the moves in one configuration with respect to a gold tree: the number of
// gold arcs each move makes unreachable, plus one where it builds a gold arc with a wrong
// label. Arc-hybrid is arc-decomposable, so a zero-cost move keeps the best reachable tree.
struct MoveCosts {
  int shift = 0;
  int left = 0;   // without the label
  int right = 0;  // without the label
  int left_gold_label = -1;   // the label LEFT must use to be free, -1 if any label is
  int right_gold_label = -1;  // the same for RIGHT
};

// The dynamic oracle of arc-hybrid (Goldberg & Nivre 2013, section 5), for one gold tree
// that must be projective with a single root. Costs take O(degree) time: a word before the
// buffer is on the stack exactly when it has no head.
class ArcHybridOracle {
 public:
  // gold_heads[i], gold_labels[i]: head (0 = root) and label index of word i + 1.
  ArcHybridOracle(std::vector<int> gold_heads, std::vector<int> gold_labels);

  MoveCosts costs(const ParseState& state) const;
  int cost(const ParseState& state, const TransitionSet& transitions, int cls) const;
  int cost(const MoveCosts& costs, const TransitionSet& transitions, int cls) const;

 private:
  int gold_head(int node) const { return node >= 1 && node <= n_ ? heads_[node - 1] : -2; }
  bool on_stack(const ParseState& state, int node) const;
  // Gold dependents of `node` in the buffer.
  int dependents_in_buffer(const ParseState& state, int node) const;

  int n_;
  std::vector<int> heads_;
  std::vector<int> labels_;
  std::vector<std::vector<int>> children_;  // gold dependents of node 0..n, in order
};

}  // namespace kg::extract
