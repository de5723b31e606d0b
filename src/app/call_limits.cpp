#include "app/call_limits.h"

#include <cmath>

namespace nba::app {
namespace {

using nlohmann::json;

json rateLimitMeta(const ratelimit::BucketDecision& decision) {
  return {{"limit", decision.limit},
          {"remaining", decision.remaining},
          {"reset_s", decision.reset_after.count()}};
}

std::string callsText(double per_minute) {
  const double rounded = std::round(per_minute);
  if (std::abs(per_minute - rounded) < 1e-9) {
    return std::to_string(static_cast<long long>(rounded));
  }
  char text[32];
  std::snprintf(text, sizeof text, "%.2f", per_minute);
  return text;
}

}  // namespace

CallLimits::CallLimits(const Clock& clock, const CallLimitsOptions& options,
                       const std::vector<std::string>& tools, ratelimit::DailyQuota* quota)
    : options_(options),
      limiter_(clock, options.tools, tools),
      concurrency_(options.max_concurrent_calls),
      quota_(quota) {
  if (options.shared_buckets) limiter_.shareWith(options.shared_buckets);
}

mcp::ToolMiddleware CallLimits::middleware() {
  return [this](const mcp::ToolCall& call, mcp::ToolContext& context,
                const std::function<mcp::ToolResult()>& next) {
    if (context.caller() != mcp::Caller::kClient) {
      return next();
    }
    return limited(call, context, next);
  };
}

mcp::ToolResult CallLimits::limited(const mcp::ToolCall& call, mcp::ToolContext& context,
                                    const std::function<mcp::ToolResult()>& next) {
  auto slot = concurrency_.enter(options_.busy_wait);
  if (!slot) {
    return mcp::ToolResult::error(
        "Server busy: " + std::to_string(options_.max_concurrent_calls) +
            " tool calls are already running, the most it takes at once; retry in 1 s.",
        "busy");
  }
  const std::string& tool = call.tool.name;
  const auto decision = limiter_.admit(tool, context.clientName());
  if (decision && !decision->allowed) {
    mcp::ToolResult refused = mcp::ToolResult::error(
        "Rate limited: " + tool + " takes " + callsText(*options_.tools.limitOf(tool)) +
            " calls a minute from a client (bursts of up to " + std::to_string(decision->limit) +
            "), and that is used up; retry in " + std::to_string(decision->retry_after.count()) +
            " s. Other tools are not affected.",
        "rate_limited");
    refused.meta["dev.nbamcp/rate_limit"] = rateLimitMeta(*decision);
    return refused;
  }
  mcp::ToolResult result = next();
  if (decision) {
    result.meta["dev.nbamcp/rate_limit"] = rateLimitMeta(*decision);
    if (decision->dipped_low) {
      context.log(mcp::LogLevel::kWarning, "nba-mcp.rate_limit",
                  tool + " has " + std::to_string(decision->remaining) + " of " +
                      std::to_string(decision->limit) +
                      " calls left this minute; it refills in full in " +
                      std::to_string(decision->reset_after.count()) + " s.");
    }
  }
  if (quota_ != nullptr) {
    const auto cache = result.meta.find("dev.nbamcp/cache");
    if (cache != result.meta.end() && *cache == "hit") {
      quota_->recordCacheHit(context.clientName());
    }
    tellHostOfQuota(context);
  }
  return result;
}

void CallLimits::tellHostOfQuota(mcp::ToolContext& context) {
  const auto level = quota_->takeUnannouncedLevel();
  if (!level) return;
  context.log(
      *level == ratelimit::QuotaLevel::kExhausted ? mcp::LogLevel::kError : mcp::LogLevel::kWarning,
      "nba-mcp.quota", quota_->describe(*level));
}

json CallLimits::statsJson() const {
  json tools = json::array();
  for (const auto& bucket : limiter_.states()) {
    tools.push_back({{"tool", bucket.tool},
                     {"per_minute", bucket.per_minute},
                     {"remaining", bucket.remaining},
                     {"refused", bucket.refused}});
  }
  json out = {{"enabled", options_.tools.enabled},
              {"tools", std::move(tools)},
              {"concurrency",
               {{"max_calls", concurrency_.maxInFlight()},
                {"in_flight", concurrency_.inFlight()},
                {"busy_refusals", concurrency_.refused()}}},
              {"quota", nullptr},
              {"clients", json::array()}};
  if (quota_ == nullptr) {
    return out;
  }
  const ratelimit::QuotaState state = quota_->state();
  out["quota"] = {{"day", state.day},
                  {"limit", state.limit},
                  {"used", state.used},
                  {"remaining", state.limit > state.used ? state.limit - state.used : 0},
                  {"level", ratelimit::quotaLevelName(state.level)},
                  {"resets_in_s", state.resets_in.count()},
                  {"ttl_stretch", quota_->ttlStretch()},
                  {"client_limit", state.client_limit ? json(*state.client_limit) : json(nullptr)},
                  {"store", state.store},
                  {"store_error", state.store_error}};
  if (auto days = quota_->recentDays(7); days.ok()) {
    for (const auto& day : days.value()) {
      out["clients"].push_back({{"day", day.day},
                                {"client", day.client},
                                {"nba_requests", day.upstream},
                                {"cache_hits", day.cache_hits}});
    }
  }
  return out;
}

}  // namespace nba::app
