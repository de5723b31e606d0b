#pragma once

#include "nba/tools/nba_tool.h"

namespace nba::tools {

// get_awards: award winners and voting of a season, one award, or every award entry of one
// player. Listed by leagueTools().
NbaTool awardsTool();

}  // namespace nba::tools
