#include "nba/tools/nba_tool.h"

namespace nba::tools {

std::vector<NbaTool> teamTools() { return {}; }

}  // namespace nba::tools
