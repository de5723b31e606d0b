#include "nba/tools/nba_tool.h"

namespace nba::tools {

std::vector<NbaTool> allNbaTools() {
  std::vector<NbaTool> all;
  for (auto group : {entityTools, playerTools, leagueTools, teamTools, gameTools}) {
    for (auto& tool : group()) {
      all.push_back(std::move(tool));
    }
  }
  return all;
}

}  // namespace nba::tools
