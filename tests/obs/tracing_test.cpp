// Traces: W3C traceparent, sampling, the span tree, OTLP/JSON, and the batch exporter's
// bounded queue.
#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "obs/batch_span_exporter.h"
#include "obs/otlp_json.h"
#include "obs/trace_context.h"
#include "obs/tracer.h"

namespace nba::obs {
namespace {

using nlohmann::json;

constexpr char kHeader[] = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

TEST_CASE("traceparent: a valid header is read, and written back the same") {
  const auto context = parseTraceParent(kHeader);
  REQUIRE(context.has_value());
  CHECK(hexOf(context->trace_id) == "4bf92f3577b34da6a3ce929d0e0e4736");
  CHECK(hexOf(context->span_id) == "00f067aa0ba902b7");
  CHECK(context->sampled);
  CHECK(formatTraceParent(*context) == kHeader);
  const auto unsampled =
      parseTraceParent("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00");
  REQUIRE(unsampled.has_value());
  CHECK_FALSE(unsampled->sampled);
  // A later version may add fields; its version-00 prefix is read.
  CHECK(parseTraceParent("01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-extra"));
}

TEST_CASE("traceparent: what the W3C spec says to ignore is ignored") {
  for (const char* bad : {"", "garbage", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7",
                          "00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01",  // upper case
                          "ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",  // version ff
                          "00-00000000000000000000000000000000-00f067aa0ba902b7-01",  // zero trace
                          "00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01",  // zero span
                          "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-x",  // 00 + more
                          "00_4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
                          "00-4bf92f3577b34da6a3ce929d0e0e473g-00f067aa0ba902b7-01"}) {
    INFO(bad);
    CHECK_FALSE(parseTraceParent(bad).has_value());
  }
}

TEST_CASE("sampler: the OTEL_TRACES_SAMPLER names, the parent's flag, and bad values") {
  const std::array<std::uint8_t, 16> id = newTraceId();
  TraceContext sampled_parent;
  sampled_parent.sampled = true;
  TraceContext unsampled_parent;

  auto fallback = samplerFrom("", "");
  REQUIRE(fallback.ok());
  CHECK(fallback->sample(nullptr, id));
  CHECK_FALSE(fallback->sample(&unsampled_parent, id));  // parentbased: the caller decided

  auto off = samplerFrom("always_off", "");
  REQUIRE(off.ok());
  CHECK_FALSE(off->sample(&sampled_parent, id));  // not parent based

  auto never = samplerFrom("parentbased_traceidratio", "0");
  REQUIRE(never.ok());
  CHECK_FALSE(never->sample(nullptr, id));
  CHECK(never->sample(&sampled_parent, id));

  // A ratio keeps about that share of new traces.
  auto half = samplerFrom("traceidratio", "0.5");
  REQUIRE(half.ok());
  int kept = 0;
  for (int i = 0; i < 4000; ++i) kept += half->sample(nullptr, newTraceId()) ? 1 : 0;
  CHECK(kept > 1700);
  CHECK(kept < 2300);

  CHECK(samplerFrom("sometimes", "").status().message().find("OTEL_TRACES_SAMPLER='sometimes'") !=
        std::string::npos);
  CHECK(samplerFrom("traceidratio", "1.5").status().message().find("between 0 and 1") !=
        std::string::npos);
  CHECK_FALSE(samplerFrom("traceidratio", "half").ok());
}

// Keeps what it is given.
class Collector final : public SpanSink {
 public:
  void submit(SpanData span) override {
    std::lock_guard lock(mutex_);
    spans_.push_back(std::move(span));
  }
  std::vector<SpanData> spans() const {
    std::lock_guard lock(mutex_);
    return spans_;
  }

 private:
  mutable std::mutex mutex_;
  std::vector<SpanData> spans_;
};

TEST_CASE("tracer: children share the trace and name their parent; a caller's trace continues") {
  auto sink = std::make_shared<Collector>();
  const Tracer tracer(Sampler{}, sink);
  {
    SpanPtr root = tracer.startRoot("answer_nba_question", kHeader);
    REQUIRE(root);
    {
      ScopedSpan stage(root, "execute");
      stage.set("nlq.calls", std::int64_t{2});
      stage.set("nlq.calls", std::int64_t{3});  // a later value replaces the first
      ScopedSpan call(stage.span(), "upstream_call", SpanKind::kClient);
      call.setError("HTTP 500");
    }
    root->end();
    root->end();  // once only
  }
  const std::vector<SpanData> spans = sink->spans();
  REQUIRE(spans.size() == 3);
  const SpanData& call = spans[0];
  const SpanData& stage = spans[1];
  const SpanData& root = spans[2];
  CHECK(root.name == "answer_nba_question");
  CHECK(root.kind == SpanKind::kServer);
  CHECK(hexOf(root.context.trace_id) == "4bf92f3577b34da6a3ce929d0e0e4736");
  REQUIRE(root.parent_span_id.has_value());
  CHECK(hexOf(*root.parent_span_id) == "00f067aa0ba902b7");
  CHECK(stage.parent_span_id == root.context.span_id);
  CHECK(call.parent_span_id == stage.context.span_id);
  CHECK(call.context.trace_id == root.context.trace_id);
  CHECK(call.kind == SpanKind::kClient);
  CHECK(call.error == std::optional<std::string>("HTTP 500"));
  REQUIRE(stage.attributes.size() == 1);
  CHECK(std::get<std::int64_t>(stage.attributes[0].second) == 3);
  CHECK(root.start_unix_nano <= stage.start_unix_nano);
  CHECK(stage.end_unix_nano <= root.end_unix_nano);
}

TEST_CASE("tracer: an unsampled caller's trace records nothing, and nothing below it") {
  auto sink = std::make_shared<Collector>();
  const Tracer tracer(Sampler{}, sink);
  const SpanPtr root = tracer.startRoot("get_team_standings",
                                        "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00");
  CHECK(root == nullptr);
  ScopedSpan child(root, "cache_lookup");  // untraced: does nothing
  child.set("cache.result", std::string("hit"));
  CHECK(child.span() == nullptr);
  // A malformed header starts a new trace instead.
  const SpanPtr fresh = tracer.startRoot("get_team_standings", "not-a-header");
  REQUIRE(fresh);
  fresh->end();
  REQUIRE(sink->spans().size() == 1);
  CHECK_FALSE(sink->spans()[0].parent_span_id.has_value());
}

TEST_CASE("OTLP/JSON: ids in hex, 64-bit numbers as strings, kinds and status as numbers") {
  SpanData span;
  span.name = "upstream_call";
  span.kind = SpanKind::kClient;
  span.context = *parseTraceParent(kHeader);
  span.parent_span_id = std::array<std::uint8_t, 8>{1, 2, 3, 4, 5, 6, 7, 8};
  span.start_unix_nano = 1'700'000'000'000'000'123;
  span.end_unix_nano = 1'700'000'000'500'000'000;
  span.attributes = {{"http.response.status_code", std::int64_t{503}},
                     {"nba.upstream", std::string("stats.nba.com leaguegamelog")},
                     {"ratio", 0.5},
                     {"retried", true}};
  span.error = "HTTP 503";
  const json request = otlpTraceRequest({span}, {"nba-mcp", "1.2.3"});
  const json& resource = request.at("resourceSpans").at(0).at("resource");
  CHECK(resource.at("attributes").at(0) ==
        json{{"key", "service.name"}, {"value", {{"stringValue", "nba-mcp"}}}});
  CHECK(resource.at("attributes").at(1).at("value").at("stringValue") == "1.2.3");
  const json& out = request.at("resourceSpans").at(0).at("scopeSpans").at(0).at("spans").at(0);
  CHECK(out.at("traceId") == "4bf92f3577b34da6a3ce929d0e0e4736");
  CHECK(out.at("spanId") == "00f067aa0ba902b7");
  CHECK(out.at("parentSpanId") == "0102030405060708");
  CHECK(out.at("kind") == 3);
  CHECK(out.at("startTimeUnixNano") == "1700000000000000123");
  CHECK(out.at("attributes").at(0).at("value") == json{{"intValue", "503"}});
  CHECK(out.at("attributes").at(2).at("value") == json{{"doubleValue", 0.5}});
  CHECK(out.at("attributes").at(3).at("value") == json{{"boolValue", true}});
  CHECK(out.at("status") == json{{"code", 2}, {"message", "HTTP 503"}});
}

// A writer that blocks until released, or fails, counting what it was given.
class GatedWriter final : public SpanWriter {
 public:
  explicit GatedWriter(bool fail) : fail_(fail) {}
  Status write(const std::vector<SpanData>& batch) override {
    std::unique_lock lock(mutex_);
    open_signal_.wait(lock, [this] { return open_; });
    written_ += batch.size();
    return fail_ ? Status(StatusCode::kUnavailable, "receiver down") : Status::ok();
  }
  void open() {
    std::lock_guard lock(mutex_);
    open_ = true;
    open_signal_.notify_all();
  }
  std::size_t written() const {
    std::lock_guard lock(mutex_);
    return written_;
  }

 private:
  const bool fail_;
  mutable std::mutex mutex_;
  std::condition_variable open_signal_;
  bool open_ = false;
  std::size_t written_ = 0;
};

SpanData namedSpan(int i) {
  SpanData span;
  span.name = "span " + std::to_string(i);
  return span;
}

TEST_CASE("batch exporter: a stuck writer never blocks submit; the overflow is dropped, counted") {
  auto writer = std::make_unique<GatedWriter>(false);
  GatedWriter& gate = *writer;
  std::vector<std::unique_ptr<SpanWriter>> writers;
  writers.push_back(std::move(writer));
  BatchOptions options;
  options.max_queue = 10;
  options.max_batch = 4;
  options.interval = std::chrono::milliseconds(5);
  BatchSpanExporter exporter(std::move(writers), options);
  // The thread takes the first batch and sticks in the writer; the queue then fills and
  // overflows while submit() keeps returning.
  for (int i = 0; i < 4; ++i) exporter.submit(namedSpan(i));
  while (exporter.counts().dropped == 0) {
    exporter.submit(namedSpan(99));
    std::this_thread::yield();
  }
  gate.open();
  exporter.flush();
  const ExportCounts counts = exporter.counts();
  CHECK(counts.exported == gate.written());
  CHECK(counts.exported >= 4);
  CHECK(counts.exported <= 14);  // the stuck batch plus a full queue
  CHECK(counts.dropped >= 1);
  CHECK(counts.failed == 0);
}

TEST_CASE("batch exporter: a failing writer's spans are counted failed, and the rest go on") {
  auto writer = std::make_unique<GatedWriter>(true);
  writer->open();
  std::vector<std::unique_ptr<SpanWriter>> writers;
  writers.push_back(std::move(writer));
  BatchOptions options;
  options.max_batch = 3;
  BatchSpanExporter exporter(std::move(writers), options);
  for (int i = 0; i < 7; ++i) exporter.submit(namedSpan(i));
  exporter.flush();
  CHECK(exporter.counts().failed == 7);
  CHECK(exporter.counts().exported == 0);
  CHECK(exporter.counts().dropped == 0);
}

// Adds each batch's size to a count that outlives it.
class CountingWriter final : public SpanWriter {
 public:
  explicit CountingWriter(std::shared_ptr<std::atomic<std::size_t>> count)
      : count_(std::move(count)) {}
  Status write(const std::vector<SpanData>& batch) override {
    *count_ += batch.size();
    return Status::ok();
  }

 private:
  std::shared_ptr<std::atomic<std::size_t>> count_;
};

TEST_CASE("batch exporter: what is queued at exit is written, without waiting an interval") {
  auto count = std::make_shared<std::atomic<std::size_t>>(0);
  std::vector<std::unique_ptr<SpanWriter>> writers;
  writers.push_back(std::make_unique<CountingWriter>(count));
  BatchOptions options;
  options.interval = std::chrono::hours(1);  // only the exit can write them
  auto exporter = std::make_unique<BatchSpanExporter>(std::move(writers), options);
  for (int i = 0; i < 5; ++i) exporter->submit(namedSpan(i));
  exporter.reset();
  CHECK(count->load() == 5);
}

}  // namespace
}  // namespace nba::obs
