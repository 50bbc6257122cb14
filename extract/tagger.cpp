#include "extract/tagger.h"

#include <algorithm>

#include "extract/error.h"
#include "extract/model_file.h"
#include "extract/spelling.h"
#include "extract/tagger_features.h"

namespace kg::extract {

namespace {

constexpr uint32_t kFormatVersion = 2;
constexpr int kSetBits = 24;
constexpr uint64_t kSetMask = (uint64_t{1} << kSetBits) - 1;

uint64_t form_hash(std::string_view form) { return FeatureHasher::id(0, form) & ~kSetMask; }

}  // namespace

// --- TagDictionary ---

int TagDictionary::find(std::string_view form) const {
  const uint64_t key = form_hash(form);
  auto it = std::lower_bound(entries_.begin(), entries_.end(), key);
  if (it == entries_.end() || (*it & ~kSetMask) != key) return -1;
  return static_cast<int>(*it & kSetMask);
}

std::vector<uint16_t> TagDictionary::classes(int set) const {
  return {set_classes_.begin() + set_offsets_[static_cast<size_t>(set)],
          set_classes_.begin() + set_offsets_[static_cast<size_t>(set) + 1]};
}

void TagDictionary::add(std::string_view form, const std::vector<uint16_t>& classes) {
  if (set_offsets_.empty()) set_offsets_.push_back(0);
  // Reuse an identical set: there are far fewer distinct sets than words.
  size_t set = 0;
  for (; set + 1 < set_offsets_.size(); ++set) {
    if (std::equal(classes.begin(), classes.end(), set_classes_.begin() + set_offsets_[set],
                   set_classes_.begin() + set_offsets_[set + 1])) {
      break;
    }
  }
  if (set + 1 == set_offsets_.size()) {
    set_classes_.insert(set_classes_.end(), classes.begin(), classes.end());
    set_offsets_.push_back(static_cast<uint32_t>(set_classes_.size()));
  }
  entries_.push_back(form_hash(form) | set);
}

void TagDictionary::finish() { std::sort(entries_.begin(), entries_.end()); }

void TagDictionary::save(ModelWriter& out) const {
  out.array(entries_);
  out.array(set_offsets_);
  out.array(set_classes_);
}

TagDictionary TagDictionary::load(ModelReader& in, int num_classes) {
  TagDictionary d;
  d.entries_ = in.array<uint64_t>();
  d.set_offsets_ = in.array<uint32_t>();
  d.set_classes_ = in.array<uint16_t>();
  const size_t sets = d.num_sets();
  const bool consistent =
      (d.set_offsets_.empty()
           ? d.entries_.empty() && d.set_classes_.empty()
           : d.set_offsets_.front() == 0 && d.set_offsets_.back() == d.set_classes_.size()) &&
      std::is_sorted(d.set_offsets_.begin(), d.set_offsets_.end()) &&
      std::is_sorted(d.entries_.begin(), d.entries_.end()) &&
      std::all_of(d.entries_.begin(), d.entries_.end(),
                  [&](uint64_t e) { return (e & kSetMask) < sets; }) &&
      std::all_of(d.set_classes_.begin(), d.set_classes_.end(),
                  [&](uint16_t c) { return c < num_classes; });
  if (!consistent) throw InputError("tag dictionary: inconsistent tables (damaged model file)");
  return d;
}

// --- Tagger ---

Tagger::Tagger(TaggerModel model) : model_(std::move(model)) {}

uint32_t Tagger::format_version() { return kFormatVersion; }

uint64_t Tagger::fingerprint() {
  Fingerprint f;
  for (int i = 0; i < kUposCount; ++i) f.add(to_string(static_cast<Upos>(i)));
  for (int i = 0; i < kXposCount; ++i) f.add(to_string(static_cast<Xpos>(i)));
  f.add(TaggerFeatures::kTemplates);
  f.add(Lemmatizer::kFeatureTemplates);
  return f.value();
}

void Tagger::save(const std::string& path) const {
  ModelWriter out({"tagger", kFormatVersion, fingerprint()});
  out.u32(static_cast<uint32_t>(model_.passes));
  std::vector<uint8_t> pairs;
  for (const TagPair& p : model_.classes) {
    pairs.push_back(static_cast<uint8_t>(p.upos));
    pairs.push_back(static_cast<uint8_t>(p.xpos));
  }
  out.array(pairs);
  model_.dictionary.save(out);
  out.u32(static_cast<uint32_t>(model_.directions.size()));
  for (const TaggerDirection& d : model_.directions) {
    out.u8(d.reverse ? 1 : 0);
    d.weights.save(out);
  }
  model_.lemmatizer.save(out);
  out.save(path);
}

std::unique_ptr<Tagger> Tagger::load(const std::string& path) {
  ModelReader in(path, {"tagger", kFormatVersion, fingerprint()});
  TaggerModel m;
  try {
    m.passes = static_cast<int>(in.u32());
    if (m.passes != 1 && m.passes != 2) throw InputError("bad number of passes");
    const auto pairs = in.array<uint8_t>();
    if (pairs.size() % 2 != 0 || pairs.empty()) throw InputError("bad tag pair table");
    for (size_t i = 0; i < pairs.size(); i += 2) {
      if (pairs[i] >= kUposCount || pairs[i + 1] >= kXposCount) {
        throw InputError("tag out of range");
      }
      m.classes.push_back({static_cast<Upos>(pairs[i]), static_cast<Xpos>(pairs[i + 1])});
    }
    const int num_classes = static_cast<int>(m.classes.size());
    m.dictionary = TagDictionary::load(in, num_classes);
    const uint32_t directions = in.u32();
    if (directions < 1 || directions > 2) throw InputError("bad number of directions");
    for (uint32_t d = 0; d < directions; ++d) {
      TaggerDirection direction;
      direction.reverse = in.u8() != 0;
      direction.weights = PerceptronModel::load(in);
      if (direction.weights.num_classes() != num_classes) {
        throw InputError("class count mismatch");
      }
      m.directions.push_back(std::move(direction));
    }
    m.lemmatizer = Lemmatizer::load(in);
    in.finish();
  } catch (const InputError& e) {
    const std::string what = e.what();
    // Messages of ModelReader already name the file.
    if (what.rfind(path, 0) == 0) throw;
    throw InputError(path + ": " + what +
                     "; retrain it with `kg train tagger` (models/README.md has the command)");
  }
  return std::make_unique<Tagger>(std::move(m));
}

void Tagger::tag(Sentence& sentence) const {
  const size_t n = sentence.tokens.size();
  if (n == 0) return;
  const size_t num_classes = model_.classes.size();
  std::vector<TaggerWord> words;
  TaggerFeatures::prepare(sentence, model_.dictionary, words);
  std::vector<float> scores;  // n x num_classes, summed over the directions
  std::vector<float> direction_scores;
  for (const TaggerDirection& d : model_.directions) {
    if (d.reverse) std::reverse(words.begin(), words.end());
    greedy_scores(d.weights, words, model_.passes, direction_scores);
    if (d.reverse) std::reverse(words.begin(), words.end());
    if (scores.empty()) scores.assign(n * num_classes, 0.0f);
    for (size_t i = 0; i < n; ++i) {
      const float* from = &direction_scores[(d.reverse ? n - 1 - i : i) * num_classes];
      float* to = &scores[i * num_classes];
      for (size_t c = 0; c < num_classes; ++c) to[c] += from[c];
    }
  }
  for (size_t i = 0; i < n; ++i) {
    const float* row = &scores[i * num_classes];
    const auto best = static_cast<size_t>(std::max_element(row, row + num_classes) - row);
    sentence.tokens[i].upos = model_.classes[best].upos;
    sentence.tokens[i].xpos = model_.classes[best].xpos;
  }
}

void Tagger::annotate(Sentence& sentence) const {
  tag(sentence);
  for (Token& t : sentence.tokens) t.lemma = model_.lemmatizer.lemma(t.form, t.upos, t.xpos);
}

}  // namespace kg::extract
