#include "extract/evaluation.h"

#include <algorithm>
#include <cstdio>
#include <sstream>

#include "extract/error.h"

namespace kg::extract {

namespace {

// A span [start, end) in the whitespace-free concatenation of all token forms.
struct CharSpan {
  size_t start = 0;
  size_t end = 0;
  bool operator==(const CharSpan&) const = default;
};

struct EvalWord {
  CharSpan span;         // of its surface token (the whole token for multiword words)
  bool multiword = false;
  const Token* token = nullptr;
  long head = -1;        // global index of the head word, -1 for the root
};

struct Flattened {
  std::string chars;  // concatenated forms without whitespace
  std::vector<CharSpan> tokens;
  std::vector<CharSpan> sentences;
  std::vector<EvalWord> words;
};

void append_without_spaces(std::string& out, const std::string& form) {
  for (char c : form) {
    if (c != ' ' && c != '\t' && c != '\n' && c != '\r') out += c;
  }
}

Flattened flatten(const std::vector<Sentence>& sentences) {
  Flattened f;
  for (const Sentence& s : sentences) {
    const size_t first_word = f.words.size();
    const size_t sentence_start = f.chars.size();
    size_t m = 0;
    const int n = static_cast<int>(s.tokens.size());
    for (int i = 0; i < n;) {
      const size_t start = f.chars.size();
      int last = i + 1;  // exclusive word index
      bool multi = false;
      if (m < s.multiword.size() && s.multiword[m].first == i + 1) {
        append_without_spaces(f.chars, s.multiword[m].form);
        last = s.multiword[m].last;
        multi = true;
        ++m;
      } else {
        append_without_spaces(f.chars, s.tokens[i].form);
      }
      const CharSpan span{start, f.chars.size()};
      f.tokens.push_back(span);
      for (int w = i; w < last; ++w) {
        const Token& t = s.tokens[w];
        const long head = t.head > 0 ? static_cast<long>(first_word) + t.head - 1 : -1;
        f.words.push_back(EvalWord{span, multi, &t, head});
      }
      i = last;
    }
    if (n > 0) f.sentences.push_back(CharSpan{sentence_start, f.chars.size()});
  }
  return f;
}

// Counts spans present in both sorted lists.
size_t matching_spans(const std::vector<CharSpan>& gold, const std::vector<CharSpan>& system) {
  size_t gi = 0, si = 0, correct = 0;
  while (gi < gold.size() && si < system.size()) {
    if (gold[gi] == system[si]) {
      ++correct;
      ++gi;
      ++si;
    } else if (gold[gi].start < system[si].start ||
               (gold[gi].start == system[si].start && gold[gi].end < system[si].end)) {
      ++gi;
    } else {
      ++si;
    }
  }
  return correct;
}

std::string lower(const std::string& s) {
  std::string out = s;
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

bool beyond_end(const std::vector<EvalWord>& words, size_t i, size_t end) {
  if (i >= words.size()) return true;
  if (words[i].multiword) return words[i].span.start >= end;
  return words[i].span.end > end;
}

size_t extend_end(const EvalWord& w, size_t end) {
  return w.multiword && w.span.end > end ? w.span.end : end;
}

// Aligns words as conll18_ud_eval.py does; returns, per system word, its gold word or -1.
std::vector<long> align(const std::vector<EvalWord>& gold, const std::vector<EvalWord>& system) {
  std::vector<long> sys_to_gold(system.size(), -1);
  size_t gi = 0, si = 0;
  while (gi < gold.size() && si < system.size()) {
    if (gold[gi].multiword || system[si].multiword) {
      // The minimal region of words covering the overlapping multiword tokens.
      size_t end = 0;
      if (gold[gi].multiword) {
        end = gold[gi].span.end;
        if (!system[si].multiword && system[si].span.start < gold[gi].span.start) ++si;
      } else {
        end = system[si].span.end;
        if (!gold[gi].multiword && gold[gi].span.start < system[si].span.start) ++gi;
      }
      const size_t gs = gi, ss = si;
      while (!beyond_end(gold, gi, end) || !beyond_end(system, si, end)) {
        if (gi < gold.size() &&
            (si >= system.size() || gold[gi].span.start <= system[si].span.start)) {
          end = extend_end(gold[gi], end);
          ++gi;
        } else {
          end = extend_end(system[si], end);
          ++si;
        }
      }
      // LCS of the lower-cased forms inside the region.
      const size_t ng = gi - gs, ns = si - ss;
      std::vector<std::vector<size_t>> lcs(ng + 1, std::vector<size_t>(ns + 1, 0));
      for (size_t g = ng; g-- > 0;) {
        for (size_t s = ns; s-- > 0;) {
          if (lower(gold[gs + g].token->form) == lower(system[ss + s].token->form)) {
            lcs[g][s] = 1 + lcs[g + 1][s + 1];
          }
          lcs[g][s] = std::max({lcs[g][s], lcs[g + 1][s], lcs[g][s + 1]});
        }
      }
      size_t g = 0, s = 0;
      while (g < ng && s < ns) {
        if (lower(gold[gs + g].token->form) == lower(system[ss + s].token->form)) {
          sys_to_gold[ss + s] = static_cast<long>(gs + g);
          ++g;
          ++s;
        } else if (lcs[g][s] == lcs[g + 1][s]) {
          ++g;
        } else {
          ++s;
        }
      }
    } else if (gold[gi].span == system[si].span) {
      sys_to_gold[si] = static_cast<long>(gi);
      ++gi;
      ++si;
    } else if (gold[gi].span.start <= system[si].span.start) {
      ++gi;
    } else {
      ++si;
    }
  }
  return sys_to_gold;
}

}  // namespace

Evaluation evaluate(const std::vector<Sentence>& gold_sentences,
                    const std::vector<Sentence>& system_sentences) {
  const Flattened gold = flatten(gold_sentences);
  const Flattened system = flatten(system_sentences);
  if (gold.chars != system.chars) {
    size_t i = 0;
    while (i < gold.chars.size() && i < system.chars.size() && gold.chars[i] == system.chars[i]) {
      ++i;
    }
    const size_t from = i > 20 ? i - 20 : 0;
    throw InputError("the system's tokens do not spell the gold text: they differ at character " +
                     std::to_string(i) + " (gold '..." + gold.chars.substr(from, 40) +
                     "', system '..." + system.chars.substr(from, 40) + "')");
  }
  Evaluation e;
  e.tokens = {gold.tokens.size(), system.tokens.size(), matching_spans(gold.tokens, system.tokens), 0};
  e.sentences = {gold.sentences.size(), system.sentences.size(),
                 matching_spans(gold.sentences, system.sentences), 0};

  const std::vector<long> sys_to_gold = align(gold.words, system.words);
  Score base{gold.words.size(), system.words.size(), 0, 0};
  e.words = e.upos = e.xpos = e.lemmas = e.uas = e.las = base;
  for (size_t s = 0; s < system.words.size(); ++s) {
    const long g = sys_to_gold[s];
    if (g < 0) continue;
    const Token& st = *system.words[s].token;
    const Token& gt = *gold.words[static_cast<size_t>(g)].token;
    for (Score* score : {&e.words, &e.upos, &e.xpos, &e.lemmas, &e.uas, &e.las}) ++score->aligned;
    ++e.words.correct;
    if (st.upos == gt.upos) ++e.upos.correct;
    if (st.xpos == gt.xpos) ++e.xpos.correct;
    if (gt.lemma.empty() || st.lemma == gt.lemma) ++e.lemmas.correct;
    const long sys_head = system.words[s].head;
    const long gold_head = gold.words[static_cast<size_t>(g)].head;
    const bool head_ok = sys_head < 0 ? gold_head < 0
                                      : gold_head >= 0 && sys_to_gold[static_cast<size_t>(sys_head)] == gold_head;
    if (head_ok) {
      ++e.uas.correct;
      if (universal(st.deprel) == universal(gt.deprel)) ++e.las.correct;
    }
  }
  return e;
}

std::string format_evaluation(const Evaluation& e, bool json) {
  const std::pair<const char*, const Score*> rows[] = {
      {"Tokens", &e.tokens}, {"Sentences", &e.sentences}, {"Words", &e.words},
      {"UPOS", &e.upos},     {"XPOS", &e.xpos},           {"Lemmas", &e.lemmas},
      {"UAS", &e.uas},       {"LAS", &e.las}};
  std::ostringstream out;
  char buf[256];
  if (json) {
    out << '{';
    bool first = true;
    for (const auto& [name, s] : rows) {
      std::snprintf(buf, sizeof buf,
                    "%s\"%s\":{\"precision\":%.2f,\"recall\":%.2f,\"f1\":%.2f,"
                    "\"aligned_accuracy\":%.2f,\"gold\":%zu,\"system\":%zu,\"correct\":%zu}",
                    first ? "" : ",", name, 100 * s->precision(), 100 * s->recall(),
                    100 * s->f1(), 100 * s->aligned_accuracy(), s->gold, s->system, s->correct);
      out << buf;
      first = false;
    }
    out << "}\n";
    return out.str();
  }
  out << "Metric     | Precision |    Recall |  F1 Score | AligndAcc\n"
      << "-----------+-----------+-----------+-----------+-----------\n";
  for (const auto& [name, s] : rows) {
    const bool word_level = s != &e.tokens && s != &e.sentences && s != &e.words;
    std::snprintf(buf, sizeof buf, "%-11s|%10.2f |%10.2f |%10.2f |", name, 100 * s->precision(),
                  100 * s->recall(), 100 * s->f1());
    out << buf;
    if (word_level) {
      std::snprintf(buf, sizeof buf, "%10.2f", 100 * s->aligned_accuracy());
      out << buf;
    }
    out << '\n';
  }
  return out.str();
}

}  // namespace kg::extract
