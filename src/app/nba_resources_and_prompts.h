#pragma once

#include "core/status.h"
#include "mcp/server.h"
#include "nba/tools/tool_env.h"

namespace nba::app {

// The non-tool MCP features over the NBA data (DESIGN §2): resources nba://teams and
// nba://players/{id}; prompts scouting_report(player) and matchup_preview(team_a,
// team_b); completion of player and team names for those arguments. `env` must outlive
// the server.
Status registerNbaResources(mcp::McpServer& server, const tools::ToolEnv& env);
Status registerNbaPrompts(mcp::McpServer& server, const tools::ToolEnv& env);

// Names (or ids) starting with what the user typed, accent- and case-insensitively,
// matching the full name or any later word ("jok" → "Nikola Jokić"); active and
// prominent players first. At most `limit`.
std::vector<std::string> completePlayerNames(const tools::ToolEnv& env, const std::string& typed,
                                             std::size_t limit);
// Player ids for nba://players/{id}: ids starting with `typed`, or ids of players whose
// name matches as above.
std::vector<std::string> completePlayerIds(const tools::ToolEnv& env, const std::string& typed,
                                           std::size_t limit);
std::vector<std::string> completeTeamNames(const tools::ToolEnv& env, const std::string& typed,
                                           std::size_t limit);

}  // namespace nba::app
