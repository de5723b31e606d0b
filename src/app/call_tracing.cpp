#include "app/call_tracing.h"

#include <cerrno>
#include <cstdlib>
#include <utility>

#include "obs/span_writers.h"

namespace nba::app {
namespace {

using nlohmann::json;

std::string envText(const EnvReader& env, const char* name) {
  const char* value = env(name);
  return value == nullptr ? std::string() : std::string(value);
}

// OTEL_EXPORTER_OTLP_ENDPOINT is a base URL the signal's path is appended to; the _TRACES_
// variable is used as it is (the OTLP exporter specification).
std::string otlpTracesUrl(const EnvReader& env) {
  std::string url = envText(env, "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT");
  if (!url.empty()) return url;
  url = envText(env, "OTEL_EXPORTER_OTLP_ENDPOINT");
  if (url.empty()) return url;
  while (!url.empty() && url.back() == '/') url.pop_back();
  return url + "/v1/traces";
}

Status checkOtlpUrl(const std::string& url) {
  if (url.empty() || url.rfind("http://", 0) == 0 || url.rfind("https://", 0) == 0) {
    return Status::ok();
  }
  return invalidArgument("the OTLP endpoint '" + url +
                         "' is not an http:// or https:// URL (OTEL_EXPORTER_OTLP_ENDPOINT)");
}

Result<std::chrono::milliseconds> otlpTimeout(const EnvReader& env) {
  const std::string text = envText(env, "OTEL_EXPORTER_OTLP_TIMEOUT");
  if (text.empty()) return std::chrono::milliseconds(10'000);
  char* end = nullptr;
  errno = 0;
  const long long value = std::strtoll(text.c_str(), &end, 10);
  if (errno != 0 || end != text.c_str() + text.size() || value <= 0 || value > 600'000) {
    return invalidArgument("OTEL_EXPORTER_OTLP_TIMEOUT='" + text +
                           "' is not a timeout in milliseconds (1 to 600000)");
  }
  return std::chrono::milliseconds(value);
}

// The attributes a finished call adds to its span, from what the tools put in _meta.
void recordOutcome(TraceSpan& span, const mcp::ToolResult& result) {
  static const std::pair<const char*, const char*> kFromMeta[] = {
      {"dev.nbamcp/cache", "nba.cache"},
      {"dev.nbamcp/season", "nba.season"},
      {"dev.nbamcp/source", "nba.source"}};
  for (const auto& [key, attribute] : kFromMeta) {
    if (auto found = result.meta.find(key); found != result.meta.end() && found->is_string()) {
      span.setAttribute(attribute, found->get<std::string>());
    }
  }
  if (result.structured) {
    if (auto rows = result.structured->find("rows");
        rows != result.structured->end() && rows->is_array()) {
      span.setAttribute("nba.rows", static_cast<std::int64_t>(rows->size()));
    }
  }
  if (result.is_error) {
    span.setAttribute("error.type", result.error_type.empty() ? "tool" : result.error_type);
    span.setError(result.text.substr(0, 300));
  }
}

}  // namespace

Result<TraceSettings> traceSettingsFrom(const Config& config, const EnvReader& env) {
  TraceSettings settings;
  if (envText(env, "OTEL_SDK_DISABLED") == "true") return settings;
  settings.trace_file = config.trace_file;
  settings.otlp_url = otlpTracesUrl(env);
  if (Status status = checkOtlpUrl(settings.otlp_url); !status.isOk()) return status;
  auto timeout = otlpTimeout(env);
  if (!timeout.ok()) return timeout.status();
  settings.otlp_timeout = timeout.value();
  auto sampler = obs::samplerFrom(envText(env, "OTEL_TRACES_SAMPLER"),
                                  envText(env, "OTEL_TRACES_SAMPLER_ARG"));
  if (!sampler.ok()) return sampler.status();
  settings.sampler = sampler.value();
  const std::string service = envText(env, "OTEL_SERVICE_NAME");
  if (!service.empty()) settings.resource.service_name = service;
  settings.resource.service_version = NBA_MCP_VERSION;
  return settings;
}

Result<std::unique_ptr<CallTracing>> CallTracing::start(const TraceSettings& settings,
                                                        obs::BatchOptions batch) {
  std::vector<std::unique_ptr<obs::SpanWriter>> writers;
  if (!settings.trace_file.empty()) {
    auto file = obs::TraceFileWriter::open(settings.trace_file, settings.resource);
    if (!file.ok()) return file.status();
    writers.push_back(std::move(file).value());
  }
  if (!settings.otlp_url.empty()) {
    writers.push_back(std::make_unique<obs::OtlpHttpWriter>(settings.otlp_url, settings.resource,
                                                            settings.otlp_timeout));
  }
  auto exporter = std::make_shared<obs::BatchSpanExporter>(std::move(writers), batch);
  return std::unique_ptr<CallTracing>(new CallTracing(std::move(exporter), settings.sampler));
}

mcp::ToolMiddleware CallTracing::middleware() const {
  return [this](const mcp::ToolCall& call, mcp::ToolContext& context,
                const std::function<mcp::ToolResult()>& next) {
    // The pipeline's calls hang under the stage that made them, and are not traced when their
    // question is not (unsampled); the others start a trace, or continue the caller's.
    if (!context.span() && context.caller() == mcp::Caller::kPipeline) return next();
    SpanPtr span = context.span() ? context.span()->startChild(call.tool.name, SpanKind::kInternal)
                                  : tracer_.startRoot(call.tool.name, context.traceParent());
    if (!span) return next();
    span->setAttribute("mcp.method.name", std::string("tools/call"));
    span->setAttribute("gen_ai.tool.name", call.tool.name);
    span->setAttribute("nba.caller", std::string(callerName(context.caller())));
    context.setSpan(span);
    mcp::ToolResult result = next();
    recordOutcome(*span, result);
    span->end();
    return result;
  };
}

void CallTracing::exposeTo(obs::MetricsRegistry& registry) const {
  registry.callback(
      "nba_mcp_trace_spans_total",
      "Finished spans by what became of them: exported, dropped (queue full) or failed (the "
      "exporter could not write them).",
      "counter", {"outcome"}, [exporter = exporter_] {
        const obs::ExportCounts counts = exporter->counts();
        return std::vector<obs::GaugeSample>{{{"exported"}, static_cast<double>(counts.exported)},
                                             {{"dropped"}, static_cast<double>(counts.dropped)},
                                             {{"failed"}, static_cast<double>(counts.failed)}};
      });
}

}  // namespace nba::app
