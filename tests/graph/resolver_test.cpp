#include "graph/resolver.h"

#include <gtest/gtest.h>

#include "tests/support/documents.h"

namespace kg::graph {
namespace {

using extract::EntityType;
using kg::testing::make_document;

TEST(ExactNameResolver, MergesNamesWithTheSameKeyAndType) {
  const std::vector<extract::DocumentResult> docs = {
      make_document("1", "Zelénsky spoke.", {{"Zelénsky", EntityType::kPerson}}, {}),
      make_document("2", "ZELENSKY's office.", {{"ZELENSKY's", EntityType::kPerson}}, {}),
      make_document("3", "Zelenskyy spoke.", {{"Zelenskyy", EntityType::kPerson}}, {})};
  const Resolution r = ExactNameResolver().resolve(docs);
  EXPECT_EQ(r.entity_count, 2u);
  EXPECT_EQ(r.entity_of[0][0], r.entity_of[1][0]);
  EXPECT_NE(r.entity_of[0][0], r.entity_of[2][0]);
  ASSERT_EQ(r.merges.size(), 1u);
  EXPECT_EQ(r.merges[0].member, (LocalRef{1, 0}));
  EXPECT_EQ(r.merges[0].anchor, (LocalRef{0, 0}));
}

TEST(ExactNameResolver, NeverMergesDifferentTypes) {
  const std::vector<extract::DocumentResult> docs = {
      make_document("1", "Ukraine.", {{"Ukraine", EntityType::kLocation}}, {}),
      make_document("2", "Ukraine.", {{"Ukraine", EntityType::kOrg}}, {})};
  const Resolution r = ExactNameResolver().resolve(docs);
  EXPECT_EQ(r.entity_count, 2u);
  EXPECT_TRUE(r.merges.empty());
}

TEST(ExactNameResolver, PunctuationOnlyNamesMergeOnlyWhenIdentical) {
  EXPECT_EQ(entity_key("!!!"), "!!!");
  EXPECT_NE(entity_key("!!!"), entity_key("???"));
  EXPECT_EQ(entity_key("The Kremlin."), "kremlin");
}

TEST(ExactNameResolver, ExplainsWhyTwoEntitiesAreApart) {
  const ExactNameResolver resolver;
  const std::string types =
      resolver.why_apart({"Ukraine", "ukraine", EntityType::kLocation}, {"Ukraine", "ukraine", EntityType::kOrg});
  EXPECT_NE(types.find("different types (LOCATION and ORG)"), std::string::npos) << types;
  const std::string names = resolver.why_apart({"Richard Haass", "richard haass", EntityType::kPerson},
                                               {"Richard Haas", "richard haas", EntityType::kPerson});
  EXPECT_NE(names.find("different normalised names"), std::string::npos) << names;
}

TEST(ExactNameResolver, DescribesAMerge) {
  const std::string text = describe_merge(MergeRule::kExactName, {"002", "LAVROV", EntityType::kPerson},
                                          {"001", "Lavrov", EntityType::kPerson}, "");
  EXPECT_EQ(text, "'LAVROV' in 002 and 'Lavrov' in 001 both normalise to 'lavrov' and are both PERSON");
}

TEST(MergeRule, NamesRoundTrip) {
  EXPECT_EQ(to_string(MergeRule::kExactName), "exact_name");
  EXPECT_EQ(parse_merge_rule("exact_name"), MergeRule::kExactName);
  EXPECT_FALSE(parse_merge_rule("nope"));
}

}  // namespace
}  // namespace kg::graph
