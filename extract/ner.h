#pragma once
// Named-entity recognition: PERSON, ORG, LOCATION, NORP, EVENT, DATE and WORK spans over the
// words of a sentence (the node types of DESIGN.md). A BILOU sequence model scored by an
// averaged perceptron and decoded left to right (Ratinov & Roth, CoNLL 2009; see
// extract/ner_model.h for the features); trained by extract/ner_train.h on names derived from
// GUM's entity annotation (extract/entity_derivation.h). Spans follow Universal NER's
// conventions: titles and the possessive 's are never inside a name.

#include <array>
#include <initializer_list>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>

#include "extract/document.h"
#include "extract/model_file.h"
#include "extract/ner_model.h"
#include "extract/perceptron.h"
#include "extract/sentence.h"

namespace kg::extract {

struct NerOptions {
  // Sequences kept while decoding; 1 is greedy left-to-right decoding (as trained, and what
  // Ratinov & Roth found as good as Viterbi for NER), more is beam search over the same scores.
  int beam = 1;
  // Give every occurrence of a name in a document one type, the one with the highest type
  // scores summed over its occurrences (one sense per discourse, as it were), and retype each
  // name with the evidence of all its words rather than its first.
  bool document_vote = true;
  // A name found whole among the training names with a single type takes that type
  // (gazetteer_type()).
  bool gazetteer_types = true;
  // A line of one or two capitalised proper nouns is a person (lone_name_line()).
  bool lone_name_lines = true;
  // Read a sentence written all in lower case with the capitals raw text gives its words
  // (truecase()).
  bool truecase = true;
  // A one-word name that modifies the lower-case noun after it is no PERSON
  // (person_modifier()).
  bool no_person_modifiers = true;
  // How much the name classifier's scores (extract/name_typer.h; where the model file has
  // one) count in the document vote on each name's type, against the sequence model's: 0
  // leaves it out.
  float name_typer_weight = 0.5f;
};

// A trained recogniser. Read-only after construction, so annotate() is thread-safe.
class Ner {
 public:
  Ner(ner::NerResources resources, PerceptronModel weights, const NerOptions& options = {});

  // Loads models/ner.kgm (or another file written by save()); throws kg::InputError naming
  // the file and the remedy if it is missing, damaged or from another kg version.
  static std::unique_ptr<Ner> load(const std::string& path, const NerOptions& options = {});
  // Writes the model (temporary file, renamed when complete).
  void save(const std::string& path) const;

  // Replaces sentence.entities with the entities found in its words. Reads the forms, the UPOS
  // and XPOS tags when the tagger ran (any word with a tag) and the tree when the parser ran.
  // Thread-safe.
  void annotate(Sentence& sentence) const;
  // The same for every sentence of a document, in order, with what the whole document says
  // about each word (better than one sentence at a time: names recur).
  void annotate(Document& document) const;
  void annotate(std::vector<Sentence>& document_sentences) const;

  const ner::NerResources& resources() const { return resources_; }
  const PerceptronModel& weights() const { return weights_; }
  // The name classifier (no classes when the model has none).
  const PerceptronModel& name_typer() const { return name_typer_; }
  void set_name_typer(PerceptronModel typer) { name_typer_ = std::move(typer); }
  void set_options(const NerOptions& options) { options_ = options; }

 private:
  ner::NerResources resources_;
  PerceptronModel weights_;
  PerceptronModel name_typer_;
  NerOptions options_;
};

namespace ner {

// The classes for `sentence` with `weights`: greedy (beam 1) or beam search, BILOU-valid.
// `scratch` must have been prepared for `sentence`.
std::vector<int> decode_classes(const Sentence& sentence, const PerceptronModel& weights,
                                NerScratch& scratch, int beam);

// UNER conventions enforced on predicted spans: a leading title word ("President", "Mr.")
// and a trailing possessive ('s, ') or punctuation are never inside a span, except the
// elliptical possessive of a business or place name (above); spans left empty are dropped.
// An ORG or LOCATION name followed by an 's that possesses nothing is a business or place
// named in the possessive ("[Wendy's] is closed"; UNER keeps the 's in such names), unlike
// "Britain 's economy"; so is a PERSON name of that kind right after a preposition ("going to
// [Del Frisco's] for dinner"). trim_entities() extends such names over the 's and types the
// person's as LOCATION (UNER's LOC holds shops and restaurants). The word after the 's decides:
// a noun, proper noun, adjective, number, adverb, determiner or participle starts the possessed
// phrase; anything else (punctuation, a preposition, a verb, the end) means none follows.
// (Not the tree: parsers attach exactly these possessives to the next noun.)
bool elliptical_possessive(const Sentence& sentence, const NamedEntity& entity);

// An office inside a name that is not a person ("[U.S. Secretary of State Antony Blinken]" read
// as one ORG): where `entity` holds a title word, then (after the rest of the office: "of",
// "the", words raw text mostly writes in lower case, more titles) one to four capitalised
// words, returns those words as the candidate person and the words before the first title
// word (possibly none) with the entity's type. The caller keeps the split only if the
// model's scores for the candidate say PERSON.
struct OfficeSplit {
  NamedEntity before;
  NamedEntity person;
};
std::optional<OfficeSplit> split_office(const Sentence& sentence, const NerResources& resources,
                                        const NamedEntity& entity);

// A one-word PERSON right before a lower-case common noun, which it modifies ("[Hamas]
// leaders", "[Fallujah] campaign", "[Houston] refinery"): in UNER dev only 7 of 55 such
// one-word names are persons ("the Bush administration"). Ner::annotate gives such a mention
// the best other type by the model's scores, and keeps it after the document vote.
bool person_modifier(const Sentence& sentence, const NamedEntity& entity);

// A capitalised name the model ran on into lower-case common nouns ("[Biden administration]",
// "[Fallujah campaign]") ends before them: UNER tags "the [Bush] administration". Returns
// whether `entity` was shortened (its type is then decided again on the shorter span).
bool trim_common_head(const Sentence& sentence, NamedEntity& entity);

// A date the model ran on into a phrase that is no time ("[April meeting in New] York") ends
// before its first lower-case common noun that is not a time word ("week", "morning"; extract/
// word_classes.h) or its first preposition before a proper noun that is no month or day
// ("[April] in New York"; not "the Fourth of July"), and no date ends in a preposition,
// article, conjunction or punctuation ("[April in] New York"); a date with nothing left is
// dropped. Returns whether `entity` changed (always false for other types).
bool trim_date(const Sentence& sentence, NamedEntity& entity);

// A name the model ran on over a preposition and a month or weekday ("[Marlow on Wednesday]")
// ends before the preposition; the rest is returned as a DATE ("[Marlow] on [Wednesday]").
// Dates are left alone ("the Fourth of July").
std::optional<NamedEntity> split_trailing_date(const Sentence& sentence, NamedEntity& entity);

// A line that is nothing but one or two capitalised proper nouns (and a last punctuation
// mark), where the model found no name, is a person: the greeting or signature of an e-mail
// or letter ("Renee ,", "Traci", "Jill :"). Not a word that raw text mostly writes in lower
// case ("Thanks", "Cheers"), a title, a word in capitals ("WASHINGTON"), a name the training
// names hold but never as a person's, or anything the tagger calls no proper noun ("Oops",
// "Warnings").
std::optional<NamedEntity> lone_name_line(const Sentence& sentence, const NerResources& resources);

// Truecasing for NER (Lita et al. 2003, "tRuEcasIng"; Mayhew et al. 2019, "NER and POS when
// nothing is capitalized"): a sentence with no capital after its first word (the pronoun "I"
// aside) and at least three lower-case words, by a writer who does not capitalise (it starts
// in lower case, or writes the pronoun "i"), gives the model none of the capitals it learnt
// names by ("i live in malaysia", "max and jen are looking for you"); a sentence that merely
// names nobody ("Your goal has been a union of ...") is left alone. Each of its lower-case
// words that the raw text of training writes capitalised at least 95 % of the time away from
// a sentence start (the lexicon's capital statistics) is given its capital. Returns the words
// as they were, to be put back (empty if nothing changed). ASCII initials only.
std::vector<Token> truecase(Sentence& sentence, const NerResources& resources);

// After trim_date freed words (`freed`, per word): a name right after them takes back the
// proper nouns (PTB NNP/NNPS) among them that touch it ("New" of "New York"); the runs of
// freed proper nouns left over are returned as names of their own (type kOther: the caller
// types them with the model's scores; "[April] in [New York]").
std::vector<NamedEntity> reclaim_freed_words(const Sentence& sentence,
                                             const std::vector<bool>& freed,
                                             std::vector<NamedEntity>& entities);

void trim_entities(const Sentence& sentence, const NerResources& resources,
                   std::vector<NamedEntity>& entities);

// The type of `entity`'s words (case-folded) as a whole name of the training data when they
// were a name of one type only there ("Israel": LOCATION; not "Washington", a person and a
// place), else `entity.type`; dates keep theirs. The model has the gazetteer as a feature but,
// trained where the list always holds the answer's own name, trusts it only in part: across
// corpora the same weights then read "Israel said" as a person and a document vote spreads it.
EntityType gazetteer_type(const Sentence& sentence, const Gazetteer& gazetteer,
                          const NamedEntity& entity);

// The score of each type for `span` (its words' class scores with that type's BILOU classes,
// history included), after decode_classes() filled `scratch`.
std::array<float, kNumTypes> span_type_scores(const PerceptronModel& weights,
                                             const NerScratch& scratch, const NamedEntity& span,
                                             const std::vector<int>& classes);

// The type `span_type_scores` rates highest, DATE and `excluded` left out.
EntityType retype_span(const PerceptronModel& weights, const NerScratch& scratch,
                       const NamedEntity& span, const std::vector<int>& classes,
                       std::initializer_list<EntityType> excluded);

// One type per name and document: each occurrence's type scores (relative to its best type)
// are summed over the document, and every occurrence gets the type with the highest sum, so
// strong contexts ("in Miramar", "Miramar, California") decide for weak ones ("Miramar was
// founded"). DATE spans keep their type. A name the document writes with the article as
// the head of its phrase ("close to the Kremlin", "the Kremlin's"; not "the Biden
// administration", "the Prophet Mohammed") is not a person's there: English puts no "the"
// before a person's name, so such a name takes its best other type in the whole document
// ("close to Kremlin" in a headline included).
class DocumentTypes {
 public:
  explicit DocumentTypes(const NerResources& resources) : resources_(resources) {}
  void add(const Sentence& sentence, const std::vector<NamedEntity>& entities,
           const std::vector<std::array<float, kNumTypes>>& type_scores);
  void retype(const Sentence& sentence, std::vector<NamedEntity>& entities) const;

  // "the" right before `entity`, and no noun, adjective or number right after it; not a
  // name that starts with a title or a word raw text mostly writes in lower case ("the
  // Prophet Mohammed").
  bool article_headed(const Sentence& sentence, const NamedEntity& entity) const;

 private:
  const NerResources& resources_;
  std::map<std::string, std::array<double, kNumTypes>> pooled_;
  std::set<std::string> articled_;  // name keys written as "the NAME" somewhere
};

// The model file header of NER models (kind "ner", format version, fingerprint of the
// classes and feature templates).
ModelHeader model_header();

}  // namespace ner
}  // namespace kg::extract
