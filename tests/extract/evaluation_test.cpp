#include "extract/evaluation.h"

#include <gtest/gtest.h>

#include <sstream>
#include <string_view>

// GCC 12 at -O3 reports a false -Wrestrict inside std::string::replace (GCC bug 105329).
#pragma GCC diagnostic ignored "-Wrestrict"

#include "extract/conllu.h"
#include "extract/error.h"

namespace kg::extract {
namespace {

// Replaces the first `from` in `text` by `to`. Rebuilt by concatenation: GCC 12 -O3 reports a
// false -Wrestrict on std::string::replace with a shorter literal (an error under KG_WERROR).
void replace_first(std::string& text, std::string_view from, std::string_view to) {
  const size_t at = text.find(from);
  ASSERT_NE(at, std::string::npos) << from;
  std::string out = text.substr(0, at);
  out += to;
  out += text.substr(at + from.size());
  text = std::move(out);
}

std::vector<Sentence> parse(const std::string& conllu) {
  std::istringstream in(conllu);
  std::vector<Sentence> out;
  for (auto& s : read_conllu(in, "test")) out.push_back(std::move(s.sentence));
  return out;
}

const char* const kGold =
    "1\tI\tI\tPRON\tPRP\t_\t4\tnsubj\t_\t_\n"
    "2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n"
    "2\tdo\tdo\tAUX\tVBP\t_\t4\taux\t_\t_\n"
    "3\tn't\tnot\tPART\tRB\t_\t4\tadvmod\t_\t_\n"
    "4\tknow\tknow\tVERB\tVB\t_\t0\troot\t_\tSpaceAfter=No\n"
    "5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_\n\n";

TEST(Evaluation, IdenticalAnalysesScoreOneHundred) {
  const Evaluation e = evaluate(parse(kGold), parse(kGold));
  for (const Score* s : {&e.tokens, &e.sentences, &e.words, &e.upos, &e.xpos, &e.lemmas, &e.uas,
                         &e.las}) {
    EXPECT_DOUBLE_EQ(s->f1(), 1.0);
  }
  EXPECT_EQ(e.tokens.gold, 4u);  // I, don't, know, .
  EXPECT_EQ(e.words.gold, 5u);
}

TEST(Evaluation, TaggingAndAttachmentErrorsWithGoldTokens) {
  // "know" mistagged NOUN; "." attached to "I" (UAS and LAS wrong); "n't" labelled dep
  // instead of advmod (LAS wrong only); lemma of "do" wrong.
  std::string system = kGold;
  replace_first(system, "VERB", "NOUN");
  replace_first(system, "4\tpunct", "1\tpunct");
  replace_first(system, "advmod", "dep");
  replace_first(system, "do\tAUX", "did\tAUX");
  const Evaluation e = evaluate(parse(kGold), parse(system));
  EXPECT_DOUBLE_EQ(e.words.f1(), 1.0);
  EXPECT_DOUBLE_EQ(e.upos.f1(), 4.0 / 5.0);
  EXPECT_DOUBLE_EQ(e.xpos.f1(), 1.0);
  EXPECT_DOUBLE_EQ(e.lemmas.f1(), 4.0 / 5.0);
  EXPECT_DOUBLE_EQ(e.uas.f1(), 4.0 / 5.0);
  EXPECT_DOUBLE_EQ(e.las.f1(), 3.0 / 5.0);
}

TEST(Evaluation, LabelSubtypesAreIgnoredByLas) {
  std::string system = kGold;
  replace_first(system, "nsubj", "nsubj:pass");
  EXPECT_DOUBLE_EQ(evaluate(parse(kGold), parse(system)).las.f1(), 1.0);
}

TEST(Evaluation, AlignsDifferentTokenisations) {
  // System: "don't" unsplit and "know." as one token (computed by hand in the comments).
  const char* system =
      "1\tI\tI\tPRON\tPRP\t_\t3\tnsubj\t_\t_\n"
      "2\tdon't\tdo\tAUX\tVBP\t_\t3\taux\t_\t_\n"
      "3\tknow.\tknow\tVERB\tVB\t_\t0\troot\t_\t_\n\n";
  const Evaluation e = evaluate(parse(kGold), parse(system));
  // Tokens: gold 4, system 3, matching spans "I" and "don't".
  EXPECT_EQ(e.tokens.correct, 2u);
  EXPECT_NEAR(e.tokens.f1(), 4.0 / 7.0, 1e-12);
  // Words: gold 5, system 3; only "I" aligns ("don't" matches no form of do + n't).
  EXPECT_EQ(e.words.correct, 1u);
  EXPECT_NEAR(e.words.f1(), 2.0 / 8.0, 1e-12);
  EXPECT_DOUBLE_EQ(e.sentences.f1(), 1.0);
}

TEST(Evaluation, AlignsMultiwordWordsByForm) {
  // The system splits "don't" into "do" + "n't" but as plain tokens: the words still align.
  const char* system =
      "1\tI\tI\tPRON\tPRP\t_\t4\tnsubj\t_\t_\n"
      "2\tdo\tdo\tAUX\tVBP\t_\t4\taux\t_\tSpaceAfter=No\n"
      "3\tn't\tnot\tPART\tRB\t_\t4\tadvmod\t_\t_\n"
      "4\tknow\tknow\tVERB\tVB\t_\t0\troot\t_\tSpaceAfter=No\n"
      "5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_\n\n";
  const Evaluation e = evaluate(parse(kGold), parse(system));
  EXPECT_DOUBLE_EQ(e.words.f1(), 1.0);
  EXPECT_DOUBLE_EQ(e.las.f1(), 1.0);
  // Tokens: gold has 4, system 5; "do" and "n't" do not match the span of "don't".
  EXPECT_EQ(e.tokens.correct, 3u);
}

TEST(Evaluation, SentenceBoundariesAreScoredAsSpans) {
  const char* gold = "1\ta\ta\tX\t_\t_\t0\troot\t_\t_\n2\tb\tb\tX\t_\t_\t1\tdep\t_\t_\n\n"
                     "1\tc\tc\tX\t_\t_\t0\troot\t_\t_\n\n";
  const char* system = "1\ta\ta\tX\t_\t_\t0\troot\t_\t_\n\n"
                       "1\tb\tb\tX\t_\t_\t0\troot\t_\t_\n2\tc\tc\tX\t_\t_\t1\tdep\t_\t_\n\n";
  const Evaluation e = evaluate(parse(gold), parse(system));
  EXPECT_EQ(e.sentences.correct, 0u);
  EXPECT_EQ(e.tokens.correct, 3u);
  // Heads: a is root in both; b (gold head a) is root in the system; c (gold root) -> b.
  EXPECT_EQ(e.uas.correct, 1u);
}

TEST(Evaluation, DifferentTextIsAnError) {
  const char* other = "1\tYou\tyou\tPRON\tPRP\t_\t0\troot\t_\t_\n\n";
  EXPECT_THROW(evaluate(parse(kGold), parse(other)), InputError);
}

TEST(Evaluation, JsonReportHasPercentages) {
  const std::string json = format_evaluation(evaluate(parse(kGold), parse(kGold)), true);
  EXPECT_NE(json.find("\"LAS\":{\"precision\":100.00"), std::string::npos) << json;
}

}  // namespace
}  // namespace kg::extract
