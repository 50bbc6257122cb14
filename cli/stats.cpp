// kg stats: what a database holds: counts, entities by type, top entities by degree, the
// most frequent relations, and how many documents support each edge.

#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>

#include <iostream>

#include "cli/args.h"
#include "cli/commands.h"
#include "cli/output.h"
#include "export/query.h"
#include "export/store.h"

namespace kg::cli {

namespace {

const CommandSpec kSpec{
    "kg stats",
    "DB [--top N] [--json]",
    "Summarises the database: numbers of documents, sentences, mentions, triples, entities,\n"
    "aliases, edges and merge decisions; entities by type; the entities with the most edges;\n"
    "the most frequent relations; the distribution of sources per edge (edge weights).",
    {
        {"--top", "N", "how many top entities and relations to list (default 10)"},
        {"--json", "", "one JSON object instead of text"},
    },
    1,
    1,
};

void print_json(const exporter::Stats& s) {
  rapidjson::StringBuffer buffer;
  rapidjson::PrettyWriter<rapidjson::StringBuffer> w(buffer);
  w.SetIndent(' ', 2);
  w.StartObject();
  const std::pair<const char*, uint64_t> counts[] = {
      {"documents", s.documents}, {"sentences", s.sentences}, {"mentions", s.mentions},
      {"triples", s.triples},     {"entities", s.entities},   {"aliases", s.aliases},
      {"edges", s.edges},         {"merges", s.merges}};
  for (const auto& [name, value] : counts) {
    w.Key(name);
    w.Uint64(value);
  }
  w.Key("entities_by_type");
  w.StartObject();
  for (const auto& [type, n] : s.entities_by_type) {
    w.Key(type.c_str());
    w.Uint64(n);
  }
  w.EndObject();
  w.Key("top_entities");
  w.StartArray();
  for (const exporter::EntityInfo& e : s.top_entities) {
    w.StartObject();
    w.Key("id");
    w.String(exporter::node_id(e.id).c_str());
    w.Key("label");
    w.String(e.label.c_str(), static_cast<rapidjson::SizeType>(e.label.size()));
    w.Key("type");
    w.String(extract::to_string(e.type).data());
    w.Key("degree");
    w.Uint(e.degree);
    w.EndObject();
  }
  w.EndArray();
  w.Key("top_relations");
  w.StartObject();
  for (const auto& [relation, n] : s.top_relations) {
    w.Key(relation.c_str(), static_cast<rapidjson::SizeType>(relation.size()));
    w.Uint64(n);
  }
  w.EndObject();
  w.Key("sources_per_edge");
  w.StartObject();
  for (const auto& [weight, n] : s.sources_per_edge) {
    const std::string key = std::to_string(weight);
    w.Key(key.c_str());
    w.Uint64(n);
  }
  w.EndObject();
  w.EndObject();
  std::cout << buffer.GetString() << '\n';
}

void print_text(const exporter::Stats& s) {
  std::cout << "documents  " << s.documents << "\nsentences  " << s.sentences << "\nmentions   "
            << s.mentions << "\ntriples    " << s.triples << "\nentities   " << s.entities
            << "\naliases    " << s.aliases << "\nedges      " << s.edges << "\nmerges     "
            << s.merges << "\n\n";
  Table types{{"type", "entities"}, {}};
  for (const auto& [type, n] : s.entities_by_type) {
    types.rows.push_back({text_cell(type), number_cell(static_cast<long long>(n))});
  }
  print_table(types, OutputFormat::kText, std::cout);
  std::cout << '\n';
  Table top{{"id", "entity", "type", "degree"}, {}};
  for (const exporter::EntityInfo& e : s.top_entities) {
    top.rows.push_back({text_cell(exporter::node_id(e.id)), text_cell(e.label),
                        text_cell(std::string(extract::to_string(e.type))),
                        number_cell(static_cast<long long>(e.degree))});
  }
  print_table(top, OutputFormat::kText, std::cout);
  std::cout << '\n';
  Table relations{{"relation", "edges"}, {}};
  for (const auto& [relation, n] : s.top_relations) {
    relations.rows.push_back({text_cell(relation), number_cell(static_cast<long long>(n))});
  }
  print_table(relations, OutputFormat::kText, std::cout);
  std::cout << '\n';
  Table weights{{"sources per edge", "edges"}, {}};
  for (const auto& [weight, n] : s.sources_per_edge) {
    weights.rows.push_back({number_cell(static_cast<long long>(weight)),
                            number_cell(static_cast<long long>(n))});
  }
  print_table(weights, OutputFormat::kText, std::cout);
}

}  // namespace

int run_stats(const Args& args) {
  const ParsedArgs parsed = parse_args(kSpec, args);
  if (parsed.help_requested()) {
    std::cout << help_text(kSpec);
    return 0;
  }
  const size_t top = static_cast<size_t>(parsed.integer("--top", 10, 1, 1000000));
  const exporter::Store store = exporter::Store::open(parsed.positionals()[0]);
  const exporter::Stats s = exporter::stats(store, top);
  if (parsed.has("--json")) {
    print_json(s);
  } else {
    print_text(s);
  }
  return 0;
}

}  // namespace kg::cli
