#include "export/store.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>

#include "export/exports.h"
#include "export/merge.h"
#include "extract/error.h"
#include "extract/offsets.h"
#include "tests/support/documents.h"
#include "tests/support/temp_dir.h"

namespace kg::exporter {
namespace {

namespace fs = std::filesystem;
using extract::DocumentResult;
using extract::EntityType;
using kg::testing::make_document;
using kg::testing::slurp;
using kg::testing::TempDir;
using kg::testing::write_file;
using kg::testing::write_map;

std::vector<DocumentResult> corpus() {
  return {
      make_document("001", "Sergey Lavrov met Richard Haass in New York. Lavrov said so.",
                    {{"Sergey Lavrov", EntityType::kPerson, {"Sergey Lavrov", "Lavrov"}, {"Foreign Minister"}},
                     {"Richard Haass", EntityType::kPerson},
                     {"New York", EntityType::kLocation}},
                    {{"Sergey Lavrov", "meet", "Richard Haass"}}),
      make_document("002", "Lavrov met Haass. Haass briefed the National Security Council.",
                    {{"Sergey Lavrov", EntityType::kPerson, {"Lavrov"}},
                     {"Richard Haass", EntityType::kPerson, {"Haass"}},
                     {"National Security Council", EntityType::kOrg}},
                    {{"Sergey Lavrov", "meet", "Richard Haass"},
                     {"Richard Haass", "brief", "National Security Council"}}),
      make_document("003", "Ukrainian President Volodymyr Zelenskyy visited Bulgaria.",
                    {{"Volodymyr Zelenskyy", EntityType::kPerson}, {"Bulgaria", EntityType::kLocation}},
                    {{"Volodymyr Zelenskyy", "visit", "Bulgaria"}}),
      make_document("004", "Richard Haass wrote in Foreign Affairs. He did not meet Zelenskyy.",
                    {{"Richard Haass", EntityType::kPerson},
                     {"Foreign Affairs", EntityType::kWork},
                     {"Volodymyr Zelenskyy", EntityType::kPerson, {"Zelenskyy"}}},
                    {{"Richard Haass", "write_in", "Foreign Affairs"},
                     {"Richard Haass", "meet", "Volodymyr Zelenskyy", true}}),
  };
}

std::string record(const DocumentResult& d) {
  std::string s;
  extract::append_map_record(d, s);
  return s;
}

class StoreTest : public ::testing::Test {
 protected:
  std::string map(const std::string& name, const std::vector<DocumentResult>& docs) {
    const std::string path = dir_ / name;
    write_map(path, docs);
    return path;
  }
  // Files in the folder other than `keep`.
  std::vector<std::string> others(const std::vector<std::string>& keep) {
    std::vector<std::string> out;
    for (const auto& entry : fs::directory_iterator(dir_.path())) {
      const std::string name = entry.path().filename().string();
      if (std::find(keep.begin(), keep.end(), name) == keep.end()) out.push_back(name);
    }
    return out;
  }
  TempDir dir_;
};

TEST_F(StoreTest, MergeCreatesADatabaseThatReadsBackTheDocuments) {
  const auto docs = corpus();
  const MergeReport report = merge_maps({map("m.jsonl", docs)}, dir_ / "kg.db");
  EXPECT_TRUE(report.written);
  EXPECT_EQ(report.added.size(), 4u);
  const Store store = Store::open(dir_ / "kg.db");
  const auto back = read_documents(store);
  ASSERT_EQ(back.size(), docs.size());
  for (size_t i = 0; i < docs.size(); ++i) EXPECT_EQ(record(back[i]), record(docs[i]));
}

TEST_F(StoreTest, LoadedGraphEqualsTheBuiltOne) {
  const auto docs = corpus();
  merge_maps({map("m.jsonl", docs)}, dir_ / "kg.db");
  const graph::KnowledgeGraph built = graph::build_graph(docs);
  const Store store = Store::open(dir_ / "kg.db");
  const graph::KnowledgeGraph loaded = load_graph(store, LoadOptions{.merges = true});
  ASSERT_EQ(loaded.nodes.size(), built.nodes.size());
  for (size_t n = 0; n < built.nodes.size(); ++n) {
    EXPECT_EQ(loaded.nodes[n].label, built.nodes[n].label);
    EXPECT_EQ(loaded.nodes[n].aliases.size(), built.nodes[n].aliases.size());
    EXPECT_EQ(loaded.nodes[n].mentions.size(), built.nodes[n].mentions.size());
    EXPECT_EQ(loaded.nodes[n].sources, built.nodes[n].sources);
    EXPECT_EQ(loaded.nodes[n].titles, built.nodes[n].titles);
  }
  ASSERT_EQ(loaded.edges.size(), built.edges.size());
  for (size_t e = 0; e < built.edges.size(); ++e) {
    EXPECT_EQ(loaded.edges[e].relation, built.edges[e].relation);
    EXPECT_EQ(loaded.edges[e].weight, built.edges[e].weight);
    EXPECT_EQ(loaded.edges[e].negated, built.edges[e].negated);
    const auto a = loaded.edge_evidence(loaded.edges[e]);
    const auto b = built.edge_evidence(built.edges[e]);
    ASSERT_EQ(a.size(), b.size());
    for (size_t k = 0; k < a.size(); ++k) {
      EXPECT_EQ(a[k].span, b[k].span);
      EXPECT_EQ(a[k].sentence, b[k].sentence);
    }
  }
  EXPECT_EQ(loaded.merges.size(), built.merges.size());
}

TEST_F(StoreTest, LoadedMentionsAndEvidenceCarryCodePointSpans) {
  const std::vector<DocumentResult> docs = {make_document(
      "001", "Сергей Лавров встретил Ричарда Хааса в Москве. Лавров said so.",
      {{"Сергей Лавров", EntityType::kPerson, {"Сергей Лавров", "Лавров"}},
       {"Ричарда Хааса", EntityType::kPerson},
       {"Москве", EntityType::kLocation}},
      {{"Сергей Лавров", "meet", "Ричарда Хааса"}})};
  merge_maps({map("m.jsonl", docs)}, dir_ / "kg.db");
  const graph::KnowledgeGraph built = graph::build_graph(docs);
  const graph::KnowledgeGraph loaded = load_graph(Store::open(dir_ / "kg.db"));
  const extract::OffsetMap offsets(docs[0].document.text);
  ASSERT_EQ(loaded.nodes.size(), built.nodes.size());
  for (size_t n = 0; n < built.nodes.size(); ++n) {
    const auto& a = loaded.nodes[n].mentions;
    const auto& b = built.nodes[n].mentions;
    ASSERT_EQ(a.size(), b.size());
    for (size_t k = 0; k < a.size(); ++k) {
      EXPECT_EQ(a[k].chars, offsets.to_chars(a[k].span));
      EXPECT_EQ(a[k].chars, b[k].chars);
    }
  }
  ASSERT_EQ(loaded.evidence.size(), built.evidence.size());
  ASSERT_FALSE(loaded.evidence.empty());
  for (size_t k = 0; k < built.evidence.size(); ++k) {
    EXPECT_EQ(loaded.evidence[k].chars, offsets.to_chars(loaded.evidence[k].span));
    EXPECT_EQ(loaded.evidence[k].chars, built.evidence[k].chars);
  }
}

TEST_F(StoreTest, ReopeningRefusesADatabaseReplacedMeanwhile) {
  merge_maps({map("m.jsonl", corpus())}, dir_ / "kg.db");
  merge_maps({map("n.jsonl", corpus())}, dir_ / "other.db");
  const Store store = Store::open(dir_ / "kg.db");
  EXPECT_NO_THROW(store.reopen());
  fs::rename(dir_ / "other.db", dir_ / "kg.db");  // as a merge replaces it
  EXPECT_THROW(store.reopen(), Error);
}

TEST_F(StoreTest, OpeningRefusesWhatIsNotAKgDatabase) {
  auto error = [&](const std::string& path) {
    try {
      Store::open(path);
    } catch (const InputError& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  EXPECT_NE(error(dir_ / "none.db").find("no such database"), std::string::npos);
  write_file(dir_ / "text.db", "hello, this is not a database at all, just text padding it out\n");
  EXPECT_NE(error(dir_ / "text.db").find("not a SQLite database"), std::string::npos);
  {
    SQLite::Database other(dir_ / "other.db", SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    other.exec("CREATE TABLE t(x)");
  }
  EXPECT_NE(error(dir_ / "other.db").find("not one kg wrote"), std::string::npos);
  merge_maps({map("m.jsonl", corpus())}, dir_ / "newer.db");
  {
    SQLite::Database newer(dir_ / "newer.db", SQLite::OPEN_READWRITE);
    newer.exec("PRAGMA user_version=99");
  }
  const std::string newer = error(dir_ / "newer.db");
  EXPECT_NE(newer.find("schema version 99"), std::string::npos) << newer;
  EXPECT_NE(newer.find("upgrade kg"), std::string::npos) << newer;
  // Merging into such a database fails the same way and leaves it alone.
  const std::string before = slurp(dir_ / "newer.db");
  EXPECT_THROW(merge_maps({dir_ / "m.jsonl"}, dir_ / "newer.db"), InputError);
  EXPECT_EQ(slurp(dir_ / "newer.db"), before);
}

TEST_F(StoreTest, SameDocumentAgainIsSkippedAndTheFileUntouched) {
  const std::string m = map("m.jsonl", corpus());
  merge_maps({m}, dir_ / "kg.db");
  const std::string before = slurp(dir_ / "kg.db");
  const auto mtime = fs::last_write_time(dir_ / "kg.db");
  const MergeReport again = merge_maps({m}, dir_ / "kg.db");
  EXPECT_FALSE(again.written);
  EXPECT_EQ(again.unchanged.size(), 4u);
  EXPECT_EQ(again.documents, 4u);
  EXPECT_EQ(slurp(dir_ / "kg.db"), before);
  EXPECT_EQ(fs::last_write_time(dir_ / "kg.db"), mtime);
}

TEST_F(StoreTest, DifferentContentUnderAStoredIdNeedsReplace) {
  merge_maps({map("m.jsonl", corpus())}, dir_ / "kg.db");
  auto changed = corpus();
  changed[2].triples[0].relation = "tour";
  const std::string m2 = map("changed.jsonl", {changed[2]});
  const std::string before = slurp(dir_ / "kg.db");
  try {
    merge_maps({m2}, dir_ / "kg.db");
    FAIL() << "expected an error";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("changed.jsonl:1: document '003' is already in"),
              std::string::npos)
        << e.what();
    EXPECT_NE(std::string(e.what()).find("--replace"), std::string::npos);
  }
  EXPECT_EQ(slurp(dir_ / "kg.db"), before);
  const MergeReport replaced = merge_maps({m2}, dir_ / "kg.db", MergeOptions{.replace = true, .on_stage = {}});
  EXPECT_EQ(replaced.replaced, std::vector<std::string>{"003"});
  const auto back = read_documents(Store::open(dir_ / "kg.db"));
  EXPECT_EQ(back[2].triples[0].relation, "tour");
}

TEST_F(StoreTest, ConflictingRecordsInOneRunAreAnError) {
  auto a = corpus();
  auto b = corpus();
  b[0].triples[0].relation = "greet";
  EXPECT_THROW(merge_maps({map("a.jsonl", a), map("b.jsonl", {b[0]})}, dir_ / "kg.db"), InputError);
  EXPECT_FALSE(fs::exists(dir_ / "kg.db"));
  // Identical repeats are fine.
  const MergeReport ok = merge_maps({dir_ / "a.jsonl", map("c.jsonl", {a[0]})}, dir_ / "kg.db");
  EXPECT_EQ(ok.repeated, std::vector<std::string>{"001"});
}

TEST_F(StoreTest, EmptyInputIsAnError) {
  write_file(dir_ / "empty.jsonl", "\n\n");
  EXPECT_THROW(merge_maps({dir_ / "empty.jsonl"}, dir_ / "kg.db"), InputError);
  EXPECT_FALSE(fs::exists(dir_ / "kg.db"));
}

TEST_F(StoreTest, FailedRunLeavesThePreviousDatabaseByteIdentical) {
  auto docs = corpus();
  merge_maps({map("a.jsonl", {docs[0], docs[1]})}, dir_ / "kg.db");
  const std::string before = slurp(dir_ / "kg.db");
  write_file(dir_ / "bad.jsonl", record(docs[3]) + "{\"format\":\"kg-map\",\"version\":1,\n");
  EXPECT_THROW(merge_maps({map("b.jsonl", {docs[2]}), dir_ / "bad.jsonl"}, dir_ / "kg.db"), InputError);
  EXPECT_EQ(slurp(dir_ / "kg.db"), before);
  EXPECT_EQ(others({"kg.db", "a.jsonl", "b.jsonl", "bad.jsonl"}), std::vector<std::string>{});
}

// A child process killed while it writes (between the per-document tables and the graph)
// leaves the previous database as it was; only its temporary file stays behind.
TEST_F(StoreTest, KilledWriteLeavesThePreviousDatabaseByteIdentical) {
  auto docs = corpus();
  merge_maps({map("a.jsonl", {docs[0]})}, dir_ / "kg.db");
  const std::string before = slurp(dir_ / "kg.db");
  const std::string more = map("b.jsonl", {docs[1], docs[2], docs[3]});
  int pipe_fds[2];
  ASSERT_EQ(::pipe(pipe_fds), 0);
  const pid_t child = ::fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    MergeOptions options;
    options.on_stage = [&](std::string_view stage) {
      if (stage == "writing graph") {
        const char byte = 'x';
        (void)!::write(pipe_fds[1], &byte, 1);
        ::pause();  // killed here, half way through the write
      }
    };
    try {
      merge_maps({more}, dir_ / "kg.db", options);
    } catch (...) {
    }
    ::_exit(3);
  }
  char byte = 0;
  ASSERT_EQ(::read(pipe_fds[0], &byte, 1), 1);
  ::kill(child, SIGKILL);
  int status = 0;
  ::waitpid(child, &status, 0);
  ::close(pipe_fds[0]);
  ::close(pipe_fds[1]);
  EXPECT_TRUE(WIFSIGNALED(status));
  EXPECT_EQ(slurp(dir_ / "kg.db"), before);
  const std::string temp = "kg.db.tmp-" + std::to_string(child);
  EXPECT_TRUE(fs::exists(dir_ / temp));
  EXPECT_EQ(read_documents(Store::open(dir_ / "kg.db")).size(), 1u);
  // The next run is not disturbed by the leftover.
  EXPECT_TRUE(merge_maps({more}, dir_ / "kg.db").written);
  EXPECT_EQ(read_documents(Store::open(dir_ / "kg.db")).size(), 4u);
}

// A full disk (a file size limit in a child process) fails the write cleanly.
TEST_F(StoreTest, FullDiskLeavesThePreviousDatabaseByteIdentical) {
  auto docs = corpus();
  merge_maps({map("a.jsonl", {docs[0]})}, dir_ / "kg.db");
  const std::string before = slurp(dir_ / "kg.db");
  // Enough text that the new database outgrows the limit.
  auto big = docs[1];
  big.document.text += " " + std::string(400000, 'x');
  const std::string more = map("b.jsonl", {big});
  const pid_t child = ::fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    ::signal(SIGXFSZ, SIG_IGN);
    const rlimit limit{200000, 200000};
    ::setrlimit(RLIMIT_FSIZE, &limit);
    try {
      merge_maps({more}, dir_ / "kg.db");
    } catch (const InputError&) {
      ::_exit(2);
    } catch (const Error&) {
      ::_exit(1);
    }
    ::_exit(0);
  }
  int status = 0;
  ::waitpid(child, &status, 0);
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 1);
  EXPECT_EQ(slurp(dir_ / "kg.db"), before);
  EXPECT_EQ(others({"kg.db", "a.jsonl", "b.jsonl"}), std::vector<std::string>{});
}

// One run, several runs, shards in any order: byte-identical databases and exports.
TEST_F(StoreTest, ShardsInAnyOrderGiveByteIdenticalDatabases) {
  const auto docs = corpus();
  merge_maps({map("all.jsonl", docs)}, dir_ / "one.db");
  const std::string expected = slurp(dir_ / "one.db");
  export_store(Store::open(dir_ / "one.db"), ExportFormat::kJson, dir_ / "one.json");
  const std::string expected_json = slurp(dir_ / "one.json");

  const std::string s1 = map("s1.jsonl", {docs[3], docs[0]});
  const std::string s2 = map("s2.jsonl", {docs[2]});
  const std::string s3 = map("s3.jsonl", {docs[1]});
  merge_maps({s3, s1, s2}, dir_ / "shuffled.db");
  EXPECT_EQ(slurp(dir_ / "shuffled.db"), expected);
  merge_maps({s2}, dir_ / "runs.db");
  merge_maps({s1}, dir_ / "runs.db");
  merge_maps({s3}, dir_ / "runs.db");
  EXPECT_EQ(slurp(dir_ / "runs.db"), expected);
  export_store(Store::open(dir_ / "runs.db"), ExportFormat::kJson, dir_ / "runs.json");
  EXPECT_EQ(slurp(dir_ / "runs.json"), expected_json);
}

TEST_F(StoreTest, SqliteExportIsAConsistentCopy) {
  merge_maps({map("m.jsonl", corpus())}, dir_ / "kg.db");
  export_store(Store::open(dir_ / "kg.db"), ExportFormat::kSqlite, dir_ / "copy.db");
  const auto a = read_documents(Store::open(dir_ / "kg.db"));
  const auto b = read_documents(Store::open(dir_ / "copy.db"));
  ASSERT_EQ(a.size(), b.size());
  for (size_t i = 0; i < a.size(); ++i) EXPECT_EQ(record(a[i]), record(b[i]));
  EXPECT_EQ(load_graph(Store::open(dir_ / "copy.db")).edges.size(),
            load_graph(Store::open(dir_ / "kg.db")).edges.size());
}

}  // namespace
}  // namespace kg::exporter
