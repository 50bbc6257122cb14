#pragma once
// Command-line parsing shared by every subcommand: each declares a CommandSpec (its options
// with one-line help), parse_args() checks argv against it, and --help is printed from it,
// so the help text can never drift from what is accepted.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kg::cli {

struct OptionSpec {
  std::string_view name;        // "--db"; short aliases are separate entries ("-o")
  std::string_view value_name;  // "FILE"; empty for a flag that takes no value
  std::string_view help;
  bool repeatable = false;
};

struct CommandSpec {
  std::string_view name;      // "kg build"
  std::string_view usage;     // "INPUT... [--db FILE]"
  std::string_view summary;   // one paragraph for --help
  std::vector<OptionSpec> options;
  int min_positionals = 0;
  int max_positionals = -1;   // -1: unlimited
};

class ParsedArgs {
 public:
  const std::vector<std::string>& positionals() const { return positionals_; }
  bool has(std::string_view name) const;
  std::optional<std::string> value(std::string_view name) const;
  std::vector<std::string> values(std::string_view name) const;
  std::string value_or(std::string_view name, std::string fallback) const;
  // Integer and real values; throw kg::InputError naming the option on a bad number or one
  // outside [min, max].
  long long integer(std::string_view name, long long fallback, long long min, long long max) const;
  double real(std::string_view name, double fallback, double min, double max) const;
  // A value from a closed list ("json", "csv"); throws kg::InputError listing the choices.
  std::string choice(std::string_view name, std::string fallback,
                     const std::vector<std::string_view>& choices) const;
  bool help_requested() const { return help_; }

 private:
  friend ParsedArgs parse_args(const CommandSpec& spec, const std::vector<std::string>& args);
  std::vector<std::string> positionals_;
  std::vector<std::pair<std::string, std::string>> options_;
  bool help_ = false;
};

// Parses `args` (without the program and command names). `-` alone is a positional (stdin),
// `--` ends the options, `--name=value` and `--name value` are both accepted. Throws
// kg::InputError for an unknown option (with a "did you mean"), a missing value, or a wrong
// number of positionals.
ParsedArgs parse_args(const CommandSpec& spec, const std::vector<std::string>& args);

// The --help text of a command, generated from its spec.
std::string help_text(const CommandSpec& spec);

// The closest candidates to `word` by edit distance (for "did you mean"), best first.
std::vector<std::string> closest(std::string_view word, const std::vector<std::string>& candidates,
                                 size_t max_results = 3);

}  // namespace kg::cli
