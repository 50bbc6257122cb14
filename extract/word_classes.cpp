#include "extract/word_classes.h"

#include <algorithm>
#include <array>
#include <vector>

namespace kg::extract {

namespace {

// A fixed set of lower-case words, sorted once; lookups are binary searches.
class WordSet {
 public:
  template <size_t N>
  explicit WordSet(const std::array<std::string_view, N>& words) : words_(words.begin(), words.end()) {
    std::sort(words_.begin(), words_.end());
  }
  bool contains(std::string_view w) const {
    return std::binary_search(words_.begin(), words_.end(), w);
  }

 private:
  std::vector<std::string_view> words_;
};

const WordSet& time_words() {
  static const WordSet set(std::array<std::string_view, 52>{
      "january", "february", "march", "april", "may", "june", "july", "august", "september",
      "october", "november", "december", "monday", "tuesday", "wednesday", "thursday",
      "friday", "saturday", "sunday", "today", "yesterday", "tomorrow", "tonight", "morning",
      "afternoon", "evening", "night", "day", "week", "weekend", "month", "year", "decade",
      "century", "spring", "summer", "autumn", "fall", "winter", "now", "then", "recently",
      "later", "earlier", "ago", "season", "hour", "minute", "time", "period", "quarter",
      "midnight"});
  return set;
}

const WordSet& time_prepositions() {
  static const WordSet set(std::array<std::string_view, 8>{
      "during", "since", "until", "till", "before", "after", "throughout", "ago"});
  return set;
}

const WordSet& place_prepositions() {
  static const WordSet set(std::array<std::string_view, 13>{
      "in", "at", "near", "inside", "outside", "across", "from", "to", "into", "within",
      "around", "toward", "towards"});
  return set;
}

const WordSet& reporting_verbs() {
  static const WordSet set(std::array<std::string_view, 36>{
      "say", "tell", "report", "add", "state", "note", "claim", "announce", "write", "insist",
      "explain", "confirm", "warn", "acknowledge", "argue", "reveal", "disclose", "allege",
      "assert", "declare", "predict", "remark", "reply", "respond", "suggest", "tweet",
      "testify", "conclude", "believe", "think", "deny", "admit", "according", "stress",
      "emphasize", "emphasise"});
  return set;
}

const WordSet& event_nouns() {
  static const WordSet set(std::array<std::string_view, 46>{
      "meeting", "talk", "discussion", "negotiation", "conversation", "hearing", "inquiry",
      "enquiry", "investigation", "probe", "accident", "crash", "collision", "explosion",
      "spill", "leak", "visit", "trip", "summit", "conference", "session", "interview",
      "briefing", "election", "referendum", "trial", "attack", "protest", "ceremony", "war",
      "invasion", "counteroffensive", "offensive", "revolt", "coup", "strike", "flood",
      "outbreak", "audit", "review", "consultation", "debate", "rally", "raid", "ceasefire",
      "cease-fire"});
  return set;
}

const WordSet& role_nouns() {
  static const WordSet set(std::array<std::string_view, 96>{
      "official", "officer", "minister", "diplomat", "expert", "spokesman", "spokeswoman",
      "spokesperson", "director", "president", "chief", "executive", "member", "fellow",
      "leader", "academic", "lawmaker", "legislator", "senator", "governor", "mayor",
      "secretary", "ambassador", "envoy", "negotiator", "adviser", "advisor", "aide",
      "analyst", "researcher", "scientist", "engineer", "manager", "chairman", "chairwoman",
      "chair", "chairperson", "head", "founder", "owner", "journalist", "reporter", "editor",
      "correspondent", "commissioner", "inspector", "investigator", "prosecutor", "judge",
      "lawyer", "attorney", "general", "commander", "colonel", "soldier", "representative",
      "delegate", "counsel", "consultant", "professor", "lecturer", "student", "teacher",
      "doctor", "nurse", "worker", "employee", "staffer", "resident", "citizen", "activist",
      "campaigner", "candidate", "premier", "chancellor", "king", "queen", "prince", "princess",
      "deputy", "vice-president", "treasurer", "auditor", "regulator", "mediator", "participant",
      "intermediary", "specialist", "economist", "historian", "strategist", "ceo", "cfo", "coo",
      "director-general", "secretary-general"});
  return set;
}

const WordSet& collective_nouns() {
  static const WordSet set(std::array<std::string_view, 8>{
      "group", "team", "delegation", "panel", "band", "circle", "handful", "number"});
  return set;
}

const WordSet& institution_nouns() {
  static const WordSet set(std::array<std::string_view, 24>{
      "administration", "government", "campaign", "office", "cabinet", "team", "ministry",
      "embassy", "council", "committee", "department", "agency", "army", "military", "navy",
      "police", "court", "parliament", "senate", "congress", "party", "company", "firm",
      "regime"});
  return set;
}

const WordSet& organisation_name_heads() {
  static const WordSet set(std::array<std::string_view, 40>{
      "board", "council", "agency", "ministry", "committee", "department", "company", "court",
      "party", "authority", "commission", "bank", "association", "union", "institute",
      "university", "foundation", "corporation", "corp", "inc", "ltd", "group", "mining",
      "airlines", "holdings", "industries", "energy", "fund", "service", "office", "embassy",
      "parliament", "senate", "police", "army", "navy", "times", "post", "news", "network"});
  return set;
}

const WordSet& place_nouns() {
  static const WordSet set(std::array<std::string_view, 22>{
      "city", "town", "village", "capital", "country", "province", "region", "state",
      "island", "port", "district", "county", "municipality", "suburb", "neighbourhood",
      "neighborhood", "territory", "republic", "kingdom", "resort", "valley", "river"});
  return set;
}

const WordSet& title_qualifiers() {
  static const WordSet set(std::array<std::string_view, 16>{
      "former", "current", "outgoing", "incoming", "then", "acting", "interim", "retired",
      "ex", "one-time", "onetime", "future", "late", "previous", "longtime", "erstwhile"});
  return set;
}

const WordSet& honorifics() {
  static const WordSet set(std::array<std::string_view, 26>{
      "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "prof", "prof.", "sir", "dame",
      "gen", "gen.", "col", "col.", "lt", "lt.", "sgt", "sgt.", "capt", "capt.", "rev",
      "rev.", "sen.", "rep."});
  return set;
}

const WordSet& with_verbs() {
  static const WordSet set(std::array<std::string_view, 9>{
      "meet", "talk", "speak", "negotiate", "consult", "confer", "converse", "correspond",
      "reunite"});
  return set;
}

const WordSet& object_control_verbs() {
  static const WordSet set(std::array<std::string_view, 40>{
      "ask", "tell", "urge", "persuade", "force", "order", "allow", "permit", "encourage",
      "invite", "require", "expect", "want", "help", "enable", "cause", "get", "instruct",
      "advise", "warn", "remind", "convince", "compel", "authorize", "authorise", "press",
      "pressure", "push", "need", "beg", "challenge", "command", "direct", "appoint", "elect",
      "hire", "train", "teach", "inspire", "oblige"});
  return set;
}

}  // namespace

bool is_time_word(std::string_view lemma) { return time_words().contains(lemma); }

bool is_year(std::string_view form) {
  if (form.size() == 5 && form.back() == 's') form.remove_suffix(1);
  if (form.size() != 4) return false;
  for (char c : form) {
    if (c < '0' || c > '9') return false;
  }
  return form[0] == '1' || (form[0] == '2' && form[1] <= '1');
}

bool is_time_preposition(std::string_view lemma) { return time_prepositions().contains(lemma); }
bool is_place_preposition(std::string_view lemma) { return place_prepositions().contains(lemma); }
bool is_reporting_verb(std::string_view lemma) { return reporting_verbs().contains(lemma); }
bool is_event_noun(std::string_view lemma) { return event_nouns().contains(lemma); }
bool is_role_noun(std::string_view lemma) { return role_nouns().contains(lemma); }
bool is_collective_noun(std::string_view lemma) { return collective_nouns().contains(lemma); }
bool is_institution_noun(std::string_view lemma) { return institution_nouns().contains(lemma); }
bool is_place_noun(std::string_view lemma) { return place_nouns().contains(lemma); }
bool is_object_control_verb(std::string_view lemma) {
  return object_control_verbs().contains(lemma);
}
bool is_calendar_name(std::string_view lower) {
  static const WordSet set(std::array<std::string_view, 19>{
      "january", "february", "march", "april", "may", "june", "july", "august", "september",
      "october", "november", "december", "monday", "tuesday", "wednesday", "thursday",
      "friday", "saturday", "sunday"});
  return set.contains(lower);
}
bool is_organisation_name_head(std::string_view lower) {
  return organisation_name_heads().contains(lower);
}
bool is_title_qualifier(std::string_view lemma) { return title_qualifiers().contains(lemma); }
bool is_honorific(std::string_view lemma) { return honorifics().contains(lemma); }
bool absorbs_with(std::string_view verb_lemma) { return with_verbs().contains(verb_lemma); }

}  // namespace kg::extract
