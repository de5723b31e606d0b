#include "nba/tools/nba_tool.h"

namespace nba::tools {

std::vector<NbaTool> gameTools() { return {}; }

}  // namespace nba::tools
