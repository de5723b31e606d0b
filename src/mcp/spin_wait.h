#pragma once

#include <chrono>
#include <thread>

namespace nba::mcp {

// How long a pool worker that has just finished a task polls for more (yielding the CPU
// between looks) before it sleeps. Waking a sleeping thread on an idle (virtual) CPU costs
// 40-100 us here, more than a whole trivial call, and workers only have work in a burst
// (a lone call runs on the thread that read it), whose next task comes within
// microseconds. nba-mcp-bench-server measured server-added get_server_stats p50 32.6 ->
// 14.7 us back to back when the workers started polling (50 us of polling before). The
// cost is at most 2 ms of CPU per burst, and none while idle (0 ticks over 2 idle seconds).
inline constexpr auto kWorkerSpinBeforeSleep = std::chrono::microseconds(2000);

// How long the thread reading the input polls for the next request before it sleeps on
// the input. Long enough to catch a client sending its next request as soon as it has the
// reply (back to back, within ~30 us); short enough to be asleep when a client paces its
// requests (a host's 1 ms cadence). Asleep, the reader is woken by the client's write onto
// the client's own CPU, like `cat`, and its reply then wakes the client there, where it
// is cheap; a reader still polling on the other CPU must wake the client across CPUs
// instead. nba-mcp-bench-server with a 1 ms gap, server-added p50 over the echo: 2 ms of
// polling -> 100 us, get_server_stats 75-83 -> 52-60 us, get_league_leaders beyond its
// handler 61-68 -> 25-42 us; back to back unchanged within the noise.
inline constexpr auto kReaderSpinBeforeSleep = std::chrono::microseconds(100);

// Polls `ready` until it returns true (then true) or `spin` has passed (false).
// Reads steady_clock itself rather than an injected Clock (with the server's shutdown,
// the one exception outside core and app): the bound is CPU scheduling, not a time the
// server reports or reasons about, and must not follow a test clock — a FakeClock that
// never advances would spin for ever — nor pay a virtual call per look.
template <typename Ready>
bool spinUntil(std::chrono::microseconds spin, Ready ready) {
  const auto until = std::chrono::steady_clock::now() + spin;
  do {
    if (ready()) {
      return true;
    }
    std::this_thread::yield();  // let the threads with work run on a busy core
  } while (std::chrono::steady_clock::now() < until);
  return false;
}

}  // namespace nba::mcp
