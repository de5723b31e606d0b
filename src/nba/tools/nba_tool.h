#pragma once

#include <functional>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "nba/tools/tool_answer.h"
#include "nba/tools/tool_env.h"

namespace nba::tools {

// One NBA tool as data (name, texts, handler). Its JSON Schemas live in
// schemas/<name>.input.json and schemas/<name>.output.json; the server validates the
// arguments against the input schema before `run` sees them, so `run` may rely on types,
// ranges and required members (it still resolves names, seasons, dates). Every NBA tool's
// `run` is a TypedHandler (typed_tool.h): its arguments are decoded into a struct of its own
// once, before the tool's own tables are read, and the rest of the tool works on that struct.
struct NbaTool {
  std::string name;
  std::string title;
  std::string description;
  bool open_world = false;  // true when the data may come live from NBA.com
  std::function<ToolAnswer(const nlohmann::json& arguments, const ToolEnv& env)> run;
};

// Every NBA tool, in listing order. Each group lives in its own file.
std::vector<NbaTool> allNbaTools();
std::vector<NbaTool> entityTools();  // resolve_entity
std::vector<NbaTool> playerTools();  // get_player_stats, get_player_career,
                                     // get_player_game_log, compare_players
std::vector<NbaTool> leagueTools();  // get_league_leaders, get_awards
std::vector<NbaTool> teamTools();    // get_team_standings, get_team_stats, compare_teams
std::vector<NbaTool> gameTools();    // get_live_scores, get_head_to_head, get_schedule,
                                     // get_box_score

}  // namespace nba::tools
