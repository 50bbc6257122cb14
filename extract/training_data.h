#pragma once
// Selecting treebank sentences for training, with the licence rule of the shipped models:
// GUM's essay, fiction, letter, podcast and whow genres are CC BY-NC-SA and stay out unless
// the user asks for them (see ../shared/data/ud-english-gum/README.md and models/README.md).

#include <string>
#include <vector>

#include "extract/conllu.h"

namespace kg::extract {

struct TrainingDataOptions {
  // Genres (GUM "# meta::genre") left out. The default keeps the shipped models free of the
  // non-commercial material; clear it only for models that will not be redistributed.
  std::vector<std::string> excluded_genres = {"essay", "fiction", "letter", "podcast", "whow"};
};

// Reads every file and keeps the sentences whose document genre is not excluded. Sentences
// from treebanks without genres (EWT) are all kept.
std::vector<TreebankSentence> load_training_data(const std::vector<std::string>& paths,
                                                 const TrainingDataOptions& options = {});

}  // namespace kg::extract
