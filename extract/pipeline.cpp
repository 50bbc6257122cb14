#include "extract/pipeline.h"

#include <filesystem>

#include "extract/error.h"
#include "extract/tagger.h"

namespace kg::extract {

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
  if (options.tokenize) p.require_tokenizer();
  if (options.tag) p.tagger_ = Tagger::load(model_path(options.model_dir, "tagger"));
  return p;
}

void Pipeline::annotate(Sentence& sentence) const {
  if (tagger_) tagger_->annotate(sentence);
}

void Pipeline::annotate(Document&) const { require_tokenizer(); }

void Pipeline::require_tokenizer() const {
  throw InputError("raw text needs the tokenizer model " + model_path(model_dir_, "tokenizer") +
                   ", which this build of kg cannot load yet; give gold tokens instead "
                   "(kg parse --input conllu)");
}

}  // namespace kg::extract
