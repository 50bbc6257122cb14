#include "graph/knowledge_graph.h"

#include <algorithm>
#include <future>
#include <map>
#include <numeric>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <utility>
#include <vector>

#include "extract/error.h"
#include "extract/offsets.h"
#include "graph/name_key.h"

namespace kg::graph {

using extract::DocumentResult;

void KnowledgeGraph::build_topology() {
  topology = Topology(nodes.size());
  for (uint32_t v = 0; v < nodes.size(); ++v) topology[v].node = v;
  for (uint32_t e = 0; e < edges.size(); ++e) {
    boost::add_edge(edges[e].source, edges[e].target, EdgeBundle{e}, topology);
  }
}

std::vector<uint32_t> KnowledgeGraph::edge_sources(const Edge& edge) const {
  std::vector<uint32_t> out;
  for (const Evidence& ev : edge_evidence(edge)) {
    if (out.empty() || out.back() != ev.document) out.push_back(ev.document);
  }
  return out;
}

bool is_name_rule(extract::LinkRule rule) {
  using extract::LinkRule;
  switch (rule) {
    case LinkRule::kName:
    case LinkRule::kSameName:
    case LinkRule::kSurname:
    case LinkRule::kAcronym:
    case LinkRule::kExpansion:
    case LinkRule::kShortName: return true;
    case LinkRule::kApposition:
    case LinkRule::kPronoun:
    case LinkRule::kDescription: return false;
  }
  return false;
}

void check_sorted_unique(std::span<const DocumentResult> documents) {
  for (size_t i = 1; i < documents.size(); ++i) {
    if (!(documents[i - 1].document.id < documents[i].document.id)) {
      throw InputError("documents must be sorted by id with unique ids; '" +
                       documents[i - 1].document.id + "' comes before '" +
                       documents[i].document.id + "'");
    }
  }
}

namespace {

// A local entity's name as a node shows it: for persons without the titles in front.
std::string_view shown_name(const extract::Entity& entity) {
  return entity.type == extract::EntityType::kPerson ? split_title(entity.name).name
                                                     : std::string_view(entity.name);
}

// The label of a node: the local entity name most of its members use; ties go to the longest
// name, then to the smallest in byte order, so the choice does not depend on input order.
std::string choose_label(std::span<const DocumentResult> documents,
                         const std::vector<LocalRef>& members) {
  std::map<std::string_view, uint32_t> counts;
  for (const LocalRef& m : members) ++counts[shown_name(documents[m.document].entities[m.entity])];
  std::string_view best;
  uint32_t best_count = 0;
  for (const auto& [name, count] : counts) {  // ascending byte order: first wins ties
    if (count > best_count || (count == best_count && name.size() > best.size())) {
      best = name;
      best_count = count;
    }
  }
  return std::string(best);
}

// A name of a node seen once: as a local entity's name (mention = false) or as the text of a
// name mention (mention = true).
struct AliasUse {
  std::string_view name;  // into the documents, which outlive the build
  uint32_t document;
  bool mention;
  friend bool operator<(const AliasUse& a, const AliasUse& b) {
    return std::tie(a.name, a.document) < std::tie(b.name, b.document);
  }
};

// Fills aliases, titles, mentions and sources of every node from the documents, in one pass
// over the local entities and mentions.
void fill_nodes(std::span<const DocumentResult> documents,
                const std::vector<std::vector<uint32_t>>& node_of_local,
                std::vector<Node>& nodes) {
  std::vector<std::vector<AliasUse>> uses(nodes.size());
  for (uint32_t d = 0; d < documents.size(); ++d) {
    const DocumentResult& doc = documents[d];
    for (uint32_t e = 0; e < doc.entities.size(); ++e) {
      const uint32_t n = node_of_local[d][e];
      Node& node = nodes[n];
      const extract::Entity& entity = doc.entities[e];
      uses[n].push_back(AliasUse{shown_name(entity), d, false});
      node.titles.insert(node.titles.end(), entity.titles.begin(), entity.titles.end());
      if (entity.type == extract::EntityType::kPerson) {
        const std::string_view title = split_title(entity.name).title;
        if (!title.empty()) node.titles.emplace_back(title);
      }
      if (node.sources.empty() || node.sources.back() != d) node.sources.push_back(d);
    }
    for (const extract::Mention& mention : doc.mentions) {
      const uint32_t n = node_of_local[d][static_cast<size_t>(mention.entity)];
      nodes[n].mentions.push_back(NodeMention{.document = d,
                                              .sentence = static_cast<uint32_t>(mention.sentence),
                                              .span = mention.span,
                                              .chars = {},  // set with the texts, below
                                              .rule = mention.rule});
      if (is_name_rule(mention.rule)) {
        uses[n].push_back(AliasUse{
            std::string_view(doc.document.text).substr(mention.span.start, mention.span.size()), d,
            true});
      }
    }
  }
  for (uint32_t n = 0; n < nodes.size(); ++n) {
    Node& node = nodes[n];
    node.mention_count = static_cast<uint32_t>(node.mentions.size());
    std::sort(node.mentions.begin(), node.mentions.end(),
              [](const NodeMention& a, const NodeMention& b) {
                return std::tie(a.document, a.span, a.sentence, a.rule) <
                       std::tie(b.document, b.span, b.sentence, b.rule);
              });
    std::sort(node.titles.begin(), node.titles.end());
    node.titles.erase(std::unique(node.titles.begin(), node.titles.end()), node.titles.end());
    auto& list = uses[n];
    std::sort(list.begin(), list.end());
    for (size_t i = 0; i < list.size();) {
      Alias alias{std::string(list[i].name), 0, 0};
      size_t j = i;
      for (; j < list.size() && list[j].name == list[i].name; ++j) {
        if (list[j].mention) ++alias.mentions;
        if (j == i || list[j].document != list[j - 1].document) ++alias.documents;
      }
      if (!alias.name.empty()) node.aliases.push_back(std::move(alias));
      i = j;
    }
    std::vector<AliasUse>().swap(list);
  }
}

// One triple, keyed for grouping into edges.
struct TripleRef {
  uint32_t source;
  uint32_t target;
  uint32_t relation;  // rank of the relation string among all relations (byte order)
  bool negated;
  uint32_t modality;  // rank of the modality string ("" first)
  uint32_t document;
  uint32_t triple;
  const extract::Triple* data;
};

bool same_edge(const TripleRef& a, const TripleRef& b) {
  return a.source == b.source && a.target == b.target && a.relation == b.relation &&
         a.negated == b.negated && a.modality == b.modality;
}

bool edge_less(const TripleRef& a, const TripleRef& b) {
  return std::tie(a.source, a.relation, a.target, a.negated, a.modality, a.document,
                  a.data->sentence, a.data->evidence, a.triple) <
         std::tie(b.source, b.relation, b.target, b.negated, b.modality, b.document,
                  b.data->sentence, b.data->evidence, b.triple);
}

// Numbers the distinct strings in byte order, so comparing numbers compares the strings. The
// strings must outlive it. Hashed: a million triples look their relation up twice each.
class Ranks {
 public:
  void add(std::string_view s) { ranks_.emplace(s, 0); }
  void finish() {
    std::vector<std::string_view> order;
    order.reserve(ranks_.size());
    for (const auto& entry : ranks_) order.push_back(entry.first);
    std::sort(order.begin(), order.end());
    for (uint32_t rank = 0; rank < order.size(); ++rank) ranks_[order[rank]] = rank;
  }
  uint32_t operator[](std::string_view s) const { return ranks_.at(s); }

 private:
  std::unordered_map<std::string_view, uint32_t> ranks_;
};

// Groups every triple into its edge, in canonical order (by source, relation, target, ...),
// with the evidence of each edge in document order. Writes `edges` and `evidence` only, so it
// may run beside fill_nodes(), which writes the nodes only.
void group_edges(std::span<const DocumentResult> documents,
                 const std::vector<std::vector<uint32_t>>& node_of_local, bool copy_arguments,
                 std::vector<Edge>& edges, std::vector<Evidence>& evidence) {
  auto node_of = [&](uint32_t d, int local) { return node_of_local[d][static_cast<size_t>(local)]; };
  Ranks relations;
  Ranks modalities;
  modalities.add("");
  size_t triple_count = 0;
  for (const DocumentResult& doc : documents) {
    triple_count += doc.triples.size();
    for (const extract::Triple& t : doc.triples) {
      relations.add(t.relation);
      if (!t.modality.empty()) modalities.add(t.modality);
    }
  }
  relations.finish();
  modalities.finish();
  std::vector<TripleRef> triples;
  triples.reserve(triple_count);
  for (uint32_t d = 0; d < documents.size(); ++d) {
    const auto& list = documents[d].triples;
    for (uint32_t t = 0; t < list.size(); ++t) {
      const extract::Triple& triple = list[t];
      triples.push_back(TripleRef{node_of(d, triple.subject), node_of(d, triple.object),
                                  relations[triple.relation], triple.negated,
                                  modalities[triple.modality], d, t, &triple});
    }
  }
  std::sort(triples.begin(), triples.end(), edge_less);
  evidence.reserve(triples.size());
  for (size_t i = 0; i < triples.size();) {
    size_t j = i;
    Edge edge;
    edge.source = triples[i].source;
    edge.target = triples[i].target;
    edge.relation = triples[i].data->relation;
    edge.negated = triples[i].negated;
    edge.modality = triples[i].data->modality;
    edge.evidence_begin = static_cast<uint32_t>(evidence.size());
    for (; j < triples.size() && same_edge(triples[i], triples[j]); ++j) {
      const TripleRef& ref = triples[j];
      const extract::Triple& t = *ref.data;
      if (j == i || triples[j - 1].document != ref.document) ++edge.weight;
      edge.confidence = std::max(edge.confidence, t.confidence);
      evidence.push_back(Evidence{
          .document = ref.document,
          .triple = ref.triple,
          .sentence = static_cast<uint32_t>(t.sentence),
          .span = t.evidence,
          .chars = {},  // set by build_graph() with the texts
          .confidence = t.confidence,
          .attributed_to = t.attributed_to < 0
                               ? -1
                               : static_cast<int32_t>(node_of(ref.document, t.attributed_to)),
          .arguments = copy_arguments ? t.arguments : std::vector<extract::Argument>{}});
    }
    edge.evidence_end = static_cast<uint32_t>(evidence.size());
    edges.push_back(std::move(edge));
    i = j;
  }
}

}  // namespace

KnowledgeGraph build_graph(std::span<const DocumentResult> documents, const BuildOptions& options,
                           const Resolver& resolver) {
  check_sorted_unique(documents);
  Resolution resolution = resolver.resolve(documents);
  KnowledgeGraph g;

  // Group local entities by global entity, then number the nodes canonically.
  std::vector<std::vector<LocalRef>> members(resolution.entity_count);
  for (uint32_t d = 0; d < documents.size(); ++d) {
    for (uint32_t e = 0; e < documents[d].entities.size(); ++e) {
      members[resolution.entity_of[d][e]].push_back(LocalRef{d, e});
    }
  }
  std::vector<Node> unordered(resolution.entity_count);
  for (uint32_t i = 0; i < resolution.entity_count; ++i) {
    Node& node = unordered[i];
    node.members = std::move(members[i]);
    node.type = resolution.entity_type[i];
    node.label = choose_label(documents, node.members);
    node.key = entity_key(node.label);
  }
  std::vector<uint32_t> order(resolution.entity_count);
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) {
    const Node& x = unordered[a];
    const Node& y = unordered[b];
    return std::tie(x.key, x.type, x.label, x.members.front()) <
           std::tie(y.key, y.type, y.label, y.members.front());
  });
  std::vector<uint32_t> canonical(resolution.entity_count);
  g.nodes.reserve(resolution.entity_count);
  for (uint32_t rank = 0; rank < order.size(); ++rank) {
    canonical[order[rank]] = rank;
    g.nodes.push_back(std::move(unordered[order[rank]]));
  }
  std::vector<std::vector<uint32_t>> node_of_local(documents.size());
  for (uint32_t d = 0; d < documents.size(); ++d) {
    for (uint32_t global : resolution.entity_of[d]) node_of_local[d].push_back(canonical[global]);
  }
  if (options.parallel) {
    std::future<void> edges = std::async(std::launch::async, [&] {  // waited for if we throw
      group_edges(documents, node_of_local, options.copy_texts, g.edges, g.evidence);
    });
    fill_nodes(documents, node_of_local, g.nodes);
    edges.get();
  } else {
    fill_nodes(documents, node_of_local, g.nodes);
    group_edges(documents, node_of_local, options.copy_texts, g.edges, g.evidence);
  }

  g.documents.reserve(documents.size());
  for (const DocumentResult& doc : documents) {
    extract::Document& copy = g.documents.emplace_back();
    copy.id = doc.document.id;
    copy.name = doc.document.name;
    copy.title = doc.document.title;
    copy.source = doc.document.source;
    copy.url = doc.document.url;
    copy.date = doc.document.date;
    if (!options.copy_texts) continue;
    copy.text = doc.document.text;
    copy.paragraphs = doc.document.paragraphs;
    copy.sentences.reserve(doc.document.sentences.size());
    for (const extract::Sentence& s : doc.document.sentences) {
      extract::Sentence& sentence = copy.sentences.emplace_back();
      sentence.span = s.span;
      sentence.paragraph_start = s.paragraph_start;
    }
  }
  if (options.copy_texts) {
    std::vector<extract::OffsetMap> maps;
    maps.reserve(documents.size());
    for (const DocumentResult& doc : documents) maps.emplace_back(doc.document.text);
    for (Node& node : g.nodes) {
      for (NodeMention& m : node.mentions) m.chars = maps[m.document].to_chars(m.span);
    }
    for (Evidence& ev : g.evidence) ev.chars = maps[ev.document].to_chars(ev.span);
  }
  g.merges = std::move(resolution.merges);
  if (options.topology) g.build_topology();
  return g;
}

}  // namespace kg::graph
