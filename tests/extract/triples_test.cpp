// Graph facts per construction, from hand-written UD trees (EWT conventions).

#include "extract/triples.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "extract/dependency_tree.h"
#include "tests/extract/parsed_text.h"

namespace kg::extract {
namespace {

using ::testing::Contains;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Not;
using testing::extract;
using testing::facts;

const Triple* find(const DocumentResult& r, const std::string& subject, const std::string& relation,
                   const std::string& object) {
  for (const Triple& t : r.triples) {
    if (r.entities[t.subject].name == subject && t.relation == relation &&
        r.entities[t.object].name == object) {
      return &t;
    }
  }
  return nullptr;
}

TEST(Triples, MetWithBecomesMeetWithPlaceAndTimeArguments) {
  const DocumentResult r = extract(R"(
# entities = Sergey Lavrov:PERSON; Richard Haass:PERSON; New York:LOCATION; April:DATE
Sergey Sergey PROPN NNP 3 nsubj
Lavrov Lavrov PROPN NNP 1 flat
met meet VERB VBD 0 root
with with ADP IN 5 case
Richard Richard PROPN NNP 3 obl
Haass Haass PROPN NNP 5 flat
in in ADP IN 9 case
New New PROPN NNP 9 compound
York York PROPN NNP 3 obl
in in ADP IN 11 case
April April PROPN NNP 3 obl SpaceAfter=No
. . PUNCT . 3 punct
)");
  const Triple* t = find(r, "Sergey Lavrov", "meet", "Richard Haass");
  ASSERT_NE(t, nullptr) << ::testing::PrintToString(facts(r));
  bool place = false;
  bool time = false;
  for (const Argument& a : t->arguments) {
    place |= a.role == ArgumentRole::kPlace && a.text == "in New York";
    time |= a.role == ArgumentRole::kTime && a.text == "in April";
  }
  EXPECT_TRUE(place);
  EXPECT_TRUE(time);
  EXPECT_EQ(r.document.text.substr(t->evidence.start, t->evidence.size()),
            "Sergey Lavrov met with Richard Haass in New York in April.");
  // Places and dates are arguments here, not facts of their own.
  EXPECT_THAT(facts(r), Not(Contains(HasSubstr("New York"))));
}

TEST(Triples, NegationAndModalityAreKeptNeverDropped) {
  const DocumentResult r = extract(R"(
# entities = Lavrov:PERSON; Haass:PERSON
Lavrov Lavrov PROPN NNP 4 nsubj
would would AUX MD 4 aux
not not PART RB 4 advmod
meet meet VERB VB 0 root
Haass Haass PROPN NNP 4 obj SpaceAfter=No
. . PUNCT . 4 punct
)");
  EXPECT_THAT(facts(r), Contains("Lavrov meet Haass [not] [would]"));
  EXPECT_THAT(facts(r), Not(Contains("Lavrov meet Haass")));
}

TEST(Triples, PassiveWithAgentIsTurnedActive) {
  const DocumentResult r = extract(R"(
# entities = Northern Water Board:ORG; Amara Nwosu:PERSON
The the DET DT 4 det
Northern Northern PROPN NNP 4 compound
Water Water PROPN NNP 4 compound
Board Board PROPN NNP 6 nsubj:pass
was be AUX VBD 6 aux:pass
briefed brief VERB VBN 0 root
by by ADP IN 8 case
Amara Amara PROPN NNP 6 obl:agent
Nwosu Nwosu PROPN NNP 8 flat SpaceAfter=No
. . PUNCT . 6 punct
)");
  EXPECT_THAT(facts(r), Contains("Amara Nwosu brief Northern Water Board"));
}

TEST(Triples, PassiveAgentHostsAnEventNoun) {
  const DocumentResult r = extract(R"(
# entities = Lena Sorensen:PERSON
The the DET DT 2 det
session session NOUN NN 4 nsubj:pass
was be AUX VBD 4 aux:pass
hosted host VERB VBN 0 root
by by ADP IN 6 case
Lena Lena PROPN NNP 4 obl:agent
Sorensen Sorensen PROPN NNP 6 flat SpaceAfter=No
. . PUNCT . 4 punct
)");
  EXPECT_THAT(facts(r), Contains("Lena Sorensen host session"));
  ASSERT_EQ(r.entities.size(), 2u);
  EXPECT_EQ(r.entities[0].type, EntityType::kPerson);
  EXPECT_EQ(r.entities[1].type, EntityType::kEvent);
}

TEST(Triples, PassiveWithoutAgentGivesNoFact) {
  const DocumentResult r = extract(R"(
# entities = Haass:PERSON
Haass Haass PROPN NNP 3 nsubj:pass
was be AUX VBD 3 aux:pass
briefed brief VERB VBN 0 root SpaceAfter=No
. . PUNCT . 3 punct
)");
  EXPECT_THAT(r.triples, IsEmpty());
}

TEST(Triples, MislabelledPassiveSubjectOfAnActiveVerbGroupIsActive) {
  // The parser's nsubj:pass on "have worked" (aux, no aux:pass): the clause is active, so
  // the fact reads "work with", not the passive "be work with".
  const DocumentResult r = extract(R"(
# entities = Richard Haass:PERSON; Charles Kupchan:PERSON
Richard Richard PROPN NNP 4 nsubj:pass
Haass Haass PROPN NNP 1 flat
have have AUX VBP 4 aux
worked work VERB VBN 0 root
with with ADP IN 6 case
Charles Charles PROPN NNP 4 obl
Kupchan Kupchan PROPN NNP 6 flat SpaceAfter=No
. . PUNCT . 4 punct
)");
  EXPECT_THAT(facts(r), Contains("Richard Haass work_with Charles Kupchan"));
  EXPECT_THAT(facts(r), Not(Contains(HasSubstr("be_work"))));
}

TEST(Triples, CoordinatedSubjectsAndObjectsAreExpanded) {
  const DocumentResult r = extract(R"(
# entities = Haass:PERSON; Kupchan:PERSON; Lavrov:PERSON; Putin:PERSON
Haass Haass PROPN NNP 4 nsubj
and and CCONJ CC 3 cc
Kupchan Kupchan PROPN NNP 1 conj
met meet VERB VBD 0 root
Lavrov Lavrov PROPN NNP 4 obj
and and CCONJ CC 7 cc
Putin Putin PROPN NNP 5 conj SpaceAfter=No
. . PUNCT . 4 punct
)");
  const auto f = facts(r);
  EXPECT_THAT(f, Contains("Haass meet Lavrov"));
  EXPECT_THAT(f, Contains("Haass meet Putin"));
  EXPECT_THAT(f, Contains("Kupchan meet Lavrov"));
  EXPECT_THAT(f, Contains("Kupchan meet Putin"));
  EXPECT_EQ(f.size(), 4u);
}

TEST(Triples, CoordinatedVerbsShareTheSubject) {
  const DocumentResult r = extract(R"(
# entities = Lavrov:PERSON; Haass:PERSON; Putin:PERSON
Lavrov Lavrov PROPN NNP 2 nsubj
met meet VERB VBD 0 root
Haass Haass PROPN NNP 2 obj
and and CCONJ CC 5 cc
briefed brief VERB VBD 2 conj
Putin Putin PROPN NNP 5 obj SpaceAfter=No
. . PUNCT . 2 punct
)");
  EXPECT_THAT(facts(r), Contains("Lavrov meet Haass"));
  EXPECT_THAT(facts(r), Contains("Lavrov brief Putin"));
  EXPECT_THAT(facts(r), Not(Contains("Haass brief Putin")));
}

TEST(Triples, RelativeClauseTakesItsAntecedentAsSubject) {
  const DocumentResult r = extract(R"(
# entities = Jonas Ferreira:PERSON; Kestrel Mining:ORG; 2017:DATE
Jonas Jonas PROPN NNP 11 nsubj
Ferreira Ferreira PROPN NNP 1 flat SpaceAfter=No
, , PUNCT , 5 punct
who who PRON WP 5 nsubj
joined join VERB VBD 1 acl:relcl
Kestrel Kestrel PROPN NNP 7 compound
Mining Mining PROPN NNP 5 obj
in in ADP IN 9 case
2017 2017 NUM CD 5 obl SpaceAfter=No
, , PUNCT , 5 punct
resigned resign VERB VBD 0 root
. . PUNCT . 11 punct
)");
  const Triple* t = find(r, "Jonas Ferreira", "join", "Kestrel Mining");
  ASSERT_NE(t, nullptr) << ::testing::PrintToString(facts(r));
  ASSERT_EQ(t->arguments.size(), 1u);
  EXPECT_EQ(t->arguments[0].role, ArgumentRole::kTime);
  EXPECT_EQ(t->arguments[0].text, "in 2017");
}

TEST(Triples, RelativeClauseParsedAsParataxisStillTakesItsAntecedent) {
  // A parse seen in practice: the relative clause hangs on the name as a parataxis.
  const DocumentResult r = extract(R"(
# entities = Ferreira:PERSON; Kestrel:ORG; 2017:DATE
Ferreira Ferreira PROPN NNP 0 root SpaceAfter=No
, , PUNCT , 1 punct
who who PRON WP 4 nsubj
joined join VERB VBD 1 parataxis
Kestrel Kestrel PROPN NNP 4 obj
in in ADP IN 7 case
2017 2017 NUM CD 4 obl SpaceAfter=No
. . PUNCT . 1 punct
)");
  EXPECT_NE(find(r, "Ferreira", "join", "Kestrel"), nullptr) << ::testing::PrintToString(facts(r));
}

TEST(Triples, RelativeClauseOnAnAppositionIsAboutThePerson) {
  // The lemmatizer's "chaire" is repaired in the relation; "required" keeps its "e".
  const DocumentResult r = extract(R"(
# entities = Tomas Wren:PERSON; Nwosu:PERSON
Tomas Tomas PROPN NNP 11 nsubj
Wren Wren PROPN NNP 1 flat SpaceAfter=No
, , PUNCT , 5 punct
a a DET DT 5 det
magistrate magistrate NOUN NN 1 appos
who who PRON WP 7 nsubj
chaired chaire VERB VBD 5 acl:relcl
the the DET DT 9 det
review review NOUN NN 7 obj SpaceAfter=No
, , PUNCT , 11 punct
required require VERB VBD 0 root
Nwosu Nwosu PROPN NNP 11 obj SpaceAfter=No
. . PUNCT . 11 punct
)");
  const auto f = facts(r);
  EXPECT_THAT(f, Contains("Tomas Wren chair review"));
  EXPECT_THAT(f, Contains("Tomas Wren require Nwosu"));
}

TEST(Triples, RelativeClauseWithObjectGap) {
  // "the council that Nwosu chairs": the antecedent fills the object.
  const DocumentResult r = extract(R"(
# entities = Nwosu:PERSON; Northern Water Board:ORG
The the DET DT 4 det
Northern Northern PROPN NNP 4 compound
Water Water PROPN NNP 4 compound
Board Board PROPN NNP 8 nsubj
that that PRON WDT 7 obj
Nwosu Nwosu PROPN NNP 7 nsubj
chairs chair VERB VBZ 4 acl:relcl
met meet VERB VBD 0 root SpaceAfter=No
. . PUNCT . 8 punct
)");
  EXPECT_THAT(facts(r), Contains("Nwosu chair Northern Water Board"));
}

constexpr const char* kApposition = R"(
# entities = Richard Haass:PERSON; Council on Foreign Relations:ORG
Richard Richard PROPN NNP 16 nsubj
Haass Haass PROPN NNP 1 flat SpaceAfter=No
, , PUNCT , 6 punct
a a DET DT 6 det
former former ADJ JJ 6 amod
diplomat diplomat NOUN NN 1 appos
and and CCONJ CC 8 cc
president president NOUN NN 6 conj
of of ADP IN 11 case
the the DET DT 11 det
Council Council PROPN NNP 8 nmod
on on ADP IN 14 case
Foreign Foreign PROPN NNP 14 compound
Relations Relations PROPN NNPS 11 nmod SpaceAfter=No
, , PUNCT , 6 punct
spoke speak VERB VBD 0 root SpaceAfter=No
. . PUNCT . 16 punct
)";

TEST(Triples, AppositionGivesRoleInOrganisation) {
  const DocumentResult r = extract(kApposition);
  EXPECT_THAT(facts(r), Contains("Richard Haass president_of Council on Foreign Relations"));
}

TEST(Triples, AppositionTitlesAreKeptOnTheEntityNotInItsName) {
  const DocumentResult r = extract(kApposition);
  ASSERT_FALSE(r.entities.empty());
  const Entity& haass = r.entities[0];
  EXPECT_EQ(haass.name, "Richard Haass");
  EXPECT_THAT(haass.titles, Contains("former diplomat"));
  EXPECT_THAT(haass.titles, Contains("president of the Council on Foreign Relations").Times(0));
}

TEST(Triples, ParticipialModifierGivesTheEventItsPlace) {
  const DocumentResult r = extract(R"(
# entities = New York:LOCATION
The the DET DT 2 det
meeting meeting NOUN NN 9 nsubj
, , PUNCT , 4 punct
held hold VERB VBN 2 acl
in in ADP IN 7 case
New New PROPN NNP 7 compound
York York PROPN NNP 4 obl SpaceAfter=No
, , PUNCT , 4 punct
ended end VERB VBD 0 root SpaceAfter=No
. . PUNCT . 9 punct
)");
  EXPECT_THAT(facts(r), Contains("meeting place New York"));
}

constexpr const char* kCopula = R"(
# entities = Haass:PERSON; Council on Foreign Relations:ORG
Haass Haass PROPN NNP 4 nsubj
is be AUX VBZ 4 cop
the the DET DT 4 det
president president NOUN NN 0 root
of of ADP IN 7 case
the the DET DT 7 det
Council Council PROPN NNP 4 nmod
on on ADP IN 10 case
Foreign Foreign PROPN NNP 10 compound
Relations Relations PROPN NNPS 7 nmod SpaceAfter=No
. . PUNCT . 4 punct
)";

TEST(Triples, CopulaGivesRole) {
  const DocumentResult r = extract(kCopula);
  EXPECT_THAT(facts(r), Contains("Haass president_of Council on Foreign Relations"));
  EXPECT_THAT(r.entities[0].titles, Contains("president"));
}

TEST(Triples, NegatedCopulaIsNegatedRole) {
  const DocumentResult r = extract(R"(
# entities = Haass:PERSON; Council on Foreign Relations:ORG
Haass Haass PROPN NNP 5 nsubj
is be AUX VBZ 5 cop
not not PART RB 5 advmod
the the DET DT 5 det
president president NOUN NN 0 root
of of ADP IN 8 case
the the DET DT 8 det
Council Council PROPN NNP 5 nmod
on on ADP IN 11 case
Foreign Foreign PROPN NNP 11 compound
Relations Relations PROPN NNPS 8 nmod SpaceAfter=No
. . PUNCT . 5 punct
)");
  EXPECT_THAT(facts(r), Contains("Haass president_of Council on Foreign Relations [not]"));
  EXPECT_THAT(facts(r), Not(Contains("Haass president_of Council on Foreign Relations")));
}

TEST(Triples, PossessiveTitleGivesRoleOfTheCountry) {
  const DocumentResult r = extract(R"(
# entities = Russia:LOCATION; Sergey Lavrov:PERSON
Russia Russia PROPN NNP 4 nmod:poss SpaceAfter=No
's 's PART POS 1 case
foreign foreign ADJ JJ 4 amod
minister minister NOUN NN 5 compound
Sergey Sergey PROPN NNP 7 nsubj
Lavrov Lavrov PROPN NNP 5 flat
arrived arrive VERB VBD 0 root SpaceAfter=No
. . PUNCT . 7 punct
)");
  EXPECT_THAT(facts(r), Contains("Sergey Lavrov foreign_minister_of Russia"));
  EXPECT_EQ(r.entities[1].name, "Sergey Lavrov");
}

TEST(Triples, TitleBeforeNameGivesRoleAndStaysOutOfTheName) {
  const DocumentResult r = extract(R"(
# entities = Russian:NORP; Sergey Lavrov:PERSON; Haass:PERSON
Russian Russian ADJ JJ 3 amod
Foreign Foreign PROPN NNP 3 compound
Minister Minister PROPN NNP 4 compound
Sergey Sergey PROPN NNP 6 nsubj
Lavrov Lavrov PROPN NNP 4 flat
met meet VERB VBD 0 root
Haass Haass PROPN NNP 6 obj SpaceAfter=No
. . PUNCT . 6 punct
)");
  EXPECT_THAT(facts(r), Contains("Sergey Lavrov foreign_minister_of Russian"));
  EXPECT_THAT(facts(r), Contains("Sergey Lavrov meet Haass"));
  for (const Entity& e : r.entities) {
    if (e.type == EntityType::kPerson && e.name != "Haass") {
      EXPECT_EQ(e.name, "Sergey Lavrov");
      EXPECT_THAT(e.titles, Contains("Foreign Minister"));
    }
  }
}

TEST(Triples, NationalityInATitleStandsForTheCountryTheDocumentNames) {
  const DocumentResult r = extract(R"(
# entities = Russian:NORP; Sergey Lavrov:PERSON; Russia:LOCATION
Russian Russian ADJ JJ 3 amod
Foreign Foreign PROPN NNP 3 compound
Minister Minister PROPN NNP 4 compound
Sergey Sergey PROPN NNP 6 nsubj
Lavrov Lavrov PROPN NNP 4 flat
left leave VERB VBD 0 root
Russia Russia PROPN NNP 6 obj SpaceAfter=No
. . PUNCT . 6 punct
)");
  EXPECT_THAT(facts(r), Contains("Sergey Lavrov foreign_minister_of Russia"));
  EXPECT_THAT(facts(r), Not(Contains("Sergey Lavrov foreign_minister_of Russian")));
}

TEST(Triples, OrganisationInsideAPersonSpanAndBeforeALowerCaseTitle) {
  const DocumentResult r = extract(R"(
# entities = CIA Director William Burns:PERSON; Wagner:PERSON; Yevgeny Prigozhin:PERSON
CIA CIA PROPN NNP 2 compound
Director Director PROPN NNP 3 compound
William William PROPN NNP 5 nsubj
Burns Burns PROPN NNP 3 flat
met meet VERB VBD 0 root
Wagner Wagner PROPN NNP 8 compound
mercenary mercenary NOUN NN 8 compound
chief chief NOUN NN 5 obj
Yevgeny Yevgeny PROPN NNP 8 appos
Prigozhin Prigozhin PROPN NNP 9 flat SpaceAfter=No
. . PUNCT . 5 punct
)");
  const auto f = facts(r);
  EXPECT_THAT(f, Contains("William Burns director_of CIA"));
  EXPECT_THAT(f, Contains("Yevgeny Prigozhin mercenary_chief_of Wagner"));
}

TEST(Triples, CompanyTitleBeforeName) {
  const DocumentResult r = extract(R"(
# entities = Kestrel Mining:ORG; Jonas Ferreira:PERSON
Kestrel Kestrel PROPN NNP 2 compound
Mining Mining PROPN NNP 4 compound
chief chief ADJ JJ 4 amod
executive executive NOUN NN 5 compound
Jonas Jonas PROPN NNP 7 nsubj
Ferreira Ferreira PROPN NNP 5 flat
resigned resign VERB VBD 0 root SpaceAfter=No
. . PUNCT . 7 punct
)");
  EXPECT_THAT(facts(r), Contains("Jonas Ferreira chief_executive_of Kestrel Mining"));
}

// The parser cut "Kestrel Mining chief executive Jonas Ferreira" into two subjects: the one
// nearer the verb is the subject, the rest its title; the company did not question anyone.
TEST(Triples, ANounPhraseCutIntoTwoSubjectsHasTheLastAsSubject) {
  const DocumentResult r = extract(R"(
# entities = Kestrel Mining:ORG; Jonas Ferreira:PERSON; Lena Sorensen:PERSON
Kestrel Kestrel PROPN NNP 7 nsubj
Mining Mining PROPN NNP 1 flat
chief chief NOUN NN 7 obl:unmarked
executive executive ADJ JJ 5 amod
Jonas Jonas PROPN NNP 7 nsubj
Ferreira Ferreira PROPN NNP 5 flat
questioned question VERB VBD 0 root
Lena Lena PROPN NNP 7 obj
Sorensen Sorensen PROPN NNP 8 flat SpaceAfter=No
. . PUNCT . 7 punct
)");
  const auto f = facts(r);
  EXPECT_THAT(f, Contains("Jonas Ferreira question Lena Sorensen"));
  EXPECT_THAT(f, Contains("Jonas Ferreira chief_executive_of Kestrel Mining"));
  for (const std::string& fact : f) {
    EXPECT_THAT(fact, Not(HasSubstr("Kestrel Mining question"))) << fact;
    EXPECT_THAT(fact, Not(HasSubstr("question Jonas Ferreira"))) << fact;
  }
  // Separated by a comma the two are an apposition, not one phrase: no subject swap.
  const DocumentResult apposition = extract(R"(
# entities = Kestrel Mining:ORG; Lena Sorensen:PERSON
Kestrel Kestrel PROPN NNP 5 nsubj
Mining Mining PROPN NNP 1 flat SpaceAfter=No
, , PUNCT , 4 punct
owner owner NOUN NN 5 nsubj
questioned question VERB VBD 0 root
Lena Lena PROPN NNP 5 obj
Sorensen Sorensen PROPN NNP 6 flat SpaceAfter=No
. . PUNCT . 5 punct
)");
  EXPECT_THAT(facts(apposition), Contains("Kestrel Mining question Lena Sorensen"));
}

// "Its chief executive, Jonas Ferreira, said": the fronted role phrase hung on the name is
// its title, and "its" is the company of the sentence before.
TEST(Triples, FrontedRoleBeforeACommaIsTheNamesTitle) {
  const DocumentResult r = extract(R"(
# entities = Kestrel Mining:ORG
Kestrel Kestrel PROPN NNP 3 nsubj
Mining Mining PROPN NNP 1 flat
denied deny VERB VBD 0 root
responsibility responsibility NOUN NN 3 obj SpaceAfter=No
. . PUNCT . 3 punct

# entities = Jonas Ferreira:PERSON
Its its PRON PRP$ 6 nmod:poss
chief chief ADJ JJ 6 amod
executive executive ADJ JJ 6 amod SpaceAfter=No
, , PUNCT , 6 punct
Jonas Jonas PROPN NNP 6 compound
Ferreira Ferreira PROPN NNP 8 nsubj SpaceAfter=No
, , PUNCT , 6 punct
resigned resign VERB VBD 0 root SpaceAfter=No
. . PUNCT . 8 punct
)");
  EXPECT_THAT(facts(r), Contains("Jonas Ferreira chief_executive_of Kestrel Mining"));
  // Without a role noun the words before the comma are no title.
  const DocumentResult plain = extract(R"(
# entities = Kestrel Mining:ORG
Kestrel Kestrel PROPN NNP 3 nsubj
Mining Mining PROPN NNP 1 flat
denied deny VERB VBD 0 root
responsibility responsibility NOUN NN 3 obj SpaceAfter=No
. . PUNCT . 3 punct

# entities = Jonas Ferreira:PERSON
Its its PRON PRP$ 5 nmod:poss
new new ADJ JJ 5 amod SpaceAfter=No
, , PUNCT , 5 punct
Jonas Jonas PROPN NNP 5 compound
Ferreira Ferreira PROPN NNP 7 nsubj SpaceAfter=No
, , PUNCT , 5 punct
resigned resign VERB VBD 0 root SpaceAfter=No
. . PUNCT . 7 punct
)");
  for (const std::string& fact : facts(plain)) {
    EXPECT_THAT(fact, Not(HasSubstr("_of Kestrel Mining"))) << fact;
  }
}

// Both the name and a second description hang on the title noun as appositions: the second
// describes the name as well.
TEST(Triples, ASecondAppositionOfTheTitleDescribesTheName) {
  const DocumentResult r = extract(R"(
# entities = Lavrov:PERSON; Europe:LOCATION; Charles Kupchan:PERSON; Council on Foreign Relations:ORG
Lavrov Lavrov PROPN NNP 2 nsubj
met meet VERB VBD 0 root
Europe Europe PROPN NNP 4 compound
expert expert NOUN NN 2 obj
Charles Charles PROPN NNP 4 appos
Kupchan Kupchan PROPN NNP 5 flat SpaceAfter=No
, , PUNCT , 9 punct
two two NUM CD 9 nummod
fellows fellow NOUN NNS 4 appos
with with ADP IN 12 case
the the DET DT 12 det
Council Council PROPN NNP 9 nmod
on on ADP IN 15 case
Foreign Foreign ADJ NNP 15 amod
Relations Relations PROPN NNPS 12 nmod SpaceAfter=No
. . PUNCT . 2 punct
)");
  const auto f = facts(r);
  EXPECT_THAT(f, Contains("Charles Kupchan fellow_of Council on Foreign Relations"));
  EXPECT_THAT(f, Contains("Charles Kupchan expert_of Europe"));
}

// An adverb joined to a noun by a hyphen stays in the event's name; a question word and a
// quantity do not.
TEST(Triples, AHyphenatedAdverbStaysInAnEventName) {
  const DocumentResult r = extract(R"(
# entities = Lavrov:PERSON
Lavrov Lavrov PROPN NNP 2 nsubj
held hold VERB VBD 0 root
how how ADV WRB 4 advmod
many many ADJ JJ 8 amod
back back ADV RB 7 compound SpaceAfter=No
- - PUNCT HYPH 5 punct SpaceAfter=No
channel channel NOUN NN 8 compound
talks talk NOUN NNS 2 obj SpaceAfter=No
? ? PUNCT . 2 punct
)");
  bool found = false;
  for (const Entity& e : r.entities) found |= e.name == "back-channel talks";
  EXPECT_TRUE(found) << ::testing::PrintToString(facts(r));
}

// "the Russians involved in the talks" took part in them, also where the parser made the
// participle an adjective with a subject.
TEST(Triples, APersonInvolvedInAnEventTookPartInIt) {
  const DocumentResult r = extract(R"(
# entities = Russians:NORP; Lavrov:PERSON
The the DET DT 2 det
Russians Russian PROPN NNPS 3 nsubj
involved involved ADJ JJ 0 root
in in ADP IN 6 case
the the DET DT 6 det
talks talk NOUN NNS 3 obl SpaceAfter=No
, , PUNCT , 10 punct
along along ADP IN 10 case
with with ADP IN 10 case
Lavrov Lavrov PROPN NNP 3 obl SpaceAfter=No
. . PUNCT . 3 punct
)");
  EXPECT_THAT(facts(r), Contains("Russians participate_in talks"));
}

// "meetings with the likes of Lavrov" (lemma "likes" or "like" as the tagger gives it): Lavrov
// took part.
TEST(Triples, TheLikesOfAPersonStandForThePerson) {
  for (const std::string lemma : {"likes", "like"}) {
    const DocumentResult r = extract(R"(
# entities = Sergey Lavrov:PERSON
officials official NOUN NNS 2 nsubj
attended attend VERB VBD 0 root
meetings meeting NOUN NNS 2 obj
with with ADP IN 6 case
the the DET DT 6 det
likes )" + lemma + R"( NOUN NN 3 nmod
of of ADP IN 8 case
Sergey Sergey PROPN NNP 6 nmod
Lavrov Lavrov PROPN NNP 8 flat SpaceAfter=No
. . PUNCT . 2 punct
)");
    EXPECT_THAT(facts(r), Contains("Sergey Lavrov participate_in meetings")) << lemma;
  }
}

// "Kupchan, Europe expert, and Graham, Russia expert, participated" with the role phrases hung
// as flat words of the first name and as a compound of the second: each comma-delimited role
// phrase after a name is its apposition, the place in it the role's organisation.
TEST(Triples, ARolePhraseBetweenCommasAfterANameIsItsApposition) {
  const DocumentResult r = extract(R"(
# entities = Charles Kupchan:PERSON; Europe:LOCATION; Thomas Graham:PERSON; Russia:LOCATION
Charles Charles PROPN NNP 15 nsubj
Kupchan Kupchan PROPN NNP 1 flat SpaceAfter=No
, , PUNCT , 4 punct
Europe Europe PROPN NNP 1 flat
expert expert NOUN NN 1 flat SpaceAfter=No
, , PUNCT , 8 punct
and and CCONJ CC 8 cc
Thomas Thomas PROPN NNP 1 conj
Graham Graham PROPN NNP 8 flat SpaceAfter=No
, , PUNCT , 11 punct
Russia Russia PROPN NNP 8 compound
expert expert NOUN NN 8 appos SpaceAfter=No
, , PUNCT , 1 punct
have have AUX VBP 15 aux
participated participate VERB VBN 0 root SpaceAfter=No
. . PUNCT . 15 punct
)");
  const auto f = facts(r);
  EXPECT_THAT(f, Contains("Charles Kupchan expert_of Europe"));
  EXPECT_THAT(f, Contains("Thomas Graham expert_of Russia"));
  // The role noun may go on with "of" phrases; the organisation closes it.
  const DocumentResult of = extract(R"(
# entities = Sergey Lavrov:PERSON; Russia:LOCATION
officials official NOUN NNS 2 nsubj
met meet VERB VBD 0 root
Sergey Sergey PROPN NNP 2 obj
Lavrov Lavrov PROPN NNP 3 flat SpaceAfter=No
, , PUNCT , 6 punct
Minister Minister PROPN NNP 2 conj
of of ADP IN 9 case
Foreign Foreign ADJ NNP 9 amod
Affairs affair NOUN NNS 6 nmod
of of ADP IN 11 case
Russia Russia PROPN NNP 9 nmod SpaceAfter=No
. . PUNCT . 2 punct
)");
  EXPECT_THAT(facts(of), Contains("Sergey Lavrov minister_of_foreign_affair_of Russia"));
  // The subject of a clause is no apposition ("Kupchan, the experts said").
  const DocumentResult subject = extract(R"(
# entities = Charles Kupchan:PERSON; Europe:LOCATION
Charles Charles PROPN NNP 7 obj
Kupchan Kupchan PROPN NNP 1 flat SpaceAfter=No
, , PUNCT , 7 punct
Europe Europe PROPN NNP 6 compound
's 's PART POS 4 case
experts expert NOUN NNS 7 nsubj
named name VERB VBD 0 root SpaceAfter=No
. . PUNCT . 7 punct
)");
  for (const std::string& fact : facts(subject)) {
    EXPECT_THAT(fact, Not(HasSubstr("expert_of"))) << fact;
  }
}

// "negotiations that could end the war in Ukraine" with "in Ukraine" hung on the verb: the
// place right after the event object is the object's, not the subject event's.
TEST(Triples, APlaceRightAfterAnEventObjectIsThatEventsPlace) {
  const DocumentResult r = extract(R"(
# entities = Ukraine:LOCATION
negotiations negotiation NOUN NNS 3 nsubj
could could AUX MD 3 aux
end end VERB VB 0 root
the the DET DT 5 det
war war NOUN NN 3 obj
in in ADP IN 7 case
Ukraine Ukraine PROPN NNP 3 obl SpaceAfter=No
. . PUNCT . 3 punct
)");
  const auto f = facts(r);
  EXPECT_THAT(f, Contains("war place Ukraine [could]"));
  EXPECT_THAT(f, Not(Contains("negotiations place Ukraine [could]")));
  // Not right after the object, the place is the clause's: both events take it.
  const DocumentResult apart = extract(R"(
# entities = Ukraine:LOCATION
In in ADP IN 2 case
Ukraine Ukraine PROPN NNP 5 obl SpaceAfter=No
, , PUNCT , 2 punct
negotiations negotiation NOUN NNS 5 nsubj
ended end VERB VBD 0 root
the the DET DT 7 det
war war NOUN NN 5 obj SpaceAfter=No
. . PUNCT . 5 punct
)");
  EXPECT_THAT(facts(apart), Contains("negotiations place Ukraine"));
  EXPECT_THAT(facts(apart), Contains("war place Ukraine"));
}

// "In a report by NBC News, officials were caught in a web of secret talks": the report's
// author reports the talks, the officials (passive, no agent) were in them, and "a web of"
// stands for the talks.
TEST(Triples, TheAuthorOfAReportReportsTheEventsOfTheClause) {
  const DocumentResult r = extract(R"(
# entities = NBC News:ORG; Russians:NORP
In in ADP IN 3 case
a a DET DT 3 det
report report NOUN NN 11 obl
by by ADP IN 5 case
NBC NBC PROPN NNP 3 nmod
News News PROPN NNP 5 flat SpaceAfter=No
, , PUNCT , 8 punct
officials official NOUN NNS 11 nsubj:pass
have have AUX VBP 11 aux
been be AUX VBN 11 aux:pass
caught catch VERB VBN 0 root
in in ADP IN 14 case
a a DET DT 14 det
web web NOUN NN 11 obl
of of ADP IN 17 case
secret secret ADJ JJ 17 amod
talks talk NOUN NNS 14 nmod
with with ADP IN 19 case
Russians Russian PROPN NNPS 17 nmod SpaceAfter=No
. . PUNCT . 11 punct
)");
  const auto f = facts(r);
  EXPECT_THAT(f, Contains("NBC News report secret talks"));
  EXPECT_THAT(f, Contains("Russians participate_in secret talks"));
  // Without the author's "by" the report is just a place in the text.
  const DocumentResult plain = extract(R"(
# entities = Russians:NORP
In in ADP IN 3 case
a a DET DT 3 det
report report NOUN NN 6 obl SpaceAfter=No
, , PUNCT , 6 punct
Russians Russian PROPN NNPS 6 nsubj
held hold VERB VBD 0 root
talks talk NOUN NNS 6 obj SpaceAfter=No
. . PUNCT . 6 punct
)");
  for (const std::string& fact : facts(plain)) {
    EXPECT_THAT(fact, Not(HasSubstr("report"))) << fact;
  }
}

// A bare singular event noun is the activity ("in diplomatic talk"), not an event; with a
// determiner, a number, a possessor, a name or in the plural it is one.
TEST(Triples, ABareSingularEventNounIsNoEvent) {
  const DocumentResult r = extract(R"(
# entities = Lavrov:PERSON
In in ADP IN 3 case
diplomatic diplomatic ADJ JJ 3 amod
talk talk NOUN NN 6 obl SpaceAfter=No
, , PUNCT , 3 punct
Lavrov Lavrov PROPN NNP 6 nsubj
joined join VERB VBD 0 root
the the DET DT 8 det
talks talk NOUN NNS 6 obj SpaceAfter=No
. . PUNCT . 6 punct
)");
  bool talks = false;
  for (const Entity& e : r.entities) {
    EXPECT_NE(e.name, "diplomatic talk");
    talks |= e.name == "talks" && e.type == EntityType::kEvent;
  }
  EXPECT_TRUE(talks);
}

// Whoever acts in or at an event took part in it; a thing does not.
TEST(Triples, ActingAtAnEventIsTakingPartInIt) {
  const DocumentResult r = extract(R"(
# entities = Sergey Lavrov:PERSON
Sergey Sergey PROPN NNP 3 nsubj
Lavrov Lavrov PROPN NNP 1 flat
spent spend VERB VBD 0 root
hours hour NOUN NNS 3 obj
at at ADP IN 7 case
the the DET DT 7 det
meeting meeting NOUN NN 3 obl SpaceAfter=No
. . PUNCT . 3 punct
)");
  const auto f = facts(r);
  EXPECT_THAT(f, Contains("Sergey Lavrov participate_in meeting"));
  EXPECT_THAT(f, Not(Contains("Sergey Lavrov spend_at meeting")));
  // Passive without agent: the subject was there.
  const DocumentResult passive = extract(R"(
# entities = Sergey Lavrov:PERSON
Sergey Sergey PROPN NNP 4 nsubj:pass
Lavrov Lavrov PROPN NNP 1 flat
was be AUX VBD 4 aux:pass
caught catch VERB VBN 0 root
in in ADP IN 7 case
the the DET DT 7 det
talks talk NOUN NNS 4 obl SpaceAfter=No
. . PUNCT . 4 punct
)");
  EXPECT_THAT(facts(passive), Contains("Sergey Lavrov participate_in talks"));
}

// "her deputy, Tomas Berg, said": the role noun with a name in apposition is the name's
// title (of whoever "her" is), not a description of its own.
TEST(Triples, ARoleNounWithANameInAppositionIsItsTitle) {
  const DocumentResult r = extract(R"(
# entities = Elena Varga:PERSON
Elena Elena PROPN NNP 3 nsubj
Varga Varga PROPN NNP 1 flat
stayed stay VERB VBD 0 root SpaceAfter=No
. . PUNCT . 3 punct

# entities = Tomas Berg:PERSON
Her her PRON PRP$ 2 nmod:poss
deputy deputy NOUN NN 7 nsubj SpaceAfter=No
, , PUNCT , 4 punct
Tomas Tomas PROPN NNP 2 appos
Berg Berg PROPN NNP 4 flat SpaceAfter=No
, , PUNCT , 2 punct
spoke speak VERB VBD 0 root SpaceAfter=No
. . PUNCT . 7 punct
)");
  EXPECT_THAT(facts(r), Contains("Tomas Berg deputy_of Elena Varga"));
}

// "Its last strike": the possessive pronoun is the event's participant once resolved, and no
// part of the event's name.
TEST(Triples, APossessivePronounOfAnEventIsItsParticipant) {
  const DocumentResult r = extract(R"(
# entities = Halden Dockers Union:ORG
The the DET DT 4 det
Halden Halden PROPN NNP 4 compound
Dockers Dockers PROPN NNPS 4 compound
Union Union PROPN NNP 5 nsubj
struck strike VERB VBD 0 root SpaceAfter=No
. . PUNCT . 5 punct

# entities = 2016:DATE
Its its PRON PRP$ 3 nmod:poss
last last ADJ JJ 3 amod
strike strike NOUN NN 4 nsubj
closed close VERB VBD 0 root
the the DET DT 6 det
port port NOUN NN 4 obj
in in ADP IN 8 case
2016 2016 NUM CD 4 obl SpaceAfter=No
. . PUNCT . 4 punct
)");
  EXPECT_THAT(facts(r), Contains("Halden Dockers Union participate_in last strike"));
  for (const Entity& e : r.entities) EXPECT_THAT(e.name, Not(HasSubstr("Its")));
}

// "the capital, Nordby, next week": a name in apposition to a place noun is a place, and a
// time in apposition is no title.
TEST(Triples, ANameInAppositionToAPlaceNounIsAPlace) {
  const DocumentResult r = extract(R"(
# entities = Elena Varga:PERSON; Nordby:PERSON; next week:DATE
Elena Elena PROPN NNP 3 nsubj
Varga Varga PROPN NNP 1 flat
met meet VERB VBD 0 root
officials official NOUN NNS 3 obj
in in ADP IN 7 case
the the DET DT 7 det
capital capital NOUN NN 3 obl SpaceAfter=No
, , PUNCT , 9 punct
Nordby Nordby PROPN NNP 7 appos SpaceAfter=No
, , PUNCT , 12 punct
next next ADJ JJ 12 amod
week week NOUN NN 9 appos SpaceAfter=No
. . PUNCT . 3 punct
)");
  for (const Entity& e : r.entities) {
    if (e.name == "Nordby") {
      EXPECT_EQ(e.type, EntityType::kLocation);
      EXPECT_THAT(e.titles, IsEmpty());
    }
  }
}

// "The chief executive of Marlow General Hospital, Simon Achebe, resigned" parsed with the
// name as the hospital's apposition: the words before the comma are the name's title and
// organisation all the same, when the name is set off by commas on both sides.
TEST(Triples, AFrontedTitleWithItsOrganisationIsReadFromTheWords) {
  const DocumentResult r = extract(R"(
# entities = Marlow General Hospital:ORG; Simon Achebe:PERSON
The the DET DT 3 det
chief chief ADJ JJ 3 amod
executive executive ADJ JJ 7 amod
of of ADP IN 5 case
Marlow Marlow PROPN NNP 7 compound
General General PROPN NNP 7 nmod:desc
Hospital Hospital PROPN NNP 12 nsubj SpaceAfter=No
, , PUNCT , 10 punct
Simon Simon PROPN NNP 10 compound
Achebe Achebe PROPN NNP 7 appos SpaceAfter=No
, , PUNCT , 7 punct
resigned resign VERB VBD 0 root SpaceAfter=No
. . PUNCT . 12 punct
)");
  EXPECT_THAT(facts(r), Contains("Simon Achebe chief_executive_of Marlow General Hospital"));
  // Not set off on both sides ("..., Simon Achebe resigned"), the words stay untitled.
  const DocumentResult open = extract(R"(
# entities = Marlow General Hospital:ORG; Simon Achebe:PERSON
The the DET DT 3 det
chief chief ADJ JJ 3 amod
executive executive ADJ JJ 7 amod
of of ADP IN 5 case
Marlow Marlow PROPN NNP 7 compound
General General PROPN NNP 7 nmod:desc
Hospital Hospital PROPN NNP 11 nsubj SpaceAfter=No
, , PUNCT , 10 punct
Simon Simon PROPN NNP 10 compound
Achebe Achebe PROPN NNP 7 appos
resigned resign VERB VBD 0 root SpaceAfter=No
. . PUNCT . 11 punct
)");
  for (const std::string& fact : facts(open)) {
    EXPECT_THAT(fact, Not(HasSubstr("chief_executive_of"))) << fact;
  }
  // What comes before a possessive 's owns the title and is no part of it.
  const DocumentResult owned = extract(R"(
# entities = Daniel Brandt:PERSON
The the DET DT 3 det
port port NOUN NN 3 compound
authority authority NOUN NN 6 nmod:poss
's 's PART POS 3 case
chief chief ADJ JJ 6 amod
executive executive ADJ JJ 11 nsubj SpaceAfter=No
, , PUNCT , 8 punct
Daniel Daniel PROPN NNP 6 appos
Brandt Brandt PROPN NNP 8 flat SpaceAfter=No
, , PUNCT , 6 punct
said say VERB VBD 0 root SpaceAfter=No
. . PUNCT . 11 punct
)");
  for (const Entity& e : owned.entities) {
    if (e.name == "Daniel Brandt") {
      EXPECT_THAT(e.titles, ::testing::ElementsAre("chief executive"));
    }
  }
}

// "Hospital staff protested ... the hospital": a one-word name capitalised only at the
// sentence start, written in lower case elsewhere, is a common noun; a person's is a name.
TEST(Triples, ASentenceInitialCommonNounIsNoName) {
  const DocumentResult r = extract(R"(
# entities = Hospital:ORG
Hospital hospital PROPN NNP 2 compound
staff staff NOUN NN 3 nsubj
protested protest VERB VBD 0 root SpaceAfter=No
. . PUNCT . 3 punct

# entities = Long:PERSON
Long Long PROPN NNP 2 nsubj
said say VERB VBD 0 root
the the DET DT 4 det
hospital hospital NOUN NN 6 nsubj
was be AUX VBD 6 cop
long long ADJ JJ 2 ccomp SpaceAfter=No
. . PUNCT . 2 punct
)");
  bool hospital = false;
  bool long_name = false;
  for (const Entity& e : r.entities) {
    hospital |= e.name == "Hospital";
    long_name |= e.name == "Long";
  }
  EXPECT_FALSE(hospital);
  EXPECT_TRUE(long_name);
}

// A role word the tagger read as an adjective still makes the apposition a title; a date in
// apposition to a title takes none.
TEST(Triples, AnAdjectiveTaggedRoleNounInAnAppositionIsATitle) {
  const DocumentResult r = extract(R"(
# entities = Daniel Brandt:PERSON
The the DET DT 3 det
chief chief ADJ JJ 3 amod
executive executive ADJ JJ 7 nsubj SpaceAfter=No
, , PUNCT , 5 punct
Daniel Daniel PROPN NNP 3 appos
Brandt Brandt PROPN NNP 5 flat SpaceAfter=No
resigned resign VERB VBD 0 root SpaceAfter=No
. . PUNCT . 7 punct

# entities = Friday:DATE; Maria Okafor:PERSON
Talks talk NOUN NNS 2 nsubj
collapsed collapse VERB VBD 0 root
on on ADP IN 4 case
Friday Friday PROPN NNP 2 obl SpaceAfter=No
, , PUNCT , 7 punct
union union NOUN NN 7 compound
leader leader NOUN NN 4 appos
Maria Maria PROPN NNP 7 appos
Okafor Okafor PROPN NNP 8 flat SpaceAfter=No
. . PUNCT . 2 punct
)");
  for (const Entity& e : r.entities) {
    if (e.name == "Daniel Brandt") {
      EXPECT_THAT(e.titles, Contains("chief executive"));
    }
    if (e.name == "Friday") {
      EXPECT_THAT(e.titles, IsEmpty());
    }
  }
}

// "Graham and Europe expert Charles Kupchan, two fellows with the CFR" with Graham hung away
// from Kupchan: the names right before the plural apposition, joined by "and", are in it.
TEST(Triples, APluralAppositionCoversTheNamesJoinedBeforeIt) {
  const DocumentResult r = extract(R"(
# entities = Thomas Graham:PERSON; Europe:LOCATION; Charles Kupchan:PERSON; Council on Foreign Relations:ORG
Lavrov Lavrov PROPN NNP 2 nsubj
met meet VERB VBD 0 root
Thomas Thomas PROPN NNP 2 obj
Graham Graham PROPN NNP 3 flat
and and CCONJ CC 7 cc
Europe Europe PROPN NNP 7 compound
expert expert NOUN NN 2 obl
Charles Charles PROPN NNP 7 appos
Kupchan Kupchan PROPN NNP 8 flat SpaceAfter=No
, , PUNCT , 12 punct
two two NUM CD 12 nummod
fellows fellow NOUN NNS 7 appos
with with ADP IN 15 case
the the DET DT 15 det
Council Council PROPN NNP 12 nmod
on on ADP IN 18 case
Foreign Foreign ADJ NNP 18 amod
Relations Relations PROPN NNPS 15 nmod SpaceAfter=No
. . PUNCT . 2 punct
)");
  const auto f = facts(r);
  EXPECT_THAT(f, Contains("Charles Kupchan fellow_of Council on Foreign Relations"));
  EXPECT_THAT(f, Contains("Thomas Graham fellow_of Council on Foreign Relations"));
}

// NER read "Northern Water Board" as an event; a name ending in "Board" is an organisation.
TEST(Triples, ANameEndingInAnOrganisationNounIsAnOrganisation) {
  const DocumentResult r = extract(R"(
# entities = Amara Nwosu:PERSON; Northern Water Board:EVENT
Amara Amara PROPN NNP 11 nsubj
Nwosu Nwosu PROPN NNP 1 flat SpaceAfter=No
, , PUNCT , 4 punct
director director NOUN NN 1 appos
of of ADP IN 8 case
Northern Northern ADJ NNP 7 amod
Water Water PROPN NNP 8 compound
Board Board PROPN NNP 4 nmod SpaceAfter=No
, , PUNCT , 1 punct
she she PRON PRP 11 nsubj
said say VERB VBD 0 root SpaceAfter=No
. . PUNCT . 11 punct
)");
  EXPECT_THAT(facts(r), Contains("Amara Nwosu director_of Northern Water Board"));
  for (const Entity& e : r.entities) {
    if (e.name == "Northern Water Board") {
      EXPECT_EQ(e.type, EntityType::kOrg);
    }
  }
}

TEST(Triples, TitleInsideTheNerSpanIsStripped) {
  // NER that tags "NWB Director Amara Nwosu" as one person still gives the name alone.
  const DocumentResult r = extract(R"(
# entities = NWB:ORG; Director Amara Nwosu:PERSON
NWB NWB PROPN NNP 2 compound
Director Director PROPN NNP 3 compound
Amara Amara PROPN NNP 5 nsubj
Nwosu Nwosu PROPN NNP 3 flat
resigned resign VERB VBD 0 root SpaceAfter=No
. . PUNCT . 5 punct
)");
  bool found = false;
  for (const Entity& e : r.entities) {
    if (e.type == EntityType::kPerson) {
      EXPECT_EQ(e.name, "Amara Nwosu");
      found = true;
    }
  }
  EXPECT_TRUE(found);
  EXPECT_THAT(facts(r), Contains("Amara Nwosu director_of NWB"));
}

TEST(Triples, ThatClauseIsAttributedToTheReporter) {
  const DocumentResult r = extract(R"(
# entities = NBC News:ORG; Lavrov:PERSON; Haass:PERSON
NBC NBC PROPN NNP 2 compound
News News PROPN NNP 3 nsubj
reported report VERB VBD 0 root
that that SCONJ IN 6 mark
Lavrov Lavrov PROPN NNP 6 nsubj
met meet VERB VBD 3 ccomp
Haass Haass PROPN NNP 6 obj SpaceAfter=No
. . PUNCT . 3 punct
)");
  EXPECT_THAT(facts(r), Contains("Lavrov meet Haass [by NBC News]"));
  EXPECT_THAT(facts(r), Not(Contains("Lavrov meet Haass")));
}

TEST(Triples, TrailingReportingClauseAttributesTheMainClause) {
  const DocumentResult r = extract(R"(
# entities = Lavrov:PERSON; Haass:PERSON; NBC News:ORG
Lavrov Lavrov PROPN NNP 2 nsubj
met meet VERB VBD 0 root
Haass Haass PROPN NNP 2 obj SpaceAfter=No
, , PUNCT , 7 punct
NBC NBC PROPN NNP 6 compound
News News PROPN NNP 7 nsubj
reported report VERB VBD 2 parataxis SpaceAfter=No
. . PUNCT . 2 punct
)");
  EXPECT_THAT(facts(r), Contains("Lavrov meet Haass [by NBC News]"));
}

TEST(Triples, QuoteWithSheSaidIsAttributedToTheResolvedSpeaker) {
  const DocumentResult r = extract(R"(
# entities = Lena Sorensen:PERSON
Lena Lena PROPN NNP 3 nsubj
Sorensen Sorensen PROPN NNP 1 flat
spoke speak VERB VBD 0 root SpaceAfter=No
. . PUNCT . 3 punct

# entities = Lavrov:PERSON; Haass:PERSON
“ “ PUNCT `` 3 punct SpaceAfter=No
Lavrov Lavrov PROPN NNP 3 nsubj
met meet VERB VBD 0 root
Haass Haass PROPN NNP 3 obj SpaceAfter=No
, , PUNCT , 3 punct SpaceAfter=No
” ” PUNCT '' 3 punct
she she PRON PRP 8 nsubj
said say VERB VBD 3 parataxis SpaceAfter=No
. . PUNCT . 3 punct
)");
  EXPECT_THAT(facts(r), Contains("Lavrov meet Haass [by Lena Sorensen]"));
}

TEST(Triples, AccordingToAttributes) {
  const DocumentResult r = extract(R"(
# entities = NBC News:ORG; Lavrov:PERSON; Haass:PERSON
According accord VERB VBG 4 case
to to ADP IN 1 fixed
NBC NBC PROPN NNP 4 compound
News News PROPN NNP 7 obl SpaceAfter=No
, , PUNCT , 4 punct
Lavrov Lavrov PROPN NNP 7 nsubj
met meet VERB VBD 0 root
Haass Haass PROPN NNP 7 obj SpaceAfter=No
. . PUNCT . 7 punct
)");
  EXPECT_THAT(facts(r), Contains("Lavrov meet Haass [by NBC News]"));
}

TEST(Triples, EventNounGetsDatePlaceAndParticipants) {
  const DocumentResult r = extract(R"(
# entities = April:DATE; New York:LOCATION; Lavrov:PERSON; Haass:PERSON
The the DET DT 3 det
April April PROPN NNP 3 compound
meeting meeting NOUN NN 11 nsubj
in in ADP IN 6 case
New New PROPN NNP 6 compound
York York PROPN NNP 3 nmod
between between ADP IN 8 case
Lavrov Lavrov PROPN NNP 3 nmod
and and CCONJ CC 10 cc
Haass Haass PROPN NNP 8 conj
lasted last VERB VBD 0 root
hours hour NOUN NNS 11 obj SpaceAfter=No
. . PUNCT . 11 punct
)");
  const auto f = facts(r);
  EXPECT_THAT(f, Contains("April meeting date April"));
  EXPECT_THAT(f, Contains("April meeting place New York"));
  EXPECT_THAT(f, Contains("Lavrov participate_in April meeting"));
  EXPECT_THAT(f, Contains("Haass participate_in April meeting"));
}

TEST(Triples, GroupHoldsTalksWithParticipants) {
  const DocumentResult r = extract(R"(
# entities = Russians:NORP
Former former ADJ JJ 2 amod
officials official NOUN NNS 3 nsubj
held hold VERB VBD 0 root
secret secret ADJ JJ 5 amod
talks talk NOUN NNS 3 obj
with with ADP IN 7 case
Russians Russians PROPN NNPS 5 nmod SpaceAfter=No
. . PUNCT . 3 punct
)");
  const auto f = facts(r);
  EXPECT_THAT(f, Contains("Former officials hold secret talks"));
  EXPECT_THAT(f, Contains("Russians participate_in secret talks"));
}

TEST(Triples, PartnersOfTheClauseTookPartInItsEvent) {
  // "with" on the verb, not the noun: the partner took part all the same.
  const DocumentResult r = extract(R"(
# entities = Russians:NORP
Former former ADJ JJ 2 amod
officials official NOUN NNS 3 nsubj
held hold VERB VBD 0 root
secret secret ADJ JJ 5 amod
talks talk NOUN NNS 3 obj
with with ADP IN 7 case
Russians Russians PROPN NNPS 3 obl SpaceAfter=No
. . PUNCT . 3 punct
)");
  EXPECT_THAT(facts(r), Contains("Russians participate_in secret talks"));
}

TEST(Triples, TalksHeldBetweenCountriesHaveThemAsParticipants) {
  const DocumentResult r = extract(R"(
# entities = United States:LOCATION; Russia:LOCATION
Talks talk NOUN NNS 4 nsubj:pass
were be AUX VBD 4 aux
being be AUX VBG 4 aux:pass
held hold VERB VBN 0 root
between between ADP IN 8 case
the the DET DT 8 det
United United PROPN NNP 8 compound
States States PROPN NNP 4 obl
and and CCONJ CC 10 cc
Russia Russia PROPN NNP 8 conj SpaceAfter=No
. . PUNCT . 4 punct
)");
  const auto f = facts(r);
  EXPECT_THAT(f, Contains("United States participate_in Talks"));
  EXPECT_THAT(f, Contains("Russia participate_in Talks"));
  EXPECT_THAT(f, Not(Contains("Talks be_hold_between Russia")));
}

TEST(Triples, DatesNerDoesNotTagDateTheEvent) {
  // No "# entities" for the dates: kg reads "April" and "2019" itself.
  const DocumentResult r = extract(R"(
# entities = Wren:PERSON
Wren Wren PROPN NNP 2 nsubj
chaired chair VERB VBD 0 root
the the DET DT 5 det
2019 2019 NUM CD 5 nummod
review review NOUN NN 2 obj
in in ADP IN 7 case
April April PROPN NNP 2 obl SpaceAfter=No
. . PUNCT . 2 punct
)");
  const auto f = facts(r);
  EXPECT_THAT(f, Contains("2019 review date April"));
  EXPECT_THAT(f, Contains("2019 review date 2019"));
}

TEST(Triples, IncludingAfterEventPartnersAddsAPartner) {
  const DocumentResult r = extract(R"(
# entities = Russians:NORP; Lavrov:PERSON
Officials official NOUN NNS 2 nsubj
held hold VERB VBD 0 root
talks talk NOUN NNS 2 obj
with with ADP IN 5 case
Russians Russians PROPN NNPS 2 obl SpaceAfter=No
, , PUNCT , 8 punct
including including ADP IN 8 case
Lavrov Lavrov PROPN NNP 2 obl SpaceAfter=No
. . PUNCT . 2 punct
)");
  const auto f = facts(r);
  EXPECT_THAT(f, Contains("Lavrov participate_in talks"));
  EXPECT_THAT(f, Contains("Russians participate_in talks"));
  EXPECT_THAT(f, Not(Contains("Officials hold Lavrov")));
}

TEST(Triples, APlaceHungOnTheClausesDateIsTheEventsPlace) {
  // "in April in New York" parsed as one phrase, New York under April.
  const DocumentResult r = extract(R"(
# entities = Lavrov:PERSON; April:DATE; New York:LOCATION
Lavrov Lavrov PROPN NNP 2 nsubj
spent spend VERB VBD 0 root
hours hour NOUN NNS 2 obj
at at ADP IN 6 case
the the DET DT 6 det
meeting meeting NOUN NN 2 obl
in in ADP IN 8 case
April April PROPN NNP 2 obl
in in ADP IN 11 case
New New PROPN NNP 11 compound
York York PROPN NNP 8 nmod SpaceAfter=No
. . PUNCT . 2 punct
)");
  const auto f = facts(r);
  EXPECT_THAT(f, Contains("meeting date April"));
  EXPECT_THAT(f, Contains("meeting place New York"));
}

TEST(Triples, EventThatInvolvesSomeoneMeansTheyTookPart) {
  const DocumentResult r = extract(R"(
# entities = Haass:PERSON
The the DET DT 2 det
meeting meeting NOUN NN 3 nsubj
involved involve VERB VBD 0 root
Haass Haass PROPN NNP 3 obj SpaceAfter=No
. . PUNCT . 3 punct
)");
  EXPECT_THAT(facts(r), Contains("Haass participate_in meeting"));
}

TEST(Triples, ModalIsKeptOnTheFact) {
  const DocumentResult r = extract(R"(
# entities = Putin:PERSON
Putin Putin PROPN NNP 3 nsubj
could could AUX MD 3 aux
end end VERB VB 0 root
the the DET DT 5 det
war war NOUN NN 3 obj SpaceAfter=No
. . PUNCT . 3 punct
)");
  EXPECT_THAT(facts(r), Contains("Putin end war [could]"));
}

TEST(Triples, PlaceIsAFactWhenItIsTheOnlyObject) {
  const DocumentResult r = extract(R"(
# entities = Graham:PERSON; Russia:LOCATION
Graham Graham PROPN NNP 2 nsubj
travelled travel VERB VBD 0 root
to to ADP IN 4 case
Russia Russia PROPN NNP 2 obl SpaceAfter=No
. . PUNCT . 2 punct
)");
  EXPECT_THAT(facts(r), Contains("Graham travel_to Russia"));
}

TEST(Triples, AlongWithJoinsTheObject) {
  const DocumentResult r = extract(R"(
# entities = Lavrov:PERSON; Haass:PERSON; Graham:PERSON
Lavrov Lavrov PROPN NNP 2 nsubj
met meet VERB VBD 0 root
Haass Haass PROPN NNP 2 obj SpaceAfter=No
, , PUNCT , 7 punct
along along ADP IN 7 case
with with ADP IN 5 fixed
Graham Graham PROPN NNP 2 obl SpaceAfter=No
. . PUNCT . 2 punct
)");
  EXPECT_THAT(facts(r), Contains("Lavrov meet Haass"));
  EXPECT_THAT(facts(r), Contains("Lavrov meet Graham"));
}

TEST(Triples, NeitherNorNegates) {
  const DocumentResult r = extract(R"(
# entities = Russia:LOCATION; US:LOCATION; Ukraine:LOCATION
neither neither CCONJ CC 2 cc:preconj
Russia Russia PROPN NNP 6 nsubj
nor nor CCONJ CC 5 cc
the the DET DT 5 det
US US PROPN NNP 2 conj
support support VERB VBP 0 root
Ukraine Ukraine PROPN NNP 6 obj SpaceAfter=No
. . PUNCT . 6 punct
)");
  EXPECT_THAT(facts(r), Contains("Russia support Ukraine [not]"));
  EXPECT_THAT(facts(r), Contains("US support Ukraine [not]"));
}

TEST(Triples, HeadlineGivesNoFacts) {
  const DocumentResult r = extract(R"(
# entities = Russians:NORP; Ukraine:LOCATION
Officials Official NOUN NNS 2 nsubj
Meet meet VERB VBP 0 root
Russians Russians PROPN NNPS 2 obj
To to PART TO 5 mark
End end VERB VB 2 advcl
Ukraine Ukraine PROPN NNP 7 compound
War war NOUN NN 5 obj
)");
  EXPECT_THAT(r.triples, IsEmpty());
}

TEST(Triples, IsHeadlineRecognisesTitleCaseOnly) {
  const auto doc = testing::parsed_document(R"(
Officials Official NOUN NNS 2 nsubj
Meet meet VERB VBP 0 root
The the DET DT 4 det
Russians Russians PROPN NNPS 2 obj

The the DET DT 2 det
officials official NOUN NNS 3 nsubj
met meet VERB VBD 0 root
the the DET DT 5 det
Russians Russians PROPN NNPS 3 obj SpaceAfter=No
. . PUNCT . 3 punct
)");
  EXPECT_TRUE(is_headline(DependencyTree(doc.sentences[0])));
  EXPECT_FALSE(is_headline(DependencyTree(doc.sentences[1])));
}

}  // namespace
}  // namespace kg::extract
