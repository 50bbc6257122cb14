// `kg parse`: runs kg's statistical stages (segmentation, POS tags and lemmas, and the stages
// added later) on a file and prints the analysis as CoNLL-U or as a readable table.

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>

#include "cli/args.h"
#include "cli/commands.h"
#include "cli/models.h"
#include "extract/conllu.h"
#include "extract/document.h"
#include "extract/error.h"
#include "extract/iob2.h"
#include "extract/pipeline.h"
#include "extract/reader.h"
#include "extract/utf8.h"

namespace kg::cli {

namespace {

const CommandSpec kSpec = {
    "kg parse",
    "FILE [--input text|conllu] [--keep-tags] [--format conllu|text|iob2] [--all-types]\n"
    "       [--models DIR] [--parser MODEL]",
    "Analyses FILE ('-' for stdin) with kg's models and prints one analysis per sentence.\n"
    "--input text (the default) reads raw text and needs the tokenizer model; --input conllu\n"
    "takes the words (and sentence ids and text) of a CoNLL-U file and re-annotates them,\n"
    "ignoring its tags, lemmas and trees, so the output has exactly the same words in the same\n"
    "order (for evaluation with gold tokenization); with --keep-tags its UPOS, XPOS and lemmas\n"
    "are kept and only trees and names are predicted (to parse with given tags, e.g.\n"
    "jackknifed ones, when making training data). --format conllu (the default) writes\n"
    "CoNLL-U; --format text writes, per sentence, '# text' and one aligned row per word:\n"
    "ID FORM LEMMA UPOS XPOS HEAD DEPREL ('_' where a stage did not run), then a blank line;\n"
    "--format iob2 writes the named entities in Universal NER's five-column IOB2 layout\n"
    "(PER, ORG, LOC) over the same words, so outside scorers can score kg's names. Sentences\n"
    "of one document ('# newdoc id' in CoNLL-U) are annotated together. Names are found when\n"
    "the model folder has ner.kgm (--format iob2 requires it).",
    {
        {"--input", "KIND", "text (raw text, the default) or conllu (gold words)"},
        {"--format", "KIND", "conllu (the default), text or iob2"},
        {"--keep-tags", "", "conllu input: keep the file's tags and lemmas, do not run the tagger"},
        {"--all-types", "", "iob2: write every kg type (B-NORP, B-DATE, ...), not only PER/ORG/LOC"},
        kModelsOption,
        {"--parser", "MODEL", "parser model file to use instead of the folder's parser.kgm"},
    },
    1,
    1};

std::string read_all(const std::string& path) {
  if (path == "-") {
    return std::string(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError(path + ": cannot open the file (does it exist and is it readable?)");
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

void write_text(std::ostream& out, const extract::Sentence& s) {
  if (!s.id.empty()) out << "# sent_id = " << s.id << '\n';
  out << "# text = " << (s.text.empty() ? extract::surface_text(s) : s.text) << '\n';
  std::vector<std::vector<std::string>> rows;
  for (size_t i = 0; i < s.tokens.size(); ++i) {
    const extract::Token& t = s.tokens[i];
    const bool parsed = t.head >= 0;
    rows.push_back({std::to_string(i + 1), t.form, t.lemma.empty() ? "_" : t.lemma,
                    std::string(to_string(t.upos)), std::string(to_string(t.xpos)),
                    parsed ? std::to_string(t.head) : "_",
                    parsed ? std::string(to_string(t.deprel)) : "_"});
  }
  std::vector<size_t> width(7, 0);
  for (const auto& row : rows) {
    // In characters, so columns line up for non-ASCII words too (wide CJK characters aside).
    for (size_t c = 0; c < row.size(); ++c) {
      width[c] = std::max(width[c], extract::utf8_length(row[c]));
    }
  }
  for (const auto& row : rows) {
    std::string line;
    for (size_t c = 0; c < row.size(); ++c) {
      line += row[c];
      if (c + 1 < row.size()) line.append(width[c] - extract::utf8_length(row[c]) + 2, ' ');
    }
    out << line << '\n';
  }
  out << '\n';
}

}  // namespace

int parse(const Args& args) {
  const ParsedArgs parsed = parse_args(kSpec, args);
  if (parsed.help_requested()) {
    std::cout << help_text(kSpec);
    return 0;
  }
  const std::string path = parsed.positionals().front();
  const std::string input = parsed.choice("--input", "text", {"text", "conllu"});
  const std::string format = parsed.choice("--format", "conllu", {"conllu", "text", "iob2"});

  extract::PipelineOptions options;
  options.model_dir = model_dir(parsed);
  options.tokenize = input == "text";
  const bool keep_tags = parsed.has("--keep-tags");
  if (keep_tags && input != "conllu") {
    throw InputError("kg parse: --keep-tags needs --input conllu (raw text has no tags to keep)");
  }
  options.tag = !keep_tags;
  if (parsed.has("--parser")) options.parser_model = *parsed.value("--parser");
  // Names are found when the model folder has the NER model; --format iob2 needs it.
  options.recognise_names =
      format == "iob2" ||
      std::filesystem::exists(extract::Pipeline::model_path(options.model_dir, "ner"));
  const extract::Pipeline pipeline = extract::Pipeline::load(options);

  std::vector<extract::Sentence> sentences;
  if (input == "conllu") {
    extract::ConlluReadOptions read_options;
    read_options.require_tree = false;  // only the words are used
    std::vector<extract::TreebankSentence> treebank;
    if (path == "-") {
      treebank = extract::read_conllu(std::cin, "<stdin>", read_options);
    } else {
      treebank = extract::read_conllu_file(path, read_options);
    }
    sentences.reserve(treebank.size());
    // Documents ("# newdoc id") are annotated as wholes: names recur within a document.
    for (size_t first = 0; first < treebank.size();) {
      size_t last = first + 1;
      while (last < treebank.size() && !treebank[last].document_start) ++last;
      std::vector<extract::Sentence> document;
      for (size_t k = first; k < last; ++k) {
        if (keep_tags) {
          extract::clear_trees(treebank[k].sentence);
        } else {
          extract::clear_annotations(treebank[k].sentence);
        }
        document.push_back(std::move(treebank[k].sentence));
      }
      pipeline.annotate(document);
      for (extract::Sentence& s : document) sentences.push_back(std::move(s));
      first = last;
    }
  } else {
    extract::Document document;
    document.name = path;
    document.text = read_all(path);
    extract::sanitize_text(document.text, path, {});
    pipeline.annotate(document);
    sentences = std::move(document.sentences);
  }

  std::ostream& out = std::cout;
  for (const extract::Sentence& s : sentences) {
    if (format == "text") {
      write_text(out, s);
    } else if (format == "iob2") {
      extract::Iob2WriteOptions iob2_options;
      iob2_options.uner_types_only = !parsed.has("--all-types");
      extract::write_iob2(out, s, iob2_options);
    } else {
      extract::write_conllu(out, s);
    }
  }
  out.flush();
  if (!std::cout) throw Error("writing the output failed (disk full or closed pipe?)");
  return 0;
}

}  // namespace kg::cli
