#pragma once

#include <memory>

#include "cache/redis_client.h"
#include "core/clock.h"
#include "ratelimit/quota_store.h"

namespace nba::app {

// The daily NBA.com quota and per-client accounting shared by every process on one Redis
// (issue 16), adapted to ratelimit's QuotaStore.
//
// A take is one Lua script (check both limits, INCR and HINCRBY, and set every key's expiry),
// so processes never overshoot and no key is ever left without an expiry: the day's total
// expires at the end of its UTC day, the per-client rows 7 days later.
//
// While Redis cannot answer, the calls go to `local` (the cache file's store), so the quota
// keeps being kept — per machine, not across processes — until Redis answers again; the
// client's breaker keeps that from waiting on a dead Redis. `client` and `clock` must outlive
// this.
std::unique_ptr<ratelimit::QuotaStore> newRedisQuotaStore(
    const cache::RedisClient& client, const Clock& clock,
    std::unique_ptr<ratelimit::QuotaStore> local);

}  // namespace nba::app
