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
  EXPECT_EQ(t.head(14), 4);  // Sergey -> Russians
  EXPECT_EQ(t.head(17), 4);  // the later conjunct moves with it
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

}  // namespace
}  // namespace kg::extract
