#include "extract/pipeline.h"

#include <filesystem>

#include "extract/error.h"
#include "extract/ner.h"
#include "extract/parser.h"
#include "extract/tagger.h"
#include "extract/tokenizer.h"

namespace kg::extract {

void clear_trees(Sentence& sentence) {
  for (Token& t : sentence.tokens) {
    t.head = -1;
    t.deprel = Deprel::kDep;
  }
  sentence.entities.clear();
}

void clear_annotations(Sentence& sentence) {
  for (Token& t : sentence.tokens) {
    t.lemma.clear();
    t.upos = Upos::kX;
    t.xpos = Xpos::kNone;
  }
  clear_trees(sentence);
}

Pipeline::Pipeline() = default;
Pipeline::Pipeline(Pipeline&&) noexcept = default;
Pipeline& Pipeline::operator=(Pipeline&&) noexcept = default;
Pipeline::~Pipeline() = default;

std::string Pipeline::model_path(const std::string& model_dir, const std::string& kind) {
  return (std::filesystem::path(model_dir) / (kind + ".kgm")).string();
}

Pipeline Pipeline::load(const PipelineOptions& options) {
  Pipeline p;
  p.model_dir_ = options.model_dir;
  auto path = [&](const std::string& given, const std::string& kind) {
    return given.empty() ? model_path(options.model_dir, kind) : given;
  };
  if (options.tokenize) p.tokenizer_ = Tokenizer::load(path(options.tokenizer_model, "tokenizer"));
  if (options.tag) p.tagger_ = Tagger::load(path(options.tagger_model, "tagger"));
  if (options.recognise_names) p.ner_ = Ner::load(path(options.ner_model, "ner"));
  if (options.parse) p.parser_ = Parser::load(path(options.parser_model, "parser"));
  return p;
}

void Pipeline::annotate(Sentence& sentence) const {
  if (tagger_) tagger_->annotate(sentence);
  if (parser_) parser_->annotate(sentence);
  if (ner_) ner_->annotate(sentence);
}

void Pipeline::annotate(std::vector<Sentence>& document_sentences) const {
  for (Sentence& s : document_sentences) {
    if (tagger_) tagger_->annotate(s);
    if (parser_) parser_->annotate(s);
  }
  // Names recur within a document: NER reads the document's sentences together.
  if (ner_) ner_->annotate(document_sentences);
}

void Pipeline::annotate(Document& document) const {
  if (!tokenizer_) {
    throw InputError("raw text needs the tokenizer model " + model_path(model_dir_, "tokenizer") +
                     ", which this pipeline was loaded without");
  }
  tokenizer_->annotate(document);
  annotate(document.sentences);
}

}  // namespace kg::extract
