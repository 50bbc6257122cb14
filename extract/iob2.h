#pragma once
// Named-entity tag sequences: decoding BIO/BILOU tags into spans the way seqeval (and
// CoNLL's conlleval) chunk them, and reading and writing the five-column "IOB2" files of
// Universal NER (Mayhew et al., NAACL 2024; see ../shared/data/uner-english-ewt/README.md).
// The one reader and the one writer of the format in kg.

#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "extract/sentence.h"

namespace kg::extract {

// The position part of a tag: B-, I-, L- (E-), U- (S-) or O.
enum class ChunkTag : uint8_t { kOutside, kBegin, kInside, kLast, kUnit };

// One tag split into its position and type ("B-PER" -> kBegin, "PER").
struct SplitTag {
  ChunkTag position = ChunkTag::kOutside;
  std::string_view type;
};

// Splits "B-PER", "I-LOC", "E-X", "L-X", "S-X", "U-X", "O". Returns nullopt for anything else.
std::optional<SplitTag> split_tag(std::string_view tag);

// The spans [first, last) of a tag sequence with seqeval's default (lenient) chunking: a chunk
// ends before B, U/S and O tags, after L/E and U/S tags, and where the type changes; an I or
// L tag that does not continue a chunk of its type starts one. `type_of` maps the type string
// of a tag to an entity type; spans whose type maps to nullopt are dropped.
template <typename TypeOf>
std::vector<NamedEntity> chunk_tags(const std::vector<SplitTag>& tags, TypeOf type_of);

// Entity type names as UNER and seqeval-style files write them: PER, ORG, LOC, plus kg's own
// names (PERSON, LOCATION, NORP, ...). nullopt for anything else.
std::optional<EntityType> parse_iob2_type(std::string_view name);

struct Iob2Sentence {
  Sentence sentence;  // forms only (no offsets, tags or tree) and the gold entities
  std::string document;  // "# newdoc id" ("" if none)
};

// Reads a UNER IOB2 stream: comments ("# sent_id = ", "# text = ", "# newdoc id = "), then one
// word per line with five tab-separated columns (index, form, tag, "-", annotator) or two
// (form, tag), a blank line after each sentence. Throws kg::InputError naming `name` and the
// line for a wrong column count, a bad index or an unknown tag.
std::vector<Iob2Sentence> read_iob2(std::istream& in, std::string_view name);
std::vector<Iob2Sentence> read_iob2_file(const std::string& path);

struct Iob2WriteOptions {
  // Write only UNER's three types (PERSON -> PER, ORG -> ORG, LOCATION -> LOC; the rest O),
  // so UNER's gold and outside scorers compare like with like. Off: every kg type by its
  // kg name (B-NORP, B-DATE, ...).
  bool uner_types_only = true;
};

// Writes one sentence in UNER's five-column layout ("# sent_id" and "# text" comments when
// known, then index, form, BIO tag, "-", "-"), followed by a blank line.
void write_iob2(std::ostream& out, const Sentence& sentence, const Iob2WriteOptions& options = {});

// --- implementation of the template ---

template <typename TypeOf>
std::vector<NamedEntity> chunk_tags(const std::vector<SplitTag>& tags, TypeOf type_of) {
  std::vector<NamedEntity> spans;
  int start = -1;
  std::string_view type;
  auto close = [&](int end) {
    if (start >= 0) {
      if (std::optional<EntityType> t = type_of(type)) spans.push_back({start, end, *t});
    }
    start = -1;
  };
  for (int i = 0; i < static_cast<int>(tags.size()); ++i) {
    const SplitTag& t = tags[i];
    const bool continues = start >= 0 && t.type == type &&
                           (t.position == ChunkTag::kInside || t.position == ChunkTag::kLast);
    if (!continues) close(i);
    if (t.position == ChunkTag::kOutside) continue;
    if (!continues) {
      start = i;
      type = t.type;
    }
    if (t.position == ChunkTag::kLast || t.position == ChunkTag::kUnit) close(i + 1);
  }
  close(static_cast<int>(tags.size()));
  return spans;
}

}  // namespace kg::extract
