#include "extract/propositions.h"

#include <algorithm>
#include <cmath>

namespace kg::extract {

namespace {

// The words of a marker with its fixed continuation ("according to", "because of").
std::vector<int> marker_words(const DependencyTree& t, int marker) {
  std::vector<int> out{marker};
  for (int c : t.children(marker)) {
    if (t.base(c) == Deprel::kFixed) out.push_back(c);
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<int> without(const std::vector<int>& words, const std::vector<int>& remove) {
  std::vector<int> out;
  out.reserve(words.size());
  for (int w : words) {
    if (std::find(remove.begin(), remove.end(), w) == remove.end()) out.push_back(w);
  }
  return out;
}

bool is_quote(std::string_view form) {
  return form == "\"" || form == "``" || form == "''" || form == "'" || form == "`" ||
         form == "\xE2\x80\x9C" || form == "\xE2\x80\x9D" || form == "\xE2\x80\x98" ||
         form == "\xE2\x80\x99";
}

// Punctuation at the edges goes, and quotes whose partner is not in the argument.
void tidy(const DependencyTree& t, std::vector<int>& words) {
  auto edge = [&](int w) {
    return t.upos(w) == Upos::kPunct && t.form(w) != "%" && t.form(w) != "$";
  };
  while (!words.empty() && edge(words.back())) words.pop_back();
  size_t b = 0;
  while (b < words.size() && edge(words[b])) ++b;
  words.erase(words.begin(), words.begin() + static_cast<std::ptrdiff_t>(b));
  int quotes = 0;
  for (int w : words) quotes += is_quote(t.form(w)) ? 1 : 0;
  if (quotes % 2 == 1) {
    words.erase(std::remove_if(words.begin(), words.end(),
                               [&](int w) { return is_quote(t.form(w)); }),
                words.end());
  }
}

double sigmoid(double x) { return 1.0 / (1.0 + std::exp(-x)); }

// A principled, hand-set score: a logistic function of what makes clause-based extractions
// wrong in practice (Del Corro & Gemulla, section 5; Mausam et al., "Open Language Learning
// for Information Extraction", EMNLP 2012, for the features): the clause's origin and type,
// arguments filled from elsewhere, long arguments and long sentences (where parses go wrong),
// and expansions of coordination. The weights were set by hand from these principles, not fit
// to any benchmark.
double score(const DependencyTree& t, const Clause& c, const Proposition& p, bool expanded) {
  double x = 1.6;
  switch (c.origin) {
    case ClauseOrigin::kMain: break;
    case ClauseOrigin::kCoordinated: x -= 0.2; break;
    case ClauseOrigin::kComplement: x -= 0.3; break;
    case ClauseOrigin::kAdverbial: x -= 0.6; break;
    case ClauseOrigin::kRelative: x -= 0.3; break;
    case ClauseOrigin::kParticiple: x -= 0.6; break;
    case ClauseOrigin::kApposition: x -= 0.5; break;
    case ClauseOrigin::kPossessive: x -= 0.9; break;
    case ClauseOrigin::kParataxis: x -= 0.9; break;
  }
  switch (c.type) {
    case ClauseType::kSVO: case ClauseType::kSVOO: x += 0.3; break;
    case ClauseType::kSVOA: case ClauseType::kSVOC: x += 0.1; break;
    case ClauseType::kSVC: break;
    case ClauseType::kSVA: x -= 0.2; break;
    case ClauseType::kSV: x -= 1.2; break;
  }
  if (p.arguments.empty()) x -= 1.0;
  const Constituent* s = c.subject();
  if (s != nullptr && s->borrowed) x -= 0.3;
  if (p.subject_head >= 0 && t.upos(p.subject_head) == Upos::kPron) x -= 0.5;
  if (expanded) x -= 0.15;
  size_t words = p.subject.size();
  for (const auto& a : p.arguments) words += a.size();
  if (words > 10) x -= 0.06 * static_cast<double>(words - 10);
  if (p.subject.size() > 6) x -= 0.08 * static_cast<double>(p.subject.size() - 6);
  if (p.arguments.size() > 2) x -= 0.25 * static_cast<double>(p.arguments.size() - 2);
  if (t.size() > 25) x -= 0.02 * static_cast<double>(t.size() - 25);
  if (c.verb_group.size() > 4) x -= 0.2 * static_cast<double>(c.verb_group.size() - 4);
  // A relation without a verb of the sentence (appositions) is an inference.
  if (c.verb_group.empty() && c.copula < 0) x -= 0.2;
  return sigmoid(x);
}

}  // namespace

std::string words_text(const DependencyTree& t, const std::vector<int>& words,
                       bool original_spacing) {
  std::string out;
  for (size_t j = 0; j < words.size(); ++j) {
    if (j > 0) {
      const int prev = words[j - 1];
      if (!original_spacing || words[j] != prev + 1 || t.token(prev).space_after) out += ' ';
    }
    out += t.form(words[j]);
  }
  return out;
}

std::string relation_text(const DependencyTree& t, const Proposition& p, bool original_spacing) {
  if (p.relation.empty()) return p.synthetic_relation;
  std::string text = words_text(t, p.relation, original_spacing);
  if (!p.synthetic_relation.empty()) text = p.synthetic_relation + " " + text;
  return text;
}

std::vector<Proposition> PropositionMaker::make(const DependencyTree& t,
                                                const std::vector<Clause>& clauses) const {
  std::vector<Proposition> out;
  for (size_t ci = 0; ci < clauses.size(); ++ci) {
    const Clause& c = clauses[ci];
    const Constituent* subject = c.subject();
    if (subject == nullptr || subject->words.empty()) continue;

    // The primary argument: what follows the relation.
    int primary = -1;
    auto first_of = [&](Part part) {
      for (size_t k = 0; k < c.constituents.size(); ++k) {
        if (c.constituents[k].part == part) return static_cast<int>(k);
      }
      return -1;
    };
    for (Part part : {Part::kObject, Part::kComplement, Part::kClausal, Part::kAgent}) {
      primary = first_of(part);
      if (primary >= 0) break;
    }
    if (primary < 0) {
      // The first adverbial after the verb with a preposition ("taught at X").
      for (size_t k = 0; k < c.constituents.size(); ++k) {
        const Constituent& a = c.constituents[k];
        if (a.part == Part::kAdverbial && a.marker >= 0 && a.head > c.predicate) {
          primary = static_cast<int>(k);
          break;
        }
      }
    }
    if (primary < 0) primary = first_of(Part::kAdverbial);
    if (primary < 0 && first_of(Part::kIndirectObject) >= 0) primary = first_of(Part::kIndirectObject);

    std::vector<int> relation = c.verb_group;
    std::vector<int> moved;  // words moved from the primary argument into the relation
    if (primary >= 0) {
      const Constituent& a = c.constituents[static_cast<size_t>(primary)];
      if (a.marker >= 0 && (a.part == Part::kAdverbial || a.part == Part::kAgent ||
                            a.part == Part::kComplement)) {
        moved = marker_words(t, a.marker);
      } else if (a.part == Part::kClausal && !a.words.empty()) {
        const int first = a.words.front();
        if (t.base(first) == Deprel::kMark && t.lemma(first) == "that") moved = {first};
      }
    }
    relation.insert(relation.end(), moved.begin(), moved.end());
    std::sort(relation.begin(), relation.end());
    relation.erase(std::unique(relation.begin(), relation.end()), relation.end());
    if (relation.empty() && c.origin != ClauseOrigin::kApposition &&
        c.origin != ClauseOrigin::kPossessive) {
      continue;
    }

    // Arguments: the primary, then the others in sentence order.
    std::vector<int> order;
    if (primary >= 0) order.push_back(primary);
    for (size_t k = 1; k < c.constituents.size(); ++k) {
      if (static_cast<int>(k) != primary) order.push_back(static_cast<int>(k));
    }
    if (!options_.keep_subject_verb_only && order.empty()) continue;

    const size_t subject_options = subject->conjuncts.size();
    const size_t object_options =
        primary >= 0 ? c.constituents[static_cast<size_t>(primary)].conjuncts.size() : 1;
    int made = 0;
    auto emit = [&](int subject_choice, int object_choice, bool expanded) {
      Proposition p;
      p.clause = static_cast<int>(ci);
      p.relation = relation;
      if (c.origin == ClauseOrigin::kApposition) p.synthetic_relation = "is";
      if (c.origin == ClauseOrigin::kPossessive) p.synthetic_relation = "has";
      if (subject_choice < 0) {
        p.subject = subject->words;
        p.subject_head = subject->head;
      } else {
        p.subject = subject->conjunct_words[static_cast<size_t>(subject_choice)];
        p.subject_head = subject->conjuncts[static_cast<size_t>(subject_choice)];
      }
      tidy(t, p.subject);
      if (p.subject.empty()) return;
      for (int k : order) {
        const Constituent& a = c.constituents[static_cast<size_t>(k)];
        std::vector<int> words;
        int head = a.head;
        if (k == primary && object_choice >= 0) {
          words = a.conjunct_words[static_cast<size_t>(object_choice)];
          head = a.conjuncts[static_cast<size_t>(object_choice)];
        } else {
          words = a.words;
        }
        if (k == primary) words = without(words, moved);
        tidy(t, words);
        if (words.empty()) continue;
        p.arguments.push_back(std::move(words));
        p.roles.push_back(a.role);
        p.argument_heads.push_back(head);
      }
      p.confidence = score(t, c, p, expanded);
      out.push_back(std::move(p));
      ++made;
    };
    const bool coordinated = subject_options > 1 || object_options > 1;
    if (!coordinated) {
      emit(-1, -1, false);
      continue;
    }
    for (size_t si = 0; si < subject_options; ++si) {
      for (size_t oi = 0; oi < object_options; ++oi) {
        if (made >= options_.max_expansions) break;
        emit(subject_options > 1 ? static_cast<int>(si) : -1,
             object_options > 1 ? static_cast<int>(oi) : -1, true);
      }
    }
    if (options_.keep_unexpanded) emit(-1, -1, false);
  }
  return out;
}

}  // namespace kg::extract
