#include "origin/live/polite_http_client.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>

#include "core/clock.h"

namespace nba::live {
namespace {

using std::chrono::milliseconds;
using std::chrono::seconds;

// An HttpClient that answers from a script and remembers when each request came.
class ScriptedHttp : public HttpClient {
 public:
  explicit ScriptedHttp(const Clock& clock) : clock_(clock) {}
  void then(Result<HttpResponse> answer) { script_.push_back(std::move(answer)); }
  void thenStatus(int status) { then(HttpResponse{status, "{}", "application/json"}); }

  Result<HttpResponse> get(const CallContext&, const HttpRequest&) const override {
    std::lock_guard lock(mutex_);
    times_.push_back(clock_.monotonicNow());
    if (script_.empty()) return HttpResponse{200, "{}", "application/json"};
    Result<HttpResponse> answer = script_.front();
    script_.pop_front();
    return answer;
  }
  std::size_t calls() const { return times_.size(); }
  const std::vector<std::chrono::steady_clock::time_point>& times() const { return times_; }

 private:
  const Clock& clock_;
  mutable std::mutex mutex_;
  mutable std::deque<Result<HttpResponse>> script_;
  mutable std::vector<std::chrono::steady_clock::time_point> times_;
};

struct Rig {
  FakeClock clock{std::chrono::system_clock::time_point{} + std::chrono::hours(24 * 20000)};
  ScriptedHttp http{clock};
  std::vector<std::chrono::nanoseconds> waits;
  std::unique_ptr<HttpClient> polite;
  CallContext call{clock, Caller::kClient};
  HttpRequest request{"http://nba.test/stats/x", {}, "stats.nba.com x"};

  explicit Rig(PolitenessOptions options = {}) {
    polite = newPoliteHttpClient(
        http, options,
        [this](const CallContext& context, std::chrono::nanoseconds how_long) {
          waits.push_back(how_long);
          clock.advance(how_long);  // a wait moves the fake clock instead of sleeping
          return context.checkAlive("the request");
        },
        [] { return 1.0; });
  }
};

TEST_CASE("polite client: requests start at least 0.6 s apart") {
  Rig rig;
  for (int i = 0; i < 3; ++i) REQUIRE(rig.polite->get(rig.call, rig.request).ok());
  REQUIRE(rig.http.calls() == 3);
  CHECK(rig.http.times()[1] - rig.http.times()[0] == milliseconds(600));
  CHECK(rig.http.times()[2] - rig.http.times()[1] == milliseconds(600));
  rig.clock.advance(seconds(5));  // after a pause, no wait at all
  const std::size_t waits = rig.waits.size();
  REQUIRE(rig.polite->get(rig.call, rig.request).ok());
  CHECK(rig.waits.size() == waits);
}

TEST_CASE("polite client: a 5xx is retried twice with backoff; a 4xx never") {
  Rig rig;
  rig.http.thenStatus(500);
  rig.http.thenStatus(503);
  rig.http.thenStatus(200);
  auto ok = rig.polite->get(rig.call, rig.request);
  REQUIRE(ok.ok());
  CHECK(rig.http.calls() == 3);
  CHECK(rig.waits.front() == milliseconds(500));  // backoff 1 (jitter fixed at 1.0)

  Rig four;
  four.http.thenStatus(404);
  auto not_found = four.polite->get(four.call, four.request);
  CHECK(not_found.status().code() == StatusCode::kNotFound);
  CHECK(four.http.calls() == 1);

  Rig forbidden;
  forbidden.http.thenStatus(403);
  auto refused = forbidden.polite->get(forbidden.call, forbidden.request);
  CHECK(refused.status().code() == StatusCode::kUnavailable);
  CHECK(refused.status().message().find("stats.nba.com x answered HTTP 403") == 0);
  CHECK(refused.status().message().find("--origin snapshot") != std::string::npos);
  CHECK(forbidden.http.calls() == 1);

  Rig always;
  for (int i = 0; i < 3; ++i) always.http.thenStatus(502);
  auto failed = always.polite->get(always.call, always.request);
  CHECK(failed.status().code() == StatusCode::kUnavailable);
  CHECK(failed.status().message() ==
        "stats.nba.com x answered HTTP 502 (server error) after retries; try again later");
  CHECK(always.http.calls() == 3);
}

TEST_CASE("polite client: a timeout or a broken transfer is retried; an unreachable host not") {
  Rig rig;
  rig.http.then(Status(StatusCode::kDeadlineExceeded, "stats.nba.com x did not answer in time"));
  rig.http.then(dataLoss("stats.nba.com x broke off the response"));
  REQUIRE(rig.polite->get(rig.call, rig.request).ok());
  CHECK(rig.http.calls() == 3);

  Rig offline;
  offline.http.then(unavailable("cannot reach stats.nba.com x: Could not resolve host"));
  auto unreachable = offline.polite->get(offline.call, offline.request);
  CHECK(unreachable.status().code() == StatusCode::kUnavailable);
  CHECK(offline.http.calls() == 1);
  // The circuit opened at once: the next call does not reach the network.
  auto next = offline.polite->get(offline.call, offline.request);
  CHECK(next.status().code() == StatusCode::kUnavailable);
  CHECK(next.status().message().find("pauses for 30 s") != std::string::npos);
  CHECK(offline.http.calls() == 1);
  // 30 s later one probe goes out; its success closes the circuit.
  offline.clock.advance(seconds(30));
  CHECK(offline.polite->get(offline.call, offline.request).ok());
  CHECK(offline.polite->get(offline.call, offline.request).ok());
  CHECK(offline.http.calls() == 3);
}

TEST_CASE("polite client: five failing calls open the circuit") {
  PolitenessOptions options;
  options.max_retries = 0;
  Rig rig(options);
  for (int i = 0; i < 5; ++i) rig.http.thenStatus(429);
  for (int i = 0; i < 5; ++i) {
    auto failed = rig.polite->get(rig.call, rig.request);
    CHECK(failed.status().message().find("HTTP 429") != std::string::npos);
  }
  auto paused = rig.polite->get(rig.call, rig.request);
  CHECK(paused.status().code() == StatusCode::kUnavailable);
  CHECK(paused.status().message().find("NBA.com is not being asked") == 0);
  CHECK(rig.http.calls() == 5);
}

TEST_CASE("polite client: a probe cancelled mid-transfer leaves the next request free to probe") {
  Rig rig;
  rig.http.then(unavailable("cannot reach stats.nba.com x"));
  CHECK_FALSE(rig.polite->get(rig.call, rig.request).ok());  // the circuit opens
  rig.clock.advance(seconds(30));
  rig.http.then(Status(StatusCode::kCancelled, "Cancelled while waiting on stats.nba.com x."));
  auto cancelled = rig.polite->get(rig.call, rig.request);  // the probe, cancelled
  CHECK(cancelled.status().code() == StatusCode::kCancelled);
  auto next = rig.polite->get(rig.call, rig.request);  // probes again, and succeeds
  CHECK(next.ok());
  CHECK(rig.http.calls() == 3);
}

TEST_CASE("polite client: a call that gives up its slot gives it back") {
  Rig rig;
  REQUIRE(rig.polite->get(rig.call, rig.request).ok());  // the next slot is 600 ms ahead
  CallContext cancelled = rig.call;
  cancelled.withCancelProbe([] { return true; });
  CHECK(rig.polite->get(cancelled, rig.request).status().code() == StatusCode::kCancelled);
  // The cancelled wait moved the clock by its 600 ms; the slot it gave back is now.
  REQUIRE(rig.polite->get(rig.call, rig.request).ok());
  CHECK(rig.http.times()[1] - rig.http.times()[0] == milliseconds(600));
}

TEST_CASE("polite client: a cancelled call stops waiting for its slot and is not sent") {
  Rig rig;
  REQUIRE(rig.polite->get(rig.call, rig.request).ok());
  bool cancelled = true;
  CallContext call = rig.call;
  call.withCancelProbe([&] { return cancelled; });
  auto result = rig.polite->get(call, rig.request);
  CHECK(result.status().code() == StatusCode::kCancelled);
  CHECK(rig.http.calls() == 1);
}

}  // namespace
}  // namespace nba::live

namespace nba::live {
namespace {

TEST_CASE("polite client: 20 concurrent requests are spaced 0.6 s apart, one after another") {
  FakeClock clock{std::chrono::system_clock::time_point{} + std::chrono::hours(24 * 20000)};
  ScriptedHttp http{clock};
  std::mutex waits_mutex;
  std::vector<std::chrono::nanoseconds> waits;
  PolitenessOptions options;
  options.max_in_flight = 20;
  // The clock stands still: each request's wait is how far its reserved start lies ahead.
  auto polite = newPoliteHttpClient(
      http, options,
      [&](const CallContext&, std::chrono::nanoseconds how_long) {
        std::lock_guard lock(waits_mutex);
        waits.push_back(how_long);
        return Status::ok();
      },
      [] { return 1.0; });
  std::vector<std::thread> callers;
  std::atomic<int> ok{0};
  for (int i = 0; i < 20; ++i) {
    callers.emplace_back([&] {
      CallContext call{clock, Caller::kClient};
      HttpRequest request{"http://nba.test/stats/x", {}, "stats.nba.com x"};
      ok += polite->get(call, request).ok() ? 1 : 0;
    });
  }
  for (auto& caller : callers) caller.join();
  CHECK(ok == 20);
  std::sort(waits.begin(), waits.end());
  REQUIRE(waits.size() == 19);  // the first starts at once
  for (std::size_t i = 0; i < waits.size(); ++i) {
    CHECK(waits[i] == milliseconds(600) * static_cast<int>(i + 1));
  }
}

// An HttpClient that holds every request until released, counting how many it holds.
class HoldingHttp : public HttpClient {
 public:
  Result<HttpResponse> get(const CallContext&, const HttpRequest&) const override {
    std::unique_lock lock(mutex_);
    ++inside_;
    most_ = std::max(most_, inside_);
    changed_.notify_all();
    changed_.wait(lock, [this] { return released_; });
    --inside_;
    return HttpResponse{200, "{}", "application/json"};
  }
  // Waits (bounded) until `count` requests are held; true if they were.
  bool waitHolding(int count) const {
    std::unique_lock lock(mutex_);
    return changed_.wait_for(lock, std::chrono::seconds(10), [&] { return inside_ >= count; });
  }
  void release() {
    std::lock_guard lock(mutex_);
    released_ = true;
    changed_.notify_all();
  }
  int inside() const {
    std::lock_guard lock(mutex_);
    return inside_;
  }
  int most() const {
    std::lock_guard lock(mutex_);
    return most_;
  }

 private:
  mutable std::mutex mutex_;
  mutable std::condition_variable changed_;
  mutable int inside_ = 0;
  mutable int most_ = 0;
  bool released_ = false;
};

TEST_CASE("polite client: at most max_in_flight requests wait on NBA.com at once") {
  FakeClock clock{std::chrono::system_clock::time_point{} + std::chrono::hours(24 * 20000)};
  HoldingHttp http;
  PolitenessOptions options;
  options.min_interval = milliseconds(0);
  options.max_in_flight = 2;
  auto polite = newPoliteHttpClient(http, options);
  std::atomic<int> ok{0};
  std::vector<std::thread> callers;
  for (int i = 0; i < 5; ++i) {
    callers.emplace_back([&] {
      CallContext call{clock, Caller::kClient};
      HttpRequest request{"http://nba.test/stats/x", {}, "stats.nba.com x"};
      ok += polite->get(call, request).ok() ? 1 : 0;
    });
  }
  REQUIRE(http.waitHolding(2));
  // The other three queue for a slot: give them every chance to get past it.
  for (int i = 0; i < 200; ++i) std::this_thread::yield();
  CHECK(http.inside() == 2);
  http.release();
  for (auto& caller : callers) caller.join();
  CHECK(ok == 5);
  CHECK(http.most() == 2);
}

TEST_CASE(
    "polite client: a request the daily quota holds back is not retried and opens no "
    "circuit") {
  Rig rig;
  for (int i = 0; i < 8; ++i) {
    rig.http.then(resourceExhausted("The daily NBA.com quota is used up"));
  }
  for (int i = 0; i < 8; ++i) {
    const auto refused = rig.polite->get(rig.call, rig.request);
    CHECK(refused.status().code() == StatusCode::kResourceExhausted);
    CHECK(refused.status().message() == "The daily NBA.com quota is used up");
  }
  CHECK(rig.http.calls() == 8);                        // one attempt each
  CHECK(rig.polite->get(rig.call, rig.request).ok());  // the circuit is still closed
}

}  // namespace
}  // namespace nba::live
