#pragma once

#include <memory>
#include <string>

#include "ratelimit/quota_store.h"

namespace nba::app {

// The daily quota and per-client accounting kept in the cache's SQLite file
// (cache/usage_store.h), adapted to ratelimit's QuotaStore: ratelimit needs no cache.
std::unique_ptr<ratelimit::QuotaStore> newSqliteQuotaStore(const std::string& path);

}  // namespace nba::app
