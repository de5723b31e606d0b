#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/status.h"
#include "nba/entity/entity_types.h"
#include "nba/entity/fuzzy_index.h"
#include "nba/entity/match_set.h"
#include "nba/entity/name_query.h"

namespace nba::entity {

// Finds players by name: exact full name, nickname, last name, first name, first-name
// prefix + last name ("Steph Curry"), name prefix ("Antetok") and typos ("Jokc").
// Precomputes every normalized key at build(), so a lookup is a few hash probes plus, only
// when nothing exact matched, a bounded fuzzy scan (see fuzzy_index.h).
// When several players match the same way (the Davises), the active and more prominent one
// ranks first; if nothing clearly separates the top two (same activity, the second at least
// 55 % as prominent: Amen and Klay Thompson, Jamal and Keegan Murray), their confidences tie
// and the resolution comes out ambiguous — a question back beats an answer about the wrong
// player. One far ahead (Stephen over Seth Curry) is chosen, and the note says so.
//
// Immutable after build(); safe for concurrent match()/suggest() calls.
class PlayerIndex {
 public:
  // Fails with InvalidArgument when an entry has no id, a name without letters, or an id
  // used twice (the message names the entry).
  static Result<PlayerIndex> build(std::vector<PlayerEntry> players);

  // Candidates for `query` (not yet ranked or truncated). With `allow_fuzzy` false the
  // prefix and typo stages are skipped (used when a team already matched exactly).
  std::vector<Candidate> match(const NameQuery& query, bool allow_fuzzy) const;

  // Up to `max` display names of players whose name tokens are near `query` with a looser
  // budget than match() allows: the "did you mean" list for a miss.
  std::vector<std::string> suggest(const NameQuery& query, std::size_t max) const;

  // The player with this id, as an exact candidate (MatchKind::kId); nullopt when none.
  std::optional<Candidate> findById(std::string_view id) const;

  std::size_t size() const { return players_.size(); }

 private:
  struct Record {
    PlayerEntry entry;
    std::string first_compact;  // "pj", "karlanthony"
    std::string last_compact;   // "washington", "gilgeousalexander"
    std::string full_compact;   // "pjwashington"
  };
  using KeyIndex = std::unordered_map<std::string, std::vector<std::uint32_t>>;

  void indexRecord(std::uint32_t index, const std::vector<std::string>& first_tokens,
                   const std::vector<std::string>& last_tokens);
  void indexNicknames();
  void buildSearchStructures();

  void matchExactKeys(const NameQuery& query, MatchSet* found) const;
  void matchFirstPrefixAndLast(const NameQuery& query, MatchSet* found) const;
  void matchPrefix(const NameQuery& query, MatchSet* found) const;
  void matchFuzzy(const NameQuery& query, MatchSet* found) const;
  void scoreFuzzy(const NameQuery& query, std::uint32_t player, MatchSet* found) const;
  void offerAll(const KeyIndex& index, const std::string& key, double confidence, MatchKind match,
                MatchSet* found) const;
  void preferActiveAndProminent(std::vector<ScoredMatch>* matches) const;
  bool clearlyPreferred(const Record& a, const Record& b) const;

  std::vector<Record> players_;
  std::unordered_map<std::string, std::uint32_t> by_id_;
  KeyIndex full_names_;
  KeyIndex last_names_;
  KeyIndex last_name_parts_;
  KeyIndex first_names_;
  KeyIndex nicknames_;
  std::vector<std::pair<std::string, std::uint32_t>> sorted_keys_;  // for prefix search
  FuzzyIndex name_tokens_;
  std::vector<std::pair<std::string, std::uint32_t>> token_entries_;  // input to name_tokens_
};

}  // namespace nba::entity
