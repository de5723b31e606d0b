#include "handler_time.h"

#include <nlohmann/json.hpp>
#include <string>

namespace nba::bench {

std::optional<HandlerTime> readHandlerTime(Session& session, std::string_view tool,
                                           std::int64_t& next_id) {
  const std::int64_t id = next_id++;
  std::string request;
  appendRequest(request, kToolCallRequest, id);
  ReplyChecks checks;
  std::string reply;
  if (!session.send(request) || !session.awaitReply(id, checks, &reply) || checks.errors != 0) {
    return std::nullopt;
  }
  const auto parsed = nlohmann::json::parse(reply, nullptr, /*allow_exceptions=*/false);
  const nlohmann::json::json_pointer path("/result/structuredContent/tools");
  if (parsed.is_discarded() || !parsed.contains(path) || !parsed.at(path).is_array()) {
    return std::nullopt;
  }
  HandlerTime time;
  for (const auto& entry : parsed.at(path)) {
    if (entry.value("tool", "") != tool) continue;
    time.calls = entry.value("calls", std::uint64_t{0});
    time.total_us = entry.value("mean_ms", 0.0) * 1000.0 * static_cast<double>(time.calls);
  }
  return time;
}

double meanHandlerUs(const HandlerTime& before, const HandlerTime& after) {
  if (after.calls <= before.calls) return 0;
  return (after.total_us - before.total_us) / static_cast<double>(after.calls - before.calls);
}

}  // namespace nba::bench
