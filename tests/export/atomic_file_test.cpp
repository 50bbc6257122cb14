#include "export/atomic_file.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "extract/error.h"

namespace kg::exporter {
namespace {

namespace fs = std::filesystem;

std::string slurp(const fs::path& p) {
  std::ifstream in(p);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

class AtomicFileTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("kg_atomic_" + std::string(::testing::UnitTest::GetInstance()
                                           ->current_test_info()->name()));
    fs::create_directories(dir_);
    path_ = (dir_ / "out.txt").string();
    std::ofstream(path_) << "previous";
  }
  void TearDown() override { fs::remove_all(dir_); }
  fs::path dir_;
  std::string path_;
};

TEST_F(AtomicFileTest, CommitReplacesTheFile) {
  AtomicFile f(path_);
  f.stream() << "new content";
  f.commit();
  EXPECT_EQ(slurp(path_), "new content");
  EXPECT_EQ(std::distance(fs::directory_iterator(dir_), fs::directory_iterator()), 1);
}

TEST_F(AtomicFileTest, WithoutCommitThePreviousFileStaysAndNoTempRemains) {
  {
    AtomicFile f(path_);
    f.stream() << "half written";
  }
  EXPECT_EQ(slurp(path_), "previous");
  EXPECT_EQ(std::distance(fs::directory_iterator(dir_), fs::directory_iterator()), 1);
}

TEST_F(AtomicFileTest, MissingFolderIsAClearError) {
  EXPECT_THROW(AtomicFile((dir_ / "no" / "such" / "x.txt").string()), kg::Error);
}

}  // namespace
}  // namespace kg::exporter
