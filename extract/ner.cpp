#include "extract/ner.h"

#include <algorithm>
#include <array>
#include <limits>
#include <map>
#include <optional>

#include "extract/error.h"
#include "extract/model_file.h"
#include "extract/name_typer.h"
#include "extract/word_classes.h"
#include "extract/word_shape.h"

namespace kg::extract {

namespace ner {

namespace {
constexpr uint32_t kFormatVersion = 2;
}  // namespace

ModelHeader model_header() {
  Fingerprint f;
  f.add(kFeatureVersion);
  for (int c = 0; c < kNumClasses; ++c) f.add(class_name(c));
  return {"ner", kFormatVersion, f.value()};
}

std::vector<int> decode_classes(const Sentence& sentence, const PerceptronModel& weights,
                                NerScratch& scratch, int beam) {
  const int n = static_cast<int>(sentence.tokens.size());
  std::vector<int> classes(n, kOutside);
  if (n == 0) return classes;
  std::vector<FeatureId> history;
  std::array<float, kNumClasses> scores;
  scratch.static_scores.resize(n);
  if (beam <= 1) {
    int prev1 = kOutside, prev2 = kOutside;
    for (int i = 0; i < n; ++i) {
      scratch.features.clear();
      static_features(sentence, i, scratch);
      history.clear();
      history_features(scratch, i, prev1, prev2, history);
      scores.fill(0.0f);
      weights.add_scores(scratch.features, scores.data());
      scratch.static_scores[i] = scores;
      weights.add_scores(history, scores.data());
      int best = -1;
      for (int c = 0; c < kNumClasses; ++c) {
        if (!allowed(prev1, c)) continue;
        // The last word must close any open entity.
        if (i == n - 1 && !allowed(c, kOutside)) continue;
        if (best < 0 || scores[c] > scores[best]) best = c;
      }
      classes[i] = best;
      prev2 = prev1;
      prev1 = best;
    }
    return classes;
  }
  // Beam search: hypotheses are (score, classes so far); static features are shared.
  struct Hypothesis {
    float score;
    std::vector<int> classes;
  };
  std::vector<Hypothesis> current = {{0.0f, {}}}, next;
  std::array<float, kNumClasses> base;
  for (int i = 0; i < n; ++i) {
    scratch.features.clear();
    static_features(sentence, i, scratch);
    base.fill(0.0f);
    weights.add_scores(scratch.features, base.data());
    scratch.static_scores[i] = base;
    next.clear();
    for (const Hypothesis& h : current) {
      const int prev1 = i > 0 ? h.classes[i - 1] : kOutside;
      const int prev2 = i > 1 ? h.classes[i - 2] : kOutside;
      history.clear();
      history_features(scratch, i, prev1, prev2, history);
      scores = base;
      weights.add_scores(history, scores.data());
      for (int c = 0; c < kNumClasses; ++c) {
        if (!allowed(prev1, c) || (i == n - 1 && !allowed(c, kOutside))) continue;
        Hypothesis x{h.score + scores[c], h.classes};
        x.classes.push_back(c);
        next.push_back(std::move(x));
      }
    }
    const size_t keep = std::min<size_t>(next.size(), static_cast<size_t>(beam));
    std::partial_sort(next.begin(), next.begin() + keep, next.end(),
                      [](const Hypothesis& a, const Hypothesis& b) { return a.score > b.score; });
    next.resize(keep);
    std::swap(current, next);
  }
  return current.front().classes;
}

std::array<float, kNumTypes> span_type_scores(const PerceptronModel& weights,
                                             const NerScratch& scratch, const NamedEntity& span,
                                             const std::vector<int>& classes) {
  std::array<float, kNumTypes> out{};
  std::vector<FeatureId> history;
  std::array<float, kNumClasses> scores;
  for (int t = 0; t < kNumTypes; ++t) {
    const auto type = static_cast<EntityType>(t);
    int prev1 = span.first > 0 ? classes[span.first - 1] : kOutside;
    int prev2 = span.first > 1 ? classes[span.first - 2] : kOutside;
    float total = 0.0f;
    for (int i = span.first; i < span.last; ++i) {
      const Position p = span.last - span.first == 1 ? Position::kUnit
                         : i == span.first           ? Position::kBegin
                         : i == span.last - 1        ? Position::kLast
                                                     : Position::kInside;
      const int c = class_of(type, p);
      history.clear();
      history_features(scratch, i, prev1, prev2, history);
      scores = scratch.static_scores[i];
      weights.add_scores(history, scores.data());
      total += scores[c];
      prev2 = prev1;
      prev1 = c;
    }
    out[t] = total;
  }
  return out;
}

namespace {

// The type with the highest score, DATE and the types in `excluded` left out (names are
// retyped, dates never are).
template <typename Score>
EntityType best_type(const std::array<Score, kNumTypes>& scores,
                     std::initializer_list<EntityType> excluded) {
  int best = -1;
  for (int t = 0; t < kNumTypes; ++t) {
    const auto type = static_cast<EntityType>(t);
    const bool left_out = std::find(excluded.begin(), excluded.end(), type) != excluded.end();
    if (type == EntityType::kDate || left_out) continue;
    if (best < 0 || scores[t] > scores[best]) best = t;
  }
  return static_cast<EntityType>(best);
}

std::string name_key(const Sentence& s, const NamedEntity& e) {
  std::string k;
  for (int i = e.first; i < e.last; ++i) {
    k += fold_case(s.tokens[i].form);
    k += ' ';
  }
  return k;
}

}  // namespace

EntityType retype_span(const PerceptronModel& weights, const NerScratch& scratch,
                       const NamedEntity& span, const std::vector<int>& classes,
                       std::initializer_list<EntityType> excluded) {
  return best_type(span_type_scores(weights, scratch, span, classes), excluded);
}

void DocumentTypes::add(const Sentence& sentence, const std::vector<NamedEntity>& entities,
                        const std::vector<std::array<float, kNumTypes>>& type_scores) {
  for (size_t k = 0; k < entities.size(); ++k) {
    if (entities[k].type == EntityType::kDate) continue;
    const std::string key = name_key(sentence, entities[k]);
    auto [it, inserted] = pooled_.try_emplace(key);
    if (inserted) it->second.fill(0.0);
    float best = type_scores[k][0];
    for (float x : type_scores[k]) best = std::max(best, x);
    for (int t = 0; t < kNumTypes; ++t) it->second[t] += type_scores[k][t] - best;
    if (article_headed(sentence, entities[k])) articled_.insert(key);
  }
}

bool DocumentTypes::article_headed(const Sentence& sentence, const NamedEntity& e) const {
  const auto& tokens = sentence.tokens;
  if (e.first == 0 || fold_case(tokens[e.first - 1].form) != "the") return false;
  const std::string first = fold_case(tokens[e.first].form);
  if (resources_.is_title(first)) return false;
  // A first word raw text mostly writes in lower case is a title too ("the Prophet ...").
  const uint8_t capital = resources_.words.find(first).capital;
  if (capital != 0 && capital <= 2) return false;
  if (e.last >= static_cast<int>(tokens.size())) return true;
  const Upos next = tokens[e.last].upos;
  return next != Upos::kNoun && next != Upos::kPropn && next != Upos::kNum &&
         next != Upos::kAdj && next != Upos::kX;
}

void DocumentTypes::retype(const Sentence& sentence, std::vector<NamedEntity>& entities) const {
  for (NamedEntity& e : entities) {
    if (e.type == EntityType::kDate) continue;
    auto it = pooled_.find(name_key(sentence, e));
    if (it == pooled_.end()) continue;
    e.type = articled_.count(it->first) > 0 ? best_type(it->second, {EntityType::kPerson})
                                            : best_type(it->second, {});
  }
}

namespace {

// The whole-name gazetteer bits (one per type) of words [first, last) of `sentence`.
uint16_t whole_name_bits(const Sentence& sentence, const Gazetteer& gazetteer, int first,
                         int last) {
  std::vector<std::string> folded;
  for (int i = first; i < last; ++i) folded.push_back(fold_case(sentence.tokens[i].form));
  return gazetteer.find(Gazetteer::sequence_key(folded.data(), folded.size())) & 0xff;
}

}  // namespace

EntityType gazetteer_type(const Sentence& sentence, const Gazetteer& gazetteer,
                          const NamedEntity& entity) {
  if (entity.type == EntityType::kDate || entity.first < 0 || entity.last <= entity.first ||
      static_cast<size_t>(entity.last) > sentence.tokens.size()) {
    return entity.type;
  }
  const uint16_t whole = whole_name_bits(sentence, gazetteer, entity.first, entity.last);
  if (whole == 0 || (whole & (whole - 1)) != 0) return entity.type;  // none, or several types
  for (int t = 0; t < kNumTypes; ++t) {
    const auto type = static_cast<EntityType>(t);
    if (whole == name_bit(type) && type != EntityType::kDate) return type;
  }
  return entity.type;
}

void trim_entities(const Sentence& sentence, const NerResources& resources,
                   std::vector<NamedEntity>& entities) {
  const auto& tokens = sentence.tokens;
  auto possessive_or_punct = [&](int i) {
    const std::string& f = tokens[i].form;
    if (tokens[i].xpos == Xpos::kPOS) return true;
    if (f == "'s" || f == "'" || f == "\xE2\x80\x99s" || f == "\xE2\x80\x99" || f == "'S") {
      return true;
    }
    return !has_letter(f) && first_case(f) != LetterCase::kDigit && f != "&";
  };
  std::vector<NamedEntity> kept;
  for (NamedEntity e : entities) {
    if (e.type == EntityType::kPerson) {
      // Titles stay outside persons ("Russian Foreign Minister [Sergey Lavrov]"), and so does
      // the rest of a "Title of X" office ("Secretary of State [Antony Blinken]").
      auto title_at = [&](int i) {
        return i >= 0 && resources.is_title(fold_case(tokens[i].form));
      };
      // A word the training names use in persons ("Martin" of "Martin Luther King").
      auto person_word = [&](int i) {
        const std::string folded = fold_case(tokens[i].form);
        const uint16_t bits = resources.gazetteer.find(Gazetteer::sequence_key(&folded, 1));
        return (bits & (name_bit(EntityType::kPerson) | part_bit(EntityType::kPerson))) != 0;
      };
      // A word that raw text mostly writes in lower case ("state", "foreign", "affairs") is
      // part of an office, not of a name.
      auto common_word = [&](int i) {
        const uint8_t capital = resources.words.find(fold_case(tokens[i].form)).capital;
        return capital != 0 && capital <= 2;
      };
      int office_end = -1;  // one past the last title word with no person word before it
      for (int i = e.first; i < e.last && !person_word(i); ++i) {
        if (title_at(i)) office_end = i + 1;
      }
      if (office_end == e.last) continue;  // an office alone ("U.S. Secretary")
      if (office_end > e.first) e.first = office_end;
      const bool after_title_of = e.first >= 2 && fold_case(tokens[e.first - 1].form) == "of" &&
                                  title_at(e.first - 2);
      if (e.first < e.last && fold_case(tokens[e.first].form) == "of" && office_end > 0) {
        ++e.first;
      }
      if (after_title_of || (office_end > 0 && e.first > 0 &&
                             fold_case(tokens[e.first - 1].form) == "of")) {
        while (e.last - e.first > 1 && (common_word(e.first) || title_at(e.first))) ++e.first;
      }
    }
    while (e.first < e.last && possessive_or_punct(e.first)) ++e.first;
    while (e.last > e.first && possessive_or_punct(e.last - 1)) --e.last;
    if (e.first < e.last) {
      if (elliptical_possessive(sentence, e)) {
        ++e.last;
        // A person's name in the possessive after a preposition, with nothing possessed, is
        // the business named after him ("going to [Del Frisco's] for dinner").
        if (e.type == EntityType::kPerson) e.type = EntityType::kLocation;
      }
      kept.push_back(e);
    }
  }
  entities = std::move(kept);
}

std::optional<OfficeSplit> split_office(const Sentence& sentence, const NerResources& resources,
                                        const NamedEntity& entity) {
  const auto& tokens = sentence.tokens;
  if (entity.type == EntityType::kPerson || entity.type == EntityType::kDate) return std::nullopt;
  auto folded = [&](int i) { return fold_case(tokens[i].form); };
  int title = entity.first;
  while (title < entity.last && !resources.is_title(folded(title))) ++title;
  if (title == entity.last) return std::nullopt;
  int tail = title + 1;
  for (; tail < entity.last; ++tail) {
    const std::string f = folded(tail);
    const uint8_t capital = resources.words.find(f).capital;
    if (!(f == "of" || f == "the" || resources.is_title(f) || (capital != 0 && capital <= 2))) {
      break;
    }
  }
  const int length = entity.last - tail;
  if (length < 1 || length > 4) return std::nullopt;
  for (int i = tail; i < entity.last; ++i) {
    if (first_case(tokens[i].form) != LetterCase::kUpper || resources.is_title(folded(i))) {
      return std::nullopt;
    }
  }
  return OfficeSplit{NamedEntity{entity.first, title, entity.type},
                     NamedEntity{tail, entity.last, EntityType::kPerson}};
}

bool person_modifier(const Sentence& sentence, const NamedEntity& e) {
  if (e.type != EntityType::kPerson || e.last - e.first != 1) return false;
  const auto& tokens = sentence.tokens;
  if (static_cast<size_t>(e.last) >= tokens.size()) return false;
  const Token& next = tokens[e.last];
  return next.upos == Upos::kNoun && first_case(next.form) == LetterCase::kLower &&
         first_case(tokens[e.first].form) == LetterCase::kUpper;
}

bool trim_common_head(const Sentence& sentence, NamedEntity& e) {
  if (e.type == EntityType::kDate || e.last - e.first < 2) return false;
  const auto& tokens = sentence.tokens;
  if (first_case(tokens[e.first].form) != LetterCase::kUpper) return false;
  int last = e.last;
  auto common = [](Upos u) { return u == Upos::kNoun || u == Upos::kVerb || u == Upos::kAux; };
  while (last - e.first > 1 && common(tokens[last - 1].upos) &&
         first_case(tokens[last - 1].form) == LetterCase::kLower) {
    --last;
  }
  if (last == e.last) return false;
  e.last = last;
  return true;
}

std::optional<NamedEntity> lone_name_line(const Sentence& sentence,
                                          const NerResources& resources) {
  const auto& tokens = sentence.tokens;
  int words = 0;
  int first = -1;
  int last = -1;
  for (int i = 0; i < static_cast<int>(tokens.size()); ++i) {
    const Token& t = tokens[i];
    if (t.upos == Upos::kPunct) {
      if (words == 0) continue;
      if (i + 1 != static_cast<int>(tokens.size())) return std::nullopt;  // a last mark only
      continue;
    }
    if (last >= 0 && last != i - 1) return std::nullopt;
    if (first_case(t.form) != LetterCase::kUpper || t.upos != Upos::kPropn) return std::nullopt;
    for (char c : t.form) {
      if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '.' || c == '-' ||
            (c & 0x80))) {
        return std::nullopt;
      }
    }
    // A dateline or heading in capitals ("WASHINGTON") is no signature.
    if (t.form.size() > 1 && std::none_of(t.form.begin(), t.form.end(),
                                          [](char c) { return c >= 'a' && c <= 'z'; })) {
      return std::nullopt;
    }
    // A word raw text mostly writes in lower case is no name ("Thanks", "Cheers").
    const uint8_t capital = resources.words.find(fold_case(t.form)).capital;
    if (capital != 0 && capital < 4) return std::nullopt;
    if (resources.is_title(fold_case(t.form))) return std::nullopt;
    if (first < 0) first = i;
    last = i;
    if (++words > 2) return std::nullopt;
  }
  if (words == 0) return std::nullopt;
  // A name the training data knows, but never as a person's ("Reuters"), is no signature.
  const uint16_t whole = whole_name_bits(sentence, resources.gazetteer, first, last + 1);
  if (whole != 0 && (whole & name_bit(EntityType::kPerson)) == 0) return std::nullopt;
  return NamedEntity{first, last + 1, EntityType::kPerson};
}

std::vector<Token> truecase(Sentence& sentence, const NerResources& resources) {
  auto& tokens = sentence.tokens;
  int lower = 0;
  bool careless = false;  // the writer does not capitalise: a lower-case start, or "i"
  bool first_word = true;
  for (size_t i = 0; i < tokens.size(); ++i) {
    const LetterCase c = first_case(tokens[i].form);
    if (c == LetterCase::kUpper && i > 0 && tokens[i].form != "I") return {};
    if (c == LetterCase::kLower) ++lower;
    if (first_word && (c == LetterCase::kLower || c == LetterCase::kUpper)) {
      careless = careless || c == LetterCase::kLower;
      first_word = false;
    }
    careless = careless || tokens[i].form == "i";
  }
  if (lower < 3 || !careless) return {};
  std::vector<Token> original;
  for (Token& t : tokens) {
    if (t.form.empty() || t.form[0] < 'a' || t.form[0] > 'z') continue;
    if (resources.words.find(fold_case(t.form)).capital != 4) continue;
    if (original.empty()) original = tokens;
    // The tags stay the tagger's (making such words PROPN/NNP scored lower on UNER dev).
    t.form[0] = static_cast<char>(t.form[0] - 'a' + 'A');
  }
  return original;
}

std::optional<NamedEntity> split_trailing_date(const Sentence& sentence, NamedEntity& e) {
  if (e.type == EntityType::kDate) return std::nullopt;
  const auto& tokens = sentence.tokens;
  for (int k = e.first + 1; k + 1 < e.last; ++k) {
    if (tokens[k].upos != Upos::kAdp || first_case(tokens[k].form) != LetterCase::kLower) {
      continue;
    }
    if (!is_calendar_name(fold_case(tokens[k + 1].form))) continue;
    NamedEntity date{k + 1, e.last, EntityType::kDate};
    e.last = k;
    return date;
  }
  return std::nullopt;
}

bool trim_date(const Sentence& sentence, NamedEntity& e) {
  if (e.type != EntityType::kDate || e.last - e.first < 2) return false;
  const auto& tokens = sentence.tokens;
  int last = e.last;
  auto dangling = [&](int i) {
    const Upos u = tokens[i].upos;
    return u == Upos::kAdp || u == Upos::kDet || u == Upos::kCconj || u == Upos::kPunct ||
           u == Upos::kPart;
  };
  auto has_digit = [](const std::string& form) {
    return std::any_of(form.begin(), form.end(), [](char c) { return c >= '0' && c <= '9'; });
  };
  for (int k = e.first + 1; k < e.last; ++k) {
    const Token& t = tokens[k];
    // A preposition before a proper noun that is no month or day: "[April] in New York",
    // not "the Fourth of July".
    if (t.upos == Upos::kAdp) {
      int next = k + 1;
      while (next < e.last && tokens[next].upos == Upos::kDet) ++next;
      const bool proper = next < e.last && (tokens[next].upos == Upos::kPropn ||
                                            tokens[next].xpos == Xpos::kNNP ||
                                            tokens[next].xpos == Xpos::kNNPS);
      if (proper && !has_digit(tokens[next].form) &&
          !is_calendar_name(fold_case(tokens[next].form))) {
        last = k;
        break;
      }
      continue;
    }
    // Lower-case words only: "the 1990s", "500 BCE" are times.
    if (t.upos != Upos::kNoun || first_case(t.form) != LetterCase::kLower) continue;
    if (has_digit(t.form)) continue;
    if (is_time_word(fold_case(t.lemma.empty() ? t.form : t.lemma))) continue;
    last = k;
    break;
  }
  while (last > e.first && dangling(last - 1)) --last;
  if (last == e.last) return false;
  e.last = last;
  return true;
}

std::vector<NamedEntity> reclaim_freed_words(const Sentence& sentence,
                                             const std::vector<bool>& freed,
                                             std::vector<NamedEntity>& entities) {
  const auto& tokens = sentence.tokens;
  const int n = static_cast<int>(tokens.size());
  auto proper = [&](int i) {
    return freed[i] && (tokens[i].upos == Upos::kPropn || tokens[i].xpos == Xpos::kNNP ||
                        tokens[i].xpos == Xpos::kNNPS);
  };
  std::vector<bool> taken(n, false);
  for (size_t k = 0; k < entities.size(); ++k) {
    NamedEntity& e = entities[k];
    if (e.type != EntityType::kDate) {
      const int floor = k > 0 ? entities[k - 1].last : 0;
      while (e.first > floor && proper(e.first - 1)) --e.first;
    }
    for (int i = e.first; i < e.last; ++i) taken[i] = true;
  }
  std::vector<NamedEntity> left;
  for (int i = 0; i < n;) {
    if (taken[i] || !proper(i)) {
      ++i;
      continue;
    }
    int j = i + 1;
    while (j < n && !taken[j] && proper(j)) ++j;
    left.push_back({i, j, EntityType::kOther});
    i = j;
  }
  return left;
}

bool elliptical_possessive(const Sentence& sentence, const NamedEntity& e) {
  const auto& tokens = sentence.tokens;
  const int n = static_cast<int>(tokens.size());
  if (e.last >= n) return false;
  if (e.type == EntityType::kPerson) {
    if (e.first == 0 || tokens[e.first - 1].upos != Upos::kAdp) return false;
  } else if (e.type != EntityType::kOrg && e.type != EntityType::kLocation) {
    return false;
  }
  const std::string& f = tokens[e.last].form;
  const bool apostrophe_s = f == "'s" || f == "\xE2\x80\x99s" || f == "'S" || f == "s";
  if (!apostrophe_s || (tokens[e.last].xpos != Xpos::kPOS && f == "s")) return false;
  // The 's is elliptical when no possessed noun phrase can follow it. (Not read from the
  // tree: the parser attaches exactly these possessives to the next noun, "to [Del Frisco's]
  // for dinner" with 'dinner' as the possessed.)
  if (e.last + 1 >= n) return true;
  const Token& next = tokens[e.last + 1];
  switch (next.upos) {
    case Upos::kNoun: case Upos::kPropn: case Upos::kAdj: case Upos::kNum: case Upos::kAdv:
    case Upos::kSym: case Upos::kX: case Upos::kDet:
      return false;
    default:
      return next.xpos != Xpos::kVBG && next.xpos != Xpos::kVBN;
  }
}

}  // namespace ner

namespace {

// Drops the spans a rule emptied, adds `more` and puts the names back in text order.
void replace_entities(std::vector<NamedEntity>& entities, const std::vector<NamedEntity>& more) {
  entities.erase(std::remove_if(entities.begin(), entities.end(),
                                [](const NamedEntity& e) { return e.first >= e.last; }),
                 entities.end());
  entities.insert(entities.end(), more.begin(), more.end());
  std::sort(entities.begin(), entities.end(),
            [](const NamedEntity& a, const NamedEntity& b) { return a.first < b.first; });
}

}  // namespace

Ner::Ner(ner::NerResources resources, PerceptronModel weights, const NerOptions& options)
    : resources_(std::move(resources)), weights_(std::move(weights)), options_(options) {}

std::unique_ptr<Ner> Ner::load(const std::string& path, const NerOptions& options) {
  ModelReader in(path, ner::model_header());
  ner::NerResources r;
  const uint32_t titles = in.u32();
  for (uint32_t i = 0; i < titles; ++i) r.titles.push_back(in.str());
  if (!std::is_sorted(r.titles.begin(), r.titles.end())) {
    throw InputError(path + ": NER title list is not sorted (damaged model file; retrain it)");
  }
  r.words = ner::WordLexicon::load(in);
  r.gazetteer = ner::Gazetteer::load(in);
  r.silver = ner::Gazetteer::load(in);
  PerceptronModel weights = PerceptronModel::load(in);
  // The name classifier is optional (models of stop 15 and before have none).
  PerceptronModel typer;
  if (!in.at_end()) {
    // The classifier's feature templates are named before its weights.
    if (in.str() != ner::kNameFeatureVersion) {
      throw InputError(path + ": the NER name classifier was trained with other features "
                       "(retrain it with this kg: kg train ner --name-typer-for)");
    }
    typer = PerceptronModel::load(in);
  }
  in.finish();
  if (typer.num_classes() != 0 && typer.num_classes() != ner::kNumTypes) {
    throw InputError(path + ": NER name classifier has " + std::to_string(typer.num_classes()) +
                     " classes, expected " + std::to_string(ner::kNumTypes) +
                     " (retrain it with this kg: kg train ner)");
  }
  if (weights.num_classes() != ner::kNumClasses) {
    throw InputError(path + ": NER model has " + std::to_string(weights.num_classes()) +
                     " classes, expected " + std::to_string(ner::kNumClasses) +
                     " (retrain it with this kg: kg train ner)");
  }
  auto ner = std::make_unique<Ner>(std::move(r), std::move(weights), options);
  ner->set_name_typer(std::move(typer));
  return ner;
}

void Ner::save(const std::string& path) const {
  ModelWriter out(ner::model_header());
  out.u32(static_cast<uint32_t>(resources_.titles.size()));
  for (const std::string& t : resources_.titles) out.str(t);
  resources_.words.save(out);
  resources_.gazetteer.save(out);
  resources_.silver.save(out);
  weights_.save(out);
  if (name_typer_.num_classes() != 0) {
    out.str(ner::kNameFeatureVersion);
    name_typer_.save(out);
  }
  out.save(path);
}

void Ner::annotate(Sentence& sentence) const {
  std::vector<Sentence> one(1);
  std::swap(one[0], sentence);
  annotate(one);
  std::swap(one[0], sentence);
}

void Ner::annotate(std::vector<Sentence>& sentences) const {
  // Lower-case sentences are read truecased; their own forms are put back at the end.
  std::vector<std::vector<Token>> original_tokens(options_.truecase ? sentences.size() : 0);
  for (size_t k = 0; k < original_tokens.size(); ++k) {
    original_tokens[k] = ner::truecase(sentences[k], resources_);
  }
  std::vector<const Sentence*> all;
  all.reserve(sentences.size());
  for (const Sentence& s : sentences) all.push_back(&s);
  ner::DocumentContext context;
  context.build(all);
  ner::DocumentTypes types(resources_);
  ner::NerScratch scratch;
  std::vector<std::array<float, ner::kNumTypes>> type_scores;
  // Per sentence, the one-word names that modify the noun after them (person_modifier()),
  // with the type they take if they end up PERSON: (first word, type).
  std::vector<std::vector<std::pair<int, EntityType>>> modifiers(sentences.size());
  for (size_t k = 0; k < sentences.size(); ++k) {
    Sentence& s = sentences[k];
    ner::prepare(s, resources_, context, scratch);
    const std::vector<int> classes = ner::decode_classes(s, weights_, scratch, options_.beam);
    std::vector<NamedEntity> raw = ner::decode(classes);
    if (raw.empty() && options_.lone_name_lines) {
      if (auto signature = ner::lone_name_line(s, resources_)) raw.push_back(*signature);
    }
    {
      std::vector<NamedEntity> dates;
      for (NamedEntity& e : raw) {
        if (auto d = ner::split_trailing_date(s, e)) dates.push_back(*d);
      }
      if (!dates.empty()) replace_entities(raw, dates);
    }
    std::vector<bool> freed;
    for (NamedEntity& e : raw) {
      const int last = e.last;
      if (ner::trim_date(s, e)) {
        freed.resize(s.tokens.size(), false);
        for (int i = e.last; i < last; ++i) freed[i] = true;
      }
    }
    if (!freed.empty()) {
      replace_entities(raw, {});
      std::vector<NamedEntity> reclaimed = ner::reclaim_freed_words(s, freed, raw);
      for (NamedEntity& e : reclaimed) e.type = ner::retype_span(weights_, scratch, e, classes, {});
      replace_entities(raw, reclaimed);
    }
    {
      std::vector<NamedEntity> persons;
      for (NamedEntity& e : raw) {
        auto split = ner::split_office(s, resources_, e);
        if (!split ||
            ner::retype_span(weights_, scratch, split->person, classes, {}) != EntityType::kPerson) {
          continue;
        }
        NamedEntity& before = split->before;
        if (before.first < before.last) {
          // A person before the title word makes it a surname ("Melanie King Brandon").
          before.type = ner::retype_span(weights_, scratch, before, classes, {});
          if (before.type == EntityType::kPerson) continue;
        }
        e = before;
        persons.push_back(split->person);
      }
      if (!persons.empty()) replace_entities(raw, persons);
    }
    for (NamedEntity& e : raw) {
      if (ner::trim_common_head(s, e)) {
        // The shorter span's type, by the model's scores for it; never NORP for a span that
        // was a name (an adjective before a noun, "Russian officials", is NORP from the start).
        e.type = e.type == EntityType::kNorp
                     ? ner::retype_span(weights_, scratch, e, classes, {})
                     : ner::retype_span(weights_, scratch, e, classes, {EntityType::kNorp});
      } else if (options_.no_person_modifiers && ner::person_modifier(s, e)) {
        e.type = ner::retype_span(weights_, scratch, e, classes, {EntityType::kPerson});
        modifiers[k].emplace_back(e.first, e.type);
      }
    }
    context.record(s, raw);
    if (options_.document_vote) {
      type_scores.clear();
      const bool typer = name_typer_.num_classes() != 0 && options_.name_typer_weight != 0.0f;
      std::vector<FeatureId> features;
      std::array<float, ner::kNumTypes> extra;
      for (const NamedEntity& e : raw) {
        type_scores.push_back(ner::span_type_scores(weights_, scratch, e, classes));
        if (!typer || e.type == EntityType::kDate) continue;
        features.clear();
        ner::name_features(s, scratch, e, features);
        extra.fill(0.0f);
        name_typer_.add_scores(features, extra.data());
        for (int t = 0; t < ner::kNumTypes; ++t) {
          type_scores.back()[t] += options_.name_typer_weight * extra[t];
        }
      }
      types.add(s, raw, type_scores);
    }
    s.entities = std::move(raw);
  }
  for (size_t k = 0; k < sentences.size(); ++k) {
    Sentence& s = sentences[k];
    if (options_.document_vote) types.retype(s, s.entities);
    // The vote may have made a modifier a person again: this mention is none.
    for (const auto& [first, type] : modifiers[k]) {
      for (NamedEntity& e : s.entities) {
        if (e.first == first && e.last == first + 1 && e.type == EntityType::kPerson) e.type = type;
      }
    }
    if (options_.gazetteer_types) {
      for (NamedEntity& e : s.entities) e.type = ner::gazetteer_type(s, resources_.gazetteer, e);
    }
    ner::trim_entities(s, resources_, s.entities);
  }
  for (size_t k = 0; k < original_tokens.size(); ++k) {
    if (!original_tokens[k].empty()) sentences[k].tokens = std::move(original_tokens[k]);
  }
}

void Ner::annotate(Document& document) const { annotate(document.sentences); }

}  // namespace kg::extract
