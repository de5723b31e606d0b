#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/status.h"

namespace nba::ratelimit {

// How many calls a minute one tool takes from a client; the burst is one minute's worth.
// Unset: the tool is not limited.
using PerMinute = std::optional<double>;

// The per-tool buckets (DESIGN §7). Plain value type.
struct ToolLimits {
  bool enabled = true;           // false: no tool is limited (--no-rate-limits)
  PerMinute every_other = 60.0;  // a tool with no line of its own
  std::map<std::string, PerMinute> per_tool;

  // The limit of `tool`.
  PerMinute limitOf(const std::string& tool) const;
};

// The defaults: get_live_scores 10, compare_players 30, answer_nba_question 20, and 60 for
// get_player_stats, get_league_leaders and every other tool.
ToolLimits defaultToolLimits();

// Parses settings like "get_live_scores=10" (calls per minute) and "compare_players=off" over
// `base`, for the tools in `known_tools`. Fails, naming the setting, on an unknown tool, and on
// a rate that is not a number, zero, negative or absurd (over 100,000 a minute).
Result<ToolLimits> applyToolLimitSettings(ToolLimits base, const std::vector<std::string>& settings,
                                          const std::vector<std::string>& known_tools);

// Checks one calls-a-minute figure; `setting` names it in the message.
Status checkPerMinute(double per_minute, const std::string& setting);

}  // namespace nba::ratelimit
