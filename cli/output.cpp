#include "cli/output.h"

#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>

#include <algorithm>
#include <charconv>

#include "extract/error.h"

namespace kg::cli {

namespace {

// Display width of UTF-8 text in code points (good enough for aligned columns).
size_t width(const std::string& s) {
  return static_cast<size_t>(std::count_if(s.begin(), s.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

std::string csv_field(const std::string& s) {
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

}  // namespace

OutputFormat output_format(const ParsedArgs& args) {
  const bool json = args.has("--json");
  const bool csv = args.has("--csv");
  if (json && csv) throw InputError("give --json or --csv, not both");
  return json ? OutputFormat::kJson : csv ? OutputFormat::kCsv : OutputFormat::kText;
}

Cell text_cell(std::string text) { return Cell{std::move(text), false}; }

Cell number_cell(double value) {
  char text[32];
  const auto r = std::to_chars(text, text + sizeof text, value);
  return Cell{std::string(text, r.ptr), true};
}

Cell number_cell(long long value) { return Cell{std::to_string(value), true}; }

std::string one_line(const std::string& text) {
  std::string out = text;
  for (char& c : out) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) c = ' ';
  }
  return out;
}

void print_table(const Table& table, OutputFormat format, std::ostream& out) {
  switch (format) {
    case OutputFormat::kCsv: {
      for (size_t i = 0; i < table.columns.size(); ++i) {
        out << (i ? "," : "") << csv_field(table.columns[i]);
      }
      out << "\r\n";
      for (const auto& row : table.rows) {
        for (size_t i = 0; i < row.size(); ++i) out << (i ? "," : "") << csv_field(row[i].text);
        out << "\r\n";
      }
      return;
    }
    case OutputFormat::kJson: {
      rapidjson::StringBuffer buffer;
      rapidjson::PrettyWriter<rapidjson::StringBuffer> w(buffer);
      w.SetIndent(' ', 2);
      w.StartArray();
      for (const auto& row : table.rows) {
        w.StartObject();
        for (size_t i = 0; i < row.size(); ++i) {
          w.Key(table.columns[i].c_str());
          if (row[i].number) {
            w.RawValue(row[i].text.c_str(), row[i].text.size(), rapidjson::kNumberType);
          } else {
            w.String(row[i].text.c_str(), static_cast<rapidjson::SizeType>(row[i].text.size()));
          }
        }
        w.EndObject();
      }
      w.EndArray();
      out << buffer.GetString() << '\n';
      return;
    }
    case OutputFormat::kText: {
      std::vector<size_t> widths(table.columns.size());
      for (size_t i = 0; i < widths.size(); ++i) widths[i] = width(table.columns[i]);
      std::vector<std::vector<std::string>> cells;
      for (const auto& row : table.rows) {
        auto& line = cells.emplace_back();
        for (size_t i = 0; i < row.size(); ++i) {
          line.push_back(one_line(row[i].text));
          widths[i] = std::max(widths[i], width(line.back()));
        }
      }
      auto print_row = [&](const std::vector<std::string>& row, const std::vector<Cell>* types) {
        std::string line;
        for (size_t i = 0; i < row.size(); ++i) {
          const std::string pad(widths[i] - width(row[i]), ' ');
          const bool right = types && (*types)[i].number;
          line += right ? pad + row[i] : row[i] + (i + 1 < row.size() ? pad : "");
          if (i + 1 < row.size()) line += "  ";
        }
        out << line << '\n';
      };
      print_row(table.columns, nullptr);
      std::vector<std::string> rule;
      for (size_t w : widths) rule.emplace_back(w, '-');
      print_row(rule, nullptr);
      for (size_t r = 0; r < cells.size(); ++r) print_row(cells[r], &table.rows[r]);
      return;
    }
  }
}

}  // namespace kg::cli
