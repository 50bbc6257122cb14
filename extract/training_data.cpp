#include "extract/training_data.h"

#include <algorithm>

namespace kg::extract {

std::vector<TreebankSentence> load_training_data(const std::vector<std::string>& paths,
                                                 const TrainingDataOptions& options) {
  std::vector<TreebankSentence> kept;
  for (const std::string& path : paths) {
    for (TreebankSentence& s : read_conllu_file(path)) {
      const auto& ex = options.excluded_genres;
      if (!s.genre.empty() && std::find(ex.begin(), ex.end(), s.genre) != ex.end()) continue;
      kept.push_back(std::move(s));
    }
  }
  return kept;
}

}  // namespace kg::extract
