// End-to-end tests of `kg extract` and `kg build` (KG_BINARY) on the sample articles: the
// output does not depend on the thread count, build = extract + merge, bad input is exit 2
// with one line and leaves the database as it was.

#include <gtest/gtest.h>
#include <sys/wait.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
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

const std::string kSamples = std::string(KG_SOURCE_DIR) + "/samples";

// Facts need every model; until all are in models/, the tests that need facts skip.
bool models_missing() {
  for (const char* kind : {"tokenizer", "tagger", "parser", "ner"}) {
    if (!std::filesystem::exists(std::string(KG_SOURCE_DIR) + "/models/" + kind + ".kgm")) {
      return true;
    }
  }
  return false;
}

class BuildTest : public ::testing::Test {
 protected:
  Result kg(const std::vector<std::string>& args) {
    std::string command = shell_quote(KG_BINARY);
    for (const std::string& a : args) command += " " + shell_quote(a);
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
  void expect_bad_input(const Result& r, const std::string& what) {
    EXPECT_EQ(r.status, 2) << r.err;
    EXPECT_EQ(r.err.rfind("kg: ", 0), 0u) << r.err;
    EXPECT_EQ(r.err.find('\n'), r.err.size() - 1) << r.err;
    EXPECT_NE(r.err.find(what), std::string::npos) << r.err;
  }
  TempDir dir_;
};

TEST_F(BuildTest, ExtractIsTheSameForEveryThreadCount) {
  const Result one = kg({"extract", kSamples, "--threads", "1"});
  ASSERT_EQ(one.status, 0) << one.err;
  EXPECT_EQ(std::count(one.out.begin(), one.out.end(), '\n'), 5);
  for (const std::string threads : {"2", "5"}) {
    const Result many = kg({"extract", kSamples, "--threads", threads});
    ASSERT_EQ(many.status, 0) << many.err;
    EXPECT_EQ(many.out, one.out) << threads << " threads";
  }
}

TEST_F(BuildTest, BuildEqualsExtractThenMerge) {
  ASSERT_EQ(kg({"build", kSamples, "--db", dir_ / "built.db", "--threads", "2"}).status, 0);
  ASSERT_EQ(kg({"extract", kSamples, "-o", dir_ / "map.jsonl"}).status, 0);
  ASSERT_EQ(kg({"merge", dir_ / "map.jsonl", "--db", dir_ / "merged.db"}).status, 0);
  const Result built = kg({"export", dir_ / "built.db", "--format", "json", "-o", "-"});
  const Result merged = kg({"export", dir_ / "merged.db", "--format", "json", "-o", "-"});
  ASSERT_EQ(built.status, 0);
  EXPECT_FALSE(built.out.empty());
  EXPECT_EQ(built.out, merged.out);
  // Again: nothing new, the database is unchanged.
  const Result again = kg({"build", kSamples, "--db", dir_ / "built.db"});
  EXPECT_EQ(again.status, 0);
  EXPECT_NE(again.err.find("already stored with the same content"), std::string::npos);
}

TEST_F(BuildTest, ExtractToAFileWritesTheMapFormat) {
  if (models_missing()) GTEST_SKIP() << "models/ lacks a model of kg's pipeline";
  const Result r = kg({"extract", kSamples + "/000_f609485a1a0bb82f.txt", "-o", dir_ / "m.jsonl"});
  ASSERT_EQ(r.status, 0) << r.err;
  const std::string map = slurp(dir_ / "m.jsonl");
  EXPECT_EQ(map.rfind("{\"format\":\"kg-map\",\"version\":1,", 0), 0u);
  EXPECT_NE(map.find("\"triples\":[{"), std::string::npos);
}

TEST_F(BuildTest, BadInputIsExitTwoWithOneLine) {
  write_file(dir_ / "latin1.txt", "Caf\xe9 \xff\n");
  write_file(dir_ / "bad.json", "{\"text\": \"x\n");
  std::string binary(4096, '\0');
  for (size_t i = 0; i < binary.size(); ++i) binary[i] = static_cast<char>(i * 7919 % 251);
  write_file(dir_ / "random.bin", binary);
  std::filesystem::create_directories(dir_ / "empty");
  const std::string db = dir_ / "b.db";
  expect_bad_input(kg({"build", dir_ / "none.txt", "--db", db}), "none.txt");
  expect_bad_input(kg({"build", dir_ / "latin1.txt", "--db", db}), "latin1.txt");
  expect_bad_input(kg({"build", dir_ / "bad.json", "--db", db}), "bad.json");
  expect_bad_input(kg({"build", dir_ / "random.bin", "--db", db}), "random.bin");
  expect_bad_input(kg({"build", dir_ / "empty", "--db", db}), "empty");
  expect_bad_input(kg({"extract", dir_ / "latin1.txt"}), "latin1.txt");
  expect_bad_input(kg({"build", kSamples, "--threads", "0"}), "--threads");
  EXPECT_FALSE(std::filesystem::exists(db));
}

TEST_F(BuildTest, AFailedBuildLeavesTheDatabaseAsItWas) {
  const std::string db = dir_ / "s.db";
  ASSERT_EQ(kg({"build", kSamples + "/000_f609485a1a0bb82f.txt", "--db", db}).status, 0);
  const std::string before = slurp(db);
  write_file(dir_ / "latin1.txt", "Caf\xe9 \xff\n");
  const Result r =
      kg({"build", kSamples + "/001_60737727dd3f3045.txt", dir_ / "latin1.txt", "--db", db});
  EXPECT_EQ(r.status, 2);
  EXPECT_EQ(slurp(db), before);
}

TEST_F(BuildTest, AFailedExtractLeavesTheOutputFileAsItWas) {
  write_file(dir_ / "m.jsonl", "old\n");
  write_file(dir_ / "latin1.txt", "Caf\xe9 \xff\n");
  const Result r = kg({"extract", kSamples + "/000_f609485a1a0bb82f.txt", dir_ / "latin1.txt",
                       "-o", dir_ / "m.jsonl"});
  EXPECT_EQ(r.status, 2);
  EXPECT_EQ(slurp(dir_ / "m.jsonl"), "old\n");
}

TEST_F(BuildTest, TextWithoutNamesOrVerbsGivesNoFacts) {
  write_file(dir_ / "plain.txt",
             "It rained all day and everybody stayed inside.\n\n"
             "Apples, pears, plums, cherries.\n\n- one\n- two\n- three\n\nTHE END\n");
  const Result r = kg({"extract", dir_ / "plain.txt"});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("\"triples\":[]"), std::string::npos) << r.out;
}

}  // namespace
}  // namespace kg::cli
