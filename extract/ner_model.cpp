#include "extract/ner_model.h"

#include <algorithm>

#include "extract/error.h"
#include "extract/model_file.h"
#include "extract/word_shape.h"

namespace kg::extract::ner {

std::string class_name(int cls) {
  if (cls == kOutside) return "O";
  static const char kPositions[] = {'B', 'I', 'L', 'U'};
  std::string name(1, kPositions[static_cast<int>(position_of(cls))]);
  name += '-';
  name += to_string(type_of(cls));
  return name;
}

bool allowed(int prev, int next) {
  const bool prev_open = prev != kOutside && (position_of(prev) == Position::kBegin ||
                                              position_of(prev) == Position::kInside);
  const bool next_continues = next != kOutside && (position_of(next) == Position::kInside ||
                                                   position_of(next) == Position::kLast);
  if (prev_open) return next_continues && type_of(next) == type_of(prev);
  return !next_continues;
}

std::vector<int> encode(const Sentence& sentence) {
  std::vector<int> classes(sentence.tokens.size(), kOutside);
  for (const NamedEntity& e : sentence.entities) {
    if (e.type == EntityType::kOther || e.first >= e.last) continue;
    if (e.last - e.first == 1) {
      classes[e.first] = class_of(e.type, Position::kUnit);
      continue;
    }
    classes[e.first] = class_of(e.type, Position::kBegin);
    for (int i = e.first + 1; i < e.last - 1; ++i) classes[i] = class_of(e.type, Position::kInside);
    classes[e.last - 1] = class_of(e.type, Position::kLast);
  }
  return classes;
}

std::vector<NamedEntity> decode(const std::vector<int>& classes) {
  std::vector<NamedEntity> out;
  int start = -1;
  for (int i = 0; i < static_cast<int>(classes.size()); ++i) {
    const int c = classes[i];
    if (c == kOutside) {
      start = -1;
      continue;
    }
    switch (position_of(c)) {
      case Position::kUnit: out.push_back({i, i + 1, type_of(c)}); start = -1; break;
      case Position::kBegin: start = i; break;
      case Position::kInside: break;
      case Position::kLast:
        if (start >= 0) out.push_back({start, i + 1, type_of(c)});
        start = -1;
        break;
    }
  }
  return out;
}

// --- WordLexicon ---

namespace {
uint64_t word_key(std::string_view folded) { return Fingerprint().add(folded).value(); }
}  // namespace

WordLexicon::WordLexicon(std::vector<std::pair<std::string, WordInfo>> entries) {
  std::vector<std::pair<uint64_t, WordInfo>> keyed;
  keyed.reserve(entries.size());
  for (const auto& [word, info] : entries) keyed.emplace_back(word_key(word), info);
  std::stable_sort(keyed.begin(), keyed.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  for (const auto& [key, info] : keyed) {
    if (!keys_.empty() && keys_.back() == key) continue;
    keys_.push_back(key);
    paths_.push_back(info.path);
    lengths_.push_back(info.path_length);
    capitals_.push_back(info.capital);
  }
}

WordInfo WordLexicon::find(std::string_view folded) const {
  const uint64_t key = word_key(folded);
  auto it = std::lower_bound(keys_.begin(), keys_.end(), key);
  if (it == keys_.end() || *it != key) return {};
  const size_t i = static_cast<size_t>(it - keys_.begin());
  return {paths_[i], lengths_[i], capitals_[i]};
}

void WordLexicon::save(ModelWriter& out) const {
  out.array(keys_);
  out.array(paths_);
  out.array(lengths_);
  out.array(capitals_);
}

WordLexicon WordLexicon::load(ModelReader& in) {
  WordLexicon w;
  w.keys_ = in.array<uint64_t>();
  w.paths_ = in.array<uint32_t>();
  w.lengths_ = in.array<uint8_t>();
  w.capitals_ = in.array<uint8_t>();
  const size_t n = w.keys_.size();
  if (w.paths_.size() != n || w.lengths_.size() != n || w.capitals_.size() != n ||
      !std::is_sorted(w.keys_.begin(), w.keys_.end())) {
    throw InputError("NER word lexicon is inconsistent (damaged model file)");
  }
  return w;
}

// --- Gazetteer ---

uint64_t Gazetteer::sequence_key(const std::string* folded_words, size_t count) {
  Fingerprint f;
  for (size_t i = 0; i < count; ++i) f.add(folded_words[i]);
  return f.value();
}

void Gazetteer::add(const std::vector<std::string>& folded_words, EntityType type,
                    uint32_t document) {
  if (folded_words.empty() || type == EntityType::kOther) return;
  pending_.push_back({sequence_key(folded_words.data(), folded_words.size()), name_bit(type),
                      document});
  if (folded_words.size() > 1) {
    for (const std::string& w : folded_words) {
      pending_.push_back({sequence_key(&w, 1), part_bit(type), document});
    }
  }
  max_length_ = std::max(max_length_, static_cast<int>(folded_words.size()));
}

void Gazetteer::finish() {
  std::sort(pending_.begin(), pending_.end(), [](const Pending& a, const Pending& b) {
    return std::tie(a.key, a.bit, a.document) < std::tie(b.key, b.bit, b.document);
  });
  keys_.clear();
  bits_.clear();
  sole_document_.clear();
  for (const Pending& p : pending_) {
    if (keys_.empty() || keys_.back() != p.key) {
      keys_.push_back(p.key);
      bits_.push_back(0);
      std::array<uint32_t, 16> none;
      none.fill(kNoDocument);
      sole_document_.push_back(none);
    }
    int slot = 0;
    while (!(p.bit >> slot & 1)) ++slot;
    uint32_t& sole = sole_document_.back()[slot];
    if (!(bits_.back() & p.bit)) {
      bits_.back() |= p.bit;
      sole = p.document;
    } else if (sole != p.document) {
      sole = kNoDocument;  // two documents support it
    }
  }
  pending_.clear();
  pending_.shrink_to_fit();
}

uint16_t Gazetteer::find(uint64_t key, uint32_t exclude_document) const {
  auto it = std::lower_bound(keys_.begin(), keys_.end(), key);
  if (it == keys_.end() || *it != key) return 0;
  const size_t i = static_cast<size_t>(it - keys_.begin());
  uint16_t bits = bits_[i];
  if (exclude_document != kNoDocument && i < sole_document_.size()) {
    for (int slot = 0; slot < 16; ++slot) {
      if ((bits >> slot & 1) && sole_document_[i][slot] == exclude_document) {
        bits = static_cast<uint16_t>(bits & ~(1u << slot));
      }
    }
  }
  return bits;
}

void Gazetteer::save(ModelWriter& out) const {
  out.u32(static_cast<uint32_t>(max_length_));
  out.array(keys_);
  out.array(bits_);
}

Gazetteer Gazetteer::load(ModelReader& in) {
  Gazetteer g;
  g.max_length_ = static_cast<int>(in.u32());
  g.keys_ = in.array<uint64_t>();
  g.bits_ = in.array<uint16_t>();
  if (g.bits_.size() != g.keys_.size() || g.max_length_ > 64 ||
      !std::is_sorted(g.keys_.begin(), g.keys_.end())) {
    throw InputError("NER gazetteer is inconsistent (damaged model file)");
  }
  return g;
}

bool NerResources::is_title(std::string_view folded) const {
  return std::binary_search(titles.begin(), titles.end(), folded);
}

// --- features ---

namespace {

// Feature template ids (kFeatureVersion names this list).
enum Template : uint32_t {
  kBias = 1, kForm, kFolded, kShape, kPrefix, kSuffix, kPrevWord, kNextWord, kPrev2Word,
  kNext2Word, kPrevBigram, kNextBigram, kPrevShape, kNextShape, kShapeTrigram, kUpos, kXpos,
  kPrevUpos, kNextUpos, kPrev2Upos, kNext2Upos, kXposPrevBigram, kXposNextBigram, kUposShape,
  kCluster, kPrevCluster, kNextCluster, kCapital, kCapitalShape, kPrevCapital, kNextCapital,
  kCaseModeShape, kCaseModeCapital, kGazetteer, kGazetteerPart, kPrevGazetteerPart,
  kNextGazetteerPart, kTitle, kPrevTitle, kFirstShape, kPrevWordShape, kNextWordShape,
  kHistory1, kHistory2, kHistoryWord, kHistoryShape, kHistoryUpos, kHistoryCluster,
  kRelation, kPhraseRelation, kGovernor, kCaseMarker, kCaseGovernor, kSilver, kSilverPart,
  kPrevSilverPart, kNextSilverPart, kDocumentAround, kDocumentCapital, kDocumentHistory,
};

constexpr std::string_view kStart = "<s>";
constexpr std::string_view kEnd = "</s>";
constexpr uint64_t kNoTag = 255;

// Marks the matches of every word sequence up to the longest name of `g`.
void match_gazetteer(const Gazetteer& g, const std::vector<std::string>& folded,
                     uint32_t exclude_document, NerScratch& scratch,
                     uint32_t NerScratch::TokenInfo::*positions,
                     uint16_t NerScratch::TokenInfo::*parts) {
  const int n = static_cast<int>(folded.size());
  for (int i = 0; i < n; ++i) {
    scratch.tokens[i].*positions = 0;
    scratch.tokens[i].*parts = 0;
  }
  for (int i = 0; i < n; ++i) {
    const int longest = std::min(g.max_length(), n - i);
    for (int len = 1; len <= longest; ++len) {
      const uint16_t bits = g.find(Gazetteer::sequence_key(&folded[i], len), exclude_document);
      if (len == 1) scratch.tokens[i].*parts = static_cast<uint16_t>(bits >> 8);
      for (int t = 0; t < kNumTypes; ++t) {
        if (!(bits >> t & 1)) continue;
        if (len == 1) {
          scratch.tokens[i].*positions |= 1u << (4 * t + 3);
          continue;
        }
        scratch.tokens[i].*positions |= 1u << (4 * t + 0);
        for (int k = i + 1; k < i + len - 1; ++k) scratch.tokens[k].*positions |= 1u << (4 * t + 1);
        scratch.tokens[i + len - 1].*positions |= 1u << (4 * t + 2);
      }
    }
  }
}

}  // namespace

uint64_t string_key(std::string_view text) { return FeatureHasher::id(0, text); }

uint64_t cluster_prefix(const WordInfo& w, int bits) {
  if (w.path_length == 0) return 0;
  const int n = std::min<int>(bits, w.path_length);
  return (uint64_t{w.path >> (32 - n)} << 8) | static_cast<uint64_t>(n);
}

void DocumentContext::build(const std::vector<const Sentence*>& sentences) {
  words_.clear();
  for (const Sentence* s : sentences) {
    const int n = static_cast<int>(s->tokens.size());
    std::vector<std::string> folded(n);
    for (int i = 0; i < n; ++i) folded[i] = fold_case(s->tokens[i].form);
    for (int i = 0; i < n; ++i) {
      if (!has_letter(folded[i])) continue;
      Word& w = words_[folded[i]];
      ++w.occurrences;
      if (i > 0 && is_capitalized(s->tokens[i].form)) ++w.capitalised;
      for (int k : {i - 1, i + 1}) {
        if (k < 0 || k >= n || w.around.size() >= 16) continue;
        const uint64_t x = string_key(folded[k]);
        if (std::find(w.around.begin(), w.around.end(), x) == w.around.end()) w.around.push_back(x);
      }
    }
  }
}

void DocumentContext::record(const Sentence& sentence, const std::vector<NamedEntity>& entities) {
  for (const NamedEntity& e : entities) {
    if (e.type == EntityType::kOther) continue;
    for (int i = e.first; i < e.last; ++i) {
      auto it = words_.find(fold_case(sentence.tokens[i].form));
      if (it == words_.end()) continue;
      uint16_t& c = it->second.predicted[static_cast<size_t>(e.type)];
      if (c < 0xffff) ++c;
    }
  }
}

const DocumentContext::Word* DocumentContext::find(const std::string& folded) const {
  auto it = words_.find(folded);
  return it == words_.end() ? nullptr : &it->second;
}

void prepare(const Sentence& sentence, const NerResources& resources,
             const DocumentContext& document, NerScratch& scratch, uint32_t exclude_document) {
  scratch.document = &document;
  const int n = static_cast<int>(sentence.tokens.size());
  scratch.tokens.resize(n);
  scratch.tagged = false;
  int lower = 0, capital = 0, alpha = 0;
  for (int i = 0; i < n; ++i) {
    const Token& t = sentence.tokens[i];
    NerScratch::TokenInfo& info = scratch.tokens[i];
    info.folded = fold_case(t.form);
    info.shape = word_shape(t.form);
    info.word = resources.words.find(info.folded);
    info.title = resources.is_title(info.folded);
    info.hide_word = false;
    info.form_key = string_key(t.form);
    info.folded_key = string_key(info.folded);
    info.shape_key = string_key(info.shape);
    scratch.tagged = scratch.tagged || t.xpos != Xpos::kNone || t.upos != Upos::kX;
    const LetterCase c = first_case(t.form);
    if (c == LetterCase::kLower) ++lower, ++alpha;
    if (c == LetterCase::kUpper) {
      ++alpha;
      if (i > 0) ++capital;
    }
  }
  // Syntax features need a tree from the parser (or the treebank).
  scratch.parsed = n > 0;
  for (int i = 0; i < n; ++i) {
    const int h = sentence.tokens[i].head;
    if (h < 0 || h > n) scratch.parsed = false;
  }
  if (scratch.parsed) {
    std::vector<int> case_child(n, -1);  // first case dependent of each word
    for (int k = n - 1; k >= 0; --k) {
      const int h = sentence.tokens[k].head;
      if (h > 0 && sentence.tokens[k].deprel == Deprel::kCase) case_child[h - 1] = k;
    }
    for (int i = 0; i < n; ++i) {
      int p = i;
      for (int steps = 0; steps < n; ++steps) {
        const Deprel d = sentence.tokens[p].deprel;
        const int h = sentence.tokens[p].head;
        if (h == 0 || !(d == Deprel::kFlat || d == Deprel::kCompound || d == Deprel::kFixed ||
                        d == Deprel::kFlatForeign || d == Deprel::kGoeswith)) {
          break;
        }
        p = h - 1;
      }
      NerScratch::TokenInfo& info = scratch.tokens[i];
      info.phrase_relation = sentence.tokens[p].deprel;
      const int g = sentence.tokens[p].head - 1;
      if (g < 0) {
        info.governor = "<root>";
      } else {
        const Token& gov = sentence.tokens[g];
        info.governor = fold_case(gov.lemma.empty() ? gov.form : gov.lemma);
      }
      info.case_marker = case_child[p] >= 0 ? fold_case(sentence.tokens[case_child[p]].form)
                                            : std::string();
      info.governor_key = string_key(info.governor);
      info.case_key = string_key(info.case_marker);
    }
  }
  scratch.case_mode = 0;
  if (capital == 0 && lower >= 3) scratch.case_mode = 1;
  if (alpha >= 4 && capital * 10 >= alpha * 7) scratch.case_mode = 2;
  std::vector<std::string> folded(n);
  for (int i = 0; i < n; ++i) folded[i] = scratch.tokens[i].folded;
  match_gazetteer(resources.gazetteer, folded, exclude_document, scratch,
                  &NerScratch::TokenInfo::gazetteer_positions,
                  &NerScratch::TokenInfo::gazetteer_parts);
  match_gazetteer(resources.silver, folded, Gazetteer::kNoDocument, scratch,
                  &NerScratch::TokenInfo::silver_positions, &NerScratch::TokenInfo::silver_parts);
}

void static_features(const Sentence& sentence, int i, NerScratch& scratch) {
  const int n = static_cast<int>(sentence.tokens.size());
  const auto& tok = scratch.tokens;
  std::vector<FeatureId>& f = scratch.features;
  const NerScratch::TokenInfo& w = tok[i];
  static const uint64_t kStartKey = string_key(kStart), kEndKey = string_key(kEnd),
                        kUnknownKey = string_key("<unk>");
  auto folded_at = [&](int k) {
    return k < 0 ? kStartKey : k >= n ? kEndKey : tok[k].folded_key;
  };
  auto shape_at = [&](int k) { return k < 0 ? kStartKey : k >= n ? kEndKey : tok[k].shape_key; };
  auto upos_at = [&](int k) -> uint64_t {
    return k < 0 || k >= n ? kNoTag : static_cast<uint64_t>(sentence.tokens[k].upos);
  };
  auto xpos_at = [&](int k) -> uint64_t {
    return k < 0 || k >= n ? kNoTag : static_cast<uint64_t>(sentence.tokens[k].xpos);
  };
  using H = FeatureHasher;

  f.push_back(H::id(kBias, uint64_t{0}));
  f.push_back(H::id(kShape, w.shape_key));
  const uint64_t word = w.hide_word ? kUnknownKey : w.folded_key;
  if (!w.hide_word) {
    f.push_back(H::id(kForm, w.form_key));
    f.push_back(H::id(kFolded, w.folded_key));
    const std::string_view folded = w.folded;
    for (size_t k = 1; k <= 4 && k < folded.size(); ++k) {
      f.push_back(H::id(kPrefix, folded.substr(0, k)));
      f.push_back(H::id(kSuffix, folded.substr(folded.size() - k)));
    }
  }
  f.push_back(H::id(kPrevWord, folded_at(i - 1)));
  f.push_back(H::id(kNextWord, folded_at(i + 1)));
  f.push_back(H::id(kPrev2Word, folded_at(i - 2)));
  f.push_back(H::id(kNext2Word, folded_at(i + 2)));
  f.push_back(H::id(kPrevBigram, folded_at(i - 1), word));
  f.push_back(H::id(kNextBigram, word, folded_at(i + 1)));
  f.push_back(H::id(kPrevShape, shape_at(i - 1)));
  f.push_back(H::id(kNextShape, shape_at(i + 1)));
  f.push_back(H::id(kShapeTrigram, shape_at(i - 1), w.shape_key, shape_at(i + 1)));
  f.push_back(H::id(kPrevWordShape, folded_at(i - 1), w.shape_key));
  f.push_back(H::id(kNextWordShape, w.shape_key, folded_at(i + 1)));
  if (scratch.tagged) {
    f.push_back(H::id(kUpos, upos_at(i)));
    f.push_back(H::id(kXpos, xpos_at(i)));
    f.push_back(H::id(kPrevUpos, upos_at(i - 1)));
    f.push_back(H::id(kNextUpos, upos_at(i + 1)));
    f.push_back(H::id(kPrev2Upos, upos_at(i - 2)));
    f.push_back(H::id(kNext2Upos, upos_at(i + 2)));
    f.push_back(H::id(kXposPrevBigram, xpos_at(i - 1), xpos_at(i)));
    f.push_back(H::id(kXposNextBigram, xpos_at(i), xpos_at(i + 1)));
    f.push_back(H::id(kUposShape, upos_at(i), w.shape_key));
  }
  if (scratch.parsed) {
    const auto rel = static_cast<uint64_t>(sentence.tokens[i].deprel);
    const auto phrase = static_cast<uint64_t>(w.phrase_relation);
    f.push_back(H::id(kRelation, rel));
    f.push_back(H::id(kPhraseRelation, phrase));
    f.push_back(H::id(kGovernor, phrase, w.governor_key));
    f.push_back(H::id(kCaseMarker, w.case_key));
    f.push_back(H::id(kCaseGovernor, w.case_key, w.governor_key));
  }
  if (w.word.path_length > 0) {
    for (int bits : {4, 6, 10, 20}) f.push_back(H::id(kCluster, cluster_prefix(w.word, bits)));
  }
  if (i > 0 && tok[i - 1].word.path_length > 0) {
    for (int bits : {4, 10}) {
      f.push_back(H::id(kPrevCluster, cluster_prefix(tok[i - 1].word, bits)));
    }
  }
  if (i + 1 < n && tok[i + 1].word.path_length > 0) {
    for (int bits : {4, 10}) {
      f.push_back(H::id(kNextCluster, cluster_prefix(tok[i + 1].word, bits)));
    }
  }
  f.push_back(H::id(kCapital, w.word.capital));
  f.push_back(H::id(kCapitalShape, w.word.capital, w.shape_key));
  f.push_back(H::id(kPrevCapital, i > 0 ? tok[i - 1].word.capital : 9));
  f.push_back(H::id(kNextCapital, i + 1 < n ? tok[i + 1].word.capital : 9));
  f.push_back(H::id(kCaseModeShape, static_cast<uint64_t>(scratch.case_mode), w.shape_key));
  f.push_back(H::id(kCaseModeCapital, static_cast<uint64_t>(scratch.case_mode), w.word.capital));
  for (int b = 0; b < 4 * kNumTypes; ++b) {
    if (w.gazetteer_positions >> b & 1) f.push_back(H::id(kGazetteer, b));
    if (w.silver_positions >> b & 1) f.push_back(H::id(kSilver, b));
  }
  for (int t = 0; t < kNumTypes; ++t) {
    if (w.gazetteer_parts >> t & 1) f.push_back(H::id(kGazetteerPart, t));
    if (i > 0 && (tok[i - 1].gazetteer_parts >> t & 1)) f.push_back(H::id(kPrevGazetteerPart, t));
    if (i + 1 < n && (tok[i + 1].gazetteer_parts >> t & 1)) {
      f.push_back(H::id(kNextGazetteerPart, t));
    }
    if (w.silver_parts >> t & 1) f.push_back(H::id(kSilverPart, t));
    if (i > 0 && (tok[i - 1].silver_parts >> t & 1)) f.push_back(H::id(kPrevSilverPart, t));
    if (i + 1 < n && (tok[i + 1].silver_parts >> t & 1)) f.push_back(H::id(kNextSilverPart, t));
  }
  if (const DocumentContext::Word* d = scratch.document ? scratch.document->find(w.folded)
                                                        : nullptr) {
    if (d->occurrences > 1) {
      for (uint64_t x : d->around) f.push_back(H::id(kDocumentAround, x));
    }
    const int share = d->capitalised * 4 / std::max(1, d->occurrences);
    f.push_back(H::id(kDocumentCapital, w.shape_key, static_cast<uint64_t>(share)));
    int best = -1, total = 0;
    for (int t = 0; t < kNumTypes; ++t) {
      total += d->predicted[t];
      if (d->predicted[t] > 0 && (best < 0 || d->predicted[t] > d->predicted[best])) best = t;
    }
    if (best >= 0) {
      f.push_back(H::id(kDocumentHistory, static_cast<uint64_t>(best),
                        d->predicted[best] * 2 >= total ? 1 : 0));
    }
  }
  if (w.title) f.push_back(H::id(kTitle, uint64_t{1}));
  if (i > 0 && tok[i - 1].title) f.push_back(H::id(kPrevTitle, uint64_t{1}));
  if (i == 0) f.push_back(H::id(kFirstShape, w.shape_key));
}

void history_features(const NerScratch& scratch, int i, int prev1, int prev2,
                      std::vector<FeatureId>& out) {
  const NerScratch::TokenInfo& w = scratch.tokens[i];
  const auto p1 = static_cast<uint64_t>(prev1);
  out.push_back(FeatureHasher::id(kHistory1, p1));
  out.push_back(FeatureHasher::id(kHistory2, p1, static_cast<uint64_t>(prev2)));
  if (!w.hide_word) out.push_back(FeatureHasher::id(kHistoryWord, p1, w.folded_key));
  out.push_back(FeatureHasher::id(kHistoryShape, p1, w.shape_key));
  out.push_back(FeatureHasher::id(kHistoryCluster, p1, cluster_prefix(w.word, 6)));
}

}  // namespace kg::extract::ner
