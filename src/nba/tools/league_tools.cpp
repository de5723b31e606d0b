#include "nba/tools/nba_tool.h"

namespace nba::tools {

std::vector<NbaTool> leagueTools() { return {}; }

}  // namespace nba::tools
