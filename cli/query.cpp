// kg query: look-ups in a database: entities, neighbours, facts with their evidence, paths,
// and why two names are or are not one entity.

#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>

#include <iostream>
#include <map>

#include "cli/args.h"
#include "cli/commands.h"
#include "cli/output.h"
#include "export/query.h"
#include "export/store.h"
#include "extract/error.h"

namespace kg::cli {

namespace {

using exporter::EdgeInfo;
using exporter::EntityInfo;
using exporter::node_id;

const OptionSpec kJson{"--json", "", "JSON instead of a text table"};
const OptionSpec kCsv{"--csv", "", "CSV (RFC 4180) instead of a text table"};

const CommandSpec kEntities{
    "kg query DB entities",
    "[--type TYPE] [--match TEXT] [--limit N] [--json|--csv]",
    "Lists entities, most connected first, with their type, degree, mention and document\n"
    "counts and aliases.",
    {{"--type", "TYPE", "only this type (PERSON, ORG, LOCATION, NORP, EVENT, DATE, WORK, OTHER)"},
     {"--match", "TEXT", "only entities with an alias containing TEXT (case and accents ignored)"},
     {"--limit", "N", "at most N entities (default: all)"},
     kJson,
     kCsv},
    0,
    0,
};

const CommandSpec kNeighbors{
    "kg query DB neighbors",
    "NAME [--depth N] [--relation R]... [--json|--csv]",
    "The entities within N hops of NAME (edges in either direction), one row per edge walked.\n"
    "NAME is matched through aliases, ignoring case and accents, or is an id like n12.",
    {{"--depth", "N", "hops from NAME (default 1)"},
     {"--relation", "R", "only edges with this relation (repeatable)", true},
     kJson,
     kCsv},
    1,
    1,
};

const CommandSpec kFacts{
    "kg query DB facts",
    "NAME [NAME2] [--json|--csv]",
    "The facts about NAME (or between NAME and NAME2, in either direction), strongest first,\n"
    "each with its sources and evidence sentences (offsets are Unicode code points).",
    {kJson, kCsv},
    1,
    2,
};

const CommandSpec kPath{
    "kg query DB path",
    "A B [--json|--csv]",
    "The shortest chain of facts from A to B, over edges in either direction, preferring\n"
    "edges that more documents support (each hop costs 1 + 1/weight).",
    {kJson, kCsv},
    2,
    2,
};

const CommandSpec kExplain{
    "kg query DB explain",
    "A B [--json]",
    "Whether the names A and B are one entity: their aliases, where each name occurs and how it\n"
    "was linked in its document, the merge decisions (rule and evidence) that joined the\n"
    "documents' entities, or why the two were kept apart.",
    {kJson},
    2,
    2,
};

struct Query {
  std::string_view name;
  const CommandSpec* spec;
  int (*run)(const exporter::Store&, const ParsedArgs&);
};

std::string type_name(extract::EntityType t) { return std::string(extract::to_string(t)); }

std::string join(const std::vector<std::string>& items, std::string_view separator) {
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) {
    if (i) out += separator;
    out += items[i];
  }
  return out;
}

std::string edge_text(const EdgeInfo& e) {
  std::string relation = e.relation;
  if (e.negated) relation = "not " + relation;
  if (!e.modality.empty()) relation = e.modality + " " + relation;
  return e.source_label + " -[" + relation + "]-> " + e.target_label;
}

// JSON helpers over a pretty writer.
using Json = rapidjson::PrettyWriter<rapidjson::StringBuffer>;
void put(Json& w, std::string_view s) { w.String(s.data(), static_cast<rapidjson::SizeType>(s.size())); }
void put_key(Json& w, std::string_view k) { w.Key(k.data(), static_cast<rapidjson::SizeType>(k.size())); }

void put_entity(Json& w, const EntityInfo& e) {
  w.StartObject();
  put_key(w, "id");
  put(w, node_id(e.id));
  put_key(w, "label");
  put(w, e.label);
  put_key(w, "type");
  put(w, extract::to_string(e.type));
  put_key(w, "degree");
  w.Uint(e.degree);
  put_key(w, "mentions");
  w.Uint(e.mentions);
  put_key(w, "documents");
  w.Uint(e.documents);
  w.EndObject();
}

void put_edge_fields(Json& w, const EdgeInfo& e) {
  put_key(w, "id");
  put(w, "e" + std::to_string(e.id));
  put_key(w, "source");
  put(w, node_id(e.source));
  put_key(w, "source_label");
  put(w, e.source_label);
  put_key(w, "relation");
  put(w, e.relation);
  put_key(w, "target");
  put(w, node_id(e.target));
  put_key(w, "target_label");
  put(w, e.target_label);
  put_key(w, "negated");
  w.Bool(e.negated);
  put_key(w, "modality");
  if (e.modality.empty()) {
    w.Null();
  } else {
    put(w, e.modality);
  }
  put_key(w, "weight");
  w.Uint(e.weight);
}

void flush_json(rapidjson::StringBuffer& buffer) { std::cout << buffer.GetString() << '\n'; }

std::vector<Cell> edge_cells(const EdgeInfo& e) {
  return {text_cell("e" + std::to_string(e.id)), text_cell(e.source_label), text_cell(e.relation),
          text_cell(e.target_label), number_cell(static_cast<long long>(e.weight)),
          text_cell(e.negated ? "yes" : "no"), text_cell(e.modality)};
}
const std::vector<std::string> kEdgeColumns = {"edge", "source", "relation", "target",
                                               "weight", "negated", "modality"};

// --- the queries -----------------------------------------------------------------------

int run_entities(const exporter::Store& store, const ParsedArgs& args) {
  exporter::EntityFilter filter;
  if (const auto type = args.value("--type")) {
    filter.type = extract::parse_entity_type(*type);
    if (!filter.type) {
      throw InputError("--type: unknown type '" + *type +
                       "' (PERSON, ORG, LOCATION, NORP, EVENT, DATE, WORK, OTHER)");
    }
  }
  filter.match = args.value_or("--match", "");
  filter.limit = static_cast<size_t>(args.integer("--limit", 0, 0, 1000000000));
  const auto found = exporter::find_entities(store, filter);
  Table table{{"id", "entity", "type", "degree", "mentions", "documents", "aliases"}, {}};
  for (const EntityInfo& e : found) {
    std::vector<std::string> aliases;
    for (const auto& a : exporter::entity_aliases(store, e.id)) aliases.push_back(a.name);
    table.rows.push_back({text_cell(node_id(e.id)), text_cell(e.label), text_cell(type_name(e.type)),
                          number_cell(static_cast<long long>(e.degree)),
                          number_cell(static_cast<long long>(e.mentions)),
                          number_cell(static_cast<long long>(e.documents)),
                          text_cell(join(aliases, "; "))});
  }
  print_table(table, output_format(args), std::cout);
  return 0;
}

int run_neighbors(const exporter::Store& store, const ParsedArgs& args) {
  const int depth = static_cast<int>(args.integer("--depth", 1, 1, 10));
  const uint32_t node = exporter::resolve_entity(store, args.positionals()[0]);
  const auto hood = exporter::neighbours(store, node, depth, args.values("--relation"));
  std::map<uint32_t, uint32_t> distance{{hood.center.id, 0}};
  for (const auto& n : hood.neighbours) distance[n.entity.id] = n.distance;
  Table table{{"distance"}, {}};
  table.columns.insert(table.columns.end(), kEdgeColumns.begin(), kEdgeColumns.end());
  for (const EdgeInfo& e : hood.edges) {
    std::vector<Cell> row{number_cell(static_cast<long long>(std::max(distance[e.source], distance[e.target])))};
    for (Cell& c : edge_cells(e)) row.push_back(std::move(c));
    table.rows.push_back(std::move(row));
  }
  if (output_format(args) == OutputFormat::kText) {
    std::cout << node_id(hood.center.id) << " " << one_line(hood.center.label) << " ("
              << type_name(hood.center.type) << "): " << hood.neighbours.size()
              << " entities within " << depth << (depth == 1 ? " hop" : " hops") << "\n\n";
  }
  print_table(table, output_format(args), std::cout);
  return 0;
}

int run_facts(const exporter::Store& store, const ParsedArgs& args) {
  const uint32_t a = exporter::resolve_entity(store, args.positionals()[0]);
  std::optional<uint32_t> b;
  if (args.positionals().size() > 1) b = exporter::resolve_entity(store, args.positionals()[1]);
  const auto found = exporter::facts(store, a, b);
  const OutputFormat format = output_format(args);
  if (format == OutputFormat::kJson) {
    rapidjson::StringBuffer buffer;
    Json w(buffer);
    w.SetIndent(' ', 2);
    w.StartArray();
    for (const auto& f : found) {
      w.StartObject();
      put_edge_fields(w, f.edge);
      put_key(w, "sources");
      w.StartArray();
      for (const auto& s : f.sources) put(w, s);
      w.EndArray();
      put_key(w, "evidence");
      w.StartArray();
      for (const auto& ev : f.evidence) {
        w.StartObject();
        put_key(w, "doc");
        put(w, ev.document);
        put_key(w, "sentence");
        put(w, ev.sentence_text);
        put_key(w, "start");
        w.Uint(ev.start);
        put_key(w, "end");
        w.Uint(ev.end);
        put_key(w, "confidence");
        w.Double(ev.confidence);
        put_key(w, "attributed_to");
        if (ev.attributed_to.empty()) {
          w.Null();
        } else {
          put(w, ev.attributed_to);
        }
        put_key(w, "arguments");
        w.StartArray();
        for (const auto& arg : ev.arguments) {
          w.StartObject();
          put_key(w, "role");
          put(w, extract::to_string(arg.role));
          put_key(w, "text");
          put(w, arg.text);
          w.EndObject();
        }
        w.EndArray();
        w.EndObject();
      }
      w.EndArray();
      w.EndObject();
    }
    w.EndArray();
    flush_json(buffer);
    return 0;
  }
  if (format == OutputFormat::kCsv) {
    Table table{kEdgeColumns, {}};
    for (const char* c : {"doc", "start", "end", "confidence", "attributed_to", "sentence"}) {
      table.columns.emplace_back(c);
    }
    for (const auto& f : found) {
      for (const auto& ev : f.evidence) {
        auto row = edge_cells(f.edge);
        row.push_back(text_cell(ev.document));
        row.push_back(number_cell(static_cast<long long>(ev.start)));
        row.push_back(number_cell(static_cast<long long>(ev.end)));
        row.push_back(number_cell(ev.confidence));
        row.push_back(text_cell(ev.attributed_to));
        row.push_back(text_cell(ev.sentence_text));
        table.rows.push_back(std::move(row));
      }
    }
    print_table(table, format, std::cout);
    return 0;
  }
  if (found.empty()) std::cout << "no facts\n";
  for (const auto& f : found) {
    std::cout << one_line(edge_text(f.edge)) << "   [e" << f.edge.id << ", weight " << f.edge.weight
              << ", sources " << join(f.sources, ", ") << "]\n";
    for (const auto& ev : f.evidence) {
      std::cout << "    " << ev.document << " @" << ev.start << "-" << ev.end;
      if (!ev.attributed_to.empty()) std::cout << " (according to " << one_line(ev.attributed_to) << ")";
      for (const auto& arg : ev.arguments) {
        std::cout << " [" << extract::to_string(arg.role) << ": " << one_line(arg.text) << "]";
      }
      std::cout << ": " << one_line(ev.sentence_text) << '\n';
    }
  }
  return 0;
}

int run_path(const exporter::Store& store, const ParsedArgs& args) {
  const uint32_t a = exporter::resolve_entity(store, args.positionals()[0]);
  const uint32_t b = exporter::resolve_entity(store, args.positionals()[1]);
  const auto found = exporter::path(store, a, b);
  const OutputFormat format = output_format(args);
  if (!found) {
    // Not an error: the answer is that there is no path.
    if (format == OutputFormat::kJson) {
      std::cout << "null\n";
    } else if (format == OutputFormat::kText) {
      std::cout << "no path between " << one_line(args.positionals()[0]) << " and "
                << one_line(args.positionals()[1]) << '\n';
    } else {
      print_table(Table{{"step"}, {}}, format, std::cout);
    }
    return 0;
  }
  if (format == OutputFormat::kJson) {
    rapidjson::StringBuffer buffer;
    Json w(buffer);
    w.SetIndent(' ', 2);
    w.StartObject();
    put_key(w, "cost");
    w.Double(found->cost);
    put_key(w, "nodes");
    w.StartArray();
    for (const auto& n : found->nodes) put_entity(w, n);
    w.EndArray();
    put_key(w, "edges");
    w.StartArray();
    for (const auto& e : found->edges) {
      w.StartObject();
      put_edge_fields(w, e);
      w.EndObject();
    }
    w.EndArray();
    w.EndObject();
    flush_json(buffer);
    return 0;
  }
  Table table{{"step"}, {}};
  table.columns.insert(table.columns.end(), kEdgeColumns.begin(), kEdgeColumns.end());
  for (size_t i = 0; i < found->edges.size(); ++i) {
    std::vector<Cell> row{number_cell(static_cast<long long>(i + 1))};
    for (Cell& c : edge_cells(found->edges[i])) row.push_back(std::move(c));
    table.rows.push_back(std::move(row));
  }
  if (format == OutputFormat::kText) {
    std::string chain;
    for (size_t i = 0; i < found->nodes.size(); ++i) chain += (i ? " - " : "") + found->nodes[i].label;
    std::cout << one_line(chain) << "   (" << found->edges.size()
              << (found->edges.size() == 1 ? " hop" : " hops") << ")\n\n";
  }
  print_table(table, format, std::cout);
  return 0;
}

void print_uses(const std::string& name, const std::vector<exporter::NameUse>& uses) {
  std::cout << "'" << one_line(name) << "' occurs as:\n";
  for (const auto& u : uses) {
    std::cout << "  " << u.document << ": '" << one_line(u.text) << "'";
    if (u.rule == "entity name") {
      std::cout << " (the name of the document's entity)\n";
    } else {
      std::cout << " (" << u.rule << " mention of the document's entity '" << one_line(u.local_name)
                << "')\n";
    }
  }
}

std::string alias_list(const std::vector<exporter::AliasInfo>& aliases) {
  std::vector<std::string> parts;
  for (const auto& a : aliases) {
    parts.push_back("'" + one_line(a.name) + "' (" + std::to_string(a.mentions) + " mentions in " +
                    std::to_string(a.documents) + " documents)");
  }
  return join(parts, ", ");
}

int run_explain(const exporter::Store& store, const ParsedArgs& args) {
  const auto ex = exporter::explain(store, args.positionals()[0], args.positionals()[1]);
  if (args.has("--json")) {
    rapidjson::StringBuffer buffer;
    Json w(buffer);
    w.SetIndent(' ', 2);
    auto put_aliases = [&](const std::vector<exporter::AliasInfo>& aliases) {
      w.StartArray();
      for (const auto& a : aliases) {
        w.StartObject();
        put_key(w, "name");
        put(w, a.name);
        put_key(w, "mentions");
        w.Uint(a.mentions);
        put_key(w, "documents");
        w.Uint(a.documents);
        w.EndObject();
      }
      w.EndArray();
    };
    auto put_uses = [&](const std::vector<exporter::NameUse>& uses) {
      w.StartArray();
      for (const auto& u : uses) {
        w.StartObject();
        put_key(w, "doc");
        put(w, u.document);
        put_key(w, "text");
        put(w, u.text);
        put_key(w, "rule");
        put(w, u.rule);
        put_key(w, "local_entity");
        put(w, u.local_name);
        w.EndObject();
      }
      w.EndArray();
    };
    w.StartObject();
    put_key(w, "same");
    w.Bool(ex.same);
    put_key(w, "a");
    put_entity(w, ex.a);
    put_key(w, "b");
    put_entity(w, ex.b);
    put_key(w, "aliases_a");
    put_aliases(ex.aliases_a);
    put_key(w, "aliases_b");
    put_aliases(ex.same ? ex.aliases_a : ex.aliases_b);
    put_key(w, "uses_a");
    put_uses(ex.uses_a);
    put_key(w, "uses_b");
    put_uses(ex.uses_b);
    put_key(w, "merges");
    w.StartArray();
    for (const auto& m : ex.merges) {
      w.StartObject();
      put_key(w, "doc");
      put(w, m.document);
      put_key(w, "name");
      put(w, m.name);
      put_key(w, "with_doc");
      put(w, m.anchor_document);
      put_key(w, "with_name");
      put(w, m.anchor_name);
      put_key(w, "rule");
      put(w, m.rule);
      put_key(w, "evidence");
      put(w, m.evidence);
      w.EndObject();
    }
    w.EndArray();
    put_key(w, "apart");
    if (ex.same) {
      w.Null();
    } else {
      put(w, ex.apart);
    }
    w.EndObject();
    flush_json(buffer);
    return 0;
  }
  auto entity_line = [](const EntityInfo& e) {
    return node_id(e.id) + " " + one_line(e.label) + " (" + type_name(e.type) + ", " +
           std::to_string(e.mentions) + " mentions in " + std::to_string(e.documents) + " documents)";
  };
  if (ex.same) {
    std::cout << "'" << one_line(ex.name_a) << "' and '" << one_line(ex.name_b)
              << "' are one entity: " << entity_line(ex.a) << "\n\naliases: " << alias_list(ex.aliases_a)
              << "\n\n";
  } else {
    std::cout << "'" << one_line(ex.name_a) << "' and '" << one_line(ex.name_b)
              << "' are different entities:\n  " << entity_line(ex.a) << "\n  " << entity_line(ex.b)
              << "\n\nwhy apart: " << ex.apart << "\n\naliases of " << node_id(ex.a.id) << ": "
              << alias_list(ex.aliases_a) << "\naliases of " << node_id(ex.b.id) << ": "
              << alias_list(ex.aliases_b) << "\n\n";
  }
  print_uses(ex.name_a, ex.uses_a);
  print_uses(ex.name_b, ex.uses_b);
  std::cout << "\nmerge decisions (" << ex.merges.size() << "):\n";
  for (const auto& m : ex.merges) {
    std::cout << "  " << m.document << " '" << one_line(m.name) << "' joined " << m.anchor_document
              << " '" << one_line(m.anchor_name) << "' by " << m.rule << ": " << one_line(m.evidence)
              << '\n';
  }
  return 0;
}

const Query kQueries[] = {
    {"entities", &kEntities, run_entities}, {"neighbors", &kNeighbors, run_neighbors},
    {"facts", &kFacts, run_facts},          {"path", &kPath, run_path},
    {"explain", &kExplain, run_explain},
};

std::string general_help() {
  std::string out =
      "usage: kg query DB QUERY [ARGS...] [--json|--csv]\n\n"
      "Looks things up in a kg database. Names match through aliases, ignoring case and accents;\n"
      "an id like n12 (as in the exports) names one entity exactly.\n\nqueries:\n";
  for (const Query& q : kQueries) out += "  kg query DB " + std::string(q.name) + " " + std::string(q.spec->usage) + "\n";
  return out + "\n`kg query DB QUERY --help` describes each one.\n";
}

}  // namespace

int run_query(const Args& args) {
  if (args.empty() || args[0] == "--help" || args[0] == "-h") {
    std::cout << general_help();
    return args.empty() ? 2 : 0;
  }
  if (args.size() < 2 || args[1] == "--help" || args[1] == "-h") {
    if (args.size() >= 2) {
      std::cout << general_help();
      return 0;
    }
    throw InputError("kg query: expected DB QUERY (entities, neighbors, facts, path or explain)");
  }
  const std::string& name = args[1];
  for (const Query& q : kQueries) {
    if (q.name != name) continue;
    const ParsedArgs parsed = parse_args(*q.spec, Args(args.begin() + 2, args.end()));
    if (parsed.help_requested()) {
      std::cout << help_text(*q.spec);
      return 0;
    }
    const exporter::Store store = exporter::Store::open(args[0]);
    return q.run(store, parsed);
  }
  std::vector<std::string> names;
  for (const Query& q : kQueries) names.emplace_back(q.name);
  std::string message = "kg query: unknown query '" + name + "'";
  if (const auto near = closest(name, names, 1); !near.empty()) {
    message += "; did you mean '" + near.front() + "'?";
  }
  throw InputError(message + " (entities, neighbors, facts, path, explain)");
}

}  // namespace kg::cli
