// In-document coreference: one test per link rule, on hand-written UD trees.

#include "extract/coreference.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "tests/extract/parsed_text.h"

namespace kg::extract {
namespace {

using ::testing::Contains;
using testing::entity_of;
using testing::extract;
using testing::facts;
using testing::rule_of;

constexpr const char* kArrived = R"(
# entities = Sergey Lavrov:PERSON
Sergey Sergey PROPN NNP 3 nsubj
Lavrov Lavrov PROPN NNP 1 flat
arrived arrive VERB VBD 0 root SpaceAfter=No
. . PUNCT . 3 punct
)";

TEST(Coreference, SurnameLinksToTheFullNameNamedBefore) {
  const DocumentResult r = extract(std::string(kArrived) + R"(
# entities = Lavrov:PERSON; Haass:PERSON
Lavrov Lavrov PROPN NNP 2 nsubj
met meet VERB VBD 0 root
Haass Haass PROPN NNP 2 obj SpaceAfter=No
. . PUNCT . 2 punct
)");
  EXPECT_EQ(entity_of(r, "Lavrov", 0), "Sergey Lavrov");
  EXPECT_EQ(rule_of(r, "Lavrov", 0), "surname");
  EXPECT_THAT(facts(r), Contains("Sergey Lavrov meet Haass"));
}

TEST(Coreference, TitlePlusSurnameLinksToo) {
  const DocumentResult r = extract(std::string(kArrived) + R"(
# entities = Lavrov:PERSON
Minister Minister PROPN NNP 2 compound
Lavrov Lavrov PROPN NNP 3 nsubj
left leave VERB VBD 0 root SpaceAfter=No
. . PUNCT . 3 punct
)");
  EXPECT_EQ(entity_of(r, "Lavrov", 0), "Sergey Lavrov");
  EXPECT_EQ(rule_of(r, "Lavrov", 0), "surname");
}

TEST(Coreference, SameNameAgain) {
  const DocumentResult r = extract(std::string(kArrived) + kArrived);
  EXPECT_EQ(r.entities.size(), 1u);
  EXPECT_EQ(rule_of(r, "Sergey Lavrov", 1), "same_name");
}

TEST(Coreference, FullNameAfterSurnameJoinsAndNamesTheEntity) {
  const DocumentResult r = extract(R"(
# entities = Lavrov:PERSON
Lavrov Lavrov PROPN NNP 2 nsubj
spoke speak VERB VBD 0 root SpaceAfter=No
. . PUNCT . 2 punct
)" + std::string(kArrived));
  ASSERT_EQ(r.entities.size(), 1u);
  EXPECT_EQ(r.entities[0].name, "Sergey Lavrov");
}

TEST(Coreference, DifferentFirstNamesStayApart) {
  const DocumentResult r = extract(std::string(kArrived) + R"(
# entities = Anna Lavrov:PERSON
Anna Anna PROPN NNP 3 nsubj
Lavrov Lavrov PROPN NNP 1 flat
arrived arrive VERB VBD 0 root SpaceAfter=No
. . PUNCT . 3 punct
)");
  EXPECT_EQ(r.entities.size(), 2u);
}

constexpr const char* kBoard = R"(
# entities = Northern Water Board:ORG; NWB:ORG
The the DET DT 4 det
Northern Northern PROPN NNP 4 compound
Water Water PROPN NNP 4 compound
Board Board PROPN NNP 8 nsubj
( ( PUNCT -LRB- 6 punct SpaceAfter=No
NWB NWB PROPN NNP 4 appos SpaceAfter=No
) ) PUNCT -RRB- 6 punct
opened open VERB VBD 0 root
an a DET DT 10 det
inquiry inquiry NOUN NN 8 obj SpaceAfter=No
. . PUNCT . 8 punct
)";

TEST(Coreference, AnUntypedNameBeforeRoleNounsIsTheirOrganisation) {
  // NER missed "Pentagon" in "former Pentagon officials": a one-word name before a lower-case
  // role noun names the organisation of those people.
  const DocumentResult r = extract(R"(
# entities = Haass:PERSON
Former former ADJ JJ 3 amod
Pentagon Pentagon PROPN NNP 3 compound
officials official NOUN NNS 4 nsubj
briefed brief VERB VBD 0 root
Haass Haass PROPN NNP 4 obj SpaceAfter=No
. . PUNCT . 4 punct
)");
  const auto pentagon = std::find_if(r.entities.begin(), r.entities.end(),
                                     [](const Entity& e) { return e.name == "Pentagon"; });
  ASSERT_NE(pentagon, r.entities.end());
  EXPECT_EQ(pentagon->type, EntityType::kOrg);
}

TEST(Coreference, AcronymDefinedInParentheses) {
  const DocumentResult r = extract(std::string(kBoard) + R"(
# entities = NWB:ORG; Jonas Ferreira:PERSON
The the DET DT 2 det
NWB NWB PROPN NNP 3 nsubj
hired hire VERB VBD 0 root
Jonas Jonas PROPN NNP 3 obj
Ferreira Ferreira PROPN NNP 4 flat SpaceAfter=No
. . PUNCT . 3 punct
)");
  EXPECT_EQ(entity_of(r, "NWB", 0), "Northern Water Board");
  EXPECT_EQ(rule_of(r, "NWB", 0), "acronym");
  EXPECT_EQ(entity_of(r, "NWB", 1), "Northern Water Board");
  EXPECT_THAT(facts(r), Contains("Northern Water Board hire Jonas Ferreira"));
  EXPECT_THAT(facts(r), Contains("Northern Water Board open inquiry"));
}

TEST(Coreference, AcronymFromInitialsOfAnOrganisationNamedBefore) {
  const DocumentResult r = extract(R"(
# entities = Council on Foreign Relations:ORG
The the DET DT 2 det
Council Council PROPN NNP 6 nsubj
on on ADP IN 5 case
Foreign Foreign PROPN NNP 5 compound
Relations Relations PROPN NNPS 2 nmod
met meet VERB VBD 0 root SpaceAfter=No
. . PUNCT . 6 punct

# entities = CFR:ORG
CFR CFR PROPN NNP 2 compound
members member NOUN NNS 3 nsubj
spoke speak VERB VBD 0 root SpaceAfter=No
. . PUNCT . 3 punct
)");
  EXPECT_EQ(entity_of(r, "CFR"), "Council on Foreign Relations");
  EXPECT_EQ(rule_of(r, "CFR"), "acronym");
}

TEST(Coreference, ExpansionAfterTheAcronym) {
  const DocumentResult r = extract(R"(
# entities = CFR:ORG
The the DET DT 2 det
CFR CFR PROPN NNP 3 nsubj
met meet VERB VBD 0 root SpaceAfter=No
. . PUNCT . 3 punct

# entities = Council on Foreign Relations:ORG
The the DET DT 2 det
Council Council PROPN NNP 6 nsubj
on on ADP IN 5 case
Foreign Foreign PROPN NNP 5 compound
Relations Relations PROPN NNPS 2 nmod
spoke speak VERB VBD 0 root SpaceAfter=No
. . PUNCT . 6 punct
)");
  ASSERT_EQ(r.entities.size(), 1u);
  EXPECT_EQ(r.entities[0].name, "Council on Foreign Relations");
  EXPECT_EQ(rule_of(r, "Council on Foreign Relations"), "expansion");
}

TEST(Coreference, ShortNameOfAnOrganisation) {
  const DocumentResult r = extract(R"(
# entities = Kestrel Mining:ORG
Kestrel Kestrel PROPN NNP 2 compound
Mining Mining PROPN NNP 3 nsubj
expanded expand VERB VBD 0 root SpaceAfter=No
. . PUNCT . 3 punct

# entities = Kestrel:ORG
Kestrel Kestrel PROPN NNP 2 nsubj
grew grow VERB VBD 0 root SpaceAfter=No
. . PUNCT . 2 punct
)");
  EXPECT_EQ(entity_of(r, "Kestrel"), "Kestrel Mining");
  EXPECT_EQ(rule_of(r, "Kestrel"), "short_name");
}

TEST(Coreference, AnAcronymAloneIsNotTheLongerNameItStarts) {
  // "UN" is the parent organisation of the "U.N. Security Council", in either order.
  const DocumentResult r = extract(R"(
# entities = U.N. Security Council:ORG
U.N. U.N. PROPN NNP 3 compound
Security Security PROPN NNP 3 compound
Council Council PROPN NNP 4 nsubj
met meet VERB VBD 0 root SpaceAfter=No
. . PUNCT . 4 punct

# entities = UN:ORG
The the DET DT 2 det
UN UN PROPN NNP 3 nsubj
voted vote VERB VBD 0 root SpaceAfter=No
. . PUNCT . 3 punct

# entities = EU:ORG
EU EU PROPN NNP 2 nsubj
spoke speak VERB VBD 0 root SpaceAfter=No
. . PUNCT . 2 punct

# entities = EU Commission:ORG
EU EU PROPN NNP 2 compound
Commission Commission PROPN NNP 3 nsubj
agreed agree VERB VBD 0 root SpaceAfter=No
. . PUNCT . 3 punct
)");
  EXPECT_EQ(entity_of(r, "UN"), "UN");
  EXPECT_EQ(entity_of(r, "U.N. Security Council"), "U.N. Security Council");
  EXPECT_EQ(entity_of(r, "EU"), "EU");
  EXPECT_EQ(entity_of(r, "EU Commission"), "EU Commission");
}

TEST(Coreference, ShortNameBeforeTheFullNameAndMistypedByNer) {
  // NER typed the short form as a person and the full name as a person too: the name's last
  // word makes it an organisation, and the short form joins it.
  const DocumentResult r = extract(R"(
# entities = Kestrel:PERSON
Kestrel Kestrel PROPN NNP 2 nsubj
grew grow VERB VBD 0 root SpaceAfter=No
. . PUNCT . 2 punct

# entities = Kestrel Mining:PERSON; Environment Agency:ORG
Kestrel Kestrel PROPN NNP 2 compound
Mining Mining PROPN NNP 4 nsubj:pass
was be AUX VBD 4 aux:pass
fined fine VERB VBN 0 root
by by ADP IN 7 case
Environment Environment PROPN NNP 7 compound
Agency Agency PROPN NNP 4 obl:agent SpaceAfter=No
. . PUNCT . 4 punct
)");
  EXPECT_EQ(entity_of(r, "Kestrel", 0), "Kestrel Mining");
  EXPECT_EQ(entity_of(r, "Kestrel Mining"), "Kestrel Mining");
  EXPECT_THAT(facts(r), Contains("Environment Agency fine Kestrel Mining"));
  for (const Entity& e : r.entities) {
    if (e.name == "Kestrel Mining") {
      EXPECT_EQ(e.type, EntityType::kOrg);
    }
  }
}

TEST(Coreference, NamesNerMissedAreReadFromTitlesAndOrganisationWords) {
  const DocumentResult r = extract(R"(
# entities = Nwosu:PERSON
The the DET DT 4 det
Northern Northern ADJ JJ 4 amod
Water Water PROPN NNP 4 compound
Board Board PROPN NNP 5 nsubj
hired hire VERB VBD 0 root
Director Director PROPN NNP 8 compound
Amara Amara PROPN NNP 8 compound
Nwosu Nwosu PROPN NNP 5 obj SpaceAfter=No
. . PUNCT . 5 punct
)");
  EXPECT_THAT(facts(r), Contains("Northern Water Board hire Amara Nwosu"));
}

TEST(Coreference, NerSpansEndAtTheNameAndPluralNationalitiesAreGroups) {
  const DocumentResult r = extract(R"(
# entities = National Security Council on the outcomes:ORG
Officials official NOUN NNS 2 nsubj
briefed brief VERB VBD 0 root
the the DET DT 6 det
National National PROPN NNP 6 compound
Security Security PROPN NNP 6 compound
Council Council PROPN NNP 2 obj
on on ADP IN 9 case
the the DET DT 9 det
outcomes outcome NOUN NNS 6 nmod
of of ADP IN 13 case
talks talk NOUN NNS 13 compound
with with ADP IN 13 case
Russians Russians PROPN NNPS 9 nmod SpaceAfter=No
. . PUNCT . 2 punct
)");
  bool council = false;
  bool russians = false;
  for (const Entity& e : r.entities) {
    council |= e.name == "National Security Council" && e.type == EntityType::kOrg;
    russians |= e.name == "Russians" && e.type == EntityType::kNorp;
  }
  EXPECT_TRUE(council) << ::testing::PrintToString(facts(r));
  EXPECT_TRUE(russians);
}

TEST(Coreference, OrganisationNamedAfterItsDescriptorContainsAPlaceName) {
  const DocumentResult r = extract(R"(
# entities = Lake Orin:LOCATION
The the DET DT 3 det
environmental environmental ADJ JJ 3 amod
group group NOUN NN 4 compound
Friends friend NOUN NNS 8 nsubj
of of ADP IN 6 case
Lake Lake PROPN NNP 4 nmod
Orin Orin PROPN NNP 6 flat
welcomed welcome VERB VBD 0 root
the the DET DT 10 det
inquiry inquiry NOUN NN 8 obj SpaceAfter=No
. . PUNCT . 8 punct
)");
  EXPECT_THAT(facts(r), Contains("Friends of Lake Orin welcome inquiry"));
}

TEST(Coreference, DefiniteDescriptionToTheUniqueMatchingOrganisation) {
  const DocumentResult r = extract(std::string(kBoard) + R"(
# entities = Jonas Ferreira:PERSON
The the DET DT 2 det
board board NOUN NN 3 nsubj
questioned question VERB VBD 0 root
Jonas Jonas PROPN NNP 3 obj
Ferreira Ferreira PROPN NNP 4 flat SpaceAfter=No
. . PUNCT . 3 punct
)");
  EXPECT_EQ(entity_of(r, "board"), "Northern Water Board");
  EXPECT_EQ(rule_of(r, "board"), "description");
  EXPECT_THAT(facts(r), Contains("Northern Water Board question Jonas Ferreira"));
}

// "the hearing" ... "a second hearing": an indefinite event is a new event; a definite one
// is the event named before.
TEST(Coreference, AnIndefiniteEventIsANewEvent) {
  const DocumentResult r = extract(R"(
# entities = Elena Varga:PERSON
Elena Elena PROPN NNP 3 nsubj
Varga Varga PROPN NNP 1 flat
missed miss VERB VBD 0 root
the the DET DT 5 det
hearing hearing NOUN NN 3 obj SpaceAfter=No
. . PUNCT . 3 punct

# entities = Varga:PERSON
Varga Varga PROPN NNP 2 nsubj
attended attend VERB VBD 0 root
a a DET DT 5 det
second second ADJ JJ 5 amod
hearing hearing NOUN NN 2 obj SpaceAfter=No
. . PUNCT . 2 punct

# entities = Varga:PERSON
Varga Varga PROPN NNP 2 nsubj
described describe VERB VBD 0 root
the the DET DT 4 det
hearing hearing NOUN NN 2 obj SpaceAfter=No
. . PUNCT . 2 punct
)");
  const auto f = facts(r);
  EXPECT_THAT(f, Contains("Elena Varga miss hearing"));
  EXPECT_THAT(f, Contains("Elena Varga attend second hearing"));
  EXPECT_THAT(f, Contains("Elena Varga describe second hearing"));  // the one just named
}

TEST(Coreference, AmbiguousDescriptionStaysUnlinked) {
  const DocumentResult r = extract(R"(
# entities = Security Council:ORG; Water Council:ORG
The the DET DT 3 det
Security Security PROPN NNP 3 compound
Council Council PROPN NNP 4 nsubj
met meet VERB VBD 0 root
the the DET DT 7 det
Water Water PROPN NNP 7 compound
Council Council PROPN NNP 4 obj SpaceAfter=No
. . PUNCT . 4 punct

# entities = Lavrov:PERSON
The the DET DT 2 det
council council NOUN NN 3 nsubj
thanked thank VERB VBD 0 root
Lavrov Lavrov PROPN NNP 3 obj SpaceAfter=No
. . PUNCT . 3 punct
)");
  EXPECT_EQ(entity_of(r, "council"), "");
}

TEST(Coreference, DescriptionByTitleToThePersonWhoHoldsIt) {
  const DocumentResult r = extract(R"(
# entities = Russian:NORP; Sergey Lavrov:PERSON
Russian Russian ADJ JJ 3 amod
Foreign Foreign PROPN NNP 3 compound
Minister Minister PROPN NNP 4 compound
Sergey Sergey PROPN NNP 6 nsubj
Lavrov Lavrov PROPN NNP 4 flat
arrived arrive VERB VBD 0 root SpaceAfter=No
. . PUNCT . 6 punct

# entities = Haass:PERSON
The the DET DT 3 det
foreign foreign ADJ JJ 3 amod
minister minister NOUN NN 4 nsubj
met meet VERB VBD 0 root
Haass Haass PROPN NNP 4 obj SpaceAfter=No
. . PUNCT . 4 punct
)");
  EXPECT_EQ(entity_of(r, "foreign minister"), "Sergey Lavrov");
  EXPECT_THAT(facts(r), Contains("Sergey Lavrov meet Haass"));
}

TEST(Coreference, PronounGenderIsLearnedFromTheDocument) {
  // "He" after Ferreira alone and "She" after Nwosu alone teach their genders; the last "She"
  // then skips Ferreira, the more salient subject, for Nwosu.
  const DocumentResult r = extract(R"(
# entities = Jonas Ferreira:PERSON
Jonas Jonas PROPN NNP 3 nsubj
Ferreira Ferreira PROPN NNP 1 flat
arrived arrive VERB VBD 0 root SpaceAfter=No
. . PUNCT . 3 punct

He he PRON PRP 2 nsubj
sat sit VERB VBD 0 root SpaceAfter=No
. . PUNCT . 2 punct

# entities = Amara Nwosu:PERSON
Amara Amara PROPN NNP 3 nsubj
Nwosu Nwosu PROPN NNP 1 flat
arrived arrive VERB VBD 0 root SpaceAfter=No
. . PUNCT . 3 punct

She she PRON PRP 2 nsubj
sat sit VERB VBD 0 root SpaceAfter=No
. . PUNCT . 2 punct

# entities = Ferreira:PERSON; Nwosu:PERSON
Ferreira Ferreira PROPN NNP 2 nsubj
met meet VERB VBD 0 root
Nwosu Nwosu PROPN NNP 2 obj SpaceAfter=No
. . PUNCT . 2 punct

She she PRON PRP 2 nsubj
resigned resign VERB VBD 0 root SpaceAfter=No
. . PUNCT . 2 punct
)");
  EXPECT_EQ(entity_of(r, "He"), "Jonas Ferreira");
  EXPECT_EQ(entity_of(r, "She", 0), "Amara Nwosu");
  EXPECT_EQ(entity_of(r, "She", 1), "Amara Nwosu");
  EXPECT_EQ(rule_of(r, "She", 1), "pronoun");
}

TEST(Coreference, PronounIsNeverACoArgumentOfItsAntecedent) {
  const DocumentResult r = extract(R"(
# entities = Haass:PERSON
Haass Haass PROPN NNP 2 nsubj
arrived arrive VERB VBD 0 root SpaceAfter=No
. . PUNCT . 2 punct

# entities = Lavrov:PERSON
Lavrov Lavrov PROPN NNP 2 nsubj
met meet VERB VBD 0 root
him he PRON PRP 2 obj SpaceAfter=No
. . PUNCT . 2 punct
)");
  EXPECT_EQ(entity_of(r, "him"), "Haass");
  EXPECT_THAT(facts(r), Contains("Lavrov meet Haass"));
}

TEST(Coreference, ItGoesToAnOrganisationNotAPerson) {
  const DocumentResult r = extract(std::string(kBoard) + R"(
# entities = Jonas Ferreira:PERSON
Jonas Jonas PROPN NNP 3 nsubj
Ferreira Ferreira PROPN NNP 1 flat
said say VERB VBD 0 root
it it PRON PRP 5 nsubj
hired hire VERB VBD 3 ccomp
him he PRON PRP 5 obj SpaceAfter=No
. . PUNCT . 3 punct
)");
  EXPECT_EQ(entity_of(r, "it"), "Northern Water Board");
  EXPECT_EQ(entity_of(r, "him"), "Jonas Ferreira");
  EXPECT_THAT(facts(r), Contains("Northern Water Board hire Jonas Ferreira [by Jonas Ferreira]"));
}

TEST(Coreference, TheyGoesToAGroup) {
  const DocumentResult r = extract(R"(
# entities = Lavrov:PERSON
Former former ADJ JJ 2 amod
officials official NOUN NNS 3 nsubj
met meet VERB VBD 0 root
Lavrov Lavrov PROPN NNP 3 obj SpaceAfter=No
. . PUNCT . 3 punct

# entities = National Security Council:ORG
They they PRON PRP 2 nsubj
briefed brief VERB VBD 0 root
the the DET DT 6 det
National National PROPN NNP 6 compound
Security Security PROPN NNP 6 compound
Council Council PROPN NNP 2 obj SpaceAfter=No
. . PUNCT . 2 punct
)");
  EXPECT_EQ(entity_of(r, "They"), "Former officials");
  EXPECT_THAT(facts(r), Contains("Former officials brief National Security Council"));
}

TEST(Coreference, DefiniteGroupDescriptionJoinsTheGroup) {
  const DocumentResult r = extract(R"(
# entities = U.S.:LOCATION; Lavrov:PERSON
Former former ADJ JJ 3 amod
U.S. U.S. PROPN NNP 3 compound
officials official NOUN NNS 4 nsubj
met meet VERB VBD 0 root
Lavrov Lavrov PROPN NNP 4 obj SpaceAfter=No
. . PUNCT . 4 punct

# entities = Ukrainian:NORP
Ukrainian Ukrainian ADJ JJ 2 amod
officials official NOUN NNS 3 nsubj
objected object VERB VBD 0 root SpaceAfter=No
. . PUNCT . 3 punct

# entities = National Security Council:ORG
The the DET DT 2 det
officials official NOUN NNS 3 nsubj
briefed brief VERB VBD 0 root
the the DET DT 7 det
National National PROPN NNP 7 compound
Security Security PROPN NNP 7 compound
Council Council PROPN NNP 3 obj SpaceAfter=No
. . PUNCT . 3 punct
)");
  EXPECT_EQ(entity_of(r, "Ukrainian officials"), "Ukrainian officials");
  EXPECT_EQ(entity_of(r, "officials"), "Ukrainian officials");
  EXPECT_EQ(entity_of(r, "Former U.S. officials"), "Former U.S. officials");
}

TEST(Coreference, NameAndInstitutionNounMakeAnOrganisation) {
  const DocumentResult r = extract(R"(
# entities = Biden:PERSON
The the DET DT 3 det
Biden Biden PROPN NNP 3 compound
administration administration NOUN NN 4 nsubj
directed direct VERB VBD 0 root
the the DET DT 6 det
talks talk NOUN NNS 4 obj SpaceAfter=No
. . PUNCT . 4 punct

The the DET DT 2 det
administration administration NOUN NN 3 nsubj
ended end VERB VBD 0 root
the the DET DT 5 det
talks talk NOUN NNS 3 obj SpaceAfter=No
. . PUNCT . 3 punct
)");
  EXPECT_EQ(entity_of(r, "Biden administration"), "Biden administration");
  EXPECT_EQ(entity_of(r, "administration"), "Biden administration");
  EXPECT_THAT(facts(r), Contains("Biden administration direct talks"));
  EXPECT_THAT(facts(r), Contains("Biden administration end talks"));
}

TEST(Coreference, EveryLinkHasARuleAndASpanInTheText) {
  const DocumentResult r = extract(std::string(kBoard) + kArrived);
  for (const Mention& m : r.mentions) {
    EXPECT_LT(m.span.start, m.span.end);
    EXPECT_LE(m.span.end, r.document.text.size());
    EXPECT_GE(m.entity, 0);
    EXPECT_LT(m.entity, static_cast<int>(r.entities.size()));
  }
}

TEST(Coreference, NameMatchKeyFoldsCaseDotsAndPossessive) {
  EXPECT_EQ(name_match_key("U.S."), "us");
  EXPECT_EQ(name_match_key("Lavrov's"), "lavrov");
  EXPECT_EQ(name_match_key("The  Kremlin"), "kremlin");
}

}  // namespace
}  // namespace kg::extract
