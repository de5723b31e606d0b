#include <spdlog/spdlog.h>

#include "core/user_text.h"
#include "mcp/schema_validator.h"
#include "mcp/server_impl.h"
#include "mcp/wire_format.h"

namespace nba::mcp {
namespace {

using nlohmann::json;

constexpr char kServerInfoKey[] = "io.modelcontextprotocol/serverInfo";

using Handler = RpcOutcome (McpServer::Impl::*)(RequestState&, const json&);

enum class Era { kLegacyOnly, kModernOnly, kBoth };

struct MethodBinding {
  const char* name;
  Handler handler;
  Era era;
};

// The one binding table (STYLE rule 5): every method, its handler, and the protocol
// era(s) that define it.
const MethodBinding kMethods[] = {
    {"initialize", &McpServer::Impl::initialize, Era::kLegacyOnly},
    {"ping", &McpServer::Impl::ping, Era::kLegacyOnly},
    {"server/discover", &McpServer::Impl::discover, Era::kBoth},
    {"tools/list", &McpServer::Impl::listTools, Era::kBoth},
    {"tools/call", &McpServer::Impl::handleToolsCall, Era::kBoth},
    {"resources/list", &McpServer::Impl::listResources, Era::kBoth},
    {"resources/templates/list", &McpServer::Impl::listResourceTemplates, Era::kBoth},
    {"resources/read", &McpServer::Impl::readResource, Era::kBoth},
    {"prompts/list", &McpServer::Impl::listPrompts, Era::kBoth},
    {"prompts/get", &McpServer::Impl::getPrompt, Era::kBoth},
    {"completion/complete", &McpServer::Impl::complete, Era::kBoth},
    {"logging/setLevel", &McpServer::Impl::setLogLevel, Era::kLegacyOnly},
    {"subscriptions/listen", &McpServer::Impl::listenSubscriptions, Era::kModernOnly},
};

// A ToolContext bound to one request of the protocol (progress and logs go out as
// notifications tied to it).
class RequestToolContext : public ToolContext {
 public:
  RequestToolContext(McpServer::Impl& server, RequestState& state)
      : server_(server), state_(state) {}
  bool cancelled() const override { return state_.cancelled; }
  void progress(double progress, std::optional<double> total, const std::string& message) override {
    if (state_.progress_token.is_null()) {
      return;
    }
    // Checked and sent under one lock, so notifications leave in increasing order even when
    // a question's calls report from several workers.
    std::lock_guard lock(state_.progress_mutex);
    if (progress <= state_.last_progress) {
      return;  // the spec requires progress to increase
    }
    send(progress, total, message);
  }
  void progressStep(const std::string& message) override {
    if (state_.progress_token.is_null()) {
      return;
    }
    std::lock_guard lock(state_.progress_mutex);
    send(std::max(0.0, state_.last_progress) + 1, std::nullopt, message);
  }
  void log(LogLevel level, const std::string& logger, const json& data) override {
    if (!state_.log_level || level < *state_.log_level) {
      return;
    }
    json params = {{"level", logLevelName(level)}, {"data", data}};
    if (!logger.empty()) {
      params["logger"] = logger;
    }
    server_.sendNotification(&state_, "notifications/message", params);
  }
  const std::string& traceParent() const override { return state_.traceparent; }
  Caller caller() const override { return Caller::kClient; }
  const std::string& clientName() const override { return state_.client; }

 private:
  // Call with progress_mutex held.
  void send(double progress, std::optional<double> total, const std::string& message) {
    state_.last_progress = progress;
    json params = {{"progressToken", state_.progress_token}, {"progress", progress}};
    if (total) {
      params["total"] = *total;
    }
    if (!message.empty() && state_.version >= ProtocolVersion::k2025_03_26) {
      params["message"] = message;
    }
    server_.sendNotification(&state_, "notifications/progress", params);
  }

  McpServer::Impl& server_;
  RequestState& state_;
};

// For calls made outside the protocol (CLI, golden check, benchmarks): nothing to notify.
class DetachedToolContext : public ToolContext {
 public:
  explicit DetachedToolContext(Caller caller) : caller_(caller) {}
  bool cancelled() const override { return false; }
  void progress(double, std::optional<double>, const std::string&) override {}
  void progressStep(const std::string&) override {}
  void log(LogLevel, const std::string&, const json&) override {}
  const std::string& traceParent() const override { return trace_; }
  Caller caller() const override { return caller_; }
  const std::string& clientName() const override {
    static const std::string kCommandLine = "command line";
    return kCommandLine;
  }

 private:
  Caller caller_;
  std::string trace_;
};

// An inner call made for another call (the question pipeline's): it shares the parent's
// cancellation, client log, trace and step count. Numbered progress is dropped: an inner
// call's own numbers would run the parent's count backwards; its steps add to the parent's.
class ChildToolContext : public ToolContext {
 public:
  ChildToolContext(ToolContext& parent, const SpanPtr& span) : parent_(parent) {
    setSpan(span ? span : parent.span());
  }
  bool cancelled() const override { return parent_.cancelled(); }
  void progress(double, std::optional<double>, const std::string&) override {}
  void progressStep(const std::string& message) override { parent_.progressStep(message); }
  void log(LogLevel level, const std::string& logger, const json& data) override {
    parent_.log(level, logger, data);
  }
  const std::string& traceParent() const override { return parent_.traceParent(); }
  Caller caller() const override { return Caller::kPipeline; }
  const std::string& clientName() const override { return parent_.clientName(); }

 private:
  ToolContext& parent_;
};

std::optional<std::string> stringParam(const json& params, const char* name) {
  if (!params.is_object()) {
    return std::nullopt;
  }
  auto it = params.find(name);
  if (it == params.end() || !it->is_string()) {
    return std::nullopt;
  }
  return it->get<std::string>();
}

}  // namespace

RpcOutcome McpServer::Impl::dispatch(RequestState& state, const json& params) {
  for (const auto& binding : kMethods) {
    if (state.method != binding.name) {
      continue;
    }
    bool modern = isModern(state.version);
    if ((modern && binding.era == Era::kLegacyOnly) ||
        (!modern && binding.era == Era::kModernOnly)) {
      return methodNotFound("Method not found: " + echoUserText(state.method) +
                            " is not part of protocol " +
                            std::string(protocolVersionName(state.version)));
    }
    return (this->*binding.handler)(state, params);
  }
  return methodNotFound("Method not found: " + echoUserText(state.method));
}

void McpServer::Impl::finishResult(RequestState& state, json& result) const {
  if (!isModern(state.version)) {
    return;
  }
  result["resultType"] = "complete";
  result["_meta"][kServerInfoKey] = implementationJson(identity_, state.version);
}

void McpServer::Impl::addCacheHints(RequestState& state, json& result,
                                    std::chrono::milliseconds ttl) const {
  if (isModern(state.version)) {
    result["ttlMs"] = ttl.count();
    result["cacheScope"] = "public";  // nothing we serve depends on who asks
  }
}

RpcOutcome McpServer::Impl::initialize(RequestState& state, const json& params) {
  auto requested = stringParam(params, "protocolVersion");
  if (!requested) {
    return invalidParams("Invalid params: initialize needs a string \"protocolVersion\"");
  }
  auto parsed = parseProtocolVersion(*requested);
  // An unknown or modern version gets our newest handshake version back (not an error).
  ProtocolVersion chosen = (parsed && !isModern(*parsed)) ? *parsed : kNewestLegacyVersion;
  {
    std::lock_guard lock(session_mutex_);
    if (legacy_version_) {
      return invalidRequest("Invalid Request: already initialized (protocol " +
                            std::string(protocolVersionName(*legacy_version_)) +
                            "); initialize may be sent only once per process");
    }
    legacy_version_ = chosen;
  }
  state.version = chosen;
  if (auto client = params.find("clientInfo"); client != params.end() && client->is_object()) {
    if (auto name = stringParam(*client, "name"); name && !name->empty()) {
      std::lock_guard lock(session_mutex_);
      session_client_ = *name;
    }
    spdlog::info("client {} {} initialized with protocol {}",
                 echoUserText(stringParam(*client, "name").value_or("?")),
                 echoUserText(stringParam(*client, "version").value_or("?")),
                 protocolVersionName(chosen));
  }
  json result = {{"protocolVersion", protocolVersionName(chosen)},
                 {"capabilities", serverCapabilitiesJson(chosen)},
                 {"serverInfo", implementationJson(identity_, chosen)}};
  if (!identity_.instructions.empty()) {
    result["instructions"] = identity_.instructions;
  }
  return result;
}

RpcOutcome McpServer::Impl::discover(RequestState& state, const json&) {
  json result = {{"supportedVersions", supportedProtocolVersionNames()},
                 {"capabilities", serverCapabilitiesJson(kModernVersion)}};
  if (!identity_.instructions.empty()) {
    result["instructions"] = identity_.instructions;
  }
  addCacheHints(state, result, options_.list_ttl);
  return result;
}

RpcOutcome McpServer::Impl::ping(RequestState&, const json&) { return json::object(); }

template <typename Definition, typename ToJson>
RpcOutcome McpServer::Impl::listPage(const std::vector<Definition>& items, const char* field,
                                     const json& params, ToJson to_json) const {
  std::size_t offset = 0;
  if (auto cursor_it = params.find("cursor"); cursor_it != params.end()) {
    const json& cursor = *cursor_it;
    auto decoded = cursor.is_string() ? decodeCursor(cursor.get<std::string>()) : std::nullopt;
    if (!decoded || *decoded > items.size()) {
      return invalidParams(
          "Invalid params: unknown cursor (use the nextCursor of a previous "
          "list result, or no cursor for the first page)");
    }
    offset = *decoded;
  }
  json page = json::array();
  std::size_t end = std::min(items.size(), offset + options_.page_size);
  for (std::size_t i = offset; i < end; ++i) {
    page.push_back(to_json(items[i]));
  }
  json result = {{field, std::move(page)}};
  if (end < items.size()) {
    result["nextCursor"] = encodeCursor(end);
  }
  return result;
}

RpcOutcome McpServer::Impl::listTools(RequestState& state, const json& params) {
  auto outcome = listPage(tools_.all(), "tools", params, [&](const ToolDefinition& tool) {
    return toolJson(tool, state.version);
  });
  if (auto* result = std::get_if<json>(&outcome)) {
    addCacheHints(state, *result, options_.list_ttl);
  }
  return outcome;
}

ToolResult McpServer::Impl::invokeTool(const ToolDefinition& tool, const json& arguments,
                                       ToolContext& context) {
  ToolCall call{tool, arguments};
  // The validated stage: middleware after validation, then the handler.
  std::optional<json> converted;
  std::function<ToolResult(std::size_t)> run_validated = [&](std::size_t index) -> ToolResult {
    if (index == validated_middleware_.size()) {
      return tool.handler(converted ? *converted : arguments, context);
    }
    return validated_middleware_[index](call, context, [&] { return run_validated(index + 1); });
  };
  std::function<ToolResult(std::size_t)> run_from = [&](std::size_t index) -> ToolResult {
    if (index == middleware_.size()) {
      if (context.cancelled()) {
        // Nobody waits for the answer (an inner call of a cancelled question): skip the work.
        return ToolResult::error("Cancelled: " + tool.name + " was not run.", "cancelled");
      }
      // Validation sits inside the outer middleware, so usage counts and metrics see calls
      // with bad arguments like any other failed call, and outside the validated stage, so
      // a malformed call spends no rate-limit token.
      std::string key = AcceptedArguments::keyOf(tool.name, arguments);
      if (!accepted_arguments_.contains(key)) {
        auto violations = validateAgainstSchema(arguments, tool.input_schema);
        if (!violations.empty()) {
          return ToolResult::error("Invalid arguments for " + tool.name + ": " +
                                       describeViolations(violations, "arguments"),
                                   "invalid_arguments");
        }
        accepted_arguments_.add(std::move(key));
      }
      converted = withIntegralFloatsAsIntegers(arguments);  // "season": 2024.0 reads as 2024
      return run_validated(0);
    }
    return middleware_[index](call, context, [&] { return run_from(index + 1); });
  };
  try {
    return run_from(0);
  } catch (const std::exception& e) {
    spdlog::error("tool {} threw: {}", tool.name, e.what());
    return ToolResult::error(
        "Internal error in " + tool.name + ": " + e.what() +
            ". The server is still running; try again or change the arguments.",
        "internal");
  } catch (...) {
    spdlog::error("tool {} threw a non-standard exception", tool.name);
    return ToolResult::error("Internal error in " + tool.name + ". The server is still running.",
                             "internal");
  }
}

RpcOutcome McpServer::Impl::handleToolsCall(RequestState& state, const json& params) {
  auto name = stringParam(params, "name");
  if (!name) {
    return invalidParams("Invalid params: tools/call needs a string \"name\"");
  }
  const ToolDefinition* tool = tools_.find(*name);
  if (tool == nullptr) {
    std::string known;
    for (const auto& t : tools_.all()) {
      known += (known.empty() ? "" : ", ") + t.name;
    }
    return invalidParams("Unknown tool '" + echoUserText(*name) + "'. Available tools: " + known);
  }
  static const json kNoArguments = json::object();
  const json* arguments = &kNoArguments;
  if (auto it = params.find("arguments"); it != params.end() && !it->is_null()) {
    if (!it->is_object()) {
      return invalidParams("Invalid params: \"arguments\" must be an object, got " +
                           std::string(it->type_name()));
    }
    arguments = &*it;
  }
  RequestToolContext context(*this, state);
  ToolResult result = invokeTool(*tool, *arguments, context);
  (result.is_error ? metrics_.tool_calls_err : metrics_.tool_calls_ok).inc();
  return toolResultJson(std::move(result), state.version, options_.text_format,
                        state.structured_content);
}

RpcOutcome McpServer::Impl::listResources(RequestState& state, const json& params) {
  auto outcome = listPage(resources_.all(), "resources", params, [&](const auto& resource) {
    return resourceJson(resource, state.version);
  });
  if (auto* result = std::get_if<json>(&outcome)) {
    addCacheHints(state, *result, options_.list_ttl);
  }
  return outcome;
}

RpcOutcome McpServer::Impl::listResourceTemplates(RequestState& state, const json& params) {
  auto outcome = listPage(templates_.all(), "resourceTemplates", params, [&](const auto& item) {
    return resourceTemplateJson(item, state.version);
  });
  if (auto* result = std::get_if<json>(&outcome)) {
    addCacheHints(state, *result, options_.list_ttl);
  }
  return outcome;
}

RpcOutcome McpServer::Impl::readResource(RequestState& state, const json& params) {
  auto uri = stringParam(params, "uri");
  if (!uri) {
    return invalidParams("Invalid params: resources/read needs a string \"uri\"");
  }
  Result<ResourceContentsList> contents = notFound("");
  std::chrono::milliseconds ttl{0};
  bool matched = false;
  if (const ResourceDefinition* resource = resources_.find(*uri)) {
    contents = resource->read();
    ttl = resource->ttl;
    matched = true;
  } else {
    for (const auto& item : templates_.all()) {
      if (auto vars = matchUriTemplate(item.uri_template, *uri)) {
        contents = item.read(*vars);
        ttl = item.ttl;
        matched = true;
        break;
      }
    }
  }
  if (!matched || (!contents.ok() && contents.status().code() == StatusCode::kNotFound)) {
    std::string reason = matched ? contents.status().message() : "no resource has this URI";
    return RpcError{resourceNotFoundCode(state.version),
                    "Resource not found: " + echoUserText(*uri, 200) + " (" + reason + ")",
                    {{"uri", *uri}}};
  }
  if (!contents.ok()) {
    return rpcErrorFromStatus(contents.status());
  }
  json result = resourceContentsJson(contents.value());
  for (const ResourceContents& content : contents.value()) {
    if (content.ttl) ttl = std::min(ttl, *content.ttl);
  }
  addCacheHints(state, result, ttl);
  return result;
}

RpcOutcome McpServer::Impl::listPrompts(RequestState& state, const json& params) {
  auto outcome = listPage(prompts_.all(), "prompts", params,
                          [&](const auto& prompt) { return promptJson(prompt, state.version); });
  if (auto* result = std::get_if<json>(&outcome)) {
    addCacheHints(state, *result, options_.list_ttl);
  }
  return outcome;
}

RpcOutcome McpServer::Impl::getPrompt(RequestState&, const json& params) {
  auto name = stringParam(params, "name");
  if (!name) {
    return invalidParams("Invalid params: prompts/get needs a string \"name\"");
  }
  const PromptDefinition* prompt = prompts_.find(*name);
  if (prompt == nullptr) {
    return invalidParams("Unknown prompt '" + echoUserText(*name) + "'");
  }
  PromptArguments arguments;
  if (auto it = params.find("arguments"); it != params.end() && !it->is_null()) {
    if (!it->is_object()) {
      return invalidParams("Invalid params: prompt \"arguments\" must be an object of strings");
    }
    for (const auto& [key, value] : it->items()) {
      if (!value.is_string()) {
        return invalidParams("Invalid params: prompt argument '" + echoUserText(key) +
                             "' must be a string");
      }
      arguments[key] = value.get<std::string>();
    }
  }
  for (const auto& argument : prompt->arguments) {
    if (argument.required && arguments.count(argument.name) == 0) {
      return invalidParams("Invalid params: prompt '" + *name + "' needs argument '" +
                           argument.name + "'");
    }
  }
  auto rendered = prompt->render(arguments);
  if (!rendered.ok()) {
    return rpcErrorFromStatus(rendered.status());
  }
  return renderedPromptJson(rendered.value());
}

RpcOutcome McpServer::Impl::complete(RequestState&, const json& params) {
  auto ref_it = params.find("ref");
  auto argument_it = params.find("argument");
  if (ref_it == params.end() || !ref_it->is_object() || argument_it == params.end() ||
      !argument_it->is_object()) {
    return invalidParams(
        "Invalid params: completion/complete needs \"ref\" and \"argument\" objects");
  }
  const json& ref = *ref_it;
  CompletionRequest request;
  // Every field the client sends must be a string when present; a wrong type is the
  // client's mistake (-32602), never an internal error.
  std::string field_error;
  auto text_field = [&field_error](const json& object, const char* name, const char* where) {
    auto it = object.find(name);
    if (it == object.end()) {
      return std::string();
    }
    if (!it->is_string()) {
      if (field_error.empty()) {
        field_error = std::string("Invalid params: ") + where + "." + name +
                      " must be a string, got " + it->type_name();
      }
      return std::string();
    }
    return it->get<std::string>();
  };
  request.ref_type = text_field(ref, "type", "ref");
  std::string ref_name = text_field(ref, "name", "ref");
  std::string ref_uri = text_field(ref, "uri", "ref");
  request.ref = request.ref_type == "ref/prompt" ? ref_name : ref_uri;
  request.argument = text_field(*argument_it, "name", "argument");
  request.value = text_field(*argument_it, "value", "argument");
  if (!field_error.empty()) {
    return invalidParams(field_error);
  }
  if (auto context = params.find("context"); context != params.end() && context->is_object()) {
    if (auto arguments = context->find("arguments");
        arguments != context->end() && arguments->is_object()) {
      for (const auto& [key, value] : arguments->items()) {
        if (value.is_string()) {
          request.context[key] = value.get<std::string>();
        }
      }
    }
  }
  bool known_ref = (request.ref_type == "ref/prompt" && prompts_.find(request.ref)) ||
                   (request.ref_type == "ref/resource" && templates_.find(request.ref));
  if (!known_ref) {
    return invalidParams("Invalid params: unknown completion reference " +
                         echoUserText(dumpJson(ref), 200));
  }
  json values = json::array();
  std::size_t total = 0;
  auto it = completers_.find(request.ref_type + "\n" + request.ref + "\n" + request.argument);
  if (it != completers_.end()) {
    auto candidates = it->second(request);
    total = candidates.size();
    for (std::size_t i = 0; i < candidates.size() && i < 100; ++i) {
      values.push_back(candidates[i]);
    }
  }
  return json{{"completion", {{"values", values}, {"total", total}, {"hasMore", total > 100}}}};
}

RpcOutcome McpServer::Impl::setLogLevel(RequestState&, const json& params) {
  auto level_name = stringParam(params, "level");
  auto level = level_name ? parseLogLevel(*level_name) : std::nullopt;
  if (!level) {
    return invalidParams(
        "Invalid params: \"level\" must be one of debug, info, notice, warning, error, critical, "
        "alert, emergency");
  }
  std::lock_guard lock(session_mutex_);
  session_log_level_ = level;
  return json::object();
}

RpcOutcome McpServer::Impl::listenSubscriptions(RequestState& state, const json& params) {
  if (auto it = params.find("notifications"); it == params.end() || !it->is_object()) {
    return invalidParams("Invalid params: subscriptions/listen needs a \"notifications\" object");
  }
  // Our lists and resources never change while the process runs, so we honour no
  // notification types: acknowledge with an empty filter and hold the stream open.
  json ack = {
      {"notifications", json::object()},
      {"_meta", {{"io.modelcontextprotocol/subscriptionId", json::parse(state.id.text())}}}};
  sendNotification(&state, "notifications/subscriptions/acknowledged", ack);
  return json::object();
}

ToolResult McpServer::callTool(const std::string& name, const nlohmann::json& arguments,
                               Caller caller) {
  DetachedToolContext context(caller);
  return impl_->invokeNamedTool(name, arguments, context);
}

ToolResult McpServer::callTool(const std::string& name, const nlohmann::json& arguments,
                               ToolContext& parent, const SpanPtr& parent_span) {
  ChildToolContext context(parent, parent_span);
  return impl_->invokeNamedTool(name, arguments, context);
}

ToolResult McpServer::Impl::invokeNamedTool(const std::string& name, const json& arguments,
                                            ToolContext& context) {
  const ToolDefinition* tool = tools_.find(name);
  if (tool == nullptr) {
    return ToolResult::error("Unknown tool '" + echoUserText(name) + "'");
  }
  return invokeTool(*tool, arguments, context);
}

}  // namespace nba::mcp
