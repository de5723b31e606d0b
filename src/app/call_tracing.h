#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <utility>

#include "app/config.h"
#include "core/status.h"
#include "mcp/tool.h"
#include "obs/batch_span_exporter.h"
#include "obs/metrics.h"
#include "obs/otlp_json.h"
#include "obs/tracer.h"

namespace nba::app {

// Where spans go and which are kept, from --trace-file and OpenTelemetry's standard
// variables: OTEL_EXPORTER_OTLP_TRACES_ENDPOINT (the full URL), else
// OTEL_EXPORTER_OTLP_ENDPOINT + "/v1/traces"; OTEL_EXPORTER_OTLP_TIMEOUT (ms, default 10000);
// OTEL_SERVICE_NAME; OTEL_TRACES_SAMPLER and _ARG; OTEL_SDK_DISABLED=true turns it all off.
struct TraceSettings {
  std::string trace_file;  // empty: none
  std::string otlp_url;    // empty: none
  std::chrono::milliseconds otlp_timeout{10'000};
  obs::Sampler sampler;
  obs::TraceResource resource;

  bool enabled() const { return !trace_file.empty() || !otlp_url.empty(); }
};

// Reads the settings; `env` is getenv (tests pass their own). A malformed variable is an error
// naming it.
using EnvReader = std::function<const char*(const char* name)>;
Result<TraceSettings> traceSettingsFrom(const Config& config, const EnvReader& env);

// The server's tracing: a tracer over a batch exporter to the file and/or the OTLP receiver,
// and the tools/call middleware that makes every call a span — a root (kind server, in the
// caller's trace when params._meta carries a W3C traceparent) for a client's call, a child of
// the stage that made it for the question pipeline's — with the tool, the caller, the cache
// result, the season and the error type as attributes. The span rides on the ToolContext, and
// from there on the call's CallContext down to cache_lookup and upstream_call.
class CallTracing {
 public:
  // Opens the trace file (an error names it) and starts the exporter's thread.
  static Result<std::unique_ptr<CallTracing>> start(const TraceSettings& settings,
                                                    obs::BatchOptions batch = {});

  mcp::ToolMiddleware middleware() const;
  // nba_mcp_trace_spans_total{outcome="exported|dropped|failed"}.
  void exposeTo(obs::MetricsRegistry& registry) const;
  // Returns once every span ended so far is written (tests).
  void flush() { exporter_->flush(); }
  obs::ExportCounts counts() const { return exporter_->counts(); }

 private:
  CallTracing(std::shared_ptr<obs::BatchSpanExporter> exporter, obs::Sampler sampler)
      : exporter_(std::move(exporter)), tracer_(sampler, exporter_) {}

  std::shared_ptr<obs::BatchSpanExporter> exporter_;
  obs::Tracer tracer_;
};

}  // namespace nba::app
