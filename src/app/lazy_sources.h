#pragma once

#include <functional>
#include <memory>

#include "core/clock.h"
#include "core/status.h"
#include "nba/entity/entity_resolver.h"
#include "origin/data_source.h"

namespace nba::app {

// A DataSource that builds the real one on first use. The embedded snapshot takes about
// 20 ms and 10 MB to load; deferring it keeps `initialize` instant and an idle server
// small (issue 2's start-up and idle-RSS targets), while the first tool call pays once.
// A failed load is returned to calls within a short backoff and retried after it
// (app/lazy.h), not kept for the life of the process. Thread-safe. `clock` must outlive
// the source.
std::unique_ptr<DataSource> newLazyDataSource(
    std::function<Result<std::unique_ptr<DataSource>>()> factory, const Clock& clock);

// The same for the resolver, built over `data` on first use, and built again when the data's
// player index changes (looked at at most every 5 minutes): the live origin's index is
// fetched again every 12 h, and under auto a resolver built from the snapshot while NBA.com
// was down gives way to NBA.com's players once it answers. `data` and `clock` must outlive it.
std::unique_ptr<entity::EntityResolver> newLazyResolver(const DataSource& data, const Clock& clock);

}  // namespace nba::app
