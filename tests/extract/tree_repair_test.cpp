// Tree repairs before extraction, on hand-written UD trees with the parser's errors.

#include "extract/tree_repair.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "tests/extract/parsed_text.h"

namespace kg::extract {
namespace {

using testing::facts;

// "talks with Russians, who are close to the Kremlin, and Sergey Lavrov, Russia's minister"
// as the parser hung it: Lavrov (and the apposition after him) as conjuncts of "Kremlin".
constexpr std::string_view kClosedRelative = R"(
# entities = Russians:NORP; Kremlin:LOCATION; Sergey Lavrov:PERSON
officials official NOUN NNS 2 nsubj
held hold VERB VBD 0 root
talks talk NOUN NNS 2 obj
with with ADP IN 5 case
Russians Russian PROPN NNPS 2 obl SpaceAfter=No
, , PUNCT , 9 punct
who who PRON WP 9 nsubj
are be AUX VBP 9 cop
close close ADJ JJ 5 acl:relcl
to to ADP IN 12 case
the the DET DT 12 det
Kremlin Kremlin PROPN NNP 9 obl SpaceAfter=No
, , PUNCT , 15 punct
and and CCONJ CC 15 cc
Sergey Sergey PROPN NNP 12 conj
Lavrov Lavrov PROPN NNP 15 flat SpaceAfter=No
, , PUNCT , 18 punct
adviser adviser NOUN NN 12 conj SpaceAfter=No
. . PUNCT . 2 punct
)";

TEST(TreeRepair, AConjunctAfterAClosedRelativeClauseJoinsItsAntecedent) {
  const Document doc = testing::parsed_document(kClosedRelative);
  const Sentence& s = doc.sentences.at(0);
  const DependencyTree parsed(s);
  ASSERT_EQ(parsed.head(14), 11);
  const DependencyTree t = repaired_tree(s);
  EXPECT_EQ(t.head(14), 4);   // Sergey -> Russians
  EXPECT_EQ(t.head(17), 4);   // the later conjunct moves with it
  EXPECT_EQ(t.head(15), 14);  // everything else stays
  EXPECT_EQ(t.head(8), 4);
  EXPECT_EQ(t.deprel(14), Deprel::kConj);
  EXPECT_EQ(t.children(11).size(), 2u);  // "to", "the"

  const auto f = facts(testing::extract(kClosedRelative));
  EXPECT_THAT(f, ::testing::Contains("Russians be_close_to Kremlin"));
  EXPECT_THAT(f, ::testing::Not(::testing::Contains("Russians be_close_to Sergey Lavrov")));
}

// Without the comma that opens it the relative clause is restrictive and may hold the
// coordination ("people who are close to the Kremlin, and to Lavrov"): nothing moves; nor
// does a conjunct without ", and".
TEST(TreeRepair, RestrictiveClausesAndPlainListsStayAsParsed) {
  const Document doc = testing::parsed_document(R"(
officials official NOUN NNS 2 nsubj
held hold VERB VBD 0 root
talks talk NOUN NNS 2 obj
with with ADP IN 5 case
Russians Russian PROPN NNPS 2 obl
who who PRON WP 8 nsubj
are be AUX VBP 8 cop
close close ADJ JJ 5 acl:relcl
to to ADP IN 11 case
the the DET DT 11 det
Kremlin Kremlin PROPN NNP 8 obl SpaceAfter=No
, , PUNCT , 14 punct
and and CCONJ CC 14 cc
Lavrov Lavrov PROPN NNP 11 conj SpaceAfter=No
. . PUNCT . 2 punct
)");
  const DependencyTree t = repaired_tree(doc.sentences.at(0));
  EXPECT_EQ(t.head(13), 10);
  const Document plain = testing::parsed_document(R"(
officials official NOUN NNS 2 nsubj
met meet VERB VBD 0 root
Russians Russian PROPN NNPS 2 obj SpaceAfter=No
, , PUNCT , 7 punct
who who PRON WP 7 nsubj
are be AUX VBP 7 cop
close close ADJ JJ 3 acl:relcl
to to ADP IN 9 case
Kremlin Kremlin PROPN NNP 7 obl
and and CCONJ CC 11 cc
Lavrov Lavrov PROPN NNP 9 conj SpaceAfter=No
. . PUNCT . 2 punct
)");
  const DependencyTree p = repaired_tree(plain.sentences.at(0));
  EXPECT_EQ(p.head(10), 8);
}

// The main verb hung as a participle on a root noun without subject.
TEST(TreeRepair, AVerbHungOnASubjectlessNounRootIsTheMainVerb) {
  constexpr std::string_view kParsed = R"(
# entities = Richard Haass:PERSON; Council on Foreign Relations:ORG
Richard Richard PROPN NNP 0 root
Haass Haass PROPN NNP 1 flat SpaceAfter=No
, , PUNCT , 6 punct
a a DET DT 6 det
former former ADJ JJ 6 amod
diplomat diplomat NOUN NN 1 appos
and and CCONJ CC 9 cc
the the DET DT 9 det
president president NOUN NN 6 conj
of of ADP IN 12 case
the the DET DT 12 det
Council Council PROPN NNP 9 nmod
on on ADP IN 15 case
Foreign Foreign ADJ NNP 15 amod
Relations Relations PROPN NNPS 12 nmod SpaceAfter=No
, , PUNCT , 17 punct
participated participate VERB VBN 1 acl
in in ADP IN 19 case
talks talk NOUN NNS 17 obl SpaceAfter=No
. . PUNCT . 1 punct
)";
  const Document doc = testing::parsed_document(kParsed);
  const DependencyTree t = repaired_tree(doc.sentences.at(0));
  EXPECT_EQ(t.head(16), -1);
  EXPECT_EQ(t.deprel(16), Deprel::kRoot);
  EXPECT_EQ(t.head(0), 16);
  EXPECT_EQ(t.deprel(0), Deprel::kNsubj);
  EXPECT_EQ(t.head(19), 16);  // the full stop goes with the verb
  EXPECT_EQ(t.head(5), 0);    // the apposition stays on the name
  const auto f = facts(testing::extract(kParsed));
  EXPECT_THAT(f, ::testing::Contains("Richard Haass participate_in talks"));
  // The second, coordinated description of the apposition is a role too.
  EXPECT_THAT(f, ::testing::Contains("Richard Haass president_of Council on Foreign Relations"));

  // "In May, Burns heard from officials": the dated root becomes an oblique and the name
  // the verb hung on its subject.
  const Document dated = testing::parsed_document(R"(
In in ADP IN 2 case
May May PROPN NNP 0 root SpaceAfter=No
, , PUNCT , 4 punct
Burns Burns PROPN NNP 2 conj
heard hear VERB VBN 4 acl
from from ADP IN 7 case
officials official NOUN NNS 5 obl SpaceAfter=No
. . PUNCT . 2 punct
)");
  const DependencyTree d = repaired_tree(dated.sentences.at(0));
  EXPECT_EQ(d.head(4), -1);
  EXPECT_EQ(d.head(3), 4);
  EXPECT_EQ(d.deprel(3), Deprel::kNsubj);
  EXPECT_EQ(d.head(1), 4);
  EXPECT_EQ(d.deprel(1), Deprel::kObl);
}

// A participle with an agent modifies its noun ("The talks, hosted by Sorensen."); so does one
// under a root that has a subject.
TEST(TreeRepair, AParticipleWithAnAgentStaysAModifier) {
  const Document doc = testing::parsed_document(R"(
The the DET DT 2 det
talks talk NOUN NNS 0 root SpaceAfter=No
, , PUNCT , 4 punct
hosted host VERB VBN 2 acl
by by ADP IN 6 case
Sorensen Sorensen PROPN NNP 4 obl:agent SpaceAfter=No
. . PUNCT . 2 punct
)");
  const DependencyTree t = repaired_tree(doc.sentences.at(0));
  EXPECT_EQ(t.head(3), 1);
  EXPECT_EQ(t.head(1), -1);
}

// ", union leader Maria Okafor said." with the speaker hung on "Friday": the phrase after the
// comma is the reporting verb's subject, and what Okafor said is attributed to her.
TEST(TreeRepair, ATrailingSpeakerLeftWithoutItsVerbIsItsSubject) {
  constexpr std::string_view kParsed = R"(
# entities = Halden Union:ORG; Brandt:PERSON; Friday:DATE; Maria Okafor:PERSON
Halden Halden PROPN NNP 2 compound
Union Union PROPN NNP 3 nsubj
met meet VERB VBD 11 ccomp
Brandt Brandt PROPN NNP 3 obj
on on ADP IN 6 case
Friday Friday PROPN NNP 3 obl SpaceAfter=No
, , PUNCT , 8 punct
leader leader NOUN NN 6 appos
Maria Maria PROPN NNP 8 appos
Okafor Okafor PROPN NNP 9 flat
said say VERB VBD 0 root SpaceAfter=No
. . PUNCT . 11 punct
)";
  const Document doc = testing::parsed_document(kParsed);
  const DependencyTree t = repaired_tree(doc.sentences.at(0));
  EXPECT_EQ(t.head(8), 10);  // Maria -> said
  EXPECT_EQ(t.deprel(8), Deprel::kNsubj);
  EXPECT_EQ(t.head(7), 8);  // leader -> Maria, a compound
  EXPECT_EQ(t.deprel(7), Deprel::kCompound);
  EXPECT_EQ(t.head(9), 8);              // Okafor stays flat under Maria
  EXPECT_EQ(t.head(5), 2);              // Friday stays with "met"
  EXPECT_EQ(t.children(5).size(), 1u);  // only its preposition: the appositions are gone
  EXPECT_THAT(facts(testing::extract(kParsed)),
              ::testing::Contains("Halden Union meet Brandt [by Maria Okafor]"));
}

// A reporting verb that has its subject, or no reported clause before it, is left alone.
TEST(TreeRepair, AReportingVerbWithItsSubjectIsLeftAlone) {
  const Document doc = testing::parsed_document(R"(
Talks talk NOUN NNS 2 nsubj
ended end VERB VBD 6 ccomp SpaceAfter=No
, , PUNCT , 5 punct
the the DET DT 5 det
union union NOUN NN 6 nsubj
said say VERB VBD 0 root SpaceAfter=No
. . PUNCT . 6 punct
)");
  const DependencyTree t = repaired_tree(doc.sentences.at(0));
  EXPECT_EQ(t.head(4), 5);
  EXPECT_EQ(t.head(3), 4);
}

// "According to a report, officials discussed talks." parsed with the report as root and the
// main clause as its relative clause: the clause is the root, the phrase its oblique.
TEST(TreeRepair, AClauseHungOnAPrepositionalRootIsTheMainClause) {
  const Document doc = testing::parsed_document(R"(
According accord VERB VBG 4 case
to to ADP IN 1 fixed
a a DET DT 4 det
report report NOUN NN 0 root SpaceAfter=No
, , PUNCT , 7 punct
officials official NOUN NNS 7 nsubj
discussed discuss VERB VBD 4 acl:relcl
talks talk NOUN NNS 7 obj SpaceAfter=No
. . PUNCT . 4 punct
)");
  const DependencyTree t = repaired_tree(doc.sentences.at(0));
  EXPECT_EQ(t.head(6), -1);
  EXPECT_EQ(t.deprel(6), Deprel::kRoot);
  EXPECT_EQ(t.head(3), 6);
  EXPECT_EQ(t.deprel(3), Deprel::kObl);
  EXPECT_EQ(t.head(8), 6);  // the full stop
  EXPECT_EQ(t.head(5), 6);  // the clause keeps its subject

  // A real relative clause ("in the report that officials wrote") stays.
  const Document relative = testing::parsed_document(R"(
In in ADP IN 3 case
the the DET DT 3 det
report report NOUN NN 0 root
that that PRON WDT 6 obj
officials official NOUN NNS 6 nsubj
wrote write VERB VBD 3 acl:relcl SpaceAfter=No
. . PUNCT . 3 punct
)");
  const DependencyTree r = repaired_tree(relative.sentences.at(0));
  EXPECT_EQ(r.head(5), 2);
  EXPECT_EQ(r.head(2), -1);
}

// "Former officials, who took part in the meeting, later informed the council." parsed with
// the main verb hung on the relative clause after the comma that closes it.
TEST(TreeRepair, AMainVerbHungOnARelativeClauseIsTheRoot) {
  constexpr std::string_view kParsed = R"(
# entities = National Security Council:ORG
Former former ADJ JJ 2 amod
officials official NOUN NNS 0 root SpaceAfter=No
, , PUNCT , 5 punct
who who PRON WP 5 nsubj
participated participate VERB VBD 2 acl:relcl
in in ADP IN 8 case
the the DET DT 8 det
meeting meeting NOUN NN 5 obl SpaceAfter=No
, , PUNCT , 11 punct
later late ADV RBR 11 advmod
informed inform VERB VBD 5 parataxis
the the DET DT 15 det
National National ADJ NNP 14 amod
Security Security PROPN NNP 15 compound
Council Council PROPN NNP 11 obj SpaceAfter=No
. . PUNCT . 2 punct
)";
  const Document doc = testing::parsed_document(kParsed);
  const DependencyTree t = repaired_tree(doc.sentences.at(0));
  EXPECT_EQ(t.head(10), -1);
  EXPECT_EQ(t.head(1), 10);
  EXPECT_EQ(t.deprel(1), Deprel::kNsubj);
  EXPECT_EQ(t.head(4), 1);    // the relative clause stays on its noun
  EXPECT_EQ(t.head(15), 10);  // the full stop
  EXPECT_THAT(facts(testing::extract(kParsed)),
              ::testing::Contains("Former officials inform National Security Council"));

  // A second verb with its own subject, or joined by a conjunction, is part of the relative
  // clause ("who met him and later wrote ...").
  const Document own = testing::parsed_document(R"(
officials official NOUN NNS 0 root SpaceAfter=No
, , PUNCT , 4 punct
who who PRON WP 4 nsubj
met meet VERB VBD 1 acl:relcl
him he PRON PRP 4 obj SpaceAfter=No
, , PUNCT , 9 punct
and and CCONJ CC 9 cc
later late ADV RBR 9 advmod
wrote write VERB VBD 4 conj SpaceAfter=No
. . PUNCT . 1 punct
)");
  const DependencyTree o = repaired_tree(own.sentences.at(0));
  EXPECT_EQ(o.head(8), 3);
  EXPECT_EQ(o.head(0), -1);
}

}  // namespace
}  // namespace kg::extract
