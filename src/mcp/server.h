#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/status.h"
#include "mcp/prompt.h"
#include "mcp/resource.h"
#include "mcp/server_identity.h"
#include "mcp/tool.h"
#include "mcp/transport.h"
#include "obs/metrics.h"

namespace nba::mcp {

struct ServerOptions {
  std::size_t worker_threads = 4;
  std::size_t max_line_bytes = std::size_t{4} * 1024 * 1024;
  std::size_t page_size = 50;
  std::chrono::milliseconds shutdown_grace{5000};
  // A call the reading thread runs itself (nothing else waiting to be read) hands reading
  // to the other reader thread once it has run this long (mcp/reader_relay.h).
  std::chrono::microseconds reader_take_over{2000};
  // Backpressure: the reader stops reading while this many tool calls (and other
  // pooled requests) are queued or running, so a pipelined burst costs bounded memory.
  // While it waits it reads nothing, not even notifications/cancelled or ping.
  std::size_t max_pending_requests = 1024;
  TextFormat text_format = TextFormat::kMarkdown;
  // ttlMs of list results and server/discover on 2026-07-28: our lists change only
  // with a new binary, so clients may keep them a while.
  std::chrono::milliseconds list_ttl{std::chrono::hours(1)};
  // Who the client is for every call (--client-id); empty: the clientInfo.name it sent.
  std::string client_id;
  // Where the protocol's metrics (mcp/protocol_metrics.h) are recorded: the app's registry,
  // which must outlive the server; null: a registry of the server's own.
  obs::MetricsRegistry* metrics = nullptr;
};

// The protocol's figures for get_server_stats and nba://server/stats, read from its metrics
// (mcp/protocol_metrics.h). Plain snapshot values.
struct ServerCounters {
  std::uint64_t messages = 0;
  std::uint64_t requests = 0;
  std::uint64_t notifications = 0;
  std::uint64_t protocol_errors = 0;
  std::uint64_t tool_calls = 0;
  std::uint64_t tool_errors = 0;
  std::uint64_t cancelled = 0;
  std::int64_t in_flight = 0;
  std::string negotiated_version;  // legacy session, empty before initialize
};

// The MCP server: JSON-RPC over a line transport, both the handshake revisions
// (2024-11-05 … 2025-11-25) and the stateless 2026-07-28, tools/resources/prompts/
// completion/logging, a worker pool, cancellation and progress. Knows nothing of
// basketball: the app registers tools.
//
// Thread safety: register everything (add*) before serve(); after that the
// registries are read-only and serve()/callTool() may run concurrently.
class McpServer {
 public:
  McpServer(ServerIdentity identity, ServerOptions options);
  ~McpServer();
  McpServer(const McpServer&) = delete;
  McpServer& operator=(const McpServer&) = delete;

  // Fail on a duplicate or malformed name.
  Status addTool(ToolDefinition tool);
  Status addResource(ResourceDefinition resource);
  Status addResourceTemplate(ResourceTemplateDefinition resource_template);
  Status addPrompt(PromptDefinition prompt);
  // `ref_type` "ref/prompt" (ref = prompt name) or "ref/resource" (ref = URI template).
  void addCompleter(const std::string& ref_type, const std::string& ref,
                    const std::string& argument, Completer completer);
  // Middleware runs outermost-first in the order added, around argument validation: it sees
  // calls with bad arguments like any other failed call (usage counts, metrics, spans).
  void addToolMiddleware(ToolMiddleware middleware);
  // Middleware that runs only for calls whose arguments are valid, inside the middleware
  // above and in the order added (rate limits: a malformed call spends no token; the memo).
  void addValidatedToolMiddleware(ToolMiddleware middleware);

  // Reads messages until EOF or Transport::interrupt(), then waits up to the shutdown
  // grace for requests in flight and flushes their responses. Returns false when
  // some request was still running at the deadline: the caller should then exit the
  // process at once (its thread cannot be joined; destroying the server would wait for
  // it). Later replies of such requests are dropped, never written.
  bool serve(Transport& transport);

  // Runs one tool the way tools/call does (validation, middleware, handler) without
  // the protocol, as `caller`: the CLI's `call`, the golden check, benchmarks.
  ToolResult callTool(const std::string& name, const nlohmann::json& arguments,
                      Caller caller = Caller::kCommandLine);
  // Runs one tool on behalf of the call `parent` belongs to (the question pipeline's inner
  // calls): cancelling the parent cancels it, its logs go to the parent's client, it
  // carries the parent's trace, and middleware sees Caller::kPipeline. Progress stays the
  // parent's own. Its span hangs under `parent_span` (the stage that made it), or the
  // parent's. Safe to call from several threads for one parent.
  ToolResult callTool(const std::string& name, const nlohmann::json& arguments, ToolContext& parent,
                      const SpanPtr& parent_span = nullptr);

  // notifications/message to the session's client when it asked for `level` or below with
  // logging/setLevel (2024-11-05 … 2025-11-25 sessions; a 2026-07-28 client sets its level per
  // request, so only that request's own logs reach it). Not from a request: the server's own
  // warnings (app mirrors spdlog's). Thread-safe; does nothing when not serving.
  void logToClient(LogLevel level, const std::string& logger, const nlohmann::json& data);

  // Starts `task` on an idle worker of the serving pool and returns true; false when no
  // worker is idle or the server is not serving. For a handler that splits its work (the
  // question pipeline's parallel calls): it runs the rest itself, so it never waits for a
  // worker, and a busy server is never asked for more threads than it has.
  bool tryRunOnIdleWorker(std::function<void()> task);

  const std::vector<ToolDefinition>& tools() const;
  const std::vector<ResourceDefinition>& resources() const;
  const std::vector<PromptDefinition>& prompts() const;
  ServerCounters counters() const;

  // Opaque; public only so the implementation files can name it.
  class Impl;

 private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace nba::mcp
