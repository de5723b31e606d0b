#pragma once

#include <string>

#include "domain/season.h"

namespace nba {

// A team's place in the standings, derived from the games that count. Records are
// "W-L" strings; streak is "W3" / "L1" ("" before the first game). Value type.
struct StandingRow {
  Season season;
  std::string team;  // NBA.com abbr
  std::string conference, division;
  int w = 0, l = 0;
  double pct = 0;           // w / (w + l), 0 with no games
  double games_back = 0;    // behind the conference leader, in halves (1.5)
  int conference_rank = 0;  // 1..15 with tiebreaks (see standings.h)
  int league_rank = 0;      // 1..30 by W-L (ties by pct then point differential)
  std::string home, road, last10, conference_record, division_record;
  // Games at a neutral site (2025-26's international games, for example): NBA.com counts them
  // in neither home nor road. "0-0" for most teams.
  std::string neutral = "0-0";
  std::string streak;
  int pts_for = 0, pts_against = 0;  // totals over counted games
};

}  // namespace nba
