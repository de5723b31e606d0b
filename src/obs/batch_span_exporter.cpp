#include "obs/batch_span_exporter.h"

#include <spdlog/spdlog.h>

#include <algorithm>

namespace nba::obs {

BatchSpanExporter::BatchSpanExporter(std::vector<std::unique_ptr<SpanWriter>> writers,
                                     BatchOptions options)
    : writers_(std::move(writers)), options_(options) {
  thread_ = std::thread([this] { run(); });
}

BatchSpanExporter::~BatchSpanExporter() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  thread_.join();
}

void BatchSpanExporter::submit(SpanData span) {
  bool full_batch = false;
  {
    std::lock_guard lock(mutex_);
    if (stopping_ || queue_.size() >= options_.max_queue) {
      ++counts_.dropped;
      return;
    }
    queue_.push_back(std::move(span));
    ++accepted_;
    full_batch = queue_.size() >= options_.max_batch;
  }
  if (full_batch) wake_.notify_one();
}

void BatchSpanExporter::flush() {
  std::unique_lock lock(mutex_);
  const std::uint64_t target = accepted_;
  flush_target_ = std::max(flush_target_, target);
  wake_.notify_one();
  progress_.wait(lock, [&] { return handled_ >= target || (stopping_ && queue_.empty()); });
}

ExportCounts BatchSpanExporter::counts() const {
  std::lock_guard lock(mutex_);
  return counts_;
}

std::vector<SpanData> BatchSpanExporter::takeBatch() {
  const std::size_t size = std::min(queue_.size(), options_.max_batch);
  std::vector<SpanData> batch;
  batch.reserve(size);
  for (std::size_t i = 0; i < size; ++i) {
    batch.push_back(std::move(queue_.front()));
    queue_.pop_front();
  }
  return batch;
}

void BatchSpanExporter::writeBatch(const std::vector<SpanData>& batch) {
  bool failed = false;
  for (const auto& writer : writers_) {
    if (Status status = writer->write(batch); !status.isOk()) {
      failed = true;
      spdlog::debug("trace export failed, {} spans dropped: {}", batch.size(), status.message());
    }
  }
  std::lock_guard lock(mutex_);
  (failed ? counts_.failed : counts_.exported) += batch.size();
  handled_ += batch.size();
}

void BatchSpanExporter::run() {
  std::unique_lock lock(mutex_);
  std::chrono::steady_clock::time_point stop_deadline{};
  for (;;) {
    wake_.wait_for(lock, options_.interval, [this] {
      return stopping_ || queue_.size() >= options_.max_batch ||
             (flush_target_ > handled_ && !queue_.empty());
    });
    if (stopping_ && stop_deadline == std::chrono::steady_clock::time_point{}) {
      stop_deadline = std::chrono::steady_clock::now() + options_.shutdown_budget;
    }
    if (stopping_ && (queue_.empty() || std::chrono::steady_clock::now() >= stop_deadline)) {
      counts_.dropped += queue_.size();
      queue_.clear();
      progress_.notify_all();
      return;
    }
    if (queue_.empty()) continue;
    std::vector<SpanData> batch = takeBatch();
    lock.unlock();
    writeBatch(batch);
    lock.lock();
    progress_.notify_all();
  }
}

}  // namespace nba::obs
