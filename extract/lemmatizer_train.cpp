#include "extract/lemmatizer_train.h"

#include <algorithm>
#include <map>
#include <string>
#include <tuple>
#include <utility>

#include "extract/error.h"
#include "extract/seeded_shuffle.h"

namespace kg::extract {

namespace {

struct RuleKey {
  LemmaRule::Casing casing;
  uint8_t strip;
  std::string append;
  auto operator<=>(const RuleKey&) const = default;
};

RuleKey key_of(const LemmaRule& r) { return {r.casing, r.strip, r.append}; }

}  // namespace

Lemmatizer LemmatizerTrainer::train(const std::vector<TreebankSentence>& sentences) const {
  // (form, tags) -> lemma -> count. Ordered maps keep every later step deterministic.
  std::map<std::tuple<std::string, Upos, Xpos>, std::map<std::string, int>> seen;
  for (const TreebankSentence& s : sentences) {
    for (const Token& t : s.sentence.tokens) {
      if (t.lemma.empty() || t.xpos == Xpos::kNone) continue;
      ++seen[{t.form, t.upos, t.xpos}][t.lemma];
    }
  }

  // The most frequent lemma of each type (ties: the smaller string) and its rule.
  struct Type {
    std::string form;
    Upos upos;
    Xpos xpos;
    RuleKey rule;
  };
  std::vector<Type> types;
  types.reserve(seen.size());
  std::map<RuleKey, int> rule_types;
  for (const auto& [key, lemmas] : seen) {
    const std::string* best = nullptr;
    int best_count = 0;
    for (const auto& [lemma, count] : lemmas) {
      if (count > best_count) {
        best = &lemma;
        best_count = count;
      }
    }
    const auto& [form, upos, xpos] = key;
    Type type{form, upos, xpos, key_of(LemmaRule::derive(form, *best))};
    ++rule_types[type.rule];
    types.push_back(std::move(type));
  }

  // Classifier rules first, most frequent first; then the lexicon-only ones.
  std::vector<std::pair<RuleKey, int>> ordered(rule_types.begin(), rule_types.end());
  std::stable_sort(ordered.begin(), ordered.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  if (ordered.size() > Lemmatizer::kMaxRules) {
    throw InputError("the training data has " + std::to_string(ordered.size()) +
                     " distinct lemma rules, more than the lemmatizer can store (" +
                     std::to_string(Lemmatizer::kMaxRules) + "); is the lemma column right?");
  }
  Lemmatizer model;
  std::map<RuleKey, uint32_t> index;
  int num_classes = 0;
  for (const auto& [rule, count] : ordered) {
    index[rule] = static_cast<uint32_t>(model.rules_.size());
    model.rules_.push_back(LemmaRule{rule.casing, rule.strip, rule.append});
    if (count >= options_.min_rule_types) ++num_classes;
  }

  for (const Type& t : types) {
    model.lexicon_.push_back(Lemmatizer::lexicon_entry(t.form, t.upos, t.xpos, index[t.rule]));
  }
  std::sort(model.lexicon_.begin(), model.lexicon_.end());

  // The rule classifier, trained on word types: unknown words are rare words, and a type
  // list weighs rare and frequent words alike.
  struct Example {
    std::vector<FeatureId> features;
    int rule;
  };
  std::vector<Example> examples;
  for (const Type& t : types) {
    const int rule = static_cast<int>(index[t.rule]);
    if (rule >= num_classes) continue;
    Example e{{}, rule};
    Lemmatizer::features(t.form, t.upos, t.xpos, e.features);
    examples.push_back(std::move(e));
  }
  PerceptronTrainer trainer(std::max(num_classes, 1));
  SplitMix64 rng(options_.seed);
  std::vector<float> scores(static_cast<size_t>(trainer.num_classes()));
  for (int epoch = 0; epoch < options_.epochs; ++epoch) {
    seeded_shuffle(examples, rng);
    for (const Example& e : examples) {
      std::fill(scores.begin(), scores.end(), 0.0f);
      trainer.add_scores(e.features, scores.data());
      const int guess =
          static_cast<int>(std::max_element(scores.begin(), scores.end()) - scores.begin());
      trainer.update(e.features, e.rule, guess);
      trainer.tick();
    }
  }
  model.classifier_ = num_classes > 0 ? trainer.average() : PerceptronModel();
  return model;
}

}  // namespace kg::extract
