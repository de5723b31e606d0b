#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <thread>

#include "mcp/server.h"
#include "support/line_reader.h"

namespace nba::testing {

// Runs an McpServer on a thread over two real pipes, so tests exercise the same
// transport, queue and pool as the binary, with test-only tools registered here.
class ServerHarness {
 public:
  using Setup = std::function<void(mcp::McpServer&)>;
  explicit ServerHarness(Setup setup = {}, mcp::ServerOptions options = defaultOptions());
  ~ServerHarness();

  static mcp::ServerOptions defaultOptions();

  void sendLine(const std::string& line);
  void send(const nlohmann::json& message) { sendLine(message.dump()); }
  // Next message from the server, parsed; null json on timeout.
  nlohmann::json receive(std::chrono::milliseconds timeout = std::chrono::seconds(5));
  std::optional<std::string> receiveLine(
      std::chrono::milliseconds timeout = std::chrono::seconds(5));
  // Sends a request and returns the response with that id (notifications before it
  // are skipped).
  nlohmann::json call(const std::string& method, const nlohmann::json& params,
                      const nlohmann::json& id = 1);
  nlohmann::json initialize(const std::string& version = "2025-11-25");
  // Closes the server's stdin and waits for serve() to return; its result.
  bool closeAndWait();
  mcp::McpServer& server() { return *server_; }

 private:
  std::unique_ptr<mcp::McpServer> server_;
  std::unique_ptr<mcp::Transport> transport_;
  int to_server_[2] = {-1, -1};
  int from_server_[2] = {-1, -1};
  std::unique_ptr<LineReader> reader_;
  std::thread thread_;
  bool serve_result_ = false;
  bool closed_ = false;
};

// 2026-07-28 request params: `params` plus the required per-request _meta.
nlohmann::json modernParams(nlohmann::json params = nlohmann::json::object());

}  // namespace nba::testing
