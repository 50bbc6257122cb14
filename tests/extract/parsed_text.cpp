#include "tests/extract/parsed_text.h"

#include <algorithm>
#include <sstream>
#include <stdexcept>

#include "extract/conllu.h"
#include "extract/extractor.h"
#include "extract/treebank_document.h"

namespace kg::extract::testing {

namespace {

std::vector<std::string> split(std::string_view text, char sep) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find(sep, start);
    if (end == std::string_view::npos) end = text.size();
    out.emplace_back(text.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

std::string trim(std::string s) {
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.pop_back();
  size_t b = 0;
  while (b < s.size() && (s[b] == ' ' || s[b] == '\t')) ++b;
  return s.substr(b);
}

struct Names {
  std::vector<std::pair<std::string, EntityType>> names;
};

}  // namespace

std::string to_conllu(std::string_view compact) {
  std::ostringstream out;
  int id = 0;
  for (const std::string& raw : split(compact, '\n')) {
    const std::string line = trim(raw);
    if (line.empty()) {
      if (id > 0) out << '\n';
      id = 0;
      continue;
    }
    if (line[0] == '#') {
      out << line << '\n';
      continue;
    }
    std::istringstream fields(line);
    std::string form, lemma, upos, xpos, head, deprel, misc;
    fields >> form >> lemma >> upos >> xpos >> head >> deprel;
    if (deprel.empty()) {
      std::string message = "compact tree line needs 6 fields: ";
      message += line;  // appended, not "literal" + string: GCC 12 -O3 warns (-Wrestrict)
      throw std::invalid_argument(message);
    }
    if (!(fields >> misc)) misc.assign(1, '_');  // not = "_": GCC 12 -O3 -Wrestrict
    ++id;
    out << id << '\t' << form << '\t' << lemma << '\t' << upos << '\t' << xpos << "\t_\t" << head
        << '\t' << deprel << "\t_\t" << misc << '\n';
  }
  if (id > 0) out << '\n';
  return out.str();
}

Document parsed_document(std::string_view compact) {
  // Entity comments, per sentence, in order.
  std::vector<Names> names;
  bool in_sentence = false;
  Names current;
  for (const std::string& raw : split(compact, '\n')) {
    const std::string line = trim(raw);
    if (line.empty()) {
      if (in_sentence) names.push_back(current);
      current = Names();
      in_sentence = false;
      continue;
    }
    if (line.rfind("# entities =", 0) == 0) {
      for (const std::string& item : split(line.substr(12), ';')) {
        const std::string entry = trim(item);
        const size_t colon = entry.rfind(':');
        if (colon == std::string::npos) continue;
        auto type = parse_entity_type(entry.substr(colon + 1));
        if (!type) throw std::invalid_argument("unknown entity type in: " + entry);
        current.names.emplace_back(trim(entry.substr(0, colon)), *type);
      }
      continue;
    }
    if (line[0] != '#') in_sentence = true;
  }
  if (in_sentence) names.push_back(current);

  std::istringstream in(to_conllu(compact));
  std::vector<Document> docs = documents_from_treebank(read_conllu(in, "fixture"), false);
  if (docs.empty()) return Document();
  Document doc = std::move(docs.front());
  doc.id = "fixture";
  for (size_t s = 0; s < doc.sentences.size() && s < names.size(); ++s) {
    Sentence& sentence = doc.sentences[s];
    const int n = static_cast<int>(sentence.tokens.size());
    for (const auto& [name, type] : names[s].names) {
      const std::vector<std::string> words = split(name, ' ');
      const int k = static_cast<int>(words.size());
      bool found = false;
      for (int i = 0; i + k <= n; ++i) {
        bool match = true;
        for (int j = 0; j < k && match; ++j) match = sentence.tokens[i + j].form == words[j];
        if (!match) continue;
        sentence.entities.push_back({i, i + k, type});
        found = true;
      }
      if (!found) throw std::invalid_argument("entity not in its sentence: " + name);
    }
    std::sort(sentence.entities.begin(), sentence.entities.end(),
              [](const NamedEntity& a, const NamedEntity& b) { return a.first < b.first; });
  }
  return doc;
}

DocumentResult extract(std::string_view compact) {
  return Extractor().extract(parsed_document(compact));
}

std::vector<std::string> facts(const DocumentResult& r) {
  std::vector<std::string> out;
  for (const Triple& t : r.triples) {
    std::string f = r.entities[t.subject].name + " " + t.relation + " " + r.entities[t.object].name;
    if (t.negated) f += " [not]";
    if (!t.modality.empty()) f += " [" + t.modality + "]";
    if (t.attributed_to >= 0) f += " [by " + r.entities[t.attributed_to].name + "]";
    out.push_back(f);
  }
  return out;
}

namespace {

const Mention* find_mention(const DocumentResult& r, std::string_view text, int n) {
  int seen = 0;
  for (const Mention& m : r.mentions) {
    const std::string_view surface =
        std::string_view(r.document.text).substr(m.span.start, m.span.size());
    if (surface != text) continue;
    if (seen++ == n) return &m;
  }
  return nullptr;
}

}  // namespace

std::string entity_of(const DocumentResult& r, std::string_view text, int n) {
  const Mention* m = find_mention(r, text, n);
  return m ? r.entities[m->entity].name : std::string();
}

std::string rule_of(const DocumentResult& r, std::string_view text, int n) {
  const Mention* m = find_mention(r, text, n);
  return m ? std::string(to_string(m->rule)) : std::string();
}

}  // namespace kg::extract::testing
