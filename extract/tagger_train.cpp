#include "extract/tagger_train.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <map>
#include <optional>
#include <unordered_map>

#include "extract/error.h"
#include "extract/seeded_shuffle.h"
#include "extract/tagger_features.h"

namespace kg::extract {

namespace {

uint16_t pair_code(Upos upos, Xpos xpos) {
  return static_cast<uint16_t>(static_cast<int>(upos) * kXposCount + static_cast<int>(xpos));
}

std::string percent(double value) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", 100.0 * value);
  return buf;
}

// The classes (pairs seen in training, most frequent first) and each token's class.
struct ClassSet {
  std::vector<TagPair> classes;
  std::unordered_map<uint16_t, int> index;  // pair_code -> class
};

ClassSet collect_classes(const std::vector<TreebankSentence>& train) {
  std::map<uint16_t, size_t> counts;
  for (const TreebankSentence& s : train) {
    for (const Token& t : s.sentence.tokens) ++counts[pair_code(t.upos, t.xpos)];
  }
  std::vector<std::pair<uint16_t, size_t>> ordered(counts.begin(), counts.end());
  std::stable_sort(ordered.begin(), ordered.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  ClassSet set;
  for (const auto& [code, count] : ordered) {
    set.index[code] = static_cast<int>(set.classes.size());
    set.classes.push_back(
        {static_cast<Upos>(code / kXposCount), static_cast<Xpos>(code % kXposCount)});
  }
  return set;
}

TagDictionary build_dictionary(const std::vector<TreebankSentence>& train, const ClassSet& set,
                               const TaggerTrainOptions& options) {
  std::map<std::string, std::map<int, int>> counts;
  for (const TreebankSentence& s : train) {
    for (const Token& t : s.sentence.tokens) {
      ++counts[t.form][set.index.at(pair_code(t.upos, t.xpos))];
    }
  }
  TagDictionary dictionary;
  for (const auto& [form, classes] : counts) {
    int total = 0;
    for (const auto& [cls, count] : classes) total += count;
    if (total < options.dictionary_min_count) continue;
    std::vector<uint16_t> kept;
    for (const auto& [cls, count] : classes) {
      if (count >= options.dictionary_min_share * total) kept.push_back(static_cast<uint16_t>(cls));
    }
    dictionary.add(form, kept);
  }
  dictionary.finish();
  return dictionary;
}

}  // namespace

std::vector<Sentence> jackknife_tags(const std::vector<TreebankSentence>& train, int folds,
                                     const TaggerTrainOptions& options,
                                     const std::vector<TreebankSentence>& dev) {
  if (folds < 2 || train.size() < static_cast<size_t>(folds)) {
    throw InputError("jackknifing needs at least 2 folds and a sentence per fold (" +
                     std::to_string(folds) + " folds, " + std::to_string(train.size()) +
                     " sentences)");
  }
  const size_t n = train.size();
  const auto k = static_cast<size_t>(folds);
  std::vector<Sentence> out;
  out.reserve(n);
  for (size_t fold = 0; fold < k; ++fold) {
    const size_t begin = fold * n / k, end = (fold + 1) * n / k;
    std::vector<TreebankSentence> rest;
    rest.reserve(n - (end - begin));
    rest.insert(rest.end(), train.begin(), train.begin() + static_cast<std::ptrdiff_t>(begin));
    rest.insert(rest.end(), train.begin() + static_cast<std::ptrdiff_t>(end), train.end());
    TaggerTrainOptions fold_options = options;
    if (options.progress) {
      fold_options.progress = [&](const std::string& line) {
        options.progress("fold " + std::to_string(fold + 1) + "/" + std::to_string(k) + ": " +
                         line);
      };
    }
    const Tagger tagger = TaggerTrainer(fold_options).train(rest, dev);
    for (size_t i = begin; i < end; ++i) {
      Sentence s = train[i].sentence;
      tagger.annotate(s);
      out.push_back(std::move(s));
    }
  }
  return out;
}

TaggingAccuracy tagging_accuracy(const Tagger& tagger, const std::vector<TreebankSentence>& gold) {
  TaggingAccuracy acc;
  size_t upos = 0, xpos = 0, lemma = 0, lemma_words = 0;
  for (const TreebankSentence& g : gold) {
    Sentence s = g.sentence;
    tagger.annotate(s);
    for (size_t i = 0; i < s.tokens.size(); ++i) {
      const Token& want = g.sentence.tokens[i];
      const Token& got = s.tokens[i];
      upos += got.upos == want.upos;
      xpos += got.xpos == want.xpos;
      if (!want.lemma.empty()) {
        ++lemma_words;
        lemma += got.lemma == want.lemma;
      }
      ++acc.words;
    }
  }
  if (acc.words) {
    acc.upos = static_cast<double>(upos) / acc.words;
    acc.xpos = static_cast<double>(xpos) / acc.words;
  }
  if (lemma_words) acc.lemma = static_cast<double>(lemma) / lemma_words;
  return acc;
}

Tagger TaggerTrainer::train(const std::vector<TreebankSentence>& train,
                            const std::vector<TreebankSentence>& dev) const {
  using Clock = std::chrono::steady_clock;
  const auto started = Clock::now();
  const std::function<void(const std::string&)> say_line = [&](const std::string& line) {
    if (!options_.progress) return;
    const double seconds = std::chrono::duration<double>(Clock::now() - started).count();
    char stamp[32];
    std::snprintf(stamp, sizeof stamp, "[%6.1fs] ", seconds);
    options_.progress(stamp + line);
  };

  const ClassSet set = collect_classes(train);
  if (set.classes.empty()) throw InputError("the training data has no words to learn tags from");
  const int num_classes = static_cast<int>(set.classes.size());
  TaggerModel base;
  base.classes = set.classes;
  base.passes = options_.passes;
  base.dictionary = build_dictionary(train, set, options_);
  base.lemmatizer = LemmatizerTrainer(options_.lemmatizer).train(train);
  size_t num_words = 0;
  for (const TreebankSentence& s : train) num_words += s.sentence.tokens.size();
  say_line(std::to_string(train.size()) + " sentences, " + std::to_string(num_words) + " words, " +
           std::to_string(num_classes) + " tag pairs, " + std::to_string(base.dictionary.size()) +
           " dictionary words, " + std::to_string(base.lemmatizer.num_rules()) + " lemma rules, " +
           std::to_string(base.lemmatizer.lexicon_size()) + " lexicon entries");

  // Each sentence's words and gold classes, prepared once.
  std::unordered_map<std::string, int> form_counts;
  for (const TreebankSentence& s : train) {
    for (const Token& t : s.sentence.tokens) ++form_counts[t.form];
  }
  std::vector<Example> examples(train.size());
  for (size_t k = 0; k < train.size(); ++k) {
    TaggerFeatures::prepare(train[k].sentence, base.dictionary, examples[k].words);
    const auto& tokens = train[k].sentence.tokens;
    for (size_t i = 0; i < tokens.size(); ++i) {
      examples[k].gold.push_back(set.index.at(pair_code(tokens[i].upos, tokens[i].xpos)));
      if (form_counts[tokens[i].form] <= options_.rare_word_max_count) {
        examples[k].rare.push_back(i);
      }
    }
  }

  // The features frequent enough to get weights (min_feature_count), counted with the gold
  // classes as the history and right-context tags.
  std::vector<FeatureId> kept;
  if (options_.min_feature_count > 1) {
    std::unordered_map<FeatureId, uint32_t> counts;
    std::vector<FeatureId> features;
    // The last pass's features include the first's, so counting them alone counts each once.
    for (const Example& e : examples) {
      for (int i = 0; i < static_cast<int>(e.gold.size()); ++i) {
        TaggerFeatures::extract(e.words, i, e.gold.data(),
                                options_.passes > 1 ? e.gold.data() : nullptr, features);
        for (FeatureId f : features) ++counts[f];
      }
    }
    for (const auto& [f, count] : counts) {
      if (count >= static_cast<uint32_t>(options_.min_feature_count)) kept.push_back(f);
    }
    std::sort(kept.begin(), kept.end());
    say_line(std::to_string(kept.size()) + " of " + std::to_string(counts.size()) +
             " features seen at least " + std::to_string(options_.min_feature_count) + " times");
  }

  TaggerModel model = base;
  model.directions.push_back(train_direction(false, examples, kept, base, dev, say_line));
  if (options_.both_directions) {
    for (Example& e : examples) {
      std::reverse(e.words.begin(), e.words.end());
      std::reverse(e.gold.begin(), e.gold.end());
      for (size_t& i : e.rare) i = e.gold.size() - 1 - i;
    }
    model.directions.push_back(train_direction(true, examples, kept, base, dev, say_line));
  }
  Tagger tagger(std::move(model));
  if (options_.both_directions && !dev.empty()) {
    const TaggingAccuracy acc = tagging_accuracy(tagger, dev);
    say_line("both directions: dev UPOS " + percent(acc.upos) + "% XPOS " + percent(acc.xpos) +
             "% lemma " + percent(acc.lemma) + "%");
  }
  return tagger;
}

TaggerDirection TaggerTrainer::train_direction(
    bool reverse, const std::vector<Example>& examples, const std::vector<FeatureId>& kept,
    const TaggerModel& base, const std::vector<TreebankSentence>& dev,
    const std::function<void(const std::string&)>& say) const {
  const char* name = reverse ? "right to left" : "left to right";
  const int num_classes = static_cast<int>(base.classes.size());
  std::vector<size_t> order(examples.size());
  for (size_t k = 0; k < order.size(); ++k) order[k] = k;
  PerceptronTrainer trainer(num_classes);
  SplitMix64 rng(options_.seed + (reverse ? 1 : 0));
  std::vector<FeatureId> features;
  std::vector<float> scores(static_cast<size_t>(num_classes));
  std::vector<int> first, second;
  std::vector<TaggerWord> words;  // this visit's copy, with dropout applied
  SplitMix64 dropout_rng(options_.seed ^ 0x5eedULL);
  const auto dropout_threshold =
      static_cast<uint64_t>(options_.rare_word_dropout * 18446744073709551615.0);
  std::optional<TaggerDirection> best;
  double best_score = -1;
  for (int epoch = 1; epoch <= options_.epochs; ++epoch) {
    seeded_shuffle(order, rng);
    size_t correct = 0, seen = 0;
    for (size_t k : order) {
      const Example& e = examples[k];
      const int n = static_cast<int>(e.gold.size());
      words = e.words;
      if (dropout_threshold > 0) {
        for (size_t i : e.rare) {
          if (dropout_rng.next() < dropout_threshold) TaggerFeatures::hide_identity(words[i]);
        }
      }
      first.assign(static_cast<size_t>(n), 0);
      second.assign(static_cast<size_t>(n), 0);
      for (int pass = 0; pass < options_.passes; ++pass) {
        int* tags = pass == 0 ? first.data() : second.data();
        const int* right = pass == 0 ? nullptr : first.data();
        const bool last_pass = pass + 1 == options_.passes;
        for (int i = 0; i < n; ++i) {
          TaggerFeatures::extract(words, i, tags, right, features);
          if (!kept.empty()) {
            std::erase_if(features, [&](FeatureId f) {
              return !std::binary_search(kept.begin(), kept.end(), f);
            });
          }
          std::fill(scores.begin(), scores.end(), 0.0f);
          trainer.add_scores(features, scores.data());
          const int guess =
              static_cast<int>(std::max_element(scores.begin(), scores.end()) - scores.begin());
          const int truth = e.gold[static_cast<size_t>(i)];
          if (last_pass || options_.first_pass_updates) {
            trainer.update(features, truth, guess);
            trainer.tick();
          }
          tags[i] = guess;
          if (last_pass) {
            correct += guess == truth;
            ++seen;
          }
        }
      }
    }
    TaggerDirection direction{reverse, trainer.average(options_.prune)};
    std::string line = std::string(name) + " epoch " + std::to_string(epoch) + ": train " +
                       percent(seen ? static_cast<double>(correct) / seen : 0.0) + "%, " +
                       std::to_string(direction.weights.num_features()) + " features, " +
                       std::to_string(direction.weights.num_weights()) + " weights";
    double score = epoch;  // without dev data the last epoch wins
    if (!dev.empty()) {
      TaggerModel alone = base;
      alone.directions.push_back(direction);
      const TaggingAccuracy acc = tagging_accuracy(Tagger(std::move(alone)), dev);
      score = acc.upos + acc.xpos;
      line += "; dev UPOS " + percent(acc.upos) + "% XPOS " + percent(acc.xpos) + "% lemma " +
              percent(acc.lemma) + "%";
    }
    if (score > best_score) {
      best_score = score;
      best = std::move(direction);
      line += " (best so far)";
    }
    say(line);
  }
  if (!best) throw InputError("training ran no epochs (--epochs must be at least 1)");
  return std::move(*best);
}

}  // namespace kg::extract
