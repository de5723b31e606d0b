// Flow control and shutdown of the server core: backpressure on pooled requests,
// clients that do not read, and a shutdown that leaves a request running.

#include <doctest/doctest.h>

#include <condition_variable>
#include <mutex>
#include <set>
#include <thread>

#include "support/server_harness.h"
#include "support/test_tools.h"

using nba::testing::registerTestTools;
using nba::testing::ServerHarness;
using nlohmann::json;

namespace {

// A tool `test_gate` that blocks until the test opens the gate, so a test decides
// exactly when a request finishes.
class Gate {
 public:
  void addTool(nba::mcp::McpServer& server) {
    nba::mcp::ToolDefinition tool;
    tool.name = "test_gate";
    tool.description = "Waits for the test";
    tool.input_schema = {{"type", "object"}};
    tool.handler = [this](const json&, nba::mcp::ToolContext&) {
      std::unique_lock lock(mutex_);
      ++entered_;
      changed_.notify_all();
      changed_.wait(lock, [this] { return open_; });
      nba::mcp::ToolResult result;
      result.text = "passed";
      return result;
    };
    (void)server.addTool(std::move(tool));
  }
  void waitEntered(int count) {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return entered_ >= count; });
  }
  void open() {
    std::lock_guard lock(mutex_);
    open_ = true;
    changed_.notify_all();
  }

 private:
  std::mutex mutex_;
  std::condition_variable changed_;
  int entered_ = 0;
  bool open_ = false;
};

json callLine(const json& id, const std::string& tool, const json& args = json::object()) {
  return {{"jsonrpc", "2.0"},
          {"id", id},
          {"method", "tools/call"},
          {"params", {{"name", tool}, {"arguments", args}}}};
}

// Sends `count` echo calls without reading, then reads every reply.
std::set<int> burstOfEchoes(ServerHarness& h, int count) {
  std::string burst;
  for (int i = 0; i < count; ++i) {
    burst += callLine(i, "test_echo", {{"text", "abcdefghij"}, {"times", 5}}).dump() + "\n";
  }
  burst.pop_back();
  h.sendLine(burst);  // blocks until the server has read it all
  std::set<int> ids;
  for (int i = 0; i < count; ++i) {
    json reply = h.receive(std::chrono::seconds(20));
    if (reply.is_null()) {
      break;
    }
    CHECK(reply["result"]["structuredContent"]["echo"].get<std::string>().size() == 50);
    ids.insert(reply["id"].get<int>());
  }
  return ids;
}

}  // namespace

TEST_CASE("a client that writes a burst before reading gets every reply despite backpressure") {
  for (std::size_t workers : {1, 2, 4}) {
    CAPTURE(workers);
    auto options = ServerHarness::defaultOptions();
    options.worker_threads = workers;
    options.max_pending_requests = 4;  // far below the burst: the reader must wait often
    ServerHarness h(registerTestTools, options);
    h.initialize();
    // ~230 KB of replies: several times what the pipe to the client holds.
    std::set<int> ids = burstOfEchoes(h, 2000);
    CHECK(ids.size() == 2000);
    CHECK(h.closeAndWait());
  }
}

TEST_CASE("the reader stops reading while max_pending_requests calls are unfinished") {
  Gate gate;
  auto options = ServerHarness::defaultOptions();
  options.worker_threads = 2;
  options.max_pending_requests = 2;
  ServerHarness h([&](nba::mcp::McpServer& server) { gate.addTool(server); }, options);
  h.initialize();
  h.send(callLine("a", "test_gate"));
  h.send(callLine("b", "test_gate"));
  gate.waitEntered(2);
  h.send(callLine("c", "test_gate"));  // no room: the reader waits here
  h.send({{"jsonrpc", "2.0"}, {"id", "p"}, {"method", "ping"}});
  CHECK_FALSE(h.receiveLine(std::chrono::milliseconds(200)).has_value());
  gate.open();
  std::set<std::string> ids;
  for (int i = 0; i < 4; ++i) {
    json reply = h.receive();
    REQUIRE_FALSE(reply.is_null());
    ids.insert(reply["id"].get<std::string>());
  }
  CHECK(ids == std::set<std::string>{"a", "b", "c", "p"});
  CHECK(h.closeAndWait());
}

TEST_CASE("shutdown leaves a stuck request running without crashing and drops its reply") {
  Gate gate;
  auto options = ServerHarness::defaultOptions();
  options.worker_threads = 2;
  options.shutdown_grace = std::chrono::milliseconds(100);
  ServerHarness h([&](nba::mcp::McpServer& server) { gate.addTool(server); }, options);
  h.initialize();
  h.send(callLine("stuck", "test_gate"));
  gate.waitEntered(1);
  CHECK(h.call("ping", nullptr, "p")["result"] == json::object());
  CHECK_FALSE(h.closeAndWait());  // false: a request outlived the grace period
  // The stuck call finishes after serve() returned; its reply must go nowhere (the
  // server's stdout is already closed by the harness), and the server must survive it
  // to be destroyed once the call is over.
  gate.open();
  CHECK_FALSE(h.receiveLine(std::chrono::milliseconds(500)).has_value());
}

TEST_CASE("a call the reading thread runs itself does not stop the reading") {
  for (std::size_t workers : {1, 2}) {
    CAPTURE(workers);
    Gate gate;
    auto options = ServerHarness::defaultOptions();
    options.worker_threads = workers;
    ServerHarness h(
        [&](nba::mcp::McpServer& server) {
          gate.addTool(server);
          registerTestTools(server);
        },
        options);
    // A failed check must not leave the call blocking the server's shutdown for ever.
    struct OpenOnExit {
      Gate& gate;
      ~OpenOnExit() { gate.open(); }
    } open_on_exit{gate};
    h.initialize();
    // An idle server runs this on the thread that read it, and it blocks there.
    h.send(callLine("slow", "test_gate"));
    gate.waitEntered(1);
    h.send({{"jsonrpc", "2.0"}, {"id", "p"}, {"method", "ping"}});
    json pong = h.receive(std::chrono::seconds(10));
    REQUIRE_FALSE(pong.is_null());
    CHECK(pong["id"] == "p");
    h.send(callLine("echo", "test_echo", {{"text", "ab"}, {"times", 2}}));
    json echo = h.receive(std::chrono::seconds(10));
    REQUIRE_FALSE(echo.is_null());
    CHECK(echo["id"] == "echo");
    CHECK(echo["result"]["structuredContent"]["echo"] == "abab");
    // Cancelling reaches it too: opened afterwards, it finishes without a reply.
    h.send({{"jsonrpc", "2.0"},
            {"method", "notifications/cancelled"},
            {"params", {{"requestId", "slow"}}}});
    h.send({{"jsonrpc", "2.0"}, {"id", "p2"}, {"method", "ping"}});
    json pong2 = h.receive(std::chrono::seconds(10));
    REQUIRE_FALSE(pong2.is_null());
    CHECK(pong2["id"] == "p2");
    gate.open();
    CHECK_FALSE(h.receiveLine(std::chrono::milliseconds(300)).has_value());
    CHECK(h.closeAndWait());
  }
}

TEST_CASE("a call blocked writing to a client that does not read never stops the reading") {
  // A reply far larger than the pipe to the client: its writer blocks until the client
  // reads. Sent to an idle server, the call runs on the thread that read it.
  const auto add_big_tool = [](nba::mcp::McpServer& server) {
    nba::mcp::ToolDefinition tool;
    tool.name = "test_big";
    tool.description = "A 256 KB reply";
    tool.input_schema = {{"type", "object"}};
    tool.handler = [](const json&, nba::mcp::ToolContext&) {
      nba::mcp::ToolResult result;
      result.text = std::string(256 * 1024, 'x');
      return result;
    };
    (void)server.addTool(std::move(tool));
  };
  for (std::size_t max_pending : {1, 4}) {
    for (std::size_t workers : {1, 2}) {
      CAPTURE(max_pending);
      CAPTURE(workers);
      auto options = ServerHarness::defaultOptions();
      options.worker_threads = workers;
      options.max_pending_requests = max_pending;
      ServerHarness h(
          [&](nba::mcp::McpServer& server) {
            add_big_tool(server);
            registerTestTools(server);
          },
          options);
      h.initialize();
      h.send(callLine("big", "test_big"));
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
      // A client that writes everything before it reads: the server must take it all in.
      std::string burst;
      for (int i = 0; i < 1500; ++i) {
        burst += callLine(i, "test_echo", {{"text", "abcdefghij"}, {"times", 5}}).dump() + "\n";
      }
      burst.pop_back();
      std::mutex mutex;
      std::condition_variable sent_cv;
      bool sent = false;
      std::thread sender([&] {
        h.sendLine(burst);
        std::lock_guard lock(mutex);
        sent = true;
        sent_cv.notify_all();
      });
      {
        std::unique_lock lock(mutex);
        CHECK(sent_cv.wait_for(lock, std::chrono::seconds(10), [&] { return sent; }));
      }
      int replies = 0;
      for (int i = 0; i < 1501; ++i) {
        if (h.receive(std::chrono::seconds(20)).is_null()) break;
        ++replies;
      }
      sender.join();
      CHECK(replies == 1501);
      CHECK(h.closeAndWait());
    }
  }
}
