#include "extract/parser_features.h"

#include <algorithm>
#include <cassert>

namespace kg::extract {

namespace {

constexpr uint8_t kRootTag = 254;
constexpr uint8_t kNoneTag = 255;
constexpr uint64_t kRootWord = 1;
constexpr uint64_t kNoneWord = 2;

// Distance buckets: 1..5 exact, then 6-7, 8-10, 11+; 0 where a position is empty or the root.
uint64_t distance(int from, int to, int none) {
  if (from <= 0 || from == none || to == none) return 0;
  const int d = to - from;
  if (d <= 5) return static_cast<uint64_t>(d);
  if (d <= 7) return 6;
  if (d <= 10) return 7;
  return 8;
}

uint64_t capped(int count) { return static_cast<uint64_t>(std::min(count, 7)); }

// A coarse class of the surface form: where the tagger errs (NNP or NN, CD or NN), the parser
// still sees capitalisation and digits.
uint8_t shape_of(std::string_view form) {
  bool upper = false, lower = false, digit = false, other = false;
  for (unsigned char c : form) {
    if (c >= 'A' && c <= 'Z') upper = true;
    else if (c >= 'a' && c <= 'z') lower = true;
    else if (c >= '0' && c <= '9') digit = true;
    else if (c < 0x80) other = true;
    else lower = true;  // letters of other scripts
  }
  const bool title = !form.empty() && form[0] >= 'A' && form[0] <= 'Z';
  if (digit) return (upper || lower) ? 1 : 2;
  if (upper && !lower) return 3;
  if (title) return 4;
  if (upper) return 5;
  if (lower) return other ? 6 : 7;
  return 8;  // punctuation and symbols only
}

// The form the word features read: ASCII letters lower-cased, digits as '0'.
std::string normalise_form(std::string_view form) {
  std::string out(form);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    else if (c >= '0' && c <= '9') c = '0';
  }
  return out;
}

}  // namespace

std::vector<NodeAttributes> node_attributes(const Sentence& sentence) {
  const size_t n = sentence.tokens.size();
  std::vector<NodeAttributes> nodes(n + 2);
  nodes[0] = {kRootWord, kRootWord, kRootTag, kRootTag, kRootTag};
  for (size_t i = 0; i < n; ++i) {
    const Token& t = sentence.tokens[i];
    const std::string form = normalise_form(t.form);
    NodeAttributes& a = nodes[i + 1];
    a.word = FeatureHasher::id(0, form);
    const size_t cut = form.size() - std::min<size_t>(form.size(), 3);
    a.suffix = FeatureHasher::id(0, std::string_view(form).substr(cut));
    a.xpos = static_cast<uint8_t>(t.xpos);
    a.upos = static_cast<uint8_t>(t.upos);
    a.shape = shape_of(t.form);
  }
  nodes[n + 1] = {kNoneWord, kNoneWord, kNoneTag, kNoneTag, kNoneTag};
  return nodes;
}

int parser_features(const ParseState& st, const NodeAttributes* nodes, FeatureId* out) {
  const int none = st.none();
  const int s0 = st.stack(0), s1 = st.stack(1), s2 = st.stack(2);
  const int n0 = st.buffer(0), n1 = st.buffer(1), n2 = st.buffer(2);
  const int s0l = st.leftmost(s0), s0l2 = st.leftmost2(s0);
  const int s0r = st.rightmost(s0), s0r2 = st.rightmost2(s0);
  const int n0l = st.leftmost(n0), n0l2 = st.leftmost2(n0);
  const int s1l = st.leftmost(s1);
  const int s1r = st.rightmost(s1), s1r2 = st.rightmost2(s1);

  auto w = [&](int x) { return nodes[x].word; };
  auto p = [&](int x) { return uint64_t{nodes[x].xpos}; };
  auto u = [&](int x) { return uint64_t{nodes[x].upos}; };
  auto suffix = [&](int x) { return nodes[x].suffix; };
  auto shape = [&](int x) { return uint64_t{nodes[x].shape}; };
  auto l = [&](int x) { return static_cast<uint64_t>(st.label(x) + 1); };
  auto tags = [](uint64_t a, uint64_t b, uint64_t c = 0) { return a | b << 8 | c << 16; };

  int k = 0;
  uint32_t t = 1;  // template 0 hashes the words themselves
  auto emit = [&](uint64_t a, uint64_t b = 0, uint64_t c = 0) {
    out[k++] = FeatureHasher::id(t++, a, b, c);
  };

  emit(0);  // bias

  // Single words.
  for (int x : {s0, n0, n1, s1}) {
    emit(w(x));
    emit(p(x));
    emit(w(x), p(x));
    emit(u(x));
  }
  emit(w(n2));
  emit(p(n2));
  emit(w(n2), p(n2));
  emit(p(s2));
  emit(w(s2), p(s2));

  // Back-off from the form for where the tags are wrong: suffix and shape.
  for (int x : {s0, n0, s1}) {
    emit(suffix(x));
    emit(shape(x), p(x));
  }
  emit(shape(n1), p(n1));
  emit(tags(shape(s0), shape(n0)), tags(p(s0), p(n0)));
  emit(tags(shape(s1), shape(s0)), tags(p(s1), p(s0)));

  // Pairs: s0 with n0 (LEFT) and s1 with s0 (RIGHT).
  for (auto [a, b] : {std::pair{s0, n0}, std::pair{s1, s0}}) {
    emit(w(a), w(b), tags(p(a), p(b)));
    emit(w(a), w(b), p(a));
    emit(w(a), w(b), p(b));
    emit(w(a), tags(p(a), p(b)));
    emit(w(b), tags(p(a), p(b)));
    emit(w(a), w(b));
    emit(tags(p(a), p(b)));
    emit(tags(u(a), u(b)));
  }
  emit(tags(p(n0), p(n1)));
  emit(w(n0), w(n1));
  emit(tags(p(s1), p(n0)));
  emit(w(s1), w(n0));

  // Tag triples.
  emit(tags(p(n0), p(n1), p(n2)));
  emit(tags(p(s0), p(n0), p(n1)));
  emit(tags(p(s1), p(s0), p(n0)));
  emit(tags(p(s2), p(s1), p(s0)));
  emit(tags(p(s0), p(s0l), p(n0)));
  emit(tags(p(s0), p(s0r), p(n0)));
  emit(tags(p(s0), p(n0), p(n0l)));
  emit(tags(p(s1), p(s1r), p(s0)));
  emit(tags(p(s1), p(s0), p(s0l)));
  emit(tags(p(s1), p(s0), p(s0r)));
  emit(tags(u(s1), u(s0), u(n0)));
  emit(tags(u(s0), u(n0), u(n1)));

  // Distance between the words each attachment would join.
  const uint64_t d0 = distance(s0, n0, none);
  const uint64_t d1 = distance(s1, s0, none);
  emit(w(s0), d0);
  emit(p(s0), d0);
  emit(w(n0), d0);
  emit(p(n0), d0);
  emit(w(s0), w(n0), d0);
  emit(tags(p(s0), p(n0)), d0);
  emit(w(s1), d1);
  emit(p(s1), d1);
  emit(w(s0), d1);
  emit(p(s0), d1);
  emit(w(s1), w(s0), d1);
  emit(tags(p(s1), p(s0)), d1);

  // Valency: how many dependents on each side.
  const uint64_t s0vl = capped(st.left_count(s0)), s0vr = capped(st.right_count(s0));
  const uint64_t n0vl = capped(st.left_count(n0));
  const uint64_t s1vl = capped(st.left_count(s1)), s1vr = capped(st.right_count(s1));
  emit(w(s0), s0vr);
  emit(p(s0), s0vr);
  emit(w(s0), s0vl);
  emit(p(s0), s0vl);
  emit(w(n0), n0vl);
  emit(p(n0), n0vl);
  emit(w(s1), s1vr);
  emit(p(s1), s1vr);
  emit(w(s1), s1vl);
  emit(p(s1), s1vl);

  // Leftmost and rightmost dependents, then the second ones.
  for (int x : {s0l, s0r, n0l, s1r}) {
    emit(w(x));
    emit(p(x));
    emit(l(x));
  }
  emit(p(s1l));
  emit(l(s1l));
  for (int x : {s0l2, s0r2, n0l2}) {
    emit(w(x));
    emit(p(x));
    emit(l(x));
  }
  emit(p(s1r2));
  emit(l(s1r2));
  emit(tags(p(s0), p(s0l), p(s0l2)));
  emit(tags(p(s0), p(s0r), p(s0r2)));
  emit(tags(p(n0), p(n0l), p(n0l2)));
  emit(tags(p(s1), p(s1r), p(s1r2)));
  emit(p(s0), l(s0l), l(s0r));
  emit(p(s1), l(s1l), l(s1r));
  emit(p(n0), l(n0l), l(n0l2));

  // The sets of relations already attached on each side.
  emit(w(s0), st.right_relations(s0));
  emit(p(s0), st.right_relations(s0));
  emit(w(s0), st.left_relations(s0));
  emit(p(s0), st.left_relations(s0));
  emit(w(n0), st.left_relations(n0));
  emit(p(n0), st.left_relations(n0));
  emit(w(s1), st.right_relations(s1));
  emit(p(s1), st.right_relations(s1));
  emit(p(s1), st.left_relations(s1));

  assert(k <= kMaxParserFeatures);
  return k;
}

}  // namespace kg::extract
