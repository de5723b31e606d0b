#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "core/status.h"
#include "obs/tracer.h"

namespace nba::obs {

// One destination of finished spans: an OTLP/HTTP receiver, a trace file.
class SpanWriter {
 public:
  virtual ~SpanWriter() = default;
  // Writes one batch. An error says why; the exporter counts the batch as failed and goes on.
  virtual Status write(const std::vector<SpanData>& batch) = 0;
};

struct BatchOptions {
  std::size_t max_queue = 2048;              // spans waiting; more are dropped, never waited for
  std::size_t max_batch = 512;               // spans per write
  std::chrono::milliseconds interval{1000};  // a partial batch waits this long
  std::chrono::milliseconds shutdown_budget{5000};  // writing what is left at exit
};

// What became of the spans submitted so far.
struct ExportCounts {
  std::uint64_t exported = 0;  // written by every writer
  std::uint64_t dropped = 0;   // the queue was full: never written
  std::uint64_t failed = 0;    // a writer failed on their batch
};

// OpenTelemetry's batch span processor: submit() queues a finished span under a short lock
// and returns (a full queue drops the span and counts it), and one background thread writes
// batches to every writer. A writer that is slow or down delays only that thread: requests
// never wait on it. Thread-safe.
class BatchSpanExporter final : public SpanSink {
 public:
  BatchSpanExporter(std::vector<std::unique_ptr<SpanWriter>> writers, BatchOptions options = {});
  // Writes what is queued, within options.shutdown_budget, then stops the thread.
  ~BatchSpanExporter() override;
  BatchSpanExporter(const BatchSpanExporter&) = delete;
  BatchSpanExporter& operator=(const BatchSpanExporter&) = delete;

  void submit(SpanData span) override;
  // Returns once every span submitted before the call has been written, failed or dropped.
  void flush();
  ExportCounts counts() const;

 private:
  void run();
  // Takes up to max_batch spans off the queue; call with mutex_ held.
  std::vector<SpanData> takeBatch();
  void writeBatch(const std::vector<SpanData>& batch);

  const std::vector<std::unique_ptr<SpanWriter>> writers_;
  const BatchOptions options_;
  mutable std::mutex mutex_;
  std::condition_variable wake_;      // the thread: a full batch, a flush, or stop
  std::condition_variable progress_;  // flush(): a batch was written
  std::deque<SpanData> queue_;        // guarded by mutex_
  std::uint64_t accepted_ = 0;        // guarded by mutex_: spans queued, ever
  std::uint64_t handled_ = 0;         // guarded by mutex_: of those, written or failed
  std::uint64_t flush_target_ = 0;    // guarded by mutex_: a flush waits for handled_ ≥ this
  bool stopping_ = false;             // guarded by mutex_
  ExportCounts counts_;               // guarded by mutex_
  std::thread thread_;
};

}  // namespace nba::obs
