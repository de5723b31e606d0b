#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "session.h"
#include "stats.h"

namespace nba::bench {

using Command = std::vector<std::string>;

// exec → initialize reply, over `spawns` fresh processes (after `warmup` more).
struct StartupResult {
  bool ok = false;
  std::string error;
  Summary ms;
};
StartupResult measureStartup(const Command& server, int warmup, int spawns);

// VmRSS and VmHWM of a process, in kB (nothing when /proc cannot be read).
struct Memory {
  std::int64_t rss_kb = 0;
  std::int64_t hwm_kb = 0;
};
std::optional<Memory> readMemory(pid_t pid);

// User + system CPU time a process has used so far, in seconds (-1 when unreadable).
double readCpuSeconds(pid_t pid);

// Sequential round trips: send one request, wait for its reply, then wait `gap` before the
// next (0: back to back; 1 ms: a real client's cadence, where the server's threads park
// between requests and each hop pays a wake-up).
struct RoundTripResult {
  bool ok = false;
  ReplyChecks checks;
  Summary us;
};
RoundTripResult measureRoundTrips(Session& session, const RequestTemplate& request, int warmup,
                                  int iterations, std::int64_t& next_id,
                                  std::chrono::microseconds gap = std::chrono::microseconds(0));

// Pipelined: a writer thread sends `count` requests while this thread reads replies.
struct ThroughputResult {
  bool ok = false;
  ReplyChecks checks;
  std::uint64_t missing = 0;
  double seconds = 0;
  double calls_per_second = 0;
  double child_cpu_us_per_call = -1;  // the child's user + system CPU per call
};
ThroughputResult measureThroughput(Session& session, const RequestTemplate& request, int count,
                                   std::int64_t& next_id);

}  // namespace nba::bench
