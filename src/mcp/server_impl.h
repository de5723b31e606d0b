#pragma once

// Private to the mcp library: the McpServer implementation, split over server.cpp
// (reading, routing, lifecycle) and server_methods.cpp (one handler per method).

#include <atomic>
#include <condition_variable>
#include <map>
#include <memory>
#include <mutex>
#include <shared_mutex>
#include <unordered_map>
#include <variant>

#include "mcp/accepted_arguments.h"
#include "mcp/named_registry.h"
#include "mcp/output_queue.h"
#include "mcp/protocol_metrics.h"
#include "mcp/reader_relay.h"
#include "mcp/request_state.h"
#include "mcp/rpc_error.h"
#include "mcp/server.h"
#include "mcp/worker_pool.h"

namespace nba::mcp {

using RpcOutcome = std::variant<nlohmann::json, RpcError>;

class McpServer::Impl {
 public:
  Impl(ServerIdentity identity, ServerOptions options);
  // Joins the threads that may still run a call (after serve() gave up on them) before
  // the state they use goes: the members below would otherwise die first.
  ~Impl();

  // --- server.cpp: transport, routing, lifecycle ---
  bool serve(Transport& transport);
  // Reads and handles lines until the input ends or the reading role is taken over.
  void readWhileHoldingRole();
  // Runs a call on the reading thread when nothing else waits to be read; false when it
  // must go to the pool.
  bool runHereIfIdle(const std::shared_ptr<RequestState>& state, const nlohmann::json& params,
                     const Responder& respond);
  void handleLine(const std::string& line);
  // `single`: the message is a line of its own, not part of a batch.
  void handleValue(nlohmann::json value, std::string_view raw, const Responder& respond,
                   bool single);
  void handleBatch(nlohmann::json& batch, std::string_view raw);
  void handleNotification(const Message& message, std::string_view raw);
  void respondToUnparsed(const Responder& respond, std::string_view line, const JsonError& failure);
  void handleRequest(Message message, const Responder& respond, bool single);
  std::variant<std::shared_ptr<RequestState>, RpcError> makeRequestState(const Message& message);
  void runRequest(const std::shared_ptr<RequestState>& state, const nlohmann::json& params,
                  const Responder& respond);
  // McpServer::logToClient.
  void logToSession(LogLevel level, const std::string& logger, const nlohmann::json& data);
  void sendNotification(const RequestState* state, std::string_view method,
                        const nlohmann::json& params);
  void respondError(const Responder& respond, const std::optional<RequestId>& id,
                    const RpcError& error);
  bool omitUnknownIds() const;
  Responder directResponder();
  std::optional<ProtocolVersion> legacyVersion() const;
  void closeSubscriptions();

  // --- server_methods.cpp: one handler per method ---
  RpcOutcome dispatch(RequestState& state, const nlohmann::json& params);
  RpcOutcome initialize(RequestState& state, const nlohmann::json& params);
  RpcOutcome discover(RequestState& state, const nlohmann::json& params);
  RpcOutcome ping(RequestState& state, const nlohmann::json& params);
  RpcOutcome listTools(RequestState& state, const nlohmann::json& params);
  RpcOutcome handleToolsCall(RequestState& state, const nlohmann::json& params);
  RpcOutcome listResources(RequestState& state, const nlohmann::json& params);
  RpcOutcome listResourceTemplates(RequestState& state, const nlohmann::json& params);
  RpcOutcome readResource(RequestState& state, const nlohmann::json& params);
  RpcOutcome listPrompts(RequestState& state, const nlohmann::json& params);
  RpcOutcome getPrompt(RequestState& state, const nlohmann::json& params);
  RpcOutcome complete(RequestState& state, const nlohmann::json& params);
  RpcOutcome setLogLevel(RequestState& state, const nlohmann::json& params);
  RpcOutcome listenSubscriptions(RequestState& state, const nlohmann::json& params);
  ToolResult invokeTool(const ToolDefinition& tool, const nlohmann::json& arguments,
                        ToolContext& context);
  // invokeTool by name, for calls from outside the protocol; an unknown name is an isError.
  ToolResult invokeNamedTool(const std::string& name, const nlohmann::json& arguments,
                             ToolContext& context);
  void finishResult(RequestState& state, nlohmann::json& result) const;
  void addCacheHints(RequestState& state, nlohmann::json& result,
                     std::chrono::milliseconds ttl) const;

  template <typename Definition, typename ToJson>
  RpcOutcome listPage(const std::vector<Definition>& items, const char* field,
                      const nlohmann::json& params, ToJson to_json) const;

  ServerIdentity identity_;
  ServerOptions options_;
  // Set only when ServerOptions::metrics is null. Both declared before pool_: a request still
  // running when serve() gave up on it records into them until the pool is joined, which
  // happens when pool_ is destroyed, before these are.
  std::unique_ptr<obs::MetricsRegistry> own_registry_;
  ProtocolMetrics metrics_;
  NamedRegistry<ToolDefinition> tools_;
  NamedRegistry<ResourceDefinition> resources_;
  NamedRegistry<ResourceTemplateDefinition> templates_;
  NamedRegistry<PromptDefinition> prompts_;
  std::map<std::string, Completer> completers_;  // key: ref_type \n ref \n argument
  std::vector<ToolMiddleware> middleware_;
  std::vector<ToolMiddleware> validated_middleware_;  // after validation, inside middleware_
  AcceptedArguments accepted_arguments_;              // calls whose arguments passed validation

  std::unique_ptr<OutputQueue> out_;    // set while serving
  std::unique_ptr<WorkerPool> pool_;    // set while serving
  Transport* transport_ = nullptr;      // set while serving; read by the reading role's holder
  std::unique_ptr<ReaderRelay> relay_;  // set while serving

  std::mutex input_mutex_;  // guards input_ended_
  std::condition_variable input_done_;
  bool input_ended_ = false;  // whoever held the reading role saw EOF or an interrupt

  // Guards client_logs_open_: shared by logToSession, exclusive to open and close it, so no
  // line is pushed to out_ after it is gone.
  std::shared_mutex client_log_mutex_;
  bool client_logs_open_ = false;
  mutable std::mutex session_mutex_;  // guards the legacy session fields below
  std::optional<ProtocolVersion> legacy_version_;
  std::optional<LogLevel> session_log_level_;
  std::string session_client_;  // the clientInfo.name of initialize

  std::mutex inflight_mutex_;  // guards inflight_ and subscriptions_
  std::unordered_map<std::string, std::shared_ptr<RequestState>> inflight_;
  std::map<std::string, std::pair<std::shared_ptr<RequestState>, Responder>> subscriptions_;
};

}  // namespace nba::mcp
