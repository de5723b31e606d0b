#include "nlq/planner/plan_json.h"

namespace nba::nlq {

using nlohmann::json;

json toJson(const Plan& plan) {
  json calls = json::array();
  for (const PlannedCall& c : plan.calls) {
    calls.push_back(
        {{"tool", c.tool}, {"arguments", c.arguments}, {"group", c.group}, {"intent", c.intent}});
  }
  json out = {{"calls", std::move(calls)}};
  if (!plan.missing.empty()) out["missing"] = plan.missing;
  if (!plan.notes.empty()) out["notes"] = plan.notes;
  if (!plan.suggestions.empty()) out["suggestions"] = plan.suggestions;
  return out;
}

}  // namespace nba::nlq
