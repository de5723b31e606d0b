#include "app/server_metrics.h"

#include <map>

#include "core/stopwatch.h"

namespace nba::app {
namespace {

// ---------------------------------------------------------------- metrics (DESIGN §8)
// Recorded here:
//   nba_mcp_requests_total{tool,status}            counter   tool calls answered (ok|error)
//   nba_mcp_request_duration_seconds{tool}         histogram handler time, seconds
//   nba_mcp_errors_total{tool,error_type}          counter   isError results by kind
//   nba_mcp_tool_cache_results_total{tool,result}  counter   calls by their data's cache state
//   nba_mcp_pipeline_calls_total{tool,status}      counter   answer_nba_question's own calls
//   nba_mcp_upstream_requests_total{endpoint,status} counter NBA.com requests that left
//   nba_mcp_upstream_duration_seconds{endpoint}    histogram their time, seconds
// Read at render time:
//   nba_mcp_active_requests                        gauge     requests in flight
//   nba_mcp_cache_hits_total{tier} / _stale_total{tier} / _misses_total{tier}   counters
//   nba_mcp_cache_evictions_total                  counter
//   nba_mcp_cache_entries{tier}, nba_mcp_cache_size_bytes{tier}                  gauges
//   nba_mcp_rate_limited_total{tool}               counter   calls refused by the bucket
//   nba_mcp_rate_limit_remaining{tool}             gauge     calls left this minute
//   nba_mcp_upstream_quota_used, nba_mcp_upstream_quota_limit                    gauges
//   nba_mcp_circuit_state{upstream}                gauge     0 closed, 1 half-open, 2 open
//   nba_mcp_shared_cache_requests_total{result}    counter   Redis lookups: hit|miss|error
//   nba_mcp_shared_cache_writes_total              counter   tables written to Redis
//   nba_mcp_shared_lock_waits_total{outcome}       counter   waits on another process:
//   value|gave_up nba_mcp_shared_tier_up                         gauge     1 Redis answers, 0 down
//   or failing
// Elsewhere: nba_mcp_trace_spans_total{outcome} (app/call_tracing.cpp).
constexpr char kRequests[] = "nba_mcp_requests_total";
constexpr char kRequestSeconds[] = "nba_mcp_request_duration_seconds";
constexpr char kErrors[] = "nba_mcp_errors_total";
constexpr char kToolCache[] = "nba_mcp_tool_cache_results_total";
constexpr char kPipelineCalls[] = "nba_mcp_pipeline_calls_total";
constexpr char kUpstream[] = "nba_mcp_upstream_requests_total";
constexpr char kUpstreamSeconds[] = "nba_mcp_upstream_duration_seconds";

// The endpoint label of a request: its host and endpoint ("stats.nba.com leaguegamelog"),
// without the season, player or date the request's description goes on with, so the label
// takes one value per endpoint, not one per question.
std::string endpointOf(const live::HttpRequest& request) {
  const std::string& upstream = request.upstream;
  const auto host_end = upstream.find(' ');
  if (upstream.empty() || host_end == std::string::npos) return "other";
  return upstream.substr(0, upstream.find(' ', host_end + 1));
}

// The status label of an upstream attempt: the HTTP status, or the error's kind.
std::string upstreamStatus(const Result<live::HttpResponse>& attempt) {
  if (attempt.ok()) return std::to_string(attempt.value().status);
  std::string name = statusCodeName(attempt.status().code());
  for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return name;
}

class MeteredHttpClient : public live::HttpClient {
 public:
  MeteredHttpClient(const live::HttpClient& inner, const Clock& clock,
                    obs::Family<obs::Counter>& requests, obs::Family<obs::Histogram>& seconds)
      : inner_(inner), clock_(clock), requests_(requests), seconds_(seconds) {}

  Result<live::HttpResponse> get(const CallContext& context,
                                 const live::HttpRequest& request) const override {
    Stopwatch watch(clock_);
    Result<live::HttpResponse> attempt = inner_.get(context, request);
    const std::string endpoint = endpointOf(request);
    requests_.with({endpoint, upstreamStatus(attempt)}).inc();
    seconds_.with({endpoint}).observe(std::chrono::duration<double>(watch.elapsed()).count());
    return attempt;
  }

 private:
  const live::HttpClient& inner_;
  const Clock& clock_;
  obs::Family<obs::Counter>& requests_;
  obs::Family<obs::Histogram>& seconds_;
};

}  // namespace

ServerMetrics::ServerMetrics()
    : requests_(registry_.counter(kRequests, "Tool calls answered, by tool and status.",
                                  {"tool", "status"})),
      request_seconds_(registry_.histogram(kRequestSeconds, "Tool call handling time in seconds.",
                                           {"tool"}, obs::latencyBucketsSeconds())),
      errors_(registry_.counter(kErrors, "Tool calls that ended in an isError result, by kind.",
                                {"tool", "error_type"})),
      tool_cache_(registry_.counter(kToolCache,
                                    "Tool calls by how their data was served: hit, stale or miss.",
                                    {"tool", "result"})),
      pipeline_calls_(registry_.counter(
          kPipelineCalls, "Tool calls answer_nba_question made to answer a question, by status.",
          {"tool", "status"})),
      upstream_requests_(registry_.counter(
          kUpstream, "NBA.com requests that left, by endpoint and HTTP status (or error).",
          {"endpoint", "status"})),
      upstream_seconds_(registry_.histogram(kUpstreamSeconds, "NBA.com request time in seconds.",
                                            {"endpoint"}, obs::latencyBucketsSeconds())) {}

namespace {

// The series `slot` remembers, found in `family` the first time. Two threads racing here
// find the same series, so either may store it.
template <typename Metric>
Metric& seriesIn(std::atomic<Metric*>& slot, obs::Family<Metric>& family,
                 std::initializer_list<std::string_view> labels) {
  Metric* metric = slot.load(std::memory_order_acquire);
  if (metric == nullptr) {
    metric = &family.with(labels);
    slot.store(metric, std::memory_order_release);
  }
  return *metric;
}

}  // namespace

ServerMetrics::ToolSeries& ServerMetrics::seriesOf(const std::string& tool) {
  {
    std::shared_lock lock(series_mutex_);
    if (auto found = series_.find(tool); found != series_.end()) return *found->second;
  }
  std::unique_lock lock(series_mutex_);
  auto& slot = series_[tool];
  if (!slot) slot = std::make_unique<ToolSeries>();
  return *slot;
}

mcp::ToolMiddleware ServerMetrics::middleware(const Clock& clock) {
  return [this, &clock](const mcp::ToolCall& call, mcp::ToolContext& context,
                        const std::function<mcp::ToolResult()>& next) {
    if (context.caller() == mcp::Caller::kPipeline) {
      // Part of an answer_nba_question request, whose time and status count there.
      mcp::ToolResult result = next();
      pipeline_calls_.with({call.tool.name, result.is_error ? "error" : "ok"}).inc();
      return result;
    }
    Stopwatch watch(clock);
    mcp::ToolResult result = next();
    const std::string& tool = call.tool.name;
    ToolSeries& series = seriesOf(tool);
    seriesIn(series.seconds, request_seconds_, {tool})
        .observe(std::chrono::duration<double>(watch.elapsed()).count());
    if (result.is_error) {
      seriesIn(series.error, requests_, {tool, "error"}).inc();
    } else {
      seriesIn(series.ok, requests_, {tool, "ok"}).inc();
    }
    if (result.is_error) {
      errors_.with({tool, result.error_type.empty() ? "tool" : result.error_type}).inc();
    }
    if (auto cache = result.meta.find("dev.nbamcp/cache");
        cache != result.meta.end() && cache->is_string()) {
      const std::string& state = cache->get_ref<const std::string&>();
      if (state == "hit" || state == "stale" || state == "miss") {
        tool_cache_.with({tool, state}).inc();
      }
    }
    return result;
  };
}

std::vector<ToolUsageRow> ServerMetrics::toolUsage() const {
  std::map<std::string, ToolUsageRow> rows;
  const auto row = [&rows](const std::string& tool) -> ToolUsageRow& {
    ToolUsageRow& found = rows[tool];
    found.tool = tool;
    return found;
  };
  requests_.forEach([&](const obs::LabelValues& labels, const obs::Counter& counter) {
    ToolUsageRow& usage = row(labels[0]);
    usage.calls += counter.value();
    if (labels[1] == "error") usage.errors += counter.value();
  });
  request_seconds_.forEach([&](const obs::LabelValues& labels, const obs::Histogram& histogram) {
    ToolUsageRow& usage = row(labels[0]);
    if (histogram.count() > 0) {
      usage.mean_ms = 1000.0 * histogram.sum() / static_cast<double>(histogram.count());
    }
  });
  pipeline_calls_.forEach([&](const obs::LabelValues& labels, const obs::Counter& counter) {
    ToolUsageRow& usage = row(labels[0]);
    usage.pipeline_calls += counter.value();
    if (labels[1] == "error") usage.pipeline_errors += counter.value();
  });
  tool_cache_.forEach([&](const obs::LabelValues& labels, const obs::Counter& counter) {
    ToolUsageRow& usage = row(labels[0]);
    (labels[1] == "hit"     ? usage.cache_hits
     : labels[1] == "stale" ? usage.cache_stale
                            : usage.cache_misses) += counter.value();
  });
  std::vector<ToolUsageRow> out;
  out.reserve(rows.size());
  for (auto& [tool, usage] : rows) out.push_back(std::move(usage));
  return out;
}

std::unique_ptr<live::HttpClient> ServerMetrics::meter(const live::HttpClient& inner,
                                                       const Clock& clock) {
  return std::make_unique<MeteredHttpClient>(inner, clock, upstream_requests_, upstream_seconds_);
}

void ServerMetrics::watch(const CachingDataSource* cache, const CallLimits* limits,
                          ratelimit::DailyQuota* quota) {
  if (cache != nullptr) {
    const auto per_tier = [cache](auto field) {
      return [cache, field] {
        const CacheStats stats = cache->stats();
        std::vector<obs::GaugeSample> samples;
        for (std::size_t i = 0; i < cache::kTierCount; ++i) {
          samples.push_back({{std::string(cache::tierName(static_cast<cache::TtlTier>(i)))},
                             static_cast<double>(stats.tiers[i].*field)});
        }
        return samples;
      };
    };
    using Tier = CacheStats::Tier;
    registry_.callback("nba_mcp_cache_hits_total", "Cache lookups answered fresh, by tier.",
                       "counter", {"tier"}, per_tier(&Tier::hits));
    registry_.callback("nba_mcp_cache_stale_total", "Cache lookups answered stale, by tier.",
                       "counter", {"tier"}, per_tier(&Tier::stale));
    registry_.callback("nba_mcp_cache_misses_total", "Cache lookups that asked NBA.com, by tier.",
                       "counter", {"tier"}, per_tier(&Tier::misses));
    registry_.callback("nba_mcp_cache_entries", "Entries held in memory, by tier.", "gauge",
                       {"tier"}, per_tier(&Tier::entries));
    registry_.callback("nba_mcp_cache_size_bytes", "Approximate bytes held in memory, by tier.",
                       "gauge", {"tier"}, per_tier(&Tier::bytes));
    registry_.callback(
        "nba_mcp_cache_evictions_total", "Entries evicted to stay within memory.", "counter", {},
        [cache] {
          return std::vector<obs::GaugeSample>{{{}, static_cast<double>(cache->stats().evictions)}};
        });
  }
  if (limits != nullptr) {
    const auto per_tool = [limits](bool refused) {
      return [limits, refused] {
        std::vector<obs::GaugeSample> samples;
        for (const auto& bucket : limits->bucketStates()) {
          samples.push_back(
              {{bucket.tool}, static_cast<double>(refused ? bucket.refused : bucket.remaining)});
        }
        return samples;
      };
    };
    registry_.callback("nba_mcp_rate_limited_total", "Client calls refused by the tool's bucket.",
                       "counter", {"tool"}, per_tool(true));
    registry_.callback("nba_mcp_rate_limit_remaining", "Calls left in the tool's bucket now.",
                       "gauge", {"tool"}, per_tool(false));
  }
  if (quota != nullptr) {
    registry_.callback(
        "nba_mcp_upstream_quota_used", "NBA.com requests counted today (UTC).", "gauge", {},
        [quota] {
          return std::vector<obs::GaugeSample>{{{}, static_cast<double>(quota->state().used)}};
        });
    registry_.callback(
        "nba_mcp_upstream_quota_limit", "NBA.com requests allowed a UTC day.", "gauge", {},
        [quota] {
          return std::vector<obs::GaugeSample>{{{}, static_cast<double>(quota->state().limit)}};
        });
  }
}

void ServerMetrics::watchShared(const cache::RedisStore& shared) {
  using Samples = std::vector<obs::GaugeSample>;
  registry_.callback("nba_mcp_shared_cache_requests_total",
                     "Lookups in the shared tier (Redis) after a memory miss, by result "
                     "(error: Redis down, slow or answering errors).",
                     "counter", {"result"}, [&shared] {
                       const cache::SharedTierStats stats = shared.stats();
                       return Samples{{{"hit"}, static_cast<double>(stats.hits)},
                                      {{"miss"}, static_cast<double>(stats.misses)},
                                      {{"error"}, static_cast<double>(stats.errors)}};
                     });
  registry_.callback("nba_mcp_shared_cache_writes_total",
                     "Tables written to the shared tier for the other processes.", "counter", {},
                     [&shared] {
                       return Samples{{{}, static_cast<double>(shared.stats().writes)}};
                     });
  registry_.callback("nba_mcp_shared_lock_waits_total",
                     "Misses that waited on another process's NBA.com request, by outcome "
                     "(value: it came; gave_up: fetched here after the lock's time).",
                     "counter", {"outcome"}, [&shared] {
                       const cache::SharedTierStats stats = shared.stats();
                       return Samples{
                           {{"value"}, static_cast<double>(stats.lock_waits - stats.lock_timeouts)},
                           {{"gave_up"}, static_cast<double>(stats.lock_timeouts)}};
                     });
  registry_.callback("nba_mcp_shared_tier_up",
                     "1 while Redis answers (or has not been asked yet), 0 while it is down or "
                     "answering errors: answers then come from the local tiers.",
                     "gauge", {}, [&shared] {
                       const cache::RedisState state = shared.stats().redis.state;
                       const bool up =
                           state == cache::RedisState::kUp || state == cache::RedisState::kNotTried;
                       return Samples{{{}, up ? 1.0 : 0.0}};
                     });
}

void ServerMetrics::watchCircuit(const live::PoliteHttpClient& upstream, const Clock& clock) {
  registry_.callback(
      "nba_mcp_circuit_state",
      "NBA.com's circuit breaker: 0 closed (requests go), 1 half-open (one probe may go), 2 open "
      "(requests fail at once).",
      "gauge", {"upstream"}, [&upstream, &clock] {
        double state = 0;
        switch (upstream.circuitState(clock.monotonicNow())) {
          case live::CircuitBreaker::State::kClosed:
            state = 0;
            break;
          case live::CircuitBreaker::State::kHalfOpen:
            state = 1;
            break;
          case live::CircuitBreaker::State::kOpen:
            state = 2;
            break;
        }
        return std::vector<obs::GaugeSample>{{{"nba.com"}, state}};
      });
}

Status registerMetricsResource(mcp::McpServer& server,
                               const std::shared_ptr<ServerMetrics>& metrics) {
  mcp::ResourceDefinition resource;
  resource.uri = "nba://server/metrics";
  resource.name = "server-metrics";
  resource.title = "Server metrics";
  resource.description =
      "The server's Prometheus metrics (text exposition format 0.0.4): tool calls, latency, "
      "errors, cache, rate limits and NBA.com use.";
  resource.mime_type = "text/plain; version=0.0.4";
  resource.ttl = std::chrono::milliseconds(0);
  resource.read = [metrics]() -> Result<mcp::ResourceContentsList> {
    return mcp::ResourceContentsList{
        {"nba://server/metrics", "text/plain; version=0.0.4", metrics->render()}};
  };
  return server.addResource(std::move(resource));
}

}  // namespace nba::app
