#include "extract/parser.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <fstream>
#include <iterator>
#include <random>

#include "extract/conllu.h"
#include "extract/error.h"
#include "extract/model_file.h"
#include "extract/parser_train.h"

namespace kg::extract {
namespace {

std::vector<Sentence> fixture() {
  std::vector<Sentence> out;
  for (auto& s : read_conllu_file(std::string(KG_TEST_DATA_DIR) + "/parser/tiny.conllu")) {
    out.push_back(std::move(s.sentence));
  }
  return out;
}

// One parser trained on the fixture for every test of this file.
class ParserTest : public testing::Test {
 protected:
  static void SetUpTestSuite() {
    ParserTrainingOptions options;
    options.epochs = 5;
    options.min_lifted_count = 1;
    const auto sentences = fixture();
    parser_ = train_parser(sentences, sentences, options).release();
    // ctest runs every test in its own process, several at once: one file per process.
    path_ = testing::TempDir() + "/parser_test_" + std::to_string(::getpid()) + ".kgm";
    parser_->save(path_);
  }
  static void TearDownTestSuite() {
    delete parser_;
    parser_ = nullptr;
  }

  static std::string bytes() {
    std::ifstream in(path_, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  static std::string write(const std::string& name, const std::string& content) {
    const std::string path = testing::TempDir() + "/" + std::to_string(::getpid()) + "_" + name;
    std::ofstream(path, std::ios::binary) << content;
    return path;
  }
  static std::string load_error(const std::string& path) {
    try {
      Parser::load(path);
    } catch (const InputError& e) {
      return e.what();
    }
    return "(loaded)";
  }

  static Parser* parser_;
  static std::string path_;
};

Parser* ParserTest::parser_ = nullptr;
std::string ParserTest::path_;

// One root word, every head in range, no cycle.
void expect_tree(const Sentence& s) {
  const int n = static_cast<int>(s.tokens.size());
  int roots = 0;
  for (int i = 0; i < n; ++i) {
    const int h = s.tokens[i].head;
    ASSERT_GE(h, 0);
    ASSERT_LE(h, n);
    ASSERT_NE(h, i + 1);
    if (h == 0) {
      ++roots;
      EXPECT_EQ(s.tokens[i].deprel, Deprel::kRoot);
    } else {
      EXPECT_NE(s.tokens[i].deprel, Deprel::kRoot);
    }
  }
  ASSERT_EQ(roots, 1);
  // Depths computed once per word with memoisation: linear even for 10,000 words.
  std::vector<int> state(static_cast<size_t>(n) + 1, 0);  // 0 new, 1 on path, 2 reaches root
  state[0] = 2;
  std::vector<int> path;
  for (int i = 1; i <= n; ++i) {
    int node = i;
    path.clear();
    while (state[node] == 0) {
      state[node] = 1;
      path.push_back(node);
      node = s.tokens[node - 1].head;
    }
    ASSERT_EQ(state[node], 2) << "cycle through word " << node;
    for (int p : path) state[p] = 2;
  }
}

Sentence random_sentence(std::mt19937& rng, int n, const std::vector<Sentence>& vocabulary) {
  Sentence s;
  for (int i = 0; i < n; ++i) {
    Token t;
    const Sentence& from = vocabulary[rng() % vocabulary.size()];
    t.form = rng() % 5 == 0 ? "zq" + std::to_string(rng() % 1000)
                            : from.tokens[rng() % from.tokens.size()].form;
    t.upos = static_cast<Upos>(rng() % kUposCount);
    t.xpos = static_cast<Xpos>(rng() % kXposCount);
    s.tokens.push_back(t);
  }
  return s;
}

TEST_F(ParserTest, SaveAndLoadGiveTheSameParses) {
  const auto loaded = Parser::load(path_);
  EXPECT_EQ(loaded->transitions().labels(), parser_->transitions().labels());
  EXPECT_EQ(loaded->weights().num_features(), parser_->weights().num_features());
  for (Sentence s : fixture()) {
    Sentence t = s;
    parser_->annotate(s);
    loaded->annotate(t);
    for (size_t i = 0; i < s.tokens.size(); ++i) {
      EXPECT_EQ(s.tokens[i].head, t.tokens[i].head);
      EXPECT_EQ(s.tokens[i].deprel, t.tokens[i].deprel);
    }
  }
}

TEST_F(ParserTest, RejectsACorruptedFile) {
  std::string b = bytes();
  b[b.size() / 2] ^= 0x5a;
  EXPECT_NE(load_error(write("corrupt.kgm", b)).find("corrupted"), std::string::npos);
}

TEST_F(ParserTest, RejectsATruncatedFile) {
  const std::string b = bytes();
  EXPECT_NE(load_error(write("truncated.kgm", b.substr(0, b.size() / 3))).find("corrupted"),
            std::string::npos);
  EXPECT_NE(load_error(write("tiny.kgm", "KGMO")).find("not a kg model"), std::string::npos);
}

TEST_F(ParserTest, RejectsAMissingFile) {
  EXPECT_NE(load_error(testing::TempDir() + "/no_such_parser.kgm").find("cannot open"),
            std::string::npos);
}

TEST_F(ParserTest, RejectsAModelOfAnotherKind) {
  const std::string path = testing::TempDir() + "/tagger_not_parser.kgm";
  ModelWriter out({"tagger", 1, 0});
  out.u32(0);
  out.save(path);
  EXPECT_NE(load_error(path).find("not a parser model"), std::string::npos);
}

TEST_F(ParserTest, RejectsAModelWithOtherTemplatesOrVersion) {
  const std::string other_templates = testing::TempDir() + "/parser_other_templates.kgm";
  ModelWriter a({Parser::kModelKind, Parser::kModelVersion, parser_fingerprint() + 1});
  a.u32(0);
  a.save(other_templates);
  EXPECT_NE(load_error(other_templates).find("fingerprint mismatch"), std::string::npos);
  const std::string other_version = testing::TempDir() + "/parser_other_version.kgm";
  ModelWriter b({Parser::kModelKind, Parser::kModelVersion + 1, parser_fingerprint()});
  b.u32(0);
  b.save(other_version);
  EXPECT_NE(load_error(other_version).find("format version"), std::string::npos);
}

TEST_F(ParserTest, RejectsAModelWhoseLabelsAreDamaged) {
  const std::string path = testing::TempDir() + "/parser_bad_labels.kgm";
  ModelWriter out({Parser::kModelKind, Parser::kModelVersion, parser_fingerprint()});
  out.u32(1);
  out.u8(200);  // no such relation
  out.u8(0xff);
  out.save(path);
  EXPECT_NE(load_error(path).find("unknown relation"), std::string::npos);
}

TEST_F(ParserTest, AlwaysBuildsOneTreeOnRandomInput) {
  std::mt19937 rng(7);
  const auto vocabulary = fixture();
  for (int trial = 0; trial < 300; ++trial) {
    Sentence s = random_sentence(rng, 1 + static_cast<int>(rng() % 80), vocabulary);
    parser_->annotate(s);
    expect_tree(s);
  }
}

TEST_F(ParserTest, BuildsATreeOverTenThousandWords) {
  std::mt19937 rng(11);
  Sentence s = random_sentence(rng, 10000, fixture());
  parser_->annotate(s);
  expect_tree(s);
}

TEST_F(ParserTest, HandlesOneWordOnlyPunctuationAndNoWords) {
  Sentence one;
  one.tokens.push_back(Token{{}, "Hello", "", Upos::kIntj, Xpos::kUH});
  parser_->annotate(one);
  expect_tree(one);
  EXPECT_EQ(one.tokens[0].head, 0);

  Sentence punct;
  for (const char* p : {"!", "?", "...", "\"", "(", ")", "-", "!"}) {
    punct.tokens.push_back(Token{{}, p, p, Upos::kPunct, Xpos::kPeriod});
  }
  parser_->annotate(punct);
  expect_tree(punct);

  Sentence none;
  parser_->annotate(none);
  EXPECT_TRUE(none.tokens.empty());
}

}  // namespace
}  // namespace kg::extract
