// End-to-end tests of the kg executable (KG_BINARY): every option of merge, export, render,
// query and stats, the exit codes and one-line errors for bad input, and the golden exports
// of the sample map (tests/golden/, regenerated with scripts/update-golden).

#include <gtest/gtest.h>
#include <rapidjson/document.h>
#include <sys/wait.h>

#include <cstdio>
#include <string>
#include <vector>

#include "tests/support/temp_dir.h"

namespace kg::cli {
namespace {

using kg::testing::slurp;
using kg::testing::TempDir;
using kg::testing::write_file;

struct Result {
  int status = -1;
  std::string out;
  std::string err;
};

std::string shell_quote(const std::string& s) {
  std::string q = "'";
  for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return q + "'";
}

class CliTest : public ::testing::Test {
 protected:
  Result kg(const std::vector<std::string>& args, const std::string& stdin_file = "") {
    std::string command = shell_quote(KG_BINARY);
    for (const std::string& a : args) command += " " + shell_quote(a);
    if (!stdin_file.empty()) command += " < " + shell_quote(stdin_file);
    command += " 2> " + shell_quote(dir_ / "stderr");
    Result r;
    FILE* pipe = ::popen(command.c_str(), "r");
    char buffer[65536];
    while (size_t n = std::fread(buffer, 1, sizeof buffer, pipe)) r.out.append(buffer, n);
    const int status = ::pclose(pipe);
    r.status = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    r.err = slurp(dir_ / "stderr");
    return r;
  }
  // A database built from the sample map.
  std::string sample_db() {
    const std::string db = dir_ / "kg.db";
    const Result r = kg({"merge", sample_map(), "--db", db});
    EXPECT_EQ(r.status, 0) << r.err;
    return db;
  }
  static std::string sample_map() { return std::string(KG_SOURCE_DIR) + "/samples/example.map.jsonl"; }

  // A bad input: exit 2, one line on stderr starting "kg: ", containing `what`.
  void expect_bad_input(const Result& r, const std::string& what) {
    EXPECT_EQ(r.status, 2) << r.err;
    EXPECT_EQ(r.err.rfind("kg: ", 0), 0u) << r.err;
    EXPECT_EQ(r.err.find('\n'), r.err.size() - 1) << r.err;
    EXPECT_LT(r.err.size(), 1000u);
    EXPECT_NE(r.err.find(what), std::string::npos) << r.err;
  }
  TempDir dir_;
};

// --- golden ------------------------------------------------------------------------------

TEST_F(CliTest, GoldenExportsOfTheSamples) {
  const std::string db = sample_db();
  for (const std::string format : {"json", "graphml", "dot"}) {
    const std::string out = dir_ / ("graph." + format);
    ASSERT_EQ(kg({"export", db, "--format", format, "-o", out}).status, 0);
    const std::string golden = slurp(std::string(KG_SOURCE_DIR) + "/tests/golden/graph." + format);
    const std::string actual = slurp(out);
    EXPECT_EQ(actual, golden) << format << " export differs from tests/golden (first difference at byte "
                              << std::mismatch(actual.begin(), actual.end(), golden.begin(), golden.end()).first -
                                     actual.begin()
                              << "); if intended, run scripts/update-golden and commit the diff";
  }
}

// --- help and commands -------------------------------------------------------------------

TEST_F(CliTest, HelpListsCommandsAndEveryOption) {
  const Result top = kg({"--help"});
  EXPECT_EQ(top.status, 0);
  for (const char* c : {"merge", "export", "render", "query", "stats"}) {
    EXPECT_NE(top.out.find(c), std::string::npos) << c;
  }
  const std::vector<std::pair<std::vector<std::string>, std::vector<std::string>>> options = {
      {{"merge", "--help"}, {"--db", "--replace", "--verbose"}},
      {{"export", "--help"}, {"--format", "-o"}},
      {{"render", "--help"}, {"-o", "--format", "--focus", "--depth", "--min-weight", "--max-nodes", "--layout"}},
      {{"stats", "--help"}, {"--top", "--json"}},
      {{"query", "--help"}, {"entities", "neighbors", "facts", "path", "explain"}},
      {{"query", "x.db", "entities", "--help"}, {"--type", "--match", "--limit", "--json", "--csv"}},
      {{"query", "x.db", "neighbors", "--help"}, {"--depth", "--relation", "--json", "--csv"}},
      {{"query", "x.db", "facts", "--help"}, {"--json", "--csv"}},
      {{"query", "x.db", "path", "--help"}, {"--json", "--csv"}},
      {{"query", "x.db", "explain", "--help"}, {"--json"}},
  };
  for (const auto& [args, names] : options) {
    const Result r = kg(args);
    EXPECT_EQ(r.status, 0) << args[0];
    for (const std::string& name : names) EXPECT_NE(r.out.find(name), std::string::npos) << args[0] << " " << name;
  }
}

// docs/commands.md quotes every --help text, so the documentation lists every option.
TEST_F(CliTest, DocsQuoteEveryHelpText) {
  const std::string docs = slurp(std::string(KG_SOURCE_DIR) + "/docs/commands.md");
  for (const std::vector<std::string>& args : std::vector<std::vector<std::string>>{
           {"build", "--help"}, {"extract", "--help"}, {"merge", "--help"}, {"export", "--help"}, {"render", "--help"}, {"stats", "--help"},
           {"query", "--help"}, {"query", "DB", "entities", "--help"},
           {"query", "DB", "neighbors", "--help"}, {"query", "DB", "facts", "--help"},
           {"query", "DB", "path", "--help"}, {"query", "DB", "explain", "--help"}}) {
    const Result r = kg(args);
    EXPECT_NE(docs.find(r.out), std::string::npos)
        << "docs/commands.md lacks the current `kg " << args[0] << " " << args[1] << "` help";
  }
}

TEST_F(CliTest, UnknownCommandsAndOptionsSuggest) {
  EXPECT_NE(kg({"merg"}).err.find("did you mean 'merge'"), std::string::npos);
  expect_bad_input(kg({"merge", "x.jsonl", "--replac"}), "did you mean '--replace'");
  expect_bad_input(kg({"query", "x.db", "neighbours", "A"}), "did you mean 'neighbors'");
}

// --- merge -------------------------------------------------------------------------------

TEST_F(CliTest, MergeReportsAndSkipsRepeats) {
  const std::string db = sample_db();
  const Result again = kg({"merge", sample_map(), "--db", db});
  EXPECT_EQ(again.status, 0);
  EXPECT_NE(again.err.find("already stored with the same content; skipped"), std::string::npos);
  const Result verbose = kg({"merge", sample_map(), "--db", dir_ / "v.db", "--verbose"});
  EXPECT_EQ(verbose.status, 0);
  EXPECT_NE(verbose.err.find("writing indexes"), std::string::npos);
}

TEST_F(CliTest, MergeReadsStandardInputAndDefaultsToKgDb) {
  const std::string cwd_db = dir_ / "here";
  std::filesystem::create_directories(cwd_db);
  const std::string command = "cd " + shell_quote(cwd_db) + " && " + shell_quote(KG_BINARY) +
                              " merge - < " + shell_quote(sample_map()) + " 2>/dev/null";
  EXPECT_EQ(std::system(command.c_str()), 0);
  EXPECT_TRUE(std::filesystem::exists(cwd_db + "/kg.db"));
}

TEST_F(CliTest, MergeReplaceChangesAStoredDocument) {
  const std::string db = sample_db();
  std::string line = slurp(sample_map());
  line = line.substr(0, line.find('\n') + 1);
  const size_t at = line.find("\"relation\":\"report_on\"");
  ASSERT_NE(at, std::string::npos);
  line.replace(at, 22, "\"relation\":\"describe\"");
  write_file(dir_ / "changed.jsonl", line);
  expect_bad_input(kg({"merge", dir_ / "changed.jsonl", "--db", db}), "use --replace");
  const Result r = kg({"merge", dir_ / "changed.jsonl", "--db", db, "--replace"});
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.err.find("replaced"), std::string::npos);
  EXPECT_NE(kg({"query", db, "facts", "NBC News"}).out.find("describe"), std::string::npos);
}

TEST_F(CliTest, BadMapInputsAreOneLineErrors) {
  const std::string db = dir_ / "kg.db";
  expect_bad_input(kg({"merge", dir_ / "missing.jsonl", "--db", db}), "missing.jsonl: no such file");
  write_file(dir_ / "broken.jsonl", "{\"format\":\"kg-map\",\"version\":1,\"document\":}\n");
  expect_bad_input(kg({"merge", dir_ / "broken.jsonl", "--db", db}), "broken.jsonl:1:43: malformed JSON");
  write_file(dir_ / "empty.jsonl", "");
  expect_bad_input(kg({"merge", dir_ / "empty.jsonl", "--db", db}), "no documents");
  write_file(dir_ / "binary.jsonl", std::string("\x7F" "ELF\x02\x01\x01\x00\x00\x00", 10));
  expect_bad_input(kg({"merge", dir_ / "binary.jsonl", "--db", db}), "binary data");
  write_file(dir_ / "huge.jsonl", std::string(50 << 20, 'x') + "\n");
  expect_bad_input(kg({"merge", dir_ / "huge.jsonl", "--db", db}), "huge.jsonl:1:1: malformed JSON");
  expect_bad_input(kg({"merge", dir_.path().string(), "--db", db}), "a folder");
  expect_bad_input(kg({"merge", "--db", db}), "expected FILE.jsonl");
  EXPECT_FALSE(std::filesystem::exists(db));
}

TEST_F(CliTest, ALongValidLineIsHandled) {
  // A 20 MB title (no offset refers to it) makes a 20 MB line that is a valid record.
  std::string line = slurp(sample_map());
  line = line.substr(0, line.find('\n') + 1);
  line.insert(line.find("\"title\":\"") + 9, std::string(20 << 20, 'a'));
  write_file(dir_ / "long.jsonl", line);
  const Result r = kg({"merge", dir_ / "long.jsonl", "--db", dir_ / "kg.db"});
  EXPECT_EQ(r.status, 0) << r.err;
}

TEST_F(CliTest, UnknownDatabaseSchemaIsRefused) {
  write_file(dir_ / "fake.db", "SQLite format 3");
  expect_bad_input(kg({"stats", dir_ / "fake.db"}), "not a SQLite database");
  expect_bad_input(kg({"stats", dir_ / "none.db"}), "no such database");
  const std::string db = sample_db();
  ASSERT_EQ(std::system(("sqlite3 " + shell_quote(db) + " 'PRAGMA user_version=7'").c_str()), 0);
  expect_bad_input(kg({"export", db, "--format", "json", "-o", dir_ / "x.json"}), "schema version 7");
  expect_bad_input(kg({"merge", sample_map(), "--db", db}), "schema version 7");
}

// --- export and render ---------------------------------------------------------------------

TEST_F(CliTest, ExportToFilesAndStandardOutput) {
  const std::string db = sample_db();
  const Result json = kg({"export", db, "--format", "json", "-o", "-"});
  EXPECT_EQ(json.status, 0);
  rapidjson::Document parsed;
  parsed.Parse(json.out.c_str());
  EXPECT_FALSE(parsed.HasParseError());
  EXPECT_EQ(kg({"export", db, "--format", "sqlite", "-o", dir_ / "copy.db"}).status, 0);
  EXPECT_EQ(kg({"stats", dir_ / "copy.db"}).out, kg({"stats", db}).out);
  const Result piped = kg({"export", db, "--format", "sqlite", "-o", "-"});
  EXPECT_EQ(piped.out.rfind("SQLite format 3", 0), 0u);
  expect_bad_input(kg({"export", db, "--format", "csv", "-o", dir_ / "x"}), "json, graphml, dot or sqlite");
  expect_bad_input(kg({"export", db, "-o", dir_ / "x"}), "--format is required");
  expect_bad_input(kg({"export", db, "--format", "json"}), "-o FILE is required");
}

TEST_F(CliTest, RenderWithEveryOption) {
  const std::string db = sample_db();
  EXPECT_EQ(kg({"render", db, "-o", dir_ / "g.svg"}).status, 0);
  EXPECT_NE(slurp(dir_ / "g.svg").find("Sergey Lavrov"), std::string::npos);
  const Result focus = kg({"render", db, "-o", dir_ / "f.png", "--focus", "lavrov", "--depth", "1",
                           "--min-weight", "2", "--max-nodes", "5", "--layout", "neato"});
  EXPECT_EQ(focus.status, 0) << focus.err;
  EXPECT_EQ(slurp(dir_ / "f.png").substr(1, 3), "PNG");
  EXPECT_EQ(kg({"render", db, "-o", "-", "--format", "svg", "--layout", "sfdp"}).out.find("<svg") !=
                std::string::npos,
            true);
  expect_bad_input(kg({"render", db, "-o", dir_ / "g.gif"}), "FILE.svg or FILE.png");
  expect_bad_input(kg({"render", db, "-o", dir_ / "g.svg", "--depth", "2"}), "--depth needs --focus");
  expect_bad_input(kg({"render", db, "-o", dir_ / "g.svg", "--focus", "Lavrof"}), "did you mean");
  expect_bad_input(kg({"render", db, "-o", dir_ / "g.svg", "--layout", "circo"}), "expected one of");
  expect_bad_input(kg({"render", db, "-o", dir_ / "g.svg", "--max-nodes", "-1"}), "--max-nodes");
}

// --- query and stats ----------------------------------------------------------------------

TEST_F(CliTest, QueryEntitiesInEveryFormat) {
  const std::string db = sample_db();
  const Result text = kg({"query", db, "entities", "--type", "PERSON", "--limit", "3"});
  EXPECT_EQ(text.status, 0);
  EXPECT_NE(text.out.find("Sergey Lavrov"), std::string::npos);
  const Result csv = kg({"query", db, "entities", "--match", "haas", "--csv"});
  EXPECT_EQ(csv.out.rfind("id,entity,type,degree,mentions,documents,aliases\r\n", 0), 0u);
  EXPECT_NE(csv.out.find("Richard Haass,"), std::string::npos);  // "Richard Haas" is an alias
  EXPECT_NE(csv.out.find("Richard Haas;"), std::string::npos) << csv.out;
  const Result json = kg({"query", db, "entities", "--match", "zelensky", "--json"});
  rapidjson::Document parsed;
  parsed.Parse(json.out.c_str());
  ASSERT_TRUE(parsed.IsArray());
  EXPECT_EQ(parsed.Size(), 1u);  // Zelensky and Zelenskyy: one person (transliteration rule)
  EXPECT_TRUE(parsed[0]["degree"].IsNumber());
  expect_bad_input(kg({"query", db, "entities", "--type", "PEOPLE"}), "unknown type");
  expect_bad_input(kg({"query", db, "entities", "--json", "--csv"}), "not both");
}

TEST_F(CliTest, QueryNeighborsFactsPathExplain) {
  const std::string db = sample_db();
  const Result n = kg({"query", db, "neighbors", "LAVROV", "--depth", "2", "--relation", "met_with",
                       "--relation", "brief"});
  EXPECT_EQ(n.status, 0) << n.err;
  EXPECT_NE(n.out.find("National Security Council"), std::string::npos);
  EXPECT_EQ(n.out.find("foreign_minister_of"), std::string::npos);
  const Result facts = kg({"query", db, "facts", "Lavrov", "Richard Haass"});
  EXPECT_NE(facts.out.find("Sergey Lavrov -[met_with]-> Richard Haass"), std::string::npos) << facts.out;
  EXPECT_NE(facts.out.find("Lavrov met with former diplomat Richard Haass"), std::string::npos);
  const Result facts_json = kg({"query", db, "facts", "Biden administration", "--json"});
  EXPECT_NE(facts_json.out.find("\"negated\": true"), std::string::npos);
  const Result facts_csv = kg({"query", db, "facts", "Petr Pavel", "--csv"});
  EXPECT_NE(facts_csv.out.find("president_of"), std::string::npos);
  const Result path = kg({"query", db, "path", "Thomas Graham", "Vladimir Putin"});
  EXPECT_EQ(path.status, 0);
  EXPECT_NE(path.out.find("Thomas Graham - Sergey Lavrov - Russia - Vladimir Putin"), std::string::npos)
      << path.out;
  EXPECT_NE(kg({"query", db, "path", "Kyiv", "Wagner"}).out.find("no path"), std::string::npos);
  EXPECT_NE(kg({"query", db, "path", "Kyiv", "CIA", "--json"}).out.find("\"cost\""), std::string::npos);
  const Result explain = kg({"query", db, "explain", "Council on Foreign Relations", "CFR"});
  EXPECT_NE(explain.out.find("are one entity"), std::string::npos) << explain.out;
  EXPECT_NE(explain.out.find("acronym mention"), std::string::npos) << explain.out;
  const Result spelling = kg({"query", db, "explain", "Council on Foreign Relations",
                              "Council of Foreign Relations", "--json"});
  EXPECT_NE(spelling.out.find("\"same\": true"), std::string::npos) << spelling.out;
  EXPECT_NE(spelling.out.find("\"rule\": \"spelling\""), std::string::npos) << spelling.out;
  const Result apart = kg({"query", db, "explain", "Joe Biden", "Biden administration"});
  EXPECT_NE(apart.out.find("are different entities"), std::string::npos) << apart.out;
  EXPECT_NE(apart.out.find("different types (PERSON and ORG)"), std::string::npos) << apart.out;
  expect_bad_input(kg({"query", db, "facts", "Nobody Atall"}), "no entity named 'Nobody Atall'");
  expect_bad_input(kg({"query", db, "explain", "A"}), "expected A B");
  expect_bad_input(kg({"query", db, "neighbors", "Lavrov", "--depth", "0"}), "--depth");
}

TEST_F(CliTest, StatsTextAndJson) {
  const std::string db = sample_db();
  const Result text = kg({"stats", db, "--top", "3"});
  EXPECT_EQ(text.status, 0);
  EXPECT_NE(text.out.find("documents  5"), std::string::npos);
  EXPECT_NE(text.out.find("sources per edge"), std::string::npos);
  const Result json = kg({"stats", db, "--json"});
  rapidjson::Document parsed;
  parsed.Parse(json.out.c_str());
  ASSERT_TRUE(parsed.IsObject());
  EXPECT_EQ(parsed["documents"].GetUint(), 5u);
  EXPECT_EQ(parsed["top_entities"].Size(), 10u);
  EXPECT_TRUE(parsed["sources_per_edge"].HasMember("5"));  // former US officials met_with Lavrov
}

}  // namespace
}  // namespace kg::cli
