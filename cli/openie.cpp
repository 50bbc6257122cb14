// kg openie: clause-level Open IE tuples, one per line (CaRB's format or JSON Lines).

#include <fstream>
#include <functional>
#include <iostream>
#include <memory>
#include <sstream>

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "cli/args.h"
#include "cli/commands.h"
#include "cli/models.h"
#include "extract/conllu.h"
#include "extract/dependency_tree.h"
#include "extract/error.h"
#include "extract/open_ie.h"
#include "extract/pipeline.h"
#include "extract/pretokenized.h"
#include "extract/treebank_document.h"

namespace kg::cli {

namespace {

const CommandSpec kSpec = {
    "kg openie",
    "FILE [--format carb|json] [--input text|conllu] [--models DIR]",
    "Prints the clause-level Open IE tuples of every sentence of FILE ('-' for stdin), one per "
    "line, ranked by a confidence in (0, 1). With --format carb (the default) a line is "
    "'sentence TAB confidence TAB relation TAB arg1 TAB arg2 ...' as CaRB's scorer reads it; "
    "the sentence is printed exactly as read and arguments are made of its own tokens. "
    "--format json prints one JSON object per tuple with the clause type, negation, modality "
    "and attribution. --input conllu reads sentences that are already parsed (CoNLL-U, e.g. a "
    "treebank's gold trees) instead of running kg's models; see docs/openie.md.",
    {
        {"--format", "FORMAT", "carb (default) or json"},
        {"--input", "KIND", "text (default: one sentence per line, tokens separated by spaces) or conllu"},
        kModelsOption,
    },
    1,
    1,
};

struct Options {
  std::string path;
  bool json = false;
  bool conllu = false;
  std::string model_dir;
};

std::string join(const extract::DependencyTree& tree, const std::vector<int>& words) {
  return extract::words_text(tree, words, false);
}

void print_carb(std::ostream& out, const std::string& sentence_text,
                const extract::DependencyTree& tree,
                const extract::SentencePropositions& result) {
  for (const extract::Proposition& p : result.propositions) {
    out << sentence_text << '\t' << p.confidence << '\t'
        << extract::relation_text(tree, p, false) << '\t' << join(tree, p.subject);
    for (const auto& a : p.arguments) out << '\t' << join(tree, a);
    out << '\n';
  }
}

void print_json(std::ostream& out, int sentence_index, const std::string& sentence_text,
                const extract::DependencyTree& tree,
                const extract::SentencePropositions& result) {
  for (const extract::Proposition& p : result.propositions) {
    const extract::Clause& c = result.clauses[static_cast<size_t>(p.clause)];
    rapidjson::StringBuffer buffer;
    rapidjson::Writer<rapidjson::StringBuffer> w(buffer);
    w.StartObject();
    w.Key("sentence");
    w.Int(sentence_index);
    w.Key("text");
    w.String(sentence_text.c_str(), static_cast<rapidjson::SizeType>(sentence_text.size()));
    w.Key("confidence");
    w.Double(p.confidence);
    const std::string relation = extract::relation_text(tree, p, true);
    w.Key("relation");
    w.String(relation.c_str(), static_cast<rapidjson::SizeType>(relation.size()));
    const std::string subject = extract::words_text(tree, p.subject, true);
    w.Key("subject");
    w.String(subject.c_str(), static_cast<rapidjson::SizeType>(subject.size()));
    w.Key("arguments");
    w.StartArray();
    for (size_t k = 0; k < p.arguments.size(); ++k) {
      const std::string text = extract::words_text(tree, p.arguments[k], true);
      w.StartObject();
      w.Key("text");
      w.String(text.c_str(), static_cast<rapidjson::SizeType>(text.size()));
      w.Key("role");
      const std::string_view role = extract::to_string(p.roles[k]);
      w.String(role.data(), static_cast<rapidjson::SizeType>(role.size()));
      w.EndObject();
    }
    w.EndArray();
    w.Key("clause_type");
    const std::string_view type = extract::to_string(c.type);
    w.String(type.data(), static_cast<rapidjson::SizeType>(type.size()));
    w.Key("origin");
    const std::string_view origin = extract::to_string(c.origin);
    w.String(origin.data(), static_cast<rapidjson::SizeType>(origin.size()));
    w.Key("negated");
    w.Bool(c.negated);
    w.Key("passive");
    w.Bool(c.passive);
    w.Key("modality");
    const std::string modal = c.modal >= 0 ? std::string(tree.lemma(c.modal)) : std::string();
    w.String(modal.c_str(), static_cast<rapidjson::SizeType>(modal.size()));
    w.Key("reported_by");
    if (c.reporter >= 0) {
      std::vector<int> words;
      tree.subtree(c.reporter, words);
      const std::string speaker = extract::words_text(tree, words, true);
      w.String(speaker.c_str(), static_cast<rapidjson::SizeType>(speaker.size()));
    } else {
      w.Null();
    }
    w.EndObject();
    out << buffer.GetString() << '\n';
  }
}

int run_conllu(const Options& options) {
  std::vector<extract::TreebankSentence> sentences;
  if (options.path == "-") {
    sentences = extract::read_conllu(std::cin, "<stdin>");
  } else {
    sentences = extract::read_conllu_file(options.path);
  }
  const extract::OpenIe open_ie;
  std::ostringstream out;
  out.precision(4);
  int index = 0;
  for (const extract::TreebankSentence& ts : sentences) {
    const extract::Sentence& s = ts.sentence;
    const std::string text = s.text.empty() ? extract::surface_text(s) : s.text;
    const extract::DependencyTree tree(s);
    const extract::SentencePropositions result = open_ie.run(s);
    if (options.json) {
      print_json(out, index, text, tree, result);
    } else {
      print_carb(out, text, tree, result);
    }
    ++index;
    if (out.tellp() > (1 << 16)) {
      std::cout << out.str();
      out.str("");
    }
  }
  std::cout << out.str();
  std::cout.flush();
  if (!std::cout) throw Error("kg openie: cannot write to standard output");
  return 0;
}

// Tags and parses one sentence of given tokens with kg's models.
using SentenceAnnotator = std::function<void(extract::Sentence&)>;

SentenceAnnotator load_sentence_annotator(const std::string& model_dir) {
  extract::PipelineOptions options;
  options.model_dir = model_dir;
  options.tokenize = false;  // the tokens are given
  auto pipeline = std::make_shared<const extract::Pipeline>(extract::Pipeline::load(options));
  return [pipeline](extract::Sentence& s) { pipeline->annotate(s); };
}

int run_text(const Options& options) {
  std::ifstream file;
  if (options.path != "-") {
    file.open(options.path, std::ios::binary);
    if (!file) throw InputError(options.path + ": cannot open the file (does it exist?)");
  }
  std::istream& in = options.path == "-" ? std::cin : file;
  const SentenceAnnotator annotate = load_sentence_annotator(options.model_dir);
  const extract::OpenIe open_ie;
  std::ostringstream out;
  out.precision(4);
  std::string line;
  int index = 0;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    extract::Sentence s = extract::pretokenized_sentence(line);
    if (s.tokens.empty()) continue;
    annotate(s);
    extract::restore_pretokenized_forms(s, line);
    const extract::DependencyTree tree(s);
    const extract::SentencePropositions result = open_ie.run(s);
    if (options.json) {
      print_json(out, index, line, tree, result);
    } else {
      print_carb(out, line, tree, result);
    }
    ++index;
    if (out.tellp() > (1 << 16)) {
      std::cout << out.str();
      out.str("");
    }
  }
  std::cout << out.str();
  std::cout.flush();
  if (!std::cout) throw Error("kg openie: cannot write to standard output");
  return 0;
}

}  // namespace

int openie_command(const Args& args) {
  const ParsedArgs parsed = parse_args(kSpec, args);
  if (parsed.help_requested()) {
    std::cout << help_text(kSpec);
    return 0;
  }
  Options options;
  options.path = parsed.positionals().front();
  options.json = parsed.choice("--format", "carb", {"carb", "json"}) == "json";
  options.conllu = parsed.choice("--input", "text", {"text", "conllu"}) == "conllu";
  options.model_dir = model_dir(parsed);
  if (options.conllu) return run_conllu(options);
  return run_text(options);
}

}  // namespace kg::cli
