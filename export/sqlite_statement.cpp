#include "export/sqlite_statement.h"

#include "extract/error.h"

#include <algorithm>
#include <cassert>
#include <exception>

namespace kg::exporter {

Statement::Statement(sqlite3* db, std::string_view sql) : db_(db) {
  const int rc = sqlite3_prepare_v2(db_, sql.data(), static_cast<int>(sql.size()), &stmt_, nullptr);
  if (rc != SQLITE_OK) fail(rc);
}

Statement::~Statement() { sqlite3_finalize(stmt_); }

void Statement::check(int rc) {
  if (rc != SQLITE_OK) fail(rc);
}

void Statement::fail(int rc) {
  std::string message = "SQLite: ";
  message += sqlite3_errmsg(db_);
  if (rc == SQLITE_FULL) message += " (disk full?)";
  throw Error(message);
}

void Statement::insert() {
  const int rc = sqlite3_step(stmt_);
  sqlite3_reset(stmt_);
  if (rc != SQLITE_DONE) fail(rc);
}

bool Statement::step() {
  const int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  fail(rc);
}

namespace {

// "INSERT INTO table VALUES(?,?),(?,?)" for `rows` rows of `columns` values.
std::string insert_sql(std::string_view table, int columns, int rows) {
  std::string row = "(";
  for (int c = 0; c < columns; ++c) row += c ? ",?" : "?";
  row += ')';
  std::string sql = "INSERT INTO ";
  sql += table;
  sql += " VALUES";
  for (int r = 0; r < rows; ++r) {
    if (r) sql += ',';
    sql += row;
  }
  return sql;
}

// `batch` rows, or fewer if a statement may not have that many parameters in this SQLite
// (SQLITE_MAX_VARIABLE_NUMBER: 32,766 by default since 3.32, 999 before).
int rows_per_statement(sqlite3* db, int columns, int batch) {
  assert(columns > 0 && batch > 0);
  const int parameters = sqlite3_limit(db, SQLITE_LIMIT_VARIABLE_NUMBER, -1);
  return std::max(1, std::min(batch, parameters / columns));
}

}  // namespace

BatchInsert::BatchInsert(sqlite3* db, std::string_view table, int columns, int batch)
    : columns_(columns),
      batch_(rows_per_statement(db, columns, batch)),
      many_(db, insert_sql(table, columns, batch_)),
      one_(db, insert_sql(table, columns, 1)),
      values_(static_cast<size_t>(columns) * static_cast<size_t>(batch_)),
      copies_(values_.size()) {}

BatchInsert::~BatchInsert() { assert(row_ == 0 || std::uncaught_exceptions() > 0); }

void BatchInsert::bind_copy(int column, std::string_view text) {
  const size_t index = slot_index(column);
  copies_[index].assign(text);
  values_[index] = Value{Kind::kText, 0, 0, copies_[index]};
}

void BatchInsert::bind_rows(Statement& statement, int first, int count) {
  const Value* value = &values_[static_cast<size_t>(first * columns_)];
  for (int p = 1; p <= count * columns_; ++p, ++value) {
    switch (value->kind) {
      case Kind::kNull:
        statement.bind_null(p);
        break;
      case Kind::kInteger:
        statement.bind(p, value->integer);
        break;
      case Kind::kReal:
        statement.bind(p, value->real);
        break;
      case Kind::kText:
        statement.bind(p, value->text);
        break;
    }
  }
}

void BatchInsert::insert() {
  if (++row_ < batch_) return;
  bind_rows(many_, 0, batch_);
  row_ = 0;
  many_.insert();
}

void BatchInsert::finish() {
  const int rows = row_;
  row_ = 0;
  for (int r = 0; r < rows; ++r) {
    bind_rows(one_, r, 1);
    one_.insert();
  }
}

}  // namespace kg::exporter
