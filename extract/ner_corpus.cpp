#include "extract/ner_corpus.h"

#include <algorithm>
#include <fstream>
#include <map>
#include <unordered_map>

#include "extract/entity_derivation.h"
#include "extract/error.h"
#include "extract/iob2.h"

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

}  // namespace

NerCorpus read_ner_corpus(const std::string& path, const NerCorpusOptions& options) {
  NerCorpus corpus;
  if (looks_like_conllu(path)) {
    add_conllu(load_training_data({path}, options.selection), corpus);
    all_types(corpus);
    // Gold names are derived from the gold analysis above; the features may then see
    // another one (the tagger's and parser's).
    copy_tags(options.tags_paths, corpus.sentences);
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
  std::sort(corpus.title_words.begin(), corpus.title_words.end());
  corpus.title_words.erase(std::unique(corpus.title_words.begin(), corpus.title_words.end()),
                           corpus.title_words.end());
  all_types(corpus);
  return corpus;
}

}  // namespace kg::extract
