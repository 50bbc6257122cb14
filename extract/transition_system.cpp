#include "extract/transition_system.h"

#include <algorithm>
#include <cassert>

namespace kg::extract {

std::string to_string(const ArcLabel& label) {
  std::string text(to_string(label.relation));
  if (label.lifted_from) {
    text += '|';
    text += to_string(*label.lifted_from);
  }
  return text;
}

// --- ParseState ---

ParseState::ParseState(int num_words) : n_(std::max(num_words, 0)) {
  nodes_.resize(static_cast<size_t>(n_) + 2);
  for (Node& node : nodes_) {
    node.left[0] = node.left[1] = node.right[0] = node.right[1] = none();
  }
  stack_.reserve(static_cast<size_t>(n_) + 1);
  stack_.push_back(0);
}

void ParseState::attach(int head, int dependent, int label, Deprel relation) {
  Node& d = nodes_[dependent];
  d.head = head;
  d.label = label;
  Node& h = nodes_[head];
  const uint64_t bit = uint64_t{1} << static_cast<unsigned>(relation);
  if (dependent < head) {
    // Keep the two leftmost; arc-hybrid adds them right to left, but stay general.
    if (h.left[0] == none() || dependent < h.left[0]) {
      h.left[1] = h.left[0];
      h.left[0] = dependent;
    } else if (h.left[1] == none() || dependent < h.left[1]) {
      h.left[1] = dependent;
    }
    ++h.left_count;
    h.left_relations |= bit;
  } else {
    if (h.right[0] == none() || dependent > h.right[0]) {
      h.right[1] = h.right[0];
      h.right[0] = dependent;
    } else if (h.right[1] == none() || dependent > h.right[1]) {
      h.right[1] = dependent;
    }
    ++h.right_count;
    h.right_relations |= bit;
  }
}

void ParseState::apply(Move move, int label, Deprel relation) {
  switch (move) {
    case Move::kShift:
      assert(can_shift());
      stack_.push_back(next_++);
      break;
    case Move::kLeft:
      assert(can_left());
      attach(next_, stack_.back(), label, relation);
      stack_.pop_back();
      break;
    case Move::kRight:
      assert(can_right());
      attach(stack_[stack_.size() - 2], stack_.back(), label, relation);
      stack_.pop_back();
      break;
  }
}

// --- TransitionSet ---

TransitionSet::TransitionSet(std::vector<ArcLabel> labels) : labels_(std::move(labels)) {
  root_label_ = find(ArcLabel{Deprel::kRoot, std::nullopt});
  assert(root_label_ >= 0);
}

int TransitionSet::find(const ArcLabel& label) const {
  for (size_t i = 0; i < labels_.size(); ++i) {
    if (labels_[i] == label) return static_cast<int>(i);
  }
  return -1;
}

bool TransitionSet::legal(const ParseState& state, int cls) const {
  if (cls == 0) return state.can_shift();
  const int l = label(cls);
  if (cls <= num_labels()) return l != root_label_ && state.can_left();
  if (!state.can_right()) return false;
  return state.right_is_root() == (l == root_label_);
}

int TransitionSet::forced(const ParseState& state) const {
  if (state.terminal()) return -1;
  if (state.stack_size() == 1) return shift_class();
  if (state.right_is_root() && state.buffer_empty()) return right_class(root_label_);
  return -1;
}

int TransitionSet::best_legal(const ParseState& state, const float* scores) const {
  if (state.terminal()) return -1;
  if (state.right_is_root() && state.buffer_empty()) return right_class(root_label_);
  int best = -1;
  float best_score = 0.0f;
  auto consider = [&](int cls) {
    if (best < 0 || scores[cls] > best_score) {
      best = cls;
      best_score = scores[cls];
    }
  };
  if (state.can_shift()) consider(0);
  const int L = num_labels();
  if (state.can_left()) {
    for (int l = 0; l < L; ++l) {
      if (l != root_label_) consider(1 + l);
    }
  }
  if (state.can_right() && !state.right_is_root()) {
    for (int l = 0; l < L; ++l) {
      if (l != root_label_) consider(1 + L + l);
    }
  }
  return best;
}

void TransitionSet::apply(ParseState& state, int cls) const {
  assert(legal(state, cls));
  const int l = label(cls);
  state.apply(move(cls), l, l >= 0 ? labels_[l].relation : Deprel::kDep);
}

// --- ArcHybridOracle ---

ArcHybridOracle::ArcHybridOracle(std::vector<int> gold_heads, std::vector<int> gold_labels)
    : n_(static_cast<int>(gold_heads.size())),
      heads_(std::move(gold_heads)),
      labels_(std::move(gold_labels)),
      children_(static_cast<size_t>(n_) + 1) {
  assert(labels_.size() == heads_.size());
  for (int d = 1; d <= n_; ++d) children_[heads_[d - 1]].push_back(d);
}

bool ArcHybridOracle::on_stack(const ParseState& state, int node) const {
  if (node == 0) return true;
  return node >= 1 && node < state.next() && state.head(node) < 0;
}

int ArcHybridOracle::dependents_in_buffer(const ParseState& state, int node) const {
  if (node < 0 || node > n_) return 0;
  const std::vector<int>& kids = children_[node];
  // Children are sorted: count those at or after the buffer front.
  return static_cast<int>(kids.end() - std::lower_bound(kids.begin(), kids.end(), state.next()));
}

MoveCosts ArcHybridOracle::costs(const ParseState& state) const {
  MoveCosts c;
  const int s0 = state.stack(0);
  const int s1 = state.stack(1);
  const int b0 = state.buffer(0);
  if (state.can_shift()) {
    // b0 can no longer take dependents from the stack, nor a head below s0.
    for (int d : children_[b0]) {
      if (d >= b0) break;
      if (on_stack(state, d)) ++c.shift;
    }
    const int h = gold_head(b0);
    if (h != s0 && h < b0 && on_stack(state, h)) ++c.shift;
  }
  if (s0 >= 1 && s0 <= n_) {
    const int h = gold_head(s0);
    const int lost_dependents = dependents_in_buffer(state, s0);
    if (state.can_left()) {
      // s0 loses its buffer dependents, and a head that is s1 or later in the buffer.
      c.left = lost_dependents;
      if (h == b0) {
        c.left_gold_label = labels_[s0 - 1];
      } else if (h == s1 || h > b0) {
        ++c.left;
      }
    }
    if (state.can_right()) {
      // s0 loses its buffer dependents and a head in the buffer.
      c.right = lost_dependents;
      if (h == s1) {
        c.right_gold_label = labels_[s0 - 1];
      } else if (h >= state.next() && h <= n_) {
        ++c.right;
      }
    }
  }
  return c;
}

int ArcHybridOracle::cost(const MoveCosts& c, const TransitionSet& transitions, int cls) const {
  const int l = transitions.label(cls);
  switch (transitions.move(cls)) {
    case Move::kShift:
      return c.shift;
    case Move::kLeft:
      return c.left + (c.left_gold_label >= 0 && l != c.left_gold_label ? 1 : 0);
    case Move::kRight:
      return c.right + (c.right_gold_label >= 0 && l != c.right_gold_label ? 1 : 0);
  }
  return 0;
}

int ArcHybridOracle::cost(const ParseState& state, const TransitionSet& transitions,
                          int cls) const {
  return cost(costs(state), transitions, cls);
}

}  // namespace kg::extract
