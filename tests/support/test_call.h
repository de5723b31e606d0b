#pragma once

#include <memory>

#include "core/call_context.h"
#include "core/clock.h"

namespace nba::testing {

// A command-line call on the real clock that is never cancelled, for tests that call a
// DataSource (or anything taking a CallContext) directly. Thread-safe.
inline const CallContext& testCall() {
  static const std::shared_ptr<Clock> clock = newSystemClock();
  static const CallContext call(*clock, Caller::kCommandLine);
  return call;
}

}  // namespace nba::testing
