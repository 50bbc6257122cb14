#include "export/exports.h"

#include <SQLiteCpp/Backup.h>
#include <SQLiteCpp/SQLiteCpp.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>

#include "export/atomic_file.h"
#include "export/dot_export.h"
#include "export/graphml_export.h"
#include "export/json_export.h"
#include "extract/enum_names.h"
#include "extract/error.h"

namespace kg::exporter {

namespace {

const auto kFormatNames = KG_ENUM_NAMES(ExportFormat, KG_EXPORT_FORMATS);

// Copies the database page by page into the file at `target` (created or truncated).
void backup_to(const Store& store, const std::string& target) {
  try {
    SQLite::Database copy(target, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    SQLite::Backup backup(copy, store.db());
    backup.executeStep(-1);  // all pages in one step: a consistent snapshot
  } catch (const SQLite::Exception& e) {
    throw Error(target + ": copying the database failed: " + e.what());
  }
}

void copy_database(const Store& store, const std::string& path) {
  if (path != "-") {
    AtomicFile file(path);
    backup_to(store, file.temp_path());
    file.commit();
    return;
  }
  // Standard output: copy into a private temporary file, then stream its bytes.
  const char* folder = std::getenv("TMPDIR");
  std::string temp = std::string(folder && *folder ? folder : "/tmp") + "/kg-export-XXXXXX";
  const int fd = ::mkstemp(temp.data());
  if (fd < 0) throw Error("cannot create a temporary file in " + temp);
  ::close(fd);
  struct Remove {
    std::string path;
    ~Remove() { std::remove(path.c_str()); }
  } remove{temp};
  backup_to(store, temp);
  std::ifstream in(temp, std::ios::binary);
  std::cout << in.rdbuf();
  std::cout.flush();
  if (!std::cout) throw Error("writing to standard output failed");
}

}  // namespace

std::string_view to_string(ExportFormat format) { return kFormatNames.name(format); }
std::optional<ExportFormat> parse_export_format(std::string_view text) {
  return kFormatNames.parse(text);
}

void export_store(const Store& store, ExportFormat format, const std::string& path) {
  if (format == ExportFormat::kSqlite) {
    copy_database(store, path);
    return;
  }
  // Only JSON quotes evidence and mentions; DOT needs no node or edge attributes beyond the
  // labels; no export runs graph algorithms.
  const graph::KnowledgeGraph graph =
      load_graph(store, LoadOptions{.attributes = format != ExportFormat::kDot,
                                    .text = format == ExportFormat::kJson,
                                    .topology = false});
  AtomicFile file(path);
  switch (format) {
    case ExportFormat::kJson: write_json(graph, file.stream()); break;
    case ExportFormat::kGraphml: write_graphml(graph, file.stream()); break;
    case ExportFormat::kDot: write_dot(graph, file.stream()); break;
    case ExportFormat::kSqlite: break;
  }
  file.commit();
}

}  // namespace kg::exporter
