#pragma once

#include <string>
#include <vector>

#include "core/status.h"
#include "domain/table.h"
#include "domain/team.h"

namespace nba::tools::teams {

// Small wording and lookup helpers shared by the team tools. Pure; thread-safe.

// How a sentence names a team: its city ("Cleveland"), except the two Los Angeles teams,
// which are named in full so they can never be confused ("LA Clippers").
std::string teamShortName(const Team& team);

// 1 → "1st", 2 → "2nd", 11 → "11th", 23 → "23rd".
std::string ordinal(int n);

// A winning percentage as standings print it: 0.78 → ".780", 1 → "1.000".
std::string formatWinPct(double pct);

// Games behind: 0 → "—", 3 → "3.0", 4.5 → "4.5".
std::string formatGamesBack(double games_back);

// The team with NBA.com abbreviation `abbr` among `teams`; kNotFound when absent.
Result<Team> teamByAbbr(const Rows<Team>& teams, const std::string& abbr);

}  // namespace nba::tools::teams
