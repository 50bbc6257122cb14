// Whole-run timing of the dependency parser on a CoNLL-U file with gold tokens and the tags
// in the file: loads the model, parses every sentence on one thread, prints the load time and
// words per second to stderr, and writes the parsed CoNLL-U to OUT (for scoring with
// ../shared/tools/nlp/conllu_score.py). Usage: parser_throughput MODEL IN.conllu [OUT.conllu]

#include <chrono>
#include <fstream>
#include <iostream>

#include "extract/conllu.h"
#include "extract/error.h"
#include "extract/parser.h"

int main(int argc, char** argv) {
  using Clock = std::chrono::steady_clock;
  if (argc < 3) {
    std::cerr << "usage: parser_throughput MODEL IN.conllu [OUT.conllu]\n";
    return 2;
  }
  try {
    auto treebank = kg::extract::read_conllu_file(argv[2]);
    const auto t0 = Clock::now();
    const auto parser = kg::extract::Parser::load(argv[1]);
    const auto t1 = Clock::now();
    size_t words = 0;
    for (auto& s : treebank) {
      for (auto& t : s.sentence.tokens) t.head = -1;
      words += s.sentence.tokens.size();
    }
    const auto t2 = Clock::now();
    for (auto& s : treebank) parser->annotate(s.sentence);
    const auto t3 = Clock::now();
    const double load = std::chrono::duration<double>(t1 - t0).count();
    const double parse = std::chrono::duration<double>(t3 - t2).count();
    std::cerr << "load " << load * 1000 << " ms; " << words << " words in " << parse << " s: "
              << static_cast<long>(words / parse) << " words/s\n";
    if (argc > 3) {
      std::ofstream out(argv[3]);
      for (const auto& s : treebank) kg::extract::write_conllu(out, s.sentence);
    }
  } catch (const kg::Error& e) {
    std::cerr << "parser_throughput: " << e.what() << '\n';
    return 1;
  }
  return 0;
}
