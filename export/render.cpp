#include "export/render.h"

#include <graphviz/gvc.h>

#include <cctype>
#include <mutex>

#include "export/atomic_file.h"
#include "export/dot_export.h"
#include "extract/error.h"

namespace kg::exporter {

namespace {

// One Graphviz context for the whole process, never freed. Graphviz's pango plugin keeps a
// pointer into the first context's font tables after gvFreeContext(), so a second context in
// the same process reads freed memory (AddressSanitizer found it: two renders in one
// process). libgvc is not thread-safe either, hence the lock around every use.
GVC_t* graphviz_context() {
  static GVC_t* const context = gvContext();
  if (!context) throw Error("Graphviz: cannot create a context");
  return context;
}

std::mutex& graphviz_mutex() {
  static std::mutex mutex;
  return mutex;
}

// Frees the layout before the graph is closed (the order libgvc requires).
class Layout {
 public:
  Layout(GVC_t* gvc, Agraph_t* graph, const std::string& engine) : gvc_(gvc), graph_(graph) {
    if (gvLayout(gvc_, graph_, engine.c_str()) != 0) {
      throw Error("Graphviz: layout with '" + engine + "' failed");
    }
  }
  ~Layout() { gvFreeLayout(gvc_, graph_); }
  Layout(const Layout&) = delete;
  Layout& operator=(const Layout&) = delete;

 private:
  GVC_t* gvc_;
  Agraph_t* graph_;
};

struct RenderData {
  char* data = nullptr;
  unsigned int length = 0;
  ~RenderData() {
    if (data) gvFreeRenderData(data);
  }
};

bool ends_with(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

}  // namespace

std::string render_format(const std::string& path) {
  std::string lower = path;
  for (char& ch : lower) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  if (ends_with(lower, ".svg")) return "svg";
  if (ends_with(lower, ".png")) return "png";
  throw InputError(path + ": cannot tell the image format; name the output FILE.svg or FILE.png");
}

void render(const graph::KnowledgeGraph& g, const RenderOptions& options, const std::string& path) {
  if (options.engine != "auto" && options.engine != "sfdp" && options.engine != "dot" &&
      options.engine != "neato") {
    throw InputError("--layout: expected auto, sfdp, dot or neato, got '" + options.engine + "'");
  }
  const std::string format = options.format.empty() ? render_format(path) : options.format;
  if (format != "svg" && format != "png") {
    throw InputError("unknown image format '" + format + "' (svg or png)");
  }
  const graph::Subgraph selection = graph::select_for_rendering(g, options.selection);
  const std::string engine = options.engine != "auto" ? options.engine
                             : selection.nodes.size() <= kLayeredMaxNodes ? "dot"
                                                                          : "sfdp";
  const AgraphPtr agraph = build_agraph(g, &selection, DotLayout{engine});
  const std::lock_guard<std::mutex> lock(graphviz_mutex());
  GVC_t* const gvc = graphviz_context();
  RenderData image;
  {
    const Layout layout(gvc, agraph.get(), engine);
    // Cairo draws antialiased PNGs and embeds nothing external in SVG.
    const std::string device = format == "png" ? "png:cairo" : "svg";
    if (gvRenderData(gvc, agraph.get(), device.c_str(), &image.data, &image.length) != 0) {
      throw Error("Graphviz: rendering " + format + " failed");
    }
  }
  AtomicFile file(path);
  file.stream().write(image.data, image.length);
  file.commit();
}

}  // namespace kg::exporter
