#include "extract/lemmatizer.h"

#include <algorithm>

#include "extract/error.h"
#include "extract/model_file.h"
#include "extract/spelling.h"

namespace kg::extract {

namespace {

// Feature templates of the rule classifier (Lemmatizer::kFeatureTemplates names them).
enum LemmaTemplate : uint32_t {
  kLemmaXpos = 1,
  kLemmaXposSuffix = 2,  // + length 1..6 as a third value
  kLemmaSuffix = 3,      // + length 1..4
  kLemmaXposShape = 4,
  kLemmaXposFlags = 5,
  kLemmaXposLength = 6,
  kLemmaUposXpos = 7,
};

constexpr uint64_t kHashMask = ~uint64_t{0xffff};

size_t common_prefix(std::string_view a, std::string_view b) {
  size_t n = 0;
  while (n < a.size() && n < b.size() && a[n] == b[n]) ++n;
  return n;
}

}  // namespace

namespace {

std::string cased(std::string_view form, LemmaRule::Casing casing) {
  switch (casing) {
    case LemmaRule::Casing::kLower:
      return ascii_lower(form);
    case LemmaRule::Casing::kUpperFirst: {
      std::string out(form);
      if (!out.empty() && out[0] >= 'a' && out[0] <= 'z') out[0] = static_cast<char>(out[0] - 32);
      return out;
    }
    case LemmaRule::Casing::kKeep:
      break;
  }
  return std::string(form);
}

}  // namespace

std::string LemmaRule::apply(std::string_view form) const {
  std::string out = cased(form, casing);
  out.resize(out.size() - std::min<size_t>(strip, out.size()));
  out += append;
  return out;
}

LemmaRule LemmaRule::derive(std::string_view form, std::string_view lemma) {
  LemmaRule best;
  size_t best_cost = SIZE_MAX;
  for (Casing casing : {Casing::kKeep, Casing::kLower, Casing::kUpperFirst}) {
    const std::string cased_form = cased(form, casing);
    const size_t prefix = common_prefix(cased_form, lemma);
    const size_t strip = std::min<size_t>(cased_form.size() - prefix, 255);
    const size_t kept = cased_form.size() - strip;
    // If the strip count had to be capped, append what the lemma has beyond the kept part.
    const std::string_view append = lemma.substr(std::min(kept, lemma.size()));
    const size_t cost = strip + append.size();
    if (cost < best_cost) {
      best_cost = cost;
      best = LemmaRule{casing, static_cast<uint8_t>(strip), std::string(append)};
    }
  }
  return best;
}

uint64_t Lemmatizer::lexicon_entry(std::string_view form, Upos upos, Xpos xpos, uint32_t rule) {
  const uint64_t hash = FeatureHasher::id(0, form, to_string(upos), to_string(xpos));
  return (hash & kHashMask) | (rule & 0xffff);
}

void Lemmatizer::features(std::string_view form, Upos upos, Xpos xpos,
                          std::vector<FeatureId>& out) {
  out.clear();
  const std::string lower = ascii_lower(form);
  const auto tag = static_cast<uint64_t>(xpos);
  out.push_back(FeatureHasher::id(kLemmaXpos, tag));
  out.push_back(FeatureHasher::id(kLemmaUposXpos, static_cast<uint64_t>(upos), tag));
  const size_t length = char_count(lower);
  for (int k = 1; k <= 6 && static_cast<size_t>(k) <= length; ++k) {
    const uint64_t suffix = FeatureHasher::id(0, last_chars(lower, k));
    out.push_back(FeatureHasher::id(kLemmaXposSuffix, tag, suffix, static_cast<uint64_t>(k)));
    if (k <= 4) out.push_back(FeatureHasher::id(kLemmaSuffix, suffix, static_cast<uint64_t>(k)));
  }
  out.push_back(
      FeatureHasher::id(kLemmaXposShape, tag, FeatureHasher::id(0, spelling_shape(form))));
  out.push_back(FeatureHasher::id(kLemmaXposFlags, tag, spelling_flags(form)));
  out.push_back(FeatureHasher::id(kLemmaXposLength, tag, std::min<uint64_t>(length, 12)));
}

const LemmaRule* Lemmatizer::lookup(std::string_view form, Upos upos, Xpos xpos) const {
  const uint64_t key = lexicon_entry(form, upos, xpos, 0);
  auto it = std::lower_bound(lexicon_.begin(), lexicon_.end(), key);
  if (it == lexicon_.end() || (*it & kHashMask) != key) return nullptr;
  return &rules_[*it & 0xffff];
}

const LemmaRule& Lemmatizer::guess_rule(std::string_view form, Upos upos, Xpos xpos) const {
  static const LemmaRule kIdentity;
  const int n = classifier_.num_classes();
  if (n == 0) return kIdentity;
  std::vector<FeatureId> feats;
  features(form, upos, xpos, feats);
  std::vector<float> scores(static_cast<size_t>(n), 0.0f);
  classifier_.add_scores(feats, scores.data());
  // The best rule that leaves something of the word (or appends a replacement) and does not
  // cut a UTF-8 character in two (rules count bytes; "’’" must not lose half a quote).
  const LemmaRule* best = &kIdentity;
  float best_score = -1e30f;
  for (int c = 0; c < n; ++c) {
    const LemmaRule& rule = rules_[static_cast<size_t>(c)];
    if (rule.strip > form.size() || (rule.strip == form.size() && rule.append.empty())) continue;
    if (rule.strip > 0 && rule.strip < form.size() &&
        (static_cast<unsigned char>(form[form.size() - rule.strip]) & 0xC0) == 0x80) {
      continue;
    }
    if (scores[static_cast<size_t>(c)] > best_score) {
      best_score = scores[static_cast<size_t>(c)];
      best = &rule;
    }
  }
  return *best;
}

std::string Lemmatizer::lemma(std::string_view form, Upos upos, Xpos xpos) const {
  if (const LemmaRule* rule = lookup(form, upos, xpos)) return rule->apply(form);
  const std::string lower = ascii_lower(form);
  if (lower != form) {
    if (const LemmaRule* rule = lookup(lower, upos, xpos)) return rule->apply(lower);
  }
  return guess_rule(form, upos, xpos).apply(form);
}

void Lemmatizer::save(ModelWriter& out) const {
  out.u32(static_cast<uint32_t>(rules_.size()));
  for (const LemmaRule& rule : rules_) {
    out.u8(static_cast<uint8_t>(rule.casing));
    out.u8(rule.strip);
    out.str(rule.append);
  }
  out.array(lexicon_);
  classifier_.save(out);
}

Lemmatizer Lemmatizer::load(ModelReader& in) {
  Lemmatizer m;
  const uint32_t count = in.u32();
  if (count > kMaxRules) throw InputError("lemmatizer: too many rules (damaged model file)");
  m.rules_.resize(count);
  for (LemmaRule& rule : m.rules_) {
    const uint8_t casing = in.u8();
    if (casing > static_cast<uint8_t>(LemmaRule::Casing::kUpperFirst)) {
      throw InputError("lemmatizer: unknown casing step (damaged model file)");
    }
    rule.casing = static_cast<LemmaRule::Casing>(casing);
    rule.strip = in.u8();
    rule.append = in.str();
  }
  m.lexicon_ = in.array<uint64_t>();
  m.classifier_ = PerceptronModel::load(in);
  const bool consistent = std::is_sorted(m.lexicon_.begin(), m.lexicon_.end()) &&
                          std::all_of(m.lexicon_.begin(), m.lexicon_.end(),
                                      [&](uint64_t e) { return (e & 0xffff) < m.rules_.size(); }) &&
                          static_cast<size_t>(m.classifier_.num_classes()) <= m.rules_.size();
  if (!consistent) throw InputError("lemmatizer: inconsistent tables (damaged model file)");
  return m;
}

}  // namespace kg::extract
