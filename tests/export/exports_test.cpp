// Every export format, read back by a real reader: RapidJSON for JSON, xmllint (the GraphML
// schema) and networkx for GraphML, libcgraph's agread for DOT, and the images' own headers.
// The graph holds names with quotes, <, &, backslashes, newlines, Cyrillic and emoji.

#include <graphviz/cgraph.h>
#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include <algorithm>
#include <cstdio>
#include <memory>
#include <set>

#include "export/exports.h"
#include "export/merge.h"
#include "export/render.h"
#include "export/store.h"
#include "extract/error.h"
#include "tests/support/documents.h"
#include "tests/support/temp_dir.h"

namespace kg::exporter {
namespace {

using extract::EntityType;
using kg::testing::make_document;
using kg::testing::slurp;
using kg::testing::TempDir;

const std::vector<std::string> kNames = {
    "Quote \"Q\" Name", "<Tag> & Co", "Back\\slash Man", "Сергей Лавров", "Rocket 🚀 Inc",
    "New\nLine Person"};
const std::string kOddRelation = "say \"x\" <&>";

std::vector<extract::DocumentResult> tricky_corpus() {
  const std::string text = "Quote \"Q\" Name met <Tag> & Co. Back\\slash Man met Сергей Лавров. "
                           "Rocket 🚀 Inc met New\nLine Person.";
  return {
      make_document("d/1 \"odd\" id", text,
                    {{kNames[0], EntityType::kPerson},
                     {kNames[1], EntityType::kOrg},
                     {kNames[2], EntityType::kPerson},
                     {kNames[3], EntityType::kPerson},
                     {kNames[4], EntityType::kOrg},
                     {kNames[5], EntityType::kPerson}},
                    {{kNames[0], "meet", kNames[1]},
                     {kNames[2], "meet", kNames[3]},
                     {kNames[4], kOddRelation, kNames[5], true}}),
      make_document("d2", "Сергей Лавров met Quote \"Q\" Name.",
                    {{kNames[3], EntityType::kPerson}, {kNames[0], EntityType::kPerson}},
                    {{kNames[3], "meet", kNames[0]}, {kNames[2], "meet", kNames[3]}}),
  };
}

class ExportsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto docs = tricky_corpus();
    // d2's second triple names an entity d2 does not have: give it one.
    docs[1].entities.push_back({kNames[2], EntityType::kPerson, {}});
    docs[1].triples[1].subject = 2;
    kg::testing::write_map(dir_ / "m.jsonl", docs);
    merge_maps({dir_ / "m.jsonl"}, dir_ / "kg.db");
  }
  std::string export_to(ExportFormat format, const std::string& name) {
    export_store(Store::open(dir_ / "kg.db"), format, dir_ / name);
    return dir_ / name;
  }
  static std::vector<std::string> sorted_names() {
    std::vector<std::string> names = kNames;
    std::sort(names.begin(), names.end());
    return names;
  }
  TempDir dir_;
};

std::string run(const std::string& command, int* status) {
  std::string output;
  FILE* pipe = ::popen(command.c_str(), "r");
  if (!pipe) return output;
  char buffer[4096];
  while (size_t n = std::fread(buffer, 1, sizeof buffer, pipe)) output.append(buffer, n);
  *status = ::pclose(pipe);
  return output;
}

TEST_F(ExportsTest, JsonHasTheDesignedShapeAndRoundTripsNames) {
  const std::string text = slurp(export_to(ExportFormat::kJson, "g.json"));
  rapidjson::Document json;
  json.Parse(text.c_str(), text.size());
  ASSERT_FALSE(json.HasParseError());
  ASSERT_TRUE(json.IsObject());
  ASSERT_TRUE(json["documents"].IsArray());
  EXPECT_STREQ(json["documents"][0]["id"].GetString(), "d/1 \"odd\" id");
  EXPECT_TRUE(json["documents"][0]["url"].IsNull());
  std::vector<std::string> labels;
  for (const auto& n : json["nodes"].GetArray()) {
    labels.emplace_back(n["label"].GetString(), n["label"].GetStringLength());
    EXPECT_EQ(std::string(n["id"].GetString()).rfind("n", 0), 0u);
    EXPECT_TRUE(n["aliases"].IsArray());
    EXPECT_TRUE(n["mentions"].IsArray());
    EXPECT_TRUE(n["sources"].IsArray());
  }
  std::sort(labels.begin(), labels.end());
  EXPECT_EQ(labels, sorted_names());
  bool odd = false;
  for (const auto& e : json["edges"].GetArray()) {
    for (const char* key : {"id", "source", "target", "relation", "weight", "sources", "evidence"}) {
      EXPECT_TRUE(e.HasMember(key)) << key;
    }
    if (e["relation"].GetString() == kOddRelation) {
      odd = true;
      EXPECT_TRUE(e["negated"].GetBool());
      const auto& ev = e["evidence"][0];
      EXPECT_EQ(std::string(ev["sentence"].GetString()), "Rocket 🚀 Inc met New\nLine Person.");
      // Offsets are code points: the sentence starts after 65 characters (71 bytes), two
      // sentences of ASCII and Cyrillic.
      EXPECT_EQ(ev["start"].GetUint(), 65u);
    }
    if (std::string(e["relation"].GetString()) == "meet" && e["weight"].GetUint() == 2) {
      EXPECT_EQ(e["sources"].Size(), 2u);
    }
  }
  EXPECT_TRUE(odd);
}

TEST_F(ExportsTest, GraphmlIsValidAgainstTheSchema) {
  const std::string path = export_to(ExportFormat::kGraphml, "g.graphml");
  const std::string shared = KG_SHARED_DIR;
  int status = -1;
  const std::string out = run("XML_CATALOG_FILES=" + shared + "/graphml/catalog.xml xmllint --nonet --noout --schema " +
                                  shared + "/graphml/graphml.xsd " + path + " 2>&1",
                              &status);
  EXPECT_EQ(status, 0) << out;
  EXPECT_NE(out.find("validates"), std::string::npos) << out;
}

TEST_F(ExportsTest, GraphmlReadsBackInNetworkx) {
  const std::string path = export_to(ExportFormat::kGraphml, "g.graphml");
  int status = -1;
  const std::string out =
      run(std::string("/usr/bin/python3 ") + KG_SOURCE_DIR + "/tests/export/read_graphml.py " + path, &status);
  ASSERT_EQ(status, 0) << out;
  rapidjson::Document json;
  json.Parse(out.c_str());
  ASSERT_FALSE(json.HasParseError()) << out;
  EXPECT_TRUE(json["directed"].GetBool());
  EXPECT_TRUE(json["multigraph"].GetBool());
  const graph::KnowledgeGraph g = load_graph(Store::open(dir_ / "kg.db"));
  EXPECT_EQ(json["nodes"].GetUint(), g.nodes.size());
  EXPECT_EQ(json["edges"].GetUint(), g.edges.size());
  std::vector<std::string> labels;
  for (const auto& l : json["labels"].GetArray()) labels.emplace_back(l.GetString(), l.GetStringLength());
  EXPECT_EQ(labels, sorted_names());
  bool found = false;
  for (const auto& f : json["facts"].GetArray()) {
    if (std::string(f[1].GetString()) == kOddRelation) {
      found = true;
      EXPECT_EQ(std::string(f[0].GetString()), kNames[4]);
      EXPECT_EQ(std::string(f[2].GetString()), kNames[5]);
      EXPECT_DOUBLE_EQ(f[3].GetDouble(), 1.0);
      EXPECT_TRUE(f[4].GetBool());
      EXPECT_STREQ(f[5][0].GetString(), "d/1 \"odd\" id");
    }
    if (std::string(f[0].GetString()) == kNames[2]) {
      EXPECT_DOUBLE_EQ(f[3].GetDouble(), 2.0);
    }
  }
  EXPECT_TRUE(found);
}

struct AgraphFree {
  void operator()(Agraph_t* g) const { agclose(g); }
};

TEST_F(ExportsTest, DotReadsBackWithLibcgraph) {
  const std::string path = export_to(ExportFormat::kDot, "g.dot");
  FILE* file = std::fopen(path.c_str(), "r");
  ASSERT_NE(file, nullptr);
  std::unique_ptr<Agraph_t, AgraphFree> g(agread(file, nullptr));
  std::fclose(file);
  ASSERT_TRUE(g);
  EXPECT_TRUE(agisdirected(g.get()));
  std::vector<std::string> labels;
  std::multiset<std::string> relations;
  std::set<std::string> ids;
  for (Agnode_t* n = agfstnode(g.get()); n; n = agnxtnode(g.get(), n)) {
    labels.emplace_back(agget(n, const_cast<char*>("label")));
    for (Agedge_t* e = agfstout(g.get(), n); e; e = agnxtout(g.get(), e)) {
      relations.insert(agget(e, const_cast<char*>("relation")));
      ids.insert(agget(e, const_cast<char*>("id")));
    }
  }
  std::sort(labels.begin(), labels.end());
  EXPECT_EQ(labels, sorted_names());
  EXPECT_EQ(relations.count("meet"), 3u);
  EXPECT_EQ(relations.count(kOddRelation), 1u);
  EXPECT_EQ(ids, (std::set<std::string>{"e0", "e1", "e2", "e3"}));
}

TEST_F(ExportsTest, RendersSvgAndPng) {
  const graph::KnowledgeGraph g = load_graph(Store::open(dir_ / "kg.db"));
  RenderOptions options;
  render(g, options, dir_ / "g.svg");
  const std::string svg = slurp(dir_ / "g.svg");
  EXPECT_NE(svg.find("<svg"), std::string::npos);
  EXPECT_NE(svg.find("&lt;Tag&gt; &amp; Co"), std::string::npos);
  EXPECT_NE(svg.find("Сергей Лавров"), std::string::npos);
  int status = -1;
  const std::string out = run("xmllint --noout " + (dir_ / "g.svg") + " 2>&1", &status);
  EXPECT_EQ(status, 0) << out;
  options.engine = "sfdp";
  render(g, options, dir_ / "g.png");
  EXPECT_EQ(slurp(dir_ / "g.png").substr(0, 8), std::string("\x89PNG\r\n\x1A\n", 8));
}

TEST_F(ExportsTest, RenderFocusSelectsTheNeighbourhood) {
  const graph::KnowledgeGraph g = load_graph(Store::open(dir_ / "kg.db"));
  RenderOptions options;
  for (uint32_t n = 0; n < g.nodes.size(); ++n) {
    if (g.nodes[n].label == kNames[4]) options.selection.focus = n;
  }
  ASSERT_TRUE(options.selection.focus);
  options.selection.depth = 1;
  render(g, options, dir_ / "focus.svg");
  const std::string svg = slurp(dir_ / "focus.svg");
  EXPECT_NE(svg.find("Rocket"), std::string::npos);
  EXPECT_NE(svg.find("Line Person"), std::string::npos);
  EXPECT_EQ(svg.find("Quote"), std::string::npos);
}

TEST_F(ExportsTest, RenderRefusesUnknownFormatsAndEngines) {
  const graph::KnowledgeGraph g = load_graph(Store::open(dir_ / "kg.db"));
  EXPECT_THROW(render(g, RenderOptions{}, dir_ / "g.gif"), InputError);
  RenderOptions options;
  options.engine = "circo";
  EXPECT_THROW(render(g, options, dir_ / "g.svg"), InputError);
}

TEST_F(ExportsTest, ExportsAreDeterministic) {
  for (ExportFormat f : {ExportFormat::kJson, ExportFormat::kGraphml, ExportFormat::kDot}) {
    const std::string a = slurp(export_to(f, "a"));
    const std::string b = slurp(export_to(f, "b"));
    EXPECT_EQ(a, b) << to_string(f);
  }
}

TEST_F(ExportsTest, FailedExportLeavesThePreviousFile) {
  kg::testing::write_file(dir_ / "g.json", "previous");
  kg::testing::write_file(dir_ / "broken.db", "not a database, definitely not, padding padding padding");
  EXPECT_THROW(export_store(Store::open(dir_ / "broken.db"), ExportFormat::kJson, dir_ / "g.json"),
               InputError);
  EXPECT_EQ(slurp(dir_ / "g.json"), "previous");
  EXPECT_THROW(export_store(Store::open(dir_ / "kg.db"), ExportFormat::kJson, dir_ / "no/such/dir.json"),
               Error);
}

TEST(ExportFormat, NamesRoundTrip) {
  for (ExportFormat f : {ExportFormat::kJson, ExportFormat::kGraphml, ExportFormat::kDot, ExportFormat::kSqlite}) {
    EXPECT_EQ(parse_export_format(to_string(f)), f);
  }
  EXPECT_FALSE(parse_export_format("csv"));
}

}  // namespace
}  // namespace kg::exporter
