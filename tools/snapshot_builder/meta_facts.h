#pragma once

#include <cstddef>
#include <map>
#include <string>

#include "build_inputs.h"
#include "core/status.h"
#include "team_directory.h"

namespace nba::builder {

// The dates and counts meta.tsv and README.md state, each derived from the reference data
// rather than written by hand. Value type.
struct MetaFacts {
  std::map<int, std::string> last_game_date;  // season start year -> last date in its games
  std::size_t game_log_players = 0;           // distinct players in the 2023-24 game logs
  std::size_t neutral_site_games_2025 = 0;    // 2025-26 games of game_type neutral site
  std::size_t corrected_scores_2024 = 0;      // derived 2024-25 games whose score differs
                                              // from the fixturedownload.com row they cite
  // The 2025-26 team lines (bbref) were taken after the games table ends and count more games.
  // `as_of` is the latest date the data proves they include: the later of (a) the games
  // table's last date plus the most games any team's line has beyond the table (a team plays
  // at most once a day) and (b) for each team whose later schedule the data has (NBA.com
  // playernextngames), the date of the last game its line counts. The note says how it was
  // derived and the upper bound the first uncounted known game gives.
  std::string team_lines_as_of_2025;
  std::string team_lines_note_2025;
};

// kDataLoss when the sources disagree in a way the derivation cannot explain (a team line with
// fewer games than the table, a 2024-25 game citing no fixturedownload row, ...).
Result<MetaFacts> deriveMetaFacts(const BuildInputs& in, const TeamDirectory& teams);

}  // namespace nba::builder
