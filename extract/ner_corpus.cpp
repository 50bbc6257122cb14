#include "extract/ner_corpus.h"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <map>
#include <string_view>
#include <unordered_map>

#include "extract/entity_derivation.h"
#include "extract/error.h"
#include "extract/iob2.h"
#include "extract/word_shape.h"

namespace kg::extract {

namespace {

bool looks_like_conllu(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError(path + ": cannot open (check the path and permissions)");
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    size_t tabs = 0;
    for (char c : line) tabs += c == '\t';
    return tabs == 9;
  }
  return false;
}

void copy_tags(const std::vector<std::string>& tags_paths, std::vector<Sentence>& sentences) {
  if (tags_paths.empty()) return;
  std::unordered_map<std::string, const Sentence*> by_id;
  ConlluReadOptions options;
  options.require_tree = false;
  std::vector<TreebankSentence> tagged;
  for (const std::string& path : tags_paths) {
    for (TreebankSentence& t : read_conllu_file(path, options)) tagged.push_back(std::move(t));
  }
  for (const TreebankSentence& t : tagged) by_id[t.sentence.id] = &t.sentence;
  for (Sentence& s : sentences) {
    auto it = by_id.find(s.id);
    if (it == by_id.end() || it->second->tokens.size() != s.tokens.size()) continue;
    const auto& from = it->second->tokens;
    bool same = true;
    for (size_t i = 0; i < from.size() && same; ++i) same = from[i].form == s.tokens[i].form;
    if (!same) continue;
    for (size_t i = 0; i < from.size(); ++i) {
      s.tokens[i].upos = from[i].upos;
      s.tokens[i].xpos = from[i].xpos;
      s.tokens[i].lemma = from[i].lemma;
      s.tokens[i].head = from[i].head;
      s.tokens[i].deprel = from[i].deprel;
    }
  }
}

void add_conllu(const std::vector<TreebankSentence>& treebank, NerCorpus& corpus) {
  const EntityDeriver deriver(treebank);
  std::map<std::string, uint32_t> document_ids;
  uint32_t next = corpus.documents.empty() ? 0 : corpus.documents.back() + 1;
  for (const TreebankSentence& t : treebank) {
    Sentence s = t.sentence;
    s.entities = deriver.derive(t);
    auto [it, inserted] = document_ids.emplace(t.document, next);
    if (inserted) ++next;
    corpus.sentences.push_back(std::move(s));
    corpus.documents.push_back(it->second);
  }
  corpus.title_words.insert(corpus.title_words.end(), deriver.title_words().begin(),
                            deriver.title_words().end());
}

void all_types(NerCorpus& corpus) {
  corpus.types = {EntityType::kPerson, EntityType::kOrg,   EntityType::kLocation,
                  EntityType::kNorp,   EntityType::kEvent, EntityType::kDate,
                  EntityType::kWork};
}

// The first parts after which EWT keeps a hyphenated word whole (kg's tokenizer does the
// same: "ex-president", "anti-war", "mid-March", "pro-Russian", "co-founder", "non-profit").
bool attached_prefix(std::string_view part) {
  static constexpr std::string_view kPrefixes[] = {
      "anti", "co", "counter", "de", "e", "ex", "extra", "inter", "intra", "mid", "multi",
      "neo",  "non", "post",   "pre", "pro", "re", "semi", "sub", "super", "un", "vice"};
  const std::string folded = fold_case(part);
  for (std::string_view p : kPrefixes) {
    if (folded == p) return true;
  }
  return false;
}

// The byte offsets of the parts of `form` between hyphens, or nothing when it is no
// hyphenated word to cut (a part empty or without a letter or digit, or a prefix first).
std::vector<std::pair<size_t, size_t>> hyphen_parts(const std::string& form) {
  std::vector<std::pair<size_t, size_t>> parts;
  size_t start = 0;
  for (size_t i = 0; i <= form.size(); ++i) {
    if (i < form.size() && form[i] != '-') continue;
    const std::string_view part(form.data() + start, i - start);
    bool alnum = false;  // any letter or digit (a non-ASCII byte counts as a letter)
    for (char c : part) {
      const auto byte = static_cast<unsigned char>(c);
      alnum = alnum || byte >= 0x80 || std::isalnum(byte);
    }
    if (part.empty() || !alnum) return {};
    parts.emplace_back(start, i);
    start = i + 1;
  }
  if (parts.size() < 2 || attached_prefix(std::string_view(form).substr(0, parts[0].second))) {
    return {};
  }
  return parts;
}

}  // namespace

int split_hyphenated_words(Sentence& sentence) {
  const std::vector<Token>& old = sentence.tokens;
  const int n = static_cast<int>(old.size());
  std::vector<std::vector<std::pair<size_t, size_t>>> parts(n);
  int cut = 0;
  for (int i = 0; i < n; ++i) {
    if (old[i].form.find('-') == std::string::npos) continue;
    parts[i] = hyphen_parts(old[i].form);
    cut += !parts[i].empty();
  }
  if (cut == 0) return 0;
  // New 0-based index of each old word's first and last piece.
  std::vector<int> first(n), last(n);
  int next = 0;
  for (int i = 0; i < n; ++i) {
    first[i] = next;
    next += parts[i].empty() ? 1 : static_cast<int>(2 * parts[i].size() - 1);
    last[i] = next - 1;
  }
  const bool parsed = std::all_of(old.begin(), old.end(), [&](const Token& t) {
    return t.head >= 0 && t.head <= n;
  });
  auto new_head = [&](int head) { return head == 0 ? 0 : last[head - 1] + 1; };
  std::vector<Token> tokens;
  tokens.reserve(static_cast<size_t>(next));
  for (int i = 0; i < n; ++i) {
    const Token& t = old[i];
    if (parts[i].empty()) {
      Token copy = t;
      if (parsed) copy.head = new_head(t.head);
      tokens.push_back(std::move(copy));
      continue;
    }
    const int head_of_parts = last[i] + 1;  // UD id of the last part
    for (size_t k = 0; k < parts[i].size(); ++k) {
      const auto [from, to] = parts[i][k];
      const bool last_part = k + 1 == parts[i].size();
      Token piece = t;
      piece.form = t.form.substr(from, to - from);
      piece.lemma = piece.form;  // the last part: the word's lemma after its last hyphen
      if (last_part && t.lemma.find('-') != std::string::npos) {
        piece.lemma = t.lemma.substr(t.lemma.rfind('-') + 1);
      }
      const auto at = [&](size_t offset) { return t.span.start + static_cast<uint32_t>(offset); };
      piece.span = Span{at(from), at(to)};
      piece.space_after = last_part ? t.space_after : false;
      if (parsed) {
        piece.head = last_part ? new_head(t.head) : head_of_parts;
        piece.deprel = last_part ? t.deprel : Deprel::kCompound;
      }
      tokens.push_back(std::move(piece));
      if (last_part) break;
      Token hyphen = t;
      hyphen.form = "-";
      hyphen.lemma = "-";
      hyphen.upos = Upos::kPunct;
      hyphen.xpos = Xpos::kHYPH;
      hyphen.span = Span{at(to), at(to + 1)};
      hyphen.space_after = false;
      if (parsed) {
        hyphen.head = head_of_parts;
        hyphen.deprel = Deprel::kPunct;
      }
      tokens.push_back(std::move(hyphen));
    }
  }
  for (NamedEntity& e : sentence.entities) {
    e.first = first[e.first];
    e.last = last[e.last - 1] + 1;
  }
  for (MultiwordToken& m : sentence.multiword) {
    m.first = first[m.first - 1] + 1;
    m.last = last[m.last - 1] + 1;
  }
  sentence.tokens = std::move(tokens);
  return cut;
}

NerCorpus read_ner_corpus(const std::string& path, const NerCorpusOptions& options) {
  NerCorpus corpus;
  if (looks_like_conllu(path)) {
    add_conllu(load_training_data({path}, options.selection), corpus);
    all_types(corpus);
    // Gold names are derived from the gold analysis above; the features may then see
    // another one (the tagger's and parser's).
    copy_tags(options.tags_paths, corpus.sentences);
    if (options.split_hyphens) {
      for (Sentence& sentence : corpus.sentences) split_hyphenated_words(sentence);
    }
    return corpus;
  }
  std::string document;
  uint32_t number = 0;
  for (Iob2Sentence& s : read_iob2_file(path)) {
    if (!corpus.sentences.empty() && s.document != document && !s.document.empty()) ++number;
    document = s.document.empty() ? document : s.document;
    corpus.sentences.push_back(std::move(s.sentence));
    corpus.documents.push_back(number);
  }
  copy_tags(options.tags_paths, corpus.sentences);
  corpus.types = {EntityType::kPerson, EntityType::kOrg, EntityType::kLocation};
  return corpus;
}

NerCorpus read_ner_corpora(const std::vector<std::string>& paths,
                           const NerCorpusOptions& options) {
  NerCorpus corpus;
  for (const std::string& path : paths) {
    if (!looks_like_conllu(path)) {
      throw InputError(path + ": training data must be CoNLL-U with GUM's Entity= annotation "
                              "(IOB2 files are for evaluation only)");
    }
    add_conllu(load_training_data({path}, options.selection), corpus);
  }
  copy_tags(options.tags_paths, corpus.sentences);
  if (options.split_hyphens) {
    for (Sentence& sentence : corpus.sentences) split_hyphenated_words(sentence);
  }
  std::sort(corpus.title_words.begin(), corpus.title_words.end());
  corpus.title_words.erase(std::unique(corpus.title_words.begin(), corpus.title_words.end()),
                           corpus.title_words.end());
  all_types(corpus);
  return corpus;
}

}  // namespace kg::extract
