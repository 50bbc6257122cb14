#include "extract/ner.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <algorithm>
#include <iterator>

#include "extract/error.h"
#include "extract/name_typer.h"
#include "extract/ner_corpus.h"
#include "extract/ner_train.h"

namespace kg::extract {
namespace {

std::string temp_path(const std::string& name) {
  return (std::filesystem::temp_directory_path() /
          (name + "-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed())))
      .string();
}

NerCorpus tiny_corpus() {
  return read_ner_corpora({std::string(KG_TEST_DATA_DIR) + "/ner/tiny.conllu"});
}

// The words of `corpus`, as train_ner() counts capitalisation from them.
std::vector<std::vector<std::string>> raw_words(const NerCorpus& corpus) {
  std::vector<std::vector<std::string>> raw;
  for (const Sentence& s : corpus.sentences) {
    raw.emplace_back();
    for (const Token& t : s.tokens) raw.back().push_back(t.form);
  }
  return raw;
}

// The bytes of `ner`'s model file.
std::string model_bytes(const Ner& ner, const std::string& name) {
  const std::string path = temp_path(name);
  ner.save(path);
  std::ifstream in(path, std::ios::binary);
  std::string content((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::filesystem::remove(path);
  return content;
}

// Trains on the tiny committed fixture (tests/fixtures/ner/make_tiny.py) once per run.
const Ner& tiny_model() {
  static const std::unique_ptr<Ner> model = [] {
    const NerCorpus train = tiny_corpus();
    const std::vector<std::vector<std::string>> raw = raw_words(train);
    NerTrainOptions options;
    options.epochs = 8;
    options.lowercase_fraction = 0.0;
    options.self_training_rounds = 0;
    return train_ner(train, train, raw, {}, NerCorpus{}, options);
  }();
  return *model;
}

Sentence tagged(const std::vector<std::pair<std::string, Upos>>& words) {
  Sentence s;
  for (const auto& [form, upos] : words) {
    Token t;
    t.form = form;
    t.upos = upos;
    t.xpos = upos == Upos::kPropn ? Xpos::kNNP : upos == Upos::kPunct ? Xpos::kPeriod : Xpos::kVBD;
    s.tokens.push_back(t);
  }
  return s;
}

std::vector<std::string> names(const Sentence& s) {
  std::vector<std::string> out;
  for (const NamedEntity& e : s.entities) {
    std::string text = std::string(to_string(e.type)) + ":";
    for (int i = e.first; i < e.last; ++i) text += " " + s.tokens[i].form;
    out.push_back(text);
  }
  return out;
}

TEST(Ner, EncodesAndDecodesBilou) {
  Sentence s;
  s.tokens.resize(6);
  s.entities = {{0, 1, EntityType::kPerson}, {2, 5, EntityType::kOrg}};
  const std::vector<int> classes = ner::encode(s);
  EXPECT_EQ(ner::class_name(classes[0]), "U-PERSON");
  EXPECT_EQ(ner::class_name(classes[1]), "O");
  EXPECT_EQ(ner::class_name(classes[2]), "B-ORG");
  EXPECT_EQ(ner::class_name(classes[3]), "I-ORG");
  EXPECT_EQ(ner::class_name(classes[4]), "L-ORG");
  const auto back = ner::decode(classes);
  ASSERT_EQ(back.size(), 2u);
  EXPECT_EQ(back[1].first, 2);
  EXPECT_EQ(back[1].last, 5);
  EXPECT_TRUE(ner::allowed(classes[2], classes[3]));
  EXPECT_FALSE(ner::allowed(classes[2], ner::kOutside));
  EXPECT_FALSE(ner::allowed(ner::kOutside, classes[3]));
  EXPECT_FALSE(ner::allowed(classes[2], ner::class_of(EntityType::kPerson, ner::Position::kLast)));
}

TEST(Ner, TrimsTitlesAndPossessivesFromSpans) {
  ner::NerResources r;
  r.titles = {"president"};
  Sentence s = tagged({{"President", Upos::kPropn}, {"Lincoln", Upos::kPropn},
                       {"'s", Upos::kPart}, {"speech", Upos::kNoun}});
  std::vector<NamedEntity> spans = {{0, 3, EntityType::kPerson}, {0, 1, EntityType::kOrg}};
  ner::trim_entities(s, r, spans);
  ASSERT_EQ(spans.size(), 2u);
  EXPECT_EQ(spans[0].first, 1);
  EXPECT_EQ(spans[0].last, 2);
  EXPECT_EQ(spans[1].last, 1);  // titles are trimmed from PERSON spans only
}

TEST(Ner, ALineOfOnlyAProperNounIsAPerson) {
  ner::NerResources r;
  r.titles = {"president"};
  r.words = ner::WordLexicon(
      {{"thanks", ner::WordInfo{0, 0, 1}}, {"traci", ner::WordInfo{0, 0, 4}}});
  r.gazetteer.add({"reuters"}, EntityType::kOrg, 0);
  r.gazetteer.finish();
  auto line = [](std::vector<std::pair<std::string, Upos>> words) { return tagged(words); };
  const auto traci = ner::lone_name_line(line({{"Traci", Upos::kPropn}, {",", Upos::kPunct}}), r);
  ASSERT_TRUE(traci.has_value());
  EXPECT_EQ(traci->first, 0);
  EXPECT_EQ(traci->last, 1);
  EXPECT_EQ(traci->type, EntityType::kPerson);
  const auto two = ner::lone_name_line(line({{"Jill", Upos::kPropn}, {"Smith", Upos::kPropn}}), r);
  ASSERT_TRUE(two.has_value());
  EXPECT_EQ(two->last, 2);
  // Not: a word written in lower case in raw text, a title, a word in capitals, a known
  // organisation, no proper noun, three words, or a word after the last mark.
  EXPECT_FALSE(ner::lone_name_line(line({{"Thanks", Upos::kPropn}, {",", Upos::kPunct}}), r));
  EXPECT_FALSE(ner::lone_name_line(line({{"President", Upos::kPropn}}), r));
  EXPECT_FALSE(ner::lone_name_line(line({{"WASHINGTON", Upos::kPropn}}), r));
  EXPECT_FALSE(ner::lone_name_line(line({{"Reuters", Upos::kPropn}}), r));
  EXPECT_FALSE(ner::lone_name_line(line({{"Oops", Upos::kIntj}, {".", Upos::kPunct}}), r));
  EXPECT_FALSE(ner::lone_name_line(
      line({{"Anna", Upos::kPropn}, {"Maria", Upos::kPropn}, {"Lopez", Upos::kPropn}}), r));
  EXPECT_FALSE(ner::lone_name_line(
      line({{"Traci", Upos::kPropn}, {",", Upos::kPunct}, {"Jill", Upos::kPropn}}), r));
}

TEST(Ner, ANameRunOnIntoADateEndsBeforeIt) {
  Sentence s = tagged({{"Marlow", Upos::kPropn}, {"on", Upos::kAdp},
                       {"Wednesday", Upos::kPropn}, {"morning", Upos::kNoun}});
  NamedEntity e{0, 4, EntityType::kLocation};
  const std::optional<NamedEntity> date = ner::split_trailing_date(s, e);
  ASSERT_TRUE(date.has_value());
  EXPECT_EQ(e.last, 1);
  EXPECT_EQ(date->first, 2);
  EXPECT_EQ(date->last, 4);
  EXPECT_EQ(date->type, EntityType::kDate);
  // A preposition inside a name before no calendar word, or a date itself, stays whole.
  Sentence council = tagged({{"Council", Upos::kPropn}, {"on", Upos::kAdp},
                             {"Foreign", Upos::kPropn}, {"Relations", Upos::kPropn}});
  NamedEntity org{0, 4, EntityType::kOrg};
  EXPECT_FALSE(ner::split_trailing_date(council, org).has_value());
  EXPECT_EQ(org.last, 4);
  Sentence fourth = tagged({{"Fourth", Upos::kPropn}, {"of", Upos::kAdp}, {"July", Upos::kPropn}});
  NamedEntity holiday{0, 3, EntityType::kDate};
  EXPECT_FALSE(ner::split_trailing_date(fourth, holiday).has_value());
}

TEST(Ner, ANameOfOneTypeInTheTrainingNamesTakesThatType) {
  ner::Gazetteer g;
  g.add({"israel"}, EntityType::kLocation, 0);
  g.add({"israel"}, EntityType::kLocation, 1);
  g.add({"washington"}, EntityType::kPerson, 0);
  g.add({"washington"}, EntityType::kLocation, 1);
  g.add({"new", "york", "times"}, EntityType::kOrg, 2);
  g.finish();
  Sentence s = tagged({{"Israel", Upos::kPropn}, {"and", Upos::kCconj},
                       {"Washington", Upos::kPropn}, {"read", Upos::kVerb}, {"the", Upos::kDet},
                       {"NEW", Upos::kPropn}, {"York", Upos::kPropn}, {"Times", Upos::kPropn},
                       {"Monday", Upos::kPropn}});
  EXPECT_EQ(ner::gazetteer_type(s, g, {0, 1, EntityType::kPerson}), EntityType::kLocation);
  // Two types in the training names: the model's stays.
  EXPECT_EQ(ner::gazetteer_type(s, g, {2, 3, EntityType::kPerson}), EntityType::kPerson);
  // Whole names only, case-folded.
  EXPECT_EQ(ner::gazetteer_type(s, g, {5, 8, EntityType::kLocation}), EntityType::kOrg);
  EXPECT_EQ(ner::gazetteer_type(s, g, {5, 7, EntityType::kPerson}), EntityType::kPerson);
  // Not in the list, or a date: unchanged.
  EXPECT_EQ(ner::gazetteer_type(s, g, {8, 9, EntityType::kDate}), EntityType::kDate);
  EXPECT_EQ(ner::gazetteer_type(s, g, {3, 4, EntityType::kOrg}), EntityType::kOrg);
}

TEST(Ner, ANameWrittenWithTheArticleIsNoPersonInItsDocument) {
  ner::NerResources r;
  r.titles = {"president"};
  ner::DocumentTypes types(r);
  auto scores = [](EntityType best) {
    std::array<float, ner::kNumTypes> s{};
    s.fill(-5.0f);
    s[static_cast<int>(best)] = 0.0f;
    float& location = s[static_cast<int>(EntityType::kLocation)];
    location = std::max(location, -1.0f);
    return s;
  };
  // A headline reads "close to Kremlin" as a person, strongly; the body says "the Kremlin ,".
  const Sentence headline =
      tagged({{"close", Upos::kAdj}, {"to", Upos::kAdp}, {"Kremlin", Upos::kPropn}});
  const Sentence body = tagged({{"near", Upos::kAdp}, {"the", Upos::kDet},
                                {"Kremlin", Upos::kPropn}, {",", Upos::kPunct}});
  // "the Biden administration": the article belongs to the noun after the name.
  const Sentence administration = tagged({{"the", Upos::kDet}, {"Biden", Upos::kPropn},
                                          {"administration", Upos::kNoun}});
  const Sentence president =
      tagged({{"the", Upos::kDet}, {"President", Upos::kPropn}, {"Biden", Upos::kPropn}});
  EXPECT_TRUE(types.article_headed(body, {2, 3, EntityType::kLocation}));
  EXPECT_FALSE(types.article_headed(headline, {2, 3, EntityType::kPerson}));
  EXPECT_FALSE(types.article_headed(administration, {1, 2, EntityType::kPerson}));
  EXPECT_FALSE(types.article_headed(president, {1, 3, EntityType::kPerson}));

  types.add(headline, {{2, 3, EntityType::kPerson}}, {scores(EntityType::kPerson)});
  types.add(headline, {{2, 3, EntityType::kPerson}}, {scores(EntityType::kPerson)});
  types.add(body, {{2, 3, EntityType::kPerson}}, {scores(EntityType::kPerson)});
  types.add(administration, {{1, 2, EntityType::kPerson}}, {scores(EntityType::kPerson)});
  std::vector<NamedEntity> found = {{2, 3, EntityType::kPerson}};
  types.retype(headline, found);
  EXPECT_EQ(found[0].type, EntityType::kLocation);  // the best type other than PERSON
  found = {{1, 2, EntityType::kPerson}};
  types.retype(administration, found);
  EXPECT_EQ(found[0].type, EntityType::kPerson);
}

TEST(Ner, ANameEndsBeforeTheLowerCaseNounsItModifies) {
  const Sentence s = tagged({{"the", Upos::kDet}, {"Biden", Upos::kPropn},
                             {"administration", Upos::kNoun}, {"said", Upos::kVerb}});
  NamedEntity e{1, 3, EntityType::kOrg};
  EXPECT_TRUE(ner::trim_common_head(s, e));
  EXPECT_EQ(e.first, 1);
  EXPECT_EQ(e.last, 2);
  // Capitalised words stay ("Council on Foreign Relations"), and so does a name written all
  // in lower case ("tampa bay": web text), and a one-word name.
  const Sentence council = tagged({{"Foreign", Upos::kPropn}, {"Affairs", Upos::kPropn}});
  NamedEntity c{0, 2, EntityType::kWork};
  EXPECT_FALSE(ner::trim_common_head(council, c));
  EXPECT_EQ(c.last, 2);
  const Sentence lower = tagged({{"tampa", Upos::kPropn}, {"bay", Upos::kNoun}});
  NamedEntity l{0, 2, EntityType::kLocation};
  EXPECT_FALSE(ner::trim_common_head(lower, l));
  NamedEntity one{2, 3, EntityType::kOrg};
  EXPECT_FALSE(ner::trim_common_head(s, one));
}

TEST(Ner, ADateEndsBeforeACommonNounThatIsNoTimeAndTheNameAfterTakesItsWordsBack) {
  // "an April meeting in New York": the model's "[April meeting in New]" DATE + "[York]".
  const Sentence s = tagged({{"an", Upos::kDet}, {"April", Upos::kPropn},
                             {"meeting", Upos::kNoun}, {"in", Upos::kAdp},
                             {"New", Upos::kPropn}, {"York", Upos::kPropn}});
  std::vector<NamedEntity> spans = {{1, 5, EntityType::kDate}, {5, 6, EntityType::kLocation}};
  ASSERT_TRUE(ner::trim_date(s, spans[0]));
  EXPECT_EQ(spans[0].first, 1);
  EXPECT_EQ(spans[0].last, 2);
  std::vector<bool> freed(s.tokens.size(), false);
  for (int i = 2; i < 5; ++i) freed[i] = true;
  EXPECT_TRUE(ner::reclaim_freed_words(s, freed, spans).empty());
  EXPECT_EQ(spans[1].first, 4);  // "New York"
  EXPECT_EQ(spans[1].last, 6);
  // Without a name after them, freed proper nouns are a name of their own, to be typed.
  std::vector<NamedEntity> alone = {{1, 2, EntityType::kDate}};
  const auto left = ner::reclaim_freed_words(s, freed, alone);
  ASSERT_EQ(left.size(), 1u);
  EXPECT_EQ(left[0].first, 4);
  EXPECT_EQ(left[0].last, 5);
  // Time words, decades, eras and other types are left alone; a date of only a noun's
  // article goes ("[the end] of the war" -> nothing).
  const Sentence week = tagged({{"last", Upos::kAdj}, {"week", Upos::kNoun}});
  NamedEntity w{0, 2, EntityType::kDate};
  EXPECT_FALSE(ner::trim_date(week, w));
  const Sentence decade = tagged({{"the", Upos::kDet}, {"1990s", Upos::kNoun}});
  NamedEntity d{0, 2, EntityType::kDate};
  EXPECT_FALSE(ner::trim_date(decade, d));
  const Sentence april = tagged({{"April", Upos::kPropn}, {"in", Upos::kAdp},
                                 {"New", Upos::kPropn}, {"York", Upos::kPropn}});
  NamedEntity a{0, 2, EntityType::kDate};
  ASSERT_TRUE(ner::trim_date(april, a));
  EXPECT_EQ(a.last, 1);
  NamedEntity whole{0, 4, EntityType::kDate};
  ASSERT_TRUE(ner::trim_date(april, whole));
  EXPECT_EQ(whole.last, 1);
  const Sentence july = tagged({{"the", Upos::kDet}, {"Fourth", Upos::kPropn},
                                {"of", Upos::kAdp}, {"July", Upos::kPropn}});
  NamedEntity j{0, 4, EntityType::kDate};
  EXPECT_FALSE(ner::trim_date(july, j));
  NamedEntity org{1, 5, EntityType::kOrg};
  EXPECT_FALSE(ner::trim_date(s, org));
  const Sentence end = tagged({{"the", Upos::kDet}, {"end", Upos::kNoun}, {"of", Upos::kAdp},
                               {"the", Upos::kDet}, {"war", Upos::kNoun}});
  NamedEntity e{0, 5, EntityType::kDate};
  ASSERT_TRUE(ner::trim_date(end, e));
  EXPECT_EQ(e.first, e.last);
}

TEST(Ner, KeepsTheEllipticalPossessiveOfBusinessNames) {
  const ner::NerResources r;
  auto with_pos = [](Sentence s) {
    for (Token& t : s.tokens) {
      if (t.form == "'s") t.xpos = Xpos::kPOS;
    }
    return s;
  };
  // "going to Del Frisco 's for dinner": nothing possessed, so the 's is the name's; the
  // person reading becomes the restaurant's LOCATION.
  const Sentence dinner = with_pos(tagged({{"going", Upos::kVerb}, {"to", Upos::kAdp},
                                           {"Del", Upos::kPropn}, {"Frisco", Upos::kPropn},
                                           {"'s", Upos::kPart}, {"for", Upos::kAdp},
                                           {"dinner", Upos::kNoun}}));
  std::vector<NamedEntity> spans = {{2, 4, EntityType::kPerson}};
  ner::trim_entities(dinner, r, spans);
  ASSERT_EQ(spans.size(), 1u);
  EXPECT_EQ(spans[0].last, 5);
  EXPECT_EQ(spans[0].type, EntityType::kLocation);
  // An ORG at the end of the sentence keeps its 's; so does one before a verb.
  const Sentence closed = with_pos(tagged({{"Wendy", Upos::kPropn}, {"'s", Upos::kPart},
                                           {"closed", Upos::kVerb}, {".", Upos::kPunct}}));
  spans = {{0, 1, EntityType::kOrg}};
  ner::trim_entities(closed, r, spans);
  ASSERT_EQ(spans.size(), 1u);
  EXPECT_EQ(spans[0].last, 2);
  EXPECT_EQ(spans[0].type, EntityType::kOrg);
  // "Britain 's economy": a possessor; and a person without a preposition before it
  // ("Lavrov 's ." in a list) stays a person without the 's.
  const Sentence economy = with_pos(tagged({{"Britain", Upos::kPropn}, {"'s", Upos::kPart},
                                            {"economy", Upos::kNoun}}));
  spans = {{0, 1, EntityType::kLocation}};
  ner::trim_entities(economy, r, spans);
  EXPECT_EQ(spans[0].last, 1);
  const Sentence lavrov = with_pos(tagged({{"Lavrov", Upos::kPropn}, {"'s", Upos::kPart},
                                           {".", Upos::kPunct}}));
  spans = {{0, 1, EntityType::kPerson}};
  ner::trim_entities(lavrov, r, spans);
  EXPECT_EQ(spans[0].last, 1);
  EXPECT_EQ(spans[0].type, EntityType::kPerson);
  // A date is never extended.
  spans = {{0, 1, EntityType::kDate}};
  ner::trim_entities(closed, r, spans);
  EXPECT_EQ(spans[0].last, 1);
}

TEST(Ner, TrimsOfficesFromPersons) {
  ner::NerResources r;
  r.titles = {"king", "minister", "secretary"};
  r.words = ner::WordLexicon({{"state", {0, 0, 1}}, {"foreign", {0, 0, 2}}, {"antony", {0, 0, 4}}});
  r.gazetteer.add({"martin", "luther"}, EntityType::kPerson, 0);
  r.gazetteer.finish();
  auto words = [](const std::vector<std::string>& forms) {
    std::vector<std::pair<std::string, Upos>> out;
    for (const std::string& f : forms) out.push_back({f, Upos::kPropn});
    return tagged(out);
  };
  // "U.S. Secretary of State Antony Blinken": the office goes, the name stays.
  Sentence s = words({"U.S.", "Secretary", "of", "State", "Antony", "Blinken"});
  std::vector<NamedEntity> spans = {{0, 6, EntityType::kPerson}};
  ner::trim_entities(s, r, spans);
  ASSERT_EQ(spans.size(), 1u);
  EXPECT_EQ(spans[0].first, 4);
  // "Foreign Minister" alone is an office, not a person.
  Sentence o = words({"Foreign", "Minister"});
  spans = {{0, 2, EntityType::kPerson}};
  ner::trim_entities(o, r, spans);
  EXPECT_TRUE(spans.empty());
  // A title word after a word of a known person's name is part of the name.
  Sentence m = words({"Martin", "King"});
  spans = {{0, 2, EntityType::kPerson}};
  ner::trim_entities(m, r, spans);
  ASSERT_EQ(spans.size(), 1u);
  EXPECT_EQ(spans[0].first, 0);
  EXPECT_EQ(spans[0].last, 2);
}

TEST(Ner, SplitsTheOfficeAndThePersonOutOfANameOfAnotherType) {
  ner::NerResources r;
  r.titles = {"king", "secretary"};
  r.words = ner::WordLexicon({{"state", ner::WordInfo{0, 0, 2}}});
  auto split = [&](const std::vector<std::string>& forms, EntityType type) {
    Sentence s;
    for (const std::string& f : forms) {
      s.tokens.emplace_back();
      s.tokens.back().form = f;
    }
    const NamedEntity e{0, static_cast<int>(forms.size()), type};
    const auto found = ner::split_office(s, r, e);
    const NamedEntity before = found ? found->before : e;
    std::string out = "[" + std::to_string(before.first) + "," + std::to_string(before.last) + ")";
    if (found) {
      EXPECT_EQ(found->before.type, type);
      EXPECT_EQ(found->person.type, EntityType::kPerson);
      out += " person [" + std::to_string(found->person.first) + "," +
             std::to_string(found->person.last) + ")";
    }
    return out;
  };
  // "of" and a word mostly written in lower case ("State") belong to the office.
  EXPECT_EQ(split({"U.S.", "Secretary", "of", "State", "Antony", "Blinken"}, EntityType::kOrg),
            "[0,1) person [4,6)");
  EXPECT_EQ(split({"Secretary", "Blinken"}, EntityType::kLocation), "[0,0) person [1,2)");
  // Nothing after the office, a lower-case word, five words, or a person already: no split.
  EXPECT_EQ(split({"U.S.", "Secretary"}, EntityType::kOrg), "[0,2)");
  EXPECT_EQ(split({"Secretary", "general"}, EntityType::kOrg), "[0,2)");
  EXPECT_EQ(split({"Secretary", "A", "B", "C", "D", "E"}, EntityType::kOrg), "[0,6)");
  EXPECT_EQ(split({"Secretary", "Blinken"}, EntityType::kPerson), "[0,2)");
  EXPECT_EQ(split({"Secretary", "Blinken"}, EntityType::kDate), "[0,2)");
}

TEST(Ner, AOneWordPersonBeforeALowerCaseNounIsAModifier) {
  auto modifier = [](const std::vector<std::pair<std::string, Upos>>& words, NamedEntity e) {
    return ner::person_modifier(tagged(words), e);
  };
  const NamedEntity hamas{0, 1, EntityType::kPerson};
  EXPECT_TRUE(modifier({{"Hamas", Upos::kPropn}, {"leaders", Upos::kNoun}}, hamas));
  // Not before a proper noun, a verb or the end; not a name of two words or of another type;
  // not in text without capitals.
  EXPECT_FALSE(modifier({{"Hamas", Upos::kPropn}, {"Leaders", Upos::kNoun}}, hamas));
  EXPECT_FALSE(modifier({{"Hamas", Upos::kPropn}, {"said", Upos::kVerb}}, hamas));
  EXPECT_FALSE(modifier({{"Hamas", Upos::kPropn}}, hamas));
  EXPECT_FALSE(modifier({{"John", Upos::kPropn}, {"Smith", Upos::kPropn}, {"fans", Upos::kNoun}},
                        NamedEntity{0, 2, EntityType::kPerson}));
  EXPECT_FALSE(modifier({{"Houston", Upos::kPropn}, {"refinery", Upos::kNoun}},
                        NamedEntity{0, 1, EntityType::kLocation}));
  EXPECT_FALSE(modifier({{"hamas", Upos::kPropn}, {"leaders", Upos::kNoun}}, hamas));
}

TEST(Ner, LearnsTheTinyFixture) {
  const NerCorpus gold = tiny_corpus();
  const NerEvaluation e = evaluate_ner(tiny_model(), gold);
  EXPECT_EQ(e.overall.gold, 35u);  // 5 x (2 + 2 + 3) names
  EXPECT_DOUBLE_EQ(e.overall.f1(), 1.0);
}

// Trained with every name replaced in every epoch, the model still learns the fixture's
// names from their contexts and the pool's names; and it is not the model trained without.
TEST(Ner, LearnsTheTinyFixtureWithMentionReplacement) {
  const NerCorpus train = tiny_corpus();
  NerTrainOptions options;
  options.epochs = 8;
  options.lowercase_fraction = 0.0;
  options.mention_replacement = 1.0;
  const auto model = train_ner(train, train, raw_words(train), {}, NerCorpus{}, options);
  const NerEvaluation e = evaluate_ner(*model, train);
  EXPECT_EQ(e.overall.gold, 35u);
  EXPECT_GE(e.overall.f1(), 0.9);
  EXPECT_NE(model_bytes(*model, "kg-ner-replaced"), model_bytes(tiny_model(), "kg-ner-tiny"));
}

TEST(Ner, AnEnsembleIsTheMeanOfItsMembers) {
  const NerCorpus train = tiny_corpus();
  const std::vector<std::vector<std::string>> raw = raw_words(train);
  NerTrainOptions options;
  options.epochs = 3;
  options.lowercase_fraction = 0.5;  // seed-dependent augmentation: the members differ
  auto trained = [&](uint64_t seed, int ensemble) {
    NerTrainOptions o = options;
    o.seed = seed;
    o.ensemble = ensemble;
    return train_ner(train, train, raw, {}, NerCorpus{}, o);
  };
  const auto first = trained(7, 1);
  const auto second = trained(8, 1);
  const auto ensemble = trained(7, 2);
  const PerceptronModel mean = PerceptronModel::mean({&first->weights(), &second->weights()});
  EXPECT_NE(model_bytes(*first, "kg-ner-first"), model_bytes(*second, "kg-ner-second"));
  EXPECT_EQ(model_bytes(*ensemble, "kg-ner-ensemble"),
            model_bytes(Ner(ensemble->resources(), mean), "kg-ner-mean"));
  EXPECT_DOUBLE_EQ(evaluate_ner(*ensemble, train).overall.f1(), 1.0);
}

TEST(Ner, KeepsTitlesOutsideNamesItLearnt) {
  Sentence s = tagged({{"President", Upos::kPropn}, {"Berg", Upos::kPropn},
                       {"met", Upos::kVerb}, {"Omar", Upos::kPropn}, {"Haddad", Upos::kPropn},
                       {"in", Upos::kAdp}, {"Oslo", Upos::kPropn}, {".", Upos::kPunct}});
  tiny_model().annotate(s);
  EXPECT_EQ(names(s), (std::vector<std::string>{"PERSON: Berg", "PERSON: Omar Haddad",
                                                "LOCATION: Oslo"}));
}

TEST(Ner, SavesAndLoads) {
  const std::string path = temp_path("kg-ner-model");
  tiny_model().save(path);
  const auto loaded = Ner::load(path);
  Sentence a = tagged({{"Eva", Upos::kPropn}, {"Fischer", Upos::kPropn},
                       {"visited", Upos::kVerb}, {"Lima", Upos::kPropn}, {".", Upos::kPunct}});
  Sentence b = a;
  tiny_model().annotate(a);
  loaded->annotate(b);
  EXPECT_EQ(names(a), names(b));
  EXPECT_FALSE(names(a).empty());
  std::filesystem::remove(path);
}

// The name classifier trained with every name's own words hidden types a name it has never
// seen by the words around it: "works for X" is an organisation, "visited X" a place.
TEST(NameTyper, TypesANewNameByItsContext) {
  const NerCorpus train = tiny_corpus();
  auto ner = std::make_unique<Ner>(tiny_model().resources(), tiny_model().weights());
  EXPECT_EQ(ner->name_typer().num_classes(), 0);
  NerTrainOptions options;
  options.name_typer_epochs = 5;
  options.name_typer_word_dropout = 1.0;
  add_name_typer(*ner, train, train, options);
  ASSERT_EQ(ner->name_typer().num_classes(), ner::kNumTypes);
  auto typed = [&](const Sentence& s, const NamedEntity& e) {
    ner::DocumentContext context;
    context.build({&s});
    ner::NerScratch scratch;
    ner::prepare(s, ner->resources(), context, scratch);
    std::vector<FeatureId> features;
    ner::name_features(s, scratch, e, features);
    std::array<float, ner::kNumTypes> scores{};
    ner->name_typer().add_scores(features, scores.data());
    return static_cast<EntityType>(std::max_element(scores.begin(), scores.end()) -
                                   scores.begin());
  };
  const Sentence works = tagged({{"Eva", Upos::kPropn}, {"Fischer", Upos::kPropn},
                                 {"works", Upos::kVerb}, {"for", Upos::kAdp},
                                 {"Zorblat", Upos::kPropn}, {".", Upos::kPunct}});
  const Sentence visited = tagged({{"Eva", Upos::kPropn}, {"Fischer", Upos::kPropn},
                                   {"visited", Upos::kVerb}, {"Zorblat", Upos::kPropn},
                                   {".", Upos::kPunct}});
  EXPECT_EQ(typed(works, {4, 5, EntityType::kPerson}), EntityType::kOrg);
  EXPECT_EQ(typed(visited, {3, 4, EntityType::kPerson}), EntityType::kLocation);
  EXPECT_EQ(typed(visited, {0, 2, EntityType::kLocation}), EntityType::kPerson);
  // Without identity features a name is only its context and shape.
  ner::DocumentContext context;
  context.build({&works});
  ner::NerScratch scratch;
  ner::prepare(works, ner->resources(), context, scratch);
  std::vector<FeatureId> all, without;
  ner::name_features(works, scratch, {4, 5, EntityType::kOrg}, all);
  ner::name_features(works, scratch, {4, 5, EntityType::kOrg}, without, false);
  EXPECT_LT(without.size(), all.size());
  for (FeatureId f : without) EXPECT_NE(std::find(all.begin(), all.end(), f), all.end());
}

// The classifier is trained over the final model, self-training rounds included.
TEST(NameTyper, IsTrainedAfterSelfTrainingToo) {
  const NerCorpus train = tiny_corpus();
  NerTrainOptions options;
  options.epochs = 2;
  options.lowercase_fraction = 0.0;
  options.self_training_rounds = 1;
  options.name_typer_epochs = 2;
  const auto model = train_ner(train, train, raw_words(train), {}, train, options);
  EXPECT_EQ(model->name_typer().num_classes(), ner::kNumTypes);
  options.name_typer_epochs = 0;
  EXPECT_EQ(train_ner(train, train, raw_words(train), {}, train, options)->name_typer().num_classes(),
            0);
}

// The classifier is saved with the model and counts in the type vote by its weight; a model
// without one (as saved by earlier versions) still loads.
TEST(NameTyper, IsSavedWithTheModelAndVotesOnTypes) {
  const NerCorpus train = tiny_corpus();
  auto ner = std::make_unique<Ner>(tiny_model().resources(), tiny_model().weights());
  NerTrainOptions options;
  options.name_typer_epochs = 5;
  options.name_typer_word_dropout = 1.0;
  add_name_typer(*ner, train, NerCorpus{}, options);
  const std::string path = temp_path("kg-ner-typer");
  ner->save(path);
  NerOptions strong;
  strong.name_typer_weight = 1000.0f;
  const auto loaded = Ner::load(path, strong);
  EXPECT_EQ(loaded->name_typer().num_classes(), ner::kNumTypes);
  EXPECT_EQ(model_bytes(*loaded, "kg-ner-typer-again"), model_bytes(*ner, "kg-ner-typer-once"));
  std::filesystem::remove(path);
  const std::string plain = temp_path("kg-ner-plain");
  tiny_model().save(plain);
  EXPECT_EQ(Ner::load(plain)->name_typer().num_classes(), 0);
  std::filesystem::remove(plain);
  // With the classifier outweighing the sequence model, its type is the one given.
  Sentence s = tagged({{"Eva", Upos::kPropn}, {"Fischer", Upos::kPropn}, {"works", Upos::kVerb},
                       {"for", Upos::kAdp}, {"Zorblat", Upos::kPropn}, {".", Upos::kPunct}});
  loaded->annotate(s);
  ASSERT_EQ(s.entities.size(), 2u);
  EXPECT_EQ(s.entities[1].first, 4);
  EXPECT_EQ(s.entities[1].type, EntityType::kOrg);
  EXPECT_EQ(s.entities[0].type, EntityType::kPerson);
}

TEST(Ner, RejectsCorruptedAndTruncatedModels) {
  const std::string path = temp_path("kg-ner-corrupt");
  tiny_model().save(path);
  std::string bytes;
  {
    std::ifstream in(path, std::ios::binary);
    bytes.assign(std::istreambuf_iterator<char>(in), {});
  }
  ASSERT_GT(bytes.size(), 100u);
  std::string flipped = bytes;
  flipped[bytes.size() / 2] = static_cast<char>(flipped[bytes.size() / 2] ^ 0x5a);
  std::ofstream(path, std::ios::binary | std::ios::trunc) << flipped;
  EXPECT_THROW(Ner::load(path), InputError);
  std::ofstream(path, std::ios::binary | std::ios::trunc) << bytes.substr(0, bytes.size() - 20);
  EXPECT_THROW(Ner::load(path), InputError);
  std::filesystem::remove(path);
  EXPECT_THROW(Ner::load(path), InputError);  // missing
}

}  // namespace
}  // namespace kg::extract

namespace kg::extract {
namespace {

// News sentences tagged by hand as kg's tagger tags them (UPOS/XPOS, no tree).
Sentence news(const std::vector<std::string>& words) {
  Sentence s;
  for (const std::string& w : words) {
    const size_t a = w.find('/'), b = w.rfind('/');
    Token t;
    t.form = w.substr(0, a);
    t.upos = *parse_upos(w.substr(a + 1, b - a - 1));
    t.xpos = *parse_xpos(w.substr(b + 1));
    s.tokens.push_back(t);
  }
  return s;
}

const Ner& shipped_model() {
  static const std::unique_ptr<Ner> model = Ner::load(std::string(KG_SOURCE_DIR) + "/models/ner.kgm");
  return *model;
}

std::vector<std::string> persons(const Sentence& s) {
  std::vector<std::string> out;
  for (const NamedEntity& e : s.entities) {
    if (e.type != EntityType::kPerson) continue;
    std::string text;
    for (int i = e.first; i < e.last; ++i) text += (i > e.first ? " " : "") + s.tokens[i].form;
    out.push_back(text);
  }
  return out;
}

const std::vector<std::vector<std::string>> kNews = {
    {"Russian/ADJ/JJ", "Foreign/ADJ/NNP", "Minister/PROPN/NNP", "Sergey/PROPN/NNP",
     "Lavrov/PROPN/NNP", "met/VERB/VBD", "Ukrainian/ADJ/JJ", "officials/NOUN/NNS", "in/ADP/IN",
     "Istanbul/PROPN/NNP", "./PUNCT/."},
    {"Lavrov/PROPN/NNP", "'s/PART/POS", "spokeswoman/NOUN/NN", "Maria/PROPN/NNP",
     "Zakharova/PROPN/NNP", "said/VERB/VBD", "the/DET/DT", "talks/NOUN/NNS", "failed/VERB/VBD",
     "./PUNCT/."},
    {"U.S./PROPN/NNP", "Secretary/PROPN/NNP", "of/ADP/IN", "State/PROPN/NNP", "Antony/PROPN/NNP",
     "Blinken/PROPN/NNP", "'s/PART/POS", "visit/NOUN/NN", "to/ADP/IN", "Kyiv/PROPN/NNP",
     "was/AUX/VBD", "announced/VERB/VBN", "on/ADP/IN", "Monday/PROPN/NNP", "./PUNCT/."},
    {"President/PROPN/NNP", "Vladimir/PROPN/NNP", "Putin/PROPN/NNP", "'s/PART/POS",
     "adviser/NOUN/NN", "spoke/VERB/VBD", "to/ADP/IN", "reporters/NOUN/NNS", "./PUNCT/."},
    {"Mr./PROPN/NNP", "Lavrov/PROPN/NNP", "told/VERB/VBD", "reporters/NOUN/NNS", "that/SCONJ/IN",
     "Moscow/PROPN/NNP", "was/AUX/VBD", "ready/ADJ/JJ", "./PUNCT/."},
};

TEST(ShippedNer, FindsThePeopleOfNewsSentences) {
  // Sentences 1 and 2 hold known misses of the shipped model (a sentence-initial "Lavrov 's";
  // "Kyiv" taken for a person); models/README.md lists them.
  const std::vector<std::pair<size_t, std::vector<std::string>>> expected = {
      {0, {"Sergey Lavrov"}}, {3, {"Vladimir Putin"}}, {4, {"Lavrov"}}};
  for (const auto& [k, people] : expected) {
    Sentence s = news(kNews[k]);
    shipped_model().annotate(s);
    EXPECT_EQ(persons(s), people) << "sentence " << k;
  }
  // The model reads "U.S. Secretary of State Antony Blinken" as one ORG; the office split
  // (ner::split_office) finds the person in it.
  Sentence s = news(kNews[2]);
  shipped_model().annotate(s);
  const std::vector<std::string> found = persons(s);
  EXPECT_NE(std::find(found.begin(), found.end(), "Antony Blinken"), found.end());
}

// Text written all in lower case is read with the capitals raw text gives its words; the
// sentence keeps its own forms.
TEST(ShippedNer, ReadsLowerCaseTextTruecased) {
  // As kg's tagger tags it: lower-case names are no proper nouns to it.
  const std::vector<std::string> words = {
      "i/PRON/PRP",   "am/AUX/VBP",      "from/ADP/IN",   "mexico/NOUN/NN", "and/CCONJ/CC",
      "going/VERB/VBG", "to/PART/TO",    "san/VERB/VB",   "francisco/NOUN/NN", "./PUNCT/."};
  Sentence s = news(words);
  const std::vector<Token> original = ner::truecase(s, shipped_model().resources());
  ASSERT_EQ(original.size(), words.size());
  EXPECT_EQ(original[3].form, "mexico");
  EXPECT_EQ(s.tokens[3].form, "Mexico");
  EXPECT_EQ(s.tokens[7].form, "San");
  EXPECT_EQ(s.tokens[8].form, "Francisco");
  EXPECT_EQ(s.tokens[1].form, "am");    // a word raw text writes in lower case
  EXPECT_EQ(s.tokens[0].form, "i");

  Sentence annotated = news(words);
  shipped_model().annotate(annotated);
  EXPECT_EQ(annotated.tokens[3].form, "mexico");  // forms put back
  std::vector<std::string> places;
  for (const NamedEntity& e : annotated.entities) {
    std::string text;
    for (int i = e.first; i < e.last; ++i) {
      text += (i > e.first ? " " : "") + annotated.tokens[i].form;
    }
    if (e.type == EntityType::kLocation) places.push_back(text);
  }
  EXPECT_EQ(places, (std::vector<std::string>{"mexico"}));  // "san" tagged VERB: missed
  NerOptions as_written;
  as_written.truecase = false;
  const Ner plain(shipped_model().resources(), shipped_model().weights(), as_written);
  Sentence untouched = news(words);
  plain.annotate(untouched);
  EXPECT_EQ(untouched.entities.size(), 0u) << "the model alone finds names in lower case";
}

// Only a writer who does not capitalise: a capitalised sentence that names nobody, or one with
// a capital inside, is read as written.
TEST(ShippedNer, LeavesCapitalisedTextAsWritten) {
  for (const std::vector<std::string>& words : std::vector<std::vector<std::string>>{
           {"Your/PRON/PRP$", "goal/NOUN/NN", "was/AUX/VBD", "a/DET/DT", "union/NOUN/NN",
            "of/ADP/IN", "hearts/NOUN/NNS", "./PUNCT/."},
           {"we/PRON/PRP", "met/VERB/VBD", "Lisa/PROPN/NNP", "in/ADP/IN", "chicago/PROPN/NNP",
            "./PUNCT/."},
           {"i/PRON/PRP", "went/VERB/VBD", "./PUNCT/."}}) {
    Sentence s = news(words);
    EXPECT_TRUE(ner::truecase(s, shipped_model().resources()).empty()) << words[0];
    for (size_t i = 0; i < words.size(); ++i) {
      EXPECT_EQ(s.tokens[i].form, words[i].substr(0, words[i].find('/')));
    }
  }
}

// An organisation's name the model ran on into the verb after it ends before the verb.
TEST(ShippedNer, ANameNeverEndsInALowerCaseVerb) {
  Sentence s = news({"The/DET/DT", "World/PROPN/NNP", "Health/PROPN/NNP",
                     "Organization/PROPN/NNP", "said/VERB/VBD", "on/ADP/IN", "Tuesday/PROPN/NNP",
                     "that/SCONJ/IN", "the/DET/DT", "outbreak/NOUN/NN", "in/ADP/IN",
                     "Uganda/PROPN/NNP", "was/AUX/VBD", "contained/VERB/VBN", "./PUNCT/."});
  shipped_model().annotate(s);
  ASSERT_FALSE(s.entities.empty());
  EXPECT_EQ(s.entities[0].first, 1);
  EXPECT_EQ(s.entities[0].last, 4);
  EXPECT_EQ(s.entities[0].type, EntityType::kOrg);
}

// "Hamas" alone reads as a person to the model; before the noun it modifies it is none, even
// where the document vote pools its scores.
TEST(ShippedNer, AOneWordNameModifyingANounIsNoPerson) {
  Sentence s = news({"Hamas/PROPN/NNP", "fighters/NOUN/NNS", "attacked/VERB/VBD", "the/DET/DT",
                     "town/NOUN/NN", "./PUNCT/."});
  shipped_model().annotate(s);
  ASSERT_EQ(s.entities.size(), 1u);
  EXPECT_EQ(s.entities[0].last, 1);
  EXPECT_NE(s.entities[0].type, EntityType::kPerson);
  NerOptions keep;
  keep.no_person_modifiers = false;
  const auto model = Ner::load(std::string(KG_SOURCE_DIR) + "/models/ner.kgm", keep);
  model->annotate(s);
  ASSERT_EQ(s.entities.size(), 1u);
  EXPECT_EQ(s.entities[0].type, EntityType::kPerson);  // what the rule corrects
}

TEST(ShippedNer, KeepsTitlesAndPossessivesOutsidePersons) {
  const std::vector<std::string> never_inside = {"Russian", "Foreign", "Minister", "U.S.",
                                                 "Secretary", "State", "President", "Mr.", "'s"};
  for (const auto& words : kNews) {
    Sentence s = news(words);
    shipped_model().annotate(s);
    for (const NamedEntity& e : s.entities) {
      if (e.type != EntityType::kPerson) continue;
      for (int i = e.first; i < e.last; ++i) {
        EXPECT_EQ(std::find(never_inside.begin(), never_inside.end(), s.tokens[i].form),
                  never_inside.end())
            << s.tokens[i].form << " inside a PERSON name";
      }
    }
  }
}

}  // namespace
}  // namespace kg::extract

namespace kg::extract {
namespace {

// A parsed sentence: each word "form/UPOS/XPOS/head/deprel" (head 1-based, 0 the root).
Sentence parsed(const std::vector<std::string>& words) {
  Sentence s;
  uint32_t offset = 0;
  for (const std::string& w : words) {
    std::vector<std::string> f;
    for (size_t start = 0;;) {
      const size_t slash = w.find('/', start == 0 ? 1 : start);  // a form may be "/"
      f.push_back(w.substr(start, slash - start));
      if (slash == std::string::npos) break;
      start = slash + 1;
    }
    Token t;
    t.form = f[0];
    t.lemma = f[0];
    t.upos = *parse_upos(f[1]);
    t.xpos = *parse_xpos(f[2]);
    t.head = std::stoi(f[3]);
    t.deprel = *parse_deprel(f[4]);
    t.span = Span{offset, offset + static_cast<uint32_t>(t.form.size())};
    offset = t.span.end + 1;
    s.tokens.push_back(t);
  }
  return s;
}

std::string forms(const Sentence& s) {
  std::string out;
  for (const Token& t : s.tokens) out += (out.empty() ? "" : " ") + t.form;
  return out;
}

// GUM keeps "Coca-Cola" whole where kg's tokenizer (EWT's convention) cuts it: the training
// words are cut the same way, names, tags, tree and offsets following.
TEST(NerCorpus, CutsHyphenatedWordsAsTheTokenizerDoes) {
  Sentence s = parsed({"the/DET/DT/2/det", "Coca-Cola/PROPN/NNP/3/compound",
                       "corporation/NOUN/NN/5/nsubj", "and/CCONJ/CC/5/cc",
                       "ex-president/NOUN/NN/0/root", "Jean-Pierre-Marie/PROPN/NNP/5/appos"});
  s.entities = {NamedEntity{1, 2, EntityType::kOrg}, NamedEntity{5, 6, EntityType::kPerson}};
  EXPECT_EQ(split_hyphenated_words(s), 2);
  EXPECT_EQ(forms(s), "the Coca - Cola corporation and ex-president Jean - Pierre - Marie");
  ASSERT_EQ(s.entities.size(), 2u);
  EXPECT_EQ(s.entities[0].first, 1);  // Coca - Cola
  EXPECT_EQ(s.entities[0].last, 4);
  EXPECT_EQ(s.entities[1].first, 7);  // Jean - Pierre - Marie
  EXPECT_EQ(s.entities[1].last, 12);
  // Parts keep the word's tags; hyphens are PUNCT/HYPH.
  EXPECT_EQ(s.tokens[1].upos, Upos::kPropn);
  EXPECT_EQ(s.tokens[2].upos, Upos::kPunct);
  EXPECT_EQ(s.tokens[2].xpos, Xpos::kHYPH);
  // The last part keeps the word's head (remapped: "corporation" is now word 5) and relation;
  // the other parts and the hyphens hang on it; the word's dependents on its last part.
  EXPECT_EQ(s.tokens[3].head, 5);
  EXPECT_EQ(s.tokens[3].deprel, Deprel::kCompound);
  EXPECT_EQ(s.tokens[1].head, 4);
  EXPECT_EQ(s.tokens[2].head, 4);
  EXPECT_EQ(s.tokens[2].deprel, Deprel::kPunct);
  EXPECT_EQ(s.tokens[0].head, 4);  // "the" was on "Coca-Cola"
  EXPECT_EQ(s.tokens[11].head, 7);  // "Marie" on "ex-president", now word 7
  EXPECT_EQ(s.tokens[10].head, 12);  // the second hyphen on "Marie"
  // Offsets into the text, no space inside the word.
  EXPECT_EQ(s.tokens[1].span.start, 4u);
  EXPECT_EQ(s.tokens[1].span.end, 8u);
  EXPECT_EQ(s.tokens[2].span.start, 8u);
  EXPECT_EQ(s.tokens[3].span.end, 13u);
  EXPECT_FALSE(s.tokens[1].space_after);
  EXPECT_FALSE(s.tokens[2].space_after);
  EXPECT_TRUE(s.tokens[3].space_after);
}

// Two documents: "Alice met Bob in Paris on Monday ." + "Alice left ." and
// "Carol Smith lives in New York City .".
NerCorpus replacement_corpus() {
  NerCorpus c;
  Sentence a = parsed({"Alice/PROPN/NNP/2/nsubj", "met/VERB/VBD/0/root", "Bob/PROPN/NNP/2/obj",
                       "in/ADP/IN/5/case", "Paris/PROPN/NNP/2/obl", "on/ADP/IN/7/case",
                       "Monday/PROPN/NNP/2/obl", "./PUNCT/./2/punct"});
  a.entities = {NamedEntity{0, 1, EntityType::kPerson}, NamedEntity{2, 3, EntityType::kPerson},
                NamedEntity{4, 5, EntityType::kLocation}, NamedEntity{6, 7, EntityType::kDate}};
  Sentence b = parsed({"Alice/PROPN/NNP/2/nsubj", "left/VERB/VBD/0/root", "./PUNCT/./2/punct"});
  b.entities = {NamedEntity{0, 1, EntityType::kPerson}};
  Sentence c2 = parsed({"Carol/PROPN/NNP/3/nsubj", "Smith/PROPN/NNP/1/flat",
                        "lives/VERB/VBZ/0/root", "in/ADP/IN/7/case", "New/PROPN/NNP/7/compound",
                        "York/PROPN/NNP/7/compound", "City/PROPN/NNP/3/obl",
                        "./PUNCT/./3/punct"});
  c2.entities = {NamedEntity{0, 2, EntityType::kPerson}, NamedEntity{4, 7, EntityType::kLocation}};
  c.sentences = {a, b, c2};
  c.documents = {0, 0, 1};
  return c;
}

std::string words_of(const Sentence& s, const NamedEntity& e) {
  std::string out;
  for (int i = e.first; i < e.last; ++i) out += (i > e.first ? " " : "") + s.tokens[i].form;
  return out;
}

std::string names_of(const Sentence& s) {
  std::string out;
  for (const NamedEntity& e : s.entities) {
    out += "[" + words_of(s, e) + "]";
    out += to_string(e.type);
    out += " ";
  }
  return out;
}

TEST(NerTraining, MentionReplacementPoolHoldsEachNameOnceByTypeWithoutDates) {
  const NamePool pool = name_pool(replacement_corpus());
  const auto& persons = pool[static_cast<size_t>(EntityType::kPerson)];
  const auto& places = pool[static_cast<size_t>(EntityType::kLocation)];
  ASSERT_EQ(persons.size(), 3u);  // Alice (twice in the text), Bob, Carol Smith
  ASSERT_EQ(places.size(), 2u);
  EXPECT_TRUE(pool[static_cast<size_t>(EntityType::kDate)].empty());
  ASSERT_EQ(persons[2].size(), 2u);
  EXPECT_EQ(persons[2][0].form, "Carol");
  EXPECT_EQ(persons[2][1].upos, Upos::kPropn);
  EXPECT_EQ(persons[2][1].head, -1);  // no tree: it is pasted into other sentences
  EXPECT_EQ(places[1].size(), 3u);
}

TEST(NerTraining, MentionReplacementSwapsEveryMentionOfANameForOneNameOfItsType) {
  const NerCorpus corpus = replacement_corpus();
  const NamePool pool = name_pool(corpus);
  const std::vector<const Sentence*> document = {&corpus.sentences[0], &corpus.sentences[1]};
  std::mt19937_64 rng(7);
  bool some_longer = false;
  for (int draw = 0; draw < 20; ++draw) {
    const std::vector<Sentence> out = replace_mentions(document, pool, 1.0, rng);
    ASSERT_EQ(out.size(), 2u);
    const Sentence& a = out[0];
    ASSERT_EQ(a.entities.size(), 4u);
    // Types and the words around the names stay; the date is never replaced.
    EXPECT_EQ(a.entities[0].type, EntityType::kPerson);
    EXPECT_EQ(a.entities[2].type, EntityType::kLocation);
    EXPECT_EQ(a.tokens[a.entities[0].last].form, "met");
    EXPECT_EQ(a.tokens[a.entities[2].first - 1].form, "in");
    EXPECT_EQ(a.tokens[a.entities[3].first].form, "Monday");
    EXPECT_EQ(a.tokens.back().form, ".");
    EXPECT_EQ(static_cast<int>(a.tokens.size()), a.entities[3].last + 1);
    // Each name is one of the pool's names of its type.
    const std::string person = words_of(a, a.entities[0]);
    const std::string place = words_of(a, a.entities[2]);
    EXPECT_TRUE(person == "Alice" || person == "Bob" || person == "Carol Smith") << person;
    EXPECT_TRUE(place == "Paris" || place == "New York City") << place;
    // Both mentions of Alice have the same substitute.
    const Sentence& b = out[1];
    ASSERT_EQ(b.entities.size(), 1u);
    EXPECT_EQ(words_of(b, b.entities[0]), person);
    EXPECT_EQ(b.tokens[b.entities[0].last].form, "left");
    // A replaced sentence has no tree left.
    for (const Token& t : a.tokens) EXPECT_EQ(t.head, -1);
    some_longer = some_longer || a.tokens.size() > corpus.sentences[0].tokens.size();
  }
  EXPECT_TRUE(some_longer);  // "Carol Smith" or "New York City" came in at least once
}

TEST(NerTraining, MentionReplacementWithShareZeroCopiesTheDocument) {
  const NerCorpus corpus = replacement_corpus();
  const std::vector<const Sentence*> document = {&corpus.sentences[2]};
  std::mt19937_64 rng(1);
  const std::vector<Sentence> out = replace_mentions(document, name_pool(corpus), 0.0, rng);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(forms(out[0]), forms(corpus.sentences[2]));
  EXPECT_EQ(names_of(out[0]), "[Carol Smith]PERSON [New York City]LOCATION ");
  EXPECT_EQ(out[0].tokens[1].head, 1);  // the tree is kept
}

TEST(NerCorpus, LeavesWordsThatAreNoHyphenatedCompound) {
  Sentence s = parsed({"a/DET/DT/2/det", "-/PUNCT/HYPH/3/punct", "co-founder/NOUN/NN/0/root",
                       "--/PUNCT/,/3/punct", "x-/NOUN/NN/3/dep", "mid-March/PROPN/NNP/3/obl"});
  EXPECT_EQ(split_hyphenated_words(s), 0);
  EXPECT_EQ(forms(s), "a - co-founder -- x- mid-March");
}

}  // namespace
}  // namespace kg::extract
