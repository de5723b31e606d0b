// Issue 9: every tool call's CallContext (caller, trace parent, cancellation) reaches each
// DataSource request, and the answer's `_meta` reports the table's real cache state and notes.
#include "core/call_context.h"

#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <mutex>
#include <thread>

#include "app/answer_tool.h"
#include "app/nba_tools.h"
#include "origin/forwarding_data_source.h"
#include "support/nba_env.h"
#include "support/server_harness.h"

namespace nba {
namespace {

using nlohmann::json;
using testing::ServerHarness;

constexpr char kTrace[] = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

// The snapshot as the tests wire it, watched: what the season-stats requests carried, and,
// when told to, a source that stands in for a slow NBA.com (it waits until its call is
// cancelled) or for a cache (hits, with a note).
class WatchedSource final : public ForwardingDataSource {
 public:
  explicit WatchedSource(const DataSource& inner) : inner_(inner) {}

  Result<Table<PlayerSeasonLine>> playerSeasonStats(
      const CallContext& context, const PlayerSeasonStatsRequest& request) const override {
    {
      std::lock_guard lock(mutex_);
      callers_.push_back(context.caller());
      traces_.push_back(context.traceParent());
    }
    if (block_until_cancelled) {
      waiting = true;
      for (int i = 0; i < 10000 && !context.cancelled(); ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
      }
      saw_cancel = context.cancelled();
      return context.checkAlive("the season stats request");
    }
    auto table = inner_.playerSeasonStats(context, request);
    if (table.ok() && serve_as_stale_cache) {
      table->meta.cache = CacheState::kStale;
      table->meta.notes.push_back("NBA.com unreachable — cached copy from 2026-02-21.");
    }
    return table;
  }

  std::vector<Caller> callers() const {
    std::lock_guard lock(mutex_);
    return callers_;
  }
  std::vector<std::string> traces() const {
    std::lock_guard lock(mutex_);
    return traces_;
  }

  std::atomic<bool> block_until_cancelled{false};
  std::atomic<bool> serve_as_stale_cache{false};
  mutable std::atomic<bool> waiting{false};
  mutable std::atomic<bool> saw_cancel{false};

 protected:
  Result<const DataSource*> target(const CallContext&) const override { return &inner_; }

 private:
  const DataSource& inner_;
  mutable std::mutex mutex_;
  mutable std::vector<Caller> callers_;
  mutable std::vector<std::string> traces_;
};

// A server with the NBA tools and answer_nba_question over a WatchedSource.
struct WatchedServer {
  const tools::ToolEnv& base = testing::snapshotEnv();
  WatchedSource source{base.data};
  CallContext client_call{base.clock, Caller::kClient};
  tools::ToolEnv env{source, base.resolver, base.clock, client_call};
  obs::MetricsRegistry metrics;
  ServerHarness harness{[this](mcp::McpServer& server) {
    REQUIRE(app::registerNbaTools(server, env).isOk());
    REQUIRE(app::registerAnswerTool(server, env, 2, metrics).isOk());
  }};

  WatchedServer() { harness.initialize(); }
};

json callParams(const std::string& tool, json arguments) {
  return {
      {"name", tool}, {"arguments", std::move(arguments)}, {"_meta", {{"traceparent", kTrace}}}};
}

bool waitUntil(const std::atomic<bool>& flag) {
  for (int i = 0; i < 5000 && !flag; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  return flag;
}

TEST_CASE("call context: a client's tools/call reaches the data as the client, with its trace") {
  WatchedServer watched;
  json reply =
      watched.harness.call("tools/call", callParams("get_league_leaders", {{"stat", "PTS"}}));
  REQUIRE_FALSE(reply["result"].value("isError", false));
  // Dončić led 2025-26 as recorded, 33.0 a game (the clock is 2026-02-22; golden leaders-15).
  CHECK(reply["result"]["structuredContent"]["leaders"][0]["player"] == "Luka Dončić");
  const auto callers = watched.source.callers();
  REQUIRE_FALSE(callers.empty());
  for (Caller caller : callers) CHECK(caller == Caller::kClient);
  for (const std::string& trace : watched.source.traces()) CHECK(trace == kTrace);
  // The snapshot is read straight, not through a cache: a miss, and no source notes.
  CHECK(reply["result"]["_meta"]["dev.nbamcp/cache"] == "miss");
  CHECK_FALSE(reply["result"]["_meta"].contains("dev.nbamcp/notes"));
}

TEST_CASE("call context: the question pipeline's requests reach the data as pipeline calls") {
  WatchedServer watched;
  json reply = watched.harness.call(
      "tools/call",
      callParams("answer_nba_question", {{"question", "Who leads the league in assists?"}}));
  REQUIRE_FALSE(reply["result"].value("isError", false));
  const auto callers = watched.source.callers();
  REQUIRE_FALSE(callers.empty());
  for (Caller caller : callers) CHECK(caller == Caller::kPipeline);
  for (const std::string& trace : watched.source.traces()) CHECK(trace == kTrace);
  // Its provenance is its inner calls': the snapshot, read straight.
  CHECK(reply["result"]["_meta"]["dev.nbamcp/source"] == "snapshot");
  CHECK(reply["result"]["_meta"]["dev.nbamcp/cache"] == "miss");
  watched.source.serve_as_stale_cache = true;
  json stale = watched.harness.call(
      "tools/call",
      callParams("answer_nba_question", {{"question", "Who leads the league in assists?"}}), 2);
  CHECK(stale["result"]["_meta"]["dev.nbamcp/cache"] == "stale");
}

TEST_CASE(
    "call context: cancelling a question cancels the data request its pipeline is waiting on") {
  WatchedServer watched;
  watched.source.block_until_cancelled = true;
  watched.harness.send({{"jsonrpc", "2.0"},
                        {"id", "q"},
                        {"method", "tools/call"},
                        {"params", callParams("answer_nba_question",
                                              {{"question", "Who leads the league in points?"}})}});
  REQUIRE(waitUntil(watched.source.waiting));
  const auto cancelled_at = std::chrono::steady_clock::now();
  watched.harness.send({{"jsonrpc", "2.0"},
                        {"method", "notifications/cancelled"},
                        {"params", {{"requestId", "q"}, {"reason", "user"}}}});
  REQUIRE(waitUntil(watched.source.saw_cancel));
  CHECK(std::chrono::steady_clock::now() - cancelled_at < std::chrono::seconds(5));
  CHECK(watched.source.callers().front() == Caller::kPipeline);
  // No reply to the cancelled question; the server goes on.
  CHECK(watched.harness.call("ping", nullptr, "after")["result"] == json::object());
  CHECK(watched.harness.closeAndWait());
  while (auto line = watched.harness.receiveLine(std::chrono::milliseconds(100))) {
    CHECK(line->find("\"q\"") == std::string::npos);
  }
}

TEST_CASE("call context: an answer reports its table's real cache state and the source's notes") {
  WatchedServer watched;
  watched.source.serve_as_stale_cache = true;
  json reply = watched.harness.call(
      "tools/call", callParams("get_player_stats", {{"player", "Jokic"}, {"season", "2024-25"}}));
  REQUIRE_FALSE(reply["result"].value("isError", false));
  const json& meta = reply["result"]["_meta"];
  CHECK(meta["dev.nbamcp/cache"] == "stale");
  REQUIRE(meta["dev.nbamcp/notes"].size() == 1);
  CHECK(meta["dev.nbamcp/notes"][0] == "NBA.com unreachable — cached copy from 2026-02-21.");
  const std::string text = reply["result"]["content"][0]["text"];
  CHECK(text.find("\n\n*Note:* NBA.com unreachable — cached copy from 2026-02-21.") !=
        std::string::npos);
  // Jokić 2024-25: 29.6 points per game.
  CHECK(text.find("29.6") != std::string::npos);
}

TEST_CASE("call context: cancellation, deadline, caller and trace") {
  FakeClock clock(std::chrono::system_clock::from_time_t(1771761600));
  std::atomic<bool> cancelled{false};
  CallContext call(clock, Caller::kClient);
  call.withCancelProbe([&cancelled] { return cancelled.load(); })
      .withDeadline(clock.monotonicNow() + std::chrono::seconds(2))
      .withTraceParent(kTrace);
  CHECK(call.checkAlive("get_box_score").isOk());

  const CallContext inner = call.onBehalfOf(Caller::kPipeline);
  CHECK(inner.caller() == Caller::kPipeline);
  CHECK(inner.traceParent() == kTrace);
  CHECK(call.caller() == Caller::kClient);

  clock.advance(std::chrono::seconds(2));
  CHECK(inner.expired());
  Status late = inner.checkAlive("get_box_score");
  CHECK(late.code() == StatusCode::kDeadlineExceeded);
  CHECK(late.message() == "Out of time: get_box_score was not run before the deadline.");

  cancelled = true;  // the parent's cancel reaches the child: they share the probe
  Status stopped = inner.checkAlive("get_box_score");
  CHECK(stopped.code() == StatusCode::kCancelled);
  CHECK(stopped.message() == "Cancelled: get_box_score was not run.");

  const CallContext plain(clock, Caller::kCommandLine);
  CHECK_FALSE(plain.cancelled());
  CHECK_FALSE(plain.expired());
  CHECK(callerName(Caller::kBackground) == "background");
}

}  // namespace
}  // namespace nba
