#pragma once

#include "nba/tools/nba_tool.h"

namespace nba::tools {

// The player tools, one file each; playerTools() lists them in this order.
NbaTool getPlayerStatsTool();
NbaTool getPlayerCareerTool();
NbaTool getPlayerGameLogTool();
NbaTool comparePlayersTool();

}  // namespace nba::tools
