#include "export/sqlite_statement.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <string>
#include <vector>

#include "extract/error.h"

namespace kg::exporter {
namespace {

// An in-memory database with one table of an integer, a real and a text (any may be NULL).
class BatchInsertTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_EQ(sqlite3_open(":memory:", &db_), SQLITE_OK);
    ASSERT_EQ(
        sqlite3_exec(db_, "CREATE TABLE t(i INTEGER, r REAL, s TEXT)", nullptr, nullptr, nullptr),
        SQLITE_OK);
  }
  void TearDown() override { sqlite3_close(db_); }

  // The rows in insertion order, each as "i|r|s" with "NULL" for NULL.
  std::vector<std::string> rows() {
    std::vector<std::string> out;
    Statement q(db_, "SELECT i, r, s FROM t ORDER BY rowid");
    while (q.step()) {
      std::string row;
      row += q.is_null(0) ? "NULL" : std::to_string(q.integer(0));
      row += '|';
      row += q.is_null(1) ? "NULL" : std::to_string(q.real(1));
      row += '|';
      row += q.is_null(2) ? "NULL" : std::string(q.text(2));
      out.push_back(row);
    }
    return out;
  }

  sqlite3* db_ = nullptr;
};

// Seven rows through batches of three: two full batches and a partial one that only finish()
// inserts, all in the order given.
TEST_F(BatchInsertTest, FullBatchesThenThePartialOneInOrder) {
  const std::vector<std::string> words = {"a", "b", "c", "d", "e", "f", "g"};
  BatchInsert insert(db_, "t", 3, 3);
  for (int64_t i = 0; i < 7; ++i) {
    insert.bind(1, i);
    insert.bind(2, 0.5 * static_cast<double>(i));
    insert.bind(3, words[static_cast<size_t>(i)]);
    insert.insert();
    if (i == 2 || i == 4) {
      EXPECT_EQ(rows().size(), 3u) << "after row " << i;  // the first batch only
    }
  }
  EXPECT_EQ(rows().size(), 6u);
  insert.finish();
  const std::vector<std::string> expected = {"0|0.000000|a", "1|0.500000|b", "2|1.000000|c",
                                             "3|1.500000|d", "4|2.000000|e", "5|2.500000|f",
                                             "6|3.000000|g"};
  EXPECT_EQ(rows(), expected);
  insert.finish();  // nothing left: inserts nothing more
  EXPECT_EQ(rows().size(), 7u);
}

// bind_copy() keeps the text: the caller's buffer is reused before the batch is inserted.
TEST_F(BatchInsertTest, CopiedTextSurvivesItsBuffer) {
  BatchInsert insert(db_, "t", 3, 4);
  std::string buffer;
  for (int64_t i = 0; i < 6; ++i) {
    buffer = "name number " + std::to_string(i) + " long enough to leave the small-string buffer";
    insert.bind(1, i);
    insert.bind_null(2);
    insert.bind_copy(3, buffer);
    insert.insert();
  }
  insert.finish();
  const std::vector<std::string> got = rows();
  ASSERT_EQ(got.size(), 6u);
  for (size_t i = 0; i < got.size(); ++i) {
    EXPECT_EQ(got[i], std::to_string(i) + "|NULL|name number " + std::to_string(i) +
                          " long enough to leave the small-string buffer");
  }
}

TEST_F(BatchInsertTest, EmptyTextOrNullIsNull) {
  BatchInsert insert(db_, "t", 3);
  insert.bind(1, int64_t{1});
  insert.bind(2, 1.0);
  insert.bind_text_or_null(3, "");
  insert.insert();
  insert.bind(1, int64_t{2});
  insert.bind(2, 2.0);
  insert.bind_text_or_null(3, "x");
  insert.insert();
  insert.finish();
  EXPECT_EQ(rows(), (std::vector<std::string>{"1|1.000000|NULL", "2|2.000000|x"}));
}

// A batch larger than a statement's parameter limit allows is made smaller, not an error.
TEST_F(BatchInsertTest, BatchFitsTheParameterLimit) {
  sqlite3_limit(db_, SQLITE_LIMIT_VARIABLE_NUMBER, 7);  // two rows of three values
  BatchInsert insert(db_, "t", 3, 64);
  for (int64_t i = 0; i < 5; ++i) {
    insert.bind(1, i);
    insert.bind(2, 1.0);
    insert.bind(3, "x");
    insert.insert();
    if (i == 1) {
      EXPECT_EQ(rows().size(), 2u);  // the first batch of two is in
    }
  }
  insert.finish();
  EXPECT_EQ(rows().size(), 5u);
}

// A constraint broken inside a batch is an error when the batch is inserted, naming SQLite's
// message.
TEST_F(BatchInsertTest, ConstraintViolationIsAnError) {
  ASSERT_EQ(sqlite3_exec(db_, "CREATE TABLE u(k INTEGER PRIMARY KEY)", nullptr, nullptr, nullptr),
            SQLITE_OK);
  BatchInsert insert(db_, "u", 1, 2);
  insert.bind(1, int64_t{5});
  insert.insert();
  insert.bind(1, int64_t{5});
  try {
    insert.insert();
    FAIL() << "a duplicate key was inserted";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("UNIQUE"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace kg::exporter
