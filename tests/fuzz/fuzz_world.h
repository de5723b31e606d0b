#pragma once

#include <memory>
#include <string_view>

#include "app/server_builder.h"
#include "app/server_metrics.h"
#include "app/server_stats.h"
#include "fuzz/json_depth.h"
#include "fuzz/oracle.h"
#include "mcp/server.h"
#include "nba/tools/tool_env.h"

// What the libFuzzer targets share: the app's server, fresh servers wired the same way,
// quiet logging and the switch that steers clear of crashes already being fixed.
namespace nba::fuzz {

// The golden tests' clock (golden/questions.json): "this season" is 2024-25.
inline constexpr char kFixedTime[] = "2025-04-14T12:00:00Z";

// app::buildServer's bundle — every tool, resource and prompt over the embedded snapshot —
// with the clock fixed at kFixedTime, built on first use and kept for the process.
// Aborts if it cannot be built. Thread-safe.
app::ServerBundle& appServer();

// A server wired like app::buildServer (metrics middleware, NBA tools, answer_nba_question,
// server stats, resources, prompts) but over one snapshot loaded for the whole process, so
// a fuzz input can have a server of its own (a fresh session) without a snapshot load.
// Members are destroyed in reverse order.
struct FreshServer {
  std::unique_ptr<app::ServerMetrics> metrics;
  std::unique_ptr<mcp::McpServer> server;
  std::shared_ptr<app::ServerStats> stats;
};
FreshServer newFreshServer(const mcp::ServerOptions& options);

// Sends spdlog to a null sink at trace level: every log call still formats its arguments
// (so the fuzzer covers them) but nothing floods the fuzzer's output. Call once, first.
void quietLogging();

// NBA_MCP_FUZZ_AVOID_KNOWN_CRASHES=1 (scripts/fuzz.sh --avoid-known-crashes) skips inputs
// that reach the crashes being fixed on main, so CI stays green until the fixes land:
// JSON nested deeper than kKnownSafeDepth, and notifications/cancelled without a requestId;
// and the known bugs of tests/fuzz/regressions/ (the planner comparing a player with himself).
bool avoidKnownCrashes();
inline constexpr std::size_t kKnownSafeDepth = 1000;

// True when `line` is a notifications/cancelled whose params object has no requestId
// (or an array holding one).
bool isCancelWithoutRequestId(std::string_view line);

}  // namespace nba::fuzz
