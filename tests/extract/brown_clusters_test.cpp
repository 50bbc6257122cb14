#include "extract/brown_clusters.h"

#include <gtest/gtest.h>

#include <map>

namespace kg::extract {
namespace {

// Determiner-noun-verb sentences: words of one class share neighbours, so they should share
// longer path prefixes with each other than with words of other classes.
std::vector<std::vector<std::string>> corpus() {
  std::vector<std::vector<std::string>> out;
  const char* dets[] = {"the", "a", "this"};
  const char* nouns[] = {"cat", "dog", "bird"};
  const char* verbs[] = {"sleeps", "runs", "sings"};
  for (int k = 0; k < 4; ++k) {
    for (const char* d : dets) {
      for (const char* n : nouns) {
        for (const char* v : verbs) out.push_back({d, n, v, "."});
      }
    }
  }
  return out;
}

size_t common_prefix(const std::string& a, const std::string& b) {
  size_t n = 0;
  while (n < a.size() && n < b.size() && a[n] == b[n]) ++n;
  return n;
}

TEST(BrownClusters, GroupsWordsWithTheSameNeighbours) {
  BrownOptions options;
  options.clusters = 4;
  options.min_count = 1;
  std::map<std::string, std::string> path;
  for (const BrownCluster& c : brown_clusters(corpus(), options)) path[c.word] = c.path;
  ASSERT_EQ(path.size(), 10u);
  EXPECT_GT(common_prefix(path["cat"], path["dog"]), common_prefix(path["cat"], path["runs"]));
  EXPECT_GT(common_prefix(path["the"], path["a"]), common_prefix(path["the"], path["cat"]));
  EXPECT_GT(common_prefix(path["runs"], path["sings"]), common_prefix(path["runs"], path["a"]));
}

TEST(BrownClusters, IsDeterministicAndDropsRareWords) {
  BrownOptions options;
  options.clusters = 3;
  options.min_count = 2;
  auto sentences = corpus();
  sentences.push_back({"the", "unicorn", "sleeps", "."});
  const auto a = brown_clusters(sentences, options);
  const auto b = brown_clusters(sentences, options);
  ASSERT_EQ(a.size(), b.size());
  for (size_t i = 0; i < a.size(); ++i) {
    EXPECT_EQ(a[i].word, b[i].word);
    EXPECT_EQ(a[i].path, b[i].path);
    EXPECT_NE(a[i].word, "unicorn");
  }
}

}  // namespace
}  // namespace kg::extract
