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
// abbreviation. Once a team is separated from a tie, the teams left start over among
// themselves (two left: the two-team rules), as the NBA's procedure does. Not encoded: record
// against playoff teams (the NBA's next criteria). This gives the official seeds of 2024-25's
// West (DEN/LAC/LAL at 50-32: LAL 3 as division leader, then DEN and LAC 2-2 head-to-head,
// DEN 4 on conference record) and 2023-24's East (ORL/IND/PHI at 47-35: ORL 5 as division
// leader, then IND 6 by beating PHI 2-1).
// League rank: by percentage, then point differential, then abbreviation.
// games_back: against the conference leader, ((W1 - W) + (L - L1)) / 2.
std::vector<StandingRow> deriveStandings(Season season, const std::vector<Game>& games,
                                         const std::vector<Team>& teams);

}  // namespace nba
