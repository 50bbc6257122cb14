#pragma once
// Triple: one subject-relation-object fact read from one clause of one sentence.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "extract/span.h"

namespace kg::extract {

#define KG_ARGUMENT_ROLES(X) X(kTime, "time") X(kPlace, "place") X(kOther, "other")

#define KG_ENUMERATOR(name, text) name,
enum class ArgumentRole : uint8_t { KG_ARGUMENT_ROLES(KG_ENUMERATOR) };
#undef KG_ENUMERATOR

std::string_view to_string(ArgumentRole role);
std::optional<ArgumentRole> parse_argument_role(std::string_view text);

// A further argument of a fact beyond subject and object ("in New York", "in April").
struct Argument {
  ArgumentRole role = ArgumentRole::kOther;
  std::string text;
  Span span;
};

// A fact between two document-local entities, with the evidence that states it.
struct Triple {
  int subject = -1;          // index into DocumentResult::entities
  std::string relation;      // normalised, lemma-based: "meet", "brief", "president_of"
  int object = -1;           // index into DocumentResult::entities
  int sentence = -1;         // index into Document::sentences
  Span evidence;             // the clause (or sentence) that states the fact
  bool negated = false;      // "did not meet": never stored as the positive fact
  std::string modality;      // the modal that qualifies it ("may", "could"); empty if none
  int attributed_to = -1;    // entity who said it ("X said that ..."), -1 if stated directly
  std::vector<Argument> arguments;
  double confidence = 1.0;   // in [0, 1]; ranks facts
};

}  // namespace kg::extract
