#include "extract/tokenizer_features.h"

#include <algorithm>

#include "extract/utf8.h"

namespace kg::extract {

// --- Characters ---

CharKind char_kind(char32_t cp) {
  if (cp < 0x80) {
    if (cp == ' ' || (cp >= '\t' && cp <= '\r')) return CharKind::kSpace;
    if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z')) return CharKind::kLetter;
    if (cp >= '0' && cp <= '9') return CharKind::kDigit;
    if (cp < 0x20 || cp == 0x7F) return CharKind::kSpace;  // the reader blanks these anyway
    return CharKind::kPunct;
  }
  if (is_unicode_space(cp)) return CharKind::kSpace;
  if (is_invisible(cp)) return CharKind::kMark;
  if (cp < 0x100) {
    if (cp == 0xAA || cp == 0xB5 || cp == 0xBA) return CharKind::kLetter;
    if (cp >= 0xC0 && cp != 0xD7 && cp != 0xF7) return CharKind::kLetter;
    return CharKind::kPunct;
  }
  if (cp < 0x300) return CharKind::kLetter;                      // Latin extended, IPA, modifiers
  if (cp < 0x370) return CharKind::kMark;                        // combining diacritics
  if (cp < 0x590) {                                              // Greek, Cyrillic, Armenian
    if (cp == 0x37E || cp == 0x387 || cp == 0x482 || (cp >= 0x55A && cp <= 0x55F) ||
        cp == 0x589) {
      return CharKind::kPunct;
    }
    if (cp >= 0x483 && cp <= 0x489) return CharKind::kMark;
    return CharKind::kLetter;
  }
  if (cp < 0x900) {  // Hebrew, Arabic, Syriac, Thaana, ...
    if (cp == 0x5BE || cp == 0x5C0 || cp == 0x5C3 || cp == 0x5C6 || cp == 0x5F3 ||
        cp == 0x5F4 || cp == 0x60C || cp == 0x60D || cp == 0x61B || cp == 0x61F ||
        (cp >= 0x66A && cp <= 0x66D) || cp == 0x6D4) {
      return CharKind::kPunct;
    }
    if ((cp >= 0x660 && cp <= 0x669) || (cp >= 0x6F0 && cp <= 0x6F9)) return CharKind::kDigit;
    if ((cp >= 0x591 && cp <= 0x5C7) || (cp >= 0x610 && cp <= 0x61A) ||
        (cp >= 0x64B && cp <= 0x65F) || cp == 0x670 || (cp >= 0x6D6 && cp <= 0x6ED)) {
      return CharKind::kMark;
    }
    return CharKind::kLetter;
  }
  if (cp < 0x1000) {  // Indic scripts, Thai, Lao, Tibetan
    if (cp == 0x964 || cp == 0x965 || cp == 0xE2F || cp == 0xE5A || cp == 0xE5B) {
      return CharKind::kPunct;
    }
    if ((cp & 0x7F) >= 0x66 && (cp & 0x7F) <= 0x6F && cp < 0xE00) return CharKind::kDigit;
    if (cp >= 0xE50 && cp <= 0xE59) return CharKind::kDigit;
    return CharKind::kLetter;
  }
  if (cp < 0x2000) {
    if (cp >= 0x1AB0 && cp <= 0x1AFF) return CharKind::kMark;
    if (cp >= 0x1DC0 && cp <= 0x1DFF) return CharKind::kMark;
    return CharKind::kLetter;  // Georgian, Hangul Jamo, Ethiopic, Latin/Greek extended, ...
  }
  if (cp < 0x2C00) {  // punctuation, super/subscripts, currency, symbols, arrows, dingbats
    if (cp >= 0x20D0 && cp <= 0x20FF) return CharKind::kMark;
    return CharKind::kPunct;
  }
  if (cp < 0x2E00) return CharKind::kLetter;   // Glagolitic, Latin Extended-C, Coptic, ...
  if (cp < 0x2E80) return CharKind::kPunct;    // supplemental punctuation
  if (cp < 0x3000) return CharKind::kLetter;   // CJK radicals
  if (cp < 0x3040) {
    if (cp == 0x3005 || cp == 0x3006 || cp == 0x3007) return CharKind::kLetter;
    return CharKind::kPunct;  // CJK punctuation and brackets
  }
  if (cp < 0xE000) return CharKind::kLetter;   // kana, CJK ideographs, Yi, Hangul
  if (cp < 0xF900) return CharKind::kPunct;    // private use
  if (cp < 0xFE00) return CharKind::kLetter;   // CJK compatibility, presentation forms
  if (cp < 0xFE10) return CharKind::kMark;     // variation selectors
  if (cp < 0xFE70) {
    if (cp >= 0xFE20 && cp <= 0xFE2F) return CharKind::kMark;
    return CharKind::kPunct;
  }
  if (cp < 0xFF00) return CharKind::kLetter;   // Arabic presentation forms B
  if (cp < 0xFFF0) {                           // half- and full-width forms
    if (cp >= 0xFF10 && cp <= 0xFF19) return CharKind::kDigit;
    if ((cp >= 0xFF21 && cp <= 0xFF3A) || (cp >= 0xFF41 && cp <= 0xFF5A) ||
        (cp >= 0xFF66 && cp <= 0xFFDC)) {
      return CharKind::kLetter;
    }
    return CharKind::kPunct;
  }
  if (cp < 0x10000) return CharKind::kPunct;
  if (cp >= 0x1F3FB && cp <= 0x1F3FF) return CharKind::kMark;  // emoji skin tones
  if (cp >= 0xE0000 && cp <= 0xE01EF) return CharKind::kMark;  // tags, variation selectors
  if (cp >= 0x1D400 && cp <= 0x1D7FF) return CharKind::kLetter;  // mathematical letters
  if (cp >= 0x1F000 && cp <= 0x1FAFF) return CharKind::kPunct;   // emoji and symbols
  if (cp >= 0x20000 && cp <= 0x3FFFF) return CharKind::kLetter;  // CJK extensions
  if (cp < 0x1C000) return CharKind::kLetter;                     // historic scripts
  return CharKind::kPunct;
}

namespace {

// 32-bit FNV-1a.
constexpr uint32_t kFnvBasis = 2166136261u;
inline uint32_t fnv_byte(uint32_t h, unsigned char c) { return (h ^ c) * 16777619u; }

// The normalised code point of punctuation used in forms and shapes: curly single quotes
// and primes as ', double quotes as ".
char32_t fold_quote(char32_t cp) {
  switch (cp) {
    case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2032: case 0x60:
      return '\'';
    case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x2033:
      return '"';
    default:
      return cp;
  }
}

// Feeds the normalised form of `text` to `sink` one byte at a time: ASCII lower case, folded
// quotes, digits as 0 with runs longer than four cut to four.
template <typename Sink>
void normalised_bytes(std::string_view text, Sink&& sink) {
  int digits = 0;
  char32_t cp = 0;
  for (size_t i = 0; i < text.size();) {
    const auto b = static_cast<unsigned char>(text[i]);
    if (b < 0x80) {
      ++i;
      if (b >= '0' && b <= '9') {
        if (++digits <= 4) sink('0');
        continue;
      }
      digits = 0;
      sink(static_cast<char>(b >= 'A' && b <= 'Z' ? b + 0x20 : b == '`' ? '\'' : b));
      continue;
    }
    digits = 0;
    const size_t n = decode_utf8_lenient(text, i, cp);
    const char32_t folded = fold_quote(cp);
    if (folded != cp) {
      sink(static_cast<char>(folded));
    } else {
      for (size_t k = 0; k < n; ++k) sink(text[i + k]);
    }
    i += n;
  }
}

uint32_t length_bucket(size_t n) {
  if (n <= 4) return static_cast<uint32_t>(n);
  if (n <= 6) return 5;
  if (n <= 9) return 6;
  return 7;
}

bool ascii_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool ascii_lower(char c) { return c >= 'a' && c <= 'z'; }

// Shape ids: high byte says the kind.
constexpr uint32_t kShapeWord = 1u << 24;
constexpr uint32_t kShapeNumber = 2u << 24;
constexpr uint32_t kShapePunct = 3u << 24;
constexpr uint32_t kShapeUrl = 4u << 24;
constexpr uint32_t kShapeEmail = 5u << 24;

uint32_t word_shape(std::string_view w) {
  // Case pattern from ASCII letters; words without any are "uncased" (other scripts).
  size_t upper = 0, lower = 0;
  for (char c : w) {
    upper += ascii_upper(c);
    lower += ascii_lower(c);
  }
  const size_t letters = utf8_length(w);
  uint32_t pattern = 0;
  if (upper + lower == 0) pattern = 1;                             // uncased
  else if (upper == 0) pattern = 2;                                // lower
  else if (lower == 0) pattern = upper == 1 ? 3 : 4;               // X or XX
  else if (ascii_upper(w.front()) && upper == 1) pattern = 5;      // Xx
  else pattern = 6;                                                // mixed: iPhone, McDonald
  return kShapeWord | pattern << 8 | length_bucket(letters);
}

void emit(std::string_view text, uint32_t start, uint32_t end, AtomKind kind, Gap gap,
          std::vector<Atom>& atoms) {
  Atom a;
  a.start = start;
  a.end = end;
  a.kind = kind;
  a.gap = gap;
  const std::string_view form = text.substr(start, end - start);
  switch (kind) {
    case AtomKind::kWord:
      a.hash = normalised_hash(form);
      a.shape = word_shape(form);
      break;
    case AtomKind::kNumber:
      a.hash = normalised_hash(form);
      a.shape = kShapeNumber | length_bucket(form.size());
      break;
    case AtomKind::kPunct: {
      char32_t cp = 0;
      decode_utf8_lenient(form, 0, cp);
      a.hash = normalised_hash(form);
      a.shape = kShapePunct | (fold_quote(cp) & 0xFFFFFF);
      break;
    }
    case AtomKind::kUrl:
      a.hash = normalised_hash("<url>");
      a.shape = kShapeUrl;
      break;
    case AtomKind::kEmail:
      a.hash = normalised_hash("<email>");
      a.shape = kShapeEmail;
      break;
  }
  atoms.push_back(a);
}

// Letters, digits, punctuation and marks of [start, end) (no white space inside) as atoms.
void emit_plain(std::string_view text, uint32_t start, uint32_t end, Gap gap,
                std::vector<Atom>& atoms) {
  char32_t cp = 0;
  uint32_t i = start;
  while (i < end) {
    const uint32_t atom_start = i;
    i += static_cast<uint32_t>(decode_utf8_lenient(text, i, cp));
    CharKind kind = char_kind(cp);
    if (kind == CharKind::kMark) {
      // A mark with nothing before it in this chunk stands alone as punctuation.
      kind = CharKind::kPunct;
    }
    if (kind == CharKind::kLetter || kind == CharKind::kDigit) {
      while (i < end) {
        const size_t n = decode_utf8_lenient(text, i, cp);
        const CharKind k = char_kind(cp);
        if (k != kind && k != CharKind::kMark) break;
        i += static_cast<uint32_t>(n);
      }
      emit(text, atom_start, i, kind == CharKind::kLetter ? AtomKind::kWord : AtomKind::kNumber,
           gap, atoms);
    } else {
      while (i < end) {  // marks after a symbol (emoji modifiers, ZWJ) stay with it
        const size_t n = decode_utf8_lenient(text, i, cp);
        if (char_kind(cp) != CharKind::kMark) break;
        i += static_cast<uint32_t>(n);
      }
      emit(text, atom_start, i, AtomKind::kPunct, gap, atoms);
    }
    gap = Gap::kNone;
  }
}

bool url_char_trailing(char c) {
  return c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?' || c == '\'' ||
         c == '"' || c == ')' || c == ']' || c == '}' || c == '>';
}

bool ascii_alnum(char c) {
  return ascii_lower(c) || ascii_upper(c) || (c >= '0' && c <= '9');
}

bool starts_with_ci(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i) {
    char c = s[i];
    if (ascii_upper(c)) c = static_cast<char>(c + 0x20);
    if (c != prefix[i]) return false;
  }
  return true;
}

// Trims trailing punctuation off a URL, keeping a ')' that closes a '(' inside it.
uint32_t trim_url_end(std::string_view text, uint32_t start, uint32_t end) {
  while (end > start && url_char_trailing(text[end - 1])) {
    if (text[end - 1] == ')') {
      const std::string_view body = text.substr(start, end - start);
      if (std::count(body.begin(), body.end(), '(') >= std::count(body.begin(), body.end(), ')')) {
        break;
      }
    }
    --end;
  }
  return end;
}

struct Special {
  uint32_t start = 0;
  uint32_t end = 0;
  AtomKind kind = AtomKind::kUrl;
};

// A URL or e-mail address inside the chunk [start, end), if any.
bool find_special(std::string_view text, uint32_t start, uint32_t end, Special& out) {
  const std::string_view chunk = text.substr(start, end - start);
  if (chunk.size() < 6) return false;
  // URL with a scheme: letters before "://".
  if (const size_t k = chunk.find("://"); k != std::string_view::npos && k >= 2) {
    size_t s = k;
    while (s > 0 && (ascii_lower(chunk[s - 1]) || ascii_upper(chunk[s - 1]))) --s;
    if (k - s >= 2 && k + 3 < chunk.size()) {
      out = {start + static_cast<uint32_t>(s), trim_url_end(text, start + static_cast<uint32_t>(s), end),
             AtomKind::kUrl};
      return out.end > out.start + k - s + 3;
    }
  }
  // www. without a scheme, at the chunk start or after opening punctuation.
  size_t lead = 0;
  while (lead < chunk.size() && (chunk[lead] == '(' || chunk[lead] == '<' || chunk[lead] == '[' ||
                                 chunk[lead] == '"' || chunk[lead] == '\'')) {
    ++lead;
  }
  if (starts_with_ci(chunk.substr(lead), "www.") && chunk.size() > lead + 5 &&
      ascii_alnum(chunk[lead + 4])) {
    out = {start + static_cast<uint32_t>(lead),
           trim_url_end(text, start + static_cast<uint32_t>(lead), end), AtomKind::kUrl};
    return true;
  }
  // E-mail: local@domain.tld
  const size_t at = chunk.find('@');
  if (at == std::string_view::npos || at == 0) return false;
  auto local_char = [](char c) {
    return ascii_alnum(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
  };
  size_t s = at;
  while (s > 0 && local_char(chunk[s - 1])) --s;
  while (s < at && chunk[s] == '.') ++s;
  size_t e = at + 1;
  while (e < chunk.size() && (ascii_alnum(chunk[e]) || chunk[e] == '.' || chunk[e] == '-')) ++e;
  while (e > at + 1 && (chunk[e - 1] == '.' || chunk[e - 1] == '-')) --e;
  if (s == at || e <= at + 1) return false;
  const std::string_view domain = chunk.substr(at + 1, e - at - 1);
  const size_t dot = domain.rfind('.');
  if (dot == std::string_view::npos || dot == 0 || domain.size() - dot < 3) return false;
  for (size_t i = dot + 1; i < domain.size(); ++i) {
    if (!ascii_lower(domain[i]) && !ascii_upper(domain[i])) return false;
  }
  out = {start + static_cast<uint32_t>(s), start + static_cast<uint32_t>(e), AtomKind::kEmail};
  return true;
}

}  // namespace

uint32_t normalised_hash(std::string_view text) {
  uint32_t h = kFnvBasis;
  normalised_bytes(text, [&](char c) { h = fnv_byte(h, static_cast<unsigned char>(c)); });
  return h;
}

std::string normalise_form(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  normalised_bytes(text, [&](char c) { out += c; });
  return out;
}

void atomize(std::string_view text, Span range, std::vector<Atom>& atoms) {
  uint32_t pos = range.start;
  const uint32_t end = std::min<uint32_t>(range.end, static_cast<uint32_t>(text.size()));
  Gap gap = Gap::kNewline;  // a range starts a paragraph
  char32_t cp = 0;
  while (pos < end) {
    // White space.
    const size_t n = decode_utf8_lenient(text, pos, cp);
    if (char_kind(cp) == CharKind::kSpace) {
      if (cp == '\n' || cp == '\r' || cp == 0x2028 || cp == 0x2029 || cp == 0x85) {
        gap = Gap::kNewline;
      } else if (gap == Gap::kNone) {
        gap = Gap::kSpace;
      }
      pos += static_cast<uint32_t>(n);
      continue;
    }
    // A chunk: everything up to the next white space.
    uint32_t chunk_end = pos;
    bool may_be_special = false;
    while (chunk_end < end) {
      const auto b = static_cast<unsigned char>(text[chunk_end]);
      if (b < 0x80) {
        if (char_kind(b) == CharKind::kSpace) break;
        may_be_special = may_be_special || b == '@' || b == ':' || b == '.';
        ++chunk_end;
        continue;
      }
      const size_t m = decode_utf8_lenient(text, chunk_end, cp);
      if (char_kind(cp) == CharKind::kSpace) break;
      chunk_end += static_cast<uint32_t>(m);
    }
    Special special;
    if (may_be_special && find_special(text, pos, chunk_end, special)) {
      if (special.start > pos) {
        emit_plain(text, pos, special.start, gap, atoms);
        gap = Gap::kNone;
      }
      emit(text, special.start, special.end, special.kind, gap, atoms);
      gap = Gap::kNone;
      if (special.end < chunk_end) emit_plain(text, special.end, chunk_end, gap, atoms);
    } else {
      emit_plain(text, pos, chunk_end, gap, atoms);
    }
    gap = Gap::kNone;
    pos = chunk_end;
  }
}

// --- Lexicon ---

const std::vector<std::string_view>& builtin_abbreviations() {
  static const std::vector<std::string_view> list = {
      // titles and ranks
      "mr.", "mrs.", "ms.", "messrs.", "dr.", "prof.", "sr.", "jr.", "st.", "rev.", "hon.",
      "gov.", "sen.", "rep.", "reps.", "pres.", "gen.", "lt.", "col.", "maj.", "capt.", "cmdr.",
      "adm.", "sgt.", "cpl.", "pvt.", "supt.", "insp.", "det.", "atty.", "amb.", "fr.", "mt.",
      "ft.",
      // months and weekdays
      "jan.", "feb.", "mar.", "apr.", "jun.", "jul.", "aug.", "sep.", "sept.", "oct.", "nov.",
      "dec.", "mon.", "tue.", "tues.", "wed.", "thu.", "thur.", "thurs.", "fri.", "sat.", "sun.",
      // US states (AP style)
      "ala.", "ariz.", "ark.", "calif.", "colo.", "conn.", "del.", "fla.", "ga.", "ill.", "ind.",
      "kan.", "kans.", "ky.", "la.", "md.", "mass.", "mich.", "minn.", "miss.", "mo.", "mont.",
      "neb.", "nev.", "okla.", "ore.", "pa.", "tenn.", "tex.", "va.", "vt.", "wash.", "wis.",
      "wyo.", "n.y.", "n.j.", "n.c.", "s.c.", "n.h.", "n.m.", "n.d.", "s.d.", "r.i.", "w.va.",
      "d.c.",
      // organisations and places
      "inc.", "corp.", "co.", "ltd.", "llc.", "plc.", "bros.", "dept.", "univ.", "assn.",
      "govt.", "ave.", "blvd.", "rd.", "hwy.", "u.s.", "u.k.", "u.n.", "e.u.", "u.s.a.",
      // Latin and general
      "etc.", "vs.", "v.", "viz.", "cf.", "al.", "e.g.", "i.e.", "ca.", "approx.", "est.",
      "no.", "nos.", "vol.", "pp.", "p.", "ed.", "eds.", "fig.", "figs.", "a.m.", "p.m.",
      "ph.d.", "b.a.", "m.a.", "m.d.",
  };
  return list;
}

LexiconIndex::LexiconIndex(const TokenizerLexicon& lexicon) {
  for (const std::string& a : lexicon.abbreviations) abbreviations_.insert(normalised_hash(a));
  for (std::string_view a : builtin_abbreviations()) builtin_.insert(normalised_hash(a));
  for (const auto& [form, splits] : lexicon.multiword) multiword_.emplace(form, splits);
  suffixes_ = lexicon.clitic_suffixes;
  std::stable_sort(suffixes_.begin(), suffixes_.end(),
                   [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
}

std::vector<uint8_t> LexiconIndex::multiword_splits(std::string_view form) const {
  if (form.size() > 64) return {};
  const std::string norm = normalise_form(form);
  if (auto it = multiword_.find(norm); it != multiword_.end()) return it->second;
  for (const std::string& suffix : suffixes_) {
    if (norm.size() <= suffix.size() ||
        norm.compare(norm.size() - suffix.size(), suffix.size(), suffix) != 0) {
      continue;
    }
    // The stem must hold a letter or digit: "'s" alone or "''s" are not clitics.
    const std::string_view stem(norm.data(), norm.size() - suffix.size());
    if (!std::any_of(stem.begin(), stem.end(), [](char c) { return ascii_alnum(c) || (c & 0x80); })) {
      return {};
    }
    // Split offsets are in code points of the original form; the normalised form folds
    // curly quotes to one byte, so count code points of the original instead.
    const size_t suffix_chars = utf8_length(suffix);
    const size_t total = utf8_length(form);
    if (total <= suffix_chars || total - suffix_chars > 255) return {};
    return {static_cast<uint8_t>(total - suffix_chars)};
  }
  return {};
}

// --- Features ---

namespace {

// Template ids. Keep numbers stable (kFeatureTemplateVersion covers changes).
enum JoinTemplate : uint32_t {
  kJBias = 1, kJLeft, kJRight, kJPair, kJLeftTriple, kJRightTriple, kJShapePair,
  kJShapeLeft3, kJShapeRight3, kJShape4, kJShapeWord, kJWordShape, kJChunk, kJPrefix, kJSuffix,
  kJAbbrev, kJAfterDot, kJAbbrevAfter, kJPosition,
};
enum BoundaryTemplate : uint32_t {
  kBBias = 40, kBWord, kBNext, kBPrev, kBWordNext, kBPrevWord, kBShape, kBNextShape,
  kBShapePair, kBShape3Left, kBShape3Right, kBGap, kBGapShapes, kBAbbrev, kBLength,
  kBLengthShape, kBNesting, kBRemaining, kBWordNextShape, kBShapeNextWord, kBNext2,
  kBAbbrevNext,
};

inline uint64_t pack(uint32_t a, uint32_t b) { return uint64_t{a} << 32 | b; }

constexpr uint32_t kNoAtom = 0xFFFFFFFFu;
constexpr uint32_t kChunkEdge = 0xFFFFFFFEu;

uint32_t bucket(int n) {
  if (n <= 3) return static_cast<uint32_t>(n);
  if (n <= 5) return 4;
  if (n <= 10) return 5;
  if (n <= 20) return 6;
  if (n <= 40) return 7;
  return 8;
}

// What follows a period atom: the class of the next atom and the white space before it.
uint32_t after_dot_class(const std::vector<Atom>& atoms, size_t dot) {
  if (dot + 1 >= atoms.size()) return 1;  // paragraph end
  const Atom& next = atoms[dot + 1];
  uint32_t cls = 0;
  switch (next.kind) {
    case AtomKind::kWord: {
      const uint32_t pattern = (next.shape >> 8) & 0xFF;
      cls = pattern == 2 ? 2 : pattern == 1 ? 3 : 4;  // lower, uncased, capitalised
      break;
    }
    case AtomKind::kNumber: cls = 5; break;
    case AtomKind::kPunct: cls = 6; break;
    default: cls = 7;
  }
  return cls * 4 + static_cast<uint32_t>(next.gap);
}

}  // namespace

void join_features(std::string_view text, const std::vector<Atom>& atoms, size_t i,
                   size_t chunk_start, size_t chunk_end, const LexiconIndex& lexicon,
                   std::vector<FeatureId>& out) {
  const Atom& l = atoms[i];
  const Atom& r = atoms[i + 1];
  const uint32_t ll_hash = i > chunk_start ? atoms[i - 1].hash : kChunkEdge;
  const uint32_t ll_shape = i > chunk_start ? atoms[i - 1].shape : kChunkEdge;
  const uint32_t rr_hash = i + 2 < chunk_end ? atoms[i + 2].hash : kChunkEdge;
  const uint32_t rr_shape = i + 2 < chunk_end ? atoms[i + 2].shape : kChunkEdge;
  out.push_back(FeatureHasher::id(kJBias, 0));
  out.push_back(FeatureHasher::id(kJLeft, l.hash));
  out.push_back(FeatureHasher::id(kJRight, r.hash));
  out.push_back(FeatureHasher::id(kJPair, pack(l.hash, r.hash)));
  out.push_back(FeatureHasher::id(kJLeftTriple, pack(ll_hash, l.hash), r.hash));
  out.push_back(FeatureHasher::id(kJRightTriple, pack(l.hash, r.hash), rr_hash));
  out.push_back(FeatureHasher::id(kJShapePair, pack(l.shape, r.shape)));
  out.push_back(FeatureHasher::id(kJShapeLeft3, pack(ll_shape, l.shape), r.shape));
  out.push_back(FeatureHasher::id(kJShapeRight3, pack(l.shape, r.shape), rr_shape));
  out.push_back(FeatureHasher::id(kJShape4, pack(ll_shape, l.shape), pack(r.shape, rr_shape)));
  out.push_back(FeatureHasher::id(kJShapeWord, pack(l.shape, r.hash)));
  out.push_back(FeatureHasher::id(kJWordShape, pack(l.hash, r.shape)));
  out.push_back(FeatureHasher::id(
      kJPosition, pack(bucket(static_cast<int>(i - chunk_start)),
                       bucket(static_cast<int>(chunk_end - i - 2))),
      pack(l.shape, r.shape)));
  // The whole white-space-free chunk, and its parts either side of this point, memorise
  // the tokenization of frequent strings ("U.S.", "e-mail", "$38", ":-)").
  const uint32_t chunk_bytes = atoms[chunk_end - 1].end - atoms[chunk_start].start;
  if (chunk_bytes <= 40) {
    const std::string_view chunk = text.substr(atoms[chunk_start].start, chunk_bytes);
    const uint32_t split = l.end - atoms[chunk_start].start;
    out.push_back(FeatureHasher::id(kJChunk, pack(normalised_hash(chunk), split)));
    out.push_back(FeatureHasher::id(kJPrefix, normalised_hash(chunk.substr(0, split))));
    out.push_back(FeatureHasher::id(kJSuffix, normalised_hash(chunk.substr(split))));
  }
  // A period after a word: is the word and period a known abbreviation?
  if (l.kind == AtomKind::kWord && r.kind == AtomKind::kPunct && text[r.start] == '.') {
    // The abbreviation candidate reaches back over alternating words and periods ("u.s.").
    size_t first = i;
    while (first > chunk_start && i - first < 8) {
      const Atom& prev = atoms[first - 1];
      const bool dot = prev.kind == AtomKind::kPunct && text[prev.start] == '.';
      const bool word = prev.kind == AtomKind::kWord;
      if (!(dot || word) || (word && atoms[first].kind == AtomKind::kWord)) break;
      --first;
    }
    if (atoms[first].kind != AtomKind::kWord) ++first;
    const uint32_t abbrev =
        normalised_hash(text.substr(atoms[first].start, r.end - atoms[first].start));
    const uint32_t flags = (lexicon.learnt_abbreviation(abbrev) ? 1u : 0u) |
                           (lexicon.builtin_abbreviation(abbrev) ? 2u : 0u);
    const uint32_t after = after_dot_class(atoms, i + 1);
    // Only whether either list has it: "in a list" is what generalises to abbreviations the
    // treebanks lack, and which list it is differs between training (lists counted on the
    // other half of the documents) and use (lists counted on all of them).
    const uint32_t listed = flags != 0;
    out.push_back(FeatureHasher::id(kJAbbrev, listed, l.shape));
    out.push_back(FeatureHasher::id(kJAfterDot, after, pack(l.shape, rr_shape)));
    out.push_back(FeatureHasher::id(kJAbbrevAfter, listed, after));
  }
}

void describe_token(std::string_view text, const LexiconIndex& lexicon, TokenView& token) {
  const std::string_view form = text.substr(token.start, token.end - token.start);
  token.hash = normalised_hash(form);
  // Shape: character classes with runs collapsed (Xx., X.X., d,d, x'x), at most 8 symbols,
  // with the length in code points.
  uint32_t h = kFnvBasis;
  char last = 0;
  int symbols = 0;
  size_t length = 0;
  char32_t cp = 0;
  for (size_t i = 0; i < form.size() && symbols < 8;) {
    i += decode_utf8_lenient(form, i, cp);
    ++length;
    char s = '*';
    const CharKind kind = char_kind(cp);
    if (cp < 0x80 && ascii_upper(static_cast<char>(cp))) s = 'X';
    else if (cp < 0x80 && ascii_lower(static_cast<char>(cp))) s = 'x';
    else if (kind == CharKind::kLetter) s = 'L';
    else if (kind == CharKind::kDigit) s = 'd';
    else if (kind == CharKind::kMark) continue;
    else if (cp < 0x80) s = static_cast<char>(cp);
    else if (fold_quote(cp) != cp) s = static_cast<char>(fold_quote(cp));
    else if (cp >= 0x2010 && cp <= 0x2015) s = '-';
    else if (cp == 0x2026) s = ':';
    if (s == last) continue;
    last = s;
    h = fnv_byte(h, static_cast<unsigned char>(s));
    ++symbols;
  }
  token.shape = h ^ (static_cast<uint32_t>(std::min<size_t>(length, 8)) << 28);
  token.abbreviation = 0;
  token.depth_change = 0;
  token.quote = false;
  if (form.size() >= 2 && form.back() == '.') {
    // Leading punctuation ("(Dr.") does not belong to the abbreviation.
    size_t s = 0;
    while (s < form.size() && static_cast<unsigned char>(form[s]) < 0x80 &&
           !ascii_alnum(form[s])) {
      ++s;
    }
    const uint32_t a = normalised_hash(form.substr(s));
    token.abbreviation = static_cast<uint8_t>((lexicon.learnt_abbreviation(a) ? 1 : 0) |
                                              (lexicon.builtin_abbreviation(a) ? 2 : 0));
  }
  if (form.size() <= 3) {
    decode_utf8_lenient(form, 0, cp);
    if (cp == '(' || cp == '[' || cp == '{') token.depth_change = 1;
    if (cp == ')' || cp == ']' || cp == '}') token.depth_change = -1;
    token.quote = cp == '"' || cp == 0x201C || cp == 0x201D;
  }
}

void boundary_features(const std::vector<TokenView>& tokens, size_t t, const SentenceState& state,
                       std::vector<FeatureId>& out) {
  const TokenView& w = tokens[t];
  const TokenView& next = tokens[t + 1];
  const uint32_t prev_hash = t > 0 ? tokens[t - 1].hash : kNoAtom;
  const uint32_t prev_shape = t > 0 ? tokens[t - 1].shape : kNoAtom;
  const uint32_t next2_shape = t + 2 < tokens.size() ? tokens[t + 2].shape : kNoAtom;
  const uint32_t next2_hash = t + 2 < tokens.size() ? tokens[t + 2].hash : kNoAtom;
  const auto gap = static_cast<uint32_t>(next.gap);
  out.push_back(FeatureHasher::id(kBBias, 0));
  out.push_back(FeatureHasher::id(kBWord, w.hash));
  out.push_back(FeatureHasher::id(kBNext, next.hash));
  out.push_back(FeatureHasher::id(kBPrev, prev_hash));
  out.push_back(FeatureHasher::id(kBWordNext, pack(w.hash, next.hash)));
  out.push_back(FeatureHasher::id(kBPrevWord, pack(prev_hash, w.hash)));
  out.push_back(FeatureHasher::id(kBShape, w.shape));
  out.push_back(FeatureHasher::id(kBNextShape, next.shape));
  out.push_back(FeatureHasher::id(kBShapePair, pack(w.shape, next.shape), gap));
  out.push_back(FeatureHasher::id(kBShape3Left, pack(prev_shape, w.shape), next.shape));
  out.push_back(FeatureHasher::id(kBShape3Right, pack(w.shape, next.shape), next2_shape));
  out.push_back(FeatureHasher::id(kBGap, gap));
  out.push_back(FeatureHasher::id(kBGapShapes, gap, pack(w.hash, next.shape)));
  out.push_back(FeatureHasher::id(kBAbbrev, w.abbreviation != 0, pack(next.shape, gap)));
  out.push_back(FeatureHasher::id(kBAbbrevNext, w.abbreviation != 0, next.hash));
  out.push_back(FeatureHasher::id(kBLength, bucket(state.length)));
  out.push_back(FeatureHasher::id(kBLengthShape, bucket(state.length), pack(w.shape, next.shape)));
  out.push_back(FeatureHasher::id(kBNesting, static_cast<uint32_t>(std::min(state.depth, 3)),
                                  pack(state.in_quote, w.hash)));
  out.push_back(FeatureHasher::id(kBRemaining, bucket(static_cast<int>(tokens.size() - t - 2)),
                                  w.shape));
  out.push_back(FeatureHasher::id(kBWordNextShape, pack(w.hash, next.shape)));
  out.push_back(FeatureHasher::id(kBShapeNextWord, pack(w.shape, next.hash)));
  out.push_back(FeatureHasher::id(kBNext2, pack(next.hash, next2_hash)));
}

void advance_state(const TokenView& token, bool boundary, SentenceState& state) {
  state.depth = std::max(0, state.depth + token.depth_change);
  if (token.quote) state.in_quote = !state.in_quote;
  if (boundary) {
    state = SentenceState();
  } else {
    ++state.length;
  }
}

}  // namespace kg::extract
