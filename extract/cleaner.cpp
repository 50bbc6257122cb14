#include "extract/cleaner.h"

#include <algorithm>
#include <unordered_set>

#include "extract/utf8.h"

namespace kg::extract {

namespace {

// --- Character helpers over normalised text (ASCII lower case, folded punctuation) ---

bool ascii_alnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}
bool ascii_digit(char c) { return c >= '0' && c <= '9'; }
bool ascii_upper(char c) { return c >= 'A' && c <= 'Z'; }

char32_t fold_case(char32_t cp) {
  if (cp >= 'A' && cp <= 'Z') return cp + 0x20;
  if (cp < 0xC0) return cp;
  if (cp <= 0xDE && cp != 0xD7) return cp + 0x20;                // Latin-1
  if (cp >= 0x100 && cp <= 0x17F && cp % 2 == 0) return cp + 1;  // Latin Extended-A (mostly)
  if (cp >= 0x391 && cp <= 0x3A9) return cp + 0x20;              // Greek
  if (cp >= 0x410 && cp <= 0x42F) return cp + 0x20;              // Cyrillic
  if (cp >= 0x400 && cp <= 0x40F) return cp + 0x50;
  return cp;
}

// Symbols and punctuation outside ASCII: lines made of only these (and ASCII punctuation)
// carry no words.
bool is_symbol(char32_t cp) {
  return (cp >= 0xA0 && cp <= 0xBF) || cp == 0xD7 || cp == 0xF7 ||
         (cp >= 0x2000 && cp <= 0x2BFF) || (cp >= 0x3000 && cp <= 0x303F) ||
         (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF01 && cp <= 0xFF0F) || cp == 0xFFFD;
}

size_t count_words(std::string_view normalised) {
  if (normalised.empty()) return 0;
  return 1 + static_cast<size_t>(std::count(normalised.begin(), normalised.end(), ' '));
}

bool has_digit(std::string_view s) { return std::any_of(s.begin(), s.end(), ascii_digit); }

// Splits a normalised line into words with surrounding punctuation removed.
std::vector<std::string_view> words_of(std::string_view s) {
  std::vector<std::string_view> words;
  size_t i = 0;
  while (i < s.size()) {
    size_t j = s.find(' ', i);
    if (j == std::string_view::npos) j = s.size();
    std::string_view w = s.substr(i, j - i);
    while (!w.empty() && std::string_view(",.;:()[]|\"'!?*").find(w.front()) != std::string_view::npos) {
      w.remove_prefix(1);
    }
    while (!w.empty() && std::string_view(",.;:()[]|\"'!?*").find(w.back()) != std::string_view::npos) {
      w.remove_suffix(1);
    }
    if (!w.empty()) words.push_back(w);
    i = j + 1;
  }
  return words;
}

bool in_list(std::string_view word, std::initializer_list<std::string_view> list) {
  return std::find(list.begin(), list.end(), word) != list.end();
}

// --- Predicates ---

// ", , , ," or "* * *" or "—": nothing a sentence could be made of.
bool punctuation_only(std::string_view, std::string_view original) {
  char32_t cp = 0;
  for (size_t i = 0; i < original.size();) {
    i += decode_utf8_lenient(original, i, cp);
    if (cp < 0x80) {
      if (ascii_alnum(static_cast<char>(cp))) return false;
    } else if (!is_symbol(cp) && !is_unicode_space(cp) && !is_invisible(cp)) {
      return false;
    }
  }
  return true;
}

// "ex-us-officials-and-russians-discuss-ukraine-conflict": a URL slug left by a scraper.
bool url_slug(std::string_view, std::string_view original) {
  if (original.size() < 20) return false;
  size_t separators = 0;
  bool letter = false;
  for (char c : original) {
    if (c == '-' || c == '_') {
      ++separators;
    } else if (ascii_alnum(c)) {
      letter = letter || !ascii_digit(c);
    } else {
      return false;
    }
  }
  return separators >= 3 && letter;
}

bool bare_url(std::string_view normalised, std::string_view) {
  return normalised.find(' ') == std::string_view::npos &&
         (normalised.rfind("http://", 0) == 0 || normalised.rfind("https://", 0) == 0 ||
          normalised.rfind("www.", 0) == 0);
}

bool date_word(std::string_view w) {
  static const std::initializer_list<std::string_view> kWords = {
      "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mon",
      "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "january", "february",
      "march", "april", "may", "june", "july", "august", "september", "october", "november",
      "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
      "dec"};
  return in_list(w, kWords);
}

// "Thursday, 6 July 2023, 16:19", "Updated: 10:45 AM EDT, July 6, 2023": a time stamp
// line, not a sentence.
bool dateline(std::string_view normalised, std::string_view) {
  static const std::initializer_list<std::string_view> kFiller = {
      "am", "pm", "a.m", "p.m", "utc", "gmt", "et", "est", "edt", "pt", "pst", "pdt", "ct",
      "cst", "cdt", "cet", "cest", "bst", "msk", "ist", "eet", "eest", "at", "on", "of", "-",
      "updated", "published", "posted", "last", "first", "date", "time", "|", "/"};
  bool dated = false;
  bool digit = false;
  for (std::string_view w : words_of(normalised)) {
    if (date_word(w)) {
      dated = true;
    } else if (ascii_digit(w.front())) {
      // 6, 2023, 16:19, 06/07/2023, 2023-07-06, 6th
      size_t i = 0;
      while (i < w.size() && (ascii_digit(w[i]) || w[i] == ':' || w[i] == '/' || w[i] == '-' ||
                              w[i] == '.')) {
        ++i;
      }
      const std::string_view rest = w.substr(i);
      if (!rest.empty() && !in_list(rest, {"st", "nd", "rd", "th", "am", "pm", "h"})) return false;
      digit = true;
      if (w.find_first_of(":/-") != std::string_view::npos) dated = true;
    } else if (!in_list(w, kFiller)) {
      return false;
    }
  }
  return dated && digit;
}

// "By John Smith and Jane Doe", "BY ASSOCIATED PRESS": an author line.
bool byline(std::string_view, std::string_view original) {
  if (original.size() < 4 || (original.substr(0, 3) != "By " && original.substr(0, 3) != "BY ")) {
    return false;
  }
  if (original.back() == '.' && original.size() > 3 &&
      original[original.size() - 3] != ' ' && original[original.size() - 3] != '.') {
    return false;  // a sentence ending ("By then it was over.") rather than "Jr." or "J."
  }
  size_t capitalised = 0;
  size_t i = 3;
  while (i < original.size()) {
    size_t j = original.find(' ', i);
    if (j == std::string_view::npos) j = original.size();
    std::string_view w = original.substr(i, j - i);
    i = j + 1;
    if (w.empty()) continue;
    if (ascii_upper(w.front()) || static_cast<unsigned char>(w.front()) >= 0xC0) {
      ++capitalised;
    } else if (!in_list(w, {"and", "&", "|", "in", "for", "the", "of", "de", "van", "von", "al",
                            "da", "-", "and"})) {
      return false;
    }
  }
  return capitalised >= 1;
}

// "Facebook Twitter WhatsApp Email": the labels of share buttons.
bool share_buttons(std::string_view normalised, std::string_view) {
  static const std::initializer_list<std::string_view> kNetworks = {
      "facebook", "twitter", "linkedin", "whatsapp", "reddit", "pinterest", "telegram",
      "messenger", "tumblr", "flipboard", "bluesky", "threads", "mastodon", "x", "vk"};
  static const std::initializer_list<std::string_view> kOthers = {
      "share", "shares", "email", "e-mail", "mail", "print", "copy", "link", "copied", "sms",
      "tweet", "pocket", "more", "on", "this", "article", "story", "via", "url", "and", "or"};
  bool network = false;
  for (std::string_view w : words_of(normalised)) {
    if (in_list(w, kNetworks)) {
      network = true;
    } else if (!in_list(w, kOthers)) {
      return false;
    }
  }
  return network;
}

// --- The table ---

const std::vector<BoilerplatePattern> kPatterns = {
    {"read-more", "links to other stories that pages interleave with the article; their text "
                  "is another story's headline"},
    {"share", "share-button labels; not text"},
    {"comments", "comment-form furniture under the article"},
    {"copyright", "copyright and rights-reserved notices: page footers"},
    {"source", "aggregator attribution lines (\"Source: msn.com\", \"The post ... appeared "
               "first on ...\"): metadata, not sentences"},
    {"donation", "donation, membership and subscription appeals"},
    {"newsletter", "newsletter sign-up boxes"},
    {"cookies", "cookie and privacy notices"},
    {"advertisement", "ad slot labels and \"story continues below\" markers"},
    {"click-here", "lone link prompts"},
    {"photo-credit", "photo captions' credit lines (\"Photo: Getty Images\")"},
    {"follow-us", "social-media follow appeals"},
    {"navigation", "menu and page-navigation labels left by a scraper"},
    {"tags", "tag and category lists"},
    {"reporting-credit", "wire-service reporting and editing credits"},
    {"punctuation-only", "lines without a letter or digit (\", , , ,\", \"* * *\")"},
    {"url-slug", "a URL slug left as a line (\"ex-us-officials-discuss-ukraine\")"},
    {"url", "a bare URL on its own line"},
    {"dateline", "a line that is only a date and time"},
    {"byline", "an author line (\"By John Smith\")"},
};

using M = LineMatch;

const std::vector<BoilerplateRule> kRules = {
    // read-more: prefixes end in a colon, so "Read more about it in the report." survives.
    {"read-more", M::kPrefix, "read also:", 40, {}},
    {"read-more", M::kPrefix, "also read:", 40, {}},
    {"read-more", M::kPrefix, "read more:", 40, {}},
    {"read-more", M::kPrefix, "read next:", 40, {}},
    {"read-more", M::kPrefix, "read:", 30, {}},
    {"read-more", M::kPrefix, "related:", 40, {}},
    {"read-more", M::kPrefix, "see also:", 40, {}},
    {"read-more", M::kPrefix, "recommended:", 40, {}},
    {"read-more", M::kPrefix, "don't miss:", 40, {}},
    {"read-more", M::kPrefix, "must read:", 40, {}},
    {"read-more", M::kPrefix, "trending:", 40, {}},
    {"read-more", M::kPrefix, "watch:", 30, {}},
    {"read-more", M::kPrefix, "more:", 30, {}},
    {"read-more", M::kPrefix, "more from", 8, {}},
    {"read-more", M::kPrefix, "more on this", 8, {}},
    {"read-more", M::kWhole, "read more", 3, {}},
    {"read-more", M::kWhole, "read also", 3, {}},
    {"read-more", M::kWhole, "read full article", 4, {}},
    {"read-more", M::kWhole, "read the full story", 5, {}},
    {"read-more", M::kWhole, "read the full article", 5, {}},
    {"read-more", M::kWhole, "continue reading", 3, {}},
    {"read-more", M::kWhole, "related", 2, {}},
    {"read-more", M::kWhole, "related articles", 3, {}},
    {"read-more", M::kWhole, "related stories", 3, {}},
    {"read-more", M::kWhole, "related coverage", 3, {}},
    {"read-more", M::kWhole, "related news", 3, {}},
    {"read-more", M::kWhole, "related content", 3, {}},
    {"read-more", M::kWhole, "recommended", 2, {}},
    {"read-more", M::kWhole, "further reading", 3, {}},
    {"read-more", M::kWhole, "you may also like", 5, {}},
    {"read-more", M::kWhole, "you might also like", 5, {}},
    {"read-more", M::kWhole, "most read", 3, {}},
    {"read-more", M::kWhole, "most popular", 3, {}},
    // share
    {"share", M::kWhole, "share", 2, {}},
    {"share", M::kWhole, "share this", 3, {}},
    {"share", M::kWhole, "share this article", 4, {}},
    {"share", M::kWhole, "share this story", 4, {}},
    {"share", M::kWhole, "share this post", 4, {}},
    {"share", M::kWhole, "share article", 3, {}},
    {"share", M::kWhole, "share story", 3, {}},
    {"share", M::kPrefix, "share on", 12, {}},
    {"share", M::kPrefix, "share via", 12, {}},
    {"share", M::kPrefix, "share this article", 12, {}},
    {"share", M::kWhole, "tweet this", 3, {}},
    {"share", M::kWhole, "email this", 3, {}},
    {"share", M::kWhole, "print this", 3, {}},
    {"share", M::kWhole, "print", 2, {}},
    {"share", M::kWhole, "email", 2, {}},
    {"share", M::kWhole, "copy link", 3, {}},
    {"share", M::kPredicate, {}, 12, {}, false, share_buttons},
    // comments
    {"comments", M::kPrefix, "leave a reply", 6, {}},
    {"comments", M::kPrefix, "leave a comment", 6, {}},
    {"comments", M::kWhole, "post a comment", 4, {}},
    {"comments", M::kWhole, "add a comment", 4, {}},
    {"comments", M::kWhole, "comments", 2, {}},
    {"comments", M::kWhole, "comment", 2, {}},
    {"comments", M::kWhole, "cancel reply", 3, {}},
    {"comments", M::kWhole, "join the conversation", 4, {}},
    {"comments", M::kWhole, "view comments", 3, {}},
    {"comments", M::kWhole, "show comments", 3, {}},
    {"comments", M::kContains, "your email address will not be published", 40, {}},
    {"comments", M::kContains, "required fields are marked", 40, {}},
    {"comments", M::kContains, "must be logged in to post a comment", 40, {}},
    // copyright: "Copyright law changed in 1976" is a sentence; the rule wants a short line
    // that starts with the notice, and a year.
    {"copyright", M::kPrefix, "\xC2\xA9", 40, {}},  // ©
    {"copyright", M::kPrefix, "copyright \xC2\xA9", 40, {}},
    {"copyright", M::kPrefix, "copyright (c)", 40, {}},
    {"copyright", M::kPrefix, "(c) ", 12, {}, true},
    {"copyright", M::kPrefix, "copyright", 12, {}, true},
    {"copyright", M::kContains, "all rights reserved", 40, {}},
    // source
    {"source", M::kPrefix, "source:", 10, {}},
    {"source", M::kPrefix, "sources:", 10, {}},
    {"source", M::kPrefix, "via:", 8, {}},
    {"source", M::kPrefix, "originally published", 30, {}},
    {"source", M::kPrefix, "this article originally appeared", 30, {}},
    {"source", M::kPrefix, "this story originally appeared", 30, {}},
    {"source", M::kPrefix, "this article was originally published", 30, {}},
    {"source", M::kPrefix, "this story was originally published", 30, {}},
    {"source", M::kPrefix, "the post ", 40, "appeared first on"},
    // donation
    {"donation", M::kWhole, "support us", 3, {}},
    {"donation", M::kWhole, "support our work", 4, {}},
    {"donation", M::kWhole, "make a donation", 4, {}},
    {"donation", M::kWhole, "become a member", 4, {}},
    {"donation", M::kWhole, "become a patron", 4, {}},
    {"donation", M::kWhole, "become a subscriber", 4, {}},
    {"donation", M::kPrefix, "donate", 8, {}},
    {"donation", M::kContains, "support our journalism", 40, {}},
    {"donation", M::kContains, "support independent journalism", 40, {}},
    {"donation", M::kContains, "support quality journalism", 40, {}},
    {"donation", M::kContains, "support our reporting", 40, {}},
    {"donation", M::kContains, "become our patron", 30, {}},
    {"donation", M::kContains, "become a patron", 30, {}},
    {"donation", M::kContains, "on patreon", 30, {}},
    {"donation", M::kContains, "please consider supporting", 40, {}},
    {"donation", M::kContains, "make a donation", 30, {}},
    // newsletter
    {"newsletter", M::kWhole, "subscribe", 2, {}},
    {"newsletter", M::kWhole, "subscribe now", 3, {}},
    {"newsletter", M::kWhole, "sign up", 3, {}},
    {"newsletter", M::kWhole, "sign up now", 3, {}},
    {"newsletter", M::kPrefix, "subscribe to", 15, {}},
    {"newsletter", M::kPrefix, "sign up", 25, "newsletter"},
    {"newsletter", M::kPrefix, "get our", 20, "newsletter"},
    {"newsletter", M::kContains, "subscribe to our newsletter", 40, {}},
    {"newsletter", M::kContains, "sign up for our newsletter", 40, {}},
    {"newsletter", M::kContains, "delivered to your inbox", 30, {}},
    // cookies
    {"cookies", M::kContains, "we use cookies", 60, {}},
    {"cookies", M::kContains, "uses cookies", 60, {}},
    {"cookies", M::kContains, "accept cookies", 40, {}},
    {"cookies", M::kContains, "accept all cookies", 40, {}},
    {"cookies", M::kContains, "cookie policy", 40, {}},
    {"cookies", M::kContains, "cookie settings", 40, {}},
    {"cookies", M::kContains, "by continuing to use this", 60, {}},
    {"cookies", M::kContains, "by continuing to browse", 60, {}},
    {"cookies", M::kContains, "privacy policy", 8, {}},
    {"cookies", M::kContains, "terms of use", 8, {}},
    {"cookies", M::kContains, "terms of service", 6, {}},
    // advertisement
    {"advertisement", M::kPrefix, "advertisement", 3, {}},
    {"advertisement", M::kWhole, "advertisment", 2, {}},
    {"advertisement", M::kWhole, "advertising", 2, {}},
    {"advertisement", M::kWhole, "ad", 2, {}},
    {"advertisement", M::kWhole, "ads", 2, {}},
    {"advertisement", M::kWhole, "sponsored", 2, {}},
    {"advertisement", M::kWhole, "sponsored content", 3, {}},
    {"advertisement", M::kWhole, "paid content", 3, {}},
    {"advertisement", M::kWhole, "partner content", 3, {}},
    {"advertisement", M::kWhole, "skip advertisement", 3, {}},
    {"advertisement", M::kPrefix, "story continues below", 6, {}},
    {"advertisement", M::kPrefix, "article continues below", 6, {}},
    {"advertisement", M::kPrefix, "content continues below", 6, {}},
    {"advertisement", M::kPrefix, "continue reading below", 6, {}},
    {"advertisement", M::kWhole, "continue reading the main story", 6, {}},
    {"advertisement", M::kWhole, "scroll to continue with content", 6, {}},
    // click-here
    {"click-here", M::kWhole, "click here", 3, {}},
    {"click-here", M::kWhole, "tap here", 3, {}},
    {"click-here", M::kWhole, "click to expand", 4, {}},
    {"click-here", M::kPrefix, "click here", 15, {}},
    {"click-here", M::kPrefix, "tap here", 15, {}},
    // photo-credit
    {"photo-credit", M::kPrefix, "photo:", 20, {}},
    {"photo-credit", M::kPrefix, "photos:", 20, {}},
    {"photo-credit", M::kPrefix, "photo by", 12, {}},
    {"photo-credit", M::kPrefix, "photo credit", 15, {}},
    {"photo-credit", M::kPrefix, "photograph:", 20, {}},
    {"photo-credit", M::kPrefix, "image:", 20, {}},
    {"photo-credit", M::kPrefix, "image source:", 20, {}},
    {"photo-credit", M::kPrefix, "image credit", 20, {}},
    {"photo-credit", M::kPrefix, "picture:", 20, {}},
    {"photo-credit", M::kPrefix, "credit:", 15, {}},
    {"photo-credit", M::kPrefix, "file photo", 15, {}},
    {"photo-credit", M::kContains, "getty images", 10, {}},
    {"photo-credit", M::kContains, "shutterstock", 8, {}},
    {"photo-credit", M::kContains, "ap photo/", 25, {}},
    {"photo-credit", M::kContains, "reuters/", 10, {}},
    // follow-us
    {"follow-us", M::kPrefix, "follow us", 25, {}},
    {"follow-us", M::kContains, "follow us on", 30, {}},
    {"follow-us", M::kContains, "like us on facebook", 25, {}},
    {"follow-us", M::kPrefix, "join our", 20, "channel"},
    // navigation: whole lines only, so the words themselves stay usable in sentences.
    {"navigation", M::kWhole, "home", 2, {}},
    {"navigation", M::kWhole, "menu", 2, {}},
    {"navigation", M::kWhole, "search", 2, {}},
    {"navigation", M::kWhole, "close", 2, {}},
    {"navigation", M::kWhole, "log in", 3, {}},
    {"navigation", M::kWhole, "login", 2, {}},
    {"navigation", M::kWhole, "sign in", 3, {}},
    {"navigation", M::kWhole, "register", 2, {}},
    {"navigation", M::kWhole, "back to top", 4, {}},
    {"navigation", M::kWhole, "skip to content", 4, {}},
    {"navigation", M::kWhole, "skip to main content", 5, {}},
    {"navigation", M::kWhole, "next", 2, {}},
    {"navigation", M::kWhole, "previous", 2, {}},
    {"navigation", M::kWhole, "next article", 3, {}},
    {"navigation", M::kWhole, "previous article", 3, {}},
    {"navigation", M::kWhole, "loading", 2, {}},
    {"navigation", M::kWhole, "more", 2, {}},
    {"navigation", M::kWhole, "see more", 3, {}},
    {"navigation", M::kWhole, "show more", 3, {}},
    {"navigation", M::kWhole, "load more", 3, {}},
    {"navigation", M::kWhole, "view all", 3, {}},
    {"navigation", M::kWhole, "open in app", 4, {}},
    {"navigation", M::kContains, "enable javascript", 20, {}},
    {"navigation", M::kContains, "your browser does not support", 25, {}},
    // tags
    {"tags", M::kPrefix, "tags:", 40, {}},
    {"tags", M::kPrefix, "topics:", 40, {}},
    {"tags", M::kPrefix, "filed under:", 40, {}},
    {"tags", M::kPrefix, "categories:", 40, {}},
    {"tags", M::kPrefix, "category:", 20, {}},
    {"tags", M::kPrefix, "keywords:", 40, {}},
    {"tags", M::kPrefix, "more about:", 40, {}},
    {"tags", M::kWhole, "tags", 2, {}},
    // reporting-credit
    {"reporting-credit", M::kPrefix, "(reporting by", 50, {}},
    {"reporting-credit", M::kPrefix, "additional reporting by", 20, {}},
    {"reporting-credit", M::kPrefix, "reporting by", 40, "editing by"},
    {"reporting-credit", M::kPrefix, "contributing:", 15, {}},
    {"reporting-credit", M::kPrefix, "write to", 15, "@"},
    // shapes
    {"punctuation-only", M::kPredicate, {}, 1000, {}, false, punctuation_only},
    {"url-slug", M::kPredicate, {}, 1, {}, false, url_slug},
    {"url", M::kPredicate, {}, 1, {}, false, bare_url},
    {"dateline", M::kPredicate, {}, 14, {}, false, dateline},
    {"byline", M::kPredicate, {}, 10, {}, false, byline},
};

// Leading bullets and trailing punctuation around a whole-line label ("• Share this:",
// "Read more »").
std::string_view core_of(std::string_view n) {
  auto strip = [](unsigned char c) {
    return c < 0x80 && !ascii_alnum(static_cast<char>(c)) && c != '@' && c != '#' && c != '(' &&
           c != '$' && c != '\'';
  };
  while (!n.empty() && (strip(n.front()) || n.front() == ' ')) n.remove_prefix(1);
  while (!n.empty() && (strip(n.back()) || n.back() == ' ')) n.remove_suffix(1);
  // » › • … (non-ASCII bullets and arrows) at either end.
  for (std::string_view mark : {"\xC2\xBB", "\xE2\x80\xBA", "\xE2\x80\xA2", "\xC2\xB7"}) {
    if (n.size() >= mark.size() && n.substr(n.size() - mark.size()) == mark) {
      n.remove_suffix(mark.size());
      while (!n.empty() && n.back() == ' ') n.remove_suffix(1);
    }
    if (n.size() >= mark.size() && n.substr(0, mark.size()) == mark) {
      n.remove_prefix(mark.size());
      while (!n.empty() && n.front() == ' ') n.remove_prefix(1);
    }
  }
  return n;
}

bool rule_matches(const BoilerplateRule& rule, std::string_view n, std::string_view core,
                  std::string_view original, size_t words) {
  if (words > static_cast<size_t>(rule.max_words)) return false;
  if (rule.needs_digit && !has_digit(n)) return false;
  if (!rule.also.empty() && n.find(rule.also) == std::string_view::npos) return false;
  switch (rule.match) {
    case LineMatch::kWhole:
      return core == rule.text;
    case LineMatch::kPrefix: {
      const std::string_view t = rule.text;
      if (n.size() < t.size() || n.substr(0, t.size()) != t) return false;
      return n.size() == t.size() || !ascii_alnum(t.back()) || !ascii_alnum(n[t.size()]);
    }
    case LineMatch::kContains:
      return n.find(rule.text) != std::string_view::npos;
    case LineMatch::kPredicate:
      return rule.predicate(n, original);
  }
  return false;
}

std::string_view match_normalised(std::string_view n, std::string_view original) {
  const size_t words = count_words(n);
  const std::string_view core = core_of(n);
  for (const BoilerplateRule& rule : kRules) {
    if (rule_matches(rule, n, core, original, words)) return rule.pattern;
  }
  return {};
}

// --- Lines and paragraphs ---

struct Line {
  Span content;          // trimmed of white space
  size_t length = 0;     // of the content, in code points
  std::string norm;
  std::string_view pattern;  // the boilerplate pattern it matched, if any
};

// Trims Unicode white space and invisible characters from both ends of [start, end).
Span trim(std::string_view text, uint32_t start, uint32_t end) {
  char32_t cp = 0;
  while (start < end) {
    const size_t n = decode_utf8_lenient(text.substr(0, end), start, cp);
    if (!is_unicode_space(cp) && !is_invisible(cp)) break;
    start += static_cast<uint32_t>(n);
  }
  while (end > start) {
    uint32_t b = end - 1;
    while (b > start && (static_cast<unsigned char>(text[b]) & 0xC0) == 0x80) --b;
    decode_utf8_lenient(text.substr(0, end), b, cp);
    if (!is_unicode_space(cp) && !is_invisible(cp)) break;
    end = b;
  }
  return {start, end};
}

bool ends_sentence(std::string_view line) {
  // Skip closing quotes and brackets, then look for . ! ? : or an ellipsis.
  size_t i = line.size();
  while (i > 0) {
    const char c = line[i - 1];
    if (c == '"' || c == '\'' || c == ')' || c == ']') {
      --i;
    } else if (i >= 3 && (line.substr(i - 3, 3) == "\xE2\x80\x9D" ||
                          line.substr(i - 3, 3) == "\xE2\x80\x99")) {
      i -= 3;  // ” ’
    } else {
      break;
    }
  }
  if (i == 0) return false;
  const char c = line[i - 1];
  return c == '.' || c == '!' || c == '?' || c == ':' ||
         (i >= 3 && line.substr(i - 3, 3) == "\xE2\x80\xA6");  // …
}

bool starts_lower(std::string_view line) {
  if (line.empty()) return false;
  const auto c = static_cast<unsigned char>(line.front());
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

}  // namespace

const std::vector<BoilerplatePattern>& Cleaner::patterns() { return kPatterns; }
const std::vector<BoilerplateRule>& Cleaner::rules() { return kRules; }

std::string Cleaner::normalise(std::string_view line) {
  std::string out;
  out.reserve(line.size());
  bool space = false;
  char32_t cp = 0;
  for (size_t i = 0; i < line.size();) {
    const auto b = static_cast<unsigned char>(line[i]);
    if (b < 0x80) {  // ASCII fast path
      ++i;
      if (b == ' ' || (b >= '\t' && b <= '\r')) {
        space = !out.empty();
        continue;
      }
      if (space && b != ':') out += ' ';
      space = false;
      out += static_cast<char>(b >= 'A' && b <= 'Z' ? b + 0x20 : b);
      continue;
    }
    i += decode_utf8_lenient(line, i, cp);
    if (is_unicode_space(cp)) {
      space = !out.empty();
      continue;
    }
    if (is_invisible(cp)) continue;
    if (space) out += ' ';
    space = false;
    switch (cp) {
      case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2032:
        out += '\'';
        break;
      case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x2033: case 0xAB: case 0xBB:
        out += '"';
        break;
      case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015:
      case 0x2212:
        out += '-';
        break;
      case 0x2026:
        out += "...";
        break;
      default:
        append_utf8(out, fold_case(cp));
    }
  }
  return out;
}

std::string_view Cleaner::match_line(std::string_view line) {
  const std::string n = normalise(line);
  if (n.empty()) return {};
  return match_normalised(n, line);
}

std::vector<DroppedSpan> Cleaner::clean(Document& doc) const {
  const std::string_view text = doc.text;
  std::vector<DroppedSpan> dropped;
  doc.paragraphs.clear();
  doc.cleaned = true;

  // Lines end at LF, CRLF or a lone CR. Blank lines are kept as empty entries (separators).
  std::vector<Line> lines;
  for (size_t start = 0; start <= text.size();) {
    size_t end = text.find_first_of("\r\n", start);
    if (end == std::string_view::npos) end = text.size();
    Line line;
    line.content = trim(text, static_cast<uint32_t>(start), static_cast<uint32_t>(end));
    if (!line.content.empty()) {
      const std::string_view content = text.substr(line.content.start, line.content.size());
      line.norm = normalise(content);
      line.length = utf8_length(content);
      if (options_.drop_boilerplate && !line.norm.empty()) {
        line.pattern = match_normalised(line.norm, content);
      }
      if (line.norm.empty()) line.content = {};  // only invisible characters
    }
    lines.push_back(std::move(line));
    if (end == text.size()) break;
    start = end + (text[end] == '\r' && end + 1 < text.size() && text[end + 1] == '\n' ? 2 : 1);
  }

  // Blocks of consecutive content lines; within a block, decide which line breaks are soft.
  std::unordered_set<std::string> seen;
  bool title_checked = false;
  bool title_set = false;
  size_t i = 0;
  while (i < lines.size()) {
    if (lines[i].content.empty()) {
      ++i;
      continue;
    }
    if (!lines[i].pattern.empty()) {
      dropped.push_back({lines[i].content, std::string(lines[i].pattern)});
      ++i;
      continue;
    }
    size_t j = i;
    while (j < lines.size() && !lines[j].content.empty() && lines[j].pattern.empty()) ++j;
    // [i, j) is a block. It is hard-wrapped prose when it has three or more lines, most of
    // them near the block's width, and many breaks fall before a lower-case word.
    size_t width = 0;
    for (size_t k = i; k < j; ++k) width = std::max(width, lines[k].length);
    bool wrapped = false;
    if (j - i >= 3 && width >= 40) {
      size_t full = 0;
      size_t lower = 0;
      for (size_t k = i; k + 1 < j; ++k) {
        full += lines[k].length * 10 >= width * 6;
        lower += starts_lower(text.substr(lines[k + 1].content.start, lines[k + 1].content.size()));
      }
      const size_t breaks = j - i - 1;
      wrapped = full * 5 >= breaks * 4 && lower * 3 >= breaks;
    }
    size_t first = i;
    for (size_t k = i; k < j; ++k) {
      bool soft = false;
      if (k + 1 < j) {
        const std::string_view a = text.substr(lines[k].content.start, lines[k].content.size());
        const std::string_view b =
            text.substr(lines[k + 1].content.start, lines[k + 1].content.size());
        // In wrapped prose a paragraph ends at a short line, or at a sentence end well
        // short of the width (the next word would have fitted).
        soft = wrapped ? lines[k].length * 10 >= width * 6 &&
                             !(ends_sentence(a) && lines[k].length * 10 < width * 8)
                       : !ends_sentence(a) && lines[k].length >= 40 && starts_lower(b);
      }
      if (soft) continue;
      // Lines [first, k] form one paragraph.
      const Span span{lines[first].content.start, lines[k].content.end};
      std::string key = lines[first].norm;
      for (size_t m = first + 1; m <= k; ++m) key += ' ' + lines[m].norm;
      if (options_.drop_duplicates && !seen.insert(std::move(key)).second) {
        dropped.push_back({span, "duplicate"});
      } else {
        if (!title_checked && options_.title_from_first_line && doc.title.empty() &&
            first == k && count_words(lines[k].norm) <= 25 &&
            !ends_sentence(text.substr(span.start, span.size())) && lines[k].length <= 200) {
          doc.title = std::string(text.substr(span.start, span.size()));
          title_set = true;
        }
        title_checked = true;
        doc.paragraphs.push_back(span);
      }
      first = k + 1;
    }
    i = j;
  }
  // A headline needs something after it; a one-paragraph text is its own body.
  if (title_set && doc.paragraphs.size() == 1) doc.title.clear();
  std::sort(dropped.begin(), dropped.end(),
            [](const DroppedSpan& a, const DroppedSpan& b) { return a.span < b.span; });
  return dropped;
}

}  // namespace kg::extract
