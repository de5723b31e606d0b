#include "core/call_context.h"

namespace nba {

std::string_view callerName(Caller caller) {
  switch (caller) {
    case Caller::kClient:
      return "client";
    case Caller::kPipeline:
      return "pipeline";
    case Caller::kCommandLine:
      return "command line";
    case Caller::kBackground:
      return "background";
  }
  return "unknown";
}

CallContext& CallContext::withCancelProbe(CancelProbe probe) {
  cancel_probe_ = std::move(probe);
  return *this;
}

CallContext& CallContext::withDeadline(TimePoint deadline) {
  deadline_ = deadline;
  return *this;
}

CallContext& CallContext::withTraceParent(std::string trace_parent) {
  trace_parent_ = std::move(trace_parent);
  return *this;
}

CallContext& CallContext::withProgress(ProgressSink sink) {
  progress_ = std::move(sink);
  return *this;
}

CallContext& CallContext::withClient(std::string client) {
  client_ = std::move(client);
  return *this;
}

CallContext& CallContext::withSpan(SpanPtr span) {
  span_ = std::move(span);
  return *this;
}

CallContext CallContext::within(const ScopedSpan& span) const {
  CallContext inner = *this;
  if (span.span()) inner.span_ = span.span();
  return inner;
}

void CallContext::reportProgress(const std::string& message) const {
  if (progress_) progress_(message);
}

CallContext CallContext::onBehalfOf(Caller caller) const {
  CallContext child = *this;
  child.caller_ = caller;
  return child;
}

Status CallContext::checkAlive(std::string_view what) const {
  if (cancelled()) {
    return Status(StatusCode::kCancelled, "Cancelled: " + std::string(what) + " was not run.");
  }
  if (expired()) {
    return Status(StatusCode::kDeadlineExceeded,
                  "Out of time: " + std::string(what) + " was not run before the deadline.");
  }
  return Status::ok();
}

}  // namespace nba
