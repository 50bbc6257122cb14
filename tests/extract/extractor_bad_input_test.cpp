// The extractor on input that is not a well-formed news sentence: no crash, no nonsense facts.

#include "extract/extractor.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "extract/open_ie.h"
#include "tests/extract/parsed_text.h"

namespace kg::extract {
namespace {

using ::testing::IsEmpty;
using testing::extract;

Token word(std::string form, Upos upos, Xpos xpos, int head, Deprel rel) {
  Token t;
  t.form = form;
  t.lemma = std::move(form);
  t.upos = upos;
  t.xpos = xpos;
  t.head = head;
  t.deprel = rel;
  return t;
}

// A 300-word run-on "sentence": "Lavrov met Haass , Lavrov met Haass , ..." chained by
// parataxis, every name tagged.
Document run_on(int repeats) {
  Document d;
  Sentence s;
  int previous_verb = 0;
  for (int r = 0; r < repeats; ++r) {
    const int base = static_cast<int>(s.tokens.size());
    s.tokens.push_back(word("Lavrov", Upos::kPropn, Xpos::kNNP, base + 2, Deprel::kNsubj));
    s.tokens.push_back(word("met", Upos::kVerb, Xpos::kVBD, previous_verb,
                            previous_verb == 0 ? Deprel::kRoot : Deprel::kParataxis));
    s.tokens.push_back(word("Haass", Upos::kPropn, Xpos::kNNP, base + 2, Deprel::kObj));
    s.tokens.push_back(word(",", Upos::kPunct, Xpos::kComma, base + 2, Deprel::kPunct));
    s.entities.push_back({base, base + 1, EntityType::kPerson});
    s.entities.push_back({base + 2, base + 3, EntityType::kPerson});
    if (previous_verb == 0) previous_verb = base + 2;
  }
  for (Token& t : s.tokens) {
    t.span = {static_cast<uint32_t>(d.text.size()),
              static_cast<uint32_t>(d.text.size() + t.form.size())};
    d.text += t.form + " ";
  }
  s.span = {0, static_cast<uint32_t>(d.text.size())};
  d.sentences.push_back(std::move(s));
  return d;
}

TEST(ExtractorBadInput, RunOnSentenceIsNotReadAsHundredsOfFacts) {
  const DocumentResult r = Extractor().extract(run_on(75));  // 300 words
  EXPECT_EQ(r.document.sentences[0].tokens.size(), 300u);
  EXPECT_THAT(r.triples, IsEmpty());
}

TEST(ExtractorBadInput, RunOnSentenceGivesFewOpenIeTuples) {
  const Document d = run_on(75);
  const SentencePropositions p = OpenIe().run(d.sentences[0]);
  EXPECT_LE(p.propositions.size(), 2u);
}

TEST(ExtractorBadInput, UnparsedSentenceGivesNoFacts) {
  Document d = run_on(3);
  for (Token& t : d.sentences[0].tokens) t.head = -1;
  const DocumentResult r = Extractor().extract(std::move(d));
  EXPECT_THAT(r.triples, IsEmpty());
}

TEST(ExtractorBadInput, CyclicHeadsDoNotLoop) {
  Document d = run_on(2);
  auto& tokens = d.sentences[0].tokens;
  tokens[0].head = 2;
  tokens[1].head = 3;
  tokens[2].head = 1;  // 1 -> 2 -> 3 -> 1
  const DocumentResult r = Extractor().extract(std::move(d));
  SUCCEED();
}

TEST(ExtractorBadInput, EntitySpansOutsideTheSentenceAreIgnored) {
  Document d = run_on(1);
  d.sentences[0].entities.push_back({2, 400, EntityType::kOrg});
  d.sentences[0].entities.push_back({-5, -1, EntityType::kOrg});
  const DocumentResult r = Extractor().extract(std::move(d));
  SUCCEED();
}

TEST(ExtractorBadInput, EmptyDocument) {
  const DocumentResult r = Extractor().extract(Document());
  EXPECT_THAT(r.entities, IsEmpty());
  EXPECT_THAT(r.triples, IsEmpty());
}

TEST(ExtractorBadInput, TextWithoutNamesGivesNoFacts) {
  const DocumentResult r = extract(R"(
The the DET DT 2 det
weather weather NOUN NN 4 nsubj
was be AUX VBD 4 cop
nice nice ADJ JJ 0 root
and and CCONJ CC 7 cc
people people NOUN NNS 7 nsubj
walked walk VERB VBD 4 conj SpaceAfter=No
. . PUNCT . 4 punct
)");
  EXPECT_THAT(r.triples, IsEmpty());
}

TEST(ExtractorBadInput, ListWithoutVerbsGivesNoFacts) {
  const DocumentResult r = extract(R"(
# entities = Lavrov:PERSON; Haass:PERSON; Kupchan:PERSON
Lavrov Lavrov PROPN NNP 0 root SpaceAfter=No
, , PUNCT , 3 punct
Haass Haass PROPN NNP 1 conj SpaceAfter=No
, , PUNCT , 5 punct
Kupchan Kupchan PROPN NNP 1 conj
)");
  EXPECT_THAT(r.triples, IsEmpty());
}

TEST(ExtractorBadInput, QuoteOpenedAndNeverClosed) {
  // A quote that spans paragraphs is split into sentences with one quote mark each.
  const DocumentResult r = extract(R"(
# entities = Lavrov:PERSON; Haass:PERSON
“ “ PUNCT `` 3 punct SpaceAfter=No
Lavrov Lavrov PROPN NNP 3 nsubj
met meet VERB VBD 0 root
Haass Haass PROPN NNP 3 obj SpaceAfter=No
. . PUNCT . 3 punct
)");
  ASSERT_EQ(r.triples.size(), 1u);
  EXPECT_EQ(r.entities[r.triples[0].subject].name, "Lavrov");
}

constexpr const char* kHeadline = R"(
# entities = Kestrel Mining:ORG; Orin Council:ORG
Kestrel Kestrel PROPN NNP 3 nsubj
Mining Mining PROPN NNP 1 flat
Meets meet VERB VBZ 0 root
Orin Orin PROPN NNP 5 compound
Council Council PROPN NNP 3 obj
Over over ADP IN 7 case
Spill Spill PROPN NNP 3 obl
)";

TEST(ExtractorBadInput, HeadlinesStateNoFacts) {
  // Title case misleads tagger and parser: a headline's facts come again, better parsed, in
  // the article's sentences.
  const DocumentResult r = extract(kHeadline);
  EXPECT_THAT(r.triples, IsEmpty());
  EXPECT_FALSE(r.entities.empty());  // its names are still mentions
  // Read as a sentence, the same tree gives facts.
  ExtractorOptions options;
  options.triples.skip_headlines = false;
  const DocumentResult read = Extractor(options).extract(testing::parsed_document(kHeadline));
  EXPECT_FALSE(read.triples.empty());
}

TEST(ExtractorBadInput, SentenceWithoutVerbGivesNoFacts) {
  const DocumentResult r = extract(R"(
# entities = Lavrov:PERSON; New York:LOCATION
Lavrov Lavrov PROPN NNP 0 root
in in ADP IN 4 case
New New PROPN NNP 4 compound
York York PROPN NNP 1 nmod SpaceAfter=No
: : PUNCT : 1 punct
talks talk NOUN NNS 1 appos SpaceAfter=No
. . PUNCT . 1 punct
)");
  for (const Triple& t : r.triples) {
    EXPECT_EQ(r.entities[t.object].type, EntityType::kLocation) << t.relation;
  }
}

}  // namespace
}  // namespace kg::extract
