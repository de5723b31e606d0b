#include "nba/tools/awards_tool.h"
#include "nba/tools/league_leaders_tool.h"
#include "nba/tools/nba_tool.h"

namespace nba::tools {

std::vector<NbaTool> leagueTools() { return {leagueLeadersTool(), awardsTool()}; }

}  // namespace nba::tools
