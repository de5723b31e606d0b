#pragma once

#include <chrono>
#include <thread>

namespace nba::mcp {

// How long a thread that has just finished its work polls for more (yielding the CPU
// between looks) before it sleeps. Waking a sleeping thread on an idle (virtual) CPU costs
// 40-100 us here, more than a whole trivial call. A host sends its next request within
// about a millisecond of the last reply (an agent reading a result, then calling again),
// so polling 2 ms turns that wake-up into a look: nba-mcp-bench-server measured
// server-added get_server_stats p50 32.6 -> 14.7 us back to back and 109 -> 60 us with a
// 1 ms gap when the pool's workers started polling (50 us of polling before). The cost is
// at most 2 ms of CPU per request burst, and none while idle (0 ticks over 2 idle seconds).
inline constexpr auto kSpinBeforeSleep = std::chrono::microseconds(2000);

// Polls `ready` until it returns true (then true) or kSpinBeforeSleep has passed (false).
// Reads steady_clock itself rather than an injected Clock (with the server's shutdown,
// the one exception outside core and app): the bound is CPU scheduling, not a time the
// server reports or reasons about, and must not follow a test clock — a FakeClock that
// never advances would spin for ever — nor pay a virtual call per look.
template <typename Ready>
bool spinUntil(Ready ready) {
  const auto until = std::chrono::steady_clock::now() + kSpinBeforeSleep;
  do {
    if (ready()) {
      return true;
    }
    std::this_thread::yield();  // let the threads with work run on a busy core
  } while (std::chrono::steady_clock::now() < until);
  return false;
}

}  // namespace nba::mcp
