#include "app/call_context_of.h"

namespace nba::app {

CallContext callContextOf(mcp::ToolContext& tool_call, const Clock& clock) {
  CallContext call(clock, tool_call.caller());
  call.withCancelProbe([&tool_call] { return tool_call.cancelled(); })
      .withTraceParent(tool_call.traceParent())
      .withClient(tool_call.clientName())
      .withSpan(tool_call.span())
      .withProgress([&tool_call](const std::string& message) { tool_call.progressStep(message); });
  return call;
}

}  // namespace nba::app
