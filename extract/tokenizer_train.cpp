#include "extract/tokenizer_train.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "extract/error.h"
#include "extract/utf8.h"

namespace kg::extract {

namespace {

// SplitMix64: a small, fully specified generator, so a seed gives the same order everywhere
// (std::shuffle's algorithm differs between standard libraries).
class Random {
 public:
  explicit Random(uint64_t seed) : state_(seed) {}
  uint64_t next() {
    uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }
  template <typename T>
  void shuffle(std::vector<T>& v) {
    for (size_t i = v.size(); i > 1; --i) std::swap(v[i - 1], v[next() % i]);
  }

 private:
  uint64_t state_;
};

// How often a surface form must occur before the treebank's way of splitting it into words
// (or of not splitting it) is recorded in the multiword table.
constexpr size_t kMinMultiwordCount = 3;
// How many different words a clitic suffix must be split off before it becomes a rule.
constexpr size_t kMinSuffixForms = 3;

// A surface token of a gold sentence: the multiword token's form, or the word's.
struct SurfaceToken {
  Span span;
  std::string form;
  std::vector<std::string> words;  // more than one for a multiword token
};

template <typename F>
void for_each_surface_token(const Sentence& s, F&& f) {
  size_t m = 0;
  const int n = static_cast<int>(s.tokens.size());
  for (int i = 0; i < n;) {
    SurfaceToken t;
    if (m < s.multiword.size() && s.multiword[m].first == i + 1) {
      const MultiwordToken& mwt = s.multiword[m++];
      t.span = mwt.span;
      t.form = mwt.form;
      for (int k = mwt.first; k <= mwt.last; ++k) t.words.push_back(s.tokens[k - 1].form);
      i = mwt.last;
    } else {
      t.span = s.tokens[i].span;
      t.form = s.tokens[i].form;
      t.words.push_back(t.form);
      ++i;
    }
    f(t);
  }
}

bool has_alnum(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           (static_cast<unsigned char>(c) & 0x80);
  });
}

bool has_letter(std::string_view s) {
  return std::any_of(s.begin(), s.end(),
                     [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); });
}

// Abbreviations: tokens that end in a period and contain a letter ("dr.", "u.s.").
std::vector<std::string> abbreviations_of(const std::vector<const Sentence*>& sentences) {
  std::set<std::string> found;
  for (const Sentence* s : sentences) {
    for_each_surface_token(*s, [&](const SurfaceToken& t) {
      if (t.form.size() >= 2 && t.form.back() == '.' && has_letter(t.form)) {
        found.insert(normalise_form(t.form));
      }
    });
  }
  return {found.begin(), found.end()};
}

// --- Per-document training material ---

struct Paragraph {
  Span span;
  std::vector<Span> tokens;       // gold surface tokens
  std::vector<bool> sentence_end;  // after each token
};

struct TrainingDocument {
  const Document* document = nullptr;
  std::vector<Paragraph> paragraphs;
  int half = 0;  // which jackknife half it belongs to
};

std::vector<TrainingDocument> training_documents(const std::vector<TreebankDocument>& docs) {
  std::vector<TrainingDocument> out;
  out.reserve(docs.size());
  for (size_t d = 0; d < docs.size(); ++d) {
    TrainingDocument td;
    td.document = &docs[d].document;
    td.half = static_cast<int>(d % 2);
    size_t p = 0;
    for (const Sentence& s : docs[d].gold) {
      while (p < td.document->paragraphs.size() && !td.document->paragraphs[p].contains(s.span)) {
        ++p;
      }
      if (p == td.document->paragraphs.size()) {
        throw Error("treebank text: a sentence lies outside every paragraph (internal error)");
      }
      if (td.paragraphs.empty() || td.paragraphs.back().span != td.document->paragraphs[p]) {
        td.paragraphs.push_back(Paragraph{td.document->paragraphs[p], {}, {}});
      }
      Paragraph& para = td.paragraphs.back();
      for_each_surface_token(s, [&](const SurfaceToken& t) {
        para.tokens.push_back(t.span);
        para.sentence_end.push_back(false);
      });
      if (!para.sentence_end.empty()) para.sentence_end.back() = true;
    }
    out.push_back(std::move(td));
  }
  return out;
}

// The training decision: a tie is no decision (-1), so it counts as an error and the truth
// gets an update; otherwise a feature set first seen with all-zero weights would "win" for
// class 0 without ever being learnt, and the averaged model would tip it either way.
int training_guess(const float (&scores)[2]) {
  if (scores[1] > scores[0]) return 1;
  if (scores[0] > scores[1]) return 0;
  return -1;
}

struct Counts {
  size_t examples = 0;
  size_t errors = 0;
  double accuracy() const { return examples ? 100.0 * (examples - errors) / examples : 0.0; }
};

// One pass of the join classifier over a paragraph's touching atoms.
void train_joins(const std::string& text, const Paragraph& para, const LexiconIndex& lexicon,
                 PerceptronTrainer& trainer, Counts& counts, std::vector<Atom>& atoms,
                 std::vector<FeatureId>& features) {
  atoms.clear();
  atomize(text, para.span, atoms);
  // Gold token ends in this paragraph, in order.
  std::vector<uint32_t> ends;
  ends.reserve(para.tokens.size());
  for (const Span& t : para.tokens) ends.push_back(t.end);
  size_t e = 0;
  size_t chunk_start = 0;
  size_t chunk_end = 0;
  for (size_t i = 0; i + 1 < atoms.size(); ++i) {
    if (i == chunk_end) {
      chunk_start = i;
      chunk_end = i + 1;
      while (chunk_end < atoms.size() && atoms[chunk_end].gap == Gap::kNone) ++chunk_end;
    }
    if (i + 1 >= chunk_end || forced_split(atoms, i)) continue;
    while (e < ends.size() && ends[e] < atoms[i].end) ++e;
    const int truth = e < ends.size() && ends[e] == atoms[i].end ? 0 : 1;  // 0 split, 1 join
    features.clear();
    join_features(text, atoms, i, chunk_start, chunk_end, lexicon, features);
    float scores[2] = {0, 0};
    trainer.add_scores(features, scores);
    const int guess = training_guess(scores);
    trainer.update(features, truth, guess);
    trainer.tick();
    ++counts.examples;
    counts.errors += guess != truth;
  }
}

// Token views of the gold tokens of a paragraph, with the white space before each.
void gold_token_views(const std::string& text, const Paragraph& para, const LexiconIndex& lexicon,
                      std::vector<TokenView>& views) {
  views.clear();
  uint32_t prev_end = para.span.start;
  for (size_t k = 0; k < para.tokens.size(); ++k) {
    TokenView v;
    v.start = para.tokens[k].start;
    v.end = para.tokens[k].end;
    if (k == 0) {
      v.gap = Gap::kNewline;
    } else {
      const std::string_view between(text.data() + prev_end, v.start - prev_end);
      v.gap = between.empty() ? Gap::kNone
              : between.find('\n') != std::string_view::npos ? Gap::kNewline
                                                             : Gap::kSpace;
    }
    describe_token(text, lexicon, v);
    views.push_back(v);
    prev_end = v.end;
  }
}

void train_boundaries(const std::string& text, const Paragraph& para,
                      const LexiconIndex& lexicon, PerceptronTrainer& trainer, Counts& counts,
                      std::vector<TokenView>& views, std::vector<FeatureId>& features) {
  gold_token_views(text, para, lexicon, views);
  SentenceState state;
  for (size_t t = 0; t < views.size(); ++t) {
    const bool truth = para.sentence_end[t];
    if (t + 1 < views.size()) {
      features.clear();
      boundary_features(views, t, state, features);
      float scores[2] = {0, 0};
      trainer.add_scores(features, scores);
      const int guess = training_guess(scores);
      trainer.update(features, truth ? 1 : 0, guess);
      trainer.tick();
      ++counts.examples;
      counts.errors += guess != (truth ? 1 : 0);
    }
    advance_state(views[t], truth, state);
  }
}

std::string format_percent(double x) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", x);
  return buf;
}

}  // namespace

TokenizerLexicon learn_tokenizer_lexicon(const std::vector<TreebankSentence>& sentences) {
  TokenizerLexicon lexicon;
  std::vector<const Sentence*> all;
  all.reserve(sentences.size());
  for (const TreebankSentence& s : sentences) all.push_back(&s.sentence);
  lexicon.abbreviations = abbreviations_of(all);

  // Multiword tokens: how often each normalised surface form is split, and where.
  struct FormCounts {
    size_t total = 0;
    // Code point offsets of the word starts after the first, one byte each -> count.
    std::map<std::string, size_t> splits;
  };
  std::unordered_map<std::string, FormCounts> forms;
  std::map<std::string, size_t> suffix_seen;  // last word of two-word multiword tokens
  for (const Sentence* s : all) {
    for_each_surface_token(*s, [&](const SurfaceToken& t) {
      if (t.form.size() > 64) return;
      FormCounts& c = forms[normalise_form(t.form)];
      ++c.total;
      if (t.words.size() < 2) return;
      std::string offsets;
      size_t chars = 0;
      for (size_t w = 0; w + 1 < t.words.size(); ++w) {
        chars += utf8_length(t.words[w]);
        offsets += static_cast<char>(std::min<size_t>(chars, 255));
      }
      ++c.splits[offsets];
      if (t.words.size() == 2) ++suffix_seen[normalise_form(t.words[1])];
    });
  }
  // A clitic suffix is split off unknown tokens when most tokens that end with it (with a
  // letter or digit before it) are split there in the treebank.
  auto split_by_suffix = [](const std::string& form, const std::string& suffix) {
    return form.size() > suffix.size() &&
           form.compare(form.size() - suffix.size(), suffix.size(), suffix) == 0 &&
           has_alnum(std::string_view(form).substr(0, form.size() - suffix.size()));
  };
  for (const auto& [suffix, seen] : suffix_seen) {
    if (seen < 5) continue;
    size_t ending = 0;
    size_t split = 0;
    size_t split_forms = 0;
    for (const auto& [form, c] : forms) {
      if (!split_by_suffix(form, suffix)) continue;
      ending += c.total;
      const auto it = c.splits.find(
          std::string(1, static_cast<char>(utf8_length(form) - utf8_length(suffix))));
      if (it != c.splits.end()) {
        split += it->second;
        ++split_forms;
      }
    }
    // A rule must generalise over several words: "not" splits only "cannot", which the
    // table below keeps, and must not split "knot".
    if (split * 2 > ending && split_forms >= kMinSuffixForms) {
      lexicon.clitic_suffixes.push_back(suffix);
    }
  }
  // The dictionary holds the forms where the majority decision differs from the suffix rule.
  TokenizerLexicon rules_only;
  rules_only.clitic_suffixes = lexicon.clitic_suffixes;
  const LexiconIndex rules(rules_only);
  std::vector<std::string> sorted_forms;
  for (const auto& [form, c] : forms) sorted_forms.push_back(form);
  std::sort(sorted_forms.begin(), sorted_forms.end());
  for (const std::string& form : sorted_forms) {
    const FormCounts& c = forms[form];
    std::vector<uint8_t> majority;
    size_t best = 0;
    size_t split_total = 0;
    for (const auto& [offsets, n] : c.splits) {
      split_total += n;
      if (n > best) {
        best = n;
        majority.assign(offsets.begin(), offsets.end());
      }
    }
    // Split only on a clear majority: forms split about half the time ("lets" for "let's"
    // or the verb) are better left whole in edited text.
    if (split_total * 3 < c.total * 2) majority.clear();
    // A form seen once is as likely a typo ("plumbers" for "plumber's") as a convention; it
    // does not overrule the suffix rule or the default of no split.
    if (c.total >= kMinMultiwordCount && majority != rules.multiword_splits(form)) {
      lexicon.multiword.emplace_back(form, majority);
    }
  }
  return lexicon;
}

Evaluation evaluate_tokenizer(const Tokenizer& tokenizer,
                              const std::vector<TreebankDocument>& docs) {
  std::vector<Sentence> gold;
  std::vector<Sentence> system;
  for (const TreebankDocument& d : docs) {
    Document doc = d.document;
    tokenizer.annotate(doc);
    gold.insert(gold.end(), d.gold.begin(), d.gold.end());
    for (Sentence& s : doc.sentences) system.push_back(std::move(s));
  }
  return evaluate(gold, system);
}

std::unique_ptr<Tokenizer> train_tokenizer(const std::vector<TreebankSentence>& train,
                                           const std::vector<TreebankSentence>& dev,
                                           const TokenizerTrainOptions& options) {
  if (train.empty()) throw InputError("kg train tokenizer: no training sentences");
  auto say = [&](const std::string& line) {
    if (options.progress) options.progress(line);
  };
  const std::vector<TreebankDocument> train_docs = treebank_documents(train);
  const std::vector<TreebankDocument> dev_docs = treebank_documents(dev);
  std::vector<TrainingDocument> material = training_documents(train_docs);

  // The lexicon used for features during training is counted on the other half of the
  // documents (jackknifing), so the classifiers learn how far a list built from unseen text
  // can be trusted; the saved model gets the lexicon of all documents.
  TokenizerLexicon full = learn_tokenizer_lexicon(train);
  std::vector<TreebankSentence> halves[2];
  {
    size_t doc = 0;
    for (size_t i = 0; i < train.size(); ++i) {
      if (i > 0 && (train[i].document_start || train[i].document != train[i - 1].document)) ++doc;
      halves[doc % 2].push_back(train[i]);
    }
  }
  const LexiconIndex half_index[2] = {LexiconIndex(learn_tokenizer_lexicon(halves[1])),
                                      LexiconIndex(learn_tokenizer_lexicon(halves[0]))};
  say("tokenizer: " + std::to_string(train_docs.size()) + " training documents, " +
      std::to_string(full.abbreviations.size()) + " abbreviations, " +
      std::to_string(full.multiword.size()) + " multiword forms, " +
      std::to_string(full.clitic_suffixes.size()) + " clitic suffixes");

  PerceptronTrainer joins(2);
  PerceptronTrainer boundaries(2);
  Random random(options.seed);
  std::vector<size_t> order(material.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::unique_ptr<Tokenizer> best;
  double best_score = -1;
  std::vector<Atom> atoms;
  std::vector<TokenView> views;
  std::vector<FeatureId> features;
  for (int epoch = 1; epoch <= options.epochs; ++epoch) {
    random.shuffle(order);
    Counts join_counts;
    Counts boundary_counts;
    for (size_t k : order) {
      const TrainingDocument& td = material[k];
      const LexiconIndex& lexicon = half_index[td.half];
      for (const Paragraph& para : td.paragraphs) {
        train_joins(td.document->text, para, lexicon, joins, join_counts, atoms, features);
        train_boundaries(td.document->text, para, lexicon, boundaries, boundary_counts, views,
                         features);
      }
    }
    auto model = std::make_unique<Tokenizer>(joins.average(options.prune),
                                             boundaries.average(options.prune), full);
    std::string line = "tokenizer: epoch " + std::to_string(epoch) + ": train joins " +
                       format_percent(join_counts.accuracy()) + "%, boundaries " +
                       format_percent(boundary_counts.accuracy()) + "%";
    double score = epoch;  // without dev, the last epoch wins
    if (!dev_docs.empty()) {
      const Evaluation e = evaluate_tokenizer(*model, dev_docs);
      score = e.tokens.f1() + e.words.f1() + e.sentences.f1();
      line += "; dev tokens " + format_percent(100 * e.tokens.f1()) + ", words " +
              format_percent(100 * e.words.f1()) + ", sentences " +
              format_percent(100 * e.sentences.f1());
    }
    if (score > best_score) {
      best_score = score;
      best = std::move(model);
      line += " (best so far)";
    }
    say(line);
  }
  return best;
}

}  // namespace kg::extract
