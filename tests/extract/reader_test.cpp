#include "extract/reader.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "extract/error.h"

namespace kg::extract {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;

// A fresh folder per test under GoogleTest's temporary directory; the "outside world" of
// files is built by hand in it.
class ReaderFiles : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    root_ = fs::path(::testing::TempDir()) / (std::string("kg_reader_") + info->name());
    fs::remove_all(root_);
    fs::create_directories(root_);
  }
  void TearDown() override { fs::remove_all(root_); }

  std::string write(const std::string& relative, const std::string& bytes) {
    const fs::path p = root_ / relative;
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << bytes;
    return p.string();
  }
  std::string path(const std::string& relative) const { return (root_ / relative).string(); }

  fs::path root_;
};

std::string error_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const InputError& e) {
    return e.what();
  }
  return "(no InputError)";
}

std::vector<Document> parse_text(const std::string& bytes, const ReadOptions& options = {}) {
  return parse_documents(bytes, "a.txt", "a", InputFormat::kText, options);
}

// --- Text ---

TEST(ReaderText, WholeFileIsOneDocumentWithStemAsId) {
  auto docs = parse_documents("Hello world.\n", "dir/story.txt", "story", InputFormat::kText);
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0].id, "story");
  EXPECT_EQ(docs[0].name, "dir/story.txt");
  EXPECT_EQ(docs[0].text, "Hello world.\n");
}

TEST(ReaderText, ByteOrderMarkIsRemoved) {
  auto docs = parse_text("\xEF\xBB\xBFHello.");
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0].text, "Hello.");
}

TEST(ReaderText, CarriageReturnsAreKeptSoOffsetsStayTrue) {
  auto docs = parse_text("One.\r\nTwo.\rThree.");
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0].text, "One.\r\nTwo.\rThree.");
}

TEST(ReaderText, ControlCharactersBecomeSpacesOfTheSameLength) {
  const std::string in = std::string("a\0b\x01\x1F\x7F" "c\td\ne", 11);
  auto docs = parse_text(in);
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0].text, "a b   c\td\ne");
  EXPECT_EQ(docs[0].text.size(), in.size());
}

TEST(ReaderText, InvalidUtf8NamesFileLineAndByte) {
  const std::string message = error_of([] { parse_text("line one\ncaf\xE9 au lait"); });
  EXPECT_THAT(message, HasSubstr("a.txt:2: byte 12: invalid UTF-8 (0xE9)"));
  EXPECT_THAT(message, HasSubstr("--invalid-utf8 replace"));
}

TEST(ReaderText, InvalidUtf8IsReplacedWhenAsked) {
  ReadOptions options;
  options.invalid_utf8 = InvalidUtf8::kReplace;
  auto docs = parse_text("caf\xE9 ok", options);
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0].text, "caf\xEF\xBF\xBD ok");
}

TEST(ReaderText, OverlongAndSurrogateEncodingsAreInvalid) {
  EXPECT_THAT(error_of([] { parse_text("a\xC0\xAF"); }), HasSubstr("byte 1"));
  EXPECT_THAT(error_of([] { parse_text("ab\xED\xA0\x80"); }), HasSubstr("byte 2"));
  EXPECT_THAT(error_of([] { parse_text("abc\xF4\x90\x80\x80"); }), HasSubstr("byte 3"));
  EXPECT_THAT(error_of([] { parse_text("abcd\xE2\x82"); }), HasSubstr("byte 4"));
}

TEST(ReaderText, ValidMultibyteTextIsAccepted) {
  const std::string text = "Зеленский 習近平 مرحبا \xF0\x9F\x98\x80";
  auto docs = parse_text(text);
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0].text, text);
}

TEST(ReaderText, BinaryDataIsRefused) {
  std::string bytes(600, '\0');
  for (size_t i = 0; i < bytes.size(); i += 3) bytes[i] = static_cast<char>(0x80 + i % 100);
  EXPECT_THAT(error_of([&] { parse_text(bytes); }), HasSubstr("looks like a binary file"));
}

TEST(ReaderText, KnownSignaturesSayWhatToDo) {
  EXPECT_THAT(error_of([] { parse_text("\x1F\x8B\x08\x00rest"); }), HasSubstr("gunzip"));
  EXPECT_THAT(error_of([] { parse_text("%PDF-1.7\n..."); }), HasSubstr("PDF"));
  EXPECT_THAT(error_of([] { parse_text(std::string("\xFF\xFEH\0i\0", 6)); }),
              HasSubstr("UTF-16"));
}

TEST(ReaderText, LatinOneTextGetsTheEncodingMessageNotBinary) {
  std::string latin1;
  for (int i = 0; i < 50; ++i) latin1 += "Caf\xE9 cr\xE8me na\xEFve. ";
  const std::string message = error_of([&] { parse_text(latin1); });
  EXPECT_THAT(message, HasSubstr("invalid UTF-8"));
  EXPECT_THAT(message, HasSubstr("iconv"));
}

TEST(ReaderText, WhitespaceOnlyTextIsSkippedAndReported) {
  std::vector<SkippedInput> skipped;
  auto docs = parse_documents(" \n\t\r\n", "e.txt", "e", InputFormat::kText, {}, &skipped);
  EXPECT_TRUE(docs.empty());
  ASSERT_EQ(skipped.size(), 1u);
  EXPECT_EQ(skipped[0].name, "e.txt");
}

TEST(ReaderText, ALongSingleLineIsReadWhole) {
  // Stands in for the 50 MB line of the issue at a size that keeps the test fast; every
  // step is a single linear pass.
  std::string line;
  while (line.size() < (8u << 20)) line += "word\xC3\xA9 ";
  auto docs = parse_text(line);
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0].text.size(), line.size());
}

// --- JSON and JSON Lines ---

std::vector<Document> parse_json(const std::string& bytes, InputFormat format = InputFormat::kJson,
                                 std::vector<SkippedInput>* skipped = nullptr) {
  return parse_documents(bytes, "in.json", "in", format, {}, skipped);
}

TEST(ReaderJson, ObjectWithMetadata) {
  auto docs = parse_json(
      R"({"text":"Body.","title":"T","url":"https://x.org/a","date":"2023-07-06",)"
      R"("source":"NBC News","author":"ignored"})");
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0].id, "in");
  EXPECT_EQ(docs[0].name, "in.json");
  EXPECT_EQ(docs[0].text, "Body.");
  EXPECT_EQ(docs[0].title, "T");
  EXPECT_EQ(docs[0].url, "https://x.org/a");
  EXPECT_EQ(docs[0].date, "2023-07-06");
  EXPECT_EQ(docs[0].source, "NBC News");
}

TEST(ReaderJson, ArrayRecordsGetStemNumberOrTheirOwnId) {
  auto docs = parse_json(R"([{"text":"One."},{"text":"Two.","id":"b2"},{"text":"3","id":7}])");
  ASSERT_EQ(docs.size(), 3u);
  EXPECT_EQ(docs[0].id, "in-1");
  EXPECT_EQ(docs[0].name, "in.json#1");
  EXPECT_EQ(docs[1].id, "b2");
  EXPECT_EQ(docs[2].id, "7");
  EXPECT_EQ(docs[2].name, "in.json#3");
}

TEST(ReaderJson, MalformedJsonNamesLineAndColumn) {
  const std::string message = error_of([] { parse_json("{\n  \"text\": \"a\",\n  oops\n}"); });
  EXPECT_THAT(message, HasSubstr("in.json:3:3: malformed JSON"));
}

TEST(ReaderJson, TrailingGarbageIsMalformed) {
  EXPECT_THAT(error_of([] { parse_json(R"({"text":"a"} x)"); }), HasSubstr("in.json:1:14: malformed JSON"));
}

TEST(ReaderJson, MissingOrWrongTextFieldIsNamed) {
  EXPECT_THAT(error_of([] { parse_json(R"([{"text":"a"},{"body":"b"}])"); }),
              HasSubstr("in.json: record 2: the object has no \"text\" field"));
  EXPECT_THAT(error_of([] { parse_json(R"({"text":["a"]})"); }),
              HasSubstr("field \"text\" is an array"));
  EXPECT_THAT(error_of([] { parse_json(R"({"text":"a","title":{"x":1}})"); }),
              HasSubstr("field \"title\" is an object"));
  EXPECT_THAT(error_of([] { parse_json("42"); }), HasSubstr("found a number"));
}

TEST(ReaderJson, EscapedControlCharactersBecomeSpaces) {
  auto docs = parse_json(R"({"text":"a\u0000b\u0007c\nd","title":"x\ny"})");
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0].text, "a b c\nd");
  EXPECT_EQ(docs[0].title, "x y");
}

TEST(ReaderJson, InvalidUtf8IsReportedAtItsByteInTheFile) {
  EXPECT_THAT(error_of([] { parse_json("{\"text\":\"caf\xE9\"}"); }),
              HasSubstr("in.json:1: byte 12: invalid UTF-8"));
}

TEST(ReaderJson, EmptyTextRecordsAreSkipped) {
  std::vector<SkippedInput> skipped;
  auto docs = parse_json(R"([{"text":"  "},{"text":"Kept."}])", InputFormat::kJson, &skipped);
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0].id, "in-2");
  ASSERT_EQ(skipped.size(), 1u);
  EXPECT_EQ(skipped[0].name, "in.json#1");
}

TEST(ReaderJsonLines, OneObjectPerLineBlankLinesAndCrlfAllowed) {
  auto docs = parse_json("{\"text\":\"A.\"}\r\n\r\n{\"text\":\"B.\",\"id\":\"b\"}\n",
                         InputFormat::kJsonLines);
  ASSERT_EQ(docs.size(), 2u);
  EXPECT_EQ(docs[0].id, "in-1");
  EXPECT_EQ(docs[1].id, "b");
}

TEST(ReaderJsonLines, ErrorsNameTheLine) {
  EXPECT_THAT(error_of([] { parse_json("{\"text\":\"A.\"}\n\n{\"text\": nope}\n",
                                       InputFormat::kJsonLines); }),
              HasSubstr("in.json:3:1"));
  EXPECT_THAT(error_of([] { parse_json("{\"text\":\"A.\"}\n{\"title\":\"x\"}\n",
                                       InputFormat::kJsonLines); }),
              HasSubstr("in.json:2: the object has no \"text\" field"));
}

TEST(ReaderJsonLines, ALongRecordIsRead) {
  std::string body;
  while (body.size() < (4u << 20)) body += "Some words here. ";
  auto docs = parse_json("{\"text\":\"" + body + "\"}\n", InputFormat::kJsonLines);
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0].text, body);
}

// --- Files and folders ---

TEST_F(ReaderFiles, FolderIsReadRecursivelyInSortedOrder) {
  write("in/b.txt", "B.");
  write("in/a.txt", "A.");
  write("in/sub/c.jsonl", "{\"text\":\"C1\"}\n{\"text\":\"C2\"}\n");
  write("in/sub/d.json", "{\"text\":\"D\"}");
  write("in/notes.pdf", "%PDF-1.4");
  write("in/.hidden/e.txt", "E.");
  Corpus corpus = read_corpus({path("in")});
  std::vector<std::string> ids;
  for (const Document& d : corpus.documents) ids.push_back(d.id);
  EXPECT_THAT(ids, ::testing::ElementsAre("a", "b", "c-1", "c-2", "d"));
  std::vector<std::string> skipped;
  for (const SkippedInput& s : corpus.skipped) skipped.push_back(fs::path(s.name).filename());
  EXPECT_THAT(skipped, ::testing::UnorderedElementsAre(".hidden", "notes.pdf"));
}

TEST_F(ReaderFiles, MapFilesInAFolderAreSkipped) {
  write("in/a.txt", "A.");
  write("in/a.map.jsonl", "{\"format\":\"kg-map\",\"version\":1,\"document\":{}}\n");
  Corpus corpus = read_corpus({path("in")});
  ASSERT_EQ(corpus.documents.size(), 1u);
  EXPECT_EQ(corpus.documents[0].id, "a");
  ASSERT_EQ(corpus.skipped.size(), 1u);
  EXPECT_THAT(corpus.skipped[0].reason, HasSubstr("kg map file"));
}

TEST_F(ReaderFiles, ExplicitFileWithOtherExtensionIsText) {
  const std::string p = write("story.md", "# Title\n\nText.");
  Corpus corpus = read_corpus({p});
  ASSERT_EQ(corpus.documents.size(), 1u);
  EXPECT_EQ(corpus.documents[0].id, "story");
  EXPECT_EQ(corpus.documents[0].name, p);
}

TEST_F(ReaderFiles, FormatOptionOverridesTheExtension) {
  const std::string p = write("feed.txt", "{\"text\":\"A.\"}\n{\"text\":\"B.\"}\n");
  ReadOptions options;
  options.format = InputFormat::kJsonLines;
  EXPECT_EQ(read_corpus({p}, options).documents.size(), 2u);
}

TEST_F(ReaderFiles, MissingInputIsAnError) {
  EXPECT_THAT(error_of([&] { CorpusReader reader({path("nope.txt")}); }),
              HasSubstr("nope.txt: no such file or folder"));
}

TEST_F(ReaderFiles, FolderWithoutArticlesIsAnError) {
  write("in/image.png", "\x89PNG");
  EXPECT_THAT(error_of([&] { CorpusReader reader({path("in")}); }),
              HasSubstr("no .txt, .json or .jsonl files in this folder (1 other files"));
  fs::create_directories(path("empty"));
  EXPECT_THAT(error_of([&] { CorpusReader reader({path("empty")}); }), HasSubstr("it is empty"));
}

TEST_F(ReaderFiles, CorpusWithoutTextIsAnError) {
  write("in/a.txt", "");
  write("in/b.json", "[]");
  EXPECT_THAT(error_of([&] { read_corpus({path("in")}); }), HasSubstr("no documents"));
}

TEST_F(ReaderFiles, DuplicateIdsNameBothInputs) {
  const std::string a = write("x/story.txt", "A.");
  const std::string b = write("y/story.json", "{\"text\":\"B.\"}");
  const std::string message = error_of([&] { read_corpus({path("x"), path("y")}); });
  EXPECT_THAT(message, HasSubstr("duplicate document id 'story'"));
  EXPECT_THAT(message, HasSubstr(a));
  EXPECT_THAT(message, HasSubstr(b));
}

TEST_F(ReaderFiles, StdinGivenTwiceIsAnError) {
  EXPECT_THAT(error_of([] { CorpusReader reader({"-", "-"}); }), HasSubstr("stdin given twice"));
}

TEST_F(ReaderFiles, ReaderYieldsDocumentsOneFileAtATime) {
  write("in/a.txt", "A.");
  write("in/b.txt", "B.");
  CorpusReader reader({path("in")});
  EXPECT_EQ(reader.files().size(), 2u);
  auto first = reader.next();
  ASSERT_TRUE(first.has_value());
  EXPECT_EQ(first->text, "A.");
  auto second = reader.next();
  ASSERT_TRUE(second.has_value());
  EXPECT_EQ(second->text, "B.");
  EXPECT_FALSE(reader.next().has_value());
}

TEST_F(ReaderFiles, OversizedFileIsRefusedBeforeReading) {
  const std::string p = write("big.txt", std::string(2000, 'a'));
  ReadOptions options;
  options.max_file_bytes = 1000;
  EXPECT_THAT(error_of([&] { read_corpus({p}, options); }), HasSubstr("too large"));
}

}  // namespace
}  // namespace kg::extract
