#pragma once

#include "core/call_context.h"
#include "core/clock.h"
#include "nba/entity/entity_resolver.h"
#include "origin/data_source.h"

namespace nba::tools {

// What an NBA tool works with. The data, resolver and clock are shared, thread-safe for
// concurrent readers, and outlive every call; `call` is this call's context (who asked,
// cancellation, deadline, trace), passed on to every DataSource request.
struct ToolEnv {
  const DataSource& data;
  const entity::EntityResolver& resolver;
  const Clock& clock;
  const CallContext& call;

  // The same services for another call.
  ToolEnv forCall(const CallContext& other) const { return {data, resolver, clock, other}; }
};

}  // namespace nba::tools
