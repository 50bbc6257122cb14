// Open IE propositions (what `kg openie` prints) from hand-written UD trees.

#include "extract/propositions.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "extract/dependency_tree.h"
#include "extract/open_ie.h"
#include "tests/extract/parsed_text.h"

namespace kg::extract {
namespace {

using ::testing::Contains;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Not;

// "relation | arg1 | arg2 | ..." per proposition of the first sentence.
std::vector<std::string> tuples(std::string_view compact, const OpenIeOptions& options = {}) {
  const Document doc = testing::parsed_document(compact);
  const Sentence& s = doc.sentences.at(0);
  const DependencyTree tree(s);
  const SentencePropositions result = OpenIe(options).run(s);
  std::vector<std::string> out;
  for (const Proposition& p : result.propositions) {
    std::string line = relation_text(tree, p) + " | " + words_text(tree, p.subject);
    for (const auto& a : p.arguments) line += " | " + words_text(tree, a);
    out.push_back(line);
  }
  return out;
}

std::vector<double> confidences(std::string_view compact) {
  const Document doc = testing::parsed_document(compact);
  std::vector<double> out;
  for (const Proposition& p : OpenIe().run(doc.sentences.at(0)).propositions) {
    out.push_back(p.confidence);
  }
  return out;
}

TEST(Propositions, PrepositionOfTheFirstArgumentJoinsTheRelation) {
  EXPECT_THAT(tuples(R"(
Gideon Gideon PROPN NNP 3 nsubj
Rodan Rodan PROPN NNP 1 flat
taught teach VERB VBD 0 root
at at ADP IN 6 case
the the DET DT 6 det
University University PROPN NNP 3 obl
of of ADP IN 8 case
Connecticut Connecticut PROPN NNP 6 nmod
in in ADP IN 10 case
1970 1970 NUM CD 3 obl SpaceAfter=No
. . PUNCT . 3 punct
)"),
              Contains("taught at | Gideon Rodan | the University of Connecticut | in 1970"));
}

TEST(Propositions, PassiveKeepsItsVoiceAndAgentPreposition) {
  EXPECT_THAT(tuples(R"(
The the DET DT 2 det
session session NOUN NN 4 nsubj:pass
was be AUX VBD 4 aux:pass
hosted host VERB VBN 0 root
by by ADP IN 6 case
Lena Lena PROPN NNP 4 obl:agent
Sorensen Sorensen PROPN NNP 6 flat SpaceAfter=No
. . PUNCT . 4 punct
)"),
              Contains("was hosted by | The session | Lena Sorensen"));
}

constexpr const char* kFootballer = R"(
Blagoja Blagoja PROPN NNP 4 nsubj
Celeski Celeski PROPN NNP 1 flat
is be AUX VBZ 4 cop
footballer footballer NOUN NN 0 root
who who PRON WP 6 nsubj
plays play VERB VBZ 4 acl:relcl
as as ADP IN 9 case
a a DET DT 9 det
midfielder midfielder NOUN NN 6 obl SpaceAfter=No
. . PUNCT . 4 punct
)";

TEST(Propositions, CopulaAndRelativeClause) {
  const auto t = tuples(kFootballer);
  EXPECT_THAT(t, Contains("is | Blagoja Celeski | footballer"));
  EXPECT_THAT(t, Contains("plays as | Blagoja Celeski | a midfielder"));
}

TEST(Propositions, ClausalObjectTakesThatIntoTheRelationAndIsExtractedItself) {
  const auto t = tuples(R"(
This this DET DT 2 det
finding finding NOUN NN 3 nsubj
indicated indicate VERB VBD 0 root
that that SCONJ IN 8 mark
organic organic ADJ JJ 6 amod
compounds compound NOUN NNS 8 nsubj
could could AUX MD 8 aux
carry carry VERB VB 3 ccomp
current current NOUN NN 8 obj SpaceAfter=No
. . PUNCT . 3 punct
)");
  EXPECT_THAT(t, Contains("indicated that | This finding | organic compounds could carry current"));
  EXPECT_THAT(t, Contains("could carry | organic compounds | current"));
}

TEST(Propositions, NegationStaysInTheRelation) {
  EXPECT_THAT(tuples(R"(
Lavrov Lavrov PROPN NNP 4 nsubj
did do AUX VBD 4 aux
not not PART RB 4 advmod
meet meet VERB VB 0 root
Haass Haass PROPN NNP 4 obj SpaceAfter=No
. . PUNCT . 4 punct
)"),
              Contains("did not meet | Lavrov | Haass"));
}

TEST(Propositions, AppositionGivesIsTuples) {
  const auto t = tuples(R"(
Richard Richard PROPN NNP 9 nsubj
Haass Haass PROPN NNP 1 flat SpaceAfter=No
, , PUNCT , 6 punct
a a DET DT 6 det
former former ADJ JJ 6 amod
diplomat diplomat NOUN NN 1 appos
and and CCONJ CC 8 cc
president president NOUN NN 6 conj SpaceAfter=No
spoke speak VERB VBD 0 root SpaceAfter=No
. . PUNCT . 9 punct
)");
  EXPECT_THAT(t, Contains("is | Richard Haass | a former diplomat"));
  EXPECT_THAT(t, Contains("is | Richard Haass | a president"));
}

// The apposition names the conjunct it is attached to, and a nominal parsed with two
// prepositions ("along with") loses both as the subject of the "is" tuple.
TEST(Propositions, AppositionDescribesItsOwnConjunctWithoutItsPrepositions) {
  const auto t = tuples(R"(
Lavrov Lavrov PROPN NNP 2 nsubj
met meet VERB VBD 0 root
a a DET DT 4 det
diplomat diplomat NOUN NN 2 obj SpaceAfter=No
, , PUNCT , 6 punct
Haass Haass PROPN NNP 4 appos SpaceAfter=No
, , PUNCT , 9 punct
and and CCONJ CC 9 cc
officials official NOUN NNS 4 conj
along along ADP IN 13 case
with with ADP IN 13 case
an an DET DT 13 det
expert expert NOUN NN 9 nmod SpaceAfter=No
, , PUNCT , 15 punct
Graham Graham PROPN NNP 13 appos SpaceAfter=No
. . PUNCT . 2 punct
)");
  EXPECT_THAT(t, Contains("is | a diplomat | Haass"));
  EXPECT_THAT(t, Contains("is | an expert | Graham"));
  for (const std::string& tuple : t) {
    if (tuple.rfind("is | ", 0) == 0) {
      EXPECT_THAT(tuple, Not(HasSubstr("officials")));
    }
  }
}

// Two subjects before the verb, the second with a conjunction: the parser cut a list in two.
// Without the conjunction (an apposition) the second is no subject.
TEST(Propositions, ASecondSubjectWithAConjunctionIsTheRestOfTheList) {
  const auto t = tuples(R"(
Haass Haass PROPN NNP 8 nsubj SpaceAfter=No
, , PUNCT , 3 punct
Kupchan Kupchan PROPN NNP 8 nsubj SpaceAfter=No
, , PUNCT , 6 punct
and and CCONJ CC 6 cc
Graham Graham PROPN NNP 3 conj
have have AUX VBP 8 aux
participated participate VERB VBN 0 root
in in ADP IN 10 case
talks talk NOUN NNS 8 obl SpaceAfter=No
. . PUNCT . 8 punct
)");
  EXPECT_THAT(t, Contains("have participated in | Haass | talks"));
  EXPECT_THAT(t, Contains("have participated in | Kupchan | talks"));
  EXPECT_THAT(t, Contains("have participated in | Graham | talks"));
  const auto apposition = tuples(R"(
Mark Mark PROPN NNP 5 nsubj SpaceAfter=No
, , PUNCT , 4 punct
the the DET DT 4 det
presenters presenter NOUN NNS 5 nsubj
made make VERB VBD 0 root
it it PRON PRP 5 obj SpaceAfter=No
. . PUNCT . 5 punct
)");
  EXPECT_THAT(apposition, Not(Contains("made | the presenters | it")));
}

TEST(Propositions, ControlledInfinitiveJoinsTheRelation) {
  EXPECT_THAT(tuples(R"(
Lavrov Lavrov PROPN NNP 2 nsubj
declined decline VERB VBD 0 root
to to PART TO 4 mark
comment comment VERB VB 2 xcomp
on on ADP IN 7 case
the the DET DT 7 det
record record NOUN NN 4 obl SpaceAfter=No
. . PUNCT . 2 punct
)"),
              Contains("declined to comment on | Lavrov | the record"));
}

TEST(Propositions, ObjectControlGivesTheObjectAsSubject) {
  const auto t = tuples(R"(
Trump Trump PROPN NNP 2 nsubj
asked ask VERB VBD 0 root
the the DET DT 4 det
council council NOUN NN 2 obj
to to PART TO 6 mark
help help VERB VB 2 xcomp
the the DET DT 8 det
girls girl NOUN NNS 6 obj SpaceAfter=No
. . PUNCT . 2 punct
)");
  EXPECT_THAT(t, Contains("asked | Trump | the council"));
  EXPECT_THAT(t, Contains("help | the council | the girls"));
}

// After a verb that is no object-control verb, an infinitive parsed as xcomp is the subject's
// purpose: the plans do not end the war, the officials mean to.
TEST(Propositions, APurposeInfinitiveKeepsTheSubject) {
  const auto t = tuples(R"(
officials official NOUN NNS 2 nsubj
discussed discuss VERB VBD 0 root
plans plan NOUN NNS 2 obj
to to PART TO 5 mark
end end VERB VB 2 xcomp
the the DET DT 7 det
war war NOUN NN 5 obj SpaceAfter=No
. . PUNCT . 2 punct
)");
  EXPECT_THAT(t, Contains("discussed | officials | plans"));
  EXPECT_THAT(t, Contains("end | officials | the war"));
  EXPECT_THAT(t, Not(Contains("end | plans | the war")));
}

TEST(Propositions, CoordinationIsExpanded) {
  const auto t = tuples(R"(
Haass Haass PROPN NNP 4 nsubj
and and CCONJ CC 3 cc
Kupchan Kupchan PROPN NNP 1 conj
wrote write VERB VBD 0 root
an a DET DT 6 det
article article NOUN NN 4 obj SpaceAfter=No
. . PUNCT . 4 punct
)");
  EXPECT_THAT(t, Contains("wrote | Haass | an article"));
  EXPECT_THAT(t, Contains("wrote | Kupchan | an article"));
  EXPECT_THAT(t, Not(Contains("wrote | Haass and Kupchan | an article")));
}

TEST(Propositions, ConfidenceRanksFullClausesAboveBareVerbs) {
  const auto c = confidences(R"(
Lavrov Lavrov PROPN NNP 2 nsubj
met meet VERB VBD 0 root
Haass Haass PROPN NNP 2 obj
and and CCONJ CC 5 cc
left leave VERB VBD 2 conj SpaceAfter=No
. . PUNCT . 2 punct
)");
  ASSERT_EQ(c.size(), 2u);
  for (double x : c) {
    EXPECT_GT(x, 0.0);
    EXPECT_LT(x, 1.0);
  }
  EXPECT_GT(c[0], c[1]);
}

TEST(Propositions, SentenceWithoutVerbGivesNothing) {
  EXPECT_THAT(tuples(R"(
Photo photo NOUN NN 0 root SpaceAfter=No
: : PUNCT : 3 punct
Getty Getty PROPN NNP 4 compound
Images Images PROPN NNPS 1 appos
)"),
              Not(Contains(::testing::HasSubstr("Photo |"))));
}

}  // namespace
}  // namespace kg::extract
