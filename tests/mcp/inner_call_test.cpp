// McpServer::callTool(name, arguments, parent): a call made on behalf of another one (the
// question pipeline's inner calls, issue 9) shares the parent's cancellation, client log and
// trace, and middleware sees it as a pipeline call.
#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <mutex>
#include <thread>

#include "support/server_harness.h"
#include "support/test_tools.h"

using nba::mcp::Caller;
using nba::testing::registerTestTools;
using nba::testing::ServerHarness;
using nlohmann::json;

namespace {

constexpr char kTrace[] = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";

// What middleware saw of the inner call to test_slow.
struct InnerCallSeen {
  std::mutex mutex;
  bool started = false;
  bool finished = false;
  Caller caller = Caller::kClient;
  std::string trace;
  std::string text;
};

// test_parent calls test_slow {ms: 10000} on its own behalf and returns what it said.
void registerParentTool(nba::mcp::McpServer& server, InnerCallSeen& seen) {
  registerTestTools(server);
  nba::mcp::ToolDefinition parent;
  parent.name = "test_parent";
  parent.description = "Calls test_slow for 10 s on its own behalf";
  parent.input_schema = {{"type", "object"}};
  parent.handler = [&server](const json&, nba::mcp::ToolContext& context) {
    return server.callTool("test_slow", {{"ms", 10000}}, context);
  };
  REQUIRE(server.addTool(std::move(parent)).isOk());
  server.addToolMiddleware([&seen](const nba::mcp::ToolCall& call, nba::mcp::ToolContext& context,
                                   const std::function<nba::mcp::ToolResult()>& next) {
    if (call.tool.name != "test_slow") {
      return next();
    }
    {
      std::lock_guard lock(seen.mutex);
      seen.started = true;
      seen.caller = context.caller();
      seen.trace = context.traceParent();
    }
    nba::mcp::ToolResult result = next();
    std::lock_guard lock(seen.mutex);
    seen.finished = true;
    seen.text = result.text;
    return result;
  });
}

// Polls `done` for up to 5 s.
bool waitFor(InnerCallSeen& seen, bool InnerCallSeen::*flag) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
  while (std::chrono::steady_clock::now() < deadline) {
    {
      std::lock_guard lock(seen.mutex);
      if (seen.*flag) {
        return true;
      }
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  return false;
}

}  // namespace

TEST_CASE("cancelling a call cancels the inner call it made, which is a pipeline call") {
  InnerCallSeen seen;
  ServerHarness h([&seen](nba::mcp::McpServer& server) { registerParentTool(server, seen); });
  h.initialize();
  h.send({{"jsonrpc", "2.0"},
          {"id", "outer"},
          {"method", "tools/call"},
          {"params",
           {{"name", "test_parent"},
            {"arguments", json::object()},
            {"_meta", {{"traceparent", kTrace}}}}}});
  REQUIRE(waitFor(seen, &InnerCallSeen::started));
  const auto cancelled_at = std::chrono::steady_clock::now();
  h.send({{"jsonrpc", "2.0"},
          {"method", "notifications/cancelled"},
          {"params", {{"requestId", "outer"}, {"reason", "user"}}}});
  REQUIRE(waitFor(seen, &InnerCallSeen::finished));
  // test_slow sleeps in 5 ms steps for 10 s unless its context says cancelled.
  CHECK(std::chrono::steady_clock::now() - cancelled_at < std::chrono::seconds(5));
  std::lock_guard lock(seen.mutex);
  // Cancelled while test_slow ran ("cancelled"), or in the moment between the middleware and
  // its start ("was not run": CI saw this once under ASan). Either way it did not run on.
  CHECK((seen.text == "cancelled" || seen.text == "Cancelled: test_slow was not run."));
  CHECK(seen.caller == Caller::kPipeline);
  CHECK(seen.trace == kTrace);
  // The outer request gets no reply (it was cancelled) and the server goes on.
  CHECK(h.call("ping", nullptr, "after")["result"] == json::object());
  CHECK(h.closeAndWait());
  while (auto line = h.receiveLine(std::chrono::milliseconds(100))) {
    CHECK(line->find("\"outer\"") == std::string::npos);
  }
}

TEST_CASE("an inner call of a cancelled parent is not run at all") {
  // A context that is cancelled from the start, like a question cancelled between two
  // groups of its plan: the next inner call must not reach the handler.
  class CancelledContext : public nba::mcp::ToolContext {
   public:
    bool cancelled() const override { return true; }
    void progress(double, std::optional<double>, const std::string&) override {}
    void progressStep(const std::string&) override {}
    void log(nba::mcp::LogLevel, const std::string&, const json&) override {}
    const std::string& traceParent() const override { return trace_; }
    Caller caller() const override { return Caller::kClient; }
    const std::string& clientName() const override { return client_; }
    std::string client_ = "test";

   private:
    std::string trace_;
  };
  std::atomic<int> handler_runs{0};
  ServerHarness h([&handler_runs](nba::mcp::McpServer& server) {
    nba::mcp::ToolDefinition tool;
    tool.name = "test_count";
    tool.description = "Counts its runs";
    tool.input_schema = {{"type", "object"}};
    tool.handler = [&handler_runs](const json&, nba::mcp::ToolContext&) {
      ++handler_runs;
      nba::mcp::ToolResult result;
      result.text = "ran";
      return result;
    };
    REQUIRE(server.addTool(std::move(tool)).isOk());
  });
  CancelledContext parent;
  auto skipped = h.server().callTool("test_count", json::object(), parent);
  CHECK(skipped.is_error);
  CHECK(skipped.text == "Cancelled: test_count was not run.");
  CHECK(handler_runs == 0);
  auto direct = h.server().callTool("test_count", json::object());
  CHECK(direct.text == "ran");
  CHECK(handler_runs == 1);
}
