#include "extract/entity_derivation.h"

#include <gtest/gtest.h>

#include <sstream>

#include "extract/error.h"

namespace kg::extract {
namespace {

// Hand-made sentences in GUM's format: gold tags, tree and Entity= mentions (see
// ../shared/data/ud-english-gum/README.md).
const char* const kGum =
    "# newdoc id = doc1\n"
    "# sent_id = a\n"
    "1\tRussian\tRussian\tADJ\tJJ\t_\t3\tamod\t_\tEntity=(2-event-new-nnnnn-cf1-7-sgl"
    "(1-person-new-nnnnn-cf2-4-coref-Sergey_Lavrov\n"
    "2\tForeign\tforeign\tADJ\tJJ\t_\t3\tamod\t_\t_\n"
    "3\tMinister\tminister\tPROPN\tNNP\t_\t4\tnmod:desc\t_\t_\n"
    "4\tSergey\tSergey\tPROPN\tNNP\t_\t7\tnmod:poss\t_\t_\n"
    "5\tLavrov\tLavrov\tPROPN\tNNP\t_\t4\tflat\t_\t_\n"
    "6\t's\t's\tPART\tPOS\t_\t4\tcase\t_\tEntity=1)\n"
    "7\tvisit\tvisit\tNOUN\tNN\t_\t8\tnsubj\t_\tEntity=2)\n"
    "8\tended\tend\tVERB\tVBD\t_\t0\troot\t_\t_\n"
    "9\t.\t.\tPUNCT\t.\t_\t8\tpunct\t_\t_\n"
    "\n"
    "# sent_id = b\n"
    "1\tHe\the\tPRON\tPRP\t_\t2\tnsubj\t_\tEntity=(3-person-giv-nnnnn-cf1-1-ana)\n"
    "2\tswam\tswim\tVERB\tVBD\t_\t0\troot\t_\t_\n"
    "3\tin\tin\tADP\tIN\t_\t5\tcase\t_\t_\n"
    "4\tthe\tthe\tDET\tDT\t_\t5\tdet\t_\tEntity=(4-place-new-nnnnn-cf2-2-coref-Gulf_of_Mexico\n"
    "5\tGulf\tGulf\tPROPN\tNNP\t_\t2\tobl\t_\t_\n"
    "6\tof\tof\tADP\tIN\t_\t7\tcase\t_\t_\n"
    "7\tMexico\tMexico\tPROPN\tNNP\t_\t5\tnmod\t_\tEntity=(5-place-new-nnnnn-cf3-1-coref-Mexico)4)\n"
    "8\twith\twith\tADP\tIN\t_\t10\tcase\t_\t_\n"
    "9\tco-star\tco-star\tNOUN\tNN\t_\t10\tcompound\t_\t"
    "Entity=(6-person-new-nnnnn-cf4-1-coref-Jensen_Ackles\n"
    "10\tJensen\tJensen\tPROPN\tNNP\t_\t2\tobl\t_\t_\n"
    "11\tAckles\tAckles\tPROPN\tNNP\t_\t10\tflat\t_\tEntity=6)\n"
    "12\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n"
    "\n"
    "# sent_id = c\n"
    "1\tThe\tthe\tDET\tDT\t_\t2\tdet\t_\tEntity=(7-person-new-nnnnn-cf1-2-coref\n"
    "2\tAmericans\tAmerican\tPROPN\tNNPS\t_\t3\tnsubj\t_\tEntity=7)\n"
    "3\tmet\tmeet\tVERB\tVBD\t_\t0\troot\t_\t_\n"
    "4\ton\ton\tADP\tIN\t_\t5\tcase\t_\t_\n"
    "5\tMay\tMay\tPROPN\tNNP\t_\t3\tobl\t_\tEntity=(8-time-new-nnnnn-cf2-1-sgl\n"
    "6\t28\t28\tNUM\tCD\t_\t5\tnummod\t_\t_\n"
    "7\t,\t,\tPUNCT\t,\t_\t8\tpunct\t_\t_\n"
    "8\t2006\t2006\tNUM\tCD\t_\t5\tnmod:tmod\t_\tEntity=8)\n"
    "9\tSpanish\tSpanish\tADJ\tJJ\t_\t10\tamod\t_\tEntity=(9-abstract-new-nnnnn-cf3-2-sgl\n"
    "10\tart\tart\tNOUN\tNN\t_\t3\tobj\t_\tEntity=9)\n"
    "11\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_\n"
    "\n"
    "# sent_id = d\n"
    "1\tthe\tthe\tDET\tDT\t_\t2\tdet\t_\tEntity=(10-person-new-nnnnn-cf1-2-coref-Joe_Biden\n"
    "2\tPresident\tPresident\tPROPN\tNNP\t_\t3\tnsubj\t_\tEntity=10)\n"
    "3\tthanked\tthank\tVERB\tVBD\t_\t0\troot\t_\t_\n"
    "4\tObama\tObama\tPROPN\tNNP\t_\t6\tnmod:poss\t_\t"
    "Entity=(11-organization-new-nnnnn-cf2-3-sgl(12-person-new-nnnnn-cf3-1-coref-Barack_Obama)\n"
    "5\t's\t's\tPART\tPOS\t_\t4\tcase\t_\t_\n"
    "6\tstaff\tstaff\tNOUN\tNN\t_\t3\tobj\t_\tEntity=11)\n"
    "\n";

std::vector<TreebankSentence> corpus() {
  std::istringstream in(kGum);
  return read_conllu(in, "gum.conllu");
}

std::vector<std::string> spans(const TreebankSentence& t, const EntityDeriver& d) {
  std::vector<std::string> out;
  for (const NamedEntity& e : d.derive(t)) {
    std::string text = std::string(to_string(e.type)) + ":";
    for (int i = e.first; i < e.last; ++i) text += " " + t.sentence.tokens[i].form;
    out.push_back(text);
  }
  return out;
}

TEST(EntityDerivation, ParsesNestedMentions) {
  const auto mentions = parse_gum_mentions(corpus()[1]);
  ASSERT_EQ(mentions.size(), 4u);
  // Closed in order: the pronoun, Mexico (inner), the Gulf (outer), the co-star.
  EXPECT_EQ(mentions[0].type, "person");
  EXPECT_EQ(mentions[0].first, 0);
  EXPECT_EQ(mentions[0].last, 1);
  EXPECT_EQ(mentions[1].identity, "Mexico");
  EXPECT_EQ(mentions[1].first, 6);
  EXPECT_EQ(mentions[2].identity, "Gulf_of_Mexico");
  EXPECT_EQ(mentions[2].first, 3);
  EXPECT_EQ(mentions[2].last, 7);
  EXPECT_EQ(mentions[3].first, 8);
  EXPECT_EQ(mentions[3].last, 11);
}

TEST(EntityDerivation, RejectsMalformedAnnotation) {
  TreebankSentence t = corpus()[1];
  t.entity_annotations[1] = "x(";
  EXPECT_THROW(parse_gum_mentions(t), InputError);
}

TEST(EntityDerivation, LearnsTitlesFromDescriptiveModifiers) {
  const EntityDeriver d(corpus());
  EXPECT_EQ(d.title_words(), std::set<std::string>{"minister"});
}

TEST(EntityDerivation, TrimsTitlesModifiersAndPossessives) {
  const auto all = corpus();
  const EntityDeriver d(all);
  // "Russian Foreign Minister [Sergey Lavrov] 's visit": title and modifiers out, 's out; the
  // enclosing event mention (headed by a common noun) gives nothing.
  EXPECT_EQ(spans(all[0], d), std::vector<std::string>{"PERSON: Sergey Lavrov"});
}

TEST(EntityDerivation, KeepsOuterNamesAndDropsDeterminersAndCommonNouns) {
  const auto all = corpus();
  const EntityDeriver d(all);
  // "the [Gulf of Mexico]" wins over the nested "Mexico"; "co-star [Jensen Ackles]"; the
  // pronoun mention gives nothing.
  EXPECT_EQ(spans(all[1], d),
            (std::vector<std::string>{"LOCATION: Gulf of Mexico", "PERSON: Jensen Ackles"}));
}

TEST(EntityDerivation, DerivesGroupsDatesAndNationalityAdjectives) {
  const auto all = corpus();
  const EntityDeriver d(all);
  EXPECT_EQ(spans(all[2], d), (std::vector<std::string>{"NORP: Americans", "DATE: May 28 , 2006",
                                                        "NORP: Spanish"}));
}

TEST(EntityDerivation, SkipsDescriptionsButKeepsPossessors) {
  const auto all = corpus();
  const EntityDeriver d(all);
  // "the President" is a description even with an identity; "[Obama] 's staff".
  EXPECT_EQ(spans(all[3], d), std::vector<std::string>{"PERSON: Obama"});
}

TEST(EntityDerivation, DecodesIdentityWords) {
  EXPECT_EQ(identity_words("Phoenix%2C_Arizona"), (std::set<std::string>{"phoenix", "arizona"}));
  EXPECT_EQ(identity_words("Anonymous_%28group%29"), std::set<std::string>{"anonymous"});
}

}  // namespace
}  // namespace kg::extract
