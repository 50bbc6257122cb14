// End-to-end tests of `kg parse`: the kg binary runs on fixtures with a tagger model trained
// here on the tiny fixture, so the tests do not depend on the shipped models.

#include <gtest/gtest.h>
#include <sys/wait.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>

#include "extract/conllu.h"
#include "extract/parser_train.h"
#include "extract/tagger_train.h"
#include "extract/tokenizer.h"
#include "extract/tokenizer_train.h"

namespace kg::cli {
namespace {

namespace fs = std::filesystem;

struct CommandResult {
  int status = -1;
  std::string out;
  std::string err;
};

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

class ParseCommand : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ =
        new fs::path(fs::temp_directory_path() / ("kg_parse_test_" + std::to_string(::getpid())));
    fs::create_directories(*dir_);
    extract::TaggerTrainOptions options;
    options.epochs = 5;
    options.min_feature_count = 1;  // every feature of the tiny fixture is rare
    extract::TaggerTrainer(options)
        .train(extract::read_conllu_file(tiny()), {})
        .save((*dir_ / "tagger.kgm").string());
    std::vector<extract::Sentence> trees;
    const std::string parser_fixture = std::string(KG_TEST_DATA_DIR) + "/parser/tiny.conllu";
    for (auto& t : extract::read_conllu_file(parser_fixture)) {
      trees.push_back(std::move(t.sentence));
    }
    extract::ParserTrainingOptions parser_options;
    parser_options.epochs = 3;
    extract::train_parser(trees, {}, parser_options)->save((*dir_ / "parser.kgm").string());
    // A second folder that also holds a tokenizer, for raw-text input.
    fs::create_directories(*dir_ / "with_tokenizer");
    fs::copy_file(*dir_ / "tagger.kgm", *dir_ / "with_tokenizer" / "tagger.kgm");
    fs::copy_file(*dir_ / "parser.kgm", *dir_ / "with_tokenizer" / "parser.kgm");
    const auto tokenizer_data = extract::read_conllu_file(std::string(KG_TEST_DATA_DIR) +
                                                          "/tokenizer/tiny.conllu");
    extract::train_tokenizer(tokenizer_data, {}, {})
        ->save((*dir_ / "with_tokenizer" / "tokenizer.kgm").string());
  }
  static void TearDownTestSuite() {
    fs::remove_all(*dir_);
    delete dir_;
    dir_ = nullptr;
  }

  static std::string tiny() { return std::string(KG_TEST_DATA_DIR) + "/tagger/tiny.conllu"; }

  static std::string write(const std::string& name, const std::string& content) {
    const std::string path = (*dir_ / name).string();
    std::ofstream(path, std::ios::binary) << content;
    return path;
  }

  // Runs `kg ARGS` with the test's model folder unless `models` says otherwise.
  static CommandResult kg(const std::string& args, const std::string& models = "") {
    const std::string out = (*dir_ / "stdout").string();
    const std::string err = (*dir_ / "stderr").string();
    const std::string command = std::string("'") + KG_BINARY + "' " + args + " --models '" +
                                (models.empty() ? dir_->string() : models) + "' >'" + out +
                                "' 2>'" + err + "'";
    CommandResult run;
    const int status = std::system(command.c_str());
    run.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    run.out = slurp(out);
    run.err = slurp(err);
    return run;
  }

  static std::vector<extract::TreebankSentence> read(const std::string& conllu) {
    std::istringstream in(conllu);
    extract::ConlluReadOptions options;
    options.require_tree = false;
    return extract::read_conllu(in, "output", options);
  }

  static fs::path* dir_;
};

fs::path* ParseCommand::dir_ = nullptr;

TEST_F(ParseCommand, ConlluInputKeepsWordsAndSentenceIds) {
  const CommandResult run = kg("parse '" + tiny() + "' --input conllu --format conllu");
  ASSERT_EQ(run.status, 0) << run.err;
  const auto gold = extract::read_conllu_file(tiny());
  const auto got = read(run.out);
  ASSERT_EQ(got.size(), gold.size());
  for (size_t i = 0; i < gold.size(); ++i) {
    EXPECT_EQ(got[i].sentence.id, gold[i].sentence.id);
    EXPECT_EQ(got[i].sentence.text, gold[i].sentence.text);
    ASSERT_EQ(got[i].sentence.tokens.size(), gold[i].sentence.tokens.size());
    for (size_t k = 0; k < gold[i].sentence.tokens.size(); ++k) {
      EXPECT_EQ(got[i].sentence.tokens[k].form, gold[i].sentence.tokens[k].form);
      EXPECT_NE(got[i].sentence.tokens[k].xpos, extract::Xpos::kNone);
    }
    EXPECT_EQ(got[i].sentence.multiword.size(), gold[i].sentence.multiword.size());
  }
}

// The tiny fixture with every noun tagged as an interjection: tags no tagger would give.
std::string with_wrong_tags(std::string conllu) {
  for (size_t at = 0; (at = conllu.find("\tNOUN\tNN\t", at)) != std::string::npos; ++at) {
    conllu.replace(at, 9, "\tINTJ\tUH\t");
  }
  return conllu;
}

TEST_F(ParseCommand, ConlluInputIgnoresTheGoldTags) {
  // Same words, every tag and lemma wrong: the output must not echo them.
  std::string input = with_wrong_tags(slurp(tiny()));
  // And a gold tree, which must not survive either: the parser model here never learnt
  // `reparandum` (its fixture has none), so the relation can only come from the input.
  input += "# sent_id = tree\n1\tHello\thello\tINTJ\tUH\t_\t2\treparandum\t_\t_\n"
           "2\tworld\tworld\tNOUN\tNN\t_\t0\troot\t_\t_\n\n";
  const CommandResult run = kg("parse '" + write("wrong.conllu", input) + "' --input conllu");
  ASSERT_EQ(run.status, 0) << run.err;
  EXPECT_EQ(run.out.find("\tINTJ\tUH\t"), std::string::npos);
  EXPECT_EQ(run.out.find("\treparandum\t"), std::string::npos);
  EXPECT_NE(run.out.find("\troot\t"), std::string::npos);  // the parser ran
}


TEST_F(ParseCommand, KeepTagsParsesWithTheGivenTagsOnly) {
  // Tags the tagger would never give, and a gold tree: --keep-tags keeps the tags and lemmas
  // and replaces the tree with the parser's.
  std::string input = with_wrong_tags(slurp(tiny()));
  input += "# sent_id = tree\n1\tHello\tHELLO-LEMMA\tINTJ\tUH\t_\t2\treparandum\t_\t_\n"
           "2\tworld\tworld\tNOUN\tNN\t_\t0\troot\t_\t_\n\n";
  const std::string path = write("keep.conllu", input);
  const CommandResult run = kg("parse '" + path + "' --input conllu --keep-tags");
  ASSERT_EQ(run.status, 0) << run.err;
  const auto given = read(input);
  const auto got = read(run.out);
  ASSERT_EQ(got.size(), given.size());
  for (size_t i = 0; i < given.size(); ++i) {
    ASSERT_EQ(got[i].sentence.tokens.size(), given[i].sentence.tokens.size());
    for (size_t k = 0; k < given[i].sentence.tokens.size(); ++k) {
      EXPECT_EQ(got[i].sentence.tokens[k].upos, given[i].sentence.tokens[k].upos);
      EXPECT_EQ(got[i].sentence.tokens[k].xpos, given[i].sentence.tokens[k].xpos);
      EXPECT_EQ(got[i].sentence.tokens[k].lemma, given[i].sentence.tokens[k].lemma);
    }
  }
  EXPECT_NE(run.out.find("\tHELLO-LEMMA\tINTJ\tUH\t"), std::string::npos);
  EXPECT_EQ(run.out.find("\treparandum\t"), std::string::npos);  // the tree is the parser's

  // --parser names the parser file; a missing one is named in the error.
  const CommandResult other =
      kg("parse '" + path + "' --input conllu --keep-tags --parser '" +
         (*dir_ / "parser.kgm").string() + "'", "/nonexistent-models");
  EXPECT_EQ(other.status, 0) << other.err;
  EXPECT_EQ(other.out, run.out);
  const CommandResult missing =
      kg("parse '" + path + "' --input conllu --keep-tags --parser '" + path + ".none'");
  EXPECT_NE(missing.status, 0);
  EXPECT_NE(missing.err.find("keep.conllu.none"), std::string::npos) << missing.err;

  // Raw text has no tags to keep.
  const CommandResult text = kg("parse '" + path + "' --keep-tags");
  EXPECT_EQ(text.status, 2) << text.err;
  EXPECT_NE(text.err.find("--keep-tags needs --input conllu"), std::string::npos) << text.err;
}
TEST_F(ParseCommand, TextFormatPrintsOneRowPerWord) {
  const CommandResult run = kg("parse '" + tiny() + "' --input conllu --format text");
  ASSERT_EQ(run.status, 0) << run.err;
  EXPECT_NE(run.out.find("# text = Three mice ran away."), std::string::npos);
  // The row of word 2: id, form, lemma, UPOS, XPOS, head, relation, separated by spaces.
  std::istringstream lines(run.out);
  std::string line;
  std::vector<std::string> row;
  while (std::getline(lines, line)) {
    std::istringstream fields(line);
    std::vector<std::string> words{std::istream_iterator<std::string>(fields), {}};
    if (words.size() >= 2 && words[0] == "2" && words[1] == "mice") row = words;
  }
  ASSERT_EQ(row.size(), 7u) << run.out;
  EXPECT_EQ(row[2], "mouse");
  EXPECT_EQ(row[3], "NOUN");
  EXPECT_EQ(row[4], "NNS");
  EXPECT_TRUE(std::all_of(row[5].begin(), row[5].end(), ::isdigit)) << row[5];
  EXPECT_FALSE(row[6].empty());
}

TEST_F(ParseCommand, EmptyFileGivesEmptyOutput) {
  const CommandResult run = kg("parse '" + write("empty.conllu", "") + "' --input conllu");
  EXPECT_EQ(run.status, 0) << run.err;
  EXPECT_EQ(run.out, "");
}

TEST_F(ParseCommand, PunctuationEmojiAndCyrillicAreAnnotated) {
  const std::string input =
      "# sent_id = punct\n1\t!\t_\t_\t_\t_\t_\t_\t_\t_\n2\t?!\t_\t_\t_\t_\t_\t_\t_\t_\n"
      "3\t...\t_\t_\t_\t_\t_\t_\t_\t_\n\n"
      "# sent_id = emoji\n1\t\xF0\x9F\x98\x80\t_\t_\t_\t_\t_\t_\t_\t_\n"
      "2\t\xF0\x9F\x91\x8D\t_\t_\t_\t_\t_\t_\t_\t_\n\n"
      "# sent_id = cyrillic\n1\tПривет\t_\t_\t_\t_\t_\t_\t_\t_\n2\tмир\t_\t_\t_\t_\t_\t_\t_\t_\n\n";
  const CommandResult run = kg("parse '" + write("odd.conllu", input) + "' --input conllu");
  ASSERT_EQ(run.status, 0) << run.err;
  const auto got = read(run.out);
  ASSERT_EQ(got.size(), 3u);
  EXPECT_EQ(got[1].sentence.tokens[0].form, "\xF0\x9F\x98\x80");
  EXPECT_EQ(got[2].sentence.tokens[1].form, "мир");
  for (const auto& s : got) {
    for (const auto& t : s.sentence.tokens) EXPECT_FALSE(t.lemma.empty()) << t.form;
  }
}

TEST_F(ParseCommand, TenThousandWordSentence) {
  std::string input = "# sent_id = long\n";
  for (int i = 1; i <= 10000; ++i) {
    input += std::to_string(i) + (i % 2 ? "\tthe" : "\tcats") + "\t_\t_\t_\t_\t_\t_\t_\t_\n";
  }
  const CommandResult run = kg("parse '" + write("long.conllu", input + "\n") + "' --input conllu");
  ASSERT_EQ(run.status, 0) << run.err;
  const auto got = read(run.out);
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0].sentence.tokens.size(), 10000u);
}

TEST_F(ParseCommand, MalformedConlluNamesFileAndLine) {
  const std::string path = write("bad.conllu", "1\tonly\tthree\n");
  const CommandResult run = kg("parse '" + path + "' --input conllu");
  EXPECT_EQ(run.status, 2);
  EXPECT_NE(run.err.find(path + ":1:"), std::string::npos) << run.err;
}

TEST_F(ParseCommand, RawTextWithoutTokenizerNamesTheMissingModel) {
  const CommandResult run = kg("parse '" + write("raw.txt", "Hello world.\n") + "'");
  EXPECT_EQ(run.status, 2);
  EXPECT_NE(run.err.find("tokenizer.kgm"), std::string::npos) << run.err;
}

TEST_F(ParseCommand, RawTextIsSegmentedAndTagged) {
  const std::string text = "The cat sleeps. The dog runs.\n";
  const CommandResult run = kg("parse '" + write("raw2.txt", text) + "'",
                               (*dir_ / "with_tokenizer").string());
  ASSERT_EQ(run.status, 0) << run.err;
  const auto got = read(run.out);
  ASSERT_FALSE(got.empty());
  size_t words = 0;
  std::string joined;
  for (const auto& t : got) {
    for (const auto& token : t.sentence.tokens) {
      ++words;
      joined += token.form;
      EXPECT_FALSE(token.lemma.empty()) << token.form;  // the tagger ran on every word
    }
  }
  EXPECT_EQ(joined, "Thecatsleeps.Thedogruns.");
  EXPECT_EQ(words, 8u);
}

TEST_F(ParseCommand, MissingModelNamesTheFile) {
  const CommandResult run = kg("parse '" + tiny() + "' --input conllu", "/nonexistent-models");
  EXPECT_EQ(run.status, 2);
  EXPECT_NE(run.err.find("/nonexistent-models/tagger.kgm"), std::string::npos) << run.err;
}

TEST_F(ParseCommand, Iob2NeedsTheNerModelAndNamesIt) {
  // The test's folder has a tagger but no ner.kgm: conllu output works without names, iob2
  // output is refused with the missing file named.
  EXPECT_EQ(kg("parse '" + tiny() + "' --input conllu").status, 0);
  const CommandResult run = kg("parse '" + tiny() + "' --input conllu --format iob2");
  EXPECT_EQ(run.status, 2);
  EXPECT_NE(run.err.find("ner.kgm"), std::string::npos) << run.err;
}

TEST_F(ParseCommand, UnknownFormatIsAUsageError) {
  const CommandResult run = kg("parse '" + tiny() + "' --input conllu --format xml");
  EXPECT_EQ(run.status, 2);
  EXPECT_NE(run.err.find("conllu|text"), std::string::npos) << run.err;
}

}  // namespace
}  // namespace kg::cli
