#include "extract/map_format.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "extract/error.h"
#include "tests/support/documents.h"

namespace kg::extract {
namespace {

namespace fs = std::filesystem;
using kg::testing::make_document;

DocumentResult sample() {
  // Non-ASCII before the names, so byte and code point offsets differ.
  DocumentResult r = make_document(
      "d1", "Çé Сергей Лавров met Richard Haass. Haass said \"no\" 🙂 & <ok>.",
      {{"Сергей Лавров", EntityType::kPerson, {}, {"Foreign Minister"}},
       {"Richard Haass", EntityType::kPerson, {"Richard Haass", "Haass"}}},
      {{"Сергей Лавров", "meet", "Richard Haass"}});
  r.document.title = "A \"title\"\nwith a newline";
  r.triples[0].attributed_to = 1;
  r.triples[0].modality = "may";
  r.triples[0].confidence = 0.25;
  r.triples[0].arguments.push_back({ArgumentRole::kPlace, "Haass", r.mentions[1].span});
  r.document.paragraphs.push_back({0, static_cast<uint32_t>(r.document.text.size())});
  return r;
}

std::string line_of(const DocumentResult& r, const MapWriteOptions& o = {}) {
  std::string s;
  append_map_record(r, s, o);
  return s;
}

DocumentResult parse(std::string line) {
  if (!line.empty() && line.back() == '\n') line.pop_back();
  return parse_map_record(line, "test.jsonl", 1);
}

std::string error_of(std::string line) {
  try {
    parse(std::move(line));
  } catch (const InputError& e) {
    return e.what();
  }
  return "no error";
}

TEST(MapFormat, RoundTripsEveryField) {
  const DocumentResult r = sample();
  const std::string first = line_of(r);
  const DocumentResult back = parse(first);
  EXPECT_EQ(line_of(back), first);
  EXPECT_EQ(back.document.title, r.document.title);
  EXPECT_EQ(back.mentions.size(), r.mentions.size());
  EXPECT_EQ(back.mentions[1].span, r.mentions[1].span);
  EXPECT_EQ(back.triples[0].attributed_to, 1);
  EXPECT_EQ(back.triples[0].modality, "may");
  EXPECT_DOUBLE_EQ(back.triples[0].confidence, 0.25);
  ASSERT_EQ(back.triples[0].arguments.size(), 1u);
  EXPECT_EQ(back.triples[0].arguments[0].span, r.mentions[1].span);
  EXPECT_EQ(back.entities[0].titles, std::vector<std::string>{"Foreign Minister"});
}

TEST(MapFormat, WritesOneLineWithFormatAndVersion) {
  const std::string line = line_of(sample());
  EXPECT_EQ(line.find('\n'), line.size() - 1);
  EXPECT_EQ(line.rfind("{\"format\":\"kg-map\",\"version\":1,", 0), 0u);
}

TEST(MapFormat, OffsetsInTheFileAreCodePoints) {
  const DocumentResult r = sample();
  const std::string line = line_of(r);
  // "Сергей Лавров" starts after "Çé " (3 code points, 5 bytes).
  EXPECT_EQ(r.mentions[0].span.start, 5u);
  EXPECT_NE(line.find("\"entity\":0,\"sentence\":0,\"start\":3,\"end\":16"), std::string::npos);
}

TEST(MapFormat, TokensOnlyWhenAsked) {
  DocumentResult r = sample();
  Token t;
  t.span = {5, 17};
  t.form = "Сергей";
  t.lemma = "Сергей";
  t.upos = Upos::kPropn;
  t.head = 0;
  t.deprel = Deprel::kRoot;
  r.document.sentences[0].tokens.push_back(t);
  EXPECT_EQ(line_of(r).find("\"tokens\""), std::string::npos);
  const std::string with = line_of(r, MapWriteOptions{.tokens = true});
  const DocumentResult back = parse(with);
  ASSERT_EQ(back.document.sentences[0].tokens.size(), 1u);
  EXPECT_EQ(back.document.sentences[0].tokens[0].span, t.span);
  EXPECT_EQ(back.document.sentences[0].tokens[0].upos, Upos::kPropn);
}

TEST(MapFormat, MalformedJsonNamesLineAndColumn) {
  const std::string e = error_of("{\"format\":\"kg-map\" \"version\":1}");
  EXPECT_NE(e.find("test.jsonl:1:20:"), std::string::npos) << e;
  EXPECT_NE(e.find("malformed JSON"), std::string::npos) << e;
}

TEST(MapFormat, UnknownAndNewerVersionsAreRefused) {
  std::string line = line_of(sample());
  std::string newer = line;
  newer.replace(newer.find("\"version\":1"), 11, "\"version\":2");
  const std::string e = error_of(newer);
  EXPECT_NE(e.find("unknown map format version 2"), std::string::npos) << e;
  EXPECT_NE(e.find("upgrade kg"), std::string::npos) << e;
  EXPECT_NE(error_of("{\"format\":\"other\"}").find("not a kg map record"), std::string::npos);
}

TEST(MapFormat, MissingFieldIsNamedWithItsPath) {
  std::string line = line_of(sample());
  line.replace(line.find("\"relation\":\"meet\","), 18, "");
  const std::string e = error_of(line);
  EXPECT_NE(e.find("test.jsonl:1: field 'triples[0].relation': missing"), std::string::npos) << e;
}

TEST(MapFormat, IndexesOutOfRangeAreRefused) {
  std::string line = line_of(sample());
  line.replace(line.find("\"subject\":0"), 11, "\"subject\":7");
  EXPECT_NE(error_of(line).find("triples[0].subject': 7 is out of range"), std::string::npos);
  std::string span = line_of(sample());
  span.replace(span.find("\"start\":3,\"end\":16"), 18, "\"start\":3,\"end\":999");
  EXPECT_NE(error_of(span).find("mentions[0].end': 999 is out of range"), std::string::npos);
}

TEST(MapFormat, UnknownEnumValuesAreRefused) {
  std::string line = line_of(sample());
  line.replace(line.find("\"type\":\"PERSON\""), 15, "\"type\":\"PERSN\"");
  EXPECT_NE(error_of(line).find("entities[0].type': unknown entity type 'PERSN'"),
            std::string::npos);
}

TEST(MapFormat, InvalidUtf8IsAnInputError) {
  std::string line = line_of(sample());
  line.replace(line.find("Richard"), 1, "\xFF");
  EXPECT_NE(error_of(line).find("not valid UTF-8"), std::string::npos);
}

class MapReaderTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("kg_map_reader_" + std::to_string(::getpid()) + "_" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string write(const std::string& name, const std::string& content) {
    const std::string path = (dir_ / name).string();
    std::ofstream(path, std::ios::binary) << content;
    return path;
  }
  std::string read_error(const std::string& path, size_t max = MapReader::kDefaultMaxLineBytes) {
    try {
      MapReader reader(path, max);
      DocumentResult r;
      while (reader.next(r)) {
      }
    } catch (const InputError& e) {
      return e.what();
    }
    return "no error";
  }
  fs::path dir_;
};

TEST_F(MapReaderTest, SkipsBlankLinesAndToleratesBomAndCrlf) {
  const std::string one = line_of(sample());
  std::string two = one;
  two.insert(two.size() - 1, "\r");
  const std::string path = write("m.jsonl", "\xEF\xBB\xBF" + one + "\n  \n" + two);
  MapReader reader(path);
  DocumentResult r;
  int n = 0;
  while (reader.next(r)) ++n;
  EXPECT_EQ(n, 2);
  EXPECT_EQ(reader.line_number(), 4u);
}

TEST_F(MapReaderTest, ErrorsNameTheLine) {
  const std::string path = write("m.jsonl", line_of(sample()) + "{oops}\n");
  EXPECT_NE(read_error(path).find("m.jsonl:2:2: malformed JSON"), std::string::npos);
}

TEST_F(MapReaderTest, MissingFileIsAnInputError) {
  EXPECT_NE(read_error((dir_ / "none.jsonl").string()).find("no such file"), std::string::npos);
}

TEST_F(MapReaderTest, BinaryAndGzipFilesAreRecognised) {
  EXPECT_NE(read_error(write("b.jsonl", std::string("{\"a\0b", 5))).find("binary data"),
            std::string::npos);
  EXPECT_NE(read_error(write("g.jsonl.gz", "\x1F\x8B\x08\x00rest")).find("gzip"), std::string::npos);
}

TEST_F(MapReaderTest, OverlongLinesAreRefusedWithoutReadingThemWhole) {
  const std::string path = write("long.jsonl", std::string(3 << 20, 'x'));
  EXPECT_NE(read_error(path, size_t{1} << 20).find("line longer than 1 MiB"), std::string::npos);
}

TEST_F(MapReaderTest, EmptyFileHasNoRecords) {
  MapReader reader(write("empty.jsonl", ""));
  DocumentResult r;
  EXPECT_FALSE(reader.next(r));
}

}  // namespace
}  // namespace kg::extract
