#pragma once

#include <memory>

#include "app/cache_warmer.h"
#include "app/config.h"
#include "app/server_metrics.h"
#include "app/shared_tier.h"
#include "core/clock.h"
#include "core/status.h"
#include "origin/cached/caching_data_source.h"
#include "origin/data_source.h"
#include "origin/live/http_client.h"
#include "origin/live/polite_http_client.h"
#include "ratelimit/daily_quota.h"

namespace nba::app {

// The sources behind the tools, as --origin chooses them (DESIGN §5), and what they own:
// * snapshot: the offline data (embedded, loaded on first use; or --snapshot DIR, loaded
//   now so a bad file fails at start);
// * live: NBA.com through libcurl, the daily quota and the politeness policy (pacing, a cap
//   on requests in flight, retries, a circuit breaker), built on first use from the
//   snapshot's franchise list (so `initialize` never waits on the network or the snapshot);
// * auto: live first, the snapshot when NBA.com cannot answer, with a note.
// Under live and auto the cache stands in front of NBA.com (not of the snapshot, which is in
// memory already), so a stale-if-error answer comes before a fall back to the snapshot.
// Members are destroyed in reverse order: `chosen` last refers to the others.
struct OriginSources {
  DataVersion version;  // moves when the cache stores a table (the tool-result memo reads it)
  std::unique_ptr<DataSource> snapshot;
  std::unique_ptr<SharedTier> shared;  // --redis (under snapshot, only shared rate limits use it)
  // The daily NBA.com quota, kept in the cache's SQLite file, or in Redis with --redis (live
  // and auto only).
  std::unique_ptr<ratelimit::DailyQuota> quota;
  std::unique_ptr<live::HttpClient> curl;
  std::unique_ptr<live::HttpClient> metered;  // curl, counted and timed (with metrics)
  std::unique_ptr<live::HttpClient> gated;    // behind the daily quota
  std::unique_ptr<live::HttpClient> traced;   // each attempt an upstream_call span
  std::unique_ptr<live::PoliteHttpClient> polite;
  std::unique_ptr<DataSource> live;
  std::unique_ptr<CachingDataSource> cached;  // in front of live, unless --no-cache
  std::unique_ptr<DataSource> fallback;
  const DataSource* chosen = nullptr;
  std::unique_ptr<CacheWarmer> warmer;  // --warm; stopped first
};

// kInvalidArgument for a bad --redis URL, a bad --nba-header, a bad --daily-quota or
// --client-quota-share, or an
// --nba-stats-url / --nba-cdn-url that is not an http(s) URL with a host (unless the origin is
// snapshot); the snapshot's load error for a bad --snapshot. `clock` must outlive the sources.
// With `metrics`, NBA.com requests are counted and timed there (it must outlive the sources).
Result<std::unique_ptr<OriginSources>> buildOriginSources(const Config& config, const Clock& clock,
                                                          ServerMetrics* metrics = nullptr);

}  // namespace nba::app
