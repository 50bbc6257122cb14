#include "export/query.h"

#include <SQLiteCpp/SQLiteCpp.h>

#include <algorithm>
#include <charconv>
#include <map>
#include <set>

#include "extract/edit_distance.h"
#include "extract/error.h"
#include "graph/algorithms.h"
#include "graph/name_key.h"
#include "graph/resolver.h"

namespace kg::exporter {

namespace {

constexpr const char* kEntityColumns = "id, label, type, key, mentions, documents, degree";

EntityInfo read_entity(const SQLite::Statement& q, int first = 0) {
  EntityInfo e;
  e.id = q.getColumn(first).getUInt();
  e.label = q.getColumn(first + 1).getString();
  e.type = extract::parse_entity_type(q.getColumn(first + 2).getString())
               .value_or(extract::EntityType::kOther);
  e.key = q.getColumn(first + 3).getString();
  e.mentions = q.getColumn(first + 4).getUInt();
  e.documents = q.getColumn(first + 5).getUInt();
  e.degree = q.getColumn(first + 6).getUInt();
  return e;
}

constexpr const char* kEdgeColumns =
    "e.id, e.source, e.target, s.label, t.label, e.relation, e.negated, e.modality, e.weight, "
    "e.confidence";
constexpr const char* kEdgeJoin =
    " FROM edges e JOIN entities s ON s.id = e.source JOIN entities t ON t.id = e.target ";

EdgeInfo read_edge(const SQLite::Statement& q) {
  EdgeInfo e;
  e.id = q.getColumn(0).getUInt();
  e.source = q.getColumn(1).getUInt();
  e.target = q.getColumn(2).getUInt();
  e.source_label = q.getColumn(3).getString();
  e.target_label = q.getColumn(4).getString();
  e.relation = q.getColumn(5).getString();
  e.negated = q.getColumn(6).getInt() != 0;
  e.modality = q.getColumn(7).isNull() ? std::string() : q.getColumn(7).getString();
  e.weight = q.getColumn(8).getUInt();
  e.confidence = q.getColumn(9).getDouble();
  return e;
}

// Rows by id through one prepared statement: a hub's thousands of edges and entities are
// looked up without preparing (parsing) a statement for each. A missing row throws `Missing`.
template <typename Info, typename Missing>
class LookupById {
 public:
  using Reader = Info (*)(const SQLite::Statement&);
  LookupById(const Store& store, const std::string& sql, Reader read, std::string what)
      : store_(store), q_(store.db(), sql), read_(read), what_(std::move(what)) {}
  Info operator()(uint32_t id) {
    q_.reset();
    q_.bind(1, id);
    if (!q_.executeStep()) throw Missing(store_.path() + ": no " + what_ + std::to_string(id));
    return read_(q_);
  }

 private:
  const Store& store_;
  SQLite::Statement q_;
  Reader read_;
  std::string what_;
};

// Edges come from the database itself: a missing one is damage, not the user's input.
LookupById<EdgeInfo, Error> edge_lookup(const Store& store) {
  return {store, std::string("SELECT ") + kEdgeColumns + kEdgeJoin + "WHERE e.id = ?", read_edge,
          "edge e"};
}

LookupById<EntityInfo, InputError> entity_lookup(const Store& store) {
  return {store, std::string("SELECT ") + kEntityColumns + " FROM entities WHERE id = ?",
          [](const SQLite::Statement& q) { return read_entity(q); }, "entity n"};
}

// A query's reads in one read transaction: SQLite then takes and releases its file lock once
// instead of once per statement execution (two fcntl calls each). Ends with a rollback,
// which for reads only releases the lock.
class ReadTransaction {
 public:
  explicit ReadTransaction(const Store& store) : db_(store.db()) { db_.exec("BEGIN"); }
  ~ReadTransaction() {
    try {
      db_.exec("ROLLBACK");
    } catch (...) {  // nothing to undo; the connection closes soon after
    }
  }
  ReadTransaction(const ReadTransaction&) = delete;
  ReadTransaction& operator=(const ReadTransaction&) = delete;

 private:
  SQLite::Database& db_;
};

std::optional<uint32_t> parse_node_id(std::string_view name) {
  if (name.size() < 2 || name[0] != 'n') return std::nullopt;
  uint32_t id = 0;
  const auto [ptr, ec] = std::from_chars(name.data() + 1, name.data() + name.size(), id);
  if (ec != std::errc() || ptr != name.data() + name.size()) return std::nullopt;
  return id;
}

std::string in_quotes(std::string_view s) { return "'" + std::string(s) + "'"; }

std::string describe(const EntityInfo& e) {
  return node_id(e.id) + " " + e.label + " (" + std::string(extract::to_string(e.type)) + ")";
}

std::string document_id(const Store& store, uint32_t document) {
  SQLite::Statement q(store.db(), "SELECT doc_id FROM documents WHERE id = ?");
  q.bind(1, document);
  return q.executeStep() ? q.getColumn(0).getString() : std::string();
}

// Suggestions for a name that matched nothing: aliases whose key starts with the typed key or
// holds it as a whole word, then the closest keys by edit distance; at most `count`, as "Alias (Label, TYPE)".
std::vector<std::string> suggestions(const Store& store, const std::string& key, size_t count) {
  std::vector<std::pair<size_t, std::string>> scored;  // (distance, text)
  std::set<std::string> seen;
  auto add = [&](size_t distance, const SQLite::Statement& q) {
    const std::string alias = q.getColumn(0).getString();
    const std::string label = q.getColumn(1).getString();
    const std::string type = q.getColumn(2).getString();
    std::string text = in_quotes(alias);
    if (alias != label) text += " (" + label + ", " + type + ")";
    else text += " (" + type + ")";
    if (seen.insert(text).second) scored.emplace_back(distance, text);
  };
  if (!key.empty()) {
    SQLite::Statement q(store.db(),
                        "SELECT a.name, e.label, e.type FROM aliases a JOIN entities e ON e.id = a.entity "
                        "WHERE a.key >= ?1 AND a.key < ?1 || x'ff' ORDER BY a.key LIMIT 8");
    q.bind(1, key);
    while (q.executeStep()) add(0, q);
    // A surname or any other whole word of a longer name ("Zelensky" for "Volodymyr Zelensky").
    SQLite::Statement words(store.db(),
                            "SELECT a.name, e.label, e.type FROM aliases a JOIN entities e ON e.id = a.entity "
                            "WHERE ' ' || a.key || ' ' LIKE '% ' || ?1 || ' %' ORDER BY e.degree DESC, a.key "
                            "LIMIT 8");
    words.bind(1, key);
    while (words.executeStep()) add(0, words);
  }
  const size_t limit = std::max<size_t>(2, key.size() / 3);
  SQLite::Statement q(store.db(),
                      "SELECT a.name, e.label, e.type, a.key FROM aliases a "
                      "JOIN entities e ON e.id = a.entity");
  while (q.executeStep()) {
    const SQLite::Column k = q.getColumn(3);
    const std::string_view alias_key(k.getText(), static_cast<size_t>(k.getBytes()));
    const size_t d = extract::edit_distance(key, alias_key, limit);
    if (d <= limit) add(d + 1, q);
  }
  std::stable_sort(scored.begin(), scored.end(),
                   [](const auto& x, const auto& y) { return x.first < y.first; });
  std::vector<std::string> out;
  for (size_t i = 0; i < scored.size() && out.size() < count; ++i) out.push_back(scored[i].second);
  return out;
}

std::vector<uint32_t> entities_with_key(const Store& store, const std::string& key) {
  SQLite::Statement q(store.db(), "SELECT DISTINCT entity FROM aliases WHERE key = ? ORDER BY entity");
  q.bind(1, key);
  std::vector<uint32_t> out;
  while (q.executeStep()) out.push_back(q.getColumn(0).getUInt());
  return out;
}

// Edges at a node from the two edge indexes, optionally restricted to some relations.
class IncidentQuery {
 public:
  IncidentQuery(const Store& store, const std::vector<std::string>& relations)
      : relations_(relations),
        out_(store.db(), relations.empty()
                             ? "SELECT id, target, weight FROM edges WHERE source = ?"
                             : "SELECT id, target, weight FROM edges WHERE source = ? AND relation = ?"),
        in_(store.db(), relations.empty()
                            ? "SELECT id, source, weight FROM edges WHERE target = ?"
                            : "SELECT id, source, weight FROM edges WHERE target = ? AND relation = ?") {}

  void operator()(uint32_t node, std::vector<graph::IncidentEdge>& found) {
    for (SQLite::Statement* q : {&out_, &in_}) {
      const size_t passes = relations_.empty() ? 1 : relations_.size();
      for (size_t r = 0; r < passes; ++r) {
        q->reset();
        q->bind(1, node);
        if (!relations_.empty()) q->bind(2, relations_[r]);
        while (q->executeStep()) {
          found.push_back({q->getColumn(0).getUInt(), q->getColumn(1).getUInt(),
                           q->getColumn(2).getUInt()});
        }
      }
    }
  }

 private:
  const std::vector<std::string>& relations_;
  SQLite::Statement out_;
  SQLite::Statement in_;
};

}  // namespace

std::string node_id(uint32_t node) { return "n" + std::to_string(node); }

uint32_t resolve_entity(const Store& store, std::string_view name) {
  const std::string key = graph::entity_key(name);
  const std::vector<uint32_t> matches = entities_with_key(store, key);
  if (matches.size() == 1) return matches.front();
  if (matches.empty()) {
    if (const auto id = parse_node_id(name)) {
      SQLite::Statement q(store.db(), "SELECT 1 FROM entities WHERE id = ?");
      q.bind(1, *id);
      if (q.executeStep()) return *id;
    }
    std::string message = "no entity named " + in_quotes(name);
    const std::vector<std::string> near = suggestions(store, key, 5);
    if (!near.empty()) {
      message += "; did you mean ";
      for (size_t i = 0; i < near.size(); ++i) message += (i ? ", " : "") + near[i];
      message += "?";
    } else {
      message += " (`kg query DB entities --match TEXT` lists names)";
    }
    throw InputError(message);
  }
  std::string message = in_quotes(name) + " names " + std::to_string(matches.size()) + " entities: ";
  for (size_t i = 0; i < matches.size(); ++i) {
    message += (i ? ", " : "") + describe(entity_info(store, matches[i]));
  }
  throw InputError(message + "; give the id (e.g. " + node_id(matches.front()) + ") instead");
}

EntityInfo entity_info(const Store& store, uint32_t node) { return entity_lookup(store)(node); }

std::vector<AliasInfo> entity_aliases(const Store& store, uint32_t node) {
  SQLite::Statement q(store.db(),
                      "SELECT name, mentions, documents FROM aliases WHERE entity = ? ORDER BY name");
  q.bind(1, node);
  std::vector<AliasInfo> out;
  while (q.executeStep()) {
    out.push_back({q.getColumn(0).getString(), q.getColumn(1).getUInt(), q.getColumn(2).getUInt()});
  }
  return out;
}

std::vector<EntityInfo> find_entities(const Store& store, const EntityFilter& filter) {
  std::string sql = std::string("SELECT ") + kEntityColumns + " FROM entities WHERE 1";
  if (filter.type) sql += " AND type = :type";
  if (!filter.match.empty()) {
    sql += " AND id IN (SELECT entity FROM aliases WHERE instr(key, :match) > 0)";
  }
  sql += " ORDER BY degree DESC, id";
  if (filter.limit > 0) sql += " LIMIT " + std::to_string(filter.limit);
  SQLite::Statement q(store.db(), sql);
  if (filter.type) q.bind(":type", std::string(extract::to_string(*filter.type)));
  if (!filter.match.empty()) q.bind(":match", graph::entity_key(filter.match));
  std::vector<EntityInfo> out;
  while (q.executeStep()) out.push_back(read_entity(q));
  return out;
}

NeighbourhoodInfo neighbours(const Store& store, uint32_t node, int depth,
                             const std::vector<std::string>& relations) {
  const ReadTransaction reads(store);
  auto entity = entity_lookup(store);
  auto edge = edge_lookup(store);
  NeighbourhoodInfo out;
  out.center = entity(node);
  IncidentQuery incident(store, relations);
  const graph::Neighbourhood hood = graph::neighbourhood(
      node, depth, [&](uint32_t v, std::vector<graph::IncidentEdge>& found) { incident(v, found); });
  for (size_t i = 1; i < hood.nodes.size(); ++i) {
    out.neighbours.push_back(Neighbour{entity(hood.nodes[i]), hood.distance[i]});
  }
  for (uint32_t e : hood.edges) out.edges.push_back(edge(e));
  return out;
}

std::vector<FactInfo> facts(const Store& store, uint32_t a, std::optional<uint32_t> b) {
  SQLite::Database& db = store.db();
  const ReadTransaction reads(store);
  std::vector<uint32_t> ids;
  {
    SQLite::Statement q(db, b ? "SELECT id FROM edges WHERE source = ?1 AND target = ?2 UNION "
                                "SELECT id FROM edges WHERE source = ?2 AND target = ?1"
                              : "SELECT id FROM edges WHERE source = ?1 UNION "
                                "SELECT id FROM edges WHERE target = ?1");
    q.bind(1, a);
    if (b) q.bind(2, *b);
    while (q.executeStep()) ids.push_back(q.getColumn(0).getUInt());
  }
  std::vector<FactInfo> out;
  out.reserve(ids.size());
  auto edge = edge_lookup(store);
  for (uint32_t id : ids) out.push_back(FactInfo{edge(id), {}, {}});
  std::sort(out.begin(), out.end(), [](const FactInfo& x, const FactInfo& y) {
    return x.edge.weight != y.edge.weight ? x.edge.weight > y.edge.weight : x.edge.id < y.edge.id;
  });

  // The evidence sentence is cut out by SQLite: substr() counts characters, as the stored
  // offsets do (code points), so no document text is copied out and mapped.
  SQLite::Statement evidence(
      db,
      "SELECT d.doc_id, t.sentence, substr(d.text, s.start + 1, s.end - s.start), t.start, t.end, "
      "t.confidence, (SELECT e.label FROM local_entities l JOIN entities e ON e.id = l.entity "
      "               WHERE l.document = t.document AND l.idx = t.attributed_to), "
      "ev.document, ev.triple "
      "FROM evidence ev JOIN documents d ON d.id = ev.document "
      "JOIN triples t ON t.document = ev.document AND t.idx = ev.triple "
      "JOIN sentences s ON s.document = t.document AND s.idx = t.sentence "
      "WHERE ev.edge = ? ORDER BY ev.idx");
  SQLite::Statement arguments(db,
                              "SELECT role, text, start, end FROM arguments "
                              "WHERE document = ? AND triple = ? ORDER BY idx");
  for (FactInfo& fact : out) {
    evidence.reset();
    evidence.bind(1, fact.edge.id);
    while (evidence.executeStep()) {
      EvidenceInfo ev;
      ev.document = evidence.getColumn(0).getString();
      ev.sentence = evidence.getColumn(1).getUInt();
      ev.sentence_text = evidence.getColumn(2).getString();
      ev.start = evidence.getColumn(3).getUInt();
      ev.end = evidence.getColumn(4).getUInt();
      ev.confidence = evidence.getColumn(5).getDouble();
      if (!evidence.getColumn(6).isNull()) ev.attributed_to = evidence.getColumn(6).getString();
      arguments.reset();
      arguments.bind(1, evidence.getColumn(7).getInt64());
      arguments.bind(2, evidence.getColumn(8).getInt64());
      while (arguments.executeStep()) {
        extract::Argument arg;
        arg.role = extract::parse_argument_role(arguments.getColumn(0).getString())
                       .value_or(extract::ArgumentRole::kOther);
        arg.text = arguments.getColumn(1).getString();
        arg.span = {arguments.getColumn(2).getUInt(), arguments.getColumn(3).getUInt()};
        ev.arguments.push_back(std::move(arg));
      }
      if (fact.sources.empty() || fact.sources.back() != ev.document) {
        fact.sources.push_back(ev.document);
      }
      fact.evidence.push_back(std::move(ev));
    }
  }
  return out;
}

std::optional<PathInfo> path(const Store& store, uint32_t from, uint32_t to) {
  const graph::KnowledgeGraph g =
      load_graph(store, LoadOptions{.attributes = false, .text = false, .merges = false});
  const std::optional<graph::Path> found = graph::shortest_path(g, from, to);
  if (!found) return std::nullopt;
  const ReadTransaction reads(store);
  auto entity = entity_lookup(store);
  auto edge = edge_lookup(store);
  PathInfo out;
  out.cost = found->cost;
  for (uint32_t n : found->nodes) out.nodes.push_back(entity(n));
  for (uint32_t e : found->edges) out.edges.push_back(edge(e));
  return out;
}

Explanation explain(const Store& store, std::string_view name_a, std::string_view name_b) {
  Explanation out;
  out.name_a = name_a;
  out.name_b = name_b;
  out.a = entity_info(store, resolve_entity(store, name_a));
  out.b = entity_info(store, resolve_entity(store, name_b));
  out.same = out.a.id == out.b.id;
  out.aliases_a = entity_aliases(store, out.a.id);
  if (!out.same) out.aliases_b = entity_aliases(store, out.b.id);

  // Where each typed name occurs among the node's local entity names and name mentions.
  SQLite::Statement local_names(
      store.db(),
      "SELECT d.doc_id, l.name, l.entity FROM local_entities l JOIN documents d ON d.id = l.document "
      "WHERE l.entity = ? ORDER BY l.document, l.idx");
  SQLite::Statement mention_names(
      store.db(),
      "SELECT d.doc_id, l.name, substr(d.text, m.start + 1, m.end - m.start), m.rule, l.entity "
      "FROM local_entities l JOIN mentions m ON m.document = l.document AND m.local_entity = l.idx "
      "JOIN documents d ON d.id = l.document WHERE l.entity = ? ORDER BY m.document, m.idx");
  auto uses = [&](std::string_view name, uint32_t node) {
    const std::string key = graph::entity_key(name);
    std::vector<NameUse> found;
    std::set<std::tuple<std::string, std::string, std::string, std::string>> seen;
    mention_names.reset();
    mention_names.bind(1, node);
    while (mention_names.executeStep()) {
      const std::string text = mention_names.getColumn(2).getString();
      const std::string rule = mention_names.getColumn(3).getString();
      const auto link = extract::parse_link_rule(rule);
      if (!link || !graph::is_name_rule(*link) || graph::entity_key(text) != key) continue;
      NameUse use{mention_names.getColumn(0).getString(), mention_names.getColumn(1).getString(),
                  text, rule, mention_names.getColumn(4).getUInt()};
      if (seen.emplace(use.document, use.local_name, use.text, use.rule).second) found.push_back(use);
    }
    // A local entity's own name, where no mention in its document already shows it.
    local_names.reset();
    local_names.bind(1, node);
    while (local_names.executeStep()) {
      const std::string local = local_names.getColumn(1).getString();
      if (graph::entity_key(local) != key) continue;
      NameUse use{local_names.getColumn(0).getString(), local, local, "entity name",
                  local_names.getColumn(2).getUInt()};
      const bool shown = std::any_of(found.begin(), found.end(), [&](const NameUse& u) {
        return u.document == use.document && u.local_name == use.local_name && u.text == use.text;
      });
      if (!shown && seen.emplace(use.document, use.local_name, use.text, use.rule).second) {
        found.push_back(use);
      }
    }
    std::stable_sort(found.begin(), found.end(),
                     [](const NameUse& x, const NameUse& y) { return x.document < y.document; });
    return found;
  };
  out.uses_a = uses(name_a, out.a.id);
  out.uses_b = uses(name_b, out.b.id);

  SQLite::Statement merges(store.db(),
                           "SELECT m.document, l.name, l.type, m.rule, m.anchor_document, a.name, "
                           "m.evidence FROM merges m "
                           "JOIN local_entities l ON l.document = m.document AND l.idx = m.local_entity "
                           "JOIN local_entities a ON a.document = m.anchor_document "
                           "AND a.idx = m.anchor_local_entity "
                           "WHERE m.entity = ? ORDER BY m.document, m.local_entity");
  for (uint32_t node : out.same ? std::vector<uint32_t>{out.a.id}
                                : std::vector<uint32_t>{out.a.id, out.b.id}) {
    merges.reset();
    merges.bind(1, node);
    while (merges.executeStep()) {
      MergeInfo m;
      m.document = document_id(store, merges.getColumn(0).getUInt());
      m.name = merges.getColumn(1).getString();
      m.rule = merges.getColumn(3).getString();
      m.anchor_document = document_id(store, merges.getColumn(4).getUInt());
      m.anchor_name = merges.getColumn(5).getString();
      const auto rule = graph::parse_merge_rule(m.rule);
      const auto type = extract::parse_entity_type(merges.getColumn(2).getString())
                            .value_or(extract::EntityType::kOther);
      const std::string extra =
          merges.getColumn(6).isNull() ? std::string() : merges.getColumn(6).getString();
      m.evidence = rule ? graph::describe_merge(*rule, {m.document, m.name, type},
                                                {m.anchor_document, m.anchor_name, type}, extra)
                        : extra;
      out.merges.push_back(std::move(m));
    }
  }
  if (!out.same) {
    // The reasons for keeping two nodes apart are not stored: the resolver is rerun over the
    // stored documents (deterministic, so it takes the same decisions) and asked. This reads
    // every document, which only `explain` of two different entities pays for.
    const std::vector<extract::DocumentResult> documents = read_documents(store);
    const graph::Resolver resolver;
    const graph::Resolution resolution = resolver.resolve(documents);
    SQLite::Statement members(store.db(),
                              "SELECT document, idx FROM local_entities WHERE entity = ? "
                              "ORDER BY document, idx");
    auto members_of = [&](uint32_t node) {
      std::vector<graph::LocalRef> refs;
      members.reset();
      members.bind(1, node);
      while (members.executeStep()) {
        refs.push_back(graph::LocalRef{members.getColumn(0).getUInt(), members.getColumn(1).getUInt()});
      }
      return refs;
    };
    out.apart = resolver.why_apart(documents, resolution, members_of(out.a.id), members_of(out.b.id));
  }
  return out;
}

Stats stats(const Store& store, size_t top) {
  SQLite::Database& db = store.db();
  Stats s;
  auto count = [&](const char* table) {
    return static_cast<uint64_t>(db.execAndGet(std::string("SELECT count(*) FROM ") + table).getInt64());
  };
  s.documents = count("documents");
  s.sentences = count("sentences");
  s.mentions = count("mentions");
  s.triples = count("triples");
  s.entities = count("entities");
  s.aliases = count("aliases");
  s.edges = count("edges");
  s.merges = count("merges");
  {
    SQLite::Statement q(db, "SELECT type, count(*) FROM entities GROUP BY type ORDER BY type");
    while (q.executeStep()) {
      s.entities_by_type.emplace_back(q.getColumn(0).getString(),
                                      static_cast<uint64_t>(q.getColumn(1).getInt64()));
    }
  }
  {
    SQLite::Statement q(db, "SELECT relation, count(*) AS n FROM edges GROUP BY relation "
                            "ORDER BY n DESC, relation LIMIT ?");
    q.bind(1, static_cast<int64_t>(top));
    while (q.executeStep()) {
      s.top_relations.emplace_back(q.getColumn(0).getString(),
                                   static_cast<uint64_t>(q.getColumn(1).getInt64()));
    }
  }
  s.top_entities = find_entities(store, EntityFilter{.type = std::nullopt, .match = {}, .limit = top});
  {
    SQLite::Statement q(db, "SELECT weight, count(*) FROM edges GROUP BY weight ORDER BY weight");
    while (q.executeStep()) {
      s.sources_per_edge.emplace_back(q.getColumn(0).getUInt(),
                                      static_cast<uint64_t>(q.getColumn(1).getInt64()));
    }
  }
  return s;
}

}  // namespace kg::exporter
