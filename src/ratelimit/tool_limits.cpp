#include "ratelimit/tool_limits.h"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdlib>

namespace nba::ratelimit {
namespace {

constexpr double kMostPerMinute = 100'000;

std::string joined(const std::vector<std::string>& names) {
  std::string text;
  for (const auto& name : names) text += (text.empty() ? "" : ", ") + name;
  return text;
}

// strtod over the whole text; nullopt when any of it is not part of the number.
std::optional<double> parseNumber(const std::string& text) {
  if (text.empty()) return std::nullopt;
  errno = 0;
  char* end = nullptr;
  const double value = std::strtod(text.c_str(), &end);
  if (end != text.c_str() + text.size() || errno == ERANGE) return std::nullopt;
  return value;
}

}  // namespace

PerMinute ToolLimits::limitOf(const std::string& tool) const {
  if (!enabled) return std::nullopt;
  const auto own = per_tool.find(tool);
  return own != per_tool.end() ? own->second : every_other;
}

ToolLimits defaultToolLimits() {
  ToolLimits limits;
  limits.per_tool = {{"get_live_scores", 10.0},
                     {"get_player_stats", 60.0},
                     {"get_league_leaders", 60.0},
                     {"compare_players", 30.0},
                     {"answer_nba_question", 20.0}};
  return limits;
}

Status checkPerMinute(double per_minute, const std::string& setting) {
  if (std::isnan(per_minute) || per_minute <= 0 || per_minute > kMostPerMinute) {
    return invalidArgument(setting +
                           ": a rate must be a number of calls a minute above 0 and at most " +
                           std::to_string(static_cast<int>(kMostPerMinute)));
  }
  return Status::ok();
}

Result<ToolLimits> applyToolLimitSettings(ToolLimits base, const std::vector<std::string>& settings,
                                          const std::vector<std::string>& known_tools) {
  for (const std::string& setting : settings) {
    const std::string named = "rate limit '" + setting + "'";
    const auto equals = setting.find('=');
    if (equals == std::string::npos) {
      return invalidArgument(named +
                             " is not TOOL=CALLS_PER_MINUTE or TOOL=off, e.g. get_live_scores=10");
    }
    const std::string tool = setting.substr(0, equals);
    const std::string value = setting.substr(equals + 1);
    if (std::find(known_tools.begin(), known_tools.end(), tool) == known_tools.end()) {
      std::string message = named;
      message += ": there is no tool '" + tool + "'. Tools: ";
      message += joined(known_tools);
      return invalidArgument(std::move(message));
    }
    if (value == "off") {
      base.per_tool[tool] = std::nullopt;
      continue;
    }
    const auto per_minute = parseNumber(value);
    if (!per_minute) {
      std::string message = named;
      message += ": '" + value + "' is not a number of calls a minute or 'off'";
      return invalidArgument(std::move(message));
    }
    if (Status checked = checkPerMinute(*per_minute, named); !checked.isOk()) {
      return invalidArgument(checked.message() + " (or 'off' to switch the tool's limit off)");
    }
    base.per_tool[tool] = *per_minute;
  }
  return base;
}

}  // namespace nba::ratelimit
