#pragma once

#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "app/server_metrics.h"
#include "core/status.h"

namespace nba::app {

// Writes the metrics to `path` in node_exporter's textfile format every `every` and once more
// when stopped, through a temporary file renamed over it (a reader never sees half a file).
// A write that fails is logged once; the server goes on. Stops in the destructor.
class MetricsTextfile {
 public:
  MetricsTextfile(const ServerMetrics& metrics, std::string path, std::chrono::seconds every);
  ~MetricsTextfile();
  MetricsTextfile(const MetricsTextfile&) = delete;
  MetricsTextfile& operator=(const MetricsTextfile&) = delete;
  // Writes now; false (logged once) when it could not.
  bool writeNow();

 private:
  const ServerMetrics& metrics_;
  const std::string path_;
  const std::chrono::seconds every_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;  // guarded by mutex_
  bool complained_ = false;
  std::thread writer_;
};

// Serves GET /metrics (the Prometheus text format) and GET /healthz ("ok") over HTTP on
// `listen` ("127.0.0.1:9464"; loopback unless another address is given) from a thread of its
// own. Stops in the destructor.
class MetricsHttpListener {
 public:
  ~MetricsHttpListener();
  // Binds `listen`, or fails naming it (not HOST:PORT, or the address cannot be bound).
  static Result<std::unique_ptr<MetricsHttpListener>> start(const ServerMetrics& metrics,
                                                            const std::string& listen);

 private:
  MetricsHttpListener() = default;
  class Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace nba::app
