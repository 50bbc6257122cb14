#pragma once
// Test support: documents built from hand-written dependency trees, in a compact form of
// CoNLL-U (one word per line: FORM LEMMA UPOS XPOS HEAD DEPREL [SpaceAfter=No]; ids are the
// line numbers; a blank line ends a sentence), with the named entities given as a comment
// line per sentence:  "# entities = Sergey Lavrov:PERSON; Council on Foreign Relations:ORG".
// The trees follow UD English as EWT annotates it.

#include <string>
#include <string_view>
#include <vector>

#include "extract/document.h"
#include "extract/document_result.h"

namespace kg::extract::testing {

// The CoNLL-U text of the compact form (ten tab-separated columns per word).
std::string to_conllu(std::string_view compact);

// A parsed, NER-annotated Document: text rebuilt from the words, spans set, entities placed
// on every occurrence of each "# entities" name in its sentence.
Document parsed_document(std::string_view compact);

// Runs the extractor on it.
DocumentResult extract(std::string_view compact);

// The facts as "Subject relation Object" strings (entity names), with " [not]" for negated
// facts, " [modal]" for modality and " [by Speaker]" for attributed ones.
std::vector<std::string> facts(const DocumentResult& result);

// The name of the entity `mention_text` (a surface string in the text) was linked to, and the
// rule; "" when the text is not a linked mention. The n-th occurrence (0-based).
std::string entity_of(const DocumentResult& result, std::string_view mention_text, int n = 0);
std::string rule_of(const DocumentResult& result, std::string_view mention_text, int n = 0);

}  // namespace kg::extract::testing
