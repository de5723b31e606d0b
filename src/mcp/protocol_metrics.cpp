#include "mcp/protocol_metrics.h"

namespace nba::mcp {

namespace {

obs::Counter& unlabelled(obs::MetricsRegistry& registry, const char* name, const char* help) {
  return registry.counter(name, help).with(obs::LabelValues{});
}

// One family, two series: the help is given once.
obs::Family<obs::Counter>& toolCalls(obs::MetricsRegistry& registry) {
  return registry.counter("nba_mcp_jsonrpc_tool_calls_total",
                          "tools/call requests answered, by whether the result is an isError "
                          "result.",
                          {"is_error"});
}

}  // namespace

ProtocolMetrics::ProtocolMetrics(obs::MetricsRegistry& registry)
    : messages(unlabelled(registry, "nba_mcp_jsonrpc_messages_total",
                          "JSON-RPC messages read from the client (blank lines aside).")),
      requests(
          unlabelled(registry, "nba_mcp_jsonrpc_requests_total", "JSON-RPC requests received.")),
      notifications(unlabelled(registry, "nba_mcp_jsonrpc_notifications_total",
                               "JSON-RPC notifications received.")),
      errors(unlabelled(registry, "nba_mcp_jsonrpc_errors_total",
                        "JSON-RPC error responses sent (malformed or refused messages).")),
      tool_calls_ok(toolCalls(registry).with({"false"})),
      tool_calls_err(toolCalls(registry).with({"true"})),
      cancelled(unlabelled(registry, "nba_mcp_cancelled_requests_total",
                           "Requests and subscriptions the client cancelled while in flight.")),
      active(registry.gauge("nba_mcp_active_requests", "Requests being handled now.")
                 .with(obs::LabelValues{})) {}

}  // namespace nba::mcp
