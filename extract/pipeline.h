#pragma once
// Pipeline: the statistical stages of kg composed in order (tokenizer -> tagger -> parser ->
// NER), each loaded from its model file <model_dir>/<kind>.kgm. A stage is optional: the
// caller says which it wants, only those are loaded, and the others leave their fields as
// they are. Sentence input (gold tokens) skips the tokenizer; Document input needs it.
//
// Adding a stage: a member holding its loaded model, a field in PipelineOptions, one load
// line in Pipeline::load() and one call in annotate().

#include <memory>
#include <string>
#include <vector>

#include "extract/document.h"
#include "extract/sentence.h"

namespace kg::extract {

class Ner;
class Parser;
class Tagger;
class Tokenizer;

// Forgets what the stages add to a sentence (tags, lemmas, tree, entities) and keeps its words,
// sentence id and text: the input of a gold-tokenization run, with nothing of the gold analysis
// left to leak into the output.
void clear_annotations(Sentence& sentence);
// Forgets the tree and the entities only, keeping words, tags and lemmas: the input of a run
// that parses with given tags (`kg parse --keep-tags`).
void clear_trees(Sentence& sentence);

struct PipelineOptions {
  // Folder holding the model files (tokenizer.kgm, tagger.kgm, ...). The CLI fills it from
  // --models, $KG_MODELS or the build's default (the source tree's models/).
  std::string model_dir = "models";
  // The stages to run. A wanted stage whose model file is missing is an error that names the
  // file; an unwanted stage is not loaded at all (so `kg parse --input conllu` needs no
  // tokenizer).
  bool tokenize = true;
  bool tag = true;
  bool parse = true;
  // Named entities (ner.kgm); off unless asked for.
  bool recognise_names = false;
  // Model files to use instead of <model_dir>/<kind>.kgm; empty for the folder's.
  std::string tokenizer_model;
  std::string tagger_model;
  std::string parser_model;
  std::string ner_model;
};

// Loaded models, read-only after load(): annotate() is const and thread-safe, so one
// Pipeline serves every worker thread.
class Pipeline {
 public:
  // Throws kg::InputError naming the model file when a wanted model is missing or unusable.
  static Pipeline load(const PipelineOptions& options);

  Pipeline(Pipeline&&) noexcept;
  Pipeline& operator=(Pipeline&&) noexcept;
  ~Pipeline();

  // Runs the loaded stages after tokenization on a sentence whose tokens (forms) are given
  // (the NER stage takes it as a document of one sentence).
  void annotate(Sentence& sentence) const;
  // The same for the sentences of one document, in order: the NER stage sees them together
  // (a name's other occurrences in the document inform its type).
  void annotate(std::vector<Sentence>& document_sentences) const;
  // Splits the document's text (its paragraphs if cleaned) into sentences and tokens, then
  // runs the other stages on each sentence. Throws kg::InputError if the pipeline has no
  // tokenizer.
  void annotate(Document& document) const;

  bool has_tokenizer() const { return tokenizer_ != nullptr; }
  bool has_tagger() const { return tagger_ != nullptr; }
  bool has_ner() const { return ner_ != nullptr; }
  bool has_parser() const { return parser_ != nullptr; }

  // The path of the model file of `kind` ("tagger", ...) in `model_dir`.
  static std::string model_path(const std::string& model_dir, const std::string& kind);

 private:
  Pipeline();
  std::string model_dir_;
  std::unique_ptr<Tokenizer> tokenizer_;
  std::unique_ptr<Tagger> tagger_;
  std::unique_ptr<Ner> ner_;
  std::unique_ptr<Parser> parser_;
};

}  // namespace kg::extract
