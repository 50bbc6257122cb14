#pragma once
// Scoring kg's facts against hand-written golden facts (tests/golden/*.tsv), with the matching
// rule of tests/golden/README.md: names compared after normalisation (case, dots, possessive,
// leading "the"), a golden alias also matching a longer kg name with the same last word that
// contains all its words ("former officials" ~ "former senior U.S. national security
// officials"), relations compared by synonym class (roles by their head noun), the
// meet/talk class in either direction, and polarity (negated or not) equal.

#include <string>
#include <vector>

namespace kg::golden {

struct Fact {
  std::string document;
  std::string subject;
  std::string relation;
  std::string object;
  bool negated = false;
};

// One golden fact: alternatives for each name ("Sergey Lavrov|Lavrov").
struct GoldenFact {
  std::string document;
  std::vector<std::string> subjects;
  std::string relation;
  std::vector<std::string> objects;
  bool negated = false;
  int line = 0;
};

// Reads the TSV (document, subject, relation, object, polarity + or -); '#' lines are
// comments. Throws std::runtime_error naming the line on a malformed one.
std::vector<GoldenFact> read_golden(const std::string& path);

bool names_match(const std::string& golden, const std::string& kg);
bool relations_match(const std::string& golden, const std::string& kg);
bool matches(const GoldenFact& golden, const Fact& fact);

struct Score {
  int golden = 0;          // golden facts
  int found = 0;           // golden facts matched by at least one kg fact
  int facts = 0;           // distinct kg facts in the golden documents
  int correct = 0;         // kg facts matching at least one golden fact
  std::vector<const GoldenFact*> missed;
  std::vector<Fact> wrong;
  double recall() const { return golden ? static_cast<double>(found) / golden : 0.0; }
  double precision() const { return facts ? static_cast<double>(correct) / facts : 0.0; }
};

// Scores `facts` (only those of documents that have golden facts count) against `golden`.
Score score(const std::vector<GoldenFact>& golden, const std::vector<Fact>& facts);

// A report of the score with every missed and wrong fact, for test failure messages.
std::string report(const Score& score);

}  // namespace kg::golden
