// How far the parser model can be shrunk: for each threshold, drops the weights of smaller
// magnitude (PerceptronModel::pruned), and prints the features and weights left, the size of
// the model file it would make and the UAS/LAS on a CoNLL-U file (gold tokens and the file's
// tags). The threshold chosen is then given to `kg train parser --prune` (models/README.md).
// Usage: parser_prune MODEL DEV.conllu THRESHOLD...

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>

#include "bench/parser_dev_score.h"
#include "extract/conllu.h"
#include "extract/error.h"
#include "extract/parser.h"

int main(int argc, char** argv) {
  if (argc < 4) {
    std::cerr << "usage: parser_prune MODEL DEV.conllu THRESHOLD...\n";
    return 2;
  }
  try {
    const auto parser = kg::extract::Parser::load(argv[1]);
    std::vector<kg::extract::Sentence> gold;
    for (auto& s : kg::extract::read_conllu_file(argv[2])) gold.push_back(std::move(s.sentence));
    const std::string temp = (std::filesystem::temp_directory_path() / "parser_prune.kgm").string();
    for (int i = 3; i < argc; ++i) {
      const float threshold = std::strtof(argv[i], nullptr);
      const kg::extract::Parser small(parser->transitions(), parser->weights().pruned(threshold));
      small.save(temp);
      const auto scores = kg::bench::score_parser(small, gold);
      std::printf("prune %g: %zu features, %zu weights, %.2f MB, UAS %.2f LAS %.2f\n",
                  static_cast<double>(threshold), small.weights().num_features(),
                  small.weights().num_weights(),
                  static_cast<double>(std::filesystem::file_size(temp)) / 1e6,
                  100.0 * scores.uas.aligned_accuracy(), 100.0 * scores.las.aligned_accuracy());
      std::fflush(stdout);
    }
    std::filesystem::remove(temp);
  } catch (const kg::Error& e) {
    std::cerr << "parser_prune: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
