#include "app/server_builder.h"

#include <algorithm>
#include <cstdlib>
#include <ctime>
#include <thread>

#include "app/answer_tool.h"
#include "app/lazy_sources.h"
#include "app/limit_settings.h"
#include "app/nba_resources_and_prompts.h"
#include "app/nba_tools.h"
#include "app/origin_sources.h"
#include "origin/known_seasons_view.h"

namespace nba::app {
namespace {

// What the host is told about the server; the coverage depends on where figures come from.
std::string instructionsFor(const Config& config) {
  const std::string coverage =
      config.origin == "snapshot"
          ? "for the 2023-24 and 2024-25 seasons and 2025-26 as recorded"
          : "live from NBA.com (every season since 1996-97, this one included)" +
                std::string(config.origin == "auto"
                                ? ", or from an offline snapshot (2023-24 to 2025-26 as "
                                  "recorded) when NBA.com cannot be reached"
                                : "");
  return "nba-mcp answers NBA statistics questions: player season and career stats, league "
         "leaders, player and team comparisons, standings, team ratings, scores, head-to-head "
         "records, box scores and awards, " +
         coverage +
         ". Every answer names its season and the date its data is from. Use "
         "get_server_stats to see the server's health.";
}

mcp::TextFormat parseTextFormat(const std::string& text) {
  if (text == "json") return mcp::TextFormat::kJson;
  if (text == "both") return mcp::TextFormat::kBoth;
  return mcp::TextFormat::kMarkdown;
}

// Threads per group of a question's independent calls: no more than the workers the user
// allowed, nor than the machine has cores.
unsigned answerParallelism(const Config& config) {
  const unsigned cores = std::max(1U, std::thread::hardware_concurrency());
  return std::min(cores, static_cast<unsigned>(std::max<std::size_t>(1, config.workers)));
}

// The per-tool buckets and the concurrency cap, over the tools registered so far.
Status addCallLimits(const Config& config, ServerBundle& bundle) {
  std::vector<std::string> names;
  for (const auto& tool : bundle.server->tools()) names.push_back(tool.name);
  auto options = callLimitsOptions(config, names);
  if (!options.ok()) {
    return options.status();
  }
  if (config.rate_limit_shared) {
    if (!bundle.origin->shared) {
      return invalidArgument(
          "--rate-limit-shared shares the per-tool buckets through Redis: "
          "it needs --redis URL");
    }
    options->shared_buckets = sharedBuckets(*bundle.origin->shared);
  }
  bundle.limits = std::make_unique<CallLimits>(*bundle.clock, options.value(), names,
                                               bundle.origin->quota.get());
  bundle.server->addValidatedToolMiddleware(bundle.limits->middleware());
  bundle.stats->setLimits(bundle.limits.get());
  return Status::ok();
}

}  // namespace

Result<std::chrono::system_clock::time_point> parseFixedTime(const std::string& text) {
  std::tm tm{};
  int year = 0;
  int month = 0;
  int day = 0;
  int hour = 12;
  int minute = 0;
  int second = 0;
  char tail = '\0';
  bool date_only = text.size() == 10 &&
                   std::sscanf(text.c_str(), "%4d-%2d-%2d%c", &year, &month, &day, &tail) == 3;
  bool full = std::sscanf(text.c_str(), "%4d-%2d-%2dT%2d:%2d:%2dZ%c", &year, &month, &day, &hour,
                          &minute, &second, &tail) == 6;
  if ((!date_only && !full) || month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 ||
      minute > 59 || second > 60) {
    return invalidArgument("--fixed-time '" + text +
                           "' is not a UTC time like 2026-02-22T12:00:00Z or a date like "
                           "2026-02-22");
  }
  tm.tm_year = year - 1900;
  tm.tm_mon = month - 1;
  tm.tm_mday = day;
  tm.tm_hour = hour;
  tm.tm_min = minute;
  tm.tm_sec = second;
  return std::chrono::system_clock::from_time_t(timegm(&tm));
}

Result<std::shared_ptr<Clock>> makeClock(const Config& config) {
  if (!config.fixed_time) {
    return newSystemClock();
  }
  auto time = parseFixedTime(*config.fixed_time);
  if (!time.ok()) {
    return time.status();
  }
  // The date is fixed; monotonic time still runs, so durations, TTLs and backoffs do.
  return newFixedDateClock(time.value());
}

Result<ServerBundle> buildServer(const Config& config) {
  mcp::ServerIdentity identity{"nba-mcp",
                               "NBA Stats",
                               NBA_MCP_VERSION,
                               "Fast, correct NBA statistics over MCP",
                               "",
                               instructionsFor(config)};
  mcp::ServerOptions options;
  options.worker_threads = config.workers;
  options.max_line_bytes = config.max_message_bytes;
  options.page_size = config.page_size;
  options.text_format = parseTextFormat(config.text_format);
  options.shutdown_grace = std::chrono::milliseconds(config.shutdown_grace_ms);
  options.client_id = config.client_id;

  ServerBundle bundle;
  auto clock = makeClock(config);
  if (!clock.ok()) {
    return clock.status();
  }
  bundle.clock = clock.value();
  bundle.metrics = std::make_shared<ServerMetrics>();
  auto sources = buildOriginSources(config, *bundle.clock, bundle.metrics.get());
  if (!sources.ok()) {
    return sources.status();
  }
  bundle.origin = std::move(sources).value();
  bundle.known = newKnownSeasonsView(*bundle.origin->chosen, *bundle.clock);
  bundle.resolver = newLazyResolver(*bundle.known, *bundle.clock);
  bundle.client_call = std::make_unique<CallContext>(*bundle.clock, Caller::kClient);
  bundle.env = std::make_unique<tools::ToolEnv>(
      tools::ToolEnv{*bundle.known, *bundle.resolver, *bundle.clock, *bundle.client_call});
  options.metrics = &bundle.metrics->registry();  // ServerBundle keeps metrics past the server
  bundle.server = std::make_unique<mcp::McpServer>(identity, options);
  // Tracing outermost: a call's span covers its metrics, limits and memo too.
  auto trace_settings =
      traceSettingsFrom(config, [](const char* name) { return std::getenv(name); });
  if (!trace_settings.ok()) {
    return trace_settings.status();
  }
  if (trace_settings->enabled()) {
    auto tracing = CallTracing::start(trace_settings.value());
    if (!tracing.ok()) {
      return tracing.status();
    }
    bundle.tracing = std::move(tracing).value();
    bundle.tracing->exposeTo(bundle.metrics->registry());
    bundle.server->addToolMiddleware(bundle.tracing->middleware());
  }
  bundle.server->addToolMiddleware(bundle.metrics->middleware(*bundle.clock));
  bundle.stats =
      std::make_shared<ServerStats>(*bundle.server, *bundle.metrics, bundle.origin->cached.get(),
                                    std::chrono::steady_clock::now());
  if (Status status = registerNbaTools(*bundle.server, *bundle.env); !status.isOk()) {
    return status;
  }
  if (Status status = registerAnswerTool(*bundle.server, *bundle.env, answerParallelism(config),
                                         bundle.metrics->registry());
      !status.isOk()) {
    return status;
  }
  if (Status status = registerServerStats(*bundle.server, bundle.stats); !status.isOk()) {
    return status;
  }
  // Limits, then the memo: a call the memo answers still spends its token.
  if (Status status = addCallLimits(config, bundle); !status.isOk()) {
    return status;
  }
  if (config.origin == "snapshot" || bundle.origin->cached != nullptr) {
    bundle.memo = std::make_unique<ToolResultMemo>(*bundle.clock, bundle.origin->version);
    bundle.server->addValidatedToolMiddleware(bundle.memo->middleware());
    bundle.stats->setMemo(bundle.memo.get());
  }
  bundle.metrics->watch(bundle.origin->cached.get(), bundle.limits.get(),
                        bundle.origin->quota.get());
  if (bundle.origin->polite) bundle.metrics->watchCircuit(*bundle.origin->polite, *bundle.clock);
  if (bundle.origin->shared) bundle.metrics->watchShared(*bundle.origin->shared->store);
  if (Status status = registerNbaResources(*bundle.server, *bundle.env); !status.isOk()) {
    return status;
  }
  if (Status status = registerMetricsResource(*bundle.server, bundle.metrics); !status.isOk()) {
    return status;
  }
  if (Status status = registerNbaPrompts(*bundle.server, *bundle.env); !status.isOk()) {
    return status;
  }
  return bundle;
}

}  // namespace nba::app
