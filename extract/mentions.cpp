#include "extract/mentions.h"

#include <algorithm>
#include <set>
#include <string>
#include <string_view>
#include <unordered_set>

#include "extract/text_case.h"
#include "extract/word_classes.h"

namespace kg::extract {

namespace {

bool is_plural(const DependencyTree& t, int w) {
  return t.xpos(w) == Xpos::kNNS || t.xpos(w) == Xpos::kNNPS;
}

bool is_determiner_the(const DependencyTree& t, int w) {
  const std::string_view l = t.lemma(w);
  return t.upos(w) == Upos::kDet &&
         (l == "the" || l == "this" || l == "that" || l == "these" || l == "those");
}

bool is_punct(const DependencyTree& t, int w) { return t.upos(w) == Upos::kPunct; }

bool is_hyphen(const DependencyTree& t, int w) {
  const std::string_view f = t.form(w);
  return f == "-" || f == "\xE2\x80\x93" || t.xpos(w) == Xpos::kHYPH;
}

// Words joined as written: a space wherever the text has one.
std::string join_words(const DependencyTree& t, const std::vector<int>& words) {
  std::string out;
  for (size_t j = 0; j < words.size(); ++j) {
    const int w = words[j];
    out += t.form(w);
    if (j + 1 < words.size() && t.token(w).space_after && words[j + 1] == w + 1) out += ' ';
    if (j + 1 < words.size() && words[j + 1] != w + 1) out += ' ';
  }
  return out;
}

// Adjectives of quantity and comparison that describe no group or event of their own.
bool is_quantifier(std::string_view lemma) {
  static const std::string_view kWords[] = {"many", "much", "few", "several", "other", "more",
                                            "most", "such", "same", "certain", "various",
                                            "numerous", "some", "another", "any", "all"};
  for (std::string_view w : kWords) {
    if (lemma == w) return true;
  }
  return false;
}

// The endings of most English nationality adjectives ("Russian", "Chinese", "Polish",
// "Iraqi", "Czech", "Dutch"): a capitalised adjective with one of them, before a title, is a
// nationality NER missed; "Prime", "Foreign", "Senior" are not.
bool has_demonym_ending(std::string_view word) {
  auto ends = [&](std::string_view e) {
    return word.size() > e.size() + 1 && word.substr(word.size() - e.size()) == e;
  };
  return ends("an") || ends("ese") || ends("ish") || ends("i") || ends("ch") || ends("ic");
}

// A word that can be part of a person's name proper (not a title before it).
bool is_name_word(const DependencyTree& t, int w) {
  if (!starts_upper(t.form(w))) return false;
  const std::string_view l = t.lemma(w);
  if (is_role_noun(l) || is_honorific(l) || is_title_qualifier(l)) return false;
  if (t.upos(w) == Upos::kAdj || t.upos(w) == Upos::kDet || t.upos(w) == Upos::kAdp) {
    return false;
  }
  return true;
}

const std::vector<std::pair<std::string_view, std::pair<Gender, GrammaticalNumber>>>&
pronoun_table() {
  static const std::vector<std::pair<std::string_view, std::pair<Gender, GrammaticalNumber>>> t = {
      {"he", {Gender::kMale, GrammaticalNumber::kSingular}},
      {"him", {Gender::kMale, GrammaticalNumber::kSingular}},
      {"his", {Gender::kMale, GrammaticalNumber::kSingular}},
      {"himself", {Gender::kMale, GrammaticalNumber::kSingular}},
      {"she", {Gender::kFemale, GrammaticalNumber::kSingular}},
      {"her", {Gender::kFemale, GrammaticalNumber::kSingular}},
      {"hers", {Gender::kFemale, GrammaticalNumber::kSingular}},
      {"herself", {Gender::kFemale, GrammaticalNumber::kSingular}},
      {"it", {Gender::kNeuter, GrammaticalNumber::kSingular}},
      {"its", {Gender::kNeuter, GrammaticalNumber::kSingular}},
      {"itself", {Gender::kNeuter, GrammaticalNumber::kSingular}},
      {"they", {Gender::kUnknown, GrammaticalNumber::kPlural}},
      {"them", {Gender::kUnknown, GrammaticalNumber::kPlural}},
      {"their", {Gender::kUnknown, GrammaticalNumber::kPlural}},
      {"theirs", {Gender::kUnknown, GrammaticalNumber::kPlural}},
      {"themselves", {Gender::kUnknown, GrammaticalNumber::kPlural}},
  };
  return t;
}

// Mentions of one sentence, with indexes local to it until they are appended.
class SentenceReader {
 public:
  // `surnames`: the last words of the persons NER found in the whole document.
  // `lower_words`: the words the document's body (no headline) writes in lower case;
  // `headline`: is_headline(tree).
  SentenceReader(const DependencyTree& tree, int sentence, const MentionOptions& options,
                 const std::set<std::string>& surnames,
                 const std::unordered_set<std::string_view>& lower_words, bool headline)
      : t_(tree), s_(tree.sentence()), sentence_(sentence), options_(options), n_(tree.size()),
        surnames_(surnames), lower_words_(lower_words), headline_(headline) {}

  std::vector<NominalMention> run() {
    word_mention_.assign(n_, -1);
    covered_.assign(n_, 0);
    names();
    // Titles of persons ("Foreign Minister") and descriptors of organisations ("environmental
    // group Friends of Lake Orin"), which definite descriptions later match ("the group").
    const size_t names_found = out_.size();
    for (size_t m = 0; m < names_found; ++m) {
      if (out_[m].type == EntityType::kPerson || out_[m].type == EntityType::kOrg) {
        titles(static_cast<int>(m));
      }
    }
    acronyms();
    pronouns();
    for (size_t m = 0; m < names_found; ++m) {
      if (out_[m].type == EntityType::kPerson) fronted_title(static_cast<int>(m));
    }
    nominals();
    for (size_t m = 0; m < out_.size(); ++m) {
      if (out_[m].kind == MentionKind::kName) appositions(static_cast<int>(m));
    }
    for (size_t m = 0; m < names_found; ++m) {
      if (out_[m].type == EntityType::kPerson) parenthetical_role(static_cast<int>(m));
    }
    return sorted();
  }

 private:
  int add(NominalMention m) {
    out_.push_back(std::move(m));
    return static_cast<int>(out_.size()) - 1;
  }

  // "Kestrel's": a name followed by a possessive marker (a person's possessions are no title).
  bool is_possessive_name(const NominalMention& m) const {
    return m.last < n_ && t_.xpos(m.last) == Xpos::kPOS;
  }

  int head_of(int first, int last) const {
    int best = first;
    for (int w = first; w < last; ++w) {
      const int h = t_.head(w);
      if (h < first || h >= last) {
        if (t_.depth(w) < t_.depth(best) || (t_.head(best) >= first && t_.head(best) < last)) {
          best = w;
        }
      }
    }
    return best;
  }

  // ---- names ----------------------------------------------------------------------------

  // NER's spans, repaired where the parse says more: an organisation's name typed as a
  // person or place ("Kestrel Mining" as PERSON), a person's given name left out ("Amara" of
  // "Director Amara Nwosu"), and names NER missed that the tree and capitals show: a
  // capitalised proper-noun phrase ending in an organisation word ("Northern Water Board"),
  // or right after a role noun ("Director Amara Nwosu").
  std::vector<NamedEntity> repaired_entities() const {
    std::vector<NamedEntity> out;
    std::vector<char> taken(static_cast<size_t>(n_), 0);
    auto proper = [&](int w) {
      return t_.upos(w) == Upos::kPropn && starts_upper(t_.form(w)) &&
             !is_role_noun(to_lower_ascii(t_.form(w))) && !is_honorific(t_.lemma(w));
    };
    for (NamedEntity e : s_.entities) {
      e.first = std::max(0, e.first);
      e.last = std::min(n_, e.last);
      // A name ends in a capitalised word or a number: NER sometimes runs on into the words
      // after it ("National Security Council on the confidential outcomes").
      if (e.type != EntityType::kDate) {
        while (e.last - e.first > 1 && !starts_upper(t_.form(e.last - 1)) &&
               t_.upos(e.last - 1) != Upos::kNum) {
          --e.last;
        }
      }
      if (e.first >= e.last) continue;
      // "Council on Foreign" + "Relations": a name with a preposition inside goes on over the
      // capitalised words right after it.
      if (e.type == EntityType::kOrg || e.type == EntityType::kLocation) {
        bool inner_preposition = false;
        for (int w = e.first + 1; w + 1 < e.last; ++w) {
          inner_preposition |= t_.upos(w) == Upos::kAdp && !starts_upper(t_.form(w));
        }
        while (inner_preposition && e.last < n_ && starts_upper(t_.form(e.last)) &&
               (t_.upos(e.last) == Upos::kPropn || t_.upos(e.last) == Upos::kNoun) &&
               !is_time_word(to_lower_ascii(t_.form(e.last)))) {
          ++e.last;
        }
      }
      // "Fox News" + "Digital": one more capitalised proper noun or adjective right after an
      // organisation's name and attached to it, in no other name, belongs to it.
      if (e.type == EntityType::kOrg && e.last < n_ &&
          (t_.xpos(e.last) == Xpos::kNNP || t_.upos(e.last) == Upos::kAdj) &&
          starts_upper(t_.form(e.last)) && !is_time_word(to_lower_ascii(t_.form(e.last))) &&
          ((t_.head(e.last) >= e.first && t_.head(e.last) < e.last) ||
           t_.head(e.last - 1) == e.last) &&
          std::none_of(s_.entities.begin(), s_.entities.end(), [&](const NamedEntity& o) {
            return o.first <= e.last && e.last < o.last;
          })) {
        ++e.last;
      }
      // "CIA Director William Burns" as one person: the words before the title are its
      // organisation, a name of their own.
      if (e.type == EntityType::kPerson) {
        int r = -1;
        for (int w = e.first + 1; w + 1 < e.last; ++w) {
          if (is_role_noun(to_lower_ascii(t_.form(w)))) r = w;
        }
        // The organisation: the capitalised proper nouns the span starts with, then only
        // lower-case title words up to the role noun ("Wagner mercenary chief").
        int o = e.first;
        while (o < r && t_.upos(o) == Upos::kPropn && starts_upper(t_.form(o)) &&
               !is_role_noun(to_lower_ascii(t_.form(o)))) {
          ++o;
        }
        bool organisation = r > e.first && o > e.first;
        for (int w = o; w < r && organisation; ++w) organisation = !starts_upper(t_.form(w));
        if (organisation) {
          for (int w = e.first; w < o; ++w) taken[w] = 1;
          out.push_back({e.first, o, EntityType::kOrg});
          e.first = r + 1;
        }
      }
      // A "person" that is only a title ("Ukrainian President" before the name NER gave
      // separately) is no name: the title is read with the name after it.
      if (e.type == EntityType::kPerson && is_role_noun(to_lower_ascii(t_.form(e.last - 1)))) {
        continue;
      }
      // ("the director of the Northern Water Board" read as an event is the board all the
      // same.)
      const bool named_type = e.type == EntityType::kPerson || e.type == EntityType::kLocation ||
                              e.type == EntityType::kEvent || e.type == EntityType::kOther;
      if (named_type && e.last - e.first >= 2 &&
          is_organisation_name_head(to_lower_ascii(t_.form(e.last - 1)))) {
        e.type = EntityType::kOrg;
      }
      if ((e.type == EntityType::kPerson || e.type == EntityType::kOther) &&
          described_as_place(e)) {
        e.type = EntityType::kLocation;
      }
      if (e.type == EntityType::kPerson) {
        // At most two given names, each attached inside the name.
        int k = e.first;
        auto attached = [&](int w) {  // w and the name hang together as one name
          const bool inward = t_.head(w) > w && t_.head(w) < e.last &&
                              (t_.base(w) == Deprel::kCompound || t_.base(w) == Deprel::kFlat);
          const bool outward = t_.head(w + 1) == w && t_.base(w + 1) == Deprel::kFlat;
          return inward || outward;
        };
        while (k > 0 && e.first - k < 2 && proper(k - 1) && !taken[k - 1] && attached(k - 1)) {
          --k;
        }
        const bool covered_by_other = std::any_of(
            s_.entities.begin(), s_.entities.end(),
            [&](const NamedEntity& o) { return o.first < e.first && o.last > k; });
        if (!covered_by_other) e.first = k;
      }
      for (int w = e.first; w < e.last; ++w) taken[w] = 1;
      out.push_back(e);
    }
    // Dates NER does not tag (Universal NER has none): "April", "Thursday", "March 3",
    // "April 2023", and years after a preposition or before the noun they date ("in 2017",
    // "the 2019 review").
    for (int i = 0; i < n_; ++i) {
      if (taken[i]) continue;
      int j = i;
      if (t_.upos(i) == Upos::kPropn && starts_upper(t_.form(i)) &&
          is_calendar_name(to_lower_ascii(t_.form(i)))) {
        j = i + 1;
        if (j < n_ && !taken[j] && t_.upos(j) == Upos::kNum && t_.form(j).size() <= 2) ++j;
        if (j + 1 < n_ && t_.form(j) == "," && is_year(t_.form(j + 1))) j += 2;
        if (j < n_ && !taken[j] && is_year(t_.form(j))) ++j;
      } else if (t_.upos(i) == Upos::kNum && is_year(t_.form(i)) &&
                 ((i > 0 && t_.upos(i - 1) == Upos::kAdp) ||
                  (i + 1 < n_ && t_.head(i) == i + 1 && t_.upos(i + 1) == Upos::kNoun))) {
        j = i + 1;
      }
      if (j == i) continue;
      for (int w = i; w < j; ++w) taken[w] = 1;
      out.push_back({i, j, EntityType::kDate});
      i = j - 1;
    }
    // "the environmental group Friends of Lake Orin": after an organisation's descriptor, a
    // capitalised noun phrase with "of" and another name in it is one organisation's name
    // (the tagger may read its first word as a common noun).
    for (int i = 1; i + 2 < n_; ++i) {
      const bool descriptor = t_.upos(i - 1) == Upos::kNoun &&
                              (is_collective_noun(t_.lemma(i - 1)) ||
                               is_institution_noun(t_.lemma(i - 1)) ||
                               t_.lemma(i - 1) == "organisation" ||
                               t_.lemma(i - 1) == "organization" || t_.lemma(i - 1) == "charity");
      if (!descriptor || taken[i] || !starts_upper(t_.form(i)) ||
          !(t_.upos(i) == Upos::kNoun || t_.upos(i) == Upos::kPropn)) {
        continue;
      }
      int j = i + 1;
      while (j < n_ && !taken[j] && starts_upper(t_.form(j)) && t_.upos(j) == Upos::kPropn) ++j;
      if (j + 1 >= n_ || !(t_.form(j) == "of" || t_.form(j) == "for")) continue;
      const auto inner = std::find_if(out.begin(), out.end(), [&](const NamedEntity& o) {
        return o.first == j + 1 && o.type != EntityType::kPerson && o.type != EntityType::kDate;
      });
      if (inner == out.end()) continue;
      const int end = inner->last;
      out.erase(inner);
      for (int w = i; w < end; ++w) taken[w] = 1;
      out.push_back({i, end, EntityType::kOrg});
      i = end - 1;
    }
    for (int i = 0; i < n_;) {
      if (taken[i] || !proper(i)) {
        ++i;
        continue;
      }
      int j = i;
      while (j < n_ && !taken[j] && proper(j)) ++j;
      NamedEntity e{i, j, EntityType::kOther};
      const bool after_role = i > 0 && (t_.upos(i - 1) == Upos::kNoun ||
                                        t_.upos(i - 1) == Upos::kPropn) &&
                              is_role_noun(to_lower_ascii(t_.form(i - 1)));
      if (j - i >= 2 && is_organisation_name_head(to_lower_ascii(t_.form(j - 1)))) {
        e.type = EntityType::kOrg;
        // A capitalised adjective before it, not at the start of the sentence ("Northern").
        if (i > 1 && !taken[i - 1] && t_.upos(i - 1) == Upos::kAdj &&
            starts_upper(t_.form(i - 1))) {
          e.first = i - 1;
        }
      } else if (after_role && j - i >= 2 && j - i <= 3 && !headline_) {
        e.type = EntityType::kPerson;
      }
      // "The Lavrov meeting": a surname of the document that NER missed here.
      if (j - i == 1 && surnames_.contains(std::string(t_.form(i)))) e.type = EntityType::kPerson;
      // "NWB Director", "former Pentagon officials": an acronym, or a one-word name NER left
      // untyped before a lower-case role noun (not "Foreign Minister", a title; not in a
      // headline, where every word is capitalised) names the organisation of those people.
      if (j - i == 1 && j < n_ && is_role_noun(t_.lemma(j)) &&
          (looks_like_acronym(t_.form(i)) ||
           (e.type == EntityType::kOther && !starts_upper(t_.form(j)) && !headline_))) {
        e.type = EntityType::kOrg;
      }
      // "influential Russians": a plural nationality NER missed is a group of people.
      if (j - i == 1 && t_.xpos(i) == Xpos::kNNPS && i > 0) {
        const std::string_view f = t_.form(i);
        if (f.size() > 3 && f.back() == 's' && has_demonym_ending(f.substr(0, f.size() - 1))) {
          e.type = EntityType::kNorp;
        }
      }
      if (e.type != EntityType::kOther) {
        for (int w = i; w < j; ++w) taken[w] = 1;
        out.push_back(e);
      }
      i = j;
    }
    std::sort(out.begin(), out.end(),
              [](const NamedEntity& a, const NamedEntity& b) { return a.first < b.first; });
    return out;
  }

  void names() {
    for (const NamedEntity& e : repaired_entities()) {
      int first = std::max(0, e.first);
      int last = std::min(n_, e.last);
      while (first < last && (t_.upos(first) == Upos::kDet || is_punct(t_, first))) ++first;
      while (last > first && (t_.xpos(last - 1) == Xpos::kPOS || is_punct(t_, last - 1))) --last;
      if (first >= last) continue;
      // A one-word "name" capitalised only by its place (a headline, the sentence start) that
      // the document writes in lower case elsewhere is a common noun: "Hospital chief
      // resigns" beside "the hospital". Persons keep theirs ("Long said", "long" or not).
      bool initial = true;
      for (int w = 0; w < first; ++w) initial = initial && is_punct(t_, w);
      if ((headline_ || initial) && last - first == 1 && e.type != EntityType::kDate &&
          e.type != EntityType::kPerson &&
          lower_words_.count(to_lower_ascii(t_.form(first))) > 0) {
        continue;
      }
      if (e.type == EntityType::kPerson) {
        // Titles inside the NER span ("President Vladimir Putin") are not the name.
        int j = last;
        while (j > first && is_name_word(t_, j - 1)) --j;
        if (j < last) first = j;
      }
      NominalMention m;
      m.kind = MentionKind::kName;
      m.type = e.type;
      m.sentence = sentence_;
      m.first = first;
      m.last = last;
      m.head = head_of(first, last);
      m.chunk_first = first;
      m.chunk_last = last;
      m.chunk_top = m.head;
      m.number = is_plural(t_, m.head) ? GrammaticalNumber::kPlural : GrammaticalNumber::kSingular;
      if (e.type == EntityType::kOrg) m.number = GrammaticalNumber::kUnknown;
      std::vector<int> words;
      for (int w = first; w < last; ++w) words.push_back(w);
      m.text = join_words(t_, words);
      const int id = add(std::move(m));
      for (int w = first; w < last; ++w) {
        word_mention_[w] = id;
        covered_[w] = 1;
      }
    }
  }

  // "the capital, Nordby", "Nordby, a port town", "the town of Ashford": a name in apposition
  // to a common noun of places, or that noun's "of" complement.
  bool described_as_place(const NamedEntity& e) const {
    int h = -1;  // the name's head: its word hung outside it
    for (int w = e.first; w < e.last; ++w) {
      if (t_.head(w) < e.first || t_.head(w) >= e.last) {
        if (h >= 0) return false;
        h = w;
      }
    }
    if (h < 0) return false;
    const auto place = [&](int w) {
      return w >= 0 && t_.upos(w) == Upos::kNoun && is_place_noun(t_.lemma(w));
    };
    const int up = t_.head(h);
    if (t_.base(h) == Deprel::kAppos && place(up)) return true;
    if (t_.base(h) == Deprel::kNmod && place(up) && up < h) {
      for (int c : t_.children(h)) {
        if (t_.base(c) == Deprel::kCase && t_.lemma(c) == "of") return true;
      }
    }
    for (int c : t_.children(h)) {
      if (t_.base(c) == Deprel::kAppos && place(c)) return true;
    }
    return false;
  }

  // The role of title words (as written, and as a relation) in `organisation` (-1: none).
  Role role_of(const std::vector<int>& title_words, int organisation) const {
    Role r;
    r.title = join_words(t_, title_words);
    r.relation = relation_of_title(t_, title_words);
    r.organisation = organisation;
    return r;
  }

  // Extends a person's name leftwards over its noun phrase and reads the titles there.
  void titles(int id) {
    const int name_first = out_[id].first;
    int first = name_first;
    int top = out_[id].head;
    const int last = out_[id].last;
    for (int k = first - 1; k >= 0; --k) {
      if (is_punct(t_, k) && !is_hyphen(t_, k)) break;
      const int hk = t_.head(k);
      const Deprel bk = t_.base(k);
      // A possessive "'s" hangs on the word before it, which hangs inside ("Russia 's").
      const bool possessive = bk == Deprel::kCase && hk == k - 1 && t_.head(hk) > k &&
                              t_.head(hk) < last;
      const bool inside = (hk >= k + 1 && hk < last) || possessive;
      const bool heads_top = t_.head(top) == k &&
                             (t_.base(top) == Deprel::kFlat || t_.base(top) == Deprel::kCompound);
      const bool sibling = hk >= 0 && hk == t_.head(top) && hk < k &&
                           (bk == Deprel::kFlat || bk == Deprel::kCompound || bk == Deprel::kAmod);
      if (!(inside || heads_top || sibling)) break;
      if (inside && !(bk == Deprel::kCompound || bk == Deprel::kAmod || bk == Deprel::kFlat ||
                      bk == Deprel::kNmod || bk == Deprel::kDet || bk == Deprel::kNummod ||
                      bk == Deprel::kCase || bk == Deprel::kPunct || bk == Deprel::kAdvmod)) {
        break;
      }
      if (heads_top) top = k;
      first = k;
      if (bk == Deprel::kDet && inside) break;
    }
    {
      // A parse that lost (part of) the title ("Russian Foreign Minister", "Kestrel Mining
      // chief executive" hung elsewhere): the nouns and adjectives right before the name, up
      // to an organisation or nationality named there, with a role noun among them, are its
      // title all the same.
      int k = first;
      bool role = false;
      for (int w = first; w < name_first && !role; ++w) {
        role = is_role_noun(to_lower_ascii(t_.form(w)));
      }
      while (k > 0 && first - k < 6) {
        const int w = k - 1;
        const int other = word_mention_[w];
        if (other >= 0 && other != id) {
          const bool one_word_person = out_[other].type == EntityType::kPerson &&
                                       out_[other].last - out_[other].first == 1;
          if (out_[other].first <= w && out_[other].type != EntityType::kDate &&
              (out_[other].type != EntityType::kPerson || one_word_person)) {
            k = out_[other].first;
          }
          break;
        }
        const Upos u = t_.upos(w);
        if (is_punct(t_, w) || !(u == Upos::kAdj || u == Upos::kNoun || u == Upos::kPropn)) break;
        const std::string lower = to_lower_ascii(t_.form(w));
        // Lower-case words: role nouns, qualifiers, and compounds of a title word after them
        // ("mercenary" in "Wagner mercenary chief").
        const bool compound_of_title = t_.base(w) == Deprel::kCompound && t_.head(w) > w &&
                                       t_.head(w) < name_first;
        if (!starts_upper(t_.form(w)) && !is_role_noun(lower) && !is_title_qualifier(lower) &&
            !compound_of_title) {
          break;
        }
        --k;
        role |= is_role_noun(to_lower_ascii(t_.form(w)));
      }
      if (role && k < first) first = k;
    }
    out_[id].chunk_first = first;
    out_[id].chunk_top = top;
    if (first == name_first) return;

    // The prefix: organisations and countries (names), title words, qualifiers.
    std::vector<int> title_words;
    std::string qualifier;
    int organisation = -1;
    for (int w = first; w < name_first; ++w) {
      const int other = word_mention_[w];
      if (other >= 0 && other != id) {
        // Words before the organisation describe it, not the person ("localist group Civic
        // Passion's Wong"): the title is what comes after it.
        organisation = other;
        title_words.clear();
        // "Wagner mercenary chief X": a one-word "person" before a title is its organisation.
        if (out_[other].type == EntityType::kPerson && out_[other].last - out_[other].first == 1 &&
            !is_possessive_name(out_[other])) {
          out_[other].type = EntityType::kOrg;
        }
        continue;
      }
      const std::string_view l = t_.lemma(w);
      if (t_.upos(w) == Upos::kDet || t_.base(w) == Deprel::kCase || is_punct(t_, w) ||
          is_honorific(l)) {
        continue;
      }
      if (is_title_qualifier(l)) {
        qualifier = l;
        continue;
      }
      if (t_.upos(w) == Upos::kAdj && starts_upper(t_.form(w)) && !is_role_noun(l) &&
          title_words.empty() && has_demonym_ending(t_.form(w))) {
        // "Russian Foreign Minister": a nationality NER did not tag.
        NominalMention norp;
        norp.kind = MentionKind::kName;
        norp.type = EntityType::kNorp;
        norp.sentence = sentence_;
        norp.first = norp.chunk_first = w;
        norp.last = norp.chunk_last = w + 1;
        norp.head = norp.chunk_top = w;
        norp.text = std::string(t_.form(w));
        organisation = add(std::move(norp));
        word_mention_[w] = organisation;
        covered_[w] = 1;
        continue;
      }
      // "detained U.S. journalist": a participle describes the person, it is no title.
      if (t_.xpos(w) == Xpos::kVBN || t_.xpos(w) == Xpos::kVBG) continue;
      title_words.push_back(w);
    }
    NominalMention& mm = out_[id];  // `out_` may have grown: take the reference now
    for (int w = first; w < name_first; ++w) covered_[w] = 1;
    if (title_words.empty()) return;
    Role r = role_of(title_words, organisation);
    r.qualifier = qualifier;
    mm.roles.push_back(std::move(r));
  }

  // "Its chief executive, Jonas Ferreira, said": a role phrase before the name and a comma
  // that the parser hung on the name instead of making the name its apposition. The words
  // from the start of the sentence (or a punctuation mark, conjunction or preposition) to
  // the comma, all inside the name's phrase and with a role noun among them, are its title;
  // a possessor there (a name or a pronoun, resolved later) is the organisation.
  void fronted_title(int id) {
    const NominalMention& m = out_[id];
    const int comma = m.chunk_first - 1;
    if (!m.roles.empty() || comma < 1 || t_.form(comma) != ",") return;
    std::vector<char> inside(static_cast<size_t>(n_), 0);
    int start = comma;
    for (int k = comma - 1; k >= 0; --k) {
      const int h = t_.head(k);
      const Deprel b = t_.base(k);
      const bool hangs = (h >= m.first && h < m.last) ||
                         (h > k && h < comma && inside[static_cast<size_t>(h)]);
      const bool modifier = b == Deprel::kAmod || b == Deprel::kCompound ||
                            b == Deprel::kFlat || b == Deprel::kDet || b == Deprel::kNmod ||
                            b == Deprel::kNummod || b == Deprel::kCase;
      if (!hangs || !modifier || (is_punct(t_, k) && !is_hyphen(t_, k))) break;
      inside[static_cast<size_t>(k)] = 1;
      start = k;
    }
    // Without such a tree, the words alone: "The chief executive of Marlow General Hospital,
    // Simon Achebe, resigned", parsed with the name as the hospital's apposition. The name
    // must then be set off by commas on both sides, and the phrase is a title (nouns and
    // adjectives) with an "of"/"for"/"at" phrase after it.
    bool by_words = false;
    if (start == comma && m.last < n_ && t_.form(m.last) == ",") {
      for (int k = comma - 1; k >= 0; --k) {
        const Upos u = t_.upos(k);
        const std::string_view l = t_.lemma(k);
        const bool fits = u == Upos::kDet || u == Upos::kAdj || u == Upos::kNoun ||
                          u == Upos::kPropn || u == Upos::kNum ||
                          (u == Upos::kPart && t_.xpos(k) == Xpos::kPOS) ||
                          (u == Upos::kAdp && (l == "of" || l == "for" || l == "at"));
        if (!fits) break;
        start = k;
      }
      by_words = start < comma;
    }
    if (start == comma) return;
    if (start > 0) {
      const int before = start - 1;
      const Upos u = t_.upos(before);
      if (!(is_punct(t_, before) || u == Upos::kCconj || u == Upos::kAdp ||
            u == Upos::kSconj)) {
        return;
      }
    }
    std::vector<int> title_words;
    int organisation = -1;
    bool role = false;
    bool preposition = false;  // by_words: past the title, in its "of" phrase
    for (int w = start; w < comma; ++w) {
      if (by_words && t_.upos(w) == Upos::kAdp) {
        preposition = true;
        continue;
      }
      // "The port authority's chief executive": what comes before the 's owns the title.
      if (by_words && t_.xpos(w) == Xpos::kPOS) {
        title_words.clear();
        role = false;
        continue;
      }
      const int other = word_mention_[w];
      if (other >= 0 && other != id) {
        const EntityType type = out_[other].type;
        if (out_[other].kind == MentionKind::kPronoun || type == EntityType::kOrg ||
            type == EntityType::kLocation || type == EntityType::kNorp) {
          organisation = other;
        }
        continue;
      }
      if (t_.upos(w) == Upos::kDet || t_.base(w) == Deprel::kCase || is_punct(t_, w)) continue;
      if (preposition) continue;
      role |= is_role_noun(to_lower_ascii(t_.form(w))) || is_role_noun(t_.lemma(w));
      title_words.push_back(w);
    }
    if (!role || title_words.empty()) return;
    // By words alone the title ends in its role noun ("chief executive", not "chief executive
    // board member").
    if (by_words && !is_role_noun(to_lower_ascii(t_.form(title_words.back()))) &&
        !is_role_noun(t_.lemma(title_words.back()))) {
      return;
    }
    for (int w = start; w < comma; ++w) covered_[w] = 1;
    out_[id].roles.push_back(role_of(title_words, organisation));
  }

  // ---- acronyms -------------------------------------------------------------------------

  void acronyms() {
    for (int w = 1; w + 1 < n_; ++w) {
      if (t_.form(w - 1) != "(" || t_.form(w + 1) != ")") continue;
      if (!looks_like_acronym(t_.form(w))) continue;
      if (w < 2) continue;
      const int expansion = word_mention_[w - 2];
      if (expansion < 0 || out_[expansion].kind != MentionKind::kName) continue;
      int acronym = word_mention_[w];
      if (acronym < 0) {
        NominalMention a;
        a.kind = MentionKind::kName;
        a.type = out_[expansion].type;
        a.sentence = sentence_;
        a.first = a.chunk_first = w;
        a.last = a.chunk_last = w + 1;
        a.head = a.chunk_top = w;
        a.text = std::string(t_.form(w));
        acronym = add(std::move(a));
        word_mention_[w] = acronym;
        covered_[w] = 1;
      }
      if (acronym != expansion) out_[acronym].acronym_for = expansion;
    }
  }

  // ---- appositions ----------------------------------------------------------------------

  std::vector<int> sentence_mentions() const {
    std::vector<int> ids;
    for (size_t i = 0; i < out_.size(); ++i) ids.push_back(static_cast<int>(i));
    return ids;
  }

  void appositions(int id) {
    const int top = out_[id].chunk_top;
    if (top < 0 || out_[id].type == EntityType::kDate) return;  // a date holds no role
    // The names this apposition describes: the name and, for a plural apposition, the names
    // coordinated with it ("Graham and Kupchan, two fellows with the CFR").
    auto add_roles = [&](int noun) {
      std::vector<int> nouns{noun};
      for (int c : t_.children(noun)) {
        if (t_.base(c) == Deprel::kConj) nouns.push_back(c);
      }
      std::vector<int> targets{id};
      if (is_plural(t_, noun)) {
        const int anchor = t_.base(top) == Deprel::kConj ? t_.head(top) : top;
        std::vector<int> words{anchor};
        for (int c : t_.children(anchor)) {
          if (t_.base(c) == Deprel::kConj) words.push_back(c);
        }
        for (int w : words) {
          const int other = top_mention(w);
          if (other >= 0 && other != id && out_[other].type == out_[id].type) {
            targets.push_back(other);
          }
        }
        // The tree has no coordination ("Russia expert Thomas Graham and Europe expert
        // Charles Kupchan, two fellows with the CFR" with Graham hung elsewhere): the names
        // right before this one, joined to it by "and" or commas only, are in it all the same.
        const bool coordinated = targets.size() > 1;
        int k = out_[id].chunk_first - 1;
        while (!coordinated && k > 0 && (t_.upos(k) == Upos::kCconj || t_.form(k) == ",")) {
          const int previous = word_mention_[k - 1];
          if (previous < 0 || previous == id || out_[previous].kind != MentionKind::kName ||
              out_[previous].type != out_[id].type ||
              std::find(targets.begin(), targets.end(), previous) != targets.end()) {
            break;
          }
          targets.push_back(previous);
          k = out_[previous].chunk_first - 1;
        }
      }
      const std::vector<int> ids = sentence_mentions();
      for (int x : nouns) {
        if (word_mention_[x] >= 0) continue;  // a name in apposition is an alias, not a role
        Role r;
        if (!read_role(t_, x, out_, ids, r)) continue;
        for (int target : targets) out_[target].roles.push_back(r);
      }
    };
    for (int c : t_.children(top)) {
      if (t_.base(c) == Deprel::kAppos) add_roles(c);
    }
    if (t_.base(top) == Deprel::kAppos && t_.head(top) >= 0 && word_mention_[t_.head(top)] < 0) {
      const int title = t_.head(top);
      Role r;
      if (read_role(t_, title, out_, sentence_mentions(), r)) out_[id].roles.push_back(r);
      // "Europe expert Charles Kupchan, two fellows with the CFR" parsed with both the name
      // and the second description in apposition to "expert": the later one describes the
      // name too.
      if (t_.upos(title) == Upos::kNoun && title < top) {
        for (int c : t_.children(title)) {
          if (c > top && t_.base(c) == Deprel::kAppos && word_mention_[c] < 0) add_roles(c);
        }
      }
    }
  }

  // "Charles Kupchan, Europe expert, and Thomas Graham, Russia expert, have participated"
  // parsed with the role phrases hung anywhere (flat, compound): a phrase of nouns, names and
  // adjectives set off by commas right after a person's name, ending in a role noun that no
  // name covers, is an apposition of the name all the same; a place, organisation or
  // nationality named in it is the role's organisation.
  void parenthetical_role(int id) {
    const int after = out_[id].last;
    if (after + 2 >= n_ || t_.form(after) != ",") return;
    const auto nominal_word = [&](int w) {
      const Upos u = t_.upos(w);
      return u == Upos::kNoun || u == Upos::kPropn || u == Upos::kAdj || u == Upos::kDet ||
             (u == Upos::kPart && t_.xpos(w) == Xpos::kPOS);
    };
    int end = after + 1;
    while (end < n_ && end - after <= 6 && nominal_word(end)) ++end;
    if (end >= n_ || end == after + 1) return;
    const int role_word = end - 1;
    // "of" phrases after the role noun: "Sergey Lavrov, Minister of Foreign Affairs of
    // Russia,".
    while (end + 1 < n_ && t_.lemma(end) == "of" && end - after <= 12 && nominal_word(end + 1)) {
      ++end;
      while (end < n_ && end - after <= 12 && nominal_word(end)) ++end;
    }
    if (end >= n_) return;
    const std::string_view closing = t_.form(end);
    if (!(closing == "," || closing == ")" || closing == "." || closing == ";")) return;
    if (!is_role_noun(t_.lemma(role_word))) return;
    if (word_mention_[role_word] >= 0 && word_mention_[role_word] != id) return;
    if (t_.upos(role_word) != Upos::kNoun && t_.upos(role_word) != Upos::kPropn) return;
    // A phrase that is the head of the clause's subject or object is no apposition.
    const Deprel rb = t_.base(role_word);
    if (rb == Deprel::kNsubj || rb == Deprel::kObj || rb == Deprel::kObl) return;
    std::vector<int> title_words;
    int organisation = -1;
    for (int w = after + 1; w < end; ++w) {
      const int other = word_mention_[w];
      if (other >= 0 && other != id) {
        const EntityType type = out_[other].type;
        if (type == EntityType::kOrg || type == EntityType::kLocation ||
            type == EntityType::kNorp) {
          organisation = other;
          // "... of Russia": the "of" before the organisation is the fact's, not the title's.
          if (!title_words.empty() && t_.lemma(title_words.back()) == "of") {
            title_words.pop_back();
          }
        }
        continue;
      }
      if (t_.upos(w) == Upos::kDet || t_.upos(w) == Upos::kPart) continue;
      title_words.push_back(w);
    }
    if (title_words.empty()) return;
    Role r = role_of(title_words, organisation);
    for (Role& existing : out_[id].roles) {
      if (existing.relation != r.relation) continue;
      // The same role read from the tree, without the organisation the parser hung elsewhere.
      if (existing.organisation < 0) existing.organisation = r.organisation;
      return;
    }
    out_[id].roles.push_back(std::move(r));
  }

  int top_mention(int w) const {
    for (size_t m = 0; m < out_.size(); ++m) {
      if (out_[m].chunk_top == w) return static_cast<int>(m);
    }
    return word_mention_[w];
  }

  // ---- pronouns -------------------------------------------------------------------------

  bool pleonastic_it(int w) const {
    if (t_.base(w) == Deprel::kExpl) return true;
    const int h = t_.head(w);
    if (h < 0) return false;
    for (int c : t_.children(h)) {
      const Deprel b = t_.base(c);
      if (b == Deprel::kCcomp || b == Deprel::kCsubj || b == Deprel::kXcomp) return true;
    }
    return false;
  }

  void pronouns() {
    for (int w = 0; w < n_; ++w) {
      if (t_.upos(w) != Upos::kPron || covered_[w]) continue;
      const std::string form = to_lower_ascii(t_.form(w));
      for (const auto& [text, features] : pronoun_table()) {
        if (form != text) continue;
        if ((text == "it" || text == "itself") && pleonastic_it(w)) break;
        NominalMention m;
        m.kind = MentionKind::kPronoun;
        m.type = EntityType::kOther;
        m.sentence = sentence_;
        m.first = m.chunk_first = w;
        m.last = m.chunk_last = w + 1;
        m.head = m.chunk_top = w;
        m.gender = features.first;
        m.number = features.second;
        m.text = std::string(t_.form(w));
        m.key = text;
        const int id = add(std::move(m));
        word_mention_[w] = id;
        covered_[w] = 1;
        break;
      }
    }
    (void)options_;
  }

  // ---- descriptions, groups and events --------------------------------------------------

  void nominals() {
    for (int h = 0; h < n_; ++h) {
      if (t_.upos(h) != Upos::kNoun || covered_[h]) continue;
      const Deprel b = t_.base(h);
      if (b == Deprel::kCompound || b == Deprel::kFlat || b == Deprel::kAmod ||
          b == Deprel::kFixed || b == Deprel::kGoeswith) {
        continue;
      }
      // A role in apposition to a name (or coordinated with one that is: "Haass, a diplomat
      // and the president of the CFR") or a copular predicate describes, it does not refer.
      if (b == Deprel::kAppos && t_.head(h) >= 0 && word_mention_[t_.head(h)] >= 0) continue;
      if (b == Deprel::kConj && t_.head(h) >= 0 && t_.base(t_.head(h)) == Deprel::kAppos &&
          t_.head(t_.head(h)) >= 0 && word_mention_[t_.head(t_.head(h))] >= 0) {
        continue;
      }
      if (t_.has_child(h, Deprel::kCop)) continue;
      // Nor does a role noun with a name in apposition ("her deputy, Tomas Berg"): the
      // apposition reads it as the name's title.
      bool named_apposition = false;
      for (int c : t_.children(h)) {
        named_apposition = named_apposition || (t_.base(c) == Deprel::kAppos && c > h &&
                                                word_mention_[c] >= 0 &&
                                                out_[word_mention_[c]].kind == MentionKind::kName);
      }
      if (named_apposition && is_role_noun(t_.lemma(h))) continue;
      const std::string lemma(t_.lemma(h));
      // A singular event noun with nothing that makes it one event (no determiner,
      // possessor, number or proper-noun modifier) is the activity, not an event: "in
      // diplomatic talk", "under investigation", "after discussion".
      bool particular = is_plural(t_, h);
      for (int c : t_.children(h)) {
        const Deprel cb = t_.base(c);
        particular = particular || cb == Deprel::kDet || cb == Deprel::kNummod ||
                     t_.deprel(c) == Deprel::kNmodPoss ||
                     (c < h && (t_.upos(c) == Upos::kPropn || t_.upos(c) == Upos::kNum));
      }
      const bool event = is_event_noun(lemma) && particular;
      const bool role = is_role_noun(lemma) && is_plural(t_, h);
      bool definite = false;
      bool indefinite = false;
      std::vector<int> pre;  // modifier words before the head, in order
      std::vector<std::string> modifiers;
      int possessor = -1;
      int date = -1;
      for (int c : t_.children(h)) {
        const Deprel cb = t_.base(c);
        if (cb == Deprel::kDet && is_determiner_the(t_, c)) definite = true;
        if (cb == Deprel::kDet && (t_.lemma(c) == "a" || t_.lemma(c) == "an" ||
                                   t_.lemma(c) == "another")) {
          indefinite = true;
        }
        if (t_.deprel(c) == Deprel::kNmodPoss) definite = true;
        if (c > h) continue;
        if (cb == Deprel::kCompound || cb == Deprel::kAmod || t_.deprel(c) == Deprel::kNmodPoss ||
            cb == Deprel::kNummod) {
          std::vector<int> words;
          t_.subtree(c, words);
          for (int w : words) {
            if (t_.base(w) == Deprel::kCase && t_.xpos(w) == Xpos::kPOS) continue;
            if (is_punct(t_, w) && !is_hyphen(t_, w)) continue;
            if (cb != Deprel::kNummod) modifiers.push_back(to_lower_ascii(t_.form(w)));
            // Quantities and question words are not part of a name ("how many discussions").
            // (An adverb joined by a hyphen is part of a compound: "back-channel talks".)
            const bool hyphenated = (w + 1 < n_ && is_hyphen(t_, w + 1)) ||
                                    (w > 0 && is_hyphen(t_, w - 1));
            // Nor is a possessive pronoun ("its last strike" is the strike of whoever "its" is).
            if (is_quantifier(t_.lemma(w)) || (t_.upos(w) == Upos::kAdv && !hyphenated) ||
                t_.base(w) == Deprel::kCc || t_.xpos(w) == Xpos::kWRB ||
                (t_.upos(w) == Upos::kPron && t_.deprel(w) == Deprel::kNmodPoss)) {
              continue;
            }
            pre.push_back(w);
          }
          const int named = word_mention_[c];
          if (named >= 0 && out_[named].kind == MentionKind::kPronoun) {
            // "its last strike": the pronoun's mention, which coreference resolves.
            if (t_.deprel(c) == Deprel::kNmodPoss) possessor = named;
          } else if (named >= 0) {
            const EntityType type = out_[named].type;
            if (type == EntityType::kDate) {
              date = named;
            } else if (type == EntityType::kPerson || type == EntityType::kOrg ||
                       type == EntityType::kNorp || type == EntityType::kLocation) {
              if (possessor < 0 || t_.deprel(c) == Deprel::kNmodPoss) possessor = named;
            }
          }
        }
      }
      if (!event && !role && !definite) continue;
      NominalMention m;
      m.kind = event ? MentionKind::kEvent
                     : (role ? MentionKind::kGroup : MentionKind::kDescription);
      m.type = event ? EntityType::kEvent
                     : (role ? EntityType::kNorp : EntityType::kOther);
      m.sentence = sentence_;
      std::sort(pre.begin(), pre.end());
      std::vector<int> words = pre;
      words.push_back(h);
      m.first = m.chunk_first = words.front();
      m.last = m.chunk_last = h + 1;
      m.head = m.chunk_top = h;
      m.number = is_plural(t_, h) ? GrammaticalNumber::kPlural : GrammaticalNumber::kSingular;
      m.definite = definite;
      m.indefinite = indefinite;
      m.text = join_words(t_, words);
      m.key = lemma;
      m.modifiers = std::move(modifiers);
      m.possessor = possessor;
      m.date = date;
      if (role && !definite && m.modifiers.empty()) continue;  // bare "officials"
      const int id = add(std::move(m));
      word_mention_[h] = id;
    }
  }

  // ---- output ---------------------------------------------------------------------------

  std::vector<NominalMention> sorted() {
    std::vector<int> order(out_.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = static_cast<int>(i);
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
      if (out_[a].first != out_[b].first) return out_[a].first < out_[b].first;
      return out_[a].last > out_[b].last;
    });
    std::vector<int> rank(out_.size());
    for (size_t i = 0; i < order.size(); ++i) rank[order[i]] = static_cast<int>(i);
    auto remap = [&](int& index) {
      if (index >= 0) index = rank[index];
    };
    std::vector<NominalMention> result;
    result.reserve(out_.size());
    for (int i : order) {
      NominalMention m = std::move(out_[i]);
      for (Role& r : m.roles) remap(r.organisation);
      remap(m.acronym_for);
      remap(m.possessor);
      remap(m.date);
      result.push_back(std::move(m));
    }
    return result;
  }

  const DependencyTree& t_;
  const Sentence& s_;
  const int sentence_;
  const MentionOptions& options_;
  const int n_;
  std::vector<NominalMention> out_;
  std::vector<int> word_mention_;  // the name or pronoun mention a word belongs to
  const std::set<std::string>& surnames_;
  const std::unordered_set<std::string_view>& lower_words_;
  const bool headline_;
  std::vector<char> covered_;      // part of a name's noun phrase (titles included)
};

}  // namespace

std::string relation_of_title(const DependencyTree& t, const std::vector<int>& words) {
  std::string out;
  for (int w : words) {
    if (is_punct(t, w) && !is_hyphen(t, w)) continue;
    if (t.upos(w) == Upos::kDet) continue;
    std::string l(t.lemma(w));
    if (is_hyphen(t, w)) {
      if (!out.empty() && out.back() == '_') out.back() = '-';
      continue;
    }
    if (!out.empty() && out.back() != '-') out += '_';
    out += l;
  }
  for (char& c : out) {
    if (c == ' ') c = '_';
  }
  return out;
}

bool read_role(const DependencyTree& t, int noun, const std::vector<NominalMention>& all,
               const std::vector<int>& sentence_mentions, Role& role) {
  if (noun < 0) return false;
  const Upos u = t.upos(noun);
  // (A role noun the tagger read as an adjective or proper noun is one all the same: "chief
  // executive"/JJ; a time is no role: "Nordby, next week".)
  if (!(u == Upos::kNoun ||
        ((u == Upos::kPropn || u == Upos::kAdj) && is_role_noun(t.lemma(noun))))) {
    return false;
  }
  if (is_time_word(t.lemma(noun))) return false;
  auto mention_at = [&](int w) {
    for (int id : sentence_mentions) {
      const NominalMention& m = all[static_cast<size_t>(id)];
      if ((m.kind == MentionKind::kName || m.kind == MentionKind::kPronoun) && w >= m.first &&
          w < m.last) {
        return id;
      }
      // A possessor described ("the group's spokeswoman"): coreference resolves it.
      if (m.kind == MentionKind::kDescription && w == m.head) return id;
    }
    return -1;
  };
  auto organisation_type = [&](int id) {
    const EntityType type = all[static_cast<size_t>(id)].type;
    return type == EntityType::kOrg || type == EntityType::kLocation ||
           type == EntityType::kNorp || type == EntityType::kWork || type == EntityType::kOther;
  };
  std::vector<int> words;
  std::string qualifier;
  int organisation = -1;
  int node = noun;
  for (int step = 0; step < 4 && node >= 0; ++step) {
    int next = -1;
    for (int c : t.children(node)) {
      const Deprel b = t.base(c);
      const int named = mention_at(c);
      if (c < node && (b == Deprel::kCompound || b == Deprel::kAmod || b == Deprel::kFlat)) {
        if (named >= 0 && organisation_type(named)) {
          organisation = named;
          continue;
        }
        if (is_title_qualifier(t.lemma(c))) {
          qualifier = t.lemma(c);
          continue;
        }
        std::vector<int> sub;
        t.subtree(c, sub);
        for (int w : sub) {
          if (is_title_qualifier(t.lemma(w))) {
            qualifier = t.lemma(w);
          } else if (!(is_punct(t, w) && !is_hyphen(t, w))) {
            words.push_back(w);
          }
        }
      } else if (t.deprel(c) == Deprel::kNmodPoss && named >= 0 && organisation_type(named)) {
        organisation = named;
      } else if (b == Deprel::kNmod && c > node && organisation < 0) {
        int marker = -1;
        for (int g : t.children(c)) {
          if (t.base(g) == Deprel::kCase && g < c) marker = g;
        }
        if (marker < 0) continue;
        const std::string_view ml = t.lemma(marker);
        if (!(ml == "of" || ml == "at" || ml == "for" || ml == "with" || ml == "by" ||
              ml == "in")) {
          continue;
        }
        if (named >= 0) {
          if (organisation_type(named)) organisation = named;
        } else if (ml == "of" && t.upos(c) != Upos::kPron && next < 0) {
          // "secretary of defense", "Minister of Foreign Affairs (of Russia)".
          words.push_back(marker);
          next = c;
        }
      }
    }
    if (step == 0) {
      words.push_back(node);
    } else if (node != noun) {
      // The noun of an "of" phrase and its modifiers were pushed by the loop above for
      // compound/amod; add the noun itself.
      words.push_back(node);
    }
    node = next;
  }
  std::sort(words.begin(), words.end());
  words.erase(std::unique(words.begin(), words.end()), words.end());
  if (words.empty()) return false;
  role.title.clear();
  for (size_t j = 0; j < words.size(); ++j) {
    if (j > 0 && !(is_hyphen(t, words[j]) || is_hyphen(t, words[j - 1]))) role.title += ' ';
    role.title += t.form(words[j]);
  }
  role.relation = relation_of_title(t, words);
  role.qualifier = qualifier;
  role.organisation = organisation;
  return true;
}

std::vector<NominalMention> MentionFinder::find(const Document& document,
                                                const std::vector<DependencyTree>& trees) const {
  std::set<std::string> surnames;
  for (const Sentence& s : document.sentences) {
    for (const NamedEntity& e : s.entities) {
      if (e.type != EntityType::kPerson || e.last - e.first < 2 || e.last < 1 ||
          static_cast<size_t>(e.last) > s.tokens.size()) {
        continue;
      }
      const std::string& last = s.tokens[static_cast<size_t>(e.last - 1)].form;
      if (starts_upper(last) && !is_role_noun(to_lower_ascii(last))) surnames.insert(last);
    }
  }
  // Words the body writes in lower case ("the hospital"): a headline's capitalised one-word
  // "name" among them is a common noun in title case ("Hospital chief resigns").
  const size_t n = std::min(trees.size(), document.sentences.size());
  std::vector<char> headline(n);
  std::unordered_set<std::string_view> lower_words;
  for (size_t s = 0; s < n; ++s) {
    headline[s] = is_headline(trees[s]);
    if (headline[s]) continue;
    for (const Token& t : document.sentences[s].tokens) {
      if (!t.form.empty() && t.form[0] >= 'a' && t.form[0] <= 'z') lower_words.insert(t.form);
    }
  }
  std::vector<NominalMention> all;
  for (size_t s = 0; s < n; ++s) {
    std::vector<NominalMention> local = SentenceReader(trees[s], static_cast<int>(s), options_,
                                                       surnames, lower_words, headline[s] != 0)
                                            .run();
    const int offset = static_cast<int>(all.size());
    for (NominalMention& m : local) {
      for (Role& r : m.roles) {
        if (r.organisation >= 0) r.organisation += offset;
      }
      if (m.acronym_for >= 0) m.acronym_for += offset;
      if (m.possessor >= 0) m.possessor += offset;
      if (m.date >= 0) m.date += offset;
      all.push_back(std::move(m));
    }
  }
  return all;
}

}  // namespace kg::extract
