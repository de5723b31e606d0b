#include "nlq/synthesizer/answer_json.h"

#include <algorithm>

namespace nba::nlq {

using nlohmann::json;

json entitiesJson(const QuerySlots& slots) {
  json players = json::array();
  for (const PlayerMention& p : slots.players) {
    json item = {{"text", p.text}, {"ambiguous", p.ambiguous}};
    if (!p.ambiguous) item.update({{"id", p.id}, {"name", p.display_name}, {"team", p.team}});
    if (p.ambiguous) item["candidates"] = p.candidates;
    players.push_back(std::move(item));
  }
  json teams = json::array();
  for (const TeamMention& t : slots.teams) {
    json item = {{"text", t.text}, {"ambiguous", t.ambiguous}};
    if (!t.ambiguous) item.update({{"id", t.id}, {"name", t.display_name}, {"abbr", t.abbr}});
    if (t.ambiguous) item["candidates"] = t.candidates;
    teams.push_back(std::move(item));
  }
  return {{"players", std::move(players)}, {"teams", std::move(teams)}};
}

json resultsJson(const std::vector<CallResult>& results, std::string* season, std::string* as_of) {
  json out = json::array();
  for (const CallResult& result : results) {
    json item = {{"tool", result.call.tool},
                 {"arguments", result.call.arguments},
                 {"intent", result.call.intent},
                 {"is_error", result.outcome.is_error}};
    if (result.outcome.is_error) {
      item["error"] = result.outcome.text;
    } else {
      item["result"] = result.outcome.structured;
      const json& s = result.outcome.structured;
      if (auto it = s.find("season"); season->empty() && it != s.end() && it->is_string()) {
        *season = it->get<std::string>();
      }
      if (auto it = s.find("as_of"); it != s.end() && it->is_string()) {
        *as_of = std::max(*as_of, it->get<std::string>());
      }
    }
    out.push_back(std::move(item));
  }
  return out;
}

}  // namespace nba::nlq
