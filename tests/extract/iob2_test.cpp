#include "extract/iob2.h"

#include <gtest/gtest.h>

#include <sstream>

#include "extract/error.h"

namespace kg::extract {
namespace {

const char* const kUner =
    "# newdoc id = d1\n"
    "# sent_id = s1\n"
    "# text = President Lincoln visited New York.\n"
    "1\tPresident\tO\t-\t-\n"
    "2\tLincoln\tB-PER\t-\tstephen\n"
    "3\tvisited\tO\t-\t-\n"
    "4\tNew\tB-LOC\t-\tstephen\n"
    "5\tYork\tI-LOC\t-\tstephen\n"
    "6\t.\tO\t-\t-\n"
    "\n";

TEST(Iob2, ReadsUnerLayout) {
  std::istringstream in(kUner);
  const auto sentences = read_iob2(in, "test.iob2");
  ASSERT_EQ(sentences.size(), 1u);
  const Sentence& s = sentences[0].sentence;
  EXPECT_EQ(s.id, "s1");
  EXPECT_EQ(sentences[0].document, "d1");
  ASSERT_EQ(s.tokens.size(), 6u);
  EXPECT_EQ(s.tokens[1].form, "Lincoln");
  ASSERT_EQ(s.entities.size(), 2u);
  EXPECT_EQ(s.entities[0].first, 1);
  EXPECT_EQ(s.entities[0].last, 2);
  EXPECT_EQ(s.entities[0].type, EntityType::kPerson);
  EXPECT_EQ(s.entities[1].first, 3);
  EXPECT_EQ(s.entities[1].last, 5);
  EXPECT_EQ(s.entities[1].type, EntityType::kLocation);
}

TEST(Iob2, WriteThenReadRoundTrips) {
  std::istringstream in(kUner);
  const Sentence s = read_iob2(in, "test.iob2")[0].sentence;
  std::ostringstream out;
  write_iob2(out, s);
  EXPECT_NE(out.str().find("2\tLincoln\tB-PER\t-\t-\n"), std::string::npos);
  std::istringstream again(out.str());
  const Sentence t = read_iob2(again, "again.iob2")[0].sentence;
  ASSERT_EQ(t.entities.size(), 2u);
  EXPECT_EQ(t.entities[1].last, 5);
}

TEST(Iob2, WritesOnlyUnerTypesByDefault) {
  Sentence s;
  s.tokens.resize(2);
  s.tokens[0].form = "Russian";
  s.tokens[1].form = "Lavrov";
  s.entities = {{0, 1, EntityType::kNorp}, {1, 2, EntityType::kPerson}};
  std::ostringstream out;
  write_iob2(out, s);
  EXPECT_EQ(out.str(), "1\tRussian\tO\t-\t-\n2\tLavrov\tB-PER\t-\t-\n\n");
  std::ostringstream all;
  write_iob2(all, s, {.uner_types_only = false});
  EXPECT_NE(all.str().find("B-NORP"), std::string::npos);
}

TEST(Iob2, RejectsBadTagsAndColumns) {
  std::istringstream bad_tag("1\tx\tX-PER\t-\t-\n");
  EXPECT_THROW(read_iob2(bad_tag, "t"), InputError);
  std::istringstream bad_type("1\tx\tB-FOO\t-\t-\n");
  EXPECT_THROW(read_iob2(bad_type, "t"), InputError);
  std::istringstream bad_index("2\tx\tO\t-\t-\n");
  EXPECT_THROW(read_iob2(bad_index, "t"), InputError);
  std::istringstream too_many("1\tx\tO\t-\t-\t-\n");
  try {
    read_iob2(too_many, "t.iob2");
    FAIL() << "no exception";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("t.iob2:1"), std::string::npos);
  }
}

}  // namespace
}  // namespace kg::extract
