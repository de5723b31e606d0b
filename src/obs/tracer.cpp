#include "obs/tracer.h"

#include <atomic>
#include <chrono>
#include <cstring>

namespace nba::obs {
namespace {

std::int64_t unixNanosNow() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

// A span being recorded. Ends once: explicitly, or when the last holder lets go.
class RecordingSpan final : public TraceSpan {
 public:
  RecordingSpan(std::shared_ptr<SpanSink> sink, std::string_view name, SpanKind kind,
                const TraceContext& context,
                std::optional<std::array<std::uint8_t, 8>> parent_span_id)
      : sink_(std::move(sink)) {
    data_.name = std::string(name);
    data_.kind = kind;
    data_.context = context;
    data_.parent_span_id = parent_span_id;
    data_.start_unix_nano = unixNanosNow();
  }

  ~RecordingSpan() override { end(); }

  SpanPtr startChild(std::string_view name, SpanKind kind) override {
    TraceContext child = data_.context;
    child.span_id = newSpanId();
    return std::make_shared<RecordingSpan>(sink_, name, kind, child, data_.context.span_id);
  }

  void setAttribute(std::string_view key, SpanValue value) override {
    std::lock_guard lock(mutex_);
    for (auto& [existing, held] : data_.attributes) {
      if (existing == key) {  // a later value replaces an earlier one, as in OpenTelemetry
        held = std::move(value);
        return;
      }
    }
    data_.attributes.emplace_back(std::string(key), std::move(value));
  }

  void setError(std::string_view message) override {
    std::lock_guard lock(mutex_);
    data_.error = std::string(message);
  }

  void end() override {
    if (ended_.exchange(true)) return;
    SpanData finished;
    {
      std::lock_guard lock(mutex_);
      data_.end_unix_nano = unixNanosNow();
      finished = std::move(data_);
    }
    sink_->submit(std::move(finished));
  }

  std::string traceParent() const override { return formatTraceParent(data_.context); }

 private:
  std::shared_ptr<SpanSink> sink_;
  std::atomic<bool> ended_{false};
  std::mutex mutex_;
  SpanData data_;  // attributes, error and end guarded by mutex_; ids never change
};

// The trace id's last 8 bytes as a number, compared with ratio × 2^64 (W3C ids are random
// there; OpenTelemetry's TraceIdRatioBased does the same).
bool keepByRatio(const std::array<std::uint8_t, 16>& trace_id, double ratio) {
  if (ratio >= 1.0) return true;
  if (ratio <= 0.0) return false;
  std::uint64_t low = 0;
  for (std::size_t i = 8; i < 16; ++i) low = (low << 8) | trace_id[i];
  return static_cast<double>(low) < ratio * 18446744073709551616.0;
}

}  // namespace

bool Sampler::sample(const TraceContext* parent,
                     const std::array<std::uint8_t, 16>& trace_id) const {
  if (parent_based && parent != nullptr) return parent->sampled;
  switch (root) {
    case Root::kAlwaysOn:
      return true;
    case Root::kAlwaysOff:
      return false;
    case Root::kRatio:
      return keepByRatio(trace_id, ratio);
  }
  return true;
}

Result<Sampler> samplerFrom(std::string_view name, std::string_view arg) {
  Sampler sampler;
  std::string_view root = name.empty() ? "parentbased_always_on" : name;
  constexpr std::string_view kParentBased = "parentbased_";
  sampler.parent_based = root.substr(0, kParentBased.size()) == kParentBased;
  if (sampler.parent_based) root.remove_prefix(kParentBased.size());
  if (root == "always_on") {
    sampler.root = Sampler::Root::kAlwaysOn;
  } else if (root == "always_off") {
    sampler.root = Sampler::Root::kAlwaysOff;
  } else if (root == "traceidratio") {
    sampler.root = Sampler::Root::kRatio;
    if (!arg.empty()) {
      char* end = nullptr;
      const std::string text(arg);
      sampler.ratio = std::strtod(text.c_str(), &end);
      if (end != text.c_str() + text.size() || !(sampler.ratio >= 0.0 && sampler.ratio <= 1.0)) {
        return invalidArgument("OTEL_TRACES_SAMPLER_ARG='" + text +
                               "' is not a ratio between 0 and 1");
      }
    }
  } else {
    return invalidArgument("OTEL_TRACES_SAMPLER='" + std::string(name) +
                           "' is not one of always_on, always_off, traceidratio, "
                           "parentbased_always_on, parentbased_always_off, "
                           "parentbased_traceidratio");
  }
  return sampler;
}

SpanPtr Tracer::startRoot(std::string_view name, std::string_view traceparent) const {
  const std::optional<TraceContext> parent = parseTraceParent(traceparent);
  TraceContext context;
  context.trace_id = parent ? parent->trace_id : newTraceId();
  context.span_id = newSpanId();
  context.sampled = sampler_.sample(parent ? &*parent : nullptr, context.trace_id);
  if (!context.sampled) return nullptr;
  std::optional<std::array<std::uint8_t, 8>> parent_span;
  if (parent) parent_span = parent->span_id;
  return std::make_shared<RecordingSpan>(sink_, name, SpanKind::kServer, context, parent_span);
}

}  // namespace nba::obs
