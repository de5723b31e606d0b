#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <optional>

#include "origin/live/circuit_breaker.h"
#include "origin/live/http_client.h"

namespace nba::live {

// How politely the live source treats NBA.com (DESIGN §5). Defaults are the spec's.
struct PolitenessOptions {
  std::chrono::milliseconds min_interval{600};  // between the starts of two requests
  int max_in_flight = 2;                        // requests waiting on NBA.com at once
  int max_retries = 2;                          // after the first attempt
  std::chrono::milliseconds backoff{500};       // before retry k: backoff * 2^(k-1), jittered
  int breaker_failures = 5;                     // this many failures ...
  std::chrono::seconds breaker_window{60};      // ... within this window open the circuit
  std::chrono::seconds breaker_open{30};        // for this long, then one probe
  // Pacing shared with other processes (the shared tier, issue 16): reserves the next start
  // slot of a budget every process on it shares, `min_interval` apart, and returns how long
  // until it; nullopt when the budget cannot be reached (local pacing alone then applies).
  // Unset: local pacing only.
  std::function<std::optional<std::chrono::milliseconds>()> shared_slot;
};

// Waits `how_long` for `context`'s call, or less: kCancelled / kDeadlineExceeded when the
// call gives up first. Injected so tests step a FakeClock instead of sleeping.
using Waiter = std::function<Status(const CallContext& context, std::chrono::nanoseconds)>;

// The real waiter: sleeps in slices of at most 20 ms, checking the call between them.
Status sleepFor(const CallContext& context, std::chrono::nanoseconds how_long);

// A factor in [0.5, 1.5) for jittering backoffs; injected so tests are repeatable.
using Jitter = std::function<double()>;

// An HttpClient that is polite to the upstream and honest with its callers:
// * pacing: requests start at least `min_interval` apart, across all threads (a caller
//   queues for its slot; cancelling or a deadline ends the wait), and at most
//   `max_in_flight` wait on NBA.com at once (a slow NBA.com is not piled on);
// * retries: on a timeout after connecting, a broken transfer or a 5xx, up to `max_retries`
//   more attempts after a jittered exponential backoff; never on a 4xx, never when the host
//   cannot be reached;
// * a circuit breaker (circuit_breaker.h): timeouts, broken transfers, 5xx, 403 and 429 count
//   as failures; a host that cannot be reached at all opens it at once, so a machine with no
//   network pays one connect timeout, not one per call. While open, get() fails at once.
//
// Its contract is narrower than HttpClient's: a response is returned only for a 2xx status;
// anything else is an error a person can act on, naming the upstream — kUnavailable for an
// upstream that cannot answer now (unreachable, circuit open, 403, 429, 5xx after retries, a
// broken transfer), kDeadlineExceeded when the last attempt timed out, kNotFound for a 404,
// kInvalidArgument for another 4xx. `inner` must outlive the client. Thread-safe.
class PoliteHttpClient : public HttpClient {
 public:
  // The circuit's state at `now` (monotonic), for the nba_mcp_circuit_state gauge.
  virtual CircuitBreaker::State circuitState(CircuitBreaker::TimePoint now) const = 0;
};

std::unique_ptr<PoliteHttpClient> newPoliteHttpClient(const HttpClient& inner,
                                                      PolitenessOptions options,
                                                      Waiter waiter = sleepFor, Jitter jitter = {});

}  // namespace nba::live
