#include "support/server_harness.h"

#include <unistd.h>

namespace nba::testing {

using nlohmann::json;

mcp::ServerOptions ServerHarness::defaultOptions() {
  mcp::ServerOptions options;
  options.worker_threads = 4;
  options.max_line_bytes = 64 * 1024;
  options.page_size = 2;  // small, so pagination is exercised
  options.shutdown_grace = std::chrono::milliseconds(2000);
  return options;
}

ServerHarness::ServerHarness(Setup setup, mcp::ServerOptions options) {
  mcp::ServerIdentity identity{"nba-mcp-test", "Test", "0.0.1", "", "", "test server"};
  server_ = std::make_unique<mcp::McpServer>(identity, options);
  if (setup) {
    setup(*server_);
  }
  if (pipe(to_server_) != 0 || pipe(from_server_) != 0) {
    throw std::runtime_error("pipe failed");
  }
  transport_ = mcp::newFdTransport(to_server_[0], from_server_[1], options.max_line_bytes);
  reader_ = std::make_unique<LineReader>(from_server_[0]);
  thread_ = std::thread([this] {
    serve_result_ = server_->serve(*transport_);
    close(from_server_[1]);
  });
}

ServerHarness::~ServerHarness() {
  closeAndWait();
  close(to_server_[0]);
  close(from_server_[0]);
}

void ServerHarness::sendLine(const std::string& line) {
  std::string data = line + "\n";
  std::size_t written = 0;
  while (written < data.size()) {
    ssize_t n = write(to_server_[1], data.data() + written, data.size() - written);
    if (n <= 0) {
      throw std::runtime_error("write to server failed");
    }
    written += static_cast<std::size_t>(n);
  }
}

std::optional<std::string> ServerHarness::receiveLine(std::chrono::milliseconds timeout) {
  return reader_->next(timeout);
}

json ServerHarness::receive(std::chrono::milliseconds timeout) {
  auto line = receiveLine(timeout);
  if (!line) {
    return nullptr;
  }
  return json::parse(*line);
}

json ServerHarness::call(const std::string& method, const json& params, const json& id) {
  json message = {{"jsonrpc", "2.0"}, {"id", id}, {"method", method}};
  if (!params.is_null()) {
    message["params"] = params;
  }
  send(message);
  while (true) {
    json reply = receive();
    if (reply.is_null() || (reply.contains("id") && reply["id"] == id)) {
      return reply;
    }
  }
}

json ServerHarness::initialize(const std::string& version) {
  json reply = call("initialize",
                    {{"protocolVersion", version},
                     {"capabilities", json::object()},
                     {"clientInfo", {{"name", "harness"}, {"version", "1"}}}},
                    "init");
  send({{"jsonrpc", "2.0"}, {"method", "notifications/initialized"}});
  return reply;
}

bool ServerHarness::closeAndWait() {
  if (!closed_) {
    closed_ = true;
    close(to_server_[1]);
    thread_.join();
  }
  return serve_result_;
}

json modernParams(json params) {
  params["_meta"]["io.modelcontextprotocol/protocolVersion"] = "2026-07-28";
  params["_meta"]["io.modelcontextprotocol/clientCapabilities"] = json::object();
  return params;
}

}  // namespace nba::testing
