#include "extract/parser_train.h"

#include <algorithm>
#include <chrono>
#include <map>
#include <random>

#include "extract/error.h"
#include "extract/evaluation.h"
#include "extract/parser_features.h"
#include "extract/perceptron.h"
#include "extract/projectivity.h"
#include "extract/seeded_shuffle.h"

namespace kg::extract {

namespace {

std::string where(const Sentence& sentence) {
  return sentence.id.empty() ? std::string("a training sentence")
                             : "training sentence " + sentence.id;
}

// Heads in range, one root word, no cycle.
void check_tree(const Sentence& sentence) {
  const int n = static_cast<int>(sentence.tokens.size());
  int roots = 0;
  for (const Token& t : sentence.tokens) {
    if (t.head < 0 || t.head > n) {
      throw InputError(where(sentence) + " has a word without a valid head; the parser trains "
                                         "on treebanks with complete trees");
    }
    if (t.head == 0) ++roots;
  }
  if (roots != 1) {
    throw InputError(where(sentence) + " has " + std::to_string(roots) +
                     " root words; the parser trains on single-rooted trees");
  }
  for (int i = 1; i <= n; ++i) {
    int node = i;
    for (int steps = 0; node != 0 && steps <= n; ++steps) node = sentence.tokens[node - 1].head;
    if (node != 0) throw InputError(where(sentence) + " has a cycle in its heads");
  }
}

// The tree's heads and relations, with the root word labelled root and no other word so.
LiftedTree lifted_tree(const Sentence& sentence, std::vector<Deprel>& relations) {
  check_tree(sentence);
  std::vector<int> heads;
  relations.clear();
  for (const Token& t : sentence.tokens) {
    heads.push_back(t.head);
    Deprel rel = t.deprel;
    if (t.head == 0) rel = Deprel::kRoot;
    else if (rel == Deprel::kRoot) rel = Deprel::kDep;
    relations.push_back(rel);
  }
  return projectivize(heads, relations);
}

struct Example {
  std::vector<NodeAttributes> nodes;
  OracleTree tree;
};

class Trainer {
 public:
  Trainer(const TransitionSet& transitions, const ParserTrainingOptions& options)
      : transitions_(transitions),
        options_(options),
        weights_(transitions.num_classes()),
        scores_(static_cast<size_t>(transitions.num_classes())) {}

  // One pass over one sentence; returns the configurations scored and the mistakes made.
  std::pair<size_t, size_t> learn(const Example& example, bool explore, std::mt19937_64& rng) {
    const int n = static_cast<int>(example.tree.heads.size());
    ParseState state(n);
    const ArcHybridOracle oracle(example.tree.heads, example.tree.labels);
    size_t steps = 0;
    size_t mistakes = 0;
    FeatureId features[kMaxParserFeatures];
    while (!state.terminal()) {
      const int forced = transitions_.forced(state);
      if (forced >= 0) {
        transitions_.apply(state, forced);
        continue;
      }
      const int count = parser_features(state, example.nodes.data(), features);
      std::fill(scores_.begin(), scores_.end(), 0.0f);
      weights_.add_scores(features, static_cast<size_t>(count), scores_.data());
      const MoveCosts costs = oracle.costs(state);
      int predicted = -1;
      int predicted_cost = 0;
      int best_free = -1;  // the best-scoring move of least cost
      int least_cost = 0;
      for (int cls = 0; cls < transitions_.num_classes(); ++cls) {
        if (!transitions_.legal(state, cls)) continue;
        const int cost = oracle.cost(costs, transitions_, cls);
        if (predicted < 0 || scores_[cls] > scores_[predicted]) {
          predicted = cls;
          predicted_cost = cost;
        }
        if (best_free < 0 || cost < least_cost ||
            (cost == least_cost && scores_[cls] > scores_[best_free])) {
          best_free = cls;
          least_cost = cost;
        }
      }
      ++steps;
      int next = predicted;
      if (predicted_cost > least_cost) {
        ++mistakes;
        weights_.update(features, static_cast<size_t>(count), best_free, predicted);
        if (!explore || uniform(rng) >= options_.exploration) next = best_free;
      }
      weights_.tick();
      transitions_.apply(state, next);
    }
    return {steps, mistakes};
  }

  PerceptronModel average() const { return weights_.average(options_.prune); }

 private:
  const TransitionSet& transitions_;
  const ParserTrainingOptions& options_;
  PerceptronTrainer weights_;
  std::vector<float> scores_;
};

}  // namespace

std::vector<ArcLabel> collect_parser_labels(const std::vector<Sentence>& sentences,
                                            int min_lifted_count) {
  std::vector<bool> seen(kDeprelCount, false);
  seen[static_cast<size_t>(Deprel::kRoot)] = true;
  std::map<std::pair<int, int>, int> lifted_counts;
  std::vector<Deprel> relations;
  for (const Sentence& sentence : sentences) {
    if (sentence.tokens.empty()) continue;
    const LiftedTree tree = lifted_tree(sentence, relations);
    for (size_t i = 0; i < relations.size(); ++i) {
      seen[static_cast<size_t>(relations[i])] = true;
      if (tree.lifted_from[i]) {
        ++lifted_counts[{static_cast<int>(relations[i]), static_cast<int>(*tree.lifted_from[i])}];
      }
    }
  }
  std::vector<ArcLabel> labels;
  for (int r = 0; r < kDeprelCount; ++r) {
    if (seen[static_cast<size_t>(r)]) labels.push_back({static_cast<Deprel>(r), std::nullopt});
  }
  for (const auto& [pair, count] : lifted_counts) {
    if (count >= min_lifted_count) {
      labels.push_back({static_cast<Deprel>(pair.first), static_cast<Deprel>(pair.second)});
    }
  }
  return labels;
}

OracleTree oracle_tree(const Sentence& sentence, const TransitionSet& transitions) {
  std::vector<Deprel> relations;
  LiftedTree lifted = lifted_tree(sentence, relations);
  OracleTree tree{std::move(lifted.heads), {}};
  for (size_t i = 0; i < relations.size(); ++i) {
    int label = transitions.find({relations[i], lifted.lifted_from[i]});
    if (label < 0) label = transitions.find({relations[i], std::nullopt});
    if (label < 0) label = transitions.find({universal(relations[i]), std::nullopt});
    if (label < 0) label = transitions.find({Deprel::kDep, std::nullopt});
    if (label < 0) label = 0;
    tree.labels.push_back(label);
  }
  return tree;
}

std::vector<int> oracle_sequence(const OracleTree& tree, const TransitionSet& transitions) {
  ParseState state(static_cast<int>(tree.heads.size()));
  const ArcHybridOracle oracle(tree.heads, tree.labels);
  std::vector<int> sequence;
  while (!state.terminal()) {
    const MoveCosts costs = oracle.costs(state);
    int best = -1;
    int best_cost = 0;
    for (int cls = 0; cls < transitions.num_classes(); ++cls) {
      if (!transitions.legal(state, cls)) continue;
      const int cost = oracle.cost(costs, transitions, cls);
      if (best < 0 || cost < best_cost) {
        best = cls;
        best_cost = cost;
      }
    }
    sequence.push_back(best);
    transitions.apply(state, best);
  }
  return sequence;
}

std::unique_ptr<Parser> train_parser(const std::vector<Sentence>& train,
                                     const std::vector<Sentence>& dev,
                                     const ParserTrainingOptions& options,
                                     const std::function<void(const ParserEpochReport&)>& on_epoch) {
  const TransitionSet transitions(collect_parser_labels(train, options.min_lifted_count));
  std::vector<Example> examples;
  examples.reserve(train.size());
  for (const Sentence& sentence : train) {
    if (sentence.tokens.empty()) continue;
    examples.push_back({node_attributes(sentence), oracle_tree(sentence, transitions)});
  }
  if (examples.empty()) throw InputError("no training sentences for the parser");

  std::mt19937_64 rng(options.seed);
  std::vector<size_t> order(examples.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  Trainer trainer(transitions, options);
  std::unique_ptr<Parser> best;
  double best_las = -1.0;
  std::vector<Sentence> system = dev;

  for (int epoch = 1; epoch <= options.epochs; ++epoch) {
    const auto start = std::chrono::steady_clock::now();
    // Fisher-Yates with our own draws, so the order is the same with every standard library.
    for (size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[rng() % i]);
    const bool explore = epoch > options.exploration_start && options.exploration > 0.0;
    size_t steps = 0;
    size_t mistakes = 0;
    for (size_t index : order) {
      const auto [s, m] = trainer.learn(examples[index], explore, rng);
      steps += s;
      mistakes += m;
    }
    ParserEpochReport report;
    report.epoch = epoch;
    report.seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    report.train_mistakes = steps ? static_cast<double>(mistakes) / static_cast<double>(steps) : 0;

    auto parser = std::make_unique<Parser>(transitions, trainer.average());
    report.features = parser->weights().num_features();
    double las = 0.0;
    if (!dev.empty()) {
      for (size_t i = 0; i < dev.size(); ++i) {
        system[i] = dev[i];
        parser->annotate(system[i]);
      }
      const Evaluation e = evaluate(dev, system);
      report.dev_uas = 100.0 * e.uas.f1();
      report.dev_las = 100.0 * e.las.f1();
      las = report.dev_las;
    }
    if (dev.empty() || las > best_las) {
      best_las = las;
      best = std::move(parser);
      report.best = true;
    }
    if (on_epoch) on_epoch(report);
  }
  return best;
}

}  // namespace kg::extract
