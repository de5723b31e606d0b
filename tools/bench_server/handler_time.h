#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "session.h"

namespace nba::bench {

// A tool's client calls so far and the time its handler spent on them, as the server's
// get_server_stats reports (calls and mean_ms).
struct HandlerTime {
  std::uint64_t calls = 0;
  double total_us = 0;
};

// Asks the server (one get_server_stats call) how long `tool`'s handler has run so far;
// nullopt when the reply cannot be read. A tool not called yet has zero calls.
std::optional<HandlerTime> readHandlerTime(Session& session, std::string_view tool,
                                           std::int64_t& next_id);

// The mean handler time of the calls between two readings; 0 when none ran the handler (the
// result memo answered them all).
double meanHandlerUs(const HandlerTime& before, const HandlerTime& after);

}  // namespace nba::bench
