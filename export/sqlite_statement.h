#pragma once
// Statement: a prepared SQLite statement through the C API, for the loops that insert or read
// millions of rows (the store's bulk writes and loads). SQLiteCpp's Statement is used
// everywhere else; here its per-call checks and shared ownership cost a third of the time.

#include <sqlite3.h>

#include <cstdint>
#include <string>
#include <string_view>

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

}  // namespace kg::exporter
