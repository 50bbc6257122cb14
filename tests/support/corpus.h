#pragma once
// A small corpus of hand-written documents for resolver tests: each document is written as a
// map-format line and parsed back (so every case is a valid map file), then the corpus is
// resolved and built into a graph. Local entities are named by (document id, entity name).

#include <gtest/gtest.h>

#include <algorithm>
#include <stdexcept>
#include <string>
#include <vector>

#include "extract/document_result.h"
#include "extract/map_format.h"
#include "graph/knowledge_graph.h"
#include "graph/resolver.h"

namespace kg::testing {

class Corpus {
 public:
  explicit Corpus(std::vector<extract::DocumentResult> documents) {
    uint64_t line_number = 0;
    for (const auto& d : documents) {
      std::string line;
      extract::append_map_record(d, line);
      while (!line.empty() && line.back() == '\n') line.pop_back();
      docs_.push_back(extract::parse_map_record(line, "corpus.jsonl", ++line_number));
    }
    std::sort(docs_.begin(), docs_.end(),
              [](const auto& a, const auto& b) { return a.document.id < b.document.id; });
    graph_ = graph::build_graph(docs_);
    resolution_ = graph::Resolver().resolve(docs_);
  }

  const graph::KnowledgeGraph& graph() const { return graph_; }
  const graph::Resolution& resolution() const { return resolution_; }
  const std::vector<extract::DocumentResult>& documents() const { return docs_; }

  graph::LocalRef local(const std::string& doc, const std::string& entity) const {
    for (uint32_t d = 0; d < docs_.size(); ++d) {
      if (docs_[d].document.id != doc) continue;
      for (uint32_t e = 0; e < docs_[d].entities.size(); ++e) {
        if (docs_[d].entities[e].name == entity) return {d, e};
      }
    }
    throw std::invalid_argument("no entity '" + entity + "' in document '" + doc + "'");
  }

  // The node of a local entity.
  uint32_t node(const std::string& doc, const std::string& entity) const {
    const graph::LocalRef ref = local(doc, entity);
    for (uint32_t n = 0; n < graph_.nodes.size(); ++n) {
      const auto& m = graph_.nodes[n].members;
      if (std::find(m.begin(), m.end(), ref) != m.end()) return n;
    }
    throw std::logic_error("local entity in no node");
  }

  bool same(const std::string& doc_a, const std::string& a, const std::string& doc_b,
            const std::string& b) const {
    return node(doc_a, a) == node(doc_b, b);
  }

  // The rule by which a local entity joined its node (nullopt: it started the node).
  std::optional<graph::MergeRule> rule(const std::string& doc, const std::string& entity) const {
    const graph::LocalRef ref = local(doc, entity);
    for (const auto& m : graph_.merges) {
      if (m.member == ref) return m.rule;
    }
    return std::nullopt;
  }

  // Every merge decision of the node of a local entity, as "rule: evidence" lines.
  std::string merges(const std::string& doc, const std::string& entity) const {
    const uint32_t n = node(doc, entity);
    std::string out;
    for (const auto& m : graph_.merges) {
      const auto& members = graph_.nodes[n].members;
      if (std::find(members.begin(), members.end(), m.member) == members.end()) continue;
      out += std::string(graph::to_string(m.rule)) + ": " + m.evidence + "\n";
    }
    return out;
  }

  std::string why_apart(const std::string& doc_a, const std::string& a, const std::string& doc_b,
                        const std::string& b) const {
    return graph::Resolver().why_apart(docs_, resolution_, graph_.nodes[node(doc_a, a)].members,
                                       graph_.nodes[node(doc_b, b)].members);
  }

 private:
  std::vector<extract::DocumentResult> docs_;
  graph::KnowledgeGraph graph_;
  graph::Resolution resolution_;
};

}  // namespace kg::testing
