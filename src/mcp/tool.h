#pragma once

#include <any>
#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "core/call_context.h"
#include "core/trace_span.h"
#include "mcp/log_level.h"
#include "mcp/shared_json.h"

namespace nba::mcp {

// Who made a tool call (core/call_context.h): middleware counts, and will limit, by it.
using nba::Caller;

// What a tool handler may do besides computing its result. One per call; used only
// on the calling thread (thread-compatible), but cancelled() may flip at any time.
class ToolContext {
 public:
  virtual ~ToolContext() = default;
  // True once the client sent notifications/cancelled for this call. Long handlers
  // check it and return early; their result is dropped either way.
  virtual bool cancelled() const = 0;
  // notifications/progress, sent only if the request carried a progressToken.
  // `progress` must increase between calls (smaller values are dropped).
  virtual void progress(double progress, std::optional<double> total,
                        const std::string& message) = 0;
  // The next step of a call that cannot count its steps ahead (waiting on NBA.com, a
  // question's stages): progress one more than the last sent, with `message`. Inner calls
  // share their parent's count, so their steps keep it increasing. Thread-safe.
  virtual void progressStep(const std::string& message) = 0;
  // notifications/message, sent only at or above the client's chosen level.
  virtual void log(LogLevel level, const std::string& logger, const nlohmann::json& data) = 0;
  // The W3C traceparent the caller sent in params._meta, or empty.
  virtual const std::string& traceParent() const = 0;
  virtual Caller caller() const = 0;
  // Who the client is: ServerOptions::client_id, else the clientInfo.name the host sent
  // (initialize, or a 2026-07-28 request's _meta), else "unknown". Limits and the NBA.com
  // accounting count by it. "command line" outside the protocol.
  virtual const std::string& clientName() const = 0;

  // The span the call's work hangs under: the tracing middleware sets it, the handler's
  // CallContext carries it down; null when the call is not traced. An inner call's starts
  // as the span its caller named (McpServer::callTool).
  const SpanPtr& span() const { return span_; }
  void setSpan(SpanPtr span) { span_ = std::move(span); }

 private:
  SpanPtr span_;
};

// A tool's answer. Failures a person can act on are results with is_error (MCP
// assigns argument and business errors to the tool result, not to JSON-RPC).
struct ToolResult {
  std::string text;       // markdown for people
  SharedJson structured;  // must match the tool's outputSchema; shared by copies
  bool is_error = false;
  nlohmann::json meta = nlohmann::json::object();  // our `_meta` keys (dev.nbamcp/…)
  // What kind of failure an error is, for metrics (a bounded set, never shown to the client):
  // "invalid_arguments", "cancelled", "internal", "rate_limited", "busy"; "tool" by default.
  std::string error_type;
  // The handler's own typed result, for a caller in this process (app's question pipeline
  // reads an NBA tool's answer sections from it instead of parsing `text`). Never sent;
  // empty for errors made outside the handler. Holds a shared pointer to an immutable value,
  // so copying a result (the memo does) copies no sections.
  std::any typed;

  static ToolResult error(std::string message, std::string type = "tool") {
    ToolResult result;
    result.text = std::move(message);
    result.is_error = true;
    result.error_type = std::move(type);
    return result;
  }
};

using ToolHandler = std::function<ToolResult(const nlohmann::json& arguments, ToolContext&)>;

struct ToolDefinition {
  std::string name;  // [A-Za-z0-9_.-]{1,128}
  std::string title;
  std::string description;
  nlohmann::json input_schema;   // object schema; arguments are validated against it
  nlohmann::json output_schema;  // null when the tool has no structured output
  nlohmann::json annotations = nlohmann::json::object();
  ToolHandler handler;
};

// A call as middleware sees it.
struct ToolCall {
  const ToolDefinition& tool;
  const nlohmann::json& arguments;
};

// Wraps every tools/call (usage counts, metrics, tracing; and, once the arguments are valid,
// rate limits and the result memo). Calls `next` to go on, or returns its own result to stop
// the call (e.g. rate limited).
using ToolMiddleware = std::function<ToolResult(const ToolCall&, ToolContext&,
                                                const std::function<ToolResult()>& next)>;

}  // namespace nba::mcp
