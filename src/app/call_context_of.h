#pragma once

#include "core/call_context.h"
#include "core/clock.h"
#include "mcp/tool.h"

namespace nba::app {

// The CallContext of a tool call, adapted from the protocol's ToolContext (app adapts one
// layer to the other): its caller and trace parent, and a cancel probe that asks `tool_call`.
// The result refers to `tool_call` and `clock`; use it only during the call.
CallContext callContextOf(mcp::ToolContext& tool_call, const Clock& clock);

}  // namespace nba::app
