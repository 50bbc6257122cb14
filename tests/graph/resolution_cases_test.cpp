// Adversarial cases for the cross-document resolver (issue 7): each a few small map-format
// documents written by hand, asserting which local entities become one node and which stay
// apart, and for the merges the rule that took them.

#include <gtest/gtest.h>

#include "tests/support/corpus.h"
#include "tests/support/documents.h"

namespace kg::graph {
namespace {

using extract::EntityType;
using extract::LinkRule;
using kg::testing::Corpus;
using kg::testing::make_document;

constexpr EntityType kPerson = EntityType::kPerson;
constexpr EntityType kOrg = EntityType::kOrg;
constexpr EntityType kNorp = EntityType::kNorp;
constexpr EntityType kLocation = EntityType::kLocation;

bool has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

// --- surnames -----------------------------------------------------------------------------

TEST(ResolutionCases, SameSurnameDifferentPeopleStayApart) {
  const Corpus c({make_document("a", "Joe Biden spoke in Washington.", {{"Joe Biden"}}, {}),
                  make_document("b", "Hunter Biden spoke in Delaware.", {{"Hunter Biden"}}, {})});
  EXPECT_FALSE(c.same("a", "Joe Biden", "b", "Hunter Biden"));
  EXPECT_TRUE(has(c.why_apart("a", "Joe Biden", "b", "Hunter Biden"), "first names differ"));
}

TEST(ResolutionCases, BareSurnameJoinsTheOnlyPersonWithIt) {
  const Corpus c({make_document("a", "Richard Haass met Lavrov.", {{"Richard Haass"}}, {}),
                  make_document("b", "Haass said little.", {{"Haass"}}, {})});
  EXPECT_TRUE(c.same("a", "Richard Haass", "b", "Haass"));
  EXPECT_EQ(c.rule("b", "Haass"), MergeRule::kSurname);
}

TEST(ResolutionCases, BareSurnameOfTwoPersonsStaysApartFromBoth) {
  const Corpus c({make_document("a", "Joe Biden spoke.", {{"Joe Biden"}}, {}),
                  make_document("b", "Hunter Biden spoke.", {{"Hunter Biden"}}, {}),
                  make_document("c", "Biden said nothing.", {{"Biden"}}, {})});
  EXPECT_FALSE(c.same("c", "Biden", "a", "Joe Biden"));
  EXPECT_FALSE(c.same("c", "Biden", "b", "Hunter Biden"));
  const std::string why = c.why_apart("c", "Biden", "a", "Joe Biden");
  EXPECT_TRUE(has(why, "2 persons in the corpus have the surname 'Biden'")) << why;
}

TEST(ResolutionCases, SurnameIsResolvedInsideItsDocumentFirst) {
  // Corpus-wide "Biden" is ambiguous, but document a names only Joe Biden.
  const Corpus c({make_document("a", "Joe Biden arrived. Later Biden spoke.",
                                {{"Joe Biden"}, {"Biden"}}, {}),
                  make_document("b", "Hunter Biden spoke.", {{"Hunter Biden"}}, {})});
  EXPECT_TRUE(c.same("a", "Biden", "a", "Joe Biden"));
  EXPECT_EQ(c.rule("a", "Biden"), MergeRule::kInDocument);
  EXPECT_FALSE(c.same("a", "Biden", "b", "Hunter Biden"));
}

TEST(ResolutionCases, ChainsThroughBareSurnamesNeverJoinDifferentFirstNames) {
  // Each "Biden" is resolved in its own document; equal bare names must not then chain Joe
  // and Hunter together.
  const Corpus c({make_document("a", "Joe Biden arrived. Then Biden left.",
                                {{"Joe Biden"}, {"Biden"}}, {}),
                  make_document("b", "Hunter Biden arrived. Then Biden left.",
                                {{"Hunter Biden"}, {"Biden"}}, {})});
  EXPECT_TRUE(c.same("a", "Biden", "a", "Joe Biden"));
  EXPECT_TRUE(c.same("b", "Biden", "b", "Hunter Biden"));
  EXPECT_FALSE(c.same("a", "Joe Biden", "b", "Hunter Biden"));
}

TEST(ResolutionCases, FirstNamesThatDifferBlockTheSurnameRule) {
  const Corpus c({make_document("a", "Richard Haass wrote.", {{"Richard Haass"}}, {}),
                  make_document("b", "Robert Haass wrote.", {{"Robert Haass"}}, {}),
                  make_document("c", "Haass wrote again.", {{"Haass"}}, {})});
  EXPECT_FALSE(c.same("a", "Richard Haass", "b", "Robert Haass"));
  EXPECT_FALSE(c.same("c", "Haass", "a", "Richard Haass"));
  EXPECT_FALSE(c.same("c", "Haass", "b", "Robert Haass"));
}

TEST(ResolutionCases, BareNamesOfNoKnownPersonMergeWithEachOther) {
  const Corpus c({make_document("a", "Madonna sang.", {{"Madonna"}}, {}),
                  make_document("b", "MADONNA sang again.", {{"MADONNA"}}, {})});
  EXPECT_TRUE(c.same("a", "Madonna", "b", "MADONNA"));
  EXPECT_EQ(c.rule("b", "MADONNA"), MergeRule::kExactName);
}

// --- spellings and transliterations ----------------------------------------------------------

// Three outlets on the same meeting; one spells the diplomat "Haas".
std::vector<extract::DocumentResult> haass_corpus() {
  return {
      make_document("nbc", "Sergey Lavrov met Richard Haass and Charles Kupchan in New York.",
                    {{"Sergey Lavrov"}, {"Richard Haass", kPerson, {}, {"former diplomat"}},
                     {"Charles Kupchan"}, {"New York", kLocation}},
                    {{"Sergey Lavrov", "meet", "Richard Haass"}}),
      make_document("fox", "Richard Haass, Charles Kupchan and Thomas Graham met Lavrov.",
                    {{"Richard Haass", kPerson, {}, {"president of the Council on Foreign Relations"}},
                     {"Charles Kupchan"}, {"Thomas Graham"}, {"Sergey Lavrov", kPerson, {"Lavrov"}}},
                    {}),
      make_document("pravda", "Richard Haas, Charles Kupchan and Thomas Graham met Sergey Lavrov.",
                    {{"Richard Haas", kPerson, {}, {"former diplomat"}},
                     {"Charles Kupchan"}, {"Thomas Graham"}, {"Sergey Lavrov"}},
                    {{"Sergey Lavrov", "meet", "Richard Haas"}}),
  };
}

TEST(ResolutionCases, MisspellingInOneOutletOnlyJoinsWhenContextAgrees) {
  const Corpus c(haass_corpus());
  EXPECT_TRUE(c.same("pravda", "Richard Haas", "nbc", "Richard Haass"));
  EXPECT_TRUE(c.same("pravda", "Richard Haas", "fox", "Richard Haass"));
  const auto rule = c.rule("pravda", "Richard Haas");
  ASSERT_TRUE(rule);
  EXPECT_TRUE(*rule == MergeRule::kTransliteration || *rule == MergeRule::kSpelling);
  const std::string why = c.merges("nbc", "Richard Haass");
  EXPECT_TRUE(has(why, "shared title 'diplomat'")) << why;
  EXPECT_FALSE(c.same("pravda", "Richard Haas", "pravda", "Charles Kupchan"));
  EXPECT_EQ(c.graph().nodes[c.node("nbc", "Richard Haass")].label, "Richard Haass");
}

TEST(ResolutionCases, MisspellingWithoutSharedContextStaysApart) {
  const Corpus c({make_document("a", "Richard Haass met Sergey Lavrov in Vienna.",
                                {{"Richard Haass"}, {"Sergey Lavrov"}, {"Vienna", kLocation}}, {}),
                  make_document("b", "Richard Haas opened a bakery in Ohio.",
                                {{"Richard Haas"}, {"Ohio", kLocation}}, {})});
  EXPECT_FALSE(c.same("a", "Richard Haass", "b", "Richard Haas"));
  const std::string why = c.why_apart("a", "Richard Haass", "b", "Richard Haas");
  EXPECT_TRUE(has(why, "no shared context")) << why;
}

TEST(ResolutionCases, OneNameInTwoWordOrdersJoinsWhenContextAgrees) {
  // "A of the B" and "B A": one council when the articles share their context; two
  // universities that share a city's name and nothing else stay apart.
  const Corpus c(
      {make_document("a", "Haass briefed the National Security Council of the White House on Lavrov.",
                     {{"Richard Haass"}, {"National Security Council of the White House", kOrg},
                      {"Sergey Lavrov"}},
                     {}),
       make_document("b", "Haass briefed the White House National Security Council on Lavrov.",
                     {{"Richard Haass"}, {"White House National Security Council", kOrg},
                      {"Sergey Lavrov"}},
                     {}),
       make_document("c", "The University of Washington opened a lab in Seattle.",
                     {{"University of Washington", kOrg}, {"Seattle", kLocation}}, {}),
       make_document("d", "Washington University hired a dean in St. Louis.",
                     {{"Washington University", kOrg}, {"St. Louis", kLocation}}, {})});
  EXPECT_TRUE(c.same("a", "National Security Council of the White House", "b",
                     "White House National Security Council"));
  EXPECT_EQ(c.rule("b", "White House National Security Council"), MergeRule::kWordOrder);
  const std::string why = c.merges("a", "National Security Council of the White House");
  EXPECT_TRUE(has(why, "in the other word order")) << why;
  EXPECT_TRUE(has(why, "both co-occur with")) << why;
  EXPECT_FALSE(c.same("c", "University of Washington", "d", "Washington University"));
  const std::string apart = c.why_apart("c", "University of Washington", "d", "Washington University");
  EXPECT_TRUE(has(apart, "word_order considered them")) << apart;
  EXPECT_TRUE(has(apart, "no shared context")) << apart;
}

TEST(ResolutionCases, ZelenskyAndZelenskyyAreOneTransliteratedPerson) {
  const Corpus c({make_document("a", "Volodymyr Zelensky spoke in Kyiv.",
                                {{"Volodymyr Zelensky", kPerson, {}, {"Ukrainian President"}},
                                 {"Kyiv", kLocation}}, {}),
                  make_document("b", "Volodymyr Zelenskyy visited Prague.",
                                {{"Volodymyr Zelenskyy", kPerson, {}, {"Ukrainian President"}},
                                 {"Prague", kLocation}}, {}),
                  make_document("c", "Zelenskiy thanked Czech President Petr Pavel.",
                                {{"Zelenskiy"}, {"Petr Pavel", kPerson, {}, {"Czech President"}}}, {})});
  EXPECT_TRUE(c.same("a", "Volodymyr Zelensky", "b", "Volodymyr Zelenskyy"));
  EXPECT_EQ(c.rule("b", "Volodymyr Zelenskyy"), MergeRule::kTransliteration);
  EXPECT_TRUE(c.same("c", "Zelenskiy", "a", "Volodymyr Zelensky"));  // bare, transliterated
  EXPECT_FALSE(c.same("c", "Petr Pavel", "a", "Volodymyr Zelensky"));
}

TEST(ResolutionCases, TransliteratedFirstNamesAreTheSameFirstName) {
  const Corpus c({make_document("a", "Sergey Lavrov met Antony Blinken in Vienna.",
                                {{"Sergey Lavrov"}, {"Antony Blinken"}, {"Vienna", kLocation}}, {}),
                  make_document("b", "Sergei Lavrov met Antony Blinken in Vienna.",
                                {{"Sergei Lavrov"}, {"Antony Blinken"}, {"Vienna", kLocation}}, {})});
  EXPECT_TRUE(c.same("a", "Sergey Lavrov", "b", "Sergei Lavrov"));
}

TEST(ResolutionCases, YevgenyAndEvgenyAreOneTransliteratedFirstName) {
  const Corpus c({make_document("a", "Yevgeny Prigozhin led Wagner.",
                                {{"Yevgeny Prigozhin", kPerson, {}, {"Wagner chief"}}, {"Wagner", kOrg}}, {}),
                  make_document("b", "Evgeny Prigozhin led Wagner.",
                                {{"Evgeny Prigozhin", kPerson, {}, {"Wagner chief"}}, {"Wagner", kOrg}}, {})});
  EXPECT_TRUE(c.same("a", "Yevgeny Prigozhin", "b", "Evgeny Prigozhin"));
  EXPECT_EQ(c.rule("b", "Evgeny Prigozhin"), MergeRule::kTransliteration);
}

TEST(ResolutionCases, SurnamesThatDifferInTheFirstLetterStayApart) {
  const Corpus c({make_document("a", "Tom Zenikov met Anna Berg and Lena Park.",
                                {{"Tom Zenikov"}, {"Anna Berg"}, {"Lena Park"}}, {}),
                  make_document("b", "Tom Nenikov met Anna Berg and Lena Park.",
                                {{"Tom Nenikov"}, {"Anna Berg"}, {"Lena Park"}}, {})});
  EXPECT_FALSE(c.same("a", "Tom Zenikov", "b", "Tom Nenikov"));
  EXPECT_TRUE(has(c.why_apart("a", "Tom Zenikov", "b", "Tom Nenikov"), "first letter"));
}

TEST(ResolutionCases, OneLetterInTheFirstNameIsADifferentPerson) {
  const Corpus c({make_document("a", "Jon Smith met Anna Berg in Oslo.",
                                {{"Jon Smith"}, {"Anna Berg"}, {"Oslo", kLocation}}, {}),
                  make_document("b", "John Smith met Anna Berg in Oslo.",
                                {{"John Smith"}, {"Anna Berg"}, {"Oslo", kLocation}}, {})});
  EXPECT_FALSE(c.same("a", "Jon Smith", "b", "John Smith"));
  EXPECT_TRUE(has(c.why_apart("a", "Jon Smith", "b", "John Smith"), "first names differ"));
}

TEST(ResolutionCases, ShortNamesOneLetterApartStayApart) {
  const Corpus c({make_document("a", "Iran and Syria.", {{"Iran", kLocation}, {"Syria", kLocation}}, {}),
                  make_document("b", "Iraq and Syria.", {{"Iraq", kLocation}, {"Syria", kLocation}}, {})});
  EXPECT_FALSE(c.same("a", "Iran", "b", "Iraq"));
  EXPECT_TRUE(c.same("a", "Syria", "b", "Syria"));
  EXPECT_TRUE(has(c.why_apart("a", "Iran", "b", "Iraq"), "too short")) << c.why_apart("a", "Iran", "b", "Iraq");
}

TEST(ResolutionCases, OneWordNamesOneLetterApartStayApartDespiteContext) {
  const Corpus c({make_document("a", "Marinovka met Anna Berg and Lena Park.",
                                {{"Marinovka", kLocation}, {"Anna Berg"}, {"Lena Park"}}, {}),
                  make_document("b", "Marinovca met Anna Berg and Lena Park.",
                                {{"Marinovca", kLocation}, {"Anna Berg"}, {"Lena Park"}}, {})});
  EXPECT_FALSE(c.same("a", "Marinovka", "b", "Marinovca"));
  EXPECT_TRUE(c.same("a", "Anna Berg", "b", "Anna Berg"));
}

TEST(ResolutionCases, SurnamesOneLetterApartInAShortWordStayApart) {
  const Corpus c({make_document("a", "Anna Berg met Lena Park and Tom Stone in Oslo.",
                                {{"Anna Berg"}, {"Lena Park"}, {"Tom Stone"}, {"Oslo", kLocation}}, {}),
                  make_document("b", "Anna Borg met Lena Park and Tom Stone in Oslo.",
                                {{"Anna Borg"}, {"Lena Park"}, {"Tom Stone"}, {"Oslo", kLocation}}, {})});
  EXPECT_FALSE(c.same("a", "Anna Berg", "b", "Anna Borg"));
  const std::string why = c.why_apart("a", "Anna Berg", "b", "Anna Borg");
  EXPECT_TRUE(has(why, "short word")) << why;
}

TEST(ResolutionCases, NamesThatDifferInANumberStayApart) {
  const Corpus c({make_document("a", "District 9 Council met Ward Office and Lena Park.",
                                {{"District 9 Council", kOrg}, {"Ward Office", kOrg}, {"Lena Park"}}, {}),
                  make_document("b", "District 8 Council met Ward Office and Lena Park.",
                                {{"District 8 Council", kOrg}, {"Ward Office", kOrg}, {"Lena Park"}}, {})});
  EXPECT_FALSE(c.same("a", "District 9 Council", "b", "District 8 Council"));
}

// --- organisations and acronyms --------------------------------------------------------------

TEST(ResolutionCases, CouncilOnAndOfForeignRelationsAreOneOrganisation) {
  const Corpus c({make_document("a", "Richard Haass of the Council on Foreign Relations met Lavrov.",
                                {{"Richard Haass"}, {"Council on Foreign Relations", kOrg}, {"Lavrov"}}, {}),
                  make_document("b", "Richard Haass of the Council of Foreign Relations met Lavrov.",
                                {{"Richard Haass"}, {"Council of Foreign Relations", kOrg}, {"Lavrov"}}, {})});
  EXPECT_TRUE(c.same("a", "Council on Foreign Relations", "b", "Council of Foreign Relations"));
  EXPECT_EQ(c.rule("b", "Council of Foreign Relations"), MergeRule::kSpelling);
}

TEST(ResolutionCases, AcronymInOneOutletExpansionInAnotherDefinitionInAThird) {
  const Corpus c({make_document("a", "CFR fellows met Lavrov.", {{"CFR", kOrg}, {"Lavrov"}}, {}),
                  make_document("b", "The Council on Foreign Relations declined.",
                                {{"Council on Foreign Relations", kOrg}}, {}),
                  make_document("c", "The Council on Foreign Relations (CFR) said CFR is neutral.",
                                {{"Council on Foreign Relations", kOrg, {"Council on Foreign Relations", "CFR"},
                                  {}, {LinkRule::kName, LinkRule::kAcronym}}}, {})});
  EXPECT_TRUE(c.same("a", "CFR", "b", "Council on Foreign Relations"));
  EXPECT_TRUE(c.same("a", "CFR", "c", "Council on Foreign Relations"));
  EXPECT_EQ(c.rule("a", "CFR"), std::nullopt);  // first in document order: the others joined it
  EXPECT_TRUE(has(c.merges("a", "CFR"), "'CFR' stands for 'Council on Foreign Relations' in c"))
      << c.merges("a", "CFR");
}

TEST(ResolutionCases, AcronymOnlyInOneOutletJoinsByInitials) {
  const Corpus c({make_document("a", "CFR fellows met Lavrov.", {{"CFR", kOrg}, {"Lavrov"}}, {}),
                  make_document("b", "The Council on Foreign Relations declined.",
                                {{"Council on Foreign Relations", kOrg}}, {})});
  EXPECT_TRUE(c.same("a", "CFR", "b", "Council on Foreign Relations"));
  EXPECT_EQ(c.rule("b", "Council on Foreign Relations"), MergeRule::kInitials);
}

TEST(ResolutionCases, AmbiguousInitialsKeepTheAcronymApart) {
  const Corpus c({make_document("a", "CFR fellows met Lavrov.", {{"CFR", kOrg}, {"Lavrov"}}, {}),
                  make_document("b", "The Council on Foreign Relations declined.",
                                {{"Council on Foreign Relations", kOrg}}, {}),
                  make_document("c", "The Center for Fiscal Reform declined.",
                                {{"Center for Fiscal Reform", kOrg}}, {})});
  EXPECT_FALSE(c.same("a", "CFR", "b", "Council on Foreign Relations"));
  EXPECT_FALSE(c.same("a", "CFR", "c", "Center for Fiscal Reform"));
  EXPECT_FALSE(c.same("b", "Council on Foreign Relations", "c", "Center for Fiscal Reform"));
  const std::string why = c.why_apart("a", "CFR", "b", "Council on Foreign Relations");
  EXPECT_TRUE(has(why, "initials of 2 different entities")) << why;
}

TEST(ResolutionCases, ADefinitionOutweighsInitials) {
  const Corpus c({make_document("a", "CFR fellows met Lavrov.", {{"CFR", kOrg}, {"Lavrov"}}, {}),
                  make_document("b", "The Council on Foreign Relations declined.",
                                {{"Council on Foreign Relations", kOrg}}, {}),
                  make_document("c", "The Center for Fiscal Reform (CFR) declined.",
                                {{"Center for Fiscal Reform", kOrg, {"Center for Fiscal Reform", "CFR"}, {},
                                  {LinkRule::kName, LinkRule::kAcronym}}}, {})});
  EXPECT_TRUE(c.same("a", "CFR", "c", "Center for Fiscal Reform"));
  EXPECT_FALSE(c.same("a", "CFR", "b", "Council on Foreign Relations"));
}

TEST(ResolutionCases, AcronymAndExpansionInOneDocumentJoinThere) {
  const Corpus c({make_document("a", "The North Atlantic Treaty Organization met. NATO said no.",
                                {{"North Atlantic Treaty Organization", kOrg}, {"NATO", kOrg}}, {}),
                  make_document("b", "NATO ministers met.", {{"NATO", kOrg}}, {})});
  EXPECT_TRUE(c.same("a", "NATO", "a", "North Atlantic Treaty Organization"));
  EXPECT_EQ(c.rule("a", "NATO"), MergeRule::kInDocument);
  EXPECT_TRUE(c.same("b", "NATO", "a", "North Atlantic Treaty Organization"));
}

TEST(ResolutionCases, AcronymsNeverCrossTypes) {
  const Corpus c({make_document("a", "The US said.", {{"US", kLocation}}, {}),
                  make_document("b", "United Steelworkers said.", {{"United Steelworkers", kOrg}}, {}),
                  make_document("c", "The United States said.", {{"United States", kLocation}}, {})});
  EXPECT_TRUE(c.same("a", "US", "c", "United States"));
  EXPECT_FALSE(c.same("a", "US", "b", "United Steelworkers"));
}

TEST(ResolutionCases, AcronymsWithAndWithoutDotsAreOneName) {
  const Corpus c({make_document("a", "The U.N. met.", {{"U.N.", kOrg}}, {}),
                  make_document("b", "The UN met.", {{"UN", kOrg}}, {}),
                  make_document("c", "The U.S. met.", {{"U.S.", kLocation}}, {})});
  EXPECT_TRUE(c.same("a", "U.N.", "b", "UN"));
  EXPECT_EQ(c.rule("b", "UN"), MergeRule::kExactName);
  EXPECT_FALSE(c.same("a", "U.N.", "c", "U.S."));
}

TEST(ResolutionCases, PersonAndCompanySharingANameStayApart) {
  const Corpus c({make_document("a", "Tom Ford designed it.", {{"Tom Ford"}}, {}),
                  make_document("b", "Tom Ford opened a shop.", {{"Tom Ford", kOrg}}, {}),
                  make_document("c", "Ford recalled cars.", {{"Ford", kOrg}}, {}),
                  make_document("d", "Ford smiled.", {{"Ford"}}, {})});
  EXPECT_FALSE(c.same("a", "Tom Ford", "b", "Tom Ford"));
  EXPECT_TRUE(has(c.why_apart("a", "Tom Ford", "b", "Tom Ford"), "different types"));
  EXPECT_FALSE(c.same("c", "Ford", "a", "Tom Ford"));   // a company is not a surname
  EXPECT_FALSE(c.same("c", "Ford", "b", "Tom Ford"));   // nor a shared word
  EXPECT_TRUE(c.same("d", "Ford", "a", "Tom Ford"));    // the only person named Ford
}

TEST(ResolutionCases, ANameTypedLocationHereAndOrgThereIsOneEntity) {
  // NER reads the Kremlin as a place in two articles and as an organisation in a third: one
  // node, of the majority type, and the merge says why. A person of that name stays apart.
  const Corpus c({make_document("a", "Talks near the Kremlin.", {{"Kremlin", kLocation}}, {}),
                  make_document("b", "Close to the Kremlin.", {{"Kremlin", kLocation}}, {}),
                  make_document("c", "The Kremlin said no.", {{"Kremlin", kOrg}}, {}),
                  make_document("d", "Kremlin, the rapper, sang.", {{"Kremlin"}}, {})});
  EXPECT_TRUE(c.same("a", "Kremlin", "c", "Kremlin"));
  EXPECT_TRUE(c.same("b", "Kremlin", "c", "Kremlin"));
  EXPECT_EQ(c.graph().nodes[c.node("c", "Kremlin")].type, kLocation);
  EXPECT_EQ(c.rule("c", "Kremlin"), MergeRule::kExactName);
  EXPECT_TRUE(has(c.merges("c", "Kremlin"), "LOCATION in 2 local entities and ORG in 1"))
      << c.merges("c", "Kremlin");
  EXPECT_FALSE(c.same("d", "Kremlin", "a", "Kremlin"));
  // A tie goes to the type with more mentions, then to LOCATION.
  const Corpus tie({make_document("a", "Gazprom paid.", {{"Gazprom", kOrg, {"Gazprom"}}}, {}),
                    make_document("b", "In Gazprom, Gazprom.",
                                  {{"Gazprom", kLocation, {"Gazprom", "Gazprom"}}}, {})});
  EXPECT_TRUE(tie.same("a", "Gazprom", "b", "Gazprom"));
  EXPECT_EQ(tie.graph().nodes[tie.node("a", "Gazprom")].type, kLocation);
}

TEST(ResolutionCases, APersonsNameReadAsAGroupIsThatPerson) {
  // "the Vance administration": NER reads the name as a nationality or group in one article;
  // persons of that name elsewhere win, and the bare name then joins the only person of that
  // surname. A name that is mostly a group stays one ("Democrats", a person nicknamed so).
  const Corpus c(
      {make_document("a", "The Vance administration said.", {{"Vance", kNorp}}, {}),
       make_document("b", "Anna Vance spoke. Vance left.", {{"Anna Vance"}, {"Vance"}}, {}),
       make_document("c", "Vance said.", {{"Vance"}}, {}),
       make_document("d", "Democrats voted.", {{"Democrats", kNorp}}, {}),
       make_document("e", "Democrats voted again.", {{"Democrats", kNorp}}, {}),
       make_document("f", "Democrats, the boxer, won.", {{"Democrats"}}, {})});
  EXPECT_TRUE(c.same("a", "Vance", "b", "Anna Vance"));
  EXPECT_EQ(c.graph().nodes[c.node("a", "Vance")].type, kPerson);
  EXPECT_TRUE(has(c.merges("a", "Vance"), "NORP in 1 local entities and PERSON in 2"))
      << c.merges("a", "Vance");
  EXPECT_TRUE(c.same("d", "Democrats", "e", "Democrats"));
  EXPECT_FALSE(c.same("d", "Democrats", "f", "Democrats"));
  EXPECT_EQ(c.graph().nodes[c.node("d", "Democrats")].type, kNorp);
}

TEST(ResolutionCases, NamesOfOneCountryAreOneEntity) {
  // "U.S.", "America" and "United States" share no word and no initials; the list of country
  // names joins them. The demonym, a state and a person named America stay apart.
  const Corpus c({make_document("a", "U.S. officials met.", {{"U.S.", kLocation}}, {}),
                  make_document("b", "America voted.", {{"America", kLocation}}, {}),
                  make_document("c", "The United States said.", {{"United States", kLocation}}, {}),
                  make_document("d", "American troops left Georgia.",
                                {{"American", kNorp}, {"Georgia", kLocation}}, {}),
                  make_document("e", "America Ferrera acted.", {{"America Ferrera"}}, {}),
                  make_document("f", "Britain and the UK.", {{"Britain", kLocation}, {"UK", kLocation}}, {})});
  EXPECT_TRUE(c.same("a", "U.S.", "b", "America"));
  EXPECT_TRUE(c.same("b", "America", "c", "United States"));
  EXPECT_TRUE(has(c.merges("b", "America"), "in kg's list of country names")) << c.merges("b", "America");
  EXPECT_FALSE(c.same("d", "American", "b", "America"));
  EXPECT_FALSE(c.same("d", "Georgia", "b", "America"));
  EXPECT_FALSE(c.same("e", "America Ferrera", "b", "America"));
  EXPECT_TRUE(c.same("f", "Britain", "f", "UK"));
  EXPECT_FALSE(c.same("f", "UK", "a", "U.S."));
}

TEST(ResolutionCases, ACityItsCouncilAndItsNewspaperAreThreeEntities) {
  const Corpus c(
      {make_document("a", "Springfield City Council met in Springfield.",
                     {{"Springfield City Council", kOrg}, {"Springfield", kLocation}}, {}),
       make_document("b", "The Springfield Gazette reported from Springfield.",
                     {{"Springfield Gazette", kOrg}, {"Springfield", kLocation}}, {}),
       make_document("c", "The Springfield Gazette criticised Springfield City Council.",
                     {{"Springfield Gazette", kOrg}, {"Springfield City Council", kOrg}}, {})});
  EXPECT_TRUE(c.same("a", "Springfield", "b", "Springfield"));
  EXPECT_TRUE(c.same("a", "Springfield City Council", "c", "Springfield City Council"));
  EXPECT_FALSE(c.same("a", "Springfield City Council", "a", "Springfield"));
  EXPECT_FALSE(c.same("b", "Springfield Gazette", "b", "Springfield"));
  EXPECT_FALSE(c.same("c", "Springfield Gazette", "c", "Springfield City Council"));
  EXPECT_EQ(c.graph().nodes.size(), 3u);
}

TEST(ResolutionCases, LakeOrinItsTrustAndItsFriendsAreThreeEntities) {
  const Corpus c({make_document("a", "Friends of Lake Orin cleaned Lake Orin.",
                                {{"Friends of Lake Orin", kOrg}, {"Lake Orin", kLocation}}, {}),
                  make_document("b", "Orin Valley Trust bought land by Lake Orin.",
                                {{"Orin Valley Trust", kOrg}, {"Lake Orin", kLocation}}, {}),
                  make_document("c", "Orin Valley Trust and Friends of Lake Orin met.",
                                {{"Orin Valley Trust", kOrg}, {"Friends of Lake Orin", kOrg}}, {})});
  EXPECT_EQ(c.graph().nodes.size(), 3u);
  EXPECT_FALSE(c.same("c", "Orin Valley Trust", "c", "Friends of Lake Orin"));
  const std::string why = c.why_apart("c", "Orin Valley Trust", "c", "Friends of Lake Orin");
  EXPECT_TRUE(has(why, "share only the word 'orin'")) << why;
}

TEST(ResolutionCases, OrganisationsSharingAWordStayApart) {
  const Corpus c({make_document("a", "Kestrel Bank lent to Kestrel Airlines.",
                                {{"Kestrel Bank", kOrg}, {"Kestrel Airlines", kOrg}}, {}),
                  make_document("b", "Kestrel Airlines flew.", {{"Kestrel Airlines", kOrg}}, {})});
  EXPECT_FALSE(c.same("a", "Kestrel Bank", "a", "Kestrel Airlines"));
  EXPECT_TRUE(c.same("a", "Kestrel Airlines", "b", "Kestrel Airlines"));
}

TEST(ResolutionCases, ACountryAndItsDemonymAreNotMerged) {
  const Corpus c({make_document("a", "Ukraine and the Ukrainian army.",
                                {{"Ukraine", kLocation}, {"Ukrainian", EntityType::kNorp}}, {}),
                  make_document("b", "Ukrainians in Ukraine.",
                                {{"Ukrainians", EntityType::kNorp}, {"Ukraine", kLocation}}, {})});
  EXPECT_FALSE(c.same("a", "Ukraine", "a", "Ukrainian"));
  EXPECT_TRUE(c.same("a", "Ukraine", "b", "Ukraine"));
}

TEST(ResolutionCases, SameNameDifferentTypesStayApart) {
  const Corpus c({make_document("a", "Washington crossed the river.", {{"Washington"}}, {}),
                  make_document("b", "Talks in Washington.", {{"Washington", kLocation}}, {})});
  EXPECT_FALSE(c.same("a", "Washington", "b", "Washington"));
}

// --- normalisation ---------------------------------------------------------------------------

TEST(ResolutionCases, TitlesAreStrippedAndKeptAsAttributes) {
  const Corpus c({make_document("a", "Russian Foreign Minister Sergey Lavrov spoke.",
                                {{"Russian Foreign Minister Sergey Lavrov"}}, {}),
                  make_document("b", "Sergey Lavrov spoke.", {{"Sergey Lavrov"}}, {}),
                  make_document("c", "former diplomat Richard Haass wrote.",
                                {{"former diplomat Richard Haass"}}, {})});
  EXPECT_TRUE(c.same("a", "Russian Foreign Minister Sergey Lavrov", "b", "Sergey Lavrov"));
  EXPECT_EQ(c.rule("b", "Sergey Lavrov"), MergeRule::kExactName);
  const Node& lavrov = c.graph().nodes[c.node("b", "Sergey Lavrov")];
  EXPECT_EQ(lavrov.label, "Sergey Lavrov");
  EXPECT_EQ(lavrov.titles, (std::vector<std::string>{"Russian Foreign Minister"}));
  const Node& haass = c.graph().nodes[c.node("c", "former diplomat Richard Haass")];
  EXPECT_EQ(haass.label, "Richard Haass");
  EXPECT_EQ(haass.titles, (std::vector<std::string>{"former diplomat"}));
}

TEST(ResolutionCases, CaseAccentsPossessiveAndArticleDoNotMatter) {
  const Corpus c({make_document("a", "Volodymyr Zelénskyy spoke.", {{"Volodymyr Zelénskyy"}}, {}),
                  make_document("b", "VOLODYMYR ZELENSKYY's office.", {{"VOLODYMYR ZELENSKYY's"}}, {}),
                  make_document("c", "The Kremlin said.", {{"The Kremlin", kOrg}}, {}),
                  make_document("d", "Kremlin.", {{"Kremlin", kOrg}}, {})});
  EXPECT_TRUE(c.same("a", "Volodymyr Zelénskyy", "b", "VOLODYMYR ZELENSKYY's"));
  EXPECT_EQ(c.rule("b", "VOLODYMYR ZELENSKYY's"), MergeRule::kExactName);
  EXPECT_TRUE(c.same("c", "The Kremlin", "d", "Kremlin"));
}

TEST(ResolutionCases, RichardHaassHaasAndHaassAcrossThreeOutletsAreOneNode) {
  std::vector<extract::DocumentResult> docs = haass_corpus();
  docs.push_back(make_document("ap", "Haass declined to comment.", {{"Haass"}}, {}));
  const Corpus c(docs);
  const uint32_t n = c.node("nbc", "Richard Haass");
  EXPECT_EQ(c.node("pravda", "Richard Haas"), n);
  EXPECT_EQ(c.node("ap", "Haass"), n);
  EXPECT_EQ(c.node("fox", "Richard Haass"), n);
  EXPECT_EQ(c.graph().nodes[n].members.size(), 4u);
  // Every member but the first has one decision, each with a rule.
  EXPECT_EQ(c.merges("nbc", "Richard Haass").empty(), false);
}

}  // namespace
}  // namespace kg::graph
