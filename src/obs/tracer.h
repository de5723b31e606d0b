#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/status.h"
#include "core/trace_span.h"
#include "obs/trace_context.h"

namespace nba::obs {

// A finished span, as exporters write it.
struct SpanData {
  std::string name;
  SpanKind kind = SpanKind::kInternal;
  TraceContext context;  // its trace and span ids
  std::optional<std::array<std::uint8_t, 8>> parent_span_id;
  std::int64_t start_unix_nano = 0;
  std::int64_t end_unix_nano = 0;
  std::vector<std::pair<std::string, SpanValue>> attributes;
  std::optional<std::string> error;  // set when the span failed
};

// Where finished spans go (the batch exporter). submit() must not block on I/O: it runs on
// the request's thread as the span ends. Thread-safe.
class SpanSink {
 public:
  virtual ~SpanSink() = default;
  virtual void submit(SpanData span) = 0;
};

// Which traces are recorded (OTEL_TRACES_SAMPLER and OTEL_TRACES_SAMPLER_ARG): always_on,
// always_off, traceidratio, and their parentbased_ forms, which follow the sampled flag of a
// caller's traceparent and use the root rule only for new traces.
struct Sampler {
  enum class Root { kAlwaysOn, kAlwaysOff, kRatio };
  Root root = Root::kAlwaysOn;
  double ratio = 1.0;  // kRatio: the share of trace ids kept, 0..1
  bool parent_based = true;

  // Whether a span with `trace_id`, under `parent` (null for a new trace), is recorded.
  bool sample(const TraceContext* parent, const std::array<std::uint8_t, 16>& trace_id) const;
};

// A Sampler from the two environment variables' values (empty: unset). The default is
// parentbased_always_on, as OpenTelemetry's. An unknown name or a ratio outside 0..1 is an
// error naming the variable.
Result<Sampler> samplerFrom(std::string_view name, std::string_view arg);

// Starts the root span of each call and hands finished spans to the sink. Spans are
// recorded only when sampled: an unsampled call gets no span, and its children none.
// Thread-safe; every span shares ownership of the sink, so one that ends late (a background
// task) never writes to a sink that is gone.
class Tracer {
 public:
  Tracer(Sampler sampler, std::shared_ptr<SpanSink> sink)
      : sampler_(sampler), sink_(std::move(sink)) {}

  // A root span (kind server) for one call: in the caller's trace when `traceparent` is a
  // valid W3C header, else in a new trace. Null when the sampler drops it.
  SpanPtr startRoot(std::string_view name, std::string_view traceparent) const;

 private:
  Sampler sampler_;
  std::shared_ptr<SpanSink> sink_;
};

}  // namespace nba::obs
