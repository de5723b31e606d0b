#include "nba/tools/game_tools.h"

#include "nba/tools/nba_tool.h"

namespace nba::tools {

std::vector<NbaTool> gameTools() {
  return {liveScoresTool(), headToHeadTool(), scheduleTool(), boxScoreTool()};
}

}  // namespace nba::tools
