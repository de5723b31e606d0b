#include "app/origin_sources.h"

#include <algorithm>

#include "app/lazy_sources.h"
#include "app/limit_settings.h"
#include "app/redis_quota_store.h"
#include "app/sqlite_quota_store.h"
#include "core/ascii.h"
#include "origin/fallback_data_source.h"
#include "origin/live/curl_http_client.h"
#include "origin/live/gated_http_client.h"
#include "origin/live/live_source.h"
#include "origin/live/polite_http_client.h"
#include "origin/live/traced_http_client.h"
#include "origin/snapshot/snapshot_source.h"

namespace nba::app {
namespace {

using Headers = std::vector<std::pair<std::string, std::string>>;

// The defaults with each configured "Name: value" replacing the header of that name.
Result<Headers> requestHeaders(const Config& config) {
  Headers headers = live::defaultNbaHeaders();
  for (const std::string& line : config.nba_headers) {
    const auto colon = line.find(':');
    const std::string name(trimAscii(std::string_view(line).substr(0, colon)));
    if (colon == std::string::npos || name.empty()) {
      return invalidArgument("--nba-header '" + line +
                             "' is not 'Name: value', e.g. 'Referer: https://www.nba.com/'");
    }
    const std::string value(trimAscii(std::string_view(line).substr(colon + 1)));
    std::erase_if(headers, [&](const auto& h) { return asciiLower(h.first) == asciiLower(name); });
    if (!value.empty()) headers.emplace_back(name, value);  // an empty value removes it
  }
  return headers;
}

// A base URL the live source can use: http(s), a host, no spaces. Checked at start, so a typo
// in a flag is an error to fix, not (under auto) a silent fall back to the snapshot forever.
Status checkBaseUrl(const char* flag, const std::string& url, const char* example) {
  std::string_view rest = url;
  for (std::string_view scheme : {"https://", "http://"}) {
    if (rest.substr(0, scheme.size()) == scheme) {
      rest.remove_prefix(scheme.size());
      const std::string_view host = rest.substr(0, rest.find('/'));
      const bool clean = std::none_of(url.begin(), url.end(), [](char c) {
        return static_cast<unsigned char>(c) <= ' ' || c == 0x7f;
      });
      if (!host.empty() && host.front() != ':' && clean) return Status::ok();
    }
  }
  return invalidArgument(std::string(flag) + " '" + url.substr(0, 200) +
                         "' is not an http:// or https:// URL with a host, e.g. " + example);
}

Result<std::unique_ptr<DataSource>> snapshotSource(const Config& config, const Clock& clock) {
  if (!config.snapshot_dir) {
    // The embedded snapshot is checked by the build's tests; load it on first use.
    return newLazyDataSource([] { return newEmbeddedSnapshotSource(); }, clock);
  }
  // A snapshot from disk may be malformed: load it now so a bad file fails at start,
  // naming file, line and column.
  auto data = newSnapshotSourceFromDirectory(*config.snapshot_dir);
  if (!data.ok()) {
    return Status(data.status().code(), "cannot load the snapshot: " + data.status().message());
  }
  return std::move(data).value();
}

// The live source's franchise list and name prominence come from the snapshot.
Result<std::unique_ptr<DataSource>> liveSource(const live::HttpClient& http,
                                               const DataSource& snapshot, const Clock& clock,
                                               live::LiveOptions options) {
  const CallContext build(clock, Caller::kBackground);
  auto teams = snapshot.teams(build);
  if (!teams.ok()) {
    return teams.status();
  }
  auto players = snapshot.players(build);
  if (!players.ok()) {
    return players.status();
  }
  for (const Player& player : players.value().rows) {
    options.prominence[player.player_id] = player.prominence;
  }
  std::vector<Team> franchises(teams.value().rows.begin(), teams.value().rows.end());
  return live::newLiveSource(http, live::TeamDirectory(std::move(franchises)), std::move(options));
}

CacheOptions cacheOptions(const Config& config) {
  CacheOptions options;
  options.capacity_bytes = config.cache_mb << 20;
  options.ttl.fresh = {std::chrono::seconds(config.cache_ttl_live_s),
                       std::chrono::seconds(config.cache_ttl_daily_s),
                       std::chrono::seconds(config.cache_ttl_historical_s),
                       std::chrono::seconds(config.cache_ttl_static_s)};
  options.ttl.max_stale = std::chrono::seconds(config.cache_max_stale_s);
  options.db_path = config.cache_db.empty() ? cache::defaultCacheDbPath() : config.cache_db;
  return options;
}

}  // namespace

Result<std::unique_ptr<OriginSources>> buildOriginSources(const Config& config, const Clock& clock,
                                                          ServerMetrics* metrics) {
  auto sources = std::make_unique<OriginSources>();
  auto snapshot = snapshotSource(config, clock);
  if (!snapshot.ok()) {
    return snapshot.status();
  }
  sources->snapshot = std::move(snapshot).value();
  sources->chosen = sources->snapshot.get();
  auto shared = connectSharedTier(config, clock);
  if (!shared.ok()) {
    return shared.status();
  }
  sources->shared = std::move(shared).value();
  if (config.origin == "snapshot") {
    return sources;
  }
  auto headers = requestHeaders(config);
  if (!headers.ok()) {
    return headers.status();
  }
  for (const Status& url :
       {checkBaseUrl("--nba-stats-url", config.nba_stats_url, "https://stats.nba.com/stats"),
        checkBaseUrl("--nba-cdn-url", config.nba_cdn_url, "https://cdn.nba.com")}) {
    if (!url.isOk()) return url;
  }
  live::CurlOptions curl;
  curl.connect_timeout = std::chrono::milliseconds(config.nba_connect_timeout_ms);
  curl.total_timeout = std::chrono::milliseconds(config.nba_timeout_ms);
  auto quota = quotaOptions(config);
  if (!quota.ok()) {
    return quota.status();
  }
  auto quota_store =
      newSqliteQuotaStore(config.cache_db.empty() ? cache::defaultCacheDbPath() : config.cache_db);
  if (sources->shared) {
    quota_store = newRedisQuotaStore(*sources->shared->client, clock, std::move(quota_store));
  }
  sources->quota =
      std::make_unique<ratelimit::DailyQuota>(clock, quota.value(), std::move(quota_store));
  sources->curl = live::newCurlHttpClient(curl);
  ratelimit::DailyQuota& daily = *sources->quota;
  const live::HttpClient* leaving = sources->curl.get();
  if (metrics != nullptr) {
    sources->metered = metrics->meter(*sources->curl, clock);
    leaving = sources->metered.get();
  }
  sources->gated = live::newGatedHttpClient(
      *leaving, [&daily](const CallContext& context, const live::HttpRequest&) {
        return daily.take(context.client());
      });
  // Each attempt the politeness policy makes is an upstream_call span, quota refusals too.
  sources->traced = live::newTracedHttpClient(*sources->gated);
  live::PolitenessOptions politeness;
  politeness.min_interval = std::chrono::milliseconds(config.nba_min_interval_ms);
  politeness.max_retries = config.nba_retries;
  politeness.breaker_failures = config.nba_breaker_failures;
  politeness.breaker_window = std::chrono::seconds(config.nba_breaker_window_s);
  politeness.breaker_open = std::chrono::seconds(config.nba_breaker_open_s);
  politeness.max_in_flight = config.nba_max_in_flight;
  if (sources->shared && config.nba_min_interval_ms > 0) {
    politeness.shared_slot =
        sharedPacer(*sources->shared, std::chrono::milliseconds(config.nba_min_interval_ms));
  }
  sources->polite = live::newPoliteHttpClient(*sources->traced, politeness);
  live::LiveOptions options;
  options.stats_url = config.nba_stats_url;
  options.cdn_url = config.nba_cdn_url;
  options.headers = std::move(headers).value();
  const live::HttpClient& http = *sources->polite;
  const DataSource& offline = *sources->snapshot;
  sources->live = newLazyDataSource(
      [&http, &offline, &clock, options] { return liveSource(http, offline, clock, options); },
      clock);
  sources->chosen = sources->live.get();
  if (!config.no_cache) {
    CacheOptions cache_options = cacheOptions(config);
    cache_options.version = &sources->version;
    cache_options.ttl_stretch = [&daily] { return daily.ttlStretch(); };
    if (sources->shared) {
      cache_options.shared = sources->shared->store.get();
      cache_options.shared_lock = std::chrono::milliseconds(config.redis_lock_ms);
    }
    sources->cached = std::make_unique<CachingDataSource>(*sources->live, clock, cache_options);
    sources->chosen = sources->cached.get();
  }
  if (config.warm && sources->cached) {
    sources->warmer = std::make_unique<CacheWarmer>(*sources->cached, clock);
  }
  if (config.origin == "auto") {
    sources->fallback = newFallbackDataSource(*sources->chosen, *sources->snapshot);
    sources->chosen = sources->fallback.get();
  }
  return sources;
}

}  // namespace nba::app
