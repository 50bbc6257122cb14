#pragma once
// `kg export`: one stored graph out in one of the export formats, written atomically.

#include <optional>
#include <string>
#include <string_view>

#include "export/store.h"

namespace kg::exporter {

#define KG_EXPORT_FORMATS(X) X(kJson, "json") X(kGraphml, "graphml") X(kDot, "dot") X(kSqlite, "sqlite")

#define KG_ENUMERATOR(name, text) name,
enum class ExportFormat : uint8_t { KG_EXPORT_FORMATS(KG_ENUMERATOR) };
#undef KG_ENUMERATOR

std::string_view to_string(ExportFormat format);
std::optional<ExportFormat> parse_export_format(std::string_view text);

// Writes the database's graph in `format` to `path` ("-": standard output). The sqlite format
// is a consistent copy of the whole database made with SQLite's backup API. The destination
// is replaced only when the export is complete.
void export_store(const Store& store, ExportFormat format, const std::string& path);

}  // namespace kg::exporter
