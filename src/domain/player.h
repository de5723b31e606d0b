#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace nba {

// A player known to the data. `player_id` is the project's id: the NBA.com person id in
// decimal ("1628983") when the player was matched to NBA.com, otherwise "bbref:<slug>"
// ("bbref:gilgesh01"); it is stable across snapshot rebuilds. Value type.
struct Player {
  std::string player_id;
  std::optional<std::int64_t> nba_id;  // NBA.com PERSON_ID when known
  std::string bbref_id;                // basketball-reference slug, empty when unknown
  std::string name;                    // display name, with diacritics: "Nikola Jokić"
  std::string nba_name;                // NBA.com's display name when it differs, else empty
  std::string position;                // latest listed: "PG", "SF-PF", "G", ...; may be empty
  std::optional<int> height_in;        // inches
  std::optional<int> weight_lb;        // pounds
  std::string birth_date;              // "1998-07-12" or empty
  std::optional<int> from_year;        // first season's start year
  std::optional<int> to_year;          // last season's start year seen in any source
  bool active = false;                 // has 2025-26 data (played or rostered)
  std::string last_team;               // NBA.com abbr of his latest team, may be empty
  int prominence = 0;                  // total points over the snapshot's seasons
};

}  // namespace nba
