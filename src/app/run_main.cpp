#include "app/run_main.h"

#include <signal.h>
#include <spdlog/spdlog.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <iostream>

#include "app/cache_command.h"
#include "app/golden/golden_command.h"
#include "app/metrics_exporters.h"
#include "app/server_builder.h"
#include "app/snapshot_record.h"
#include "mcp/message.h"
#include "mcp/protocol_version.h"
#include "mcp/wire_format.h"
#include "obs/logging.h"

namespace nba::app {
namespace {

using nlohmann::json;

std::atomic<mcp::Transport*> g_transport{nullptr};

extern "C" void onStopSignal(int) {
  if (mcp::Transport* transport = g_transport.load()) {
    transport->interrupt();  // async-signal-safe: one write() to a pipe
  }
}

void installSignalHandlers() {
  struct sigaction action {};
  action.sa_handler = onStopSignal;
  sigemptyset(&action.sa_mask);
  sigaction(SIGTERM, &action, nullptr);
  sigaction(SIGINT, &action, nullptr);
  signal(SIGPIPE, SIG_IGN);  // a closed stdout is a write error, not a crash
}

// Where the figures come from, and how the live origin treats NBA.com (DESIGN §5).
void addOriginOptions(CLI::App& cli, Config& config) {
  cli.add_option("--origin", config.origin,
                 "Where figures come from: live (NBA.com), snapshot (offline data) or auto "
                 "(NBA.com, falling back to the snapshot with a note)")
      ->envname("NBA_MCP_ORIGIN")
      ->check(CLI::IsMember({"live", "snapshot", "auto"}))
      ->capture_default_str();
  cli.add_option("--nba-stats-url", config.nba_stats_url, "Base URL of stats.nba.com")
      ->envname("NBA_MCP_STATS_URL")
      ->capture_default_str();
  cli.add_option("--nba-cdn-url", config.nba_cdn_url, "Base URL of cdn.nba.com")
      ->envname("NBA_MCP_CDN_URL")
      ->capture_default_str();
  cli.add_option("--nba-header", config.nba_headers,
                 "A request header for NBA.com, 'Name: value' (repeatable); replaces the "
                 "default of that name");
  cli.add_option("--nba-connect-timeout-ms", config.nba_connect_timeout_ms,
                 "Connect timeout for NBA.com")
      ->check(CLI::Range(1, 600000))
      ->capture_default_str();
  cli.add_option("--nba-timeout-ms", config.nba_timeout_ms,
                 "Total time one NBA.com request may take")
      ->check(CLI::Range(1, 600000))
      ->capture_default_str();
  cli.add_option("--nba-min-interval-ms", config.nba_min_interval_ms,
                 "Least time between the starts of two NBA.com requests")
      ->check(CLI::Range(0, 600000))
      ->capture_default_str();
  cli.add_option("--nba-retries", config.nba_retries,
                 "Retries after a timeout or 5xx from NBA.com (never after a 4xx)")
      ->check(CLI::Range(0, 10))
      ->capture_default_str();
  cli.add_option("--nba-breaker-failures", config.nba_breaker_failures,
                 "Failures within the window that pause NBA.com requests")
      ->check(CLI::Range(1, 1000))
      ->capture_default_str();
  cli.add_option("--nba-breaker-window-s", config.nba_breaker_window_s,
                 "The window the breaker counts failures in, seconds")
      ->check(CLI::Range(1, 86400))
      ->capture_default_str();
  cli.add_option("--nba-breaker-open-s", config.nba_breaker_open_s,
                 "How long NBA.com requests pause before one probe, seconds")
      ->check(CLI::Range(1, 86400))
      ->capture_default_str();
}

// The cache in front of NBA.com (DESIGN §6).
void addCacheOptions(CLI::App& cli, Config& config) {
  cli.add_flag("--no-cache", config.no_cache, "Ask NBA.com every time: no cache in front of it")
      ->envname("NBA_MCP_NO_CACHE");
  cli.add_flag("--warm", config.warm,
               "At start, fill the cache in the background: teams, players, this season's "
               "player lines and standings")
      ->envname("NBA_MCP_WARM");
  cli.add_option("--cache-db", config.cache_db,
                 "The cache's SQLite file, kept across restarts (\":memory:\" for none on disk); "
                 "default $XDG_CACHE_HOME/nba-mcp/cache.db")
      ->envname("NBA_MCP_CACHE_DB");
  cli.add_option("--cache-mb", config.cache_mb, "Memory for cached NBA.com tables, MiB")
      ->envname("NBA_MCP_CACHE_MB")
      ->check(CLI::Range(1, 65536))
      ->capture_default_str();
  cli.add_option("--redis", config.redis_url,
                 "Share the cache and the daily NBA.com quota with every nba-mcp on this Redis: "
                 "redis://[user:password@]host:port/db (the password may also come from "
                 "NBA_MCP_REDIS_PASSWORD)")
      ->envname("NBA_MCP_REDIS_URL");
  cli.add_option("--redis-timeout-ms", config.redis_timeout_ms,
                 "How long Redis may take to connect or answer before it is skipped, ms")
      ->check(CLI::Range(10, 60000))
      ->capture_default_str();
  cli.add_option("--redis-lock-ms", config.redis_lock_ms,
                 "How long a process asking NBA.com for a table holds its lock in Redis, and "
                 "how long the others wait for its answer, ms")
      ->check(CLI::Range(50, 600000))
      ->capture_default_str();
  const auto ttl = [&cli](const char* name, int& seconds, const char* what) {
    cli.add_option(name, seconds, what)->check(CLI::Range(1, 365 * 86400))->capture_default_str();
  };
  ttl("--cache-ttl-live-s", config.cache_ttl_live_s,
      "Freshness of today's scores, games in progress and the schedule ahead, seconds");
  ttl("--cache-ttl-daily-s", config.cache_ttl_daily_s,
      "Freshness of the season in progress's tables, seconds");
  ttl("--cache-ttl-historical-s", config.cache_ttl_historical_s,
      "Freshness of past seasons' tables, seconds");
  ttl("--cache-ttl-static-s", config.cache_ttl_static_s,
      "Freshness of the team list and player index, seconds");
  ttl("--cache-max-stale-s", config.cache_max_stale_s,
      "Oldest cached answer served when NBA.com fails, seconds");
}

// Rate limits and the daily NBA.com quota (DESIGN §7). Values are checked when the server is
// built (app/call_limits.h), so a file or environment value fails as a flag would.
void addLimitOptions(CLI::App& cli, Config& config) {
  cli.add_flag("--no-rate-limits", config.no_rate_limits,
               "Switch every per-tool rate limit off (the daily NBA.com quota stays)")
      ->envname("NBA_MCP_NO_RATE_LIMITS");
  cli.add_flag("--rate-limit-shared", config.rate_limit_shared,
               "With --redis, share each client's per-tool buckets among every nba-mcp on the "
               "Redis (the same host running several servers); without it each process has its "
               "own")
      ->envname("NBA_MCP_RATE_LIMIT_SHARED");
  cli.add_option("--rate-limit", config.rate_limits,
                 "A tool's limit in calls a minute, or off: get_live_scores=10, "
                 "compare_players=off (repeatable)");
  cli.add_option("--rate-limit-default", config.rate_limit_default,
                 "Calls a minute for a tool with no --rate-limit of its own")
      ->capture_default_str();
  cli.add_option("--max-concurrent-calls", config.max_concurrent_calls,
                 "Client tool calls running at once; more wait, then are told the server is busy")
      ->check(CLI::Range(1, 4096))
      ->capture_default_str();
  cli.add_option("--busy-wait-ms", config.busy_wait_ms,
                 "How long a call past --max-concurrent-calls waits for a slot, ms")
      ->check(CLI::Range(0, 60000))
      ->capture_default_str();
  cli.add_option("--daily-quota", config.daily_quota,
                 "NBA.com requests per UTC day, shared by every process on the cache file")
      ->envname("NBA_MCP_DAILY_QUOTA")
      ->capture_default_str();
  cli.add_option("--client-quota-share", config.client_quota_share,
                 "The most of the daily quota one client may use, a share in (0, 1]");
  cli.add_option("--nba-max-in-flight", config.nba_max_in_flight,
                 "NBA.com requests waiting on an answer at once")
      ->check(CLI::Range(1, 64))
      ->capture_default_str();
  cli.add_option("--client-id", config.client_id,
                 "Who the client is in the limits and the NBA.com accounting (default: the "
                 "name the host sends in clientInfo)")
      ->envname("NBA_MCP_CLIENT_ID");
}

// Where the metrics go besides the nba://server/metrics resource (DESIGN §8).
void addMetricsOptions(CLI::App& cli, Config& config) {
  cli.add_option("--metrics-listen", config.metrics_listen,
                 "Serve /metrics and /healthz over HTTP here, e.g. 127.0.0.1:9464")
      ->envname("NBA_MCP_METRICS_LISTEN");
  cli.add_option("--metrics-textfile", config.metrics_textfile,
                 "Write the metrics to this file (node_exporter textfile format)")
      ->envname("NBA_MCP_METRICS_TEXTFILE");
  cli.add_option("--metrics-textfile-every-s", config.metrics_textfile_every_s,
                 "How often the textfile is rewritten, seconds")
      ->check(CLI::Range(1, 3600))
      ->capture_default_str();
  cli.add_option("--trace-file", config.trace_file,
                 "Append OpenTelemetry spans to this file as OTLP/JSON lines (OTLP/HTTP export "
                 "is set by OTEL_EXPORTER_OTLP_ENDPOINT / OTEL_EXPORTER_OTLP_TRACES_ENDPOINT)")
      ->envname("NBA_MCP_TRACE_FILE");
}

void addGlobalOptions(CLI::App& cli, Config& config) {
  cli.set_config("--config", "", "Read options from this TOML/INI file (flag > env > file)");
  cli.add_option("--log-level", config.log_level,
                 "stderr log level: trace, debug, info, warn, error, critical, off")
      ->envname("NBA_MCP_LOG_LEVEL")
      ->capture_default_str();
  cli.add_option("--log-file", config.log_file, "Also write logs to this file")
      ->envname("NBA_MCP_LOG_FILE");
  cli.add_option("--log-file-max-mb", config.log_file_max_mb,
                 "The log file rotates at this size, in MiB")
      ->check(CLI::Range(1, 10'000))
      ->capture_default_str();
  cli.add_option("--log-file-count", config.log_file_count,
                 "Older log files kept (FILE.1 … FILE.N)")
      ->check(CLI::Range(1, 100))
      ->capture_default_str();
  cli.add_option("--workers", config.workers, "Worker threads for tool calls")
      ->envname("NBA_MCP_WORKERS")
      ->check(CLI::Range(1, 64))
      ->capture_default_str();
  cli.add_option("--max-message-bytes", config.max_message_bytes,
                 "Longest accepted JSON-RPC line; longer ones are rejected")
      ->envname("NBA_MCP_MAX_MESSAGE_BYTES")
      ->check(CLI::Range(1024, 256 * 1024 * 1024))
      ->capture_default_str();
  cli.add_option("--page-size", config.page_size, "Items per page of list results")
      ->envname("NBA_MCP_PAGE_SIZE")
      ->check(CLI::Range(1, 1000))
      ->capture_default_str();
  cli.add_option("--text-format", config.text_format,
                 "What tool results put in content: markdown, json or both")
      ->envname("NBA_MCP_TEXT_FORMAT")
      ->check(CLI::IsMember({"markdown", "json", "both"}))
      ->capture_default_str();
  cli.add_option("--snapshot", config.snapshot_dir,
                 "Load NBA data from this snapshot directory instead of the embedded one")
      ->envname("NBA_MCP_SNAPSHOT")
      ->check(CLI::ExistingDirectory);
  cli.add_option("--fixed-time", config.fixed_time,
                 "Pretend it is this UTC time (2026-02-22T12:00:00Z) for 'today' and 'this "
                 "season'; for reproducible answers")
      ->envname("NBA_MCP_FIXED_TIME");
  cli.add_option("--shutdown-grace-ms", config.shutdown_grace_ms,
                 "How long to let requests in flight finish after stdin closes or SIGTERM")
      ->envname("NBA_MCP_SHUTDOWN_GRACE_MS")
      ->check(CLI::Range(0, 600000))
      ->capture_default_str();
  addOriginOptions(cli, config);
  addCacheOptions(cli, config);
  addLimitOptions(cli, config);
  addMetricsOptions(cli, config);
}

int serve(const Config& config) {
  auto bundle = buildServer(config);
  if (!bundle.ok()) {
    std::cerr << "nba-mcp: " << bundle.status().message() << "\n";
    return 2;
  }
  std::unique_ptr<MetricsHttpListener> metrics_listener;
  if (!config.metrics_listen.empty()) {
    auto started = MetricsHttpListener::start(*bundle->metrics, config.metrics_listen);
    if (!started.ok()) {
      std::cerr << "nba-mcp: " << started.status().message() << "\n";
      return 2;
    }
    metrics_listener = std::move(started).value();
  }
  std::unique_ptr<MetricsTextfile> metrics_file;
  if (!config.metrics_textfile.empty()) {
    metrics_file =
        std::make_unique<MetricsTextfile>(*bundle->metrics, config.metrics_textfile,
                                          std::chrono::seconds(config.metrics_textfile_every_s));
  }
  auto transport = mcp::newFdTransport(STDIN_FILENO, STDOUT_FILENO, config.max_message_bytes);
  g_transport = transport.get();
  installSignalHandlers();
  spdlog::info("nba-mcp {} serving MCP on stdio", NBA_MCP_VERSION);
  // The server's own warnings reach the host too, at the level it set with logging/setLevel.
  mcp::McpServer& server = *bundle->server;
  obs::setWarningTarget([&server](const std::string& level, const std::string& text) {
    server.logToClient(mcp::parseLogLevel(level).value_or(mcp::LogLevel::kWarning), "nba-mcp",
                       text);
  });
  bool drained = bundle->server->serve(*transport);
  obs::clearWarningTarget();
  g_transport = nullptr;
  if (!drained) {
    std::fflush(stdout);
    _exit(0);  // a stuck request's thread cannot be joined; leave without it
  }
  return 0;
}

int listTools(const Config& config) {
  auto bundle = buildServer(config);
  if (!bundle.ok()) {
    std::cerr << "nba-mcp: " << bundle.status().message() << "\n";
    return 2;
  }
  json tools = json::array();
  for (const auto& tool : bundle->server->tools()) {
    tools.push_back(mcp::toolJson(tool, mcp::kNewestLegacyVersion));
  }
  std::cout << tools.dump(2) << "\n";
  return 0;
}

int callTool(const Config& config, const std::string& name, const std::string& arguments_text,
             bool print_json) {
  auto parsed = mcp::parseJson(arguments_text.empty() ? "{}" : arguments_text);
  if (auto* reason = std::get_if<std::string>(&parsed)) {
    std::cerr << "nba-mcp call: the arguments are not JSON: " << *reason << "\n";
    return 2;
  }
  const json& arguments = std::get<json>(parsed);
  if (!arguments.is_object()) {
    std::cerr
        << "nba-mcp call: the arguments must be a JSON object, e.g. '{\"player\":\"Jokic\"}'\n";
    return 2;
  }
  auto bundle = buildServer(config);
  if (!bundle.ok()) {
    std::cerr << "nba-mcp: " << bundle.status().message() << "\n";
    return 2;
  }
  mcp::ToolResult result = bundle->server->callTool(name, arguments);
  if (print_json) {
    std::cout
        << mcp::toolResultJson(result, mcp::kModernVersion, mcp::TextFormat::kMarkdown).dump(2)
        << "\n";
  } else {
    (result.is_error ? std::cerr : std::cout) << result.text << "\n";
  }
  return result.is_error ? 1 : 0;
}

// Runs answer_nba_question once: markdown to stdout (or the structured answer with
// --json). Exit 0 for an answer (a clarification included), 1 when the question is
// rejected (too short, too long), 2 when the server cannot start.
int ask(const Config& config, const std::string& question, bool print_json) {
  auto bundle = buildServer(config);
  if (!bundle.ok()) {
    std::cerr << "nba-mcp: " << bundle.status().message() << "\n";
    return 2;
  }
  mcp::ToolResult result =
      bundle->server->callTool("answer_nba_question", {{"question", question}});
  if (result.is_error) {
    std::cerr << "nba-mcp ask: " << result.text << "\n";
    return 1;
  }
  if (print_json && result.structured) {
    std::cout << result.structured->dump(2, ' ', false, json::error_handler_t::replace) << "\n";
  } else {
    std::cout << result.text << "\n";
  }
  return 0;
}

// CLI11 2.1 reads the config file before environment variables, and a value from
// either only fills an option nobody set — so the file would beat the environment.
// DESIGN §9 wants flag > env > file: turn each NBA_MCP_* variable into a flag placed
// before the user's own arguments (a flag given by the user still wins).
std::vector<std::string> argumentsWithEnvironment(const CLI::App& cli, int argc, char** argv) {
  std::vector<std::string> user(argv + 1, argv + argc);
  std::vector<std::string> out;
  for (const CLI::Option* option : cli.get_options()) {
    const std::string& env = option->get_envname();
    const char* value = env.empty() ? nullptr : std::getenv(env.c_str());
    if (value == nullptr || option->get_lnames().empty()) {
      continue;
    }
    std::string flag = "--" + option->get_lnames().front();
    bool given = false;
    for (const auto& arg : user) {
      given = given || arg == flag || arg.rfind(flag + "=", 0) == 0;
    }
    if (!given) {
      out.push_back(flag + "=" + value);
    }
  }
  out.insert(out.end(), user.begin(), user.end());
  std::reverse(out.begin(), out.end());  // CLI11 parses a reversed vector
  return out;
}

}  // namespace

int runMain(int argc, char** argv) {
  CLI::App cli{"nba-mcp: an MCP server for NBA statistics (JSON-RPC on stdin/stdout)", "nba-mcp"};
  cli.set_version_flag("--version", NBA_MCP_VERSION);
  Config config;
  addGlobalOptions(cli, config);
  cli.require_subcommand(0, 1);
  auto* serve_cmd = cli.add_subcommand("serve", "Run the MCP server on stdio (the default)");
  auto* tools_cmd = cli.add_subcommand("tools", "Print every tool with its schemas as JSON");
  auto* call_cmd = cli.add_subcommand("call", "Call one tool and print its answer");
  std::string tool_name;
  std::string tool_arguments = "{}";
  bool call_json = false;
  call_cmd->add_option("tool", tool_name, "Tool name, e.g. get_server_stats")->required();
  call_cmd->add_option("arguments", tool_arguments, "Arguments as a JSON object");
  call_cmd->add_flag("--json", call_json,
                     "Print the whole result (structuredContent, _meta) as JSON");
  auto* ask_cmd = cli.add_subcommand("ask", "Answer a plain-English NBA question and print it");
  std::string question;
  bool ask_json = false;
  ask_cmd->add_option("question", question, "e.g. \"Who leads the NBA in points?\"")->required();
  ask_cmd->add_flag("--json", ask_json,
                    "Print the structured answer (parsed question, plan, results) as JSON");
  auto* golden_cmd = cli.add_subcommand(
      "golden", "Check (or record) the golden questions and JSON-RPC transcripts");
  golden_cmd->require_subcommand(1);
  golden_cmd->fallthrough();
  auto* golden_check = golden_cmd->add_subcommand(
      "check", "Run golden/questions.json and replay golden/transcripts; exit 1 on a difference");
  auto* golden_record = golden_cmd->add_subcommand(
      "record",
      "Rewrite every transcript's expected.jsonl (refused when CI is set); the questions "
      "and transcript facts are still checked");
  std::string golden_dir = "golden";
  golden_cmd->add_option("--dir", golden_dir, "The golden directory")->capture_default_str();
  auto* snapshot_cmd =
      cli.add_subcommand("snapshot", "Offline data: record a snapshot from NBA.com");
  snapshot_cmd->require_subcommand(1);
  snapshot_cmd->fallthrough();
  auto* record_cmd = snapshot_cmd->add_subcommand(
      "record", "Record one season from NBA.com into a snapshot directory (for --snapshot DIR)");
  std::string record_season;
  std::string record_out;
  record_cmd->fallthrough();
  record_cmd->add_option("--season", record_season, "The season, e.g. 2025-26")->required();
  record_cmd->add_option("--out", record_out, "The directory to write")->required();
  auto* cache_cmd =
      cli.add_subcommand("cache", "The cache's SQLite file: stats, invalidate, clear, vacuum");
  cache_cmd->require_subcommand(1);
  cache_cmd->fallthrough();
  auto* cache_stats = cache_cmd->add_subcommand("stats", "Entries and bytes per freshness tier");
  auto* cache_invalidate = cache_cmd->add_subcommand(
      "invalidate", "Remove the entries matching KIND[:TEXT] (KIND * for every kind)");
  std::string cache_pattern;
  cache_invalidate
      ->add_option("PATTERN", cache_pattern, "KIND[:TEXT], e.g. standings:season=2025-26")
      ->required();
  auto* cache_clear = cache_cmd->add_subcommand("clear", "Remove every entry");
  auto* cache_vacuum = cache_cmd->add_subcommand("vacuum", "Give the file's free pages back");
  for (auto* sub : {cache_stats, cache_invalidate, cache_clear, cache_vacuum}) sub->fallthrough();
  try {
    auto arguments = argumentsWithEnvironment(cli, argc, argv);
    cli.parse(arguments);
  } catch (const CLI::ParseError& e) {
    return cli.exit(e) == 0 ? 0 : 2;
  }
  std::optional<obs::LogFileOptions> log_file;
  if (config.log_file) {
    log_file = obs::LogFileOptions{*config.log_file,
                                   static_cast<std::size_t>(config.log_file_max_mb) << 20,
                                   static_cast<std::size_t>(config.log_file_count)};
  }
  if (Status status = obs::setUpLogging(config.log_level, log_file); !status.isOk()) {
    std::cerr << "nba-mcp: " << status.message() << "\n";
    return 2;
  }
  if (*tools_cmd) {
    return listTools(config);
  }
  if (*call_cmd) {
    return callTool(config, tool_name, tool_arguments, call_json);
  }
  if (*golden_cmd) {
    (void)golden_check;
    return runGolden(config, golden_dir, *golden_record ? GoldenMode::kRecord : GoldenMode::kCheck);
  }
  if (*ask_cmd) {
    return ask(config, question, ask_json);
  }
  if (*record_cmd) {
    return runSnapshotRecord(config, record_season, record_out);
  }
  if (*cache_cmd) {
    const CacheAction action = *cache_invalidate ? CacheAction::kInvalidate
                               : *cache_clear    ? CacheAction::kClear
                               : *cache_vacuum   ? CacheAction::kVacuum
                                                 : CacheAction::kStats;
    return runCacheCommand(config, action, cache_pattern);
  }
  (void)serve_cmd;
  return serve(config);
}

}  // namespace nba::app
