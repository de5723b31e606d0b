#pragma once

#include "nba/tools/nba_tool.h"

namespace nba::tools {

// The game tools, one per file; gameTools() lists them.
NbaTool liveScoresTool();  // get_live_scores
NbaTool headToHeadTool();  // get_head_to_head
NbaTool scheduleTool();    // get_schedule
NbaTool boxScoreTool();    // get_box_score

}  // namespace nba::tools
