// `kg train tokenizer` and `kg eval` run as a user runs them: exit codes, files, output.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

namespace {

using ::testing::ContainsRegex;
using ::testing::HasSubstr;
using ::testing::Not;

const std::string kFixture = std::string(KG_TEST_DATA_DIR) + "/tokenizer/tiny.conllu";

struct KgRun {
  int status = -1;
  std::string output;  // stdout and stderr together
};

KgRun run(const std::string& args) {
  KgRun r;
  const std::string command = std::string(KG_BINARY) + " " + args + " 2>&1";
  FILE* pipe = popen(command.c_str(), "r");
  if (!pipe) return r;
  std::array<char, 4096> buffer{};
  size_t n = 0;
  while ((n = fread(buffer.data(), 1, buffer.size(), pipe)) > 0) r.output.append(buffer.data(), n);
  const int status = pclose(pipe);
  r.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

std::string temp_model() {
  return (std::filesystem::path(::testing::TempDir()) / "kg_cli_tokenizer.kgm").string();
}

TEST(KgTrainEval, TrainsThenEvaluatesATokenizer) {
  const std::string model = temp_model();
  const KgRun train = run("train tokenizer --train " + kFixture + " --dev " + kFixture + " -o " +
                        model + " --epochs 10 --seed 3");
  ASSERT_EQ(train.status, 0) << train.output;
  EXPECT_THAT(train.output, HasSubstr("epoch 10"));
  ASSERT_TRUE(std::filesystem::exists(model));
  const KgRun eval = run("eval tokenizer " + model + " " + kFixture + " --json");
  ASSERT_EQ(eval.status, 0) << eval.output;
  EXPECT_THAT(eval.output, HasSubstr("\"Tokens\":{\"precision\":100.00,\"recall\":100.00,\"f1\":100.00"));
  EXPECT_THAT(eval.output, HasSubstr("\"Sentences\":{\"precision\":100.00"));
}

TEST(KgTrainEval, BadUsageExitsWithTwo) {
  EXPECT_EQ(run("train tokenizer --train " + kFixture).status, 2);  // no -o
  EXPECT_EQ(run("train tokeniser").status, 2);
  const KgRun missing = run("eval tokenizer /nonexistent/model.kgm " + kFixture);
  EXPECT_EQ(missing.status, 2);
  EXPECT_THAT(missing.output, HasSubstr("/nonexistent/model.kgm"));
}

TEST(KgTrainEval, TrainsThenEvaluatesAParserWithGoldTags) {
  const std::string fixture = std::string(KG_TEST_DATA_DIR) + "/parser/tiny.conllu";
  const std::string model =
      (std::filesystem::path(::testing::TempDir()) / "kg_cli_parser.kgm").string();
  const KgRun train = run("train parser --train " + fixture + " --dev " + fixture + " -o " +
                          model + " --epochs 12 --seed 2");
  ASSERT_EQ(train.status, 0) << train.output;
  EXPECT_THAT(train.output, HasSubstr("epoch 12/12"));
  const KgRun eval = run("eval parser " + model + " " + fixture + " --json");
  ASSERT_EQ(eval.status, 0) << eval.output;
  // The tags stay gold (no tagger given); the parser has learnt the fixture's trees but for
  // a few non-projective arcs (`kg train parser` learns lifted labels seen at least 3 times).
  EXPECT_THAT(eval.output, HasSubstr("\"UPOS\":{\"precision\":100.00"));
  EXPECT_THAT(eval.output, ContainsRegex("\"LAS\":\\{\"precision\":(9[5-9]|100)\\."));
}

TEST(KgTrainEval, MalformedTreesAreRejectedWithFileAndLine) {
  const std::string bad =
      (std::filesystem::path(::testing::TempDir()) / "kg_cycle.conllu").string();
  {
    std::ofstream out(bad);
    out << "1\ta\ta\tX\t_\t_\t0\troot\t_\t_\n2\tb\tb\tX\t_\t_\t3\tdep\t_\t_\n"
           "3\tc\tc\tX\t_\t_\t2\tdep\t_\t_\n\n";
  }
  const KgRun r = run("train parser --train " + bad + " -o " + bad + ".kgm");
  EXPECT_EQ(r.status, 2);
  EXPECT_THAT(r.output, HasSubstr(bad + ":2:"));
  EXPECT_THAT(r.output, HasSubstr("cycle"));
}

TEST(KgTrainEval, AModelOfTheWrongKindIsNamed) {
  const KgRun r = run("eval parser " + std::string(KG_SOURCE_DIR) + "/models/tokenizer.kgm " +
                    kFixture);
  EXPECT_EQ(r.status, 2);
  EXPECT_THAT(r.output, HasSubstr("none of the models is a parser model"));
}

}  // namespace

// `kg train ner` trains the name classifier after the sequence model; --name-typer-for adds a
// new one to a model without retraining it, and eval can weigh it or leave it out.
TEST(KgTrainEval, TrainsANerModelAndAddsANameClassifierToIt) {
  const std::string fixture = std::string(KG_TEST_DATA_DIR) + "/ner/tiny.conllu";
  const std::filesystem::path dir(::testing::TempDir());
  const std::string first = (dir / "kg_cli_ner.kgm").string();
  const std::string second = (dir / "kg_cli_ner_typed.kgm").string();
  const KgRun train = run("train ner --train " + fixture + " --dev " + fixture + " -o " + first +
                          " --epochs 4 --name-typer-epochs 3 --cluster-count 4");
  ASSERT_EQ(train.status, 0) << train.output;
  EXPECT_THAT(train.output, HasSubstr("ner types: epoch 3"));
  EXPECT_THAT(train.output, HasSubstr("ner types: keeping epoch"));
  const KgRun add = run("train ner --name-typer-for " + first + " --train " + fixture +
                        " --dev " + fixture + " -o " + second + " --name-typer-epochs 2");
  ASSERT_EQ(add.status, 0) << add.output;
  EXPECT_THAT(add.output, HasSubstr("ner types: keeping epoch"));
  EXPECT_THAT(add.output, Not(HasSubstr("clustering")));  // no sequence model trained
  for (const std::string weight : {"0", "0.5", "100"}) {
    const KgRun eval = run("eval ner " + second + " " + fixture + " --json --name-typer-weight " +
                           weight);
    ASSERT_EQ(eval.status, 0) << eval.output;
    EXPECT_THAT(eval.output, HasSubstr("\"f1\":100.00")) << weight;
  }
  const KgRun none = run("train ner --name-typer-for " + first + " --train " + fixture + " -o " +
                         second + " --name-typer-epochs 0");
  EXPECT_EQ(none.status, 2);
  EXPECT_THAT(none.output, HasSubstr("--name-typer-epochs 1 or more"));
}
