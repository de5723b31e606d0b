#include "nba/tools/nba_tool.h"

namespace nba::tools {

std::vector<NbaTool> playerTools() { return {}; }

}  // namespace nba::tools
