// `kg parse`: runs kg's statistical stages (segmentation, POS tags and lemmas, and the stages
// added later) on a file and prints the analysis as CoNLL-U or as a readable table.

#include <algorithm>
#include <fstream>
#include <iostream>
#include <iterator>

#include "cli/args.h"
#include "cli/commands.h"
#include "cli/models.h"
#include "extract/conllu.h"
#include "extract/document.h"
#include "extract/error.h"
#include "extract/pipeline.h"
#include "extract/reader.h"

namespace kg::cli {

namespace {

const CommandSpec kSpec = {
    "kg parse",
    "FILE [--input text|conllu] [--format conllu|text] [--models DIR]",
    "Analyses FILE ('-' for stdin) with kg's models and prints one analysis per sentence.\n"
    "--input text (the default) reads raw text and needs the tokenizer model; --input conllu\n"
    "takes the words (and sentence ids and text) of a CoNLL-U file and re-annotates them,\n"
    "ignoring its tags, lemmas and trees, so the output has exactly the same words in the same\n"
    "order (for evaluation with gold tokenization). --format conllu (the default) writes\n"
    "CoNLL-U; --format text writes, per sentence, '# text' and one aligned row per word:\n"
    "ID FORM LEMMA UPOS XPOS HEAD DEPREL ('_' where a stage did not run), then a blank line.",
    {
        {"--input", "KIND", "text (raw text, the default) or conllu (gold words)"},
        {"--format", "KIND", "conllu (the default) or text"},
        kModelsOption,
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
    for (size_t c = 0; c < row.size(); ++c) width[c] = std::max(width[c], row[c].size());
  }
  for (const auto& row : rows) {
    std::string line;
    for (size_t c = 0; c < row.size(); ++c) {
      line += row[c];
      if (c + 1 < row.size()) line.append(width[c] - row[c].size() + 2, ' ');
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
  const std::string format = parsed.choice("--format", "conllu", {"conllu", "text"});

  extract::PipelineOptions options;
  options.model_dir = model_dir(parsed);
  options.tokenize = input == "text";
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
    for (extract::TreebankSentence& t : treebank) {
      extract::clear_annotations(t.sentence);
      pipeline.annotate(t.sentence);
      sentences.push_back(std::move(t.sentence));
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
    } else {
      extract::write_conllu(out, s);
    }
  }
  out.flush();
  if (!std::cout) throw Error("writing the output failed (disk full or closed pipe?)");
  return 0;
}

}  // namespace kg::cli
