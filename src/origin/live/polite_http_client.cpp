#include "origin/live/polite_http_client.h"

#include <algorithm>
#include <mutex>
#include <random>
#include <thread>

#include "origin/live/circuit_breaker.h"
#include "ratelimit/concurrency_limit.h"

namespace nba::live {
namespace {

using std::chrono::duration_cast;
using std::chrono::milliseconds;
using std::chrono::nanoseconds;
using TimePoint = std::chrono::steady_clock::time_point;

std::string who(const HttpRequest& request) {
  return request.upstream.empty() ? request.url : request.upstream;
}

bool isRetryable(const Result<HttpResponse>& attempt) {
  if (!attempt.ok()) {
    const StatusCode code = attempt.status().code();
    return code == StatusCode::kDeadlineExceeded || code == StatusCode::kDataLoss;
  }
  return attempt.value().status >= 500;
}

bool countsAsFailure(const Result<HttpResponse>& attempt) {
  if (!attempt.ok()) {
    // A cancelled call or a request the daily quota held back says nothing about NBA.com.
    const StatusCode code = attempt.status().code();
    return code != StatusCode::kCancelled && code != StatusCode::kResourceExhausted;
  }
  const int status = attempt.value().status;
  return status >= 500 || status == 403 || status == 429;
}

// The error a caller sees for a non-2xx answer.
Status statusError(const HttpRequest& request, int status) {
  const std::string prefix = who(request) + " answered HTTP " + std::to_string(status);
  if (status == 403) {
    return unavailable(prefix +
                       " (Forbidden): NBA.com blocks some networks and cloud hosts, and "
                       "changes the headers it wants every year or two; try again later, set "
                       "the request headers in the config file, or use --origin snapshot");
  }
  if (status == 429) {
    return unavailable(prefix + " (Too Many Requests): slow down; try again in a minute");
  }
  if (status >= 500) {
    return unavailable(prefix + " (server error) after retries; try again later");
  }
  if (status == 404) {
    return notFound(prefix + " (Not Found)");
  }
  return invalidArgument(prefix + ": NBA.com rejected the request");
}

double defaultJitter() {
  thread_local std::mt19937 generator{std::random_device{}()};
  return std::uniform_real_distribution<double>(0.5, 1.5)(generator);
}

class PoliteClient final : public PoliteHttpClient {
 public:
  PoliteClient(const HttpClient& inner, PolitenessOptions options, Waiter waiter, Jitter jitter)
      : inner_(inner),
        options_(std::move(options)),
        waiter_(std::move(waiter)),
        jitter_(jitter ? std::move(jitter) : Jitter(defaultJitter)),
        breaker_(options_.breaker_failures, options_.breaker_window, options_.breaker_open),
        in_flight_(static_cast<std::size_t>(std::max(1, options_.max_in_flight))) {}

  CircuitBreaker::State circuitState(CircuitBreaker::TimePoint now) const override {
    return breaker_.state(now);
  }

  Result<HttpResponse> get(const CallContext& context, const HttpRequest& request) const override {
    Result<HttpResponse> attempt = internalError("no attempt was made");
    for (int tried = 0; tried <= options_.max_retries; ++tried) {
      if (tried > 0) {
        if (Status waited = waiter_(context, backoff(tried)); !waited.isOk()) {
          return waited;
        }
      }
      context.reportProgress(tried == 0 ? "Asking " + who(request)
                                        : "Asking " + who(request) + " again (retry " +
                                              std::to_string(tried) + " of " +
                                              std::to_string(options_.max_retries) + ")");
      attempt = attemptOnce(context, request);
      if (!attempt.ok() && attempt.status().code() == StatusCode::kFailedPrecondition) {
        return unavailable(attempt.status().message());  // the circuit is open
      }
      if (!isRetryable(attempt) || context.cancelled() || context.expired()) {
        break;
      }
    }
    if (!attempt.ok()) {
      return attempt.status();
    }
    const int status = attempt.value().status;
    if (status < 200 || status > 299) {
      return statusError(request, status);
    }
    return attempt;
  }

 private:
  // One paced, breaker-guarded attempt. kFailedPrecondition when the circuit is open.
  Result<HttpResponse> attemptOnce(const CallContext& context, const HttpRequest& request) const {
    const Clock& clock = context.clock();
    const CircuitBreaker::Admission admission = breaker_.admit(clock.monotonicNow());
    if (admission == CircuitBreaker::Admission::kRejected) {
      return failedPrecondition(openMessage(clock, request));
    }
    std::optional<ratelimit::ConcurrencyLimit::Slot> in_flight;
    Status waited = waitForSlot(context);
    if (waited.isOk()) {
      waited = waitInFlight(context, in_flight);
    }
    if (!waited.isOk()) {
      if (admission == CircuitBreaker::Admission::kProbe) {
        breaker_.releaseProbe();  // the caller gave up: nothing was learned about NBA.com
      }
      return waited;
    }
    Result<HttpResponse> attempt = inner_.get(context, request);
    if (!record(clock, attempt) && admission == CircuitBreaker::Admission::kProbe) {
      breaker_.releaseProbe();
    }
    return attempt;
  }

  // Tells the breaker how the attempt went; false when it says nothing about NBA.com (the
  // caller cancelled mid-transfer).
  bool record(const Clock& clock, const Result<HttpResponse>& attempt) const {
    if (!attempt.ok() && attempt.status().code() == StatusCode::kUnavailable) {
      breaker_.tripNow(clock.monotonicNow());
    } else if (countsAsFailure(attempt)) {
      breaker_.recordFailure(clock.monotonicNow());
    } else if (attempt.ok()) {
      breaker_.recordSuccess();
    } else {
      return false;
    }
    return true;
  }

  std::string openMessage(const Clock& clock, const HttpRequest& request) const {
    const auto reopens = breaker_.reopensAt();
    const auto left = reopens
                          ? std::chrono::ceil<std::chrono::seconds>(*reopens - clock.monotonicNow())
                          : std::chrono::seconds(0);
    return "NBA.com is not being asked (" + who(request) +
           "): recent requests failed, so the live origin pauses for " +
           std::to_string(std::max<long long>(1, left.count())) + " s before trying again";
  }

  // Reserves the next start slot (min_interval after the previous one) and waits for it.
  Status waitForSlot(const CallContext& context) const {
    const TimePoint now = context.clock().monotonicNow();
    TimePoint slot;
    {
      std::lock_guard lock(mutex_);
      slot = std::max(now, next_slot_);
      next_slot_ = slot + options_.min_interval;
    }
    const TimePoint reserved = slot;
    if (options_.shared_slot) {
      // The other processes' requests count too: NBA.com sees one address.
      if (const auto shared_wait = options_.shared_slot())
        slot = std::max(slot, now + *shared_wait);
    }
    if (slot <= now) {
      return Status::ok();
    }
    Status waited = waiter_(context, slot - now);
    if (!waited.isOk()) {
      // The slot goes unused: give it back if nobody queued behind it, so a cancelled
      // question's queued calls do not delay everyone after them.
      std::lock_guard lock(mutex_);
      if (next_slot_ == reserved + options_.min_interval) next_slot_ = reserved;
    }
    return waited;
  }

  // Waits for one of the max_in_flight request slots, looking at the call between tries.
  Status waitInFlight(const CallContext& context,
                      std::optional<ratelimit::ConcurrencyLimit::Slot>& slot) const {
    while (true) {
      if (auto entered = in_flight_.enter(milliseconds(20))) {
        slot.emplace(std::move(*entered));
        return Status::ok();
      }
      if (Status alive = context.checkAlive("the request to NBA.com"); !alive.isOk()) {
        return alive;
      }
    }
  }

  nanoseconds backoff(int retry) const {
    const double factor = static_cast<double>(1 << (retry - 1)) * jitter_();
    return duration_cast<nanoseconds>(options_.backoff * factor);
  }

  const HttpClient& inner_;
  const PolitenessOptions options_;
  const Waiter waiter_;
  const Jitter jitter_;
  mutable CircuitBreaker breaker_;
  mutable ratelimit::ConcurrencyLimit in_flight_;
  mutable std::mutex mutex_;
  mutable TimePoint next_slot_{};
};

}  // namespace

Status sleepFor(const CallContext& context, nanoseconds how_long) {
  const TimePoint until = context.clock().monotonicNow() + how_long;
  while (true) {
    if (Status alive = context.checkAlive("the request to NBA.com"); !alive.isOk()) {
      return alive;
    }
    const TimePoint now = context.clock().monotonicNow();
    if (now >= until) {
      return Status::ok();
    }
    std::this_thread::sleep_for(std::min<nanoseconds>(until - now, milliseconds(20)));
  }
}

std::unique_ptr<PoliteHttpClient> newPoliteHttpClient(const HttpClient& inner,
                                                      PolitenessOptions options, Waiter waiter,
                                                      Jitter jitter) {
  return std::make_unique<PoliteClient>(inner, std::move(options), std::move(waiter),
                                        std::move(jitter));
}

}  // namespace nba::live
