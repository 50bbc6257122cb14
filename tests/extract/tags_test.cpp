#include "extract/tags.h"

#include <gtest/gtest.h>

namespace kg::extract {
namespace {

TEST(Tags, EveryUposRoundTrips) {
  for (int i = 0; i < kUposCount; ++i) {
    const auto tag = static_cast<Upos>(i);
    EXPECT_EQ(parse_upos(to_string(tag)), tag);
  }
}

TEST(Tags, EveryXposAndDeprelRoundTrips) {
  for (int i = 0; i < kXposCount; ++i) {
    EXPECT_EQ(parse_xpos(to_string(static_cast<Xpos>(i))), static_cast<Xpos>(i));
  }
  for (int i = 0; i < kDeprelCount; ++i) {
    EXPECT_EQ(parse_deprel(to_string(static_cast<Deprel>(i))), static_cast<Deprel>(i));
  }
}

TEST(Tags, PunctuationXposTagsParse) {
  EXPECT_EQ(parse_xpos("PRP$"), Xpos::kPRPS);
  EXPECT_EQ(parse_xpos("-LRB-"), Xpos::kLRB);
  EXPECT_EQ(parse_xpos("``"), Xpos::kOpenQuote);
  EXPECT_EQ(parse_xpos("nn"), std::nullopt);
}

TEST(Tags, UnknownSubtypeFallsBackToUniversalRelation) {
  EXPECT_EQ(parse_deprel("nsubj:pass"), Deprel::kNsubjPass);
  EXPECT_EQ(parse_deprel("obl:foo"), Deprel::kObl);
  EXPECT_EQ(parse_deprel("foo:bar"), std::nullopt);
}

TEST(Tags, UniversalDropsTheSubtype) {
  EXPECT_EQ(universal(Deprel::kAclRelcl), Deprel::kAcl);
  EXPECT_EQ(universal(Deprel::kOblAgent), Deprel::kObl);
  EXPECT_EQ(universal(Deprel::kNsubj), Deprel::kNsubj);
}

TEST(Tags, EntityTypesMatchTheDesignNames) {
  EXPECT_EQ(to_string(EntityType::kPerson), "PERSON");
  EXPECT_EQ(parse_entity_type("LOCATION"), EntityType::kLocation);
  EXPECT_EQ(parse_entity_type("LOC"), std::nullopt);
}

}  // namespace
}  // namespace kg::extract
