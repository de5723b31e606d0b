// The request path under load it must not lose: the input is always being read (ping,
// cancellation) while requests run, even with a single worker, and a burst written at once
// gets every request answered exactly once.
#include <doctest/doctest.h>

#include <set>

#include "support/server_harness.h"
#include "support/test_tools.h"

using nba::testing::registerTestTools;
using nba::testing::ServerHarness;
using nlohmann::json;

namespace {

json slowCall(const json& id, int ms) {
  return {{"jsonrpc", "2.0"},
          {"id", id},
          {"method", "tools/call"},
          {"params", {{"name", "test_slow"}, {"arguments", {{"ms", ms}}}}}};
}

// The response to `id`, skipping anything else; null json when none comes in time.
json responseTo(ServerHarness& h, const json& id) {
  for (int i = 0; i < 100; ++i) {
    json message = h.receive(std::chrono::seconds(10));
    if (message.is_null() || message.value("id", json()) == id) return message;
  }
  return nullptr;
}

TEST_CASE("with a lone worker busy, the input is still read: ping, cancellation, the queue") {
  nba::mcp::ServerOptions options = ServerHarness::defaultOptions();
  options.worker_threads = 1;
  ServerHarness h(registerTestTools, options);
  h.initialize();
  h.send(slowCall("first", 10000));
  std::this_thread::sleep_for(std::chrono::milliseconds(20));
  // The lone worker is busy: this one is queued behind "first", and reading goes on.
  h.send(slowCall("second", 10));
  const auto started = std::chrono::steady_clock::now();
  CHECK(h.call("ping", nullptr, "p")["result"] == json::object());
  CHECK(std::chrono::steady_clock::now() - started < std::chrono::seconds(2));
  h.send({{"jsonrpc", "2.0"},
          {"method", "notifications/cancelled"},
          {"params", {{"requestId", "first"}, {"reason", "user"}}}});
  // "first" sees the cancellation the reader read, stops, and frees the worker.
  const json second = responseTo(h, "second");
  CHECK(second["result"]["content"][0]["text"] == "slept");
  CHECK(h.closeAndWait());
}

TEST_CASE("a burst written at once is queued and every request answered once") {
  ServerHarness h(registerTestTools);
  h.initialize();
  std::string burst;
  for (int i = 0; i < 200; ++i) {
    burst += (i ? "\n" : "") + slowCall(i, 0).dump();
  }
  h.sendLine(burst);
  std::set<int> answered;
  for (int i = 0; i < 200; ++i) {
    const json message = h.receive(std::chrono::seconds(10));
    REQUIRE_FALSE(message.is_null());
    CHECK(message["result"]["content"][0]["text"] == "slept");
    CHECK(answered.insert(message["id"].get<int>()).second);
  }
  CHECK(answered.size() == 200);
  CHECK(h.closeAndWait());
}

}  // namespace
