#include "extract/tokenizer.h"

#include "extract/cleaner.h"
#include "extract/error.h"
#include "extract/model_file.h"
#include "extract/utf8.h"

namespace kg::extract {

namespace {

constexpr uint32_t kModelVersion = 2;

// Scratch of one annotate() call; local, so the tokenizer stays const and thread-safe.
struct Scratch {
  std::vector<Atom> atoms;
  std::vector<TokenView> tokens;
  std::vector<FeatureId> features;
};

void write_strings(ModelWriter& out, const std::vector<std::string>& list) {
  out.u32(static_cast<uint32_t>(list.size()));
  for (const std::string& s : list) out.str(s);
}

std::vector<std::string> read_strings(ModelReader& in) {
  const uint32_t n = in.u32();
  std::vector<std::string> list;
  list.reserve(std::min<uint32_t>(n, 1u << 20));
  for (uint32_t i = 0; i < n; ++i) list.push_back(in.str());
  return list;
}

// Appends the syntactic words of one surface token to `sentence`.
void add_token(std::string_view text, const TokenView& token, bool space_after,
               const LexiconIndex& index, Sentence& sentence) {
  const std::string_view form = text.substr(token.start, token.end - token.start);
  const Span span{token.start, token.end};
  const std::vector<uint8_t> splits = index.multiword_splits(form);
  if (splits.empty()) {
    Token t;
    t.span = span;
    t.form = std::string(form);
    t.space_after = space_after;
    sentence.tokens.push_back(std::move(t));
    return;
  }
  MultiwordToken mwt;
  mwt.first = static_cast<int>(sentence.tokens.size()) + 1;
  mwt.form = std::string(form);
  mwt.span = span;
  mwt.space_after = space_after;
  // Split at code point offsets.
  size_t byte = 0;
  size_t chars = 0;
  size_t piece_start = 0;
  char32_t cp = 0;
  for (size_t k = 0; k <= splits.size(); ++k) {
    const size_t target = k < splits.size() ? splits[k] : SIZE_MAX;
    while (byte < form.size() && chars < target) {
      byte += decode_utf8_lenient(form, byte, cp);
      ++chars;
    }
    if (byte == piece_start) continue;  // an empty piece (bad split table): skip
    Token t;
    t.span = span;
    t.form = std::string(form.substr(piece_start, byte - piece_start));
    t.space_after = false;
    sentence.tokens.push_back(std::move(t));
    piece_start = byte;
  }
  mwt.last = static_cast<int>(sentence.tokens.size());
  sentence.tokens.back().space_after = space_after;
  if (mwt.last > mwt.first) {
    sentence.multiword.push_back(std::move(mwt));
  }
}

}  // namespace

ModelHeader tokenizer_model_header() {
  Fingerprint f;
  f.add("tokenizer").add(uint64_t{kFeatureTemplateVersion});
  f.add("join:split,join").add("boundary:none,end");
  for (std::string_view a : builtin_abbreviations()) f.add(a);
  return ModelHeader{"tokenizer", kModelVersion, f.value()};
}

Tokenizer::Tokenizer(PerceptronModel join, PerceptronModel boundary, TokenizerLexicon lexicon,
                     const TokenizerOptions& options)
    : join_(std::move(join)),
      boundary_(std::move(boundary)),
      lexicon_(std::move(lexicon)),
      index_(lexicon_),
      options_(options) {}

std::unique_ptr<Tokenizer> Tokenizer::load(const std::string& path,
                                           const TokenizerOptions& options) {
  ModelReader in(path, tokenizer_model_header());
  PerceptronModel join = PerceptronModel::load(in);
  PerceptronModel boundary = PerceptronModel::load(in);
  TokenizerLexicon lexicon;
  lexicon.abbreviations = read_strings(in);
  const uint32_t n = in.u32();
  for (uint32_t i = 0; i < n; ++i) {
    std::string form = in.str();
    const uint8_t count = in.u8();
    std::vector<uint8_t> splits(count);
    for (uint8_t& s : splits) s = in.u8();
    lexicon.multiword.emplace_back(std::move(form), std::move(splits));
  }
  lexicon.clitic_suffixes = read_strings(in);
  in.finish();
  if (join.num_classes() != 2 || boundary.num_classes() != 2) {
    throw InputError(path + ": the tokenizer's classifiers do not have two classes (damaged "
                            "model file; retrain it, see models/README.md)");
  }
  return std::make_unique<Tokenizer>(std::move(join), std::move(boundary), std::move(lexicon),
                                     options);
}

void Tokenizer::save(const std::string& path) const {
  ModelWriter out(tokenizer_model_header());
  join_.save(out);
  boundary_.save(out);
  write_strings(out, lexicon_.abbreviations);
  out.u32(static_cast<uint32_t>(lexicon_.multiword.size()));
  for (const auto& [form, splits] : lexicon_.multiword) {
    out.str(form);
    out.u8(static_cast<uint8_t>(splits.size()));
    for (uint8_t s : splits) out.u8(s);
  }
  write_strings(out, lexicon_.clitic_suffixes);
  out.save(path);
}

void Tokenizer::annotate(Document& doc) const {
  doc.sentences.clear();
  if (doc.paragraphs.empty() && !doc.cleaned) {
    CleanOptions keep_all;
    keep_all.drop_boilerplate = false;
    keep_all.drop_duplicates = false;
    keep_all.title_from_first_line = false;
    Cleaner(keep_all).clean(doc);
  }
  for (const Span& p : doc.paragraphs) segment(doc.text, p, doc.sentences);
}

void Tokenizer::segment(std::string_view text, Span paragraph, std::vector<Sentence>& out) const {
  Scratch s;
  atomize(text, paragraph, s.atoms);
  const std::vector<Atom>& atoms = s.atoms;
  if (atoms.empty()) return;

  // 1. Tokens: touching atoms are joined or split by the join classifier.
  size_t chunk_start = 0;
  size_t chunk_end = 0;
  TokenView current;
  current.start = atoms[0].start;
  current.gap = atoms[0].gap;
  for (size_t i = 0; i < atoms.size(); ++i) {
    if (i == chunk_end) {  // a new white-space-delimited chunk starts at atom i
      chunk_start = i;
      chunk_end = i + 1;
      while (chunk_end < atoms.size() && atoms[chunk_end].gap == Gap::kNone) ++chunk_end;
    }
    bool join = false;
    if (i + 1 < chunk_end && !forced_split(atoms, i)) {
      s.features.clear();
      join_features(text, atoms, i, chunk_start, chunk_end, index_, s.features);
      float scores[2] = {0, 0};
      join_.add_scores(s.features, scores);
      join = scores[1] > scores[0];
    }
    if (!join) {
      current.end = atoms[i].end;
      describe_token(text, index_, current);
      s.tokens.push_back(current);
      if (i + 1 < atoms.size()) {
        current = TokenView();
        current.start = atoms[i + 1].start;
        current.gap = atoms[i + 1].gap;
      }
    }
  }

  // 2. Sentences: a boundary after a token where the classifier says so, at the paragraph
  // end, and after max_sentence_tokens tokens.
  const std::vector<TokenView>& tokens = s.tokens;
  SentenceState state;
  size_t first = 0;
  bool paragraph_start = true;
  for (size_t t = 0; t < tokens.size(); ++t) {
    bool boundary = t + 1 == tokens.size() ||
                    state.length + 1 >= options_.max_sentence_tokens;
    if (!boundary) {
      s.features.clear();
      boundary_features(tokens, t, state, s.features);
      float scores[2] = {0, 0};
      boundary_.add_scores(s.features, scores);
      boundary = scores[1] > scores[0];
    }
    advance_state(tokens[t], boundary, state);
    if (!boundary) continue;
    Sentence sentence;
    sentence.paragraph_start = paragraph_start;
    paragraph_start = false;
    sentence.span = {tokens[first].start, tokens[t].end};
    sentence.tokens.reserve(t + 1 - first);
    for (size_t k = first; k <= t; ++k) {
      const bool space_after = k + 1 == tokens.size() || tokens[k + 1].gap != Gap::kNone;
      add_token(text, tokens[k], space_after, index_, sentence);
    }
    out.push_back(std::move(sentence));
    first = t + 1;
  }
}

}  // namespace kg::extract
