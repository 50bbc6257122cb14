#pragma once
// Hand-built per-document results for tests: entities are named with the surface forms to
// find in the text (every occurrence becomes a mention), triples name their entities, and
// sentences are split at ". ". Offsets are bytes, as in memory.

#include <string>
#include <vector>

#include "extract/document_result.h"

namespace kg::testing {

struct EntitySpec {
  std::string name;
  extract::EntityType type = extract::EntityType::kPerson;
  std::vector<std::string> surfaces = {};  // empty: the name itself
  std::vector<std::string> titles = {};
  // The link rule of each surface's mentions; empty: `name` for the first surface and
  // `surname` for the others.
  std::vector<extract::LinkRule> rules = {};
};

struct TripleSpec {
  std::string subject;
  std::string relation;
  std::string object;
  bool negated = false;
  std::string modality = {};
  double confidence = 1.0;
};

inline extract::DocumentResult make_document(const std::string& id, const std::string& text,
                                             const std::vector<EntitySpec>& entities,
                                             const std::vector<TripleSpec>& triples) {
  extract::DocumentResult r;
  r.document.id = id;
  r.document.name = id + ".txt";
  r.document.text = text;
  for (size_t start = 0; start < text.size();) {
    size_t end = text.find(". ", start);
    end = end == std::string::npos ? text.size() : end + 1;
    auto& s = r.document.sentences.emplace_back();
    s.span = {static_cast<uint32_t>(start), static_cast<uint32_t>(end)};
    start = end < text.size() ? end + 1 : end;
  }
  auto sentence_of = [&](size_t at) {
    for (size_t i = 0; i < r.document.sentences.size(); ++i) {
      if (at < r.document.sentences[i].span.end) return static_cast<int>(i);
    }
    return static_cast<int>(r.document.sentences.size()) - 1;
  };
  auto entity_index = [&](const std::string& name) {
    for (size_t i = 0; i < entities.size(); ++i) {
      if (entities[i].name == name) return static_cast<int>(i);
    }
    return -1;
  };
  for (size_t e = 0; e < entities.size(); ++e) {
    r.entities.push_back({entities[e].name, entities[e].type, entities[e].titles});
    std::vector<std::string> surfaces = entities[e].surfaces;
    if (surfaces.empty()) surfaces.push_back(entities[e].name);
    for (size_t k = 0; k < surfaces.size(); ++k) {
      for (size_t at = text.find(surfaces[k]); at != std::string::npos;
           at = text.find(surfaces[k], at + surfaces[k].size())) {
        extract::Mention m;
        m.entity = static_cast<int>(e);
        m.sentence = sentence_of(at);
        m.span = {static_cast<uint32_t>(at), static_cast<uint32_t>(at + surfaces[k].size())};
        m.rule = k < entities[e].rules.size() ? entities[e].rules[k]
                 : k == 0                     ? extract::LinkRule::kName
                                              : extract::LinkRule::kSurname;
        r.mentions.push_back(m);
      }
    }
  }
  for (const TripleSpec& t : triples) {
    extract::Triple triple;
    triple.subject = entity_index(t.subject);
    triple.object = entity_index(t.object);
    triple.relation = t.relation;
    triple.negated = t.negated;
    triple.modality = t.modality;
    triple.confidence = t.confidence;
    int sentence = 0;
    for (const auto& m : r.mentions) {
      if (m.entity == triple.subject) {
        sentence = m.sentence;
        break;
      }
    }
    triple.sentence = sentence;
    triple.evidence = r.document.sentences[static_cast<size_t>(sentence)].span;
    r.triples.push_back(triple);
  }
  return r;
}

}  // namespace kg::testing
