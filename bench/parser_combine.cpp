// Tries ensembles of parser models: the mean of their weights (PerceptronModel::mean), which
// scores every transition with the models' mean score. Prints the size and the UAS/LAS on a
// CoNLL-U file (gold tokens and the file's tags) for each threshold, and saves the model of
// the first threshold to OUT. The models must share their labels (trained on the same trees).
// Usage: parser_combine DEV.conllu OUT THRESHOLD[,THRESHOLD...] MODEL MODEL...

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <memory>
#include <sstream>
#include <vector>

#include "bench/parser_dev_score.h"
#include "extract/conllu.h"
#include "extract/error.h"
#include "extract/parser.h"

int main(int argc, char** argv) {
  if (argc < 6) {
    std::cerr << "usage: parser_combine DEV.conllu OUT THRESHOLD[,THRESHOLD...] MODEL MODEL...\n";
    return 2;
  }
  try {
    std::vector<std::unique_ptr<kg::extract::Parser>> parsers;
    std::vector<const kg::extract::PerceptronModel*> weights;
    for (int i = 4; i < argc; ++i) {
      parsers.push_back(kg::extract::Parser::load(argv[i]));
      if (parsers.back()->transitions().labels() != parsers.front()->transitions().labels()) {
        std::cerr << "parser_combine: " << argv[i] << " has other labels than " << argv[4] << "\n";
        return 1;
      }
      weights.push_back(&parsers.back()->weights());
    }
    std::vector<kg::extract::Sentence> gold;
    for (auto& s : kg::extract::read_conllu_file(argv[1])) gold.push_back(std::move(s.sentence));
    std::stringstream thresholds(argv[3]);
    std::string item;
    bool first = true;
    const std::string temp = (std::filesystem::temp_directory_path() / "parser_combine.kgm").string();
    while (std::getline(thresholds, item, ',')) {
      const float threshold = std::strtof(item.c_str(), nullptr);
      const kg::extract::Parser combined(parsers.front()->transitions(),
                                         kg::extract::PerceptronModel::mean(weights, threshold));
      combined.save(first ? std::string(argv[2]) : temp);
      const auto scores = kg::bench::score_parser(combined, gold);
      std::printf("mean of %zu, prune %g: %zu features, %.2f MB, UAS %.2f LAS %.2f\n",
                  weights.size(), static_cast<double>(threshold),
                  combined.weights().num_features(),
                  static_cast<double>(std::filesystem::file_size(first ? argv[2] : temp)) / 1e6,
                  100.0 * scores.uas.aligned_accuracy(), 100.0 * scores.las.aligned_accuracy());
      std::fflush(stdout);
      first = false;
    }
    std::filesystem::remove(temp);
  } catch (const kg::Error& e) {
    std::cerr << "parser_combine: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
