#pragma once

#include <string>
#include <vector>

#include "app/call_limits.h"
#include "app/config.h"
#include "core/status.h"
#include "ratelimit/daily_quota.h"

namespace nba::app {

// The limits the configuration asks for, checked at start: a bad value fails the server's
// start with a message naming the setting (a rate that is zero, negative, NaN or absurd; a
// tool that does not exist; a quota below zero; a share outside (0, 1]).
Result<CallLimitsOptions> callLimitsOptions(const Config& config,
                                            const std::vector<std::string>& tools);
Result<ratelimit::QuotaOptions> quotaOptions(const Config& config);

}  // namespace nba::app
