#pragma once

#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "core/clock.h"
#include "core/status.h"
#include "core/trace_span.h"

namespace nba {

// Who made a call. Middleware counts (and, with issue 12, limits) by it; a source may use it
// to decide how hard to try (a background refresh never waits on a busy upstream).
enum class Caller {
  kClient,       // tools/call (or a resource read) from the MCP client
  kPipeline,     // a call answer_nba_question's pipeline made to answer a client's question
  kCommandLine,  // nba-mcp call / ask, the golden check, benchmarks, tests
  kBackground,   // work the server does for itself: building the name index, cache refresh
};

// "client", "pipeline", "command line", "background".
std::string_view callerName(Caller caller);

// What a call carries from the protocol edge down to every DataSource request: who asked,
// the clock, whether the caller has given up (cancelled, or past its deadline), and the W3C
// traceparent its spans hang under. Envoy's StreamInfo and gRPC's ServerContext play the
// same part.
//
// Value type, cheap to copy (the cancel probe is a shared function). Every accessor is const
// and safe from any thread; the probe's answer may flip at any time. The clock must outlive
// every copy.
class CallContext {
 public:
  using TimePoint = std::chrono::steady_clock::time_point;
  using CancelProbe = std::function<bool()>;
  // Takes one line a person can read about what the call is waiting on.
  using ProgressSink = std::function<void(const std::string& message)>;

  CallContext(const Clock& clock, Caller caller) : clock_(&clock), caller_(caller) {}

  // Builders, for the edge that creates the context.
  CallContext& withCancelProbe(CancelProbe probe);
  CallContext& withDeadline(TimePoint deadline);
  CallContext& withTraceParent(std::string trace_parent);
  CallContext& withProgress(ProgressSink sink);
  // Who the client is (the host's clientInfo.name, or --client-id): NBA.com requests are
  // charged to it in the daily accounting.
  CallContext& withClient(std::string client);
  // The span this call's work hangs under (null: not traced).
  CallContext& withSpan(SpanPtr span);

  // A copy whose work hangs under `span`, when the scope is traced: a cache lookup hands its
  // loader a context within the lookup's span.
  CallContext within(const ScopedSpan& span) const;

  // The context of a call made on behalf of this one (the question pipeline's tool calls):
  // the same clock, cancellation, deadline, trace and progress, under `caller`.
  CallContext onBehalfOf(Caller caller) const;

  const Clock& clock() const { return *clock_; }
  Caller caller() const { return caller_; }
  const std::string& traceParent() const { return trace_parent_; }
  const SpanPtr& span() const { return span_; }
  // The client the call is for; "server" for work the server does for itself.
  const std::string& client() const { return client_; }
  std::optional<TimePoint> deadline() const { return deadline_; }

  // Tells the caller what the call is waiting on — "Asking stats.nba.com leaguegamelog
  // 2025-26" — as MCP progress when the request asked for it; otherwise nothing. Safe from any
  // thread (the server's sink serialises).
  void reportProgress(const std::string& message) const;

  // True once the caller cancelled the call.
  bool cancelled() const { return cancel_probe_ && cancel_probe_(); }
  // True once the deadline has passed.
  bool expired() const { return deadline_ && clock_->monotonicNow() >= *deadline_; }
  // Ok while the call should go on; else kCancelled or kDeadlineExceeded naming `what` was
  // not done ("Cancelled: get_league_leaders was not run.").
  Status checkAlive(std::string_view what) const;

 private:
  const Clock* clock_;
  Caller caller_;
  CancelProbe cancel_probe_;
  ProgressSink progress_;
  std::optional<TimePoint> deadline_;
  std::string trace_parent_;
  SpanPtr span_;
  std::string client_ = "server";
};

}  // namespace nba
