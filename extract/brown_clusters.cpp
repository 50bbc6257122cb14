#include "extract/brown_clusters.h"

#include <algorithm>
#include <cmath>
#include <unordered_map>

namespace kg::extract {

namespace {

// The mutual-information term of a class bigram with probability p and marginals l, r.
inline double q(double p, double l, double r) { return p > 0 ? p * std::log(p / (l * r)) : 0.0; }

class BrownClusterer {
 public:
  BrownClusterer(int slots, std::vector<double> left_marginal, std::vector<double> right_marginal,
                 std::vector<std::vector<std::pair<int, double>>> right,
                 std::vector<std::vector<std::pair<int, double>>> left)
      : k_(slots), p2_(k_ * k_, 0.0), q2_(k_ * k_, 0.0), l2_(k_ * k_, 0.0), pl_(k_, 0.0),
        pr_(k_, 0.0), members_(k_), word_pl_(std::move(left_marginal)),
        word_pr_(std::move(right_marginal)), right_(std::move(right)), left_(std::move(left)),
        slot_of_(word_pl_.size(), -1) {}

  // Adds word `w` as a new cluster in the next free slot.
  void add_word(int w) {
    const int k = active_++;
    for (int u = 0; u < k_; ++u) p2(k, u) = p2(u, k) = 0.0;
    pl_[k] = word_pl_[w];
    pr_[k] = word_pr_[w];
    members_[k] = {w};
    slot_of_[w] = k;
    for (const auto& [v, p] : right_[w]) {
      if (slot_of_[v] >= 0) p2(k, slot_of_[v]) += p;
    }
    for (const auto& [u, p] : left_[w]) {
      if (u != w && slot_of_[u] >= 0) p2(slot_of_[u], k) += p;
    }
    refresh_q(k);
    for (int s = 0; s < k; ++s) {
      for (int t = s + 1; t < k; ++t) l2(s, t) += f(s, t, k);
    }
    for (int s = 0; s < k; ++s) l2(s, k) = full_delta(s, k);
  }

  // Merges the pair losing the least mutual information; returns it (a < b; b's slot is
  // then reused by the last active slot).
  std::pair<int, int> merge_best() {
    int best_a = 0, best_b = 1;
    double best = -1e300;
    for (int s = 0; s < active_; ++s) {
      for (int t = s + 1; t < active_; ++t) {
        if (l2(s, t) > best) {
          best = l2(s, t);
          best_a = s;
          best_b = t;
        }
      }
    }
    merge(best_a, best_b);
    return {best_a, best_b};
  }

  int active() const { return active_; }
  const std::vector<int>& members(int slot) const { return members_[slot]; }

 private:
  double& p2(int a, int b) { return p2_[static_cast<size_t>(a) * k_ + b]; }
  double& q2(int a, int b) { return q2_[static_cast<size_t>(a) * k_ + b]; }
  double& l2(int a, int b) { return l2_[static_cast<size_t>(a) * k_ + b]; }  // a < b

  void refresh_q(int a) {
    for (int u = 0; u < active_; ++u) {
      q2(a, u) = q(p2(a, u), pl_[a], pr_[u]);
      q2(u, a) = q(p2(u, a), pl_[u], pr_[a]);
    }
  }

  // The change, in the merge of s and t, of the terms that involve cluster u.
  double f(int s, int t, int u) {
    const double l = pl_[s] + pl_[t], r = pr_[s] + pr_[t];
    return q(p2(s, u) + p2(t, u), l, pr_[u]) + q(p2(u, s) + p2(u, t), pl_[u], r) - q2(s, u) -
           q2(u, s) - q2(t, u) - q2(u, t);
  }

  // The change of the average mutual information if s and t were merged.
  double full_delta(int s, int t) {
    double d = 0.0;
    for (int u = 0; u < active_; ++u) {
      if (u != s && u != t) d += f(s, t, u);
    }
    const double self = p2(s, s) + p2(s, t) + p2(t, s) + p2(t, t);
    d += q(self, pl_[s] + pl_[t], pr_[s] + pr_[t]) - q2(s, s) - q2(s, t) - q2(t, s) - q2(t, t);
    return d;
  }

  void merge(int a, int b) {
    // Take out the terms of the old a and b from every other pair's delta.
    for (int s = 0; s < active_; ++s) {
      if (s == a || s == b) continue;
      for (int t = s + 1; t < active_; ++t) {
        if (t == a || t == b) continue;
        l2(s, t) -= f(s, t, a) + f(s, t, b);
      }
    }
    const double self = p2(a, a) + p2(a, b) + p2(b, a) + p2(b, b);
    for (int u = 0; u < active_; ++u) {
      if (u == a || u == b) continue;
      p2(a, u) += p2(b, u);
      p2(u, a) += p2(u, b);
    }
    p2(a, a) = self;
    pl_[a] += pl_[b];
    pr_[a] += pr_[b];
    for (int w : members_[b]) slot_of_[w] = a;
    members_[a].insert(members_[a].end(), members_[b].begin(), members_[b].end());
    // Move the last active slot into b.
    const int last = active_ - 1;
    if (b != last) {
      for (int u = 0; u < active_; ++u) {
        p2(b, u) = p2(last, u);
        q2(b, u) = q2(last, u);
      }
      for (int u = 0; u < active_; ++u) {
        p2(u, b) = p2(u, last);
        q2(u, b) = q2(u, last);
      }
      p2(b, b) = p2(last, last);
      q2(b, b) = q2(last, last);
      for (int u = 0; u < last; ++u) {
        if (u == b) continue;
        const double v = l2(std::min(u, last), std::max(u, last));
        l2(std::min(u, b), std::max(u, b)) = v;
      }
      pl_[b] = pl_[last];
      pr_[b] = pr_[last];
      members_[b] = std::move(members_[last]);
      for (int w : members_[b]) slot_of_[w] = b;
    }
    members_[last].clear();
    --active_;
    refresh_q(a);
    for (int s = 0; s < active_; ++s) {
      if (s == a) continue;
      for (int t = s + 1; t < active_; ++t) {
        if (t != a) l2(s, t) += f(s, t, a);
      }
    }
    for (int s = 0; s < active_; ++s) {
      if (s != a) l2(std::min(s, a), std::max(s, a)) = full_delta(std::min(s, a), std::max(s, a));
    }
  }

  int k_;
  int active_ = 0;
  std::vector<double> p2_, q2_, l2_, pl_, pr_;
  std::vector<std::vector<int>> members_;
  std::vector<double> word_pl_, word_pr_;
  std::vector<std::vector<std::pair<int, double>>> right_, left_;
  std::vector<int> slot_of_;
};

}  // namespace

std::vector<BrownCluster> brown_clusters(const std::vector<std::vector<std::string>>& sentences,
                                         const BrownOptions& options,
                                         const std::function<void(size_t, size_t)>& progress) {
  // Vocabulary: words seen at least min_count times, most frequent first (ties by spelling).
  std::unordered_map<std::string, long long> counts;
  for (const auto& s : sentences) {
    for (const std::string& w : s) ++counts[w];
  }
  std::vector<std::pair<std::string, long long>> vocab;
  for (const auto& [w, c] : counts) {
    if (c >= options.min_count) vocab.emplace_back(w, c);
  }
  std::sort(vocab.begin(), vocab.end(), [](const auto& a, const auto& b) {
    return a.second != b.second ? a.second > b.second : a.first < b.first;
  });
  const int v = static_cast<int>(vocab.size());
  if (v == 0) return {};
  std::unordered_map<std::string, int> id;
  for (int i = 0; i < v; ++i) id[vocab[i].first] = i;

  // Bigram probabilities between vocabulary words, and each word's marginals.
  std::unordered_map<uint64_t, long long> bigrams;
  long long total = 0;
  for (const auto& s : sentences) {
    for (size_t i = 0; i + 1 < s.size(); ++i) {
      auto a = id.find(s[i]), b = id.find(s[i + 1]);
      if (a == id.end() || b == id.end()) continue;
      ++bigrams[(static_cast<uint64_t>(a->second) << 32) | static_cast<uint32_t>(b->second)];
      ++total;
    }
  }
  std::vector<std::vector<std::pair<int, double>>> right(v), left(v);
  std::vector<double> pl(v, 0.0), pr(v, 0.0);
  std::vector<std::pair<uint64_t, long long>> sorted(bigrams.begin(), bigrams.end());
  std::sort(sorted.begin(), sorted.end());
  const double n = static_cast<double>(std::max<long long>(total, 1));
  for (const auto& [key, c] : sorted) {
    const int a = static_cast<int>(key >> 32), b = static_cast<int>(key & 0xffffffffu);
    const double p = static_cast<double>(c) / n;
    right[a].emplace_back(b, p);
    left[b].emplace_back(a, p);
    pl[a] += p;
    pr[b] += p;
  }
  // A word without bigrams still needs non-zero marginals for the logarithms.
  for (int i = 0; i < v; ++i) {
    pl[i] = std::max(pl[i], 1e-12);
    pr[i] = std::max(pr[i], 1e-12);
  }

  const int c = std::max(2, std::min(options.clusters, v));
  BrownClusterer clusterer(c + 1, pl, pr, std::move(right), std::move(left));
  for (int w = 0; w < v; ++w) {
    clusterer.add_word(w);
    if (clusterer.active() > c) clusterer.merge_best();
    if (progress && (w % 256 == 255 || w == v - 1)) progress(static_cast<size_t>(w) + 1, v);
  }
  // The hierarchy over the final clusters: node ids, children, then paths from the root.
  const int leaves = clusterer.active();
  std::vector<int> node_of(leaves);
  std::vector<std::pair<int, int>> children(leaves, {-1, -1});
  std::vector<std::vector<int>> words_of(leaves);
  for (int s = 0; s < leaves; ++s) {
    node_of[s] = s;
    words_of[s] = clusterer.members(s);
  }
  while (clusterer.active() > 1) {
    const int last = clusterer.active() - 1;
    const auto [a, b] = clusterer.merge_best();
    children.emplace_back(node_of[a], node_of[b]);
    node_of[a] = static_cast<int>(children.size()) - 1;
    node_of[b] = node_of[last];
  }
  std::vector<BrownCluster> out(v);
  std::vector<std::pair<int, std::string>> stack = {{node_of[0], ""}};
  while (!stack.empty()) {
    auto [node, path] = std::move(stack.back());
    stack.pop_back();
    if (children[node].first < 0) {
      for (int w : words_of[node]) {
        out[w] = {vocab[w].first, path.empty() ? "0" : path, vocab[w].second};
      }
      continue;
    }
    stack.emplace_back(children[node].second, path + "1");
    stack.emplace_back(children[node].first, path + "0");
  }
  return out;
}

}  // namespace kg::extract
