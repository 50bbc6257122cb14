#include "extract/model_file.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "extract/error.h"

namespace kg::extract {
namespace {

class ModelFileTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = (std::filesystem::temp_directory_path() /
             ("kg_model_test_" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
              "_" + ::testing::UnitTest::GetInstance()->current_test_info()->name()))
                .string();
    ModelWriter w(header_);
    w.str("labels");
    w.u32(42);
    w.f32(0.5f);
    w.array(std::vector<float>{1.0f, -2.0f, 3.5f});
    w.save(path_);
  }
  void TearDown() override { std::remove(path_.c_str()); }

  void expect_rejected(const ModelHeader& expected, const std::string& fragment) {
    try {
      ModelReader r(path_, expected);
      FAIL() << "expected rejection: " << fragment;
    } catch (const InputError& e) {
      EXPECT_NE(std::string(e.what()).find(fragment), std::string::npos) << e.what();
    }
  }

  ModelHeader header_{"tagger", 3, 0x1234};
  std::string path_;
};

TEST_F(ModelFileTest, RoundTripsThePayload) {
  ModelReader r(path_, header_);
  EXPECT_EQ(r.str(), "labels");
  EXPECT_EQ(r.u32(), 42u);
  EXPECT_EQ(r.f32(), 0.5f);
  EXPECT_EQ(r.array<float>(), (std::vector<float>{1.0f, -2.0f, 3.5f}));
  EXPECT_NO_THROW(r.finish());
}

TEST_F(ModelFileTest, RejectsAnotherKind) { expect_rejected({"parser", 3, 0x1234}, "not a parser"); }

TEST_F(ModelFileTest, RejectsAnotherVersion) {
  expect_rejected({"tagger", 4, 0x1234}, "format version 3");
}

TEST_F(ModelFileTest, RejectsAnotherFingerprint) {
  expect_rejected({"tagger", 3, 0x9999}, "fingerprint mismatch");
}

TEST_F(ModelFileTest, RejectsACorruptedByte) {
  {
    std::fstream f(path_, std::ios::in | std::ios::out | std::ios::binary);
    f.seekp(30);
    f.put('\x7f');
  }
  expect_rejected(header_, "corrupted");
}

TEST_F(ModelFileTest, RejectsATruncatedFile) {
  std::filesystem::resize_file(path_, std::filesystem::file_size(path_) - 5);
  expect_rejected(header_, "corrupted or truncated");
}

TEST_F(ModelFileTest, RejectsAFileThatIsNotAModel) {
  { std::ofstream(path_) << "hello, not a model at all"; }
  expect_rejected(header_, "bad magic");
}

TEST_F(ModelFileTest, ReadingPastThePayloadFails) {
  ModelReader r(path_, header_);
  r.str();
  r.u32();
  r.f32();
  r.array<float>();
  EXPECT_THROW(r.u64(), InputError);
}

TEST_F(ModelFileTest, KindCanBeReadWithoutTheExpectedHeader) {
  EXPECT_EQ(model_kind(path_), "tagger");
  EXPECT_THROW(model_kind(path_ + ".missing"), InputError);
}

TEST(Fingerprint, DependsOnOrderAndContent) {
  EXPECT_NE(Fingerprint().add("a").add("b").value(), Fingerprint().add("b").add("a").value());
  EXPECT_EQ(Fingerprint().add("NOUN").value(), Fingerprint().add("NOUN").value());
  EXPECT_NE(Fingerprint().add("ab").add("c").value(), Fingerprint().add("a").add("bc").value());
}

}  // namespace
}  // namespace kg::extract
