#include "cli/models.h"

#include <cstdlib>

namespace kg::cli {

std::string model_dir(const ParsedArgs& args) {
  if (auto dir = args.value(kModelsOption.name)) return *dir;
  if (const char* env = std::getenv("KG_MODELS"); env && *env) return env;
  return KG_DEFAULT_MODEL_DIR;
}

}  // namespace kg::cli
