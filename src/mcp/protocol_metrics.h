#pragma once

#include "obs/metrics.h"

namespace nba::mcp {

// The protocol layer's metrics (DESIGN §8), declared in one block (protocol_metrics.cpp): what
// arrived from the client, what was refused, what was cancelled and what is running now. The
// server records them; get_server_stats (through McpServer::counters) and /metrics read the
// same series. The registry must outlive this. Thread-safe.
struct ProtocolMetrics {
  explicit ProtocolMetrics(obs::MetricsRegistry& registry);

  obs::Counter& messages;        // every non-blank line read, parsed or not
  obs::Counter& requests;        // JSON-RPC requests
  obs::Counter& notifications;   // JSON-RPC notifications
  obs::Counter& errors;          // JSON-RPC error responses sent
  obs::Counter& tool_calls_ok;   // tools/call answered with a result…
  obs::Counter& tool_calls_err;  // …and with an isError result
  obs::Counter& cancelled;       // requests and subscriptions the client cancelled
  obs::Gauge& active;            // requests being handled now
};

}  // namespace nba::mcp
