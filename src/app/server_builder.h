#pragma once

#include <memory>

#include "app/call_limits.h"
#include "app/call_tracing.h"
#include "app/config.h"
#include "app/origin_sources.h"
#include "app/server_metrics.h"
#include "app/server_stats.h"
#include "app/tool_result_memo.h"
#include "core/clock.h"
#include "core/status.h"
#include "mcp/server.h"
#include "nba/entity/entity_resolver.h"
#include "nba/tools/tool_env.h"
#include "origin/data_source.h"

namespace nba::app {

// The composition root's product: a server with every tool, resource and prompt
// registered, plus the objects they share. Members are destroyed in reverse order.
struct ServerBundle {
  std::shared_ptr<Clock> clock;
  // Spans of every call (app/call_tracing.h), when a trace file or an OTLP receiver is set;
  // null otherwise. Destroyed late: its exporter writes what is left at exit.
  std::unique_ptr<CallTracing> tracing;
  // The Prometheus metrics (app/server_metrics.h): before the sources, whose NBA.com requests
  // it counts, so it outlives them; shared with the resource that shows it.
  std::shared_ptr<ServerMetrics> metrics;
  // The sources --origin chose (app/origin_sources.h).
  std::unique_ptr<OriginSources> origin;
  // `origin->chosen` as the tools see it: only the seasons begun by the clock's date
  // (newKnownSeasonsView), so a fixed clock never shows a later season's figures.
  std::unique_ptr<DataSource> known;
  std::unique_ptr<entity::EntityResolver> resolver;
  // The context of client requests that carry none of their own (resources/read,
  // prompts/get, completions); each tool call gets its own (app/call_context_of.h).
  std::unique_ptr<CallContext> client_call;
  std::unique_ptr<tools::ToolEnv> env;
  // Per-tool buckets and the cap on concurrent client calls (app/call_limits.h).
  std::unique_ptr<CallLimits> limits;
  // The tool-result memo, where the figures are versioned: the snapshot, or NBA.com behind
  // the cache (app/tool_result_memo.h). Null otherwise.
  std::unique_ptr<ToolResultMemo> memo;
  std::unique_ptr<mcp::McpServer> server;
  std::shared_ptr<ServerStats> stats;
};

// Loads the data (embedded snapshot or --snapshot DIR), builds the resolver and the
// server. Fails fast with a message naming what is wrong (a malformed snapshot file and
// line, a bad --fixed-time).
Result<ServerBundle> buildServer(const Config& config);

// The system clock, or --fixed-time's fixed-date clock.
Result<std::shared_ptr<Clock>> makeClock(const Config& config);

// Parses "2026-02-22T12:00:00Z" (or a plain date, meaning noon UTC).
Result<std::chrono::system_clock::time_point> parseFixedTime(const std::string& text);

}  // namespace nba::app
