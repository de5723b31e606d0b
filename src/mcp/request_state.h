#pragma once

#include <atomic>
#include <functional>
#include <limits>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "mcp/log_level.h"
#include "mcp/message.h"
#include "mcp/protocol_version.h"
#include "mcp/shared_json.h"

namespace nba::mcp {

// Everything the server knows about one request in flight. Shared between the
// reader (which may cancel it) and the worker running it; `cancelled` is atomic and
// `progress_mutex` guards last_progress.
struct RequestState {
  RequestState(RequestId request_id, std::string request_method, ProtocolVersion v)
      : id(std::move(request_id)), method(std::move(request_method)), version(v) {}

  RequestId id;
  std::string method;
  ProtocolVersion version;
  nlohmann::json progress_token;      // null when the request asked for no progress
  std::optional<LogLevel> log_level;  // modern: from _meta; legacy: session level
  std::string traceparent;            // W3C trace context from _meta, if any
  std::string client = "unknown";     // who asked (ToolContext::clientName)
  std::atomic<bool> cancelled{false};
  std::mutex progress_mutex;
  double last_progress = -std::numeric_limits<double>::infinity();
  // A tools/call result's structured content, written into the reply in place of the
  // result's "structuredContent" (toolResultJson), so it is never copied. Null otherwise.
  SharedJson structured_content;
};

// Where the one response to a request goes: straight to the output queue, or into a
// 2025-03-26 batch. Called exactly once per request, with nullopt when the request
// was cancelled (no response may be sent).
using Responder = std::function<void(std::optional<std::string> line)>;

}  // namespace nba::mcp
