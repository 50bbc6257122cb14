#pragma once
// Brown clustering (Brown et al., 1992, "Class-based n-gram models of natural language"):
// a binary hierarchy of word classes that greedily keeps the average mutual information of
// adjacent classes high, in the windowed form of Liang (2005, "Semi-supervised learning for
// natural language", MIT MEng thesis): the most frequent `clusters` words start as clusters;
// each further word joins as a new cluster and the pair whose merge loses the least mutual
// information is merged; finally the remaining clusters are merged into one tree. A word's
// path from the root (0 = left, 1 = right) is its cluster bit string; prefixes give coarser
// classes. Deterministic.

#include <functional>
#include <string>
#include <vector>

namespace kg::extract {

struct BrownOptions {
  // Clusters kept in the window: more gives finer classes and costs time quadratically.
  int clusters = 256;
  // Words seen fewer times are not clustered (their bigrams are dropped).
  int min_count = 2;
};

struct BrownCluster {
  std::string word;
  std::string path;  // "0110..."
  long long count = 0;
};

// Clusters the words of `sentences` (bigrams do not cross sentences). `progress`, if set, is
// called now and then with (words placed, words in the vocabulary).
std::vector<BrownCluster> brown_clusters(
    const std::vector<std::vector<std::string>>& sentences, const BrownOptions& options = {},
    const std::function<void(size_t, size_t)>& progress = {});

}  // namespace kg::extract
