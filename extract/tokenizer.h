#pragma once
// The tokenizer and sentence splitter: raw paragraphs in, sentences of UD-style tokens out,
// each token with byte offsets into the original text. Trained on the raw text rebuilt from
// the UD English treebanks (extract/tokenizer_train.h); tokens, multiword tokens ("don't" ->
// "do" + "n't", "John's" -> "John" + "'s", as UD English EWT and GUM 2.16 split them) and
// sentence boundaries follow those treebanks. How it decides: extract/tokenizer_features.h.

#include <memory>
#include <string>
#include <vector>

#include "extract/document.h"
#include "extract/model_file.h"
#include "extract/perceptron.h"
#include "extract/tokenizer_features.h"

namespace kg::extract {

struct TokenizerOptions {
  // A sentence is cut after this many tokens even where the model sees no boundary: such
  // "sentences" are lists or run-on text without punctuation, and the parser's cost grows
  // faster than linearly with sentence length. UD English dev sentences have at most ~160.
  int max_sentence_tokens = 250;
};

class Tokenizer {
 public:
  // Loads models/tokenizer.kgm (or another file written by save()). Throws kg::InputError
  // naming the file if it is missing, not a tokenizer model, or from another kg version.
  static std::unique_ptr<Tokenizer> load(const std::string& path,
                                         const TokenizerOptions& options = {});

  Tokenizer(PerceptronModel join, PerceptronModel boundary, TokenizerLexicon lexicon,
            const TokenizerOptions& options = {});

  // Fills doc.sentences (tokens with byte spans into doc.text, forms, space_after,
  // multiword tokens, paragraph_start) from doc.paragraphs. A document that was never
  // cleaned (doc.cleaned false, no paragraphs) is first split into paragraphs by the
  // cleaner's rule with nothing dropped, which fills doc.paragraphs. Every paragraph end is
  // a sentence end. Linear in the text; const and thread-safe.
  void annotate(Document& doc) const;

  // Appends the sentences of text[paragraph] to `out` (the first marked paragraph_start).
  void segment(std::string_view text, Span paragraph, std::vector<Sentence>& out) const;

  void save(const std::string& path) const;

  const TokenizerLexicon& lexicon() const { return lexicon_; }
  size_t num_features() const { return join_.num_features() + boundary_.num_features(); }

 private:
  PerceptronModel join_;      // classes: 0 = split, 1 = join
  PerceptronModel boundary_;  // classes: 0 = no boundary, 1 = sentence ends after the token
  TokenizerLexicon lexicon_;
  LexiconIndex index_;
  TokenizerOptions options_;
};

// The model-file header the tokenizer writes and expects (kind "tokenizer").
ModelHeader tokenizer_model_header();

}  // namespace kg::extract
