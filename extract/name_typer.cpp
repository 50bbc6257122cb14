#include "extract/name_typer.h"

#include <algorithm>
#include <random>

#include "extract/ner_train.h"
#include "extract/seeded_shuffle.h"
#include "extract/word_shape.h"

namespace kg::extract::ner {

namespace {

enum Template : uint32_t {
  kBias = 1, kWord, kFirst, kLast, kWhole, kLastSuffix, kShapes, kLength, kWordCluster,
  kLastCluster, kCapital, kGazetteerName, kGazetteerPart, kPrev, kPrev2, kNext, kNext2,
  kPrevPair, kNextPair, kAround, kPrevCluster, kNextCluster, kPrevUpos, kNextUpos, kTitleBefore,
  kSentenceStart, kWholeLine, kCaseMode, kLastUpos,
};

constexpr std::string_view kStart = "<s>";
constexpr std::string_view kEnd = "</s>";

}  // namespace

void name_features(const Sentence& sentence, const NerScratch& scratch, const NamedEntity& e,
                   std::vector<FeatureId>& out, bool identity) {
  using H = FeatureHasher;
  const auto& tok = scratch.tokens;
  const int n = static_cast<int>(tok.size());
  static const uint64_t kStartKey = string_key(kStart), kEndKey = string_key(kEnd);
  auto folded_at = [&](int k) {
    return k < 0 ? kStartKey : k >= n ? kEndKey : tok[k].folded_key;
  };
  out.push_back(H::id(kBias, uint64_t{0}));
  uint64_t whole = 0, shapes = 0;
  uint16_t parts = 0xffff;
  for (int i = e.first; i < e.last; ++i) {
    const NerScratch::TokenInfo& w = tok[i];
    if (identity) out.push_back(H::id(kWord, w.folded_key));
    out.push_back(H::id(kCapital, w.word.capital));
    if (w.word.path_length > 0) {
      for (int bits : {4, 8, 12}) out.push_back(H::id(kWordCluster, cluster_prefix(w.word, bits)));
    }
    whole = whole * 1000003u + w.folded_key;
    shapes = shapes * 1000003u + w.shape_key;
    parts &= w.gazetteer_parts;
  }
  const NerScratch::TokenInfo& first = tok[e.first];
  const NerScratch::TokenInfo& last = tok[e.last - 1];
  if (identity) {
    out.push_back(H::id(kFirst, first.folded_key));
    out.push_back(H::id(kLast, last.folded_key));
    out.push_back(H::id(kWhole, whole));
    const std::string_view folded = last.folded;
    for (size_t k = 2; k <= 4 && k < folded.size(); ++k) {
      out.push_back(H::id(kLastSuffix, folded.substr(folded.size() - k)));
    }
  }
  out.push_back(H::id(kShapes, shapes));
  out.push_back(H::id(kLength, static_cast<uint64_t>(std::min(e.last - e.first, 4))));
  if (last.word.path_length > 0) {
    out.push_back(H::id(kLastCluster, cluster_prefix(last.word, 10)));
  }
  // Whole-name gazetteer matches start at the first word and end at the last.
  for (int t = 0; t < kNumTypes; ++t) {
    const int length = e.last - e.first;
    const bool unit = length == 1 && (first.gazetteer_positions >> (4 * t + 3) & 1);
    const bool begin_end = length > 1 && (first.gazetteer_positions >> (4 * t) & 1) &&
                           (last.gazetteer_positions >> (4 * t + 2) & 1);
    if (unit || begin_end) out.push_back(H::id(kGazetteerName, static_cast<uint64_t>(t)));
    if (parts >> t & 1) out.push_back(H::id(kGazetteerPart, static_cast<uint64_t>(t)));
  }
  const int p = e.first - 1, q = e.last;
  out.push_back(H::id(kPrev, folded_at(p)));
  out.push_back(H::id(kPrev2, folded_at(p - 1)));
  out.push_back(H::id(kNext, folded_at(q)));
  out.push_back(H::id(kNext2, folded_at(q + 1)));
  out.push_back(H::id(kPrevPair, folded_at(p - 1), folded_at(p)));
  out.push_back(H::id(kNextPair, folded_at(q), folded_at(q + 1)));
  // The content words around, position left out (within three words either side).
  for (int k = std::max(0, e.first - 3); k < std::min(n, e.last + 3); ++k) {
    if (k >= e.first && k < e.last) continue;
    const Upos u = sentence.tokens[k].upos;
    if (u == Upos::kNoun || u == Upos::kVerb || u == Upos::kAdj || u == Upos::kPropn) {
      out.push_back(H::id(kAround, tok[k].folded_key));
    }
  }
  if (p >= 0 && tok[p].word.path_length > 0) {
    out.push_back(H::id(kPrevCluster, cluster_prefix(tok[p].word, 8)));
  }
  if (q < n && tok[q].word.path_length > 0) {
    out.push_back(H::id(kNextCluster, cluster_prefix(tok[q].word, 8)));
  }
  if (scratch.tagged) {
    auto upos_at = [&](int k) -> uint64_t {
      return k < 0 || k >= n ? 255 : static_cast<uint64_t>(sentence.tokens[k].upos);
    };
    out.push_back(H::id(kPrevUpos, upos_at(p)));
    out.push_back(H::id(kNextUpos, upos_at(q)));
    out.push_back(H::id(kLastUpos, upos_at(e.last - 1), upos_at(q)));
  }
  if (p >= 0 && tok[p].title) out.push_back(H::id(kTitleBefore, tok[p].folded_key));
  if (e.first == 0) out.push_back(H::id(kSentenceStart, uint64_t{1}));
  if (e.first == 0 && (q == n || (q == n - 1 && !has_letter(sentence.tokens[q].form)))) {
    out.push_back(H::id(kWholeLine, uint64_t{1}));
  }
  out.push_back(H::id(kCaseMode, static_cast<uint64_t>(scratch.case_mode)));
}

PerceptronModel train_name_typer(const NerCorpus& train, const NerResources& resources,
                                 const NameTyperOptions& options) {
  auto log = [&](const std::string& line) {
    if (options.log) options.log(line);
  };
  // The examples: per gold name (not dates), its features and type.
  struct Example {
    std::vector<FeatureId> features, without_identity;
    int type;
  };
  std::vector<Example> examples;
  NerScratch scratch;
  DocumentContext context;
  for (const auto& [begin, end] : document_ranges(train.documents)) {
    std::vector<const Sentence*> sentences;
    for (size_t k = begin; k < end; ++k) sentences.push_back(&train.sentences[k]);
    context.build(sentences);
    for (size_t k = begin; k < end; ++k) {
      const Sentence& s = train.sentences[k];
      prepare(s, resources, context, scratch, train.documents[k]);
      for (const NamedEntity& e : s.entities) {
        if (e.type == EntityType::kDate || e.type == EntityType::kOther) continue;
        Example x;
        name_features(s, scratch, e, x.features);
        if (options.word_dropout > 0.0) name_features(s, scratch, e, x.without_identity, false);
        x.type = static_cast<int>(e.type);
        examples.push_back(std::move(x));
      }
    }
  }
  log("ner types: " + std::to_string(examples.size()) + " training names");
  PerceptronTrainer trainer(kNumTypes);
  std::mt19937_64 rng(options.seed);
  std::vector<size_t> order(examples.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  PerceptronModel best;
  double best_score = -1.0;
  int best_epoch = 0;
  std::array<float, kNumTypes> scores;
  for (int epoch = 1; epoch <= options.epochs; ++epoch) {
    seeded_shuffle(order, rng);
    size_t errors = 0;
    for (size_t i : order) {
      const Example& x = examples[i];
      const bool hide = options.word_dropout > 0.0 && uniform(rng) < options.word_dropout;
      const std::vector<FeatureId>& features = hide ? x.without_identity : x.features;
      scores.fill(0.0f);
      trainer.add_scores(features, scores.data());
      int guess = 0;
      for (int t = 1; t < kNumTypes; ++t) {
        if (scores[t] > scores[guess]) guess = t;
      }
      if (guess != x.type) {
        trainer.update(features, x.type, guess);
        ++errors;
      }
      trainer.tick();
    }
    PerceptronModel weights = trainer.average();
    const double score = options.score ? options.score(weights) : epoch;
    log("ner types: epoch " + std::to_string(epoch) + ": training error " +
        std::to_string(100.0 * static_cast<double>(errors) /
                       static_cast<double>(std::max<size_t>(1, examples.size()))) +
        "%, score " + std::to_string(score));
    if (score > best_score) {
      best_score = score;
      best_epoch = epoch;
      best = std::move(weights);
    }
  }
  log("ner types: keeping epoch " + std::to_string(best_epoch));
  return best;
}

}  // namespace kg::extract::ner
