#include "cli/input_options.h"

namespace kg::cli {

std::vector<OptionSpec> input_option_specs() {
  return {
      {"--input-format", "auto|text|json|jsonl",
       "how to read named files and stdin: auto goes by extension (.json, .jsonl; anything "
       "else and stdin are text); files inside folders always go by extension"},
      {"--invalid-utf8", "error|replace",
       "bytes that are not UTF-8: error stops with the file, line and byte (default); replace "
       "substitutes U+FFFD"},
  };
}

extract::ReadOptions read_options_from(const ParsedArgs& args) {
  extract::ReadOptions options;
  const std::string format =
      args.choice("--input-format", "auto", {"auto", "text", "json", "jsonl"});
  if (format == "text") options.format = extract::InputFormat::kText;
  if (format == "json") options.format = extract::InputFormat::kJson;
  if (format == "jsonl") options.format = extract::InputFormat::kJsonLines;
  if (args.choice("--invalid-utf8", "error", {"error", "replace"}) == "replace") {
    options.invalid_utf8 = extract::InvalidUtf8::kReplace;
  }
  return options;
}

}  // namespace kg::cli
