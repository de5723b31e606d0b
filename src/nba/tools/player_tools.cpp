#include "nba/tools/player_tools.h"

namespace nba::tools {

std::vector<NbaTool> playerTools() {
  return {getPlayerStatsTool(), getPlayerCareerTool(), getPlayerGameLogTool(),
          comparePlayersTool()};
}

}  // namespace nba::tools
