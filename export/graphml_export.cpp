#include "export/graphml_export.h"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <algorithm>
#include <charconv>
#include <string>
#include <string_view>
#include <vector>

#include "export/buffered_output.h"
#include "graph/algorithms.h"

namespace kg::exporter {

namespace {

// Appends `text` escaped for XML character data and attribute values.
void append_escaped(std::string& out, std::string_view text) {
  for (size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\r': out += "&#13;"; break;  // a raw CR would be read back as a newline
      case '\t':
      case '\n': out += static_cast<char>(c); break;
      default:
        if (c < 0x20 || c == 0x7F) {
          out += "\xEF\xBF\xBD";  // not allowed in XML 1.0, not even as a reference
        } else if (c == 0xEF && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0xBF &&
                   (static_cast<unsigned char>(text[i + 2]) == 0xBE ||
                    static_cast<unsigned char>(text[i + 2]) == 0xBF)) {
          out += "\xEF\xBF\xBD";  // U+FFFE, U+FFFF
          i += 2;
        } else {
          out += static_cast<char>(c);
        }
    }
  }
}

std::string json_list(const std::vector<std::string_view>& items) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> w(buffer);
  w.StartArray();
  for (std::string_view s : items) w.String(s.data(), static_cast<rapidjson::SizeType>(s.size()));
  w.EndArray();
  return std::string(buffer.GetString(), buffer.GetSize());
}

template <typename Number>
std::string number(Number value) {
  char text[32];
  const auto result = std::to_chars(text, text + sizeof text, value);
  return std::string(text, result.ptr);
}

// One <data> element.
void data(std::string& out, std::string_view key, std::string_view value) {
  out += "<data key=\"";
  out += key;
  out += "\">";
  append_escaped(out, value);
  out += "</data>";
}

struct Key {
  const char* id;
  const char* domain;  // "node" or "edge"
  const char* name;
  const char* type;
};

constexpr Key kKeys[] = {
    {"label", "node", "label", "string"},
    {"type", "node", "type", "string"},
    {"aliases", "node", "aliases", "string"},
    {"titles", "node", "titles", "string"},
    {"mentions", "node", "mentions", "int"},
    {"documents", "node", "documents", "int"},
    {"degree", "node", "degree", "int"},
    {"sources", "node", "sources", "string"},
    {"edge_label", "edge", "label", "string"},
    {"relation", "edge", "relation", "string"},
    {"weight", "edge", "weight", "double"},
    {"negated", "edge", "negated", "boolean"},
    {"modality", "edge", "modality", "string"},
    {"confidence", "edge", "confidence", "double"},
    {"evidence", "edge", "evidence", "int"},
    {"edge_sources", "edge", "sources", "string"},
};

}  // namespace

void write_graphml(const graph::KnowledgeGraph& g, std::ostream& stream) {
  BufferedOutput out(stream);
  std::string line;
  out.append(
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"\n"
      "         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
      "         xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
      "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n");
  for (const Key& k : kKeys) {
    line = "  <key id=\"";
    line += k.id;
    line += "\" for=\"";
    line += k.domain;
    line += "\" attr.name=\"";
    line += k.name;
    line += "\" attr.type=\"";
    line += k.type;
    line += "\"/>\n";
    out.append(line);
  }
  out.append("  <graph id=\"kg\" edgedefault=\"directed\">\n");

  const graph::Degrees degrees = graph::degrees(g);
  std::vector<std::string_view> items;
  for (uint32_t n = 0; n < g.nodes.size(); ++n) {
    const graph::Node& node = g.nodes[n];
    line = "    <node id=\"n" + number(n) + "\">";
    data(line, "label", node.label);
    data(line, "type", extract::to_string(node.type));
    items.clear();
    for (const graph::Alias& a : node.aliases) items.push_back(a.name);
    data(line, "aliases", json_list(items));
    items.assign(node.titles.begin(), node.titles.end());
    data(line, "titles", json_list(items));
    data(line, "mentions", number(node.mention_count));
    data(line, "documents", number(node.sources.size()));
    data(line, "degree", number(degrees.degree[n]));
    items.clear();
    for (uint32_t d : node.sources) items.push_back(g.documents[d].id);
    data(line, "sources", json_list(items));
    line += "</node>\n";
    out.append(line);
  }
  for (uint32_t e = 0; e < g.edges.size(); ++e) {
    const graph::Edge& edge = g.edges[e];
    line = "    <edge id=\"e" + number(e) + "\" source=\"n" + number(edge.source) + "\" target=\"n" +
           number(edge.target) + "\">";
    data(line, "edge_label", edge.relation);
    data(line, "relation", edge.relation);
    data(line, "weight", number(edge.weight));
    data(line, "negated", edge.negated ? "true" : "false");
    if (!edge.modality.empty()) data(line, "modality", edge.modality);
    data(line, "confidence", number(edge.confidence));
    data(line, "evidence", number(edge.evidence_end - edge.evidence_begin));
    items.clear();
    for (uint32_t d : g.edge_sources(edge)) items.push_back(g.documents[d].id);
    data(line, "edge_sources", json_list(items));
    line += "</edge>\n";
    out.append(line);
  }
  out.append("  </graph>\n</graphml>\n");
  out.finish();
}

}  // namespace kg::exporter
