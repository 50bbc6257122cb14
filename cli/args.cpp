#include "cli/args.h"

#include <algorithm>
#include <charconv>
#include <sstream>

#include "extract/edit_distance.h"
#include "extract/error.h"

namespace kg::cli {

namespace {

const OptionSpec* find_option(const CommandSpec& spec, std::string_view name) {
  for (const OptionSpec& o : spec.options) {
    if (o.name == name) return &o;
  }
  return nullptr;
}

std::string usage_hint(const CommandSpec& spec) {
  return " (see `" + std::string(spec.name) + " --help`)";
}

}  // namespace

bool ParsedArgs::has(std::string_view name) const {
  return std::any_of(options_.begin(), options_.end(),
                     [&](const auto& kv) { return kv.first == name; });
}

std::optional<std::string> ParsedArgs::value(std::string_view name) const {
  std::optional<std::string> result;
  for (const auto& [key, val] : options_) {
    if (key == name) result = val;  // the last occurrence wins
  }
  return result;
}

std::vector<std::string> ParsedArgs::values(std::string_view name) const {
  std::vector<std::string> result;
  for (const auto& [key, val] : options_) {
    if (key == name) result.push_back(val);
  }
  return result;
}

std::string ParsedArgs::value_or(std::string_view name, std::string fallback) const {
  auto v = value(name);
  return v ? *v : std::move(fallback);
}

long long ParsedArgs::integer(std::string_view name, long long fallback, long long min,
                              long long max) const {
  auto v = value(name);
  if (!v) return fallback;
  long long n = 0;
  auto [ptr, ec] = std::from_chars(v->data(), v->data() + v->size(), n);
  if (ec != std::errc() || ptr != v->data() + v->size() || n < min || n > max) {
    throw InputError(std::string(name) + ": expected a whole number from " + std::to_string(min) +
                     " to " + std::to_string(max) + ", got '" + *v + "'");
  }
  return n;
}

double ParsedArgs::real(std::string_view name, double fallback, double min, double max) const {
  auto v = value(name);
  if (!v) return fallback;
  double x = 0;
  auto [ptr, ec] = std::from_chars(v->data(), v->data() + v->size(), x);
  if (ec != std::errc() || ptr != v->data() + v->size() || !(x >= min && x <= max)) {
    std::ostringstream msg;
    msg << name << ": expected a number from " << min << " to " << max << ", got '" << *v << "'";
    throw InputError(msg.str());
  }
  return x;
}

std::string ParsedArgs::choice(std::string_view name, std::string fallback,
                               const std::vector<std::string_view>& choices) const {
  auto v = value(name);
  if (!v) return fallback;
  if (std::find(choices.begin(), choices.end(), *v) != choices.end()) return *v;
  std::string list;
  for (std::string_view c : choices) {
    if (!list.empty()) list += '|';
    list += c;  // appends, not "literal" + string: GCC 12 -O3 warns (-Wrestrict) on that
  }
  throw InputError(std::string(name) + ": expected one of " + list + ", got '" + *v + "'");
}

ParsedArgs parse_args(const CommandSpec& spec, const std::vector<std::string>& args) {
  ParsedArgs parsed;
  bool options_done = false;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (options_done || arg == "-" || arg.empty() || arg[0] != '-') {
      parsed.positionals_.push_back(arg);
      continue;
    }
    if (arg == "--") {
      options_done = true;
      continue;
    }
    if (arg == "--help" || arg == "-h") {
      parsed.help_ = true;
      return parsed;
    }
    std::string name = arg;
    std::optional<std::string> inline_value;
    if (const size_t eq = arg.find('='); arg.rfind("--", 0) == 0 && eq != std::string::npos) {
      name = arg.substr(0, eq);
      inline_value = arg.substr(eq + 1);
    }
    const OptionSpec* option = find_option(spec, name);
    if (!option) {
      std::vector<std::string> names;
      for (const OptionSpec& o : spec.options) names.emplace_back(o.name);
      std::string msg = std::string(spec.name) + ": unknown option '" + name + "'";
      const auto near = closest(name, names, 1);
      if (!near.empty()) msg += "; did you mean '" + near.front() + "'?";
      throw InputError(msg + usage_hint(spec));
    }
    if (option->value_name.empty()) {
      if (inline_value) {
        throw InputError(std::string(spec.name) + ": option " + name + " takes no value" +
                         usage_hint(spec));
      }
      parsed.options_.emplace_back(name, "");
    } else {
      if (!inline_value) {
        if (i + 1 >= args.size()) {
          throw InputError(std::string(spec.name) + ": option " + name + " needs a value (" +
                           std::string(option->value_name) + ")" + usage_hint(spec));
        }
        inline_value = args[++i];
      }
      parsed.options_.emplace_back(name, *inline_value);
    }
    if (!option->repeatable && parsed.values(name).size() > 1) {
      throw InputError(std::string(spec.name) + ": option " + name + " given twice" +
                       usage_hint(spec));
    }
  }
  const int n = static_cast<int>(parsed.positionals_.size());
  if (n < spec.min_positionals || (spec.max_positionals >= 0 && n > spec.max_positionals)) {
    throw InputError(std::string(spec.name) + ": expected " + std::string(spec.usage) +
                     usage_hint(spec));
  }
  return parsed;
}

std::string help_text(const CommandSpec& spec) {
  std::ostringstream out;
  out << "usage: " << spec.name << ' ' << spec.usage << "\n\n" << spec.summary << '\n';
  size_t width = 6;  // "--help"
  for (const OptionSpec& o : spec.options) {
    width = std::max(width, o.name.size() + (o.value_name.empty() ? 0 : o.value_name.size() + 1));
  }
  out << "\noptions:\n";
  {
    for (const OptionSpec& o : spec.options) {
      std::string left(o.name);
      if (!o.value_name.empty()) {
        left += ' ';
        left += o.value_name;
      }
      out << "  " << left << std::string(width - left.size() + 2, ' ') << o.help << '\n';
    }
  }
  out << "  --help" << std::string(width - 6 + 2, ' ') << "show this help\n";
  return out.str();
}

std::vector<std::string> closest(std::string_view word, const std::vector<std::string>& candidates,
                                 size_t max_results) {
  const size_t limit = std::max<size_t>(2, word.size() / 3);
  std::vector<std::pair<size_t, std::string>> scored;
  for (const std::string& c : candidates) {
    const size_t d = extract::edit_distance(word, c, limit);
    if (d <= limit) scored.emplace_back(d, c);
  }
  std::stable_sort(scored.begin(), scored.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<std::string> out;
  for (size_t i = 0; i < scored.size() && i < max_results; ++i) out.push_back(scored[i].second);
  return out;
}

}  // namespace kg::cli
