#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <variant>

namespace nba {

// What a span stands for, as OpenTelemetry's SpanKind: work inside the server, the handling of
// a request made to it, or a request it made.
enum class SpanKind { kInternal, kServer, kClient };

// A span attribute's value: OpenTelemetry's string, int, double and bool.
using SpanValue = std::variant<std::string, std::int64_t, double, bool>;

// One span of a trace: a tool call, a pipeline stage, a cache lookup, an NBA.com request.
// The interface lives in core so the call context can carry the current span down to code
// that knows nothing of the tracer (obs/tracer.h implements it), the way OpenTelemetry's API
// is split from its SDK. Thread-safe: a span may get attributes and children from the
// threads its call runs on.
class TraceSpan {
 public:
  virtual ~TraceSpan() = default;
  // A span under this one, started now.
  virtual std::shared_ptr<TraceSpan> startChild(std::string_view name,
                                                SpanKind kind = SpanKind::kInternal) = 0;
  virtual void setAttribute(std::string_view key, SpanValue value) = 0;
  // Marks the span failed, with a message a person can read.
  virtual void setError(std::string_view message) = 0;
  // Ends the span now; later calls do nothing.
  virtual void end() = 0;
  // This span as a W3C traceparent ("00-<trace id>-<span id>-01").
  virtual std::string traceParent() const = 0;
};

using SpanPtr = std::shared_ptr<TraceSpan>;

// A child span for the length of a scope: started by the constructor, ended by the
// destructor. With no parent (the call is not traced) it is empty and every method does
// nothing, so untraced calls pay one null test.
class ScopedSpan {
 public:
  ScopedSpan() = default;
  ScopedSpan(const SpanPtr& parent, std::string_view name, SpanKind kind = SpanKind::kInternal)
      : span_(parent ? parent->startChild(name, kind) : nullptr) {}
  ~ScopedSpan() {
    if (span_) span_->end();
  }
  ScopedSpan(ScopedSpan&&) noexcept = default;
  ScopedSpan& operator=(ScopedSpan&&) = delete;
  ScopedSpan(const ScopedSpan&) = delete;
  ScopedSpan& operator=(const ScopedSpan&) = delete;

  void set(std::string_view key, SpanValue value) {
    if (span_) span_->setAttribute(key, std::move(value));
  }
  void setError(std::string_view message) {
    if (span_) span_->setError(message);
  }
  // The span, for children started deeper down; null when not traced.
  const SpanPtr& span() const { return span_; }

 private:
  SpanPtr span_;
};

}  // namespace nba
