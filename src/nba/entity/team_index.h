#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/status.h"
#include "nba/entity/entity_types.h"
#include "nba/entity/fuzzy_index.h"
#include "nba/entity/match_set.h"
#include "nba/entity/name_query.h"

namespace nba::entity {

// Finds teams by full name ("Los Angeles Lakers", "LA Clippers"), abbreviation of either
// scheme ("BKN"/"BRK", "PHX"/"PHO"), nickname ("Lakers"), slang ("Dubs", "Clips", see
// team_aliases.h), city ("Boston") and typos ("Celtcs"). Both spellings of a shared city
// ("LA", "Los Angeles") map to every team there with equal confidence, so a bare city that
// two teams share always comes out ambiguous.
//
// Immutable after build(); safe for concurrent match()/suggest() calls.
class TeamIndex {
 public:
  // Fails with InvalidArgument when a team lacks an abbreviation, city or nickname, or an id
  // or abbreviation is used twice.
  static Result<TeamIndex> build(std::vector<TeamEntry> teams);

  // Candidates for `query` (not yet ranked or truncated). With `allow_fuzzy` false the typo
  // stage is skipped.
  std::vector<Candidate> match(const NameQuery& query, bool allow_fuzzy) const;

  // Up to `max` display names of teams near `query` with a looser typo budget.
  std::vector<std::string> suggest(const NameQuery& query, std::size_t max) const;

  // The team with this NBA.com id, as an exact candidate (MatchKind::kId); nullopt when none.
  std::optional<Candidate> findById(std::string_view id) const;

  std::size_t size() const { return teams_.size(); }

 private:
  struct Record {
    TeamEntry entry;
    std::string id;            // nba_team_id as text
    std::string display_name;  // "LA Clippers"
  };
  struct KeyHit {
    std::uint32_t team;
    MatchKind match;
    double confidence;
  };

  void addKey(std::string_view text, std::uint32_t team, MatchKind match, double confidence);
  void indexTeam(std::uint32_t team);
  void indexAliases();

  std::vector<Record> teams_;
  std::unordered_map<std::string, std::vector<KeyHit>> keys_;
  std::vector<std::pair<std::string, std::uint32_t>> fuzzy_entries_;
  FuzzyIndex fuzzy_keys_;
};

}  // namespace nba::entity
