#include "extract/tagger.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "extract/conllu.h"
#include "extract/error.h"
#include "extract/model_file.h"
#include "extract/tagger_train.h"

namespace kg::extract {
namespace {

namespace fs = std::filesystem;

const std::string kTiny = std::string(KG_TEST_DATA_DIR) + "/tagger/tiny.conllu";

const std::vector<TreebankSentence>& tiny() {
  static const std::vector<TreebankSentence> data = read_conllu_file(kTiny);
  return data;
}

const Tagger& tiny_tagger() {
  static const Tagger tagger = [] {
    TaggerTrainOptions options;
    options.epochs = 10;
    options.min_feature_count = 1;  // every feature of the tiny fixture is rare
    return TaggerTrainer(options).train(tiny(), {});
  }();
  return tagger;
}

// A fresh temporary file name, removed at the end of the test.
class TempFile {
 public:
  explicit TempFile(const std::string& name)
      : path_((fs::temp_directory_path() /
               ("kg_tagger_test_" +
                std::to_string(::testing::UnitTest::GetInstance()->random_seed()) + "_" + name))
                  .string()) {}
  ~TempFile() { std::remove(path_.c_str()); }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

Sentence words(const std::vector<std::string>& forms) {
  Sentence s;
  for (const std::string& f : forms) {
    Token t;
    t.form = f;
    s.tokens.push_back(t);
  }
  return s;
}

std::vector<uint8_t> read_bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void write_bytes(const std::string& path, const std::vector<uint8_t>& bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(reinterpret_cast<const char*>(bytes.data()),
            static_cast<std::streamsize>(bytes.size()));
}

std::string load_error(const std::string& path) {
  try {
    Tagger::load(path);
  } catch (const InputError& e) {
    return e.what();
  }
  return "";
}

void expect_fixture_tagged(const Tagger& tagger) {
  for (const TreebankSentence& gold : tiny()) {
    Sentence s = gold.sentence;
    for (Token& t : s.tokens) {
      t.upos = Upos::kX;
      t.xpos = Xpos::kNone;
      t.lemma.clear();
    }
    tagger.annotate(s);
    for (size_t i = 0; i < s.tokens.size(); ++i) {
      const Token& want = gold.sentence.tokens[i];
      EXPECT_EQ(s.tokens[i].upos, want.upos) << gold.sentence.id << " " << want.form;
      EXPECT_EQ(s.tokens[i].xpos, want.xpos) << gold.sentence.id << " " << want.form;
      EXPECT_EQ(s.tokens[i].lemma, want.lemma) << gold.sentence.id << " " << want.form;
    }
  }
}

TEST(Tagger, LearnsTheTrainingFixture) { expect_fixture_tagged(tiny_tagger()); }

TEST(Tagger, BothDirectionsLearnTheFixtureAndRoundTrip) {
  TaggerTrainOptions options;
  options.epochs = 10;
  options.min_feature_count = 1;  // every feature of the tiny fixture is rare
  options.both_directions = true;
  const Tagger tagger = TaggerTrainer(options).train(tiny(), {});
  ASSERT_EQ(tagger.model().directions.size(), 2u);
  EXPECT_TRUE(tagger.model().directions[1].reverse);
  expect_fixture_tagged(tagger);
  TempFile file("both.kgm");
  tagger.save(file.path());
  const std::unique_ptr<Tagger> loaded = Tagger::load(file.path());
  ASSERT_EQ(loaded->model().directions.size(), 2u);
  expect_fixture_tagged(*loaded);
}

TEST(Tagger, TrainingIsDeterministicForASeed) {
  TaggerTrainOptions options;
  options.epochs = 3;
  options.min_feature_count = 1;  // every feature of the tiny fixture is rare
  const Tagger a = TaggerTrainer(options).train(tiny(), {});
  const Tagger b = TaggerTrainer(options).train(tiny(), {});
  TempFile fa("a.kgm"), fb("b.kgm");
  a.save(fa.path());
  b.save(fb.path());
  EXPECT_EQ(read_bytes(fa.path()), read_bytes(fb.path()));
}

TEST(Tagger, ModelFileRoundTrips) {
  TempFile file("tagger.kgm");
  tiny_tagger().save(file.path());
  const std::unique_ptr<Tagger> loaded = Tagger::load(file.path());
  std::vector<Sentence> inputs;
  for (const TreebankSentence& t : tiny()) inputs.push_back(t.sentence);
  inputs.push_back(words({"Mary", "blorfed", "the", "wugs", "in", "2024", "!"}));
  for (Sentence& a : inputs) {
    Sentence b = a;
    tiny_tagger().annotate(a);
    loaded->annotate(b);
    for (size_t i = 0; i < a.tokens.size(); ++i) {
      EXPECT_EQ(a.tokens[i].upos, b.tokens[i].upos);
      EXPECT_EQ(a.tokens[i].xpos, b.tokens[i].xpos);
      EXPECT_EQ(a.tokens[i].lemma, b.tokens[i].lemma);
    }
  }
  // Saving the loaded model writes the same bytes.
  TempFile again("again.kgm");
  loaded->save(again.path());
  EXPECT_EQ(read_bytes(file.path()), read_bytes(again.path()));
}

TEST(Tagger, CorruptedModelIsRejectedWithTheFileName) {
  TempFile file("corrupt.kgm");
  tiny_tagger().save(file.path());
  std::vector<uint8_t> bytes = read_bytes(file.path());
  bytes[bytes.size() / 2] ^= 0x40;
  write_bytes(file.path(), bytes);
  const std::string error = load_error(file.path());
  EXPECT_NE(error.find(file.path()), std::string::npos) << error;
  EXPECT_NE(error.find("corrupted"), std::string::npos) << error;
}

TEST(Tagger, TruncatedModelIsRejected) {
  TempFile file("truncated.kgm");
  tiny_tagger().save(file.path());
  std::vector<uint8_t> bytes = read_bytes(file.path());
  bytes.resize(bytes.size() - 100);
  write_bytes(file.path(), bytes);
  EXPECT_NE(load_error(file.path()).find("corrupted or truncated"), std::string::npos);
}

TEST(Tagger, ModelOfAnotherKindIsRejected) {
  TempFile file("parser.kgm");
  ModelWriter out({"parser", 1, 0});
  out.u32(0);
  out.save(file.path());
  const std::string error = load_error(file.path());
  EXPECT_NE(error.find("parser model, not a tagger model"), std::string::npos) << error;
}

TEST(Tagger, ModelWithOtherFeatureTemplatesIsRejected) {
  TempFile file("old.kgm");
  ModelWriter out({"tagger", Tagger::format_version(), Tagger::fingerprint() + 1});
  out.save(file.path());
  const std::string error = load_error(file.path());
  EXPECT_NE(error.find("fingerprint mismatch"), std::string::npos) << error;
  EXPECT_NE(error.find("kg train tagger"), std::string::npos) << error;
}

TEST(Tagger, ModelOfAnotherFormatVersionIsRejected) {
  TempFile file("future.kgm");
  ModelWriter out({"tagger", Tagger::format_version() + 1, Tagger::fingerprint()});
  out.save(file.path());
  EXPECT_NE(load_error(file.path()).find("format version"), std::string::npos);
}

TEST(Tagger, InconsistentPayloadIsRejected) {
  // A valid header and checksum around a payload with an impossible tag pair.
  TempFile file("bad.kgm");
  ModelWriter out({"tagger", Tagger::format_version(), Tagger::fingerprint()});
  out.u32(2);
  out.array(std::vector<uint8_t>{200, 200});
  out.save(file.path());
  const std::string error = load_error(file.path());
  EXPECT_NE(error.find(file.path()), std::string::npos) << error;
  EXPECT_NE(error.find("tag out of range"), std::string::npos) << error;
}

TEST(Tagger, MissingModelNamesTheFile) {
  const std::string error = load_error("/nonexistent/tagger.kgm");
  EXPECT_NE(error.find("/nonexistent/tagger.kgm"), std::string::npos) << error;
}

TEST(Tagger, EmptySentenceIsLeftAlone) {
  Sentence s;
  tiny_tagger().annotate(s);
  EXPECT_TRUE(s.tokens.empty());
}

TEST(Tagger, OddInputGetsTagsAndNonEmptyLemmas) {
  // Only punctuation, emoji, Cyrillic, CJK, an empty form: every word gets an analysis.
  Sentence s = words({"!", "?!", "...", "\xF0\x9F\x98\x80", "\xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD",
                      "Привет", "мир", "\xE6\x97\xA5\xE6\x9C\xAC", ""});
  tiny_tagger().annotate(s);
  for (size_t i = 0; i + 1 < s.tokens.size(); ++i) {
    EXPECT_NE(s.tokens[i].xpos, Xpos::kNone) << i;
    EXPECT_FALSE(s.tokens[i].lemma.empty()) << i;
  }
}

TEST(Tagger, VeryLongSentenceIsTagged) {
  // 10,000 words: tagging is linear in the sentence length (no timing here; bench/ has that).
  std::vector<std::string> forms;
  for (int i = 0; i < 10000; ++i) forms.push_back(i % 7 == 6 ? "," : i % 2 ? "cats" : "the");
  Sentence s = words(forms);
  tiny_tagger().annotate(s);
  EXPECT_EQ(s.tokens[0].xpos, Xpos::kDT);
  EXPECT_EQ(s.tokens[1].xpos, Xpos::kNNS);
  EXPECT_EQ(s.tokens[9999].lemma, s.tokens[9999].form == "cats" ? "cat" : s.tokens[9999].form);
}

TEST(Tagger, RareFeaturesGetNoWeight) {
  TaggerTrainOptions options;
  options.epochs = 3;
  options.min_feature_count = 1;
  const size_t all =
      TaggerTrainer(options).train(tiny(), {}).model().directions[0].weights.num_features();
  options.min_feature_count = 3;
  const size_t frequent =
      TaggerTrainer(options).train(tiny(), {}).model().directions[0].weights.num_features();
  EXPECT_GT(frequent, 0u);
  EXPECT_LT(frequent * 2, all);
}

TEST(Tagger, JackknifeTagsEachBlockWithATaggerTrainedOnTheOthers) {
  TaggerTrainOptions options;
  options.epochs = 3;
  options.min_feature_count = 1;
  std::vector<TreebankSentence> data = tiny();
  for (TreebankSentence& t : data) {  // a tree to check that it is kept
    for (size_t i = 0; i < t.sentence.tokens.size(); ++i) {
      t.sentence.tokens[i].head = static_cast<int>(i);
      t.sentence.tokens[i].deprel = Deprel::kDep;
    }
  }
  const std::vector<Sentence> tagged = jackknife_tags(data, 2, options, {});
  ASSERT_EQ(tagged.size(), data.size());
  const size_t half = data.size() / 2;
  const std::vector<TreebankSentence> first(data.begin(), data.begin() + half);
  const std::vector<TreebankSentence> second(data.begin() + half, data.end());
  const Tagger on_second = TaggerTrainer(options).train(second, {});
  const Tagger on_first = TaggerTrainer(options).train(first, {});
  for (size_t i = 0; i < data.size(); ++i) {
    Sentence expected = data[i].sentence;
    (i < half ? on_second : on_first).annotate(expected);
    ASSERT_EQ(tagged[i].tokens.size(), expected.tokens.size());
    EXPECT_EQ(tagged[i].id, data[i].sentence.id);
    for (size_t j = 0; j < expected.tokens.size(); ++j) {
      const Token& got = tagged[i].tokens[j];
      EXPECT_EQ(got.form, data[i].sentence.tokens[j].form);
      EXPECT_EQ(got.upos, expected.tokens[j].upos) << i << " " << got.form;
      EXPECT_EQ(got.xpos, expected.tokens[j].xpos) << i << " " << got.form;
      EXPECT_EQ(got.lemma, expected.tokens[j].lemma) << i << " " << got.form;
      EXPECT_EQ(got.head, static_cast<int>(j));
    }
  }
  EXPECT_THROW(jackknife_tags(data, 1, options, {}), InputError);
  EXPECT_THROW(jackknife_tags(first, static_cast<int>(first.size()) + 1, options, {}), InputError);
}

TEST(Tagger, TrainingWithoutWordsIsAnError) {
  EXPECT_THROW(TaggerTrainer({}).train({}, {}), InputError);
}

TEST(Tagger, DevelopmentDataChoosesTheEpoch) {
  TaggerTrainOptions options;
  options.epochs = 4;
  options.min_feature_count = 1;  // every feature of the tiny fixture is rare
  std::vector<std::string> lines;
  options.progress = [&](const std::string& line) { lines.push_back(line); };
  const Tagger t = TaggerTrainer(options).train(tiny(), tiny());
  const TaggingAccuracy acc = tagging_accuracy(t, tiny());
  EXPECT_DOUBLE_EQ(acc.upos, 1.0);
  ASSERT_EQ(lines.size(), 5u);  // a summary, then one line per epoch
  EXPECT_NE(lines[1].find("dev UPOS"), std::string::npos) << lines[1];
}

}  // namespace
}  // namespace kg::extract
