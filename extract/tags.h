#pragma once
// The closed tag sets kg reads, predicts and writes: UD universal POS tags (UPOS), Penn
// Treebank tags (XPOS, as in UD English), UD dependency relations with the subtypes English
// treebanks use, and kg's entity types (the node types of DESIGN.md). Each set has exactly
// one to/from-string pair, used by every reader and writer; code compares enums, not strings.

#include <cstdint>
#include <optional>
#include <string_view>

namespace kg::extract {

#define KG_UPOS_TAGS(X)                                                                      \
  X(kAdj, "ADJ") X(kAdp, "ADP") X(kAdv, "ADV") X(kAux, "AUX") X(kCconj, "CCONJ")             \
  X(kDet, "DET") X(kIntj, "INTJ") X(kNoun, "NOUN") X(kNum, "NUM") X(kPart, "PART")           \
  X(kPron, "PRON") X(kPropn, "PROPN") X(kPunct, "PUNCT") X(kSconj, "SCONJ") X(kSym, "SYM")  \
  X(kVerb, "VERB") X(kX, "X")

#define KG_XPOS_TAGS(X)                                                                        \
  X(kNone, "_") X(kCC, "CC") X(kCD, "CD") X(kDT, "DT") X(kEX, "EX") X(kFW, "FW") X(kIN, "IN")  \
  X(kJJ, "JJ") X(kJJR, "JJR") X(kJJS, "JJS") X(kLS, "LS") X(kMD, "MD") X(kNN, "NN")            \
  X(kNNS, "NNS") X(kNNP, "NNP") X(kNNPS, "NNPS") X(kPDT, "PDT") X(kPOS, "POS") X(kPRP, "PRP")  \
  X(kPRPS, "PRP$") X(kRB, "RB") X(kRBR, "RBR") X(kRBS, "RBS") X(kRP, "RP") X(kSYM, "SYM")      \
  X(kTO, "TO") X(kUH, "UH") X(kVB, "VB") X(kVBD, "VBD") X(kVBG, "VBG") X(kVBN, "VBN")          \
  X(kVBP, "VBP") X(kVBZ, "VBZ") X(kWDT, "WDT") X(kWP, "WP") X(kWPS, "WP$") X(kWRB, "WRB")      \
  X(kDollar, "$") X(kOpenQuote, "``") X(kCloseQuote, "''") X(kComma, ",") X(kPeriod, ".")      \
  X(kColon, ":") X(kLRB, "-LRB-") X(kRRB, "-RRB-") X(kHYPH, "HYPH") X(kNFP, "NFP")             \
  X(kADD, "ADD") X(kGW, "GW") X(kAFX, "AFX") X(kXX, "XX")

// Universal relations first, then the subtypes of UD English (EWT and GUM, releases 2.x).
#define KG_DEPRELS(X)                                                                          \
  X(kRoot, "root") X(kAcl, "acl") X(kAdvcl, "advcl") X(kAdvmod, "advmod") X(kAmod, "amod")     \
  X(kAppos, "appos") X(kAux, "aux") X(kCase, "case") X(kCc, "cc") X(kCcomp, "ccomp")           \
  X(kClf, "clf") X(kCompound, "compound") X(kConj, "conj") X(kCop, "cop") X(kCsubj, "csubj")   \
  X(kDep, "dep") X(kDet, "det") X(kDiscourse, "discourse") X(kDislocated, "dislocated")        \
  X(kExpl, "expl") X(kFixed, "fixed") X(kFlat, "flat") X(kGoeswith, "goeswith")                \
  X(kIobj, "iobj") X(kList, "list") X(kMark, "mark") X(kNmod, "nmod") X(kNsubj, "nsubj")       \
  X(kNummod, "nummod") X(kObj, "obj") X(kObl, "obl") X(kOrphan, "orphan")                      \
  X(kParataxis, "parataxis") X(kPunct, "punct") X(kReparandum, "reparandum")                   \
  X(kVocative, "vocative") X(kXcomp, "xcomp") X(kAclRelcl, "acl:relcl")                        \
  X(kAdvclRelcl, "advcl:relcl") X(kAuxPass, "aux:pass") X(kCcPreconj, "cc:preconj")            \
  X(kCompoundPrt, "compound:prt") X(kCsubjOuter, "csubj:outer") X(kCsubjPass, "csubj:pass")    \
  X(kDetPredet, "det:predet") X(kFlatForeign, "flat:foreign") X(kNmodDesc, "nmod:desc")        \
  X(kNmodNpmod, "nmod:npmod") X(kNmodPoss, "nmod:poss") X(kNmodTmod, "nmod:tmod")              \
  X(kNmodUnmarked, "nmod:unmarked") X(kNsubjOuter, "nsubj:outer") X(kNsubjPass, "nsubj:pass")  \
  X(kOblAgent, "obl:agent") X(kOblNpmod, "obl:npmod") X(kOblTmod, "obl:tmod")                  \
  X(kOblUnmarked, "obl:unmarked")

// kg's node types (DESIGN.md). NER predicts the first seven; OTHER is for the rest.
#define KG_ENTITY_TYPES(X)                                                                  \
  X(kPerson, "PERSON") X(kOrg, "ORG") X(kLocation, "LOCATION") X(kNorp, "NORP")             \
  X(kEvent, "EVENT") X(kDate, "DATE") X(kWork, "WORK") X(kOther, "OTHER")

#define KG_ENUMERATOR(name, text) name,
enum class Upos : uint8_t { KG_UPOS_TAGS(KG_ENUMERATOR) };
enum class Xpos : uint8_t { KG_XPOS_TAGS(KG_ENUMERATOR) };
enum class Deprel : uint8_t { KG_DEPRELS(KG_ENUMERATOR) };
enum class EntityType : uint8_t { KG_ENTITY_TYPES(KG_ENUMERATOR) };
#undef KG_ENUMERATOR

#define KG_COUNT(name, text) +1
inline constexpr int kUposCount = 0 KG_UPOS_TAGS(KG_COUNT);
inline constexpr int kXposCount = 0 KG_XPOS_TAGS(KG_COUNT);
inline constexpr int kDeprelCount = 0 KG_DEPRELS(KG_COUNT);
inline constexpr int kEntityTypeCount = 0 KG_ENTITY_TYPES(KG_COUNT);
#undef KG_COUNT

std::string_view to_string(Upos tag);
std::string_view to_string(Xpos tag);
std::string_view to_string(Deprel rel);
std::string_view to_string(EntityType type);

// Exact, case-sensitive parsing of the strings above; nullopt when unknown.
std::optional<Upos> parse_upos(std::string_view text);
std::optional<Xpos> parse_xpos(std::string_view text);
std::optional<EntityType> parse_entity_type(std::string_view text);
// A relation with a subtype kg does not know ("nmod:foo") falls back to its universal part;
// nullopt only when the universal part is unknown too.
std::optional<Deprel> parse_deprel(std::string_view text);

// The universal part of a relation ("nsubj:pass" -> "nsubj"), which CoNLL 2018 LAS compares.
Deprel universal(Deprel rel);

}  // namespace kg::extract
