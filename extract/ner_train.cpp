#include "extract/ner_train.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <fstream>
#include <map>
#include <optional>
#include <random>
#include <set>
#include <sstream>
#include <unordered_map>

#include "extract/error.h"
#include "extract/name_typer.h"
#include "extract/seeded_shuffle.h"
#include "extract/word_shape.h"

namespace kg::extract {

namespace {

uint8_t capital_bucket(long long capitalised, long long total) {
  if (total < 2) return 0;
  const double r = static_cast<double>(capitalised) / static_cast<double>(total);
  return r < 0.05 ? 1 : r < 0.5 ? 2 : r < 0.95 ? 3 : 4;
}

ner::WordLexicon build_lexicon(const std::vector<std::vector<std::string>>& raw,
                               const std::vector<BrownCluster>& clusters) {
  // Capitalisation away from the sentence start, per case-folded word.
  std::unordered_map<std::string, std::pair<long long, long long>> counts;
  for (const auto& s : raw) {
    for (size_t i = 1; i < s.size(); ++i) {
      if (!has_letter(s[i])) continue;
      auto& c = counts[fold_case(s[i])];
      ++c.second;
      if (is_capitalized(s[i])) ++c.first;
    }
  }
  std::unordered_map<std::string, ner::WordInfo> info;
  for (const auto& [word, c] : counts) {
    const uint8_t bucket = capital_bucket(c.first, c.second);
    if (bucket) info[word].capital = bucket;
  }
  for (const BrownCluster& c : clusters) {
    ner::WordInfo& w = info[c.word];
    w.path = 0;
    const size_t n = std::min<size_t>(c.path.size(), 32);
    for (size_t i = 0; i < n; ++i) {
      if (c.path[i] == '1') w.path |= 1u << (31 - i);
    }
    w.path_length = static_cast<uint8_t>(std::max<size_t>(n, 1));
  }
  std::vector<std::pair<std::string, ner::WordInfo>> entries(info.begin(), info.end());
  std::sort(entries.begin(), entries.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  return ner::WordLexicon(std::move(entries));
}

std::vector<std::string> folded_words(const Sentence& s, const NamedEntity& e) {
  std::vector<std::string> words;
  for (int i = e.first; i < e.last; ++i) words.push_back(fold_case(s.tokens[i].form));
  return words;
}

ner::Gazetteer build_gazetteer(const NerCorpus& train) {
  ner::Gazetteer g;
  for (size_t k = 0; k < train.sentences.size(); ++k) {
    const Sentence& s = train.sentences[k];
    for (const NamedEntity& e : s.entities) {
      if (e.type == EntityType::kDate) continue;  // dates are patterns, not names
      g.add(folded_words(s, e), e.type, train.documents[k]);
    }
  }
  g.finish();
  return g;
}

Sentence lowercased(const Sentence& s) {
  Sentence copy = s;
  for (Token& t : copy.tokens) t.form = fold_case(t.form);
  return copy;
}

Sentence unparsed(const Sentence& s) {
  Sentence copy = s;
  for (Token& t : copy.tokens) {
    t.head = -1;
    t.deprel = Deprel::kDep;
  }
  return copy;
}

Sentence untagged(const Sentence& s) {
  Sentence copy = s;
  for (Token& t : copy.tokens) {
    t.upos = Upos::kX;
    t.xpos = Xpos::kNone;
  }
  return copy;
}

bool replaceable(EntityType type) {
  return type != EntityType::kOther && type != EntityType::kDate;  // dates are patterns
}

}  // namespace

NamePool name_pool(const NerCorpus& train) {
  NamePool pool;
  std::set<std::pair<int, std::vector<std::string>>> seen;
  for (const Sentence& s : train.sentences) {
    for (const NamedEntity& e : s.entities) {
      const int type = static_cast<int>(e.type);
      if (!replaceable(e.type) || !seen.insert({type, folded_words(s, e)}).second) continue;
      std::vector<Token> words(s.tokens.begin() + e.first, s.tokens.begin() + e.last);
      for (Token& t : words) {
        t.head = -1;
        t.deprel = Deprel::kDep;
        t.space_after = true;
      }
      pool[static_cast<size_t>(type)].push_back(std::move(words));
    }
  }
  return pool;
}

std::vector<Sentence> replace_mentions(const std::vector<const Sentence*>& document,
                                       const NamePool& pool, double share, std::mt19937_64& rng) {
  // One decision per distinct name (type and words), so a document stays consistent.
  std::map<std::pair<int, std::vector<std::string>>, const std::vector<Token>*> substitutes;
  std::vector<Sentence> out;
  out.reserve(document.size());
  for (const Sentence* original : document) {
    const Sentence& s = *original;
    Sentence copy;
    copy.span = s.span;
    copy.id = s.id;
    copy.text = s.text;
    copy.paragraph_start = s.paragraph_start;
    bool replaced = false;
    size_t next = 0;
    for (const NamedEntity& e : s.entities) {
      copy.tokens.insert(copy.tokens.end(), s.tokens.begin() + next, s.tokens.begin() + e.first);
      const std::vector<Token>* substitute = nullptr;
      if (replaceable(e.type)) {
        const int type = static_cast<int>(e.type);
        auto [it, inserted] = substitutes.try_emplace({type, folded_words(s, e)}, nullptr);
        const auto& names = pool[static_cast<size_t>(type)];
        if (inserted && !names.empty() && uniform(rng) < share) {
          it->second = &names[rng() % names.size()];
        }
        substitute = it->second;
      }
      const int first = static_cast<int>(copy.tokens.size());
      if (substitute) {
        copy.tokens.insert(copy.tokens.end(), substitute->begin(), substitute->end());
        copy.tokens.back().space_after = s.tokens[e.last - 1].space_after;
        replaced = true;
      } else {
        copy.tokens.insert(copy.tokens.end(), s.tokens.begin() + e.first,
                           s.tokens.begin() + e.last);
      }
      copy.entities.push_back({first, static_cast<int>(copy.tokens.size()), e.type});
      next = static_cast<size_t>(e.last);
    }
    copy.tokens.insert(copy.tokens.end(), s.tokens.begin() + next, s.tokens.end());
    if (replaced) {
      // The tree's head numbers and the multiword ranges no longer fit the words.
      copy = unparsed(copy);
    } else {
      copy.multiword = s.multiword;
    }
    out.push_back(std::move(copy));
  }
  return out;
}

namespace {

std::string percent(double x) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", 100 * x);
  return buf;
}

// "dev F1 63.45 (P 67.27, R 60.04)": one line of training progress.
std::string dev_summary(const NerEvaluation& e) {
  return "dev F1 " + percent(e.overall.f1()) + " (P " + percent(e.overall.precision()) +
         ", R " + percent(e.overall.recall()) + ")";
}

}  // namespace

std::vector<BrownCluster> read_clusters(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw InputError(path + ": cannot open the clusters file");
  std::vector<BrownCluster> out;
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (line.empty()) continue;
    std::istringstream fields(line);
    BrownCluster c;
    std::string count;
    if (!std::getline(fields, c.path, '\t') || !std::getline(fields, c.word, '\t') ||
        !std::getline(fields, count) || c.path.find_first_not_of("01") != std::string::npos) {
      throw InputError(path + ":" + std::to_string(number) +
                       ": expected 'bits<TAB>word<TAB>count' (a file written by "
                       "kg train ner --write-clusters)");
    }
    c.count = std::atoll(count.c_str());
    out.push_back(std::move(c));
  }
  return out;
}

void write_clusters(const std::string& path, const std::vector<BrownCluster>& clusters) {
  const std::string tmp = path + ".tmp";
  {
    std::ofstream out(tmp);
    for (const BrownCluster& c : clusters) out << c.path << '\t' << c.word << '\t' << c.count << '\n';
    if (!out.flush()) throw Error(tmp + ": cannot write the clusters file (disk full?)");
  }
  if (std::rename(tmp.c_str(), path.c_str()) != 0) {
    throw Error(path + ": cannot rename " + tmp + " into place");
  }
}

std::vector<std::vector<std::string>> read_raw_sentences(const std::vector<std::string>& paths,
                                                         const TrainingDataOptions& selection) {
  std::vector<std::vector<std::string>> out;
  for (const TreebankSentence& t : load_training_data(paths, selection)) {
    std::vector<std::string> words;
    for (const Token& tok : t.sentence.tokens) words.push_back(tok.form);
    out.push_back(std::move(words));
  }
  return out;
}

std::vector<std::pair<size_t, size_t>> document_ranges(const std::vector<uint32_t>& documents) {
  std::vector<std::pair<size_t, size_t>> ranges;
  for (size_t i = 0; i < documents.size(); ++i) {
    if (i == 0 || documents[i] != documents[i - 1]) ranges.emplace_back(i, i);
    ranges.back().second = i + 1;
  }
  return ranges;
}

void add_name_typer(Ner& ner, const NerCorpus& train, const NerCorpus& dev,
                    const NerTrainOptions& options) {
  // The training names' own documents must not vouch for them (as in sequence training), so
  // the classifier learns from a gazetteer rebuilt with its document support.
  ner::NerResources resources = ner.resources();
  resources.gazetteer = build_gazetteer(train);
  ner::NameTyperOptions typer_options;
  typer_options.epochs = options.name_typer_epochs;
  typer_options.seed = options.seed;
  typer_options.word_dropout = options.name_typer_word_dropout;
  typer_options.log = options.log;
  if (!dev.sentences.empty()) {
    typer_options.score = [&](const PerceptronModel& weights) {
      ner.set_name_typer(weights);
      const NerEvaluation e = evaluate_ner(ner, dev);
      if (options.log) options.log("ner types: dev " + dev_summary(e));
      return e.overall.f1();
    };
  }
  ner.set_name_typer(ner::train_name_typer(train, resources, typer_options));
}

NerEvaluation evaluate_ner(const Ner& ner, const NerCorpus& gold) {
  std::vector<Sentence> system;
  system.reserve(gold.sentences.size());
  for (const auto& [first, last] : document_ranges(gold.documents)) {
    std::vector<Sentence> document(gold.sentences.begin() + first, gold.sentences.begin() + last);
    for (Sentence& s : document) s.entities.clear();
    ner.annotate(document);
    for (Sentence& s : document) system.push_back(std::move(s));
  }
  return evaluate_entities(gold.sentences, system, gold.types);
}

namespace {

// Trains the perceptron over `resources` and returns the model of the best epoch on `dev`.
std::unique_ptr<Ner> train_epochs(const NerCorpus& train, const NerCorpus& dev,
                                  const ner::NerResources& resources,
                                  const NerTrainOptions& options, uint64_t seed) {
  auto log = [&](const std::string& line) {
    if (options.log) options.log(line);
  };
  PerceptronTrainer trainer(ner::kNumClasses);
  std::mt19937_64 rng(seed);
  const auto documents = document_ranges(train.documents);
  std::vector<size_t> order(documents.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  const NamePool pool = options.mention_replacement > 0.0 ? name_pool(train) : NamePool{};
  ner::NerScratch scratch;
  ner::DocumentContext context;
  std::array<float, ner::kNumClasses> scores;

  std::unique_ptr<Ner> best;
  double best_f1 = -1.0;
  int best_epoch = 0;
  for (int epoch = 1; epoch <= options.epochs; ++epoch) {
    seeded_shuffle(order, rng);
    size_t tokens = 0, errors = 0;
    for (size_t d : order) {
      // Augmentation per document, so that its context matches its sentences.
      const bool lower = uniform(rng) < options.lowercase_fraction;
      const bool no_tags = uniform(rng) < options.untagged_fraction;
      const bool no_tree = uniform(rng) < options.unparsed_fraction;
      std::vector<const Sentence*> sentences;
      for (size_t k = documents[d].first; k < documents[d].second; ++k) {
        sentences.push_back(&train.sentences[k]);
      }
      std::vector<Sentence> variants;
      if (options.mention_replacement > 0.0) {
        variants = replace_mentions(sentences, pool, options.mention_replacement, rng);
      } else if (lower || no_tags || no_tree) {
        for (const Sentence* s : sentences) variants.push_back(*s);
      }
      if (!variants.empty()) {
        for (size_t k = 0; k < variants.size(); ++k) {
          if (lower) variants[k] = lowercased(variants[k]);
          if (no_tags) variants[k] = untagged(variants[k]);
          if (no_tree) variants[k] = unparsed(variants[k]);
          sentences[k] = &variants[k];
        }
      }
      context.build(sentences);
      for (size_t j = 0; j < sentences.size(); ++j) {
        const Sentence& s = *sentences[j];
        const std::vector<int> gold = ner::encode(s);
        ner::prepare(s, resources, context, scratch, train.documents[documents[d].first + j]);
        for (size_t i = 0; i < gold.size(); ++i) {
          if (gold[i] != ner::kOutside && uniform(rng) < options.word_dropout) {
            scratch.tokens[i].hide_word = true;
          }
        }
        std::vector<int> predicted(gold.size(), ner::kOutside);
        int prev1 = ner::kOutside, prev2 = ner::kOutside;
        for (int i = 0; i < static_cast<int>(s.tokens.size()); ++i) {
          scratch.features.clear();
          ner::static_features(s, i, scratch);
          ner::history_features(scratch, i, prev1, prev2, scratch.features);
          scores.fill(0.0f);
          trainer.add_scores(scratch.features, scores.data());
          int guess = 0;
          for (int c = 1; c < ner::kNumClasses; ++c) {
            if (scores[c] > scores[guess]) guess = c;
          }
          if (guess != gold[i]) {
            trainer.update(scratch.features, gold[i], guess);
            ++errors;
          }
          trainer.tick();
          ++tokens;
          predicted[i] = guess;
          prev2 = prev1;
          prev1 = options.gold_history ? gold[i] : guess;
        }
        context.record(s, ner::decode(predicted));
      }
    }
    const std::string error_rate =
        percent(tokens ? static_cast<double>(errors) / tokens : 0.0) + "%";
    if (dev.sentences.empty() && epoch < options.epochs) {
      log("ner: epoch " + std::to_string(epoch) + ": training error " + error_rate);
      continue;  // without a dev corpus only the last epoch is kept
    }
    auto candidate = std::make_unique<Ner>(resources, trainer.average(options.prune));
    double f1 = 0.0;
    std::string dev_report = "no dev corpus";
    if (!dev.sentences.empty()) {
      const NerEvaluation e = evaluate_ner(*candidate, dev);
      f1 = e.overall.f1();
      dev_report = dev_summary(e);
    }
    log("ner: epoch " + std::to_string(epoch) + ": training error " + error_rate + ", " +
        dev_report + ", " + std::to_string(candidate->weights().num_features()) + " features");
    if (f1 > best_f1) {
      best_f1 = f1;
      best_epoch = epoch;
      best = std::move(candidate);
    }
  }
  log("ner: keeping epoch " + std::to_string(best_epoch) + " (dev F1 " + percent(best_f1) + ")");
  if (!best) throw Error("ner: no training epoch ran (use --epochs 1 or more)");
  return best;
}

}  // namespace

namespace {

using SilverCounts = std::map<std::vector<std::string>, std::array<int, ner::kNumTypes>>;

// The type given most often to a name, if it was given often and consistently enough.
std::optional<EntityType> majority(const std::array<int, ner::kNumTypes>& by_type, int min_count,
                                   double min_share) {
  int total = 0, best = 0;
  for (int t = 0; t < ner::kNumTypes; ++t) {
    total += by_type[t];
    if (by_type[t] > by_type[best]) best = t;
  }
  if (total < min_count || by_type[best] < min_share * total) return std::nullopt;
  return static_cast<EntityType>(best);
}

// Annotates `corpus`'s sentences (documents in order) with `ner` and counts the types given to
// each name.
SilverCounts count_silver(const Ner& ner, NerCorpus& corpus) {
  SilverCounts counts;
  for (const auto& [first, last] : document_ranges(corpus.documents)) {
    std::vector<Sentence> document(corpus.sentences.begin() + first,
                                   corpus.sentences.begin() + last);
    ner.annotate(document);
    for (size_t k = first; k < last; ++k) {
      Sentence& s = corpus.sentences[k];
      s.entities = std::move(document[k - first].entities);
      for (const NamedEntity& e : s.entities) {
        if (e.type == EntityType::kDate) continue;
        auto [it, inserted] = counts.try_emplace(folded_words(s, e));
        if (inserted) it->second.fill(0);
        ++it->second[static_cast<size_t>(e.type)];
      }
    }
  }
  return counts;
}

ner::Gazetteer gazetteer_of(const SilverCounts& counts, int min_count, double min_share) {
  ner::Gazetteer g;
  for (const auto& [words, by_type] : counts) {
    if (auto t = majority(by_type, min_count, min_share)) g.add(words, *t, 0);
  }
  g.finish();
  return g;
}

}  // namespace

ner::Gazetteer silver_gazetteer(const Ner& ner, const NerCorpus& unlabelled, int min_count,
                                double min_share) {
  NerCorpus copy = unlabelled;
  return gazetteer_of(count_silver(ner, copy), min_count, min_share);
}

std::unique_ptr<Ner> train_ner(const NerCorpus& train, const NerCorpus& dev,
                               const std::vector<std::vector<std::string>>& raw,
                               const std::vector<BrownCluster>& clusters,
                               const NerCorpus& unlabelled, const NerTrainOptions& options) {
  auto log = [&](const std::string& line) {
    if (options.log) options.log(line);
  };
  ner::NerResources resources;
  resources.words = build_lexicon(raw, clusters);
  resources.gazetteer = build_gazetteer(train);
  resources.titles = train.title_words;
  log("ner: " + std::to_string(train.sentences.size()) + " training sentences, " +
      std::to_string(resources.words.size()) + " lexicon words, " +
      std::to_string(resources.gazetteer.size()) + " gazetteer entries, " +
      std::to_string(resources.titles.size()) + " title words");
  // One model, or the mean of options.ensemble models with consecutive seeds; every
  // (self-)training pass below goes through it.
  auto train_model = [&](const NerCorpus& data, uint64_t seed) {
    std::unique_ptr<Ner> first = train_epochs(data, dev, resources, options, seed);
    if (options.ensemble <= 1) return first;
    std::vector<std::unique_ptr<Ner>> members;
    members.push_back(std::move(first));
    for (int k = 1; k < options.ensemble; ++k) {
      log("ner: ensemble member " + std::to_string(k + 1) + " of " +
          std::to_string(options.ensemble) + " (seed " + std::to_string(seed + k) + ")");
      members.push_back(train_epochs(data, dev, resources, options, seed + k));
    }
    std::vector<const PerceptronModel*> weights;
    for (const auto& m : members) weights.push_back(&m->weights());
    auto mean = std::make_unique<Ner>(resources, PerceptronModel::mean(weights, options.prune));
    if (!dev.sentences.empty()) {
      log("ner: ensemble of " + std::to_string(options.ensemble) + ": " +
          dev_summary(evaluate_ner(*mean, dev)));
    }
    return mean;
  };
  std::unique_ptr<Ner> model = train_model(train, options.seed);
  for (int round = 1; round <= options.self_training_rounds && !unlabelled.sentences.empty();
       ++round) {
    NerCorpus silver = unlabelled;
    const SilverCounts counts = count_silver(*model, silver);
    resources.silver = gazetteer_of(counts, options.silver_min_count, options.silver_min_share);
    log("ner: self-training round " + std::to_string(round) + ": " +
        std::to_string(resources.silver.size()) + " silver gazetteer entries from " +
        std::to_string(unlabelled.sentences.size()) + " unlabelled sentences");
    if (options.silver_sentence_share <= 0.0) {
      model = train_model(train, options.seed + round);
      continue;
    }
    // Silver sentences: the model's names, retyped by their majority over the whole text.
    NerCorpus extended = train;
    std::mt19937_64 rng(options.seed + 1000 + round);
    const uint32_t first_document = train.documents.empty() ? 0 : train.documents.back() + 1;
    for (size_t k = 0; k < silver.sentences.size(); ++k) {
      if (uniform(rng) >= options.silver_sentence_share) continue;
      Sentence& s = silver.sentences[k];
      for (NamedEntity& e : s.entities) {
        if (e.type == EntityType::kDate) continue;
        auto it = counts.find(folded_words(s, e));
        if (auto t = majority(it->second, 1, 0.0)) e.type = *t;
      }
      extended.sentences.push_back(std::move(s));
      extended.documents.push_back(first_document + silver.documents[k]);
    }
    log("ner: training on " + std::to_string(extended.sentences.size() - train.sentences.size()) +
        " silver sentences too");
    model = train_model(extended, options.seed + round);
  }
  // The name classifier comes last, over the final model's sequence weights and lists.
  if (options.name_typer_epochs > 0) add_name_typer(*model, train, dev, options);
  return model;
}

}  // namespace kg::extract
