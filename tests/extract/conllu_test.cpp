#include "extract/conllu.h"

#include <gtest/gtest.h>

#include <sstream>

#include "extract/error.h"

namespace kg::extract {
namespace {

const char* const kSentence =
    "# newdoc id = doc1\n"
    "# meta::genre = news\n"
    "# sent_id = s1\n"
    "# text = I don't know.\n"
    "1\tI\tI\tPRON\tPRP\tCase=Nom\t4\tnsubj\t4:nsubj\t_\n"
    "2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n"
    "2\tdo\tdo\tAUX\tVBP\t_\t4\taux\t4:aux\t_\n"
    "3\tn't\tnot\tPART\tRB\t_\t4\tadvmod\t4:advmod\t_\n"
    "4\tknow\tknow\tVERB\tVB\t_\t0\troot\t0:root\tSpaceAfter=No\n"
    "4.1\tknew\tknow\tVERB\tVBD\t_\t_\t_\t4:conj\t_\n"
    "5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t4:punct\tEntity=(1-abstract)\n"
    "\n";

std::vector<TreebankSentence> read(const std::string& text) {
  std::istringstream in(text);
  return read_conllu(in, "test.conllu");
}

TEST(Conllu, ReadsWordsTagsAndTree) {
  auto sentences = read(kSentence);
  ASSERT_EQ(sentences.size(), 1u);
  const Sentence& s = sentences[0].sentence;
  ASSERT_EQ(s.tokens.size(), 5u);  // the empty node 4.1 is skipped
  EXPECT_EQ(s.id, "s1");
  EXPECT_EQ(s.text, "I don't know.");
  EXPECT_EQ(s.tokens[2].lemma, "not");
  EXPECT_EQ(s.tokens[3].upos, Upos::kVerb);
  EXPECT_EQ(s.tokens[3].head, 0);
  EXPECT_EQ(s.tokens[0].deprel, Deprel::kNsubj);
  EXPECT_EQ(s.tokens[1].xpos, Xpos::kVBP);
  EXPECT_EQ(sentences[0].document, "doc1");
  EXPECT_EQ(sentences[0].genre, "news");
  EXPECT_EQ(sentences[0].entity_annotations[4], "(1-abstract)");
}

TEST(Conllu, ReadsMultiwordTokensAndSpaceAfter) {
  const Sentence s = read(kSentence)[0].sentence;
  ASSERT_EQ(s.multiword.size(), 1u);
  EXPECT_EQ(s.multiword[0].form, "don't");
  EXPECT_EQ(s.multiword[0].first, 2);
  EXPECT_EQ(s.multiword[0].last, 3);
  EXPECT_FALSE(s.tokens[3].space_after);
  EXPECT_EQ(surface_text(s), "I don't know.");
}

TEST(Conllu, WriteThenReadRoundTrips) {
  const Sentence s = read(kSentence)[0].sentence;
  std::ostringstream out;
  write_conllu(out, s);
  const Sentence back = read(out.str())[0].sentence;
  ASSERT_EQ(back.tokens.size(), s.tokens.size());
  for (size_t i = 0; i < s.tokens.size(); ++i) {
    EXPECT_EQ(back.tokens[i].form, s.tokens[i].form);
    EXPECT_EQ(back.tokens[i].lemma, s.tokens[i].lemma);
    EXPECT_EQ(back.tokens[i].head, s.tokens[i].head);
    EXPECT_EQ(back.tokens[i].deprel, s.tokens[i].deprel);
    EXPECT_EQ(back.tokens[i].space_after, s.tokens[i].space_after);
  }
  EXPECT_EQ(back.multiword.size(), 1u);
  EXPECT_EQ(back.text, s.text);
}

void expect_error_at_line(const std::string& text, const std::string& fragment) {
  try {
    read(text);
    FAIL() << "expected an InputError mentioning " << fragment;
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find(fragment), std::string::npos) << e.what();
  }
}

TEST(Conllu, RejectsWrongColumnCountWithFileAndLine) {
  expect_error_at_line("1\tI\tI\tPRON\tPRP\t_\t0\troot\t_\n\n", "test.conllu:1:");
}

TEST(Conllu, RejectsHeadBeyondTheSentence) {
  expect_error_at_line("1\ta\ta\tX\t_\t_\t0\troot\t_\t_\n2\tb\tb\tX\t_\t_\t7\tdep\t_\t_\n\n",
                       "test.conllu:2: head 7");
}

TEST(Conllu, RejectsCycles) {
  expect_error_at_line(
      "1\ta\ta\tX\t_\t_\t0\troot\t_\t_\n2\tb\tb\tX\t_\t_\t3\tdep\t_\t_\n"
      "3\tc\tc\tX\t_\t_\t2\tdep\t_\t_\n\n",
      "cycle");
}

TEST(Conllu, RejectsTwoRoots) {
  expect_error_at_line("1\ta\ta\tX\t_\t_\t0\troot\t_\t_\n2\tb\tb\tX\t_\t_\t0\troot\t_\t_\n\n",
                       "2 roots");
}

TEST(Conllu, RejectsUnknownTags) {
  expect_error_at_line("1\ta\ta\tNOPE\t_\t_\t0\troot\t_\t_\n\n", "unknown UPOS");
}

TEST(Conllu, AcceptsUnparsedSentences) {
  auto s = read("1\ta\t_\t_\t_\t_\t_\t_\t_\t_\n2\tb\t_\t_\t_\t_\t_\t_\t_\t_\n\n");
  ASSERT_EQ(s.size(), 1u);
  EXPECT_EQ(s[0].sentence.tokens[1].head, -1);
}

TEST(Conllu, EmptyInputHasNoSentences) { EXPECT_TRUE(read("").empty()); }

TEST(Conllu, ReadsParagraphStartsInEwtAndGumSpelling) {
  auto sentences = read(
      "# newpar id = p1\n# text = A\n1\tA\ta\tX\t_\t_\t0\troot\t_\t_\n\n"
      "# text = B\n1\tB\tb\tX\t_\t_\t0\troot\t_\t_\n\n"
      "# newpar\n# newpar_block = p (1 s)\n# text = C\n1\tC\tc\tX\t_\t_\t0\troot\t_\t_\n\n");
  ASSERT_EQ(sentences.size(), 3u);
  EXPECT_TRUE(sentences[0].sentence.paragraph_start);
  EXPECT_FALSE(sentences[1].sentence.paragraph_start);
  EXPECT_TRUE(sentences[2].sentence.paragraph_start);
}

}  // namespace
}  // namespace kg::extract
