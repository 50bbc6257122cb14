#pragma once
// Output of the query commands: text tables by default, CSV (RFC 4180) or JSON on request.

#include <ostream>
#include <string>
#include <vector>

#include "cli/args.h"

namespace kg::cli {

enum class OutputFormat { kText, kCsv, kJson };

// --json / --csv (mutually exclusive; default text). Throws kg::InputError for both at once.
OutputFormat output_format(const ParsedArgs& args);

struct Cell {
  std::string text;
  bool number = false;  // written unquoted in JSON
};

struct Table {
  std::vector<std::string> columns;
  std::vector<std::vector<Cell>> rows;
};

Cell text_cell(std::string text);
Cell number_cell(double value);
Cell number_cell(long long value);

// Text: aligned columns under a header; control characters shown as spaces. CSV: a header
// line then one line per row, quoted where needed. JSON: an array of objects, pretty-printed.
void print_table(const Table& table, OutputFormat format, std::ostream& out);

// For text output of free-form fields: newlines and other control characters as spaces.
std::string one_line(const std::string& text);

}  // namespace kg::cli
