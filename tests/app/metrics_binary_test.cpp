// The real binary's metrics: /metrics and /healthz over HTTP, the textfile written at exit,
// and the nba://server/metrics resource, with the figures of the calls just made.
#include <arpa/inet.h>
#include <doctest/doctest.h>
#include <httplib.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "support/subprocess.h"

namespace nba {
namespace {

using nlohmann::json;

const std::string kBinary = NBA_MCP_BINARY;

// A loopback port nobody listens on now (the kernel's choice).
int freePort() {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  address.sin_port = 0;
  REQUIRE(::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0);
  socklen_t length = sizeof address;
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length);
  ::close(fd);
  return ntohs(address.sin_port);
}

json request(testing::Subprocess& server, int id, const std::string& method, const json& params) {
  server.writeLine(
      json{{"jsonrpc", "2.0"}, {"id", id}, {"method", method}, {"params", params}}.dump());
  return server.readJson();
}

TEST_CASE("binary: metrics over HTTP, in the textfile and as a resource") {
  const int port = freePort();
  const std::string textfile = std::filesystem::temp_directory_path() /
                               ("nba-mcp-metrics-" + std::to_string(::getpid()) + ".prom");
  // get_league_leaders takes one call a minute here: the second is refused, however slow the
  // build; get_live_scores keeps its 10 a minute.
  testing::Subprocess server({kBinary, "--origin", "snapshot", "--fixed-time",
                              "2026-02-22T12:00:00Z", "--rate-limit", "get_league_leaders=1",
                              "--metrics-listen", "127.0.0.1:" + std::to_string(port),
                              "--metrics-textfile", textfile, "serve"});
  REQUIRE(request(server, 1, "initialize",
                  {{"protocolVersion", "2025-06-18"},
                   {"capabilities", json::object()},
                   {"clientInfo", {{"name", "t"}, {"version", "1"}}}})
              .contains("result"));
  server.writeLine(R"({"jsonrpc":"2.0","method":"notifications/initialized"})");
  const json leaders = {{"name", "get_league_leaders"},
                        {"arguments", {{"stat", "points"}, {"limit", 1}}}};
  CHECK_FALSE(request(server, 2, "tools/call", leaders).at("result").value("isError", false));
  CHECK(request(server, 3, "tools/call", leaders).at("result").at("isError") == true);
  CHECK(
      request(server, 4, "tools/call", {{"name", "get_live_scores"}, {"arguments", {{"date", 12}}}})
          .at("result")
          .at("isError") == true);
  const json answered =
      request(server, 5, "tools/call",
              {{"name", "answer_nba_question"}, {"arguments", {{"question", "West standings"}}}});
  CHECK_FALSE(answered.at("result").value("isError", false));

  httplib::Client http("127.0.0.1", port);
  const auto health = http.Get("/healthz");
  REQUIRE(health);
  CHECK(health->status == 200);
  CHECK(health->body == "ok\n");
  const auto scraped = http.Get("/metrics");
  REQUIRE(scraped);
  CHECK(scraped->status == 200);
  CHECK(scraped->get_header_value("Content-Type").find("text/plain; version=0.0.4") == 0);
  const std::string& text = scraped->body;
  INFO(text);
  const auto has = [&text](const std::string& line) {
    return text.find(line + "\n") != std::string::npos;
  };
  CHECK(has("# TYPE nba_mcp_requests_total counter"));
  CHECK(has(R"(nba_mcp_requests_total{tool="get_league_leaders",status="ok"} 1)"));
  CHECK(has(R"(nba_mcp_requests_total{tool="get_league_leaders",status="error"} 1)"));
  CHECK(has(R"(nba_mcp_errors_total{tool="get_league_leaders",error_type="rate_limited"} 1)"));
  CHECK(has(R"(nba_mcp_requests_total{tool="get_live_scores",status="error"} 1)"));
  CHECK(has(R"(nba_mcp_errors_total{tool="get_live_scores",error_type="invalid_arguments"} 1)"));
  CHECK(has(R"(nba_mcp_request_duration_seconds_count{tool="get_league_leaders"} 2)"));
  CHECK(has(R"(nba_mcp_tool_cache_results_total{tool="get_league_leaders",result="miss"} 1)"));
  CHECK(has(R"(nba_mcp_rate_limited_total{tool="get_league_leaders"} 1)"));
  CHECK(has(R"(nba_mcp_rate_limit_remaining{tool="get_league_leaders"} 0)"));
  // The malformed call spent no token (10 a minute: none can have come back in the test).
  CHECK(has(R"(nba_mcp_rate_limit_remaining{tool="get_live_scores"} 10)"));
  CHECK(has("nba_mcp_active_requests 0"));
  // The protocol's own counters (mcp/protocol_metrics.h), the ones get_server_stats reads.
  CHECK(has("nba_mcp_jsonrpc_requests_total 5"));
  CHECK(has("nba_mcp_jsonrpc_notifications_total 1"));
  CHECK(has("nba_mcp_jsonrpc_messages_total 6"));
  CHECK(has(R"(nba_mcp_jsonrpc_tool_calls_total{is_error="false"} 2)"));
  CHECK(has(R"(nba_mcp_jsonrpc_tool_calls_total{is_error="true"} 2)"));
  CHECK(has("nba_mcp_jsonrpc_errors_total 0"));
  // The question's stages, once each.
  CHECK(has("# TYPE nba_mcp_pipeline_stage_seconds histogram"));
  for (const char* stage : {"parse", "plan", "execute", "synthesize"}) {
    CHECK(has(std::string("nba_mcp_pipeline_stage_seconds_count{stage=\"") + stage + "\"} 1"));
  }
  CHECK_FALSE(has("nba_mcp_upstream_quota_used 0"));  // no NBA.com under --origin snapshot

  const json read = request(server, 6, "resources/read", {{"uri", "nba://server/metrics"}});
  const json& contents = read.at("result").at("contents")[0];
  CHECK(contents.at("mimeType") == "text/plain; version=0.0.4");
  CHECK(contents.at("text").get<std::string>().find(
            R"(nba_mcp_requests_total{tool="get_league_leaders",status="ok"} 1)") !=
        std::string::npos);

  server.closeStdin();
  CHECK(server.wait() == 0);
  std::ifstream file(textfile);
  std::stringstream written;
  written << file.rdbuf();
  CHECK(written.str().find(R"(nba_mcp_requests_total{tool="get_league_leaders",status="ok"} 1)") !=
        std::string::npos);
  CHECK_FALSE(std::filesystem::exists(textfile + ".tmp"));
  std::filesystem::remove(textfile);
}

TEST_CASE("binary: a --metrics-listen that is not HOST:PORT stops the start") {
  testing::Subprocess server(
      {kBinary, "--origin", "snapshot", "--metrics-listen", "9464", "serve"});
  server.closeStdin();
  CHECK(server.wait() == 2);
  CHECK(server.stderrText().find("--metrics-listen '9464' is not HOST:PORT, e.g. 127.0.0.1:9464") !=
        std::string::npos);
}

}  // namespace
}  // namespace nba
