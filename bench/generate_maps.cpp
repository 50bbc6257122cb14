// generate_maps: writes synthetic map files (docs/formats.md) for the store benchmarks:
// by default ~100,000 entities and 1,000,000 distinct edges, spread over ~20,000 documents in
// 16 files. Deterministic for a given seed (std::mt19937_64; no other randomness).
//
// What is realistic about it (docs/performance.md): names of people ("First Last", mentioned
// also by surname), organisations (with acronyms), places; some accented and Cyrillic names so
// offsets are not all ASCII; entity popularity follows a Zipf-like law, so a few hubs have
// thousands of edges; each document has a cast of 15-40 entities and 30-90 facts among them,
// one in five repeating a fact of an earlier document (edges of weight 2 and more); every
// triple has its own evidence sentence of 60-200 characters with two name mentions, by full
// name the first time and often by surname or acronym after; some filler sentences.
//
// For the resolver benchmark (docs/resolution.md): --documents N stops after N documents
// instead of at an edge count, --triples-per-document N sets the mean facts per document (two
// name mentions each), and --variants P names an entity, in P% of the documents that mention
// it, by a variant the resolver must resolve: a person by a misspelled surname (a letter
// doubled or replaced) or by the bare surname alone, an organisation by its acronym alone.
//
// Usage: generate_maps OUTDIR [--entities N] [--edges N] [--files N] [--seed N]
//                             [--documents N] [--triples-per-document N] [--variants P]

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <random>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "extract/document_result.h"
#include "extract/map_format.h"

namespace {

using kg::extract::DocumentResult;
using kg::extract::EntityType;
using kg::extract::LinkRule;
using kg::extract::Span;

struct Options {
  std::string out;
  uint64_t entities = 104000;  // names to draw from; ~100,000 of them are used
  uint64_t edges = 1000000;
  uint64_t files = 16;
  uint64_t seed = 20240601;
  uint64_t triples_per_document = 60;
  uint64_t documents = 0;  // 0: stop at `edges` distinct edges instead
  uint64_t variants = 0;   // percent of (document, entity) pairs named by a variant
};

const char* kSyllables[] = {"ka", "lo", "mi", "ra", "ne", "to", "vi", "sa", "du", "ber", "gan",
                            "tor", "lin", "mar", "ko", "ze", "pa", "ri", "sha", "vo", "len",
                            "dra", "mu", "fe", "nik", "ol", "tes", "ham", "quo", "yel"};
const char* kAccented[] = {"é", "ö", "ñ", "ç", "å", "ü", "ø", "ł"};
const char* kCyrillic[] = {"Алексей", "Мария", "Ольга", "Дмитрий", "Сергей", "Наталья"};
const char* kOrgWords[] = {"Institute", "Council", "Foundation", "Ministry", "Agency", "Bank",
                           "Group", "Committee", "University", "Party"};
const char* kRelations[] = {
    "met_with",   "brief",        "president_of", "member_of",    "fellow_of",  "official_of",
    "visit",      "criticize",    "support",      "call",         "sign",       "fund",
    "advise",     "director_of",  "chair",        "invite",       "accuse",     "negotiate_with",
    "write_in",   "publish",      "attend",       "host",         "appoint",    "succeed",
    "employ",     "investigate",  "sanction",     "praise",       "warn",       "join",
    "leave",      "ally_with",    "oppose",       "represent",    "speak_to",   "report_on",
    "own",        "lead",         "found",        "spokesman_of"};
const char* kVerbs[] = {"met with", "briefed", "is the president of", "is a member of",
                        "is a fellow of", "is an official of", "visited", "criticized",
                        "supported", "called", "signed with", "funded", "advised",
                        "is the director of", "chaired", "invited", "accused", "negotiated with",
                        "wrote in", "published", "attended", "hosted", "appointed", "succeeded",
                        "employs", "investigated", "sanctioned", "praised", "warned", "joined",
                        "left", "allied with", "opposed", "represents", "spoke to",
                        "reported on", "owns", "leads", "founded", "is a spokesman of"};
const char* kPlaces[] = {"in Vienna", "in April", "last week", "on Tuesday", "in New York",
                         "after the summit", "during a visit to Kyiv", "in a statement"};
const char* kFiller[] = {
    "Officials declined to comment on the record.",
    "The talks are expected to continue later this year, according to people familiar with them.",
    "Critics said the arrangement raised more questions than it answered.",
    "It was not immediately clear how long the discussions had been going on."};

std::string capitalise(std::string s) {
  if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 32);
  return s;
}

struct Entity {
  std::string name;
  std::string short_name;  // surname or acronym; empty when none
  EntityType type;
};

class Generator {
 public:
  explicit Generator(const Options& o) : options_(o), rng_(o.seed) {}

  void run() {
    make_entities();
    make_edges();
    write_documents();
  }

 private:
  uint64_t uniform(uint64_t n) { return std::uniform_int_distribution<uint64_t>(0, n - 1)(rng_); }

  std::string word(int syllables) {
    std::string w;
    for (int i = 0; i < syllables; ++i) w += kSyllables[uniform(std::size(kSyllables))];
    if (uniform(12) == 0) w += kAccented[uniform(std::size(kAccented))];
    return capitalise(w);
  }

  void make_entities() {
    std::unordered_set<std::string> names;
    entities_.reserve(options_.entities);
    while (entities_.size() < options_.entities) {
      Entity e;
      const uint64_t kind = uniform(100);
      if (kind < 45) {
        e.type = EntityType::kPerson;
        const std::string first = uniform(30) == 0 ? kCyrillic[uniform(std::size(kCyrillic))]
                                                   : word(2 + static_cast<int>(uniform(2)));
        e.short_name = word(2 + static_cast<int>(uniform(2)));
        e.name = first + " " + e.short_name;
      } else if (kind < 75) {
        e.type = EntityType::kOrg;
        const std::string a = word(2);
        const std::string b = word(3);
        e.name = a + " " + b + " " + kOrgWords[uniform(std::size(kOrgWords))];
        e.short_name = std::string(1, e.name[0]) + b[0] + kOrgWords[0][0];
        if (uniform(2)) e.short_name.clear();
      } else if (kind < 90) {
        e.type = EntityType::kLocation;
        e.name = word(3);
      } else if (kind < 95) {
        e.type = EntityType::kNorp;
        e.name = word(2) + "ian";
      } else {
        e.type = EntityType::kEvent;
        e.name = word(2) + " " + word(2) + " Summit";
      }
      if (names.insert(e.name).second) entities_.push_back(std::move(e));
    }
    // Zipf-like popularity: entity i is drawn with weight 1 / (i + 10)^0.6; with the default
    // sizes about 100,000 of the 104,000 names appear and the busiest has ~3,000 edges.
    std::vector<double> weights(entities_.size());
    for (size_t i = 0; i < weights.size(); ++i) weights[i] = 1.0 / std::pow(static_cast<double>(i) + 10.0, 0.6);
    popularity_ = std::discrete_distribution<uint64_t>(weights.begin(), weights.end());
  }

  // Documents are drawn one after another: each has a cast of 15-40 entities (by
  // popularity) and ~60 facts among them; one fact in five repeats a fact of an earlier
  // document (its two entities join the cast), which gives edges of weight 2 and more.
  // Generation stops when the corpus holds `edges` distinct edges.
  void make_edges() {
    std::unordered_set<uint64_t> keys;
    keys.reserve(options_.edges * 2);
    std::vector<uint64_t> all;
    const uint64_t relations = std::size(kRelations);
    while (options_.documents ? by_document_.size() < options_.documents
                              : keys.size() < options_.edges) {
      std::vector<uint64_t> cast;
      const uint64_t size = 15 + uniform(26);
      while (cast.size() < size) {
        const uint64_t e = popularity_(rng_);
        if (std::find(cast.begin(), cast.end(), e) == cast.end()) cast.push_back(e);
      }
      std::vector<uint64_t>& doc = by_document_.emplace_back();
      const uint64_t facts = options_.triples_per_document / 2 + uniform(options_.triples_per_document);
      for (uint64_t f = 0; f < facts && (options_.documents || keys.size() < options_.edges); ++f) {
        if (!all.empty() && uniform(5) == 0) {
          doc.push_back(all[uniform(all.size())]);
          continue;
        }
        for (int attempt = 0; attempt < 20; ++attempt) {
          const uint64_t s = cast[uniform(cast.size())];
          const uint64_t o = cast[uniform(cast.size())];
          if (s == o) continue;
          const uint64_t key = (s << 40) | (o << 8) | uniform(relations);
          if (!keys.insert(key).second) continue;
          all.push_back(key);
          doc.push_back(key);
          break;
        }
      }
    }
    document_count_ = by_document_.size();
    edge_count_ = keys.size();
  }

  void write_documents() {
    std::filesystem::create_directories(options_.out);
    std::vector<std::ofstream> files;
    for (uint64_t f = 0; f < options_.files; ++f) {
      char name[64];
      std::snprintf(name, sizeof name, "/shard-%03llu.jsonl", static_cast<unsigned long long>(f));
      files.emplace_back(options_.out + name, std::ios::binary);
    }
    std::string line;
    uint64_t triples = 0;
    for (uint64_t d = 0; d < document_count_; ++d) {
      const DocumentResult doc = make_document(d);
      triples += doc.triples.size();
      line.clear();
      kg::extract::append_map_record(doc, line);
      files[d % options_.files] << line;
      if ((d + 1) % 2000 == 0) {
        std::cerr << "generate_maps: " << d + 1 << "/" << document_count_ << " documents\n";
      }
    }
    for (auto& f : files) {
      f.flush();
      if (!f) {
        std::cerr << "generate_maps: writing failed\n";
        std::exit(1);
      }
    }
    std::cerr << "generate_maps: " << entities_.size() << " entities, " << edge_count_
              << " edges, " << triples << " triples in " << document_count_ << " documents, "
              << options_.files << " files under " << options_.out << "\n";
  }

  DocumentResult make_document(uint64_t d) {
    DocumentResult r;
    char id[32];
    std::snprintf(id, sizeof id, "doc-%06llu", static_cast<unsigned long long>(d));
    r.document.id = id;
    r.document.name = std::string(id) + ".txt";
    r.document.title = "Report " + std::to_string(d);
    r.document.source = "Outlet " + std::to_string(d % 50);
    std::unordered_map<uint64_t, int> local_of;  // global entity -> local index
    std::unordered_map<uint64_t, std::string> variant_of;  // global entity -> name used here
    auto local_entity = [&](uint64_t g) {
      auto [it, inserted] = local_of.try_emplace(g, static_cast<int>(r.entities.size()));
      if (inserted) {
        const Entity& e = entities_[g];
        std::string name = e.name;
        if (options_.variants && !e.short_name.empty() && uniform(100) < options_.variants) {
          if (e.type != EntityType::kPerson) {
            name = e.short_name;  // the acronym alone
          } else if (uniform(2) == 0) {
            name = e.short_name;  // the bare surname
          } else if (static_cast<unsigned char>(name.back()) >= 0x80) {
            name = e.short_name;  // (no ASCII letter at the end to misspell)
          } else if (uniform(2) == 0) {
            name += name.back();  // a misspelling: the last letter doubled
          } else {
            name.back() = name.back() == 'x' ? 'q' : 'x';  // a misspelling: the last letter
          }
          variant_of.emplace(g, name);
        }
        r.entities.push_back({name, e.type, {}});
      }
      return it->second;
    };
    std::string& text = r.document.text;
    auto add_sentence = [&](const std::string& s) {
      if (!text.empty()) text += ' ';
      const auto start = static_cast<uint32_t>(text.size());
      text += s;
      auto& sentence = r.document.sentences.emplace_back();
      sentence.span = Span{start, static_cast<uint32_t>(text.size())};
      sentence.paragraph_start = r.document.sentences.size() == 1;
      return start;
    };
    const std::vector<uint64_t>& keys = by_document_[d];
    for (size_t i = 0; i < keys.size(); ++i) {
      const uint64_t s = keys[i] >> 40;
      const uint64_t o = (keys[i] >> 8) & 0xFFFFFFFF;
      const uint64_t rel = keys[i] & 0xFF;
      const bool first_time_s = !local_of.count(s);
      const bool first_time_o = !local_of.count(o);
      const int ls = local_entity(s);
      const int lo = local_entity(o);
      // Subject and object as written: the full name the first time, else often the short one.
      auto surface = [&](uint64_t g, bool first, LinkRule& rule) {
        const Entity& e = entities_[g];
        if (!first && !e.short_name.empty() && uniform(2) == 0) {
          rule = e.type == EntityType::kPerson ? LinkRule::kSurname : LinkRule::kAcronym;
          return e.short_name;
        }
        rule = first ? LinkRule::kName : LinkRule::kSameName;
        const auto variant = variant_of.find(g);
        return variant == variant_of.end() ? e.name : variant->second;
      };
      LinkRule rule_s = LinkRule::kName;
      LinkRule rule_o = LinkRule::kName;
      const std::string subject = surface(s, first_time_s, rule_s);
      const std::string object = surface(o, first_time_o, rule_o);
      const std::string lead = uniform(3) == 0 ? "According to officials, " : "";
      const std::string tail = std::string(" ") + kPlaces[uniform(std::size(kPlaces))] +
                               (uniform(2) ? ", a move that drew attention from observers." : ".");
      const std::string sentence = lead + subject + " " + kVerbs[rel] + " " + object + tail;
      const uint32_t start = add_sentence(sentence);
      const int index = static_cast<int>(r.document.sentences.size()) - 1;
      const auto s_start = start + static_cast<uint32_t>(lead.size());
      const auto o_start = s_start + static_cast<uint32_t>(subject.size() + 1 + std::strlen(kVerbs[rel]) + 1);
      r.mentions.push_back({ls, index, Span{s_start, s_start + static_cast<uint32_t>(subject.size())}, rule_s});
      r.mentions.push_back({lo, index, Span{o_start, o_start + static_cast<uint32_t>(object.size())}, rule_o});
      kg::extract::Triple t;
      t.subject = ls;
      t.relation = kRelations[rel];
      t.object = lo;
      t.sentence = index;
      t.evidence = r.document.sentences.back().span;
      t.confidence = 0.5 + 0.5 * static_cast<double>(uniform(100)) / 100.0;
      if (uniform(20) == 0) t.modality = "may";
      r.triples.push_back(std::move(t));
      if (uniform(8) == 0) {
        const uint32_t f = add_sentence(kFiller[uniform(std::size(kFiller))]);
        (void)f;
      }
    }
    return r;
  }

  Options options_;
  std::mt19937_64 rng_;
  std::vector<Entity> entities_;
  std::discrete_distribution<uint64_t> popularity_;
  std::vector<std::vector<uint64_t>> by_document_;
  uint64_t document_count_ = 0;
  uint64_t edge_count_ = 0;
};

}  // namespace

int main(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    auto value = [&]() -> uint64_t {
      if (i + 1 >= argc) {
        std::cerr << "generate_maps: " << arg << " needs a value\n";
        std::exit(2);
      }
      return std::strtoull(argv[++i], nullptr, 10);
    };
    if (arg == "--entities") {
      o.entities = value();
    } else if (arg == "--edges") {
      o.edges = value();
    } else if (arg == "--files") {
      o.files = value();
    } else if (arg == "--seed") {
      o.seed = value();
    } else if (arg == "--documents") {
      o.documents = value();
    } else if (arg == "--triples-per-document") {
      o.triples_per_document = value();
    } else if (arg == "--variants") {
      o.variants = value();
    } else if (arg == "--help" || arg == "-h") {
      std::cout << "usage: generate_maps OUTDIR [--entities N] [--edges N] [--files N] [--seed N]\n"
                   "                     [--documents N] [--triples-per-document N] [--variants P]\n";
      return 0;
    } else if (o.out.empty() && arg[0] != '-') {
      o.out = arg;
    } else {
      std::cerr << "generate_maps: unknown argument '" << arg << "'\n";
      return 2;
    }
  }
  if (o.out.empty() || o.files == 0 || o.entities < 2) {
    std::cerr << "usage: generate_maps OUTDIR [--entities N] [--edges N] [--files N] [--seed N]\n";
    return 2;
  }
  Generator(o).run();
  return 0;
}
