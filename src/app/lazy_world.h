#pragma once

#include <functional>
#include <memory>

#include "core/status.h"
#include "nba/entity/entity_resolver.h"
#include "origin/data_source.h"

namespace nba::app {

// A DataSource that builds the real one on first use. The embedded snapshot takes about
// 20 ms and 10 MB to load; deferring it keeps `initialize` instant and an idle server
// small (issue 2's start-up and idle-RSS targets), while the first tool call pays once.
// A failed load is returned by every call. Thread-safe (std::call_once).
std::unique_ptr<DataSource> newLazyDataSource(
    std::function<Result<std::unique_ptr<DataSource>>()> factory);

// The same for the resolver, built over `data` on first use.
std::unique_ptr<entity::EntityResolver> newLazyResolver(const DataSource& data);

}  // namespace nba::app
