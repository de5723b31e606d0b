#include <spdlog/spdlog.h>

#include <regex>
#include <set>

#include "core/user_text.h"
#include "mcp/server_impl.h"
#include "mcp/spin_wait.h"
#include "mcp/wire_format.h"

namespace nba::mcp {
namespace {

using nlohmann::json;

// Whether this thread is the one reading the input (see readWhileHoldingRole).
thread_local bool t_holds_reading_role = false;

constexpr char kProtocolVersionKey[] = "io.modelcontextprotocol/protocolVersion";
constexpr char kClientCapabilitiesKey[] = "io.modelcontextprotocol/clientCapabilities";
constexpr char kLogLevelKey[] = "io.modelcontextprotocol/logLevel";
constexpr char kClientInfoKey[] = "io.modelcontextprotocol/clientInfo";

bool isBlank(const std::string& line) {
  return line.find_first_not_of(" \t\r") == std::string::npos;
}

const json* metaOf(const json& params) {
  if (!params.is_object()) {
    return nullptr;
  }
  auto it = params.find("_meta");
  return (it != params.end() && it->is_object()) ? &*it : nullptr;
}

bool isInitializeRequest(const json& element) {
  if (!element.is_object() || !element.contains("id")) {
    return false;
  }
  auto method = element.find("method");
  return method != element.end() && method->is_string() && *method == "initialize";
}

bool validToolName(const std::string& name) {
  static const std::regex kPattern("^[A-Za-z0-9_.-]{1,128}$");
  return std::regex_match(name, kPattern);
}

}  // namespace

// ---------------------------------------------------------------- McpServer API

McpServer::McpServer(ServerIdentity identity, ServerOptions options)
    : impl_(std::make_unique<Impl>(std::move(identity), std::move(options))) {}

McpServer::~McpServer() = default;

Status McpServer::addTool(ToolDefinition tool) {
  if (!validToolName(tool.name)) {
    return invalidArgument("tool name '" + tool.name + "' must match [A-Za-z0-9_.-]{1,128}");
  }
  if (!tool.input_schema.is_object() || tool.input_schema.value("type", "") != "object") {
    return invalidArgument("tool '" + tool.name + "' needs an object inputSchema");
  }
  std::string name = tool.name;
  return impl_->tools_.add(std::move(name), std::move(tool));
}

Status McpServer::addResource(ResourceDefinition resource) {
  std::string uri = resource.uri;
  return impl_->resources_.add(std::move(uri), std::move(resource));
}

Status McpServer::addResourceTemplate(ResourceTemplateDefinition resource_template) {
  std::string key = resource_template.uri_template;
  return impl_->templates_.add(std::move(key), std::move(resource_template));
}

Status McpServer::addPrompt(PromptDefinition prompt) {
  std::string name = prompt.name;
  return impl_->prompts_.add(std::move(name), std::move(prompt));
}

void McpServer::addCompleter(const std::string& ref_type, const std::string& ref,
                             const std::string& argument, Completer completer) {
  impl_->completers_[ref_type + "\n" + ref + "\n" + argument] = std::move(completer);
}

void McpServer::addValidatedToolMiddleware(ToolMiddleware middleware) {
  impl_->validated_middleware_.push_back(std::move(middleware));
}

void McpServer::addToolMiddleware(ToolMiddleware middleware) {
  impl_->middleware_.push_back(std::move(middleware));
}

bool McpServer::serve(Transport& transport) { return impl_->serve(transport); }

const std::vector<ToolDefinition>& McpServer::tools() const { return impl_->tools_.all(); }

// pool_ is set before the first request is read and reset only after every task has
// finished, so a handler (the only caller while serving) always sees it stable.
void McpServer::logToClient(LogLevel level, const std::string& logger, const nlohmann::json& data) {
  impl_->logToSession(level, logger, data);
}

bool McpServer::tryRunOnIdleWorker(std::function<void()> task) {
  return impl_->pool_ != nullptr && impl_->pool_->tryStart(std::move(task));
}
const std::vector<ResourceDefinition>& McpServer::resources() const {
  return impl_->resources_.all();
}
const std::vector<PromptDefinition>& McpServer::prompts() const { return impl_->prompts_.all(); }

ServerCounters McpServer::counters() const {
  ServerCounters c;
  const ProtocolMetrics& m = impl_->metrics_;
  c.messages = m.messages.value();
  c.requests = m.requests.value();
  c.notifications = m.notifications.value();
  c.protocol_errors = m.errors.value();
  c.tool_calls = m.tool_calls_ok.value() + m.tool_calls_err.value();
  c.tool_errors = m.tool_calls_err.value();
  c.cancelled = m.cancelled.value();
  c.in_flight = static_cast<std::int64_t>(m.active.value());
  if (auto version = impl_->legacyVersion()) {
    c.negotiated_version = std::string(protocolVersionName(*version));
  }
  return c;
}

// ---------------------------------------------------------------- Impl: serving

namespace {

std::unique_ptr<obs::MetricsRegistry> registryUnlessGiven(const ServerOptions& options) {
  return options.metrics != nullptr ? nullptr : std::make_unique<obs::MetricsRegistry>();
}

}  // namespace

McpServer::Impl::Impl(ServerIdentity identity, ServerOptions options)
    : identity_(std::move(identity)),
      options_(std::move(options)),
      own_registry_(registryUnlessGiven(options_)),
      metrics_(own_registry_ ? *own_registry_ : *options_.metrics) {}

McpServer::Impl::~Impl() {
  // Joined before reset(), which nulls relay_ first: a call finishing meanwhile still
  // tells the relay and the pool it is done.
  if (relay_) {
    relay_->join();
  }
  relay_.reset();
  pool_.reset();
}

bool McpServer::Impl::serve(Transport& transport) {
  out_ = std::make_unique<OutputQueue>(transport);
  {
    std::unique_lock lock(client_log_mutex_);
    client_logs_open_ = true;
  }
  WorkerPool::Options pool_options;
  pool_options.threads = options_.worker_threads;
  pool_options.max_pending = options_.max_pending_requests;
  // Workers write their replies themselves when stdout is idle (one hand-off fewer).
  // The one doing so may block on a client that does not read; with a single worker
  // that would stall the pool, and with the reader waiting for room (backpressure)
  // the whole server, so a lone worker always hands its lines to the writer thread. So
  // does every worker when one pending call is all the reader allows: the blocked one
  // would hold it, and the reader would wait for room for ever.
  if (options_.worker_threads >= 2 && options_.max_pending_requests >= 2) {
    pool_options.on_thread_start = [] { OutputQueue::allowDirectWrites(); };
  }
  pool_ = std::make_unique<WorkerPool>(pool_options);
  transport_ = &transport;
  input_ended_ = false;
  relay_ =
      std::make_unique<ReaderRelay>([this] { readWhileHoldingRole(); }, options_.reader_take_over);
  relay_->start();
  {
    std::unique_lock lock(input_mutex_);
    input_done_.wait(lock, [this] { return input_ended_; });
  }
  // Queued requests keep starting while we wait, so they too get the grace period, and
  // so do calls the reading thread runs itself: the pool counts those too.
  bool drained = pool_->drain(options_.shutdown_grace);
  closeSubscriptions();
  if (!drained) {
    spdlog::warn("requests still running after {} ms; exiting without them",
                 options_.shutdown_grace.count());
    // Workers still run and will push their replies: keep the pool and the queue
    // alive (destroying either under them crashed), write what is done, and drop the
    // rest. The caller exits the process; destroying the server would wait for them.
    out_->close();
    return false;
  }
  relay_->join();  // its calls are done and its threads finish now the input has ended
  relay_.reset();
  pool_.reset();
  out_->close();  // flushes; a log line pushed from another thread now is dropped
  {
    std::unique_lock lock(client_log_mutex_);
    client_logs_open_ = false;
  }
  out_.reset();
  return true;
}

// Runs on whichever of the relay's threads holds the reading role (see ReaderRelay).
void McpServer::Impl::readWhileHoldingRole() {
  t_holds_reading_role = true;
  OutputQueue::allowDirectWrites(false);  // must never block on a client that is not reading
  std::string line;
  while (t_holds_reading_role) {
    // Like the pool's workers, look for the next request a moment before sleeping on the
    // input, but only a moment (mcp/spin_wait.h says why).
    spinUntil(kReaderSpinBeforeSleep, [this] { return transport_->hasPendingInput(); });
    ReadStatus status = transport_->readLine(line);
    if (status == ReadStatus::kEof || status == ReadStatus::kInterrupted) {
      spdlog::info("{}; finishing requests in flight",
                   status == ReadStatus::kEof ? "stdin closed" : "stop requested");
      t_holds_reading_role = false;
      relay_->stop();
      std::lock_guard lock(input_mutex_);
      input_ended_ = true;
      input_done_.notify_all();
      return;
    }
    if (status == ReadStatus::kTooLong) {
      metrics_.messages.inc();
      // `line` holds the discarded line's first bytes: its id is answered when they show one.
      respondError(
          directResponder(), recoverRequestId(line),
          invalidRequest("Invalid Request: message exceeds the limit of " +
                         std::to_string(options_.max_line_bytes) + " bytes and was discarded"));
      continue;
    }
    // With more input waiting (a pipelined burst), the writer thread writes this line's
    // reply together with the next ones; a lone request's reply goes out at once.
    OutputQueue::tryDirectWrites(!transport_->hasPendingInput());
    handleLine(line);
  }
}

// The thread that read a call runs it when no more input waits, so an idle server pays no
// hand-off: its caches hold the request, and waking a worker on an idle virtual CPU costs
// more than a trivial call. The relay keeps the input read meanwhile; when more input
// waits (a pipelined burst) or the stand-by is busy, the call goes to the pool instead.
bool McpServer::Impl::runHereIfIdle(const std::shared_ptr<RequestState>& state, const json& params,
                                    const Responder& respond) {
  if (!t_holds_reading_role || transport_->hasPendingInput()) {
    return false;
  }
  // Counted as pending like a pooled call (max_pending_requests, the shutdown grace).
  if (!pool_->tryAdmitHere()) {
    return false;  // no room: submitting waits for some, as backpressure wants
  }
  if (!relay_->beginCall()) {
    pool_->finishedHere();
    return false;
  }
  OutputQueue::allowDirectWrites(true);  // the stand-by takes over reading if we block
  runRequest(state, params, respond);
  OutputQueue::allowDirectWrites(false);
  if (!relay_->endCall()) {
    t_holds_reading_role = false;  // the stand-by reads now; this thread stands by
  }
  // Last: once the pool counts the call done, serve() may finish and destroy the relay.
  pool_->finishedHere();
  return true;
}

void McpServer::Impl::logToSession(LogLevel level, const std::string& logger, const json& data) {
  {
    std::lock_guard lock(session_mutex_);
    if (!session_log_level_ || level < *session_log_level_) return;
  }
  std::shared_lock lock(client_log_mutex_);
  if (!client_logs_open_) return;
  json params = {{"level", logLevelName(level)}, {"data", data}};
  if (!logger.empty()) params["logger"] = logger;
  out_->push(notificationLine("notifications/message", params));
}

void McpServer::Impl::handleLine(const std::string& line) {
  if (isBlank(line)) {
    return;
  }
  metrics_.messages.inc();
  Responder direct = directResponder();
  auto parsed = parseJsonBounded(line);
  if (auto* failure = std::get_if<JsonError>(&parsed)) {
    respondToUnparsed(direct, line, *failure);
    return;
  }
  json& value = std::get<json>(parsed);
  if (value.is_array()) {
    handleBatch(value, line);
    return;
  }
  handleValue(std::move(value), line, direct, /*single=*/true);
}

// A line that did not become a JSON value. Its id, when the text shows one, is echoed so the
// client's request does not wait forever. Valid JSON we refuse to build (too deep, a number
// beyond a double) that reads as a notification gets no reply, as no notification may.
void McpServer::Impl::respondToUnparsed(const Responder& respond, std::string_view line,
                                        const JsonError& failure) {
  const std::optional<RequestId> id = recoverRequestId(line);
  switch (failure.kind) {
    case JsonError::Kind::kSyntax:
      respondError(respond, id,
                   {error_code::kParseError, "Parse error: " + failure.reason, nullptr});
      return;
    case JsonError::Kind::kTooDeep:
    case JsonError::Kind::kOutOfRange:
      if (const auto method = topLevelMemberText(line, "method");
          !topLevelMemberText(line, "id") && method && method->starts_with('"')) {
        spdlog::debug("a notification refused unparsed ({}); not answered", failure.reason);
        return;
      }
      respondError(respond, id,
                   failure.kind == JsonError::Kind::kTooDeep || !id
                       ? invalidRequest("Invalid Request: " + failure.reason)
                       : invalidParams("Invalid params: " + failure.reason));
      return;
  }
}

void McpServer::Impl::handleBatch(json& batch, std::string_view raw) {
  Responder direct = directResponder();
  auto version = legacyVersion();
  if (!version || !acceptsBatches(*version)) {
    respondError(direct, std::nullopt,
                 invalidRequest("Invalid Request: JSON-RPC batches are accepted only in protocol "
                                "version 2025-03-26; send one message per line"));
    return;
  }
  if (batch.empty()) {
    respondError(direct, std::nullopt, invalidRequest("Invalid Request: empty batch"));
    return;
  }
  // Collects the responses of the batch's requests and writes them as one array once
  // the last one is in. Starts with one extra "pending" released after dispatch, so
  // a fast first reply cannot flush a half-dispatched batch.
  struct Collector {
    std::mutex mutex;
    std::vector<std::string> parts;
    std::size_t pending = 1;
  };
  auto collector = std::make_shared<Collector>();
  auto finish_one = [this, collector](std::optional<std::string> line) {
    std::string joined;
    {
      std::lock_guard lock(collector->mutex);
      if (line) {
        collector->parts.push_back(std::move(*line));
      }
      if (--collector->pending > 0 || collector->parts.empty()) {
        return;
      }
      joined = "[";
      for (std::size_t i = 0; i < collector->parts.size(); ++i) {
        joined += (i ? "," : "") + collector->parts[i];
      }
      joined += "]";
    }
    out_->push(std::move(joined));
  };
  // Each element's own text, so its id is echoed as written.
  std::vector<std::string_view> texts = topLevelArrayElements(raw);
  for (std::size_t i = 0; i < batch.size(); ++i) {
    json& element = batch[i];
    std::string fallback;
    if (i >= texts.size()) {
      fallback = dumpJson(element);  // cannot happen for text that parsed; stay safe
    }
    std::string_view text = i < texts.size() ? texts[i] : std::string_view(fallback);
    {
      std::lock_guard lock(collector->mutex);
      ++collector->pending;  // handleValue answers every element exactly once
    }
    if (isInitializeRequest(element)) {
      auto id = decodeMessage(element, text);
      auto* message = std::get_if<Message>(&id);
      respondError(finish_one, message ? message->id : std::nullopt,
                   invalidRequest("Invalid Request: initialize must not be part of a batch"));
      continue;
    }
    handleValue(std::move(element), text, finish_one, /*single=*/false);
  }
  finish_one(std::nullopt);
}

void McpServer::Impl::handleValue(json value, std::string_view raw, const Responder& respond,
                                  bool single) {
  auto decoded = decodeMessage(std::move(value), raw);
  if (auto* failure = std::get_if<DecodeFailure>(&decoded)) {
    if (failure->respond) {
      respondError(respond, failure->id, failure->error);
    } else {
      respond(std::nullopt);  // a broken notification is never answered
    }
    return;
  }
  Message& message = std::get<Message>(decoded);
  switch (message.kind) {
    case MessageKind::kResponse:
      spdlog::debug("ignoring a response from the client (we send no requests)");
      respond(std::nullopt);
      return;
    case MessageKind::kNotification:
      metrics_.notifications.inc();
      handleNotification(message, raw);
      respond(std::nullopt);
      return;
    case MessageKind::kRequest:
      metrics_.requests.inc();
      handleRequest(std::move(message), respond, single);
      return;
  }
}

void McpServer::Impl::handleNotification(const Message& message, std::string_view raw) {
  if (message.method == "notifications/cancelled") {
    // params may be absent, {} or carry anything: read it with checked access only.
    const json* id = nullptr;
    if (message.params.is_object()) {
      if (auto it = message.params.find("requestId"); it != message.params.end()) {
        id = &*it;
      }
    }
    // Its text as written: an integer beyond 64 bits parsed as a double, and its digits
    // are the key the request was kept under.
    const auto params_text = topLevelMemberText(raw, "params");
    const auto id_text = params_text ? topLevelMemberText(*params_text, "requestId") : std::nullopt;
    const std::optional<RequestId> request = id ? readRequestId(*id, id_text) : std::nullopt;
    if (!request) {
      spdlog::debug("notifications/cancelled without a string or integer requestId; ignored");
      return;  // nothing to cancel; notifications are never answered
    }
    const std::string& key = request->key();
    std::lock_guard lock(inflight_mutex_);
    if (auto it = inflight_.find(key);
        it != inflight_.end() && it->second->method != "initialize") {
      it->second->cancelled = true;
      metrics_.cancelled.inc();
    }
    if (auto it = subscriptions_.find(key); it != subscriptions_.end()) {
      it->second.second(std::nullopt);  // a cancelled listen stream gets no result
      subscriptions_.erase(it);
      metrics_.cancelled.inc();
    }
    return;
  }
  if (message.method == "notifications/initialized") {
    spdlog::debug("client finished initialization");
    return;
  }
  spdlog::debug("ignoring notification {}", message.method);
}

std::variant<std::shared_ptr<RequestState>, RpcError> McpServer::Impl::makeRequestState(
    const Message& message) {
  const json* meta = metaOf(message.params);
  ProtocolVersion version = kNewestLegacyVersion;
  std::optional<LogLevel> log_level;
  std::string client;
  const json* requested_version = nullptr;
  if (meta != nullptr) {
    if (auto it = meta->find(kProtocolVersionKey); it != meta->end()) {
      requested_version = &*it;
    }
  }
  if (requested_version != nullptr) {
    const json& requested = *requested_version;
    if (!requested.is_string()) {
      return invalidParams("Invalid params: _meta[\"" + std::string(kProtocolVersionKey) +
                           "\"] must be a string");
    }
    auto parsed = parseProtocolVersion(requested.get<std::string>());
    if (!parsed || !isModern(*parsed)) {
      return RpcError{error_code::kUnsupportedProtocolVersion,
                      "Unsupported protocol version '" +
                          echoUserText(requested.get<std::string>()) +
                          "' in _meta; per-request versions must be 2026-07-28 (older versions "
                          "use the initialize handshake)",
                      {{"supported", supportedProtocolVersionNames()}, {"requested", requested}}};
    }
    auto caps = meta->find(kClientCapabilitiesKey);
    if (caps == meta->end() || !caps->is_object()) {
      return invalidParams("Invalid params: 2026-07-28 requests must carry _meta[\"" +
                           std::string(kClientCapabilitiesKey) + "\"] (an object, {} for none)");
    }
    version = *parsed;
    if (auto level = meta->find(kLogLevelKey); level != meta->end() && level->is_string()) {
      log_level = parseLogLevel(level->get<std::string>());
    }
    if (auto info = meta->find(kClientInfoKey); info != meta->end() && info->is_object()) {
      if (auto name = info->find("name"); name != info->end() && name->is_string()) {
        client = name->get<std::string>();
      }
    }
  } else if (message.method == "server/discover") {
    version = kModernVersion;  // discovery is the modern probe; answer it either way
  } else if (auto legacy = legacyVersion()) {
    version = *legacy;
    std::lock_guard lock(session_mutex_);
    log_level = session_log_level_;
    client = session_client_;
  } else if (message.method != "initialize" && message.method != "ping") {
    return invalidParams(
        "Server not initialized: send \"initialize\" first (protocol versions 2024-11-05 to "
        "2025-11-25), or put the 2026-07-28 fields in params._meta of every request");
  }
  auto state = std::make_shared<RequestState>(*message.id, message.method, version);
  state->log_level = log_level;
  if (!options_.client_id.empty()) {
    state->client = options_.client_id;
  } else if (!client.empty()) {
    state->client = client;
  }
  if (meta != nullptr) {
    if (auto token = meta->find("progressToken");
        token != meta->end() && (token->is_string() || token->is_number_integer())) {
      state->progress_token = *token;
    }
    if (auto trace = meta->find("traceparent"); trace != meta->end() && trace->is_string()) {
      state->traceparent = trace->get<std::string>();
    }
  }
  return state;
}

void McpServer::Impl::handleRequest(Message message, const Responder& respond, bool single) {
  auto made = makeRequestState(message);
  if (auto* error = std::get_if<RpcError>(&made)) {
    respondError(respond, message.id, *error);
    return;
  }
  auto state = std::get<std::shared_ptr<RequestState>>(std::move(made));
  {
    std::lock_guard lock(inflight_mutex_);
    if (!inflight_.emplace(state->id.key(), state).second ||
        subscriptions_.count(state->id.key()) != 0) {
      respondError(respond, state->id,
                   invalidRequest("Invalid Request: id " + state->id.text() +
                                  " is already used by a request in flight"));
      return;
    }
  }
  metrics_.active.add(1);
  // Calls that may take time run on the pool; the rest answer inline, which also keeps
  // initialize ordered before everything after it.
  static const std::set<std::string> kPooled = {"tools/call", "resources/read", "prompts/get",
                                                "completion/complete"};
  if (kPooled.count(state->method) == 0) {
    runRequest(state, message.params, respond);
  } else if (single && runHereIfIdle(state, message.params, respond)) {
    // done; a batch's calls always go to the pool, which answers them in parallel
  } else {
    // May wait for room (ServerOptions::max_pending_requests). That cannot deadlock
    // with a client that writes everything before reading: workers never wait for the
    // client, since replies go to the unbounded output queue and at most one worker at
    // a time (never the only one) can be blocked writing stdout, so the pool keeps
    // finishing requests and freeing room. The output queue is thus what grows with a
    // client that does not read; the bound limits parsed-but-unanswered requests.
    pool_->submit([this, state, params = std::move(message.params), respond] {
      runRequest(state, params, respond);
    });
  }
}

void McpServer::Impl::runRequest(const std::shared_ptr<RequestState>& state, const json& params,
                                 const Responder& respond) {
  RpcOutcome outcome;
  try {
    outcome = dispatch(*state, params);
  } catch (const std::exception& e) {
    spdlog::error("{} failed: {}", state->method, e.what());
    outcome =
        RpcError{error_code::kInternalError, std::string("Internal error: ") + e.what(), nullptr};
  }
  bool keep_open = state->method == "subscriptions/listen" &&
                   std::holds_alternative<json>(outcome) && !state->cancelled;
  {
    std::lock_guard lock(inflight_mutex_);
    inflight_.erase(state->id.key());
    if (keep_open) {
      subscriptions_.emplace(state->id.key(), std::make_pair(state, respond));
    }
  }
  metrics_.active.add(-1);
  if (keep_open) {
    return;  // answered when the server shuts down
  }
  if (state->cancelled) {
    respond(std::nullopt);
    return;
  }
  if (auto* error = std::get_if<RpcError>(&outcome)) {
    respondError(respond, state->id, *error);
    return;
  }
  json& result = std::get<json>(outcome);
  finishResult(*state, result);
  respond(resultLine(state->id, result,
                     state->structured_content ? &state->structured_content.text() : nullptr));
}

void McpServer::Impl::closeSubscriptions() {
  std::lock_guard lock(inflight_mutex_);
  for (auto& [key, entry] : subscriptions_) {
    json result = {{"_meta",
                    {{"io.modelcontextprotocol/subscriptionId",
                      json::parse(entry.first->id.text(), nullptr, /*allow_exceptions=*/false)}}}};
    finishResult(*entry.first, result);
    entry.second(resultLine(entry.first->id, result));
  }
  subscriptions_.clear();
}

void McpServer::Impl::sendNotification(const RequestState* state, std::string_view method,
                                       const json& params) {
  if (state != nullptr && state->cancelled) {
    return;  // nothing more about a cancelled request
  }
  if (out_) {
    out_->push(notificationLine(method, params));
  }
}

void McpServer::Impl::respondError(const Responder& respond, const std::optional<RequestId>& id,
                                   const RpcError& error) {
  metrics_.errors.inc();
  respond(errorLine(id, error, omitUnknownIds()));
}

Responder McpServer::Impl::directResponder() {
  return [this](std::optional<std::string> response) {
    if (response.has_value()) {
      out_->push(std::move(response).value());
    }
  };
}

bool McpServer::Impl::omitUnknownIds() const {
  auto version = legacyVersion();
  return omitsUnknownErrorId(version.value_or(kNewestLegacyVersion));
}

std::optional<ProtocolVersion> McpServer::Impl::legacyVersion() const {
  std::lock_guard lock(session_mutex_);
  return legacy_version_;
}

}  // namespace nba::mcp
