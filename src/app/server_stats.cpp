#include "app/server_stats.h"

#include <cstdio>

#include "app/schema_catalog.h"

namespace nba::app {

using nlohmann::json;

ServerStats::ServerStats(const mcp::McpServer& server, const ServerMetrics& metrics,
                         const CachingDataSource* cache,
                         std::chrono::steady_clock::time_point started)
    : server_(server), metrics_(metrics), cache_(cache), started_(started) {}

namespace {

json l2Json(const CacheStats& stats) {
  if (!stats.l2) {
    return nullptr;
  }
  const cache::StoreStats& store = *stats.l2;
  json out = json::object();
  out["path"] = store.path;
  out["available"] = store.available;
  out["problem"] = store.problem;
  out["hits"] = stats.l2_hits;
  out["writes"] = store.writes;
  out["write_failures"] = store.write_failures;
  out["dropped_values"] = stats.l2_dropped;
  std::uint64_t entries = 0;
  std::uint64_t bytes = 0;
  for (std::size_t i = 0; i < cache::kTierCount; ++i) {
    entries += store.entries[i];
    bytes += store.bytes[i];
  }
  out["entries"] = entries;
  out["bytes"] = bytes;
  return out;
}

json sharedJson(const CacheStats& stats) {
  if (!stats.shared) {
    return nullptr;
  }
  const cache::SharedTierStats& shared = *stats.shared;
  json out = json::object();
  out["endpoint"] = shared.redis.endpoint;
  out["state"] = cache::redisStateName(shared.redis.state);
  out["problem"] = shared.redis.problem;
  out["hits"] = shared.hits;
  out["misses"] = shared.misses;
  out["writes"] = shared.writes;
  out["errors"] = shared.errors;
  out["lock_waits"] = shared.lock_waits;
  out["lock_timeouts"] = shared.lock_timeouts;
  return out;
}

json cacheJson(const CachingDataSource* cache) {
  const CacheStats stats = cache != nullptr ? cache->stats() : CacheStats{};
  json out = json::object();
  out["enabled"] = cache != nullptr;
  out["capacity_bytes"] = stats.capacity_bytes;
  out["hit_ratio"] = stats.hitRatio();
  out["upstream_calls_avoided"] = stats.upstreamCallsAvoided();
  out["joined"] = stats.joined;
  out["refreshes"] = stats.refreshes;
  out["stale_on_error"] = stats.stale_on_error;
  out["evictions"] = stats.evictions;
  json& tiers = out["tiers"] = json::array();
  out["l2"] = l2Json(stats);
  out["shared"] = sharedJson(stats);
  if (cache == nullptr) {
    return out;
  }
  for (std::size_t i = 0; i < cache::kTierCount; ++i) {
    const auto tier = static_cast<cache::TtlTier>(i);
    const CacheStats::Tier& counts = stats.tiers[i];
    json& row = tiers.emplace_back(json::object());
    row["tier"] = cache::tierName(tier);
    row["ttl_s"] = cache->options().ttl.freshFor(tier).count();
    row["hits"] = counts.hits;
    row["stale"] = counts.stale;
    row["misses"] = counts.misses;
    row["entries"] = counts.entries;
    row["bytes"] = counts.bytes;
  }
  return out;
}

std::string cacheMarkdown(const json& cache) {
  if (!cache.at("enabled").get<bool>()) {
    return "Cache: off (the offline snapshot is in memory already, or --no-cache).\n\n";
  }
  std::uint64_t entries = 0;
  std::uint64_t bytes = 0;
  for (const auto& tier : cache.at("tiers")) {
    entries += tier.at("entries").get<std::uint64_t>();
    bytes += tier.at("bytes").get<std::uint64_t>();
  }
  char line[256];
  std::snprintf(
      line, sizeof line,
      "Cache: %.1f%% of lookups served from it, %llu NBA.com requests avoided; %llu "
      "entries, %.1f of %.0f MiB.\n\n",
      100.0 * cache.at("hit_ratio").get<double>(),
      static_cast<unsigned long long>(cache.at("upstream_calls_avoided").get<std::uint64_t>()),
      static_cast<unsigned long long>(entries), static_cast<double>(bytes) / (1 << 20),
      static_cast<double>(cache.at("capacity_bytes").get<std::uint64_t>()) / (1 << 20));
  std::string text = line;
  const json& l2 = cache.at("l2");
  if (l2.is_object()) {
    text += l2.at("available").get<bool>()
                ? "Cache file " + l2.at("path").get<std::string>() + ": " +
                      std::to_string(l2.at("entries").get<std::uint64_t>()) + " entries.\n\n"
                : "Cache file not in use: " + l2.at("problem").get<std::string>() + "\n\n";
  }
  const json& shared = cache.at("shared");
  if (shared.is_object()) {
    const std::string state = shared.at("state").get<std::string>();
    text +=
        "Shared tier " + shared.at("endpoint").get<std::string>() + ": " + state +
        (state == "up" || state == "not_tried" ? ""
                                               : " (" + shared.at("problem").get<std::string>() +
                                                     "; answering from the local tiers)") +
        ", " + std::to_string(shared.at("hits").get<std::uint64_t>()) + " hits, " +
        std::to_string(shared.at("lock_waits").get<std::uint64_t>()) +
        " waits on another process.\n\n";
  }
  return text;
}

std::string limitsMarkdown(const json& limits) {
  if (limits.is_null()) {
    return "";
  }
  std::string text;
  if (!limits.at("enabled").get<bool>()) {
    text = "Rate limits: off (--no-rate-limits).";
  } else {
    text = "Calls left this minute:";
    const char* separator = " ";
    for (const json& tool : limits.at("tools")) {
      text += separator + tool.at("tool").get<std::string>() + " " +
              std::to_string(tool.at("remaining").get<std::uint64_t>());
      separator = ", ";
    }
    text += ".";
  }
  const json& quota = limits.at("quota");
  if (!quota.is_null()) {
    text += " NBA.com today (UTC): " + std::to_string(quota.at("used").get<std::uint64_t>()) +
            " of " + std::to_string(quota.at("limit").get<std::uint64_t>()) +
            " requests of the daily quota (" + quota.at("level").get<std::string>() +
            "), resets in " + std::to_string(quota.at("resets_in_s").get<std::int64_t>() / 60) +
            " min.";
  }
  return text + "\n\n";
}

}  // namespace

// Built member by member: nested initializer lists copy every subtree, which made this
// (the benchmark's trivial tools/call) cost about 30k instructions more per call.
json ServerStats::snapshot() const {
  mcp::ServerCounters c = server_.counters();
  json out = json::object();
  json& server = out["server"];
  server["name"] = "nba-mcp";
  server["version"] = NBA_MCP_VERSION;
  out["uptime_s"] =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started_).count();
  out["protocol"]["negotiated_version"] = c.negotiated_version;
  json& requests = out["requests"];
  requests["messages"] = c.messages;
  requests["requests"] = c.requests;
  requests["notifications"] = c.notifications;
  requests["protocol_errors"] = c.protocol_errors;
  requests["cancelled"] = c.cancelled;
  requests["in_flight"] = c.in_flight > 0 ? c.in_flight : 0;
  json& tools = out["tools"] = json::array();
  for (const auto& row : metrics_.toolUsage()) {
    json& item = tools.emplace_back(json::object());
    item["tool"] = row.tool;
    item["calls"] = row.calls;
    item["errors"] = row.errors;
    item["mean_ms"] = row.mean_ms;
    item["pipeline_calls"] = row.pipeline_calls;
    item["pipeline_errors"] = row.pipeline_errors;
    item["cache_hits"] = row.cache_hits;
    item["cache_stale"] = row.cache_stale;
    item["cache_misses"] = row.cache_misses;
  }
  out["cache"] = cacheJson(cache_);
  json& memo = out["memo"];
  memo["enabled"] = memo_ != nullptr;
  memo["hits"] = memo_ != nullptr ? memo_->hits() : 0;
  memo["misses"] = memo_ != nullptr ? memo_->misses() : 0;
  out["limits"] = limits_ != nullptr ? limits_->statsJson() : json(nullptr);
  return out;
}

std::string ServerStats::markdown(const json& s) const {
  char line[256];
  std::snprintf(
      line, sizeof line,
      "## nba-mcp server stats\n\nUp %.1f s; %llu requests, %llu protocol errors, "
      "%lld in flight.\n\n",
      s.at("uptime_s").get<double>(),
      static_cast<unsigned long long>(s.at("requests").at("requests").get<std::uint64_t>()),
      static_cast<unsigned long long>(s.at("requests").at("protocol_errors").get<std::uint64_t>()),
      static_cast<long long>(s.at("requests").at("in_flight").get<std::int64_t>()));
  std::string text = line;
  text += cacheMarkdown(s.at("cache"));
  const json& memo = s.at("memo");
  if (memo.at("enabled").get<bool>()) {
    text += "Memo: " + std::to_string(memo.at("hits").get<std::uint64_t>()) +
            " calls answered again without running the tool, " +
            std::to_string(memo.at("misses").get<std::uint64_t>()) + " run.\n\n";
  }
  text += limitsMarkdown(s.at("limits"));
  text += "| tool | calls | errors | mean ms | pipeline calls | pipeline errors | cache hits |\n";
  text += "|---|---:|---:|---:|---:|---:|---:|\n";
  for (const auto& row : s.at("tools")) {
    std::snprintf(line, sizeof line, "| %s | %llu | %llu | %.3f | %llu | %llu | %llu |\n",
                  row.at("tool").get<std::string>().c_str(),
                  static_cast<unsigned long long>(row.at("calls").get<std::uint64_t>()),
                  static_cast<unsigned long long>(row.at("errors").get<std::uint64_t>()),
                  row.at("mean_ms").get<double>(),
                  static_cast<unsigned long long>(row.at("pipeline_calls").get<std::uint64_t>()),
                  static_cast<unsigned long long>(row.at("pipeline_errors").get<std::uint64_t>()),
                  static_cast<unsigned long long>(row.at("cache_hits").get<std::uint64_t>()));
    text += line;
  }
  return text;
}

Status registerServerStats(mcp::McpServer& server, const std::shared_ptr<ServerStats>& stats) {
  auto input = embeddedSchema("get_server_stats.input");
  auto output = embeddedSchema("get_server_stats.output");
  if (!input.ok()) return input.status();
  if (!output.ok()) return output.status();
  mcp::ToolDefinition tool;
  tool.name = "get_server_stats";
  tool.title = "Server statistics";
  tool.description =
      "Health and usage of this nba-mcp server: uptime, request counts, protocol errors, "
      "requests in flight, per-tool calls, errors, mean handler time and cache hits (the "
      "client's own calls, and apart from them the calls answer_nba_question made to answer), "
      "the cache in front of NBA.com: hit ratio, NBA.com requests avoided, evictions, and "
      "entries and bytes per freshness tier; the result memo; and the limits: calls left per "
      "tool this minute, the daily NBA.com quota (used, when it resets) and NBA.com requests "
      "and cache hits per client over the last 7 days.";
  tool.input_schema = input.value();
  tool.output_schema = output.value();
  tool.annotations = {{"readOnlyHint", true}, {"openWorldHint", false}};
  tool.handler = [stats](const json&, mcp::ToolContext&) {
    mcp::ToolResult result;
    json snapshot = stats->snapshot();
    result.text = stats->markdown(snapshot);
    result.structured = std::move(snapshot);
    return result;
  };
  if (Status status = server.addTool(std::move(tool)); !status.isOk()) {
    return status;
  }
  mcp::ResourceDefinition resource;
  resource.uri = "nba://server/stats";
  resource.name = "server-stats";
  resource.title = "Server statistics";
  resource.description = "The same figures as get_server_stats, as JSON.";
  resource.mime_type = "application/json";
  resource.ttl = std::chrono::milliseconds(0);  // changes with every request
  resource.read = [stats]() -> Result<mcp::ResourceContentsList> {
    return mcp::ResourceContentsList{
        {"nba://server/stats", "application/json", stats->snapshot().dump(2)}};
  };
  return server.addResource(std::move(resource));
}

}  // namespace nba::app
