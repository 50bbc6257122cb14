#pragma once
// Where the commands that run kg's statistical stages find the model files.

#include <string>

#include "cli/args.h"

namespace kg::cli {

// The option every such command declares in its CommandSpec.
inline constexpr OptionSpec kModelsOption = {
    "--models", "DIR",
    "folder of the model files (default: $KG_MODELS, else the models/ folder kg was built with)"};

// The model folder: --models DIR if given, else the KG_MODELS environment variable if set and
// not empty, else the models/ folder of the source tree kg was built from.
std::string model_dir(const ParsedArgs& args);

}  // namespace kg::cli
