#pragma once
// Sentences with gold named entities, for training and scoring the recogniser, from either
// format kg reads them in: GUM's CoNLL-U (entities derived from its mention annotation by
// extract/entity_derivation.h) or Universal NER's IOB2 (extract/iob2.h).

#include <string>
#include <vector>

#include "extract/sentence.h"
#include "extract/training_data.h"

namespace kg::extract {

struct NerCorpus {
  std::vector<Sentence> sentences;   // words (with tags and trees where the file has them)
                                     // and gold entities
  std::vector<uint32_t> documents;   // per sentence, a document number (0, 1, ...)
  std::vector<EntityType> types;     // the entity types the gold annotation can hold
  std::vector<std::string> title_words;  // CoNLL-U only: learned by EntityDeriver
};

struct NerCorpusOptions {
  // CoNLL-U only: genres left out (the licence rule of the shipped models; see
  // extract/training_data.h). Evaluation keeps every genre.
  TrainingDataOptions selection = {{}};
  // CoNLL-U files whose UPOS/XPOS/lemmas and tree (or its absence) are copied onto sentences
  // with the same sent_id and the same words: e.g. gold analyses of EWT dev for UNER's EWT
  // dev, or the tagger's predictions (for CoNLL-U files, after the gold names are derived).
  std::vector<std::string> tags_paths;
  // CoNLL-U only: cut hyphenated words into their parts and hyphens as kg's tokenizer does
  // (split_hyphenated_words), after the names are derived and the tags copied.
  bool split_hyphens = false;
};

// Cuts each hyphenated word of `sentence` ("Coca-Cola", "al-Sadr", "Saudi-led") into its parts
// and hyphens, as EWT's tokenization does and kg's tokenizer learnt from it, where GUM keeps
// the word whole: a model trained on GUM then sees names as it meets them in kg's input
// ("Coca - Cola"). Words after a prefix that EWT keeps attached ("ex-president", "anti-war",
// "co-founder", "mid-March") stay whole. Each part keeps the word's tags and the hyphens are
// PUNCT/HYPH; with a tree the last part keeps the word's head and relation, the other parts
// hang on it (compound, punct), and the word's dependents on its last part. Names, multiword
// tokens and spans follow. Returns the number of words cut.
int split_hyphenated_words(Sentence& sentence);

// Reads `path` as CoNLL-U if its first word line has ten columns, else as IOB2. CoNLL-U gives
// all seven types; IOB2 (UNER) gives PERSON, ORG and LOCATION. Throws kg::InputError on a bad
// file.
NerCorpus read_ner_corpus(const std::string& path, const NerCorpusOptions& options = {});

// Several CoNLL-U files as one training corpus (documents numbered across files).
NerCorpus read_ner_corpora(const std::vector<std::string>& paths,
                           const NerCorpusOptions& options = {});

}  // namespace kg::extract
