#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "domain/player_season_line.h"
#include "domain/rows.h"
#include "nba/stats/stat_catalog.h"

namespace nba::tools {

// Who may appear on a league-leaders board (DESIGN §3, the NBA's published rules):
// * per-game (and per-36) categories: 70 % of the team's games, ceil(0.7 × team games)
//   (58 of 82; pro-rated in a season in progress). A player below it still qualifies when his
//   total spread over that many games is at least the qualified leader's value — the NBA's
//   "would still lead" exception, applied to per-game counting stats only;
// * FG% (and eFG%, TS%): 300 made field goals; FT%: 125 made free throws; 3P%: 82 made threes;
//   each pro-rated by team games / 82 in a season in progress;
// * totals (and GP, GS, WS): no minimum.
// `min_games` given by the caller replaces the games rule (no exception) and adds a games
// filter to the made-shot and no-minimum rules. Value type.
struct QualificationRule {
  enum class Kind { kNone, kGames, kMade };
  Kind kind = Kind::kNone;
  int min_games = 0;      // games needed (kGames), or the caller's filter (0 = none)
  int min_made = 0;       // kMade: makes needed
  std::string made_code;  // kMade: "FGM" | "FG3M" | "FTM"
  bool spread_exception = false;
  bool overridden = false;  // min_games came from the caller
  int team_games = 82;      // the basis of the pro-rating
  std::string description;  // one sentence for the answer
  // The playoffs: each player's minimums come from his own team's playoff games, by abbr;
  // team_games and min_games above then describe the deepest run. Empty in a regular season.
  std::map<std::string, int> games_by_team;
  int full_season_made = 0;  // kMade: the 82-game makes the per-team minimums pro-rate
};

// The rule for `stat` in `mode` when teams have played `team_games` games (82 when complete).
QualificationRule qualificationFor(const stats::StatDef& stat, stats::PerMode mode, int team_games,
                                   std::optional<int> min_games);

// The playoff rule for `stat` in `mode` over the season's playoff `lines`: teams play 4 to 28
// playoff games, so the NBA's 70 % (and the pro-rated makes) apply to each player's own team's
// playoff games, taken as the most games any of its players played.
QualificationRule playoffQualificationFor(const stats::StatDef& stat, stats::PerMode mode,
                                          const Rows<PlayerSeasonLine>& lines,
                                          std::optional<int> min_games);

// A line that made the board, with its value in the requested mode.
struct QualifiedLine {
  const PlayerSeasonLine* line = nullptr;
  double value = 0;           // as the source publishes it, for showing
  double unrounded = 0;       // what the board ranks on (stats::UnroundedStat)
  bool by_exception = false;  // below the games minimum, in by the "would still lead" rule
};

// The lines of `lines` that qualify under `rule` and have a value for `stat`, unsorted.
// Pointers refer into `lines`. Pure; thread-safe.
std::vector<QualifiedLine> qualifiedLines(const Rows<PlayerSeasonLine>& lines,
                                          const stats::StatDef& stat, stats::PerMode mode,
                                          const QualificationRule& rule);

// The makes a made-shot rule counts on a line (FGM, FG3M or FTM); 0 for anything else.
int madeCount(const PlayerSeasonLine& line, const std::string& made_code);

}  // namespace nba::tools
