#pragma once

#include <vector>

#include "domain/game.h"
#include "domain/season.h"
#include "domain/standing_row.h"
#include "domain/team.h"

namespace nba {

// Derives a season's standings from its games (only those with countsInStandings()).
// Pure function, thread-safe. Returns one row per team in `teams`, ordered East then West,
// each by conference_rank.
//
// Division leader: best percentage, ties by the record among the tied teams.
// Conference rank: by winning percentage; teams level on percentage are ordered with the
// NBA's tiebreakers as far as games can decide them: two teams — head-to-head record, then
// division leader, then division record (same division), then conference record; three or
// more — division leader, then the record in games among the tied teams, then division
// record (all in one division), then conference record. Then point differential, then
// abbreviation. The criteria are evaluated once over the whole tied group (no restart with
// the two-team rules once one team is separated). Not encoded: record against playoff teams
// (the NBA's next criteria). In 2024-25 this gives DEN/LAC/LAL at 50-32 the official
// LAL 3 (division leader), DEN 4 (4-4 among the three), LAC 5 (3-5).
// League rank: by percentage, then point differential, then abbreviation.
// games_back: against the conference leader, ((W1 - W) + (L - L1)) / 2.
std::vector<StandingRow> deriveStandings(Season season, const std::vector<Game>& games,
                                         const std::vector<Team>& teams);

}  // namespace nba
