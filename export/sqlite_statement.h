#pragma once
// Statement: a prepared SQLite statement through the C API, for the loops that insert or read
// millions of rows (the store's bulk writes and loads). SQLiteCpp's Statement is used
// everywhere else; here its per-call checks and shared ownership cost a third of the time.

#include <sqlite3.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace kg::exporter {

class Statement {
 public:
  Statement(sqlite3* db, std::string_view sql);
  ~Statement();
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  void bind(int index, int64_t value) { check(sqlite3_bind_int64(stmt_, index, value)); }
  void bind(int index, double value) { check(sqlite3_bind_double(stmt_, index, value)); }
  // The text must stay alive and unchanged until the statement is stepped (SQLITE_STATIC).
  void bind(int index, std::string_view text) {
    check(sqlite3_bind_text(stmt_, index, text.data(), static_cast<int>(text.size()), SQLITE_STATIC));
  }
  void bind_null(int index) { check(sqlite3_bind_null(stmt_, index)); }
  // NULL for an empty string ("unknown").
  void bind_text_or_null(int index, std::string_view text) {
    if (text.empty()) {
      bind_null(index);
    } else {
      bind(index, text);
    }
  }

  // Runs a statement that returns no rows, then resets it for the next bindings.
  void insert();
  // Steps a query: true while there is a row.
  bool step();
  void reset() { sqlite3_reset(stmt_); }

  int64_t integer(int column) const { return sqlite3_column_int64(stmt_, column); }
  uint32_t u32(int column) const { return static_cast<uint32_t>(sqlite3_column_int64(stmt_, column)); }
  double real(int column) const { return sqlite3_column_double(stmt_, column); }
  bool is_null(int column) const { return sqlite3_column_type(stmt_, column) == SQLITE_NULL; }
  std::string_view text(int column) const {
    const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, column));
    return p ? std::string_view(p, static_cast<size_t>(sqlite3_column_bytes(stmt_, column)))
             : std::string_view();
  }

 private:
  void check(int rc);
  [[noreturn]] void fail(int rc);

  sqlite3* db_;
  sqlite3_stmt* stmt_ = nullptr;
};

// BatchInsert: appends rows to one table through a statement that inserts `batch` rows at a
// time ("INSERT INTO t VALUES(?,?),(?,?),..."). SQLite's work per statement execution (step,
// reset, starting the program) is then paid once per batch instead of once per row, which
// halves the cost of a small row (0.86 -> 0.39 us for five integers, 64 rows a batch;
// docs/performance.md). Rows are kept until their batch is full, then bound and inserted;
// finish() inserts the rows of a last, partial batch through a one-row statement, and must be
// called: the destructor drops rows not yet inserted (it runs on errors, and must not throw).
//
// The values of a row are given by column (1-based), as with Statement, then insert() ends the
// row. Text given by bind() must stay alive and unchanged until finish() (it is bound
// SQLITE_STATIC when its batch is inserted); bind_copy() keeps a copy instead.
class BatchInsert {
 public:
  BatchInsert(sqlite3* db, std::string_view table, int columns, int batch = 64);
  // Rows still buffered are dropped: finish() was not called because an error is on its way
  // out (checked in debug builds).
  ~BatchInsert();
  BatchInsert(const BatchInsert&) = delete;
  BatchInsert& operator=(const BatchInsert&) = delete;

  void bind(int column, int64_t value) { slot(column) = Value{Kind::kInteger, value, 0, {}}; }
  void bind(int column, double value) { slot(column) = Value{Kind::kReal, 0, value, {}}; }
  void bind(int column, std::string_view text) { slot(column) = Value{Kind::kText, 0, 0, text}; }
  void bind_copy(int column, std::string_view text);
  void bind_null(int column) { slot(column) = Value{}; }
  // NULL for an empty string ("unknown").
  void bind_text_or_null(int column, std::string_view text) {
    if (text.empty()) {
      bind_null(column);
    } else {
      bind(column, text);
    }
  }
  // Ends the row; inserts the batch when it is full.
  void insert();
  // Inserts the rows not yet inserted.
  void finish();

 private:
  enum class Kind : uint8_t { kNull, kInteger, kReal, kText };
  struct Value {
    Kind kind = Kind::kNull;
    int64_t integer = 0;
    double real = 0;
    std::string_view text;
  };

  size_t slot_index(int column) const { return static_cast<size_t>(row_ * columns_ + column - 1); }
  Value& slot(int column) { return values_[slot_index(column)]; }
  // Binds rows [first, first + count) of the buffer to `statement`'s parameters from 1 on.
  void bind_rows(Statement& statement, int first, int count);

  int columns_;
  int batch_;  // rows per multi-row statement
  int row_ = 0;  // rows buffered
  Statement many_;
  Statement one_;
  std::vector<Value> values_;
  std::vector<std::string> copies_;  // bind_copy's text, by slot (never resized: views into it)
};

}  // namespace kg::exporter
