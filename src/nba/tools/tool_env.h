#pragma once

#include "core/clock.h"
#include "nba/entity/entity_resolver.h"
#include "origin/data_source.h"

namespace nba::tools {

// What every NBA tool works with. All three are thread-safe for concurrent readers and
// outlive every call.
struct ToolEnv {
  const DataSource& data;
  const entity::EntityResolver& resolver;
  const Clock& clock;
};

}  // namespace nba::tools
