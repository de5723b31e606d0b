#include "app/limit_settings.h"

namespace nba::app {

Result<CallLimitsOptions> callLimitsOptions(const Config& config,
                                            const std::vector<std::string>& tools) {
  if (Status checked = ratelimit::checkPerMinute(config.rate_limit_default, "--rate-limit-default");
      !checked.isOk()) {
    return checked;
  }
  ratelimit::ToolLimits base = ratelimit::defaultToolLimits();
  base.every_other = config.rate_limit_default;
  auto limits = ratelimit::applyToolLimitSettings(std::move(base), config.rate_limits, tools);
  if (!limits.ok()) {
    return limits.status();
  }
  CallLimitsOptions options;
  options.tools = std::move(limits).value();
  options.tools.enabled = !config.no_rate_limits;
  options.max_concurrent_calls = config.max_concurrent_calls;
  options.busy_wait = std::chrono::milliseconds(config.busy_wait_ms);
  return options;
}

Result<ratelimit::QuotaOptions> quotaOptions(const Config& config) {
  constexpr long long kMostPerDay = 1'000'000'000;
  if (config.daily_quota < 0 || config.daily_quota > kMostPerDay) {
    return invalidArgument("--daily-quota " + std::to_string(config.daily_quota) +
                           ": the NBA.com requests allowed a day must be from 0 (never ask "
                           "NBA.com) to 1,000,000,000");
  }
  ratelimit::QuotaOptions options;
  options.per_day = static_cast<std::uint64_t>(config.daily_quota);
  if (config.client_quota_share) {
    if (Status checked = ratelimit::checkClientShare(*config.client_quota_share); !checked.isOk()) {
      return checked;
    }
    options.client_share = config.client_quota_share;
  }
  return options;
}

}  // namespace nba::app
