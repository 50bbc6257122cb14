#include "export/sqlite_statement.h"

#include "extract/error.h"

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

}  // namespace kg::exporter
