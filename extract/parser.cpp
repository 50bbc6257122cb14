#include "extract/parser.h"

#include <algorithm>

#include "extract/error.h"
#include "extract/model_file.h"
#include "extract/parser_features.h"
#include "extract/projectivity.h"

namespace kg::extract {

namespace {
constexpr uint8_t kNotLifted = 0xff;
}  // namespace

uint64_t parser_fingerprint() {
  Fingerprint f;
  f.add(kParserFeatureTemplates);
  for (int i = 0; i < kUposCount; ++i) f.add(to_string(static_cast<Upos>(i)));
  for (int i = 0; i < kXposCount; ++i) f.add(to_string(static_cast<Xpos>(i)));
  for (int i = 0; i < kDeprelCount; ++i) f.add(to_string(static_cast<Deprel>(i)));
  return f.value();
}

Parser::Parser(TransitionSet transitions, PerceptronModel weights)
    : transitions_(std::move(transitions)), weights_(std::move(weights)) {}

void Parser::save(const std::string& path) const {
  ModelWriter out({kModelKind, kModelVersion, parser_fingerprint()});
  out.u32(static_cast<uint32_t>(transitions_.num_labels()));
  for (const ArcLabel& label : transitions_.labels()) {
    out.u8(static_cast<uint8_t>(label.relation));
    out.u8(label.lifted_from ? static_cast<uint8_t>(*label.lifted_from) : kNotLifted);
  }
  weights_.save(out);
  out.save(path);
}

std::unique_ptr<Parser> Parser::load(const std::string& path) {
  ModelReader in(path, {kModelKind, kModelVersion, parser_fingerprint()});
  const uint32_t count = in.u32();
  if (count == 0 || count > 4096) {
    throw InputError(path + ": the parser model has " + std::to_string(count) +
                     " labels (a damaged file); retrain it with `kg train parser`");
  }
  std::vector<ArcLabel> labels;
  for (uint32_t i = 0; i < count; ++i) {
    const uint8_t relation = in.u8();
    const uint8_t lifted = in.u8();
    if (relation >= kDeprelCount || (lifted != kNotLifted && lifted >= kDeprelCount)) {
      throw InputError(path + ": the parser model names an unknown relation (a damaged file); "
                              "retrain it with `kg train parser`");
    }
    ArcLabel label{static_cast<Deprel>(relation), std::nullopt};
    if (lifted != kNotLifted) label.lifted_from = static_cast<Deprel>(lifted);
    labels.push_back(label);
  }
  if (std::find(labels.begin(), labels.end(), ArcLabel{Deprel::kRoot, std::nullopt}) ==
      labels.end()) {
    throw InputError(path + ": the parser model has no root label (a damaged file); retrain it "
                            "with `kg train parser`");
  }
  TransitionSet transitions(std::move(labels));
  PerceptronModel weights = PerceptronModel::load(in);
  in.finish();
  if (weights.num_classes() != transitions.num_classes()) {
    throw InputError(path + ": the parser model's weights do not match its labels (a damaged "
                            "file); retrain it with `kg train parser`");
  }
  return std::make_unique<Parser>(std::move(transitions), std::move(weights));
}

void Parser::annotate(Sentence& sentence) const {
  const int n = static_cast<int>(sentence.tokens.size());
  if (n == 0) return;
  const std::vector<NodeAttributes> nodes = node_attributes(sentence);
  ParseState state(n);
  std::vector<float> scores(static_cast<size_t>(transitions_.num_classes()));
  FeatureId features[kMaxParserFeatures];
  while (!state.terminal()) {
    int cls = transitions_.forced(state);
    if (cls < 0) {
      std::fill(scores.begin(), scores.end(), 0.0f);
      const int count = parser_features(state, nodes.data(), features);
      weights_.add_scores(features, static_cast<size_t>(count), scores.data());
      cls = transitions_.best_legal(state, scores.data());
    }
    transitions_.apply(state, cls);
  }
  std::vector<int> heads(static_cast<size_t>(n));
  std::vector<Deprel> relations(static_cast<size_t>(n));
  std::vector<std::optional<Deprel>> lifted(static_cast<size_t>(n));
  for (int i = 1; i <= n; ++i) {
    const ArcLabel& label = transitions_.labels()[static_cast<size_t>(state.label(i))];
    heads[i - 1] = state.head(i);
    relations[i - 1] = label.relation;
    lifted[i - 1] = label.lifted_from;
  }
  deprojectivize(heads, relations, lifted);
  for (int i = 0; i < n; ++i) {
    sentence.tokens[i].head = heads[i];
    sentence.tokens[i].deprel = relations[i];
  }
}

}  // namespace kg::extract
