#pragma once

#include "nba/tools/nba_tool.h"

namespace nba::tools {

// The team tools, one per file; teamTools() (team_tools.cpp) lists them in order.
NbaTool teamStandingsTool();  // get_team_standings (team_standings_tool.cpp)
NbaTool teamStatsTool();      // get_team_stats (team_stats_tool.cpp)
NbaTool compareTeamsTool();   // compare_teams (compare_teams_tool.cpp)
NbaTool teamRankingsTool();   // get_team_rankings (team_rankings_tool.cpp)

}  // namespace nba::tools
