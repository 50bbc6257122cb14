#include "extract/pretokenized.h"

namespace kg::extract {

namespace {

bool is_separator(char c) { return c == ' ' || c == '\t' || c == '\r'; }

}  // namespace

std::string_view unescape_ptb(std::string_view token) {
  struct Escape {
    std::string_view escaped;
    std::string_view plain;
  };
  static constexpr Escape kEscapes[] = {
      {"-LRB-", "("}, {"-RRB-", ")"}, {"-LSB-", "["}, {"-RSB-", "]"}, {"-LCB-", "{"},
      {"-RCB-", "}"}, {"``", "\""},   {"''", "\""},   {"`", "'"},
  };
  for (const Escape& e : kEscapes) {
    if (token == e.escaped) return e.plain;
  }
  return token;
}

Sentence pretokenized_sentence(std::string_view line) {
  Sentence s;
  size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && is_separator(line[i])) ++i;
    const size_t start = i;
    while (i < line.size() && !is_separator(line[i])) ++i;
    if (i == start) break;
    Token t;
    t.form = std::string(unescape_ptb(line.substr(start, i - start)));
    t.span = {static_cast<uint32_t>(start), static_cast<uint32_t>(i)};
    s.tokens.push_back(std::move(t));
  }
  s.text = std::string(line);
  s.span = {0, static_cast<uint32_t>(line.size())};
  return s;
}

void restore_pretokenized_forms(Sentence& sentence, std::string_view line) {
  for (Token& t : sentence.tokens) {
    if (t.span.end <= line.size()) t.form = std::string(line.substr(t.span.start, t.span.size()));
  }
}

}  // namespace kg::extract
