#include "extract/lemmatizer.h"

#include <gtest/gtest.h>

#include "extract/conllu.h"
#include "extract/lemmatizer_train.h"
#include "extract/utf8.h"

namespace kg::extract {
namespace {

const std::string kTiny = std::string(KG_TEST_DATA_DIR) + "/tagger/tiny.conllu";

const Lemmatizer& tiny_lemmatizer() {
  static const Lemmatizer model = LemmatizerTrainer({}).train(read_conllu_file(kTiny));
  return model;
}

TEST(LemmaRule, DerivesTheShortestSuffixRewrite) {
  const LemmaRule running = LemmaRule::derive("running", "run");
  EXPECT_EQ(running.casing, LemmaRule::Casing::kKeep);
  EXPECT_EQ(running.strip, 4);
  EXPECT_EQ(running.append, "");
  const LemmaRule mice = LemmaRule::derive("mice", "mouse");
  EXPECT_EQ(mice.strip, 3);
  EXPECT_EQ(mice.append, "ouse");
  EXPECT_EQ(mice.apply("mice"), "mouse");
}

TEST(LemmaRule, LowerCasesWhenThatIsShorter) {
  const LemmaRule rule = LemmaRule::derive("Walked", "walk");
  EXPECT_EQ(rule.casing, LemmaRule::Casing::kLower);
  EXPECT_EQ(rule.strip, 2);
  EXPECT_EQ(rule.apply("Walked"), "walk");
  // A proper noun keeps its capital.
  EXPECT_EQ(LemmaRule::derive("Paris", "Paris").casing, LemmaRule::Casing::kKeep);
}

TEST(Lemmatizer, GuessedLemmasOfNonAsciiWordsAreValidUtf8) {
  // Rules count bytes; a guessed rule must not cut a multi-byte character in two.
  for (const char* form : {"\u2019\u2019", "caf\u00e9", "na\u00efv\u00e9\u00e9", "\u6771\u4eac",
                           "\u041c\u043e\u0441\u043a\u0432\u0430", "\U0001F600"}) {
    for (int u = 0; u < kUposCount; ++u) {
      for (int x = 0; x < kXposCount; ++x) {
        const std::string lemma =
            tiny_lemmatizer().lemma(form, static_cast<Upos>(u), static_cast<Xpos>(x));
        EXPECT_FALSE(lemma.empty()) << form;
        EXPECT_EQ(find_invalid_utf8(lemma), std::string::npos) << form << " -> " << lemma;
      }
    }
  }
}

TEST(LemmaRule, NeverStripsMoreThanTheWordHas) {
  const LemmaRule rule{LemmaRule::Casing::kKeep, 9, "x"};
  EXPECT_EQ(rule.apply("ab"), "x");
}

TEST(Lemmatizer, KnownFormsComeFromTheLexicon) {
  const Lemmatizer& m = tiny_lemmatizer();
  EXPECT_EQ(m.lemma("running", Upos::kVerb, Xpos::kVBG), "run");
  EXPECT_EQ(m.lemma("mice", Upos::kNoun, Xpos::kNNS), "mouse");
  EXPECT_EQ(m.lemma("ran", Upos::kVerb, Xpos::kVBD), "run");
  EXPECT_EQ(m.lemma("n't", Upos::kPart, Xpos::kRB), "not");
  EXPECT_EQ(m.lemma("Paris", Upos::kPropn, Xpos::kNNP), "Paris");
}

TEST(Lemmatizer, SentenceInitialCapitalFallsBackToTheLowerCaseForm) {
  EXPECT_EQ(tiny_lemmatizer().lemma("Running", Upos::kVerb, Xpos::kVBG), "run");
}

TEST(Lemmatizer, UnknownPastTenseLosesItsEnding) {
  // "blorfed" is in no lexicon: the classifier's rule for VBD words ending in "ed" applies.
  EXPECT_EQ(tiny_lemmatizer().lemma("blorfed", Upos::kVerb, Xpos::kVBD), "blorf");
}

TEST(Lemmatizer, TheLexiconDependsOnTheTags) {
  // "running" as VBG is "run"; the lexicon has no NN entry, so the guess keeps a noun whole.
  const Lemmatizer& m = tiny_lemmatizer();
  EXPECT_EQ(m.lemma("running", Upos::kVerb, Xpos::kVBG), "run");
  EXPECT_NE(m.lemma("running", Upos::kNoun, Xpos::kNN), "run");
}

TEST(Lemmatizer, EmptyAndForeignWordsAreHandled) {
  const Lemmatizer& m = tiny_lemmatizer();
  EXPECT_EQ(m.lemma("", Upos::kX, Xpos::kNone), "");
  EXPECT_EQ(m.lemma("Москва", Upos::kPropn, Xpos::kNNP), "Москва");
  EXPECT_FALSE(m.lemma("\xF0\x9F\x98\x80", Upos::kSym, Xpos::kNFP).empty());  // an emoji
}

TEST(Lemmatizer, UntrainedModelKeepsForms) {
  const Lemmatizer empty;
  EXPECT_EQ(empty.lemma("cats", Upos::kNoun, Xpos::kNNS), "cats");
}

}  // namespace
}  // namespace kg::extract
