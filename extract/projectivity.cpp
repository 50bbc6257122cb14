#include "extract/projectivity.h"

#include <algorithm>
#include <cassert>
#include <cstdlib>

namespace kg::extract {

namespace {

// True if the arc into word `d` (1-based) is projective: every word strictly between it and
// its head descends from the head.
bool arc_is_projective(const std::vector<int>& heads, int d) {
  const int h = heads[d - 1];
  const int lo = std::min(h, d);
  const int hi = std::max(h, d);
  const int n = static_cast<int>(heads.size());
  for (int k = lo + 1; k < hi; ++k) {
    int node = k;
    int steps = 0;
    while (node != h && node != 0 && steps <= n) {
      node = heads[node - 1];
      ++steps;
    }
    if (node != h) return false;
  }
  return true;
}

}  // namespace

bool is_projective(const std::vector<int>& heads) {
  for (int d = 1; d <= static_cast<int>(heads.size()); ++d) {
    if (!arc_is_projective(heads, d)) return false;
  }
  return true;
}

LiftedTree projectivize(const std::vector<int>& heads, const std::vector<Deprel>& deprels) {
  assert(heads.size() == deprels.size());
  LiftedTree tree{heads, std::vector<std::optional<Deprel>>(heads.size())};
  const int n = static_cast<int>(heads.size());
  while (true) {
    int best = 0;
    int best_length = 0;
    for (int d = 1; d <= n; ++d) {
      const int length = std::abs(tree.heads[d - 1] - d);
      if ((best == 0 || length < best_length) && !arc_is_projective(tree.heads, d)) {
        best = d;
        best_length = length;
      }
    }
    if (best == 0) return tree;
    // An arc from the root word or from node 0 spans only descendants of its head, so a
    // non-projective arc's head is a word with a head of its own: lifting terminates.
    const int head = tree.heads[best - 1];
    assert(head > 0);
    if (!tree.lifted_from[best - 1]) tree.lifted_from[best - 1] = deprels[head - 1];
    tree.heads[best - 1] = tree.heads[head - 1];
  }
}

void deprojectivize(std::vector<int>& heads, const std::vector<Deprel>& deprels,
                    const std::vector<std::optional<Deprel>>& lifted_from, int max_visits) {
  const int n = static_cast<int>(heads.size());
  assert(deprels.size() == heads.size() && heads.size() == lifted_from.size());
  if (std::none_of(lifted_from.begin(), lifted_from.end(), [](const auto& m) { return m; })) {
    return;
  }
  // Children in word order, kept up to date as words move.
  std::vector<std::vector<int>> children(n + 1);
  for (int d = 1; d <= n; ++d) children[heads[d - 1]].push_back(d);
  std::vector<int> queue;
  for (int d = 1; d <= n; ++d) {
    if (!lifted_from[d - 1]) continue;
    const int head = heads[d - 1];
    if (head <= 0) continue;  // a root word keeps its place
    const Deprel wanted = *lifted_from[d - 1];
    // Breadth-first below `head`, never entering d's subtree, so no cycle can form.
    // The queue never grows past `max_visits`, which bounds the work however wide the tree.
    const auto limit = static_cast<size_t>(std::max(max_visits, 1));
    queue.clear();
    auto enqueue_children = [&](int node) {
      for (int c : children[node]) {
        if (queue.size() >= limit) return;
        if (c != d) queue.push_back(c);
      }
    };
    enqueue_children(head);
    int found = 0;
    for (size_t q = 0; q < queue.size(); ++q) {
      const int node = queue[q];
      if (deprels[node - 1] == wanted) {
        found = node;
        break;
      }
      enqueue_children(node);
    }
    if (found == 0) continue;
    auto& old_list = children[head];
    old_list.erase(std::find(old_list.begin(), old_list.end(), d));
    auto& new_list = children[found];
    new_list.insert(std::lower_bound(new_list.begin(), new_list.end(), d), d);
    heads[d - 1] = found;
  }
}

}  // namespace kg::extract
