#include "export/dot_export.h"

#include <graphviz/cgraph.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "export/buffered_output.h"
#include "extract/error.h"

namespace kg::exporter {

namespace {

// libcgraph (Graphviz 2.42) takes `char*` for strings it only reads and copies.
char* c(const std::string& s) { return const_cast<char*>(s.c_str()); }
char* c(const char* s) { return const_cast<char*>(s); }

// agwrite() output goes to the BufferedOutput passed as its channel.
int put_string(void* channel, const char* text) {
  static_cast<BufferedOutput*>(channel)->append(text);
  return 0;
}
int flush_nothing(void*) { return 0; }
Agiodisc_t kStreamIo = {nullptr, put_string, flush_nothing};

// Graph memory for the DOT export, taken from large zeroed blocks and released all at once
// with the Arena. libcgraph allocates and frees every node, edge, attribute record and string
// separately; for a million-edge export malloc and free were a fifth of the time. Freed
// pieces are not reused: the export builds the graph once, writes it and closes it.
//
// The discipline has no close(): with one, agclose() of libcgraph 2.42 hands the whole heap to
// it and returns, skipping the dictionaries that cdt allocates with malloc (LeakSanitizer
// found 9 per graph). Without, agclose() takes its ordinary path: it closes every dictionary,
// and frees every piece into the arena (nothing to do); the Arena, which outlives the graph,
// then returns the blocks.
class Arena {
 public:
  Arena() = default;
  Arena(const Arena&) = delete;
  Arena& operator=(const Arena&) = delete;
  ~Arena() {
    for (void* block : blocks_) std::free(block);
  }
  void* allocate(size_t size) {
    size = (size + 15) & ~size_t{15};
    if (size > kBlock / 4) return new_block(size);  // large pieces get a block of their own
    if (size > left_) {
      next_ = static_cast<char*>(new_block(kBlock));
      left_ = kBlock;
    }
    void* out = next_;
    next_ += size;
    left_ -= size;
    return out;
  }

 private:
  static constexpr size_t kBlock = size_t{4} << 20;
  void* new_block(size_t size) {
    void* block = std::calloc(1, size);  // zeroed, as libcgraph expects of its allocator
    if (!block) return nullptr;          // libcgraph reports the failure
    blocks_.push_back(block);
    return block;
  }
  std::vector<void*> blocks_;
  char* next_ = nullptr;
  size_t left_ = 0;
};

// agopen() gives the memory discipline's open() the Agdisc_t it was called with; the arena
// travels beside it.
struct ArenaDisc {
  Agdisc_t disc;  // first: a pointer to it is a pointer to the ArenaDisc
  Arena* arena;
};

void* arena_open(Agdisc_t* disc) { return reinterpret_cast<ArenaDisc*>(disc)->arena; }
void* arena_alloc(void* arena, size_t size) { return static_cast<Arena*>(arena)->allocate(size); }
void* arena_resize(void* arena, void* old, size_t old_size, size_t size) {
  void* out = arena_alloc(arena, size);  // zeroed beyond what is copied
  if (out && old) std::memcpy(out, old, std::min(old_size, size));
  return out;
}
void arena_free(void*, void*) {}
Agmemdisc_t kArenaMemory = {arena_open, arena_alloc, arena_resize, arena_free, nullptr};

struct TypeStyle {
  const char* shape;
  const char* fill;
  const char* border;
};

// One look per node type; colours from a light qualitative palette so black labels stay
// readable on every fill.
TypeStyle style_of(extract::EntityType type) {
  using extract::EntityType;
  switch (type) {
    case EntityType::kPerson: return {"ellipse", "#cfe2ff", "#3d6cb9"};
    case EntityType::kOrg: return {"box", "#ffe5b4", "#c77c00"};
    case EntityType::kLocation: return {"hexagon", "#d4f0d4", "#3a8a3a"};
    case EntityType::kNorp: return {"octagon", "#f9d5e0", "#b0456a"};
    case EntityType::kEvent: return {"diamond", "#fff4b3", "#a88f00"};
    case EntityType::kDate: return {"note", "#e6e6e6", "#707070"};
    case EntityType::kWork: return {"folder", "#e6d8fa", "#7a4fbf"};
    case EntityType::kOther: return {"ellipse", "#f2f2f2", "#8a8a8a"};
  }
  return {"ellipse", "#f2f2f2", "#8a8a8a"};
}

std::string edge_label(const graph::Edge& e) {
  std::string label;
  if (!e.modality.empty()) label = e.modality + " ";
  if (e.negated) label += "not ";
  label += e.relation;
  for (char& ch : label) {
    if (ch == '_') ch = ' ';
  }
  return label;
}

std::string pen_width(uint32_t weight) {
  char text[16];
  std::snprintf(text, sizeof text, "%.1f", 1.0 + 1.5 * std::log2(static_cast<double>(std::max(weight, 1u))));
  return text;
}

}  // namespace

void AgraphCloser::operator()(Agraph_s* graph) const noexcept { agclose(graph); }

namespace {

AgraphPtr build_agraph_with(Agdisc_t* disc, const graph::KnowledgeGraph& g,
                            const graph::Subgraph* selection, const DotLayout& layout) {
  AgraphPtr agraph(agopen(c("kg"), Agdirected, disc));
  if (!agraph) throw Error("libcgraph: cannot create a graph (out of memory?)");
  Agraph_t* a = agraph.get();

  // Graph attributes: legible defaults for every engine; docs/formats.md explains them.
  const bool dot = layout.engine == "dot";
  agattr(a, AGRAPH, c("layout"), c(layout.engine));
  agattr(a, AGRAPH, c("overlap"), c(dot ? "true" : "prism"));
  agattr(a, AGRAPH, c("overlap_scaling"), c("3"));
  agattr(a, AGRAPH, c("sep"), c("+18"));
  agattr(a, AGRAPH, c("esep"), c("+8"));
  agattr(a, AGRAPH, c("splines"), c("true"));
  agattr(a, AGRAPH, c("outputorder"), c("edgesfirst"));
  agattr(a, AGRAPH, c("fontname"), c("DejaVu Sans"));
  agattr(a, AGRAPH, c("bgcolor"), c("white"));
  agattr(a, AGRAPH, c("pad"), c("0.3"));
  if (dot) {
    agattr(a, AGRAPH, c("rankdir"), c("LR"));
    agattr(a, AGRAPH, c("nodesep"), c("0.35"));
    agattr(a, AGRAPH, c("ranksep"), c("0.9"));
  } else {
    agattr(a, AGRAPH, c("K"), c("1.4"));
  }

  Agsym_t* n_label = agattr(a, AGNODE, c("label"), c(""));
  Agsym_t* n_type = agattr(a, AGNODE, c("type"), c(""));
  Agsym_t* n_shape = agattr(a, AGNODE, c("shape"), c("ellipse"));
  Agsym_t* n_fill = agattr(a, AGNODE, c("fillcolor"), c("white"));
  Agsym_t* n_color = agattr(a, AGNODE, c("color"), c("black"));
  agattr(a, AGNODE, c("style"), c("filled"));
  agattr(a, AGNODE, c("fontname"), c("DejaVu Sans"));
  agattr(a, AGNODE, c("fontsize"), c("13"));
  agattr(a, AGNODE, c("margin"), c("0.12,0.06"));
  Agsym_t* e_id = agattr(a, AGEDGE, c("id"), c(""));
  Agsym_t* e_label = agattr(a, AGEDGE, c("label"), c(""));
  Agsym_t* e_relation = agattr(a, AGEDGE, c("relation"), c(""));
  Agsym_t* e_weight = agattr(a, AGEDGE, c("weight"), c("1"));
  Agsym_t* e_pen = agattr(a, AGEDGE, c("penwidth"), c("1"));
  Agsym_t* e_style = agattr(a, AGEDGE, c("style"), c("solid"));
  Agsym_t* e_color = agattr(a, AGEDGE, c("color"), c("#555555"));
  Agsym_t* e_fontcolor = agattr(a, AGEDGE, c("fontcolor"), c("#333333"));
  agattr(a, AGEDGE, c("fontname"), c("DejaVu Sans"));
  agattr(a, AGEDGE, c("fontsize"), c("10"));
  agattr(a, AGEDGE, c("arrowsize"), c("0.7"));

  std::vector<uint32_t> all_nodes;
  std::vector<uint32_t> all_edges;
  if (!selection) {
    all_nodes.resize(g.nodes.size());
    for (uint32_t i = 0; i < all_nodes.size(); ++i) all_nodes[i] = i;
    all_edges.resize(g.edges.size());
    for (uint32_t i = 0; i < all_edges.size(); ++i) all_edges[i] = i;
  }
  const std::vector<uint32_t>& nodes = selection ? selection->nodes : all_nodes;
  const std::vector<uint32_t>& edges = selection ? selection->edges : all_edges;

  std::vector<Agnode_t*> handle(g.nodes.size(), nullptr);
  std::string name;
  for (uint32_t n : nodes) {
    const graph::Node& node = g.nodes[n];
    name = "n" + std::to_string(n);
    Agnode_t* v = agnode(a, c(name), 1);
    handle[n] = v;
    const TypeStyle s = style_of(node.type);
    agxset(v, n_label, c(node.label));
    agxset(v, n_type, c(std::string(extract::to_string(node.type))));
    agxset(v, n_shape, c(s.shape));
    agxset(v, n_fill, c(s.fill));
    agxset(v, n_color, c(s.border));
  }
  for (uint32_t e : edges) {
    const graph::Edge& edge = g.edges[e];
    // Anonymous edges: a named one costs libcgraph a string dictionary entry, which dominated
    // the time of a million-edge export. The id travels as the "id" attribute (also the id
    // of the edge's element in SVG).
    name = "e" + std::to_string(e);
    Agedge_t* x = agedge(a, handle[edge.source], handle[edge.target], nullptr, 1);
    agxset(x, e_id, c(name));
    agxset(x, e_label, c(edge_label(edge)));
    agxset(x, e_relation, c(edge.relation));
    if (edge.weight != 1) {  // 1 is the declared default: setting it changes nothing
      agxset(x, e_weight, c(std::to_string(edge.weight)));
    }
    agxset(x, e_pen, c(pen_width(edge.weight)));
    if (edge.negated) {
      agxset(x, e_style, c("dashed"));
      agxset(x, e_color, c("#b22222"));
      agxset(x, e_fontcolor, c("#b22222"));
    }
  }
  return agraph;
}

}  // namespace

AgraphPtr build_agraph(const graph::KnowledgeGraph& g, const graph::Subgraph* selection,
                       const DotLayout& layout) {
  static Agdisc_t disc = {&AgMemDisc, &AgIdDisc, &kStreamIo};
  return build_agraph_with(&disc, g, selection, layout);
}

void write_agraph(Agraph_s* agraph, std::ostream& out) {
  BufferedOutput buffer(out);
  if (agwrite(agraph, &buffer) != 0) throw Error("libcgraph: writing DOT failed");
  buffer.finish();
}

void write_dot(const graph::KnowledgeGraph& graph, std::ostream& out) {
  Arena arena;  // declared first: outlives the graph, which agclose() frees into it
  ArenaDisc disc{{&kArenaMemory, &AgIdDisc, &kStreamIo}, &arena};
  const AgraphPtr agraph = build_agraph_with(&disc.disc, graph, nullptr, DotLayout{});
  write_agraph(agraph.get(), out);
}

}  // namespace kg::exporter
