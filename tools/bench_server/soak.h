#pragma once

#include <cstdint>
#include <vector>

#include "measurements.h"

namespace nba::bench {

// Memory over a long mixed run: `calls` tools/call requests cycling through every NBA
// tool (answers, errors and bad arguments alike), pipelined, with the server's RSS read
// every `sample_every` replies. A server that keeps nothing per request stays flat
// after its caches warm.
struct SoakResult {
  bool ok = false;
  ReplyChecks checks;  // errors here count JSON-RPC errors only; isError results are fine
  std::uint64_t missing = 0;
  double seconds = 0;
  struct Sample {
    int replies = 0;
    std::int64_t rss_kb = 0;
  };
  std::vector<Sample> samples;
  std::int64_t hwm_kb = 0;
};
SoakResult measureSoak(Session& session, int calls, int sample_every, std::int64_t& next_id);

}  // namespace nba::bench
