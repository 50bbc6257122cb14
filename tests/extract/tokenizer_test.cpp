#include "extract/tokenizer.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "extract/error.h"
#include "extract/model_file.h"
#include "extract/tokenizer_features.h"
#include "extract/tokenizer_train.h"
#include "extract/treebank_text.h"

namespace kg::extract {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

const std::string kFixture = std::string(KG_TEST_DATA_DIR) + "/tokenizer/tiny.conllu";
const std::string kShippedModel = std::string(KG_SOURCE_DIR) + "/models/tokenizer.kgm";

// --- Characters and atoms ---

TEST(TokenizerChars, ClassifiesScripts) {
  EXPECT_EQ(char_kind('a'), CharKind::kLetter);
  EXPECT_EQ(char_kind('7'), CharKind::kDigit);
  EXPECT_EQ(char_kind('.'), CharKind::kPunct);
  EXPECT_EQ(char_kind('\r'), CharKind::kSpace);
  EXPECT_EQ(char_kind(0xA0), CharKind::kSpace);      // no-break space
  EXPECT_EQ(char_kind(0x416), CharKind::kLetter);    // Ж
  EXPECT_EQ(char_kind(0x4E2D), CharKind::kLetter);   // 中
  EXPECT_EQ(char_kind(0x627), CharKind::kLetter);    // ا
  EXPECT_EQ(char_kind(0x661), CharKind::kDigit);     // Arabic-Indic one
  EXPECT_EQ(char_kind(0x301), CharKind::kMark);      // combining acute
  EXPECT_EQ(char_kind(0x2019), CharKind::kPunct);    // ’
  EXPECT_EQ(char_kind(0x1F600), CharKind::kPunct);   // emoji
  EXPECT_EQ(char_kind(0x1F3FD), CharKind::kMark);    // skin tone modifier
}

std::vector<std::string> atom_texts(const std::string& text) {
  std::vector<Atom> atoms;
  atomize(text, {0, static_cast<uint32_t>(text.size())}, atoms);
  std::vector<std::string> out;
  for (const Atom& a : atoms) out.push_back(text.substr(a.start, a.end - a.start));
  return out;
}

TEST(TokenizerAtoms, LettersDigitsAndPunctuationAreSeparateAtoms) {
  EXPECT_THAT(atom_texts("U.S. $38m, don't"),
              ElementsAre("U", ".", "S", ".", "$", "38", "m", ",", "don", "'", "t"));
}

TEST(TokenizerAtoms, UrlsAndEmailsAreWholeAtomsWithoutTrailingPunctuation) {
  EXPECT_THAT(atom_texts("see https://x.org/a_b?c=1. or (www.nbc.com), a.b@c.org."),
              ElementsAre("see", "https://x.org/a_b?c=1", ".", "or", "(", "www.nbc.com", ")",
                          ",", "a.b@c.org", "."));
}

TEST(TokenizerAtoms, CombiningMarksStayWithTheirLetter) {
  // "Cafe" + combining acute, then a thumbs-up with a skin tone.
  EXPECT_THAT(atom_texts("Cafe\xCC\x81 \xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD"),
              ElementsAre("Cafe\xCC\x81", "\xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD"));
}

TEST(TokenizerAtoms, GapsRecordWhiteSpaceAndLineBreaks) {
  const std::string text = "a b\nc" "d";
  std::vector<Atom> atoms;
  atomize(text, {0, static_cast<uint32_t>(text.size())}, atoms);
  ASSERT_EQ(atoms.size(), 3u);
  EXPECT_EQ(atoms[0].gap, Gap::kNewline);  // paragraph start
  EXPECT_EQ(atoms[1].gap, Gap::kSpace);
  EXPECT_EQ(atoms[2].gap, Gap::kNewline);
}

TEST(TokenizerLexicon, SuffixRuleAndDictionarySplitTokens) {
  TokenizerLexicon lexicon;
  lexicon.clitic_suffixes = {"n't", "'s"};
  lexicon.multiword = {{"cannot", {3}}, {"'s", {}}};
  const LexiconIndex index(lexicon);
  EXPECT_THAT(index.multiword_splits("don't"), ElementsAre(2));
  EXPECT_THAT(index.multiword_splits("Putin\xE2\x80\x99s"), ElementsAre(5));  // curly ’
  EXPECT_THAT(index.multiword_splits("Cannot"), ElementsAre(3));
  EXPECT_TRUE(index.multiword_splits("'s").empty());
  EXPECT_TRUE(index.multiword_splits("news").empty());
}

// --- Treebank text ---

TEST(TreebankText, RebuildsTextParagraphsAndSpans) {
  const auto docs = treebank_documents(read_conllu_file(kFixture));
  ASSERT_EQ(docs.size(), 3u);
  const Document& d = docs[0].document;
  EXPECT_EQ(d.id, "news-1");
  ASSERT_EQ(d.paragraphs.size(), 3u);
  EXPECT_EQ(d.text.substr(d.paragraphs[0].start, d.paragraphs[0].size()),
            "Officials Meet in Geneva");
  EXPECT_EQ(d.text.substr(d.paragraphs[1].start, d.paragraphs[1].size()),
            "Dr. Mary B. Long met U.S. officials on Jan. 5. She didn't say what the talks cost.");
  for (const Sentence& s : docs[0].gold) {
    for (const Token& t : s.tokens) {
      EXPECT_NE(d.text.substr(t.span.start, t.span.size()).find(t.form), std::string::npos);
    }
  }
  EXPECT_TRUE(docs[0].gold[1].paragraph_start);
  EXPECT_FALSE(docs[0].gold[2].paragraph_start);
}

// --- Training ---

std::unique_ptr<Tokenizer> train_on_fixture(uint64_t seed = 1) {
  TokenizerTrainOptions options;
  options.epochs = 10;
  options.seed = seed;
  const auto sentences = read_conllu_file(kFixture);
  return train_tokenizer(sentences, sentences, options);
}

TEST(TokenizerTraining, LearnsATinyTreebank) {
  const auto tokenizer = train_on_fixture();
  const Evaluation e = evaluate_tokenizer(*tokenizer, treebank_documents(read_conllu_file(kFixture)));
  EXPECT_EQ(e.tokens.f1(), 1.0);
  EXPECT_EQ(e.words.f1(), 1.0);
  EXPECT_EQ(e.sentences.f1(), 1.0);
}

std::string file_bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::string temp_path(const std::string& name) {
  return (std::filesystem::path(::testing::TempDir()) / name).string();
}

TEST(TokenizerTraining, SameSeedGivesTheSameModelFile) {
  const std::string a = temp_path("kg_tok_a.kgm");
  const std::string b = temp_path("kg_tok_b.kgm");
  train_on_fixture(7)->save(a);
  train_on_fixture(7)->save(b);
  EXPECT_EQ(file_bytes(a), file_bytes(b));
}

TEST(TokenizerModel, RoundTripsThroughAFile) {
  const auto trained = train_on_fixture();
  const std::string path = temp_path("kg_tok_round.kgm");
  trained->save(path);
  const auto loaded = Tokenizer::load(path);
  EXPECT_EQ(model_kind(path), "tokenizer");
  EXPECT_EQ(loaded->num_features(), trained->num_features());
  EXPECT_EQ(loaded->lexicon().multiword, trained->lexicon().multiword);
  auto docs = treebank_documents(read_conllu_file(kFixture));
  Document a = docs[0].document;
  Document b = docs[0].document;
  trained->annotate(a);
  loaded->annotate(b);
  ASSERT_EQ(a.sentences.size(), b.sentences.size());
  for (size_t i = 0; i < a.sentences.size(); ++i) {
    EXPECT_EQ(a.sentences[i].span, b.sentences[i].span);
    EXPECT_EQ(a.sentences[i].tokens.size(), b.sentences[i].tokens.size());
  }
}

TEST(TokenizerModel, CorruptedFileIsRefusedClearly) {
  const std::string path = temp_path("kg_tok_bad.kgm");
  train_on_fixture()->save(path);
  std::string bytes = file_bytes(path);
  bytes[bytes.size() / 2] ^= 0x5A;
  std::ofstream(path, std::ios::binary) << bytes;
  try {
    Tokenizer::load(path);
    FAIL() << "no error";
  } catch (const InputError& e) {
    EXPECT_THAT(e.what(), HasSubstr(path));
  }
}

TEST(TokenizerModel, ModelOfAnotherKindIsRefused) {
  const std::string path = temp_path("kg_tok_kind.kgm");
  ModelWriter writer(ModelHeader{"tagger", 1, 42});
  writer.u32(0);
  writer.save(path);
  try {
    Tokenizer::load(path);
    FAIL() << "no error";
  } catch (const InputError& e) {
    EXPECT_THAT(e.what(), HasSubstr("tagger"));
  }
}

TEST(TokenizerModel, MissingFileIsAnInputError) {
  EXPECT_THROW(Tokenizer::load(temp_path("does-not-exist.kgm")), InputError);
}

// --- The shipped model (models/tokenizer.kgm) on the cases the issue names ---

class ShippedTokenizer : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { model_ = Tokenizer::load(kShippedModel).release(); }
  static void TearDownTestSuite() {
    delete model_;
    model_ = nullptr;
  }

  // The document, cleaned into paragraphs the default way, then tokenized.
  static Document run(const std::string& text) {
    Document d;
    d.text = text;
    model_->annotate(d);
    return d;
  }
  // Surface tokens of all sentences, sentences separated by "|".
  static std::vector<std::string> surface(const Document& d) {
    std::vector<std::string> out;
    for (const Sentence& s : d.sentences) {
      if (!out.empty()) out.push_back("|");
      size_t m = 0;
      for (size_t i = 0; i < s.tokens.size(); ++i) {
        if (m < s.multiword.size() && s.multiword[m].first == static_cast<int>(i) + 1) {
          out.push_back(s.multiword[m].form);
          i = static_cast<size_t>(s.multiword[m].last) - 1;
          ++m;
        } else {
          out.push_back(s.tokens[i].form);
        }
      }
    }
    return out;
  }
  static std::vector<std::string> words(const Document& d) {
    std::vector<std::string> out;
    for (const Sentence& s : d.sentences) {
      for (const Token& t : s.tokens) out.push_back(t.form);
    }
    return out;
  }

  static Tokenizer* model_;
};
Tokenizer* ShippedTokenizer::model_ = nullptr;

TEST_F(ShippedTokenizer, AbbreviationsAndInitials) {
  EXPECT_THAT(surface(run("Dr. Mary B. Long met U.S. officials on Jan. 5 in Washington.")),
              ElementsAre("Dr.", "Mary", "B.", "Long", "met", "U.S.", "officials", "on", "Jan.",
                          "5", "in", "Washington", "."));
}

TEST_F(ShippedTokenizer, NumbersAndMoney) {
  EXPECT_THAT(surface(run("It cost $38 million, or 3.5% of 60,000 euros.")),
              ElementsAre("It", "cost", "$", "38", "million", ",", "or", "3.5", "%", "of",
                          "60,000", "euros", "."));
}

TEST_F(ShippedTokenizer, QuotesStraightAndCurly) {
  EXPECT_THAT(surface(run("\xE2\x80\x9CPeace talks should follow,\xE2\x80\x9D they wrote. "
                          "\"No,\" he said.")),
              ElementsAre("\xE2\x80\x9C", "Peace", "talks", "should", "follow", ",",
                          "\xE2\x80\x9D", "they", "wrote", ".", "|", "\"", "No", ",", "\"", "he",
                          "said", "."));
}

TEST_F(ShippedTokenizer, CliticsAreMultiwordTokensAsInUd) {
  const Document d = run("I don't know why Russia\xE2\x80\x99s envoy can't come, but it's John's call.");
  EXPECT_THAT(words(d), ElementsAre("I", "do", "n't", "know", "why", "Russia", "\xE2\x80\x99s",
                                    "envoy", "ca", "n't", "come", ",", "but", "it", "'s", "John",
                                    "'s", "call", "."));
  ASSERT_EQ(d.sentences.size(), 1u);
  const Sentence& s = d.sentences[0];
  ASSERT_EQ(s.multiword.size(), 5u);
  EXPECT_EQ(s.multiword[0].form, "don't");
  EXPECT_EQ(s.multiword[0].first, 2);
  EXPECT_EQ(s.multiword[0].last, 3);
  // The words of a multiword token share its span.
  EXPECT_EQ(s.tokens[1].span, s.multiword[0].span);
  EXPECT_EQ(s.tokens[2].span, s.multiword[0].span);
}

TEST_F(ShippedTokenizer, UrlsAndEmailAddressesAreOneToken) {
  EXPECT_THAT(surface(run("Write to press@example.org or see https://www.nbcnews.com/politics/a-b.")),
              ElementsAre("Write", "to", "press@example.org", "or", "see",
                          "https://www.nbcnews.com/politics/a-b", "."));
}

TEST_F(ShippedTokenizer, HyphensAndDashes) {
  const auto tokens = surface(run("The cease-fire \xE2\x80\x94 agreed on Monday \xE2\x80\x94 held."));
  EXPECT_THAT(tokens, ElementsAre("The", "cease", "-", "fire", "\xE2\x80\x94", "agreed", "on",
                                  "Monday", "\xE2\x80\x94", "held", "."));
}

TEST_F(ShippedTokenizer, HeadlineWithoutPunctuationEndsAtItsLineBreak) {
  const Document d = run("Former US Officials Meet Russians\nThe talks were held in April.");
  ASSERT_EQ(d.sentences.size(), 2u);
  EXPECT_TRUE(d.sentences[0].paragraph_start);
  EXPECT_TRUE(d.sentences[1].paragraph_start);
  EXPECT_EQ(d.sentences[0].tokens.back().form, "Russians");
}

TEST_F(ShippedTokenizer, SentencesInsideAParagraph) {
  const Document d = run("Lavrov met Haass in April. They spoke for hours! Did it help? Nobody knows.");
  ASSERT_EQ(d.sentences.size(), 4u);
  EXPECT_TRUE(d.sentences[0].paragraph_start);
  EXPECT_FALSE(d.sentences[1].paragraph_start);
}

TEST_F(ShippedTokenizer, OffsetsPointIntoTheOriginalText) {
  const std::string text = "  \xE2\x80\x9CWe won\xE2\x80\x99t,\xE2\x80\x9D said Zelenskyy\xE2\x80\x99s aide.\r\n\r\n"
                           "\xD0\x9A\xD0\xB8\xD1\x97\xD0\xB2 agreed.";
  const Document d = run(text);
  ASSERT_FALSE(d.sentences.empty());
  for (const Sentence& s : d.sentences) {
    EXPECT_EQ(text.substr(s.span.start, s.span.size()).front(),
              text[s.tokens.front().span.start]);
    size_t m = 0;
    for (size_t i = 0; i < s.tokens.size(); ++i) {
      const std::string_view surface = std::string_view(text).substr(s.tokens[i].span.start,
                                                                     s.tokens[i].span.size());
      if (m < s.multiword.size() && s.multiword[m].first == static_cast<int>(i) + 1) {
        EXPECT_EQ(surface, s.multiword[m].form);
        i = static_cast<size_t>(s.multiword[m].last) - 1;
        ++m;
      } else {
        EXPECT_EQ(surface, s.tokens[i].form);
      }
    }
  }
}

TEST_F(ShippedTokenizer, SpaceAfterFollowsTheText) {
  const Document d = run("Hello, world.");
  ASSERT_EQ(d.sentences.size(), 1u);
  const auto& t = d.sentences[0].tokens;
  ASSERT_EQ(t.size(), 4u);
  EXPECT_FALSE(t[0].space_after);  // "Hello" then ","
  EXPECT_TRUE(t[1].space_after);
  EXPECT_FALSE(t[2].space_after);
  EXPECT_TRUE(t[3].space_after);   // the end of the text
}

TEST_F(ShippedTokenizer, CleanedParagraphsAreUsedAndEmptyCleanedDocumentsGiveNothing) {
  Document d;
  d.text = "Share This\n\nReal text here.";
  d.paragraphs = {{12, 27}};
  d.cleaned = true;
  model_->annotate(d);
  ASSERT_EQ(d.sentences.size(), 1u);
  EXPECT_EQ(d.sentences[0].tokens[0].form, "Real");
  Document empty;
  empty.text = "Share This";
  empty.cleaned = true;
  model_->annotate(empty);
  EXPECT_TRUE(empty.sentences.empty());
}

// --- Bad input ---

// Every non-space character of the text lies in exactly one surface token, in order.
void expect_covers_text(const Document& d) {
  std::string from_tokens;
  uint32_t last_end = 0;
  for (const Sentence& s : d.sentences) {
    for (const Token& t : s.tokens) {
      if (t.span.start < last_end) continue;  // the other words of a multiword token
      from_tokens += d.text.substr(t.span.start, t.span.size());
      last_end = t.span.end;
    }
  }
  std::string expected;
  for (size_t i = 0; i < d.text.size(); ++i) {
    const char c = d.text[i];
    if (c != ' ' && c != '\n' && c != '\r' && c != '\t') expected += c;
  }
  EXPECT_EQ(from_tokens, expected);
}

TEST_F(ShippedTokenizer, EmptyAndBlankDocumentsGiveNoSentences) {
  EXPECT_TRUE(run("").sentences.empty());
  EXPECT_TRUE(run(" \n\r\n\t ").sentences.empty());
}

TEST_F(ShippedTokenizer, OnlyPunctuation) {
  const Document d = run("!!! ... ?? --- ,,, (((");
  EXPECT_FALSE(d.sentences.empty());
  expect_covers_text(d);
}

TEST_F(ShippedTokenizer, OnlyEmoji) {
  const Document d = run("\xF0\x9F\x98\x80\xF0\x9F\x98\x82 \xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD "
                         "\xF0\x9F\x87\xBA\xF0\x9F\x87\xA6");
  EXPECT_FALSE(d.sentences.empty());
  expect_covers_text(d);
}

TEST_F(ShippedTokenizer, OtherScripts) {
  const Document d = run("\xD0\x9F\xD1\x83\xD1\x82\xD0\xB8\xD0\xBD \xD1\x81\xD0\xBA\xD0\xB0\xD0"
                         "\xB7\xD0\xB0\xD0\xBB. \xE4\xB9\xA0\xE8\xBF\x91\xE5\xB9\xB3\xE8\xAF\xB4"
                         "\xE3\x80\x82 \xD9\x85\xD8\xB1\xD8\xAD\xD8\xA8\xD8\xA7\xD8\x8C "
                         "\xD8\xB9\xD8\xA7\xD9\x84\xD9\x85\xD8\x9F");
  EXPECT_FALSE(d.sentences.empty());
  expect_covers_text(d);
}

TEST_F(ShippedTokenizer, ALongSentenceWithoutPunctuationIsCut) {
  std::string text;
  for (int i = 0; i < 10000; ++i) text += i % 7 == 0 ? "Officials " : "talked ";
  const Document d = run(text);
  size_t tokens = 0;
  for (const Sentence& s : d.sentences) {
    EXPECT_LE(s.tokens.size(), static_cast<size_t>(TokenizerOptions().max_sentence_tokens));
    tokens += s.tokens.size();
  }
  EXPECT_EQ(tokens, 10000u);
}

TEST_F(ShippedTokenizer, ALongLineIsSegmentedWhole) {
  // Stands in for a 50 MB line at a size that keeps the test fast; every step is linear.
  std::string text;
  while (text.size() < (2u << 20)) text += "The U.S. envoy didn't say, \xE2\x80\x9Cno.\xE2\x80\x9D ";
  const Document d = run(text);
  EXPECT_GT(d.sentences.size(), 1000u);
  expect_covers_text(d);
}

TEST_F(ShippedTokenizer, ALongRunWithoutSpacesIsHandled) {
  const std::string run_of_dots(1u << 18, '.');
  const Document d = run("a" + run_of_dots + "b");
  expect_covers_text(d);
}

}  // namespace
}  // namespace kg::extract
