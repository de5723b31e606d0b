#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace nba::app {

// Everything the command line, NBA_MCP_* environment variables and the config file
// can set (precedence: flag > env > file > default). Plain value type.
struct Config {
  std::string log_level = "warn";
  std::optional<std::string> log_file;
  int log_file_max_mb = 10;  // the log file rotates at this size …
  int log_file_count = 3;    // … keeping this many older files
  std::size_t workers = 4;
  std::size_t max_message_bytes = std::size_t{4} * 1024 * 1024;
  std::size_t page_size = 50;
  std::string text_format = "markdown";  // markdown | json | both
  int shutdown_grace_ms = 5000;
  // A snapshot directory to load instead of the embedded one (same format).
  std::optional<std::string> snapshot_dir;
  // A fixed wall-clock time ("2026-02-22T12:00:00Z") for reproducible answers about
  // "today" and "this season" (golden tests); empty: the system clock.
  std::optional<std::string> fixed_time;

  // Where the figures come from (DESIGN §5): "live" (NBA.com), "snapshot" (the offline
  // data) or "auto" (live, falling back to the snapshot with a note).
  std::string origin = "auto";
  std::string nba_stats_url = "https://stats.nba.com/stats";
  std::string nba_cdn_url = "https://cdn.nba.com";
  // Request headers to send to NBA.com, "Name: value"; each replaces the default of that
  // name (or adds one). NBA.com changes what it wants every year or two.
  std::vector<std::string> nba_headers;
  int nba_connect_timeout_ms = 3000;
  int nba_timeout_ms = 15000;
  int nba_min_interval_ms = 600;
  int nba_retries = 2;
  int nba_breaker_failures = 5;
  int nba_breaker_window_s = 60;
  int nba_breaker_open_s = 30;

  // The cache in front of NBA.com (DESIGN §6); the snapshot is in memory already.
  bool no_cache = false;
  bool warm = false;          // fill the cache in the background at start (app/cache_warmer.h)
  std::size_t cache_mb = 64;  // L1 bytes, MiB
  // The L2 SQLite file; ":memory:" keeps it in memory; empty: $XDG_CACHE_HOME/nba-mcp/cache.db.
  std::string cache_db;
  int cache_ttl_live_s = 30;
  int cache_ttl_daily_s = 3600;
  int cache_ttl_historical_s = 86400;
  int cache_ttl_static_s = 7 * 86400;
  int cache_max_stale_s = 7 * 86400;  // stale-if-error: the oldest entry served
  // The shared tier (issue 16): redis://[user:password@]host:port/db; empty: none.
  std::string redis_url;
  int redis_timeout_ms = 250;  // connect and command timeout: a slow Redis is skipped
  int redis_lock_ms = 10000;   // a miss's lock on its key, and how long others wait on it

  // Limits (DESIGN §7). Per-tool buckets for client calls, in calls a minute.
  bool no_rate_limits = false;
  bool rate_limit_shared = false;        // with --redis: each client's buckets across processes
  std::vector<std::string> rate_limits;  // "get_live_scores=10", "compare_players=off"
  double rate_limit_default = 60;        // a tool with no setting of its own
  std::size_t max_concurrent_calls = 16;
  int busy_wait_ms = 1000;
  // NBA.com requests per UTC day, for every process on the cache file together.
  long long daily_quota = 10'000;
  std::optional<double> client_quota_share;  // at most this share of it per client
  int nba_max_in_flight = 2;                 // NBA.com requests waiting at once
  // Who the client is in the limits and the accounting; empty: the host's clientInfo.name.
  std::string client_id;

  // Metrics (DESIGN §8): an HTTP listener for /metrics and /healthz ("127.0.0.1:9464"), and a
  // node_exporter textfile rewritten every few seconds. Empty: off.
  std::string metrics_listen;
  std::string metrics_textfile;
  int metrics_textfile_every_s = 5;

  // Traces (DESIGN §8): OTLP/JSON lines appended to this file; empty: off. The OTLP/HTTP
  // receiver comes from the standard OTEL_EXPORTER_OTLP_* variables (app/call_tracing.h).
  std::string trace_file;
};

}  // namespace nba::app
