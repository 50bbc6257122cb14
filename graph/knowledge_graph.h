#pragma once
// KnowledgeGraph: the cross-source graph, derived from the per-document results (the
// "reduce" of DESIGN.md) and held as plain vectors of records plus a Boost.Graph multigraph
// over them for the algorithms (graph/algorithms.h).
//
// The per-document results are the source of truth; this graph is a view recomputed from all
// of them: build_graph() is a pure function of the *set* of documents. Ids are canonical
// (nodes sorted by name key, type and label; edges by endpoints, relation, polarity,
// modality), so shards merged in any order, one run or several, give the same graph and
// byte-identical exports.

#include <boost/graph/adjacency_list.hpp>

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "extract/document_result.h"
#include "graph/resolver.h"

namespace kg::graph {

// A surface form of a node, with how often and in how many documents it was used.
struct Alias {
  std::string name;
  uint32_t mentions = 0;
  uint32_t documents = 0;
};

// One mention of a node: where in which document.
struct NodeMention {
  uint32_t document = 0;  // index into KnowledgeGraph::documents
  uint32_t sentence = 0;
  extract::Span span;     // bytes in that document's text
  // The same span in code points, the unit of the store and the exports; set where the graph
  // holds the texts (loaded with them, or built with copy_texts), so that writers need not
  // convert back what the loader has just converted.
  extract::Span chars;
  extract::LinkRule rule = extract::LinkRule::kName;
};

// One real-world entity: the local entities the resolver put together.
struct Node {
  // The name most of its local entities use (ties: longest, then smallest), without the
  // titles written in front of a person's name (graph/name_key.h split_title()).
  std::string label;
  std::string key;    // entity_key() of the label
  extract::EntityType type = extract::EntityType::kOther;
  std::vector<Alias> aliases;           // sorted by name; includes the label
  // Roles seen with it (the local entities' titles and the titles split off their names),
  // sorted, distinct.
  std::vector<std::string> titles;
  std::vector<NodeMention> mentions;    // sorted by (document, span); empty if not loaded
  uint32_t mention_count = 0;           // all its mentions, also when `mentions` is not loaded
  std::vector<LocalRef> members;        // its local entities, sorted
  std::vector<uint32_t> sources;        // documents that mention it, sorted
};

// One triple supporting an edge.
struct Evidence {
  uint32_t document = 0;  // index into KnowledgeGraph::documents
  uint32_t triple = 0;    // index into that document's triples
  uint32_t sentence = 0;
  extract::Span span;     // bytes: the clause or sentence stating the fact
  extract::Span chars;    // the same in code points, where the texts are (as NodeMention)
  double confidence = 1.0;
  int32_t attributed_to = -1;  // node who said it, -1 if stated directly
  std::vector<extract::Argument> arguments;
};

// All triples with the same (subject, relation, object, negated, modality), across documents.
struct Edge {
  uint32_t source = 0;  // node index (the subject)
  uint32_t target = 0;  // node index (the object)
  std::string relation;
  bool negated = false;
  std::string modality;
  uint32_t weight = 0;  // number of distinct documents among its evidence
  double confidence = 0;  // the highest confidence among its evidence
  // Its evidence: KnowledgeGraph::evidence[evidence_begin, evidence_end), sorted by
  // (document, sentence, span, triple).
  uint32_t evidence_begin = 0;
  uint32_t evidence_end = 0;
};

// Boost.Graph topology: vertex i is node i and each edge's bundle is its index into
// KnowledgeGraph::edges (parallel edges allowed: a multigraph). Bidirectional so algorithms
// can walk edges in both directions.
struct VertexBundle {
  uint32_t node = 0;
};
struct EdgeBundle {
  uint32_t edge = 0;
};
using Topology = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS,
                                       VertexBundle, EdgeBundle, boost::no_property, boost::vecS>;

struct KnowledgeGraph {
  // The documents (metadata, text and sentence spans; no tokens), sorted by id. Loaders that
  // do not need the text (GraphML, DOT) leave `text` and `sentences` empty.
  std::vector<extract::Document> documents;
  std::vector<Node> nodes;
  std::vector<Edge> edges;
  std::vector<Evidence> evidence;
  std::vector<MergeDecision> merges;  // as the resolver gave them, sorted by member
  Topology topology;

  // Rebuilds `topology` from `nodes` and `edges`; loaders call it after filling the vectors.
  void build_topology();

  // The distinct documents among an edge's evidence, sorted.
  std::vector<uint32_t> edge_sources(const Edge& edge) const;
  std::span<const Evidence> edge_evidence(const Edge& edge) const {
    return {evidence.data() + edge.evidence_begin, evidence.data() + edge.evidence_end};
  }
};

// Link rules whose mention text is a name of the entity (an alias); pronouns, descriptions
// ("the council") and appositions ("a former diplomat") are mentions but not names.
bool is_name_rule(extract::LinkRule rule);

struct BuildOptions {
  // Copy each document's text and sentence spans into the graph. The store writer needs only
  // the structure (it writes the texts from the documents themselves), and a million-edge
  // corpus has hundreds of megabytes of text not worth holding twice. Also sets the code
  // point spans (`chars`) of mentions and evidence, and copies each evidence's arguments
  // (their texts too), which the store writer also takes from the documents.
  bool copy_texts = true;
  // Build the Boost.Graph topology (graph algorithms need it; writing the store does not).
  bool topology = true;
  // Group the triples into edges on a thread of their own while the nodes are filled (the
  // merge does, as its main thread is done writing the documents by then).
  bool parallel = false;
};

// The reduce: derives the cross-document graph from per-document results. `documents` must be
// sorted by id with unique ids (the store guarantees it). Deterministic: the same set of
// documents gives the same graph, whatever the resolver's internal order.
KnowledgeGraph build_graph(std::span<const extract::DocumentResult> documents,
                           const BuildOptions& options = {},
                           const Resolver& resolver = Resolver());

// Throws kg::InputError unless documents are sorted by id and ids are unique.
void check_sorted_unique(std::span<const extract::DocumentResult> documents);

}  // namespace kg::graph
