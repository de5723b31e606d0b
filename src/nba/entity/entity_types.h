#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace nba::entity {

// A player as the resolver needs him; fed from the snapshot (or a test fixture).
struct PlayerEntry {
  std::string id;         // NBA.com person id ("2544"), or the project's own stable id
  std::string full_name;  // as published, UTF-8 with accents and suffix: "Jimmy Butler III"
  std::string team_abbr;  // current (last) team, NBA.com scheme; "" for free agents/retired
  bool active = false;    // on a roster in the latest season
  double prominence = 0;  // any non-negative "how likely is he meant" score (e.g. points
                          // per game or minutes); compared only between players
};

// A team as the resolver needs it.
struct TeamEntry {
  std::int64_t nba_team_id = 0;  // 1610612747
  std::string abbr;              // NBA.com scheme: "BKN", "CHA", "PHX"
  std::string alt_abbr;    // basketball-reference scheme: "BRK", "CHO", "PHO" (may equal abbr)
  std::string city;        // "Los Angeles", "LA" (NBA.com writes the Clippers' city so)
  std::string nickname;    // "Lakers", "Trail Blazers", "76ers"
  std::string conference;  // "East" | "West"
  std::string division;    // "Atlantic", ...
};

enum class EntityKind { kPlayer, kTeam };

// How a candidate matched, strongest first.
enum class MatchKind {
  kId,            // the NBA.com id itself ("1628983", "1610612738"): findById()
  kExactName,     // full name ("Nikola Jokic", "Boston Celtics", "LA Clippers")
  kAbbreviation,  // team abbreviation of either scheme ("BKN", "BRK")
  kTeamName,      // team nickname alone ("Lakers", "Trail Blazers")
  kNickname,      // player nickname or team slang ("KD", "The Greek Freak", "Dubs")
  kCity,          // team city ("Boston"; "Los Angeles" is ambiguous)
  kLastName,      // last name alone ("Antetokounmpo", "Davis")
  kFirstName,     // first name alone ("Giannis", "Shai")
  kPrefix,        // the query starts a name ("Antetok", "Gilgeous")
  kFuzzy,         // within the typo budget ("Lebron Jame", "Jokc")
};

std::string_view entityKindName(EntityKind kind);  // "player" | "team"
std::string_view matchKindName(MatchKind kind);    // "exact", "abbreviation", ...

// One ranked answer.
struct Candidate {
  EntityKind kind = EntityKind::kPlayer;
  std::string id;            // player id, or the NBA.com team id as decimal text
  std::string display_name;  // "Nikola Jokić", "Los Angeles Lakers"
  std::string team;          // team abbreviation (the player's team, or the team's own)
  double confidence = 0;     // 0..1; 1 = exact
  MatchKind match = MatchKind::kExactName;
};

// The answer to one query. `candidates` is ranked best first. When `ambiguous` is set the
// resolver found no basis to prefer the first candidate over the second (e.g. "LA" → Lakers
// and Clippers): callers must ask the user instead of using candidates[0]. `note` explains
// a non-obvious choice, the ambiguity or the miss, in one sentence for people.
// `did_you_mean` holds display names of near misses when nothing matched.
struct Resolution {
  std::vector<Candidate> candidates;
  bool ambiguous = false;
  std::string note;
  std::vector<std::string> did_you_mean;

  // The chosen candidate, or nullptr when there is none or the result is ambiguous.
  const Candidate* best() const {
    return candidates.empty() || ambiguous ? nullptr : &candidates.front();
  }
};

}  // namespace nba::entity
