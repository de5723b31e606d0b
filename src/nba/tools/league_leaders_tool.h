#pragma once

#include "nba/tools/nba_tool.h"

namespace nba::tools {

// get_league_leaders: a ranked board of one stat (ties share a rank) under the NBA's
// qualification rules (leaders_qualification.h), for the league, a conference or a team.
// Listed by leagueTools().
NbaTool leagueLeadersTool();

}  // namespace nba::tools
