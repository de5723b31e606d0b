// nba-mcp-bench-server: startup latency, idle memory, round-trip latency and pipelined
// throughput of the nba-mcp stdio server, each latency set against a raw pipe echo.

#include <signal.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <thread>
#include <tuple>
#include <utility>

#include "handler_time.h"
#include "report.h"
#include "soak.h"

namespace nba::bench {
namespace {

constexpr auto kIdleSettle = std::chrono::milliseconds(200);

std::optional<Session> startSession(const Command& command, std::string& error) {
  auto child = ChildProcess::spawn(command, error);
  if (!child) {
    return std::nullopt;
  }
  return std::optional<Session>(std::in_place, std::move(*child));
}

// Round trips and pipelined calls against the server, plus its memory.
void benchServer(const BenchOptions& o, BenchReport& r) {
  auto session = startSession(o.server, r.error);
  if (!session || !session->initialize(0) || !session->notifyInitialized()) {
    r.error = "could not start and initialize " + o.server[0] + " " + r.error;
    return;
  }
  std::this_thread::sleep_for(kIdleSettle);
  r.idle = readMemory(session->child().pid());
  std::int64_t next_id = 1;
  r.ping = measureRoundTrips(*session, kPingRequest, o.warmup, o.iterations, next_id);
  r.call = measureRoundTrips(*session, kToolCallRequest, o.warmup, o.iterations, next_id);
  r.pipelined_call = measureThroughput(*session, kToolCallRequest, o.pipelined, next_id);
  r.pipelined_cheapest = measureThroughput(*session, kCheapestToolRequest, o.pipelined, next_id);
  r.pipelined_ping = measureThroughput(*session, kPingRequest, o.pipelined, next_id);
  r.after_load = readMemory(session->child().pid());
  if (o.gap_us > 0) {
    const std::chrono::microseconds gap(o.gap_us);
    const int warm = std::min(o.warmup, 200);
    for (auto [name, tool, request] :
         {std::tuple{"ping", "", &kPingRequest},
          std::tuple{"resolve_entity by id", "resolve_entity", &kCheapestToolRequest},
          std::tuple{"get_server_stats", "get_server_stats", &kToolCallRequest},
          std::tuple{"get_league_leaders PTS", "get_league_leaders", &kLeadersRequest},
          std::tuple{"answer_nba_question", "answer_nba_question", &kAnswerRequest}}) {
      CadenceResult c;
      c.name = name;
      c.tool = tool;
      c.back_to_back = measureRoundTrips(*session, *request, warm, o.gap_iterations, next_id);
      if (*tool == '\0') {  // not a tool: no handler time to read
        c.with_gap = measureRoundTrips(*session, *request, warm, o.gap_iterations, next_id, gap);
        r.cadence.push_back(c);
        continue;
      }
      const auto before = readHandlerTime(*session, tool, next_id);
      c.with_gap = measureRoundTrips(*session, *request, warm, o.gap_iterations, next_id, gap);
      const auto after = readHandlerTime(*session, tool, next_id);
      if (before && after) c.handler_us = meanHandlerUs(*before, *after);
      r.cadence.push_back(c);
    }
  }
  if (!session->child().finish(std::chrono::milliseconds(5000))) {
    r.error = "the server did not exit cleanly after stdin closed";
  }
}

// RSS of a fresh server over a long mixed run of every tool (issue 17's figure).
bool benchSoak(const BenchOptions& o) {
  std::string error;
  auto session = startSession(o.server, error);
  if (!session || !session->initialize(0) || !session->notifyInitialized()) {
    std::printf("soak: could not start %s %s\n", o.server[0].c_str(), error.c_str());
    return false;
  }
  std::int64_t next_id = 1;
  SoakResult soak = measureSoak(*session, o.soak, std::max(1, o.soak / 10), next_id);
  std::printf("\nsoak: %d mixed tools/call (16 kinds, answers and errors) in %.1f s\n", o.soak,
              soak.seconds);
  for (const auto& sample : soak.samples) {
    std::printf("  after %7d replies: RSS %7.1f MiB\n", sample.replies,
                static_cast<double>(sample.rss_kb) / 1024.0);
  }
  std::printf("  peak RSS (VmHWM) %.1f MiB; missing %llu, JSON-RPC errors %llu, mismatches %llu\n",
              static_cast<double>(soak.hwm_kb) / 1024.0,
              static_cast<unsigned long long>(soak.missing),
              static_cast<unsigned long long>(soak.checks.errors),
              static_cast<unsigned long long>(soak.checks.mismatches));
  session->child().finish(std::chrono::milliseconds(5000));
  return soak.ok && soak.checks.errors == 0 && soak.checks.mismatches == 0;
}

// The same framing and reading code over a child that echoes each line back.
void benchEcho(const BenchOptions& o, BenchReport& r) {
  std::string error;
  auto session = startSession(o.echo, error);
  if (!session) {
    r.error = "could not start the echo child: " + error;
    return;
  }
  std::int64_t next_id = 1;
  r.echo_ping = measureRoundTrips(*session, kPingRequest, o.warmup, o.iterations, next_id);
  r.echo_call = measureRoundTrips(*session, kToolCallRequest, o.warmup, o.iterations, next_id);
  r.pipelined_echo = measureThroughput(*session, kToolCallRequest, o.pipelined, next_id);
  if (o.gap_us > 0) {
    CadenceResult c;
    c.name = "echo (tools/call line)";
    const int warm = std::min(o.warmup, 200);
    c.back_to_back = measureRoundTrips(*session, kToolCallRequest, warm, o.gap_iterations, next_id);
    c.with_gap = measureRoundTrips(*session, kToolCallRequest, warm, o.gap_iterations, next_id,
                                   std::chrono::microseconds(o.gap_us));
    r.cadence.insert(r.cadence.begin(), c);
  }
  session->child().finish(std::chrono::milliseconds(2000));
}

void addOptions(CLI::App& app, BenchOptions& o, std::string& server,
                std::vector<std::string>& server_args) {
  app.add_option("--server", server, "nba-mcp executable to measure")->capture_default_str();
  app.add_option("--server-arg", server_args, "Extra argument for the server (repeatable)")
      ->allow_extra_args(false);
  app.add_option("--echo", o.echo, "Echo child for the raw pipe baseline")->capture_default_str();
  app.add_option("--iterations", o.iterations, "Sequential round trips per request kind")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  app.add_option("--warmup", o.warmup, "Round trips before measuring")
      ->capture_default_str()
      ->check(CLI::NonNegativeNumber);
  app.add_option("--pipelined", o.pipelined, "Calls per pipelined throughput run")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  app.add_option("--gap-us", o.gap_us,
                 "Idle gap between round trips of the cadence runs (a real client's pace); 0 "
                 "skips them")
      ->capture_default_str()
      ->check(CLI::NonNegativeNumber);
  app.add_option("--gap-iterations", o.gap_iterations, "Round trips per kind in each cadence run")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  app.add_option("--spawns", o.spawns, "Fresh server processes timed to initialize")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  app.add_option("--spawn-warmup", o.spawn_warmup, "Spawns before timing")
      ->capture_default_str()
      ->check(CLI::NonNegativeNumber);
  app.add_option("--soak", o.soak,
                 "Mixed tool calls for a memory soak (RSS every tenth); 0 skips it")
      ->capture_default_str()
      ->check(CLI::NonNegativeNumber);
}

}  // namespace
}  // namespace nba::bench

int main(int argc, char** argv) {
  using namespace nba::bench;
  BenchOptions options;
  options.echo = {"cat"};
  std::string server = NBA_MCP_BENCH_DEFAULT_SERVER;
  std::vector<std::string> server_args;
  CLI::App app{"Latency, memory and throughput of the nba-mcp stdio server"};
  addOptions(app, options, server, server_args);
  CLI11_PARSE(app, argc, argv);
  options.server = {server};
  options.server.insert(options.server.end(), server_args.begin(), server_args.end());
  signal(SIGPIPE, SIG_IGN);
  // The bench measures the server, not NBA.com: offline unless the caller says otherwise
  // (NBA_MCP_ORIGIN set, or --server-arg=--origin=live, which wins over the environment).
  setenv("NBA_MCP_ORIGIN", "snapshot", /*overwrite=*/0);
  // Thousands of calls a minute would otherwise mostly measure the per-tool limiter's
  // refusals (nba-bench-limiter measures those): the limits are off unless the caller says.
  setenv("NBA_MCP_NO_RATE_LIMITS", "1", /*overwrite=*/0);

  BenchReport report;
  report.startup = measureStartup(options.server, options.spawn_warmup, options.spawns);
  benchServer(options, report);
  benchEcho(options, report);
  printReport(options, report);
  if (!report.startup.ok) {
    std::printf("startup: %s\n", report.startup.error.c_str());
  }
  bool passed = reportPassed(report);
  if (options.soak > 0) {
    passed = benchSoak(options) && passed;
  }
  std::printf("%s\n", passed ? "all replies checked" : "FAILED");
  return passed ? 0 : 1;
}
