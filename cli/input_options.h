#pragma once
// The options every command that reads articles shares (kg build, kg extract, kg parse):
// declared once here so their names, help and meaning cannot drift between commands.
// docs/input.md documents them.

#include <vector>

#include "cli/args.h"
#include "extract/reader.h"

namespace kg::cli {

// --input-format auto|text|json|jsonl and --invalid-utf8 error|replace.
std::vector<OptionSpec> input_option_specs();

// The ReadOptions those options ask for; throws kg::InputError for a value not in the list.
extract::ReadOptions read_options_from(const ParsedArgs& args);

}  // namespace kg::cli
