#include "nba/tools/team_tools.h"

namespace nba::tools {

std::vector<NbaTool> teamTools() {
  return {teamStandingsTool(), teamStatsTool(), compareTeamsTool(), teamRankingsTool()};
}

}  // namespace nba::tools
