#include "app/metrics_exporters.h"

#include <httplib.h>
#include <spdlog/spdlog.h>

#include <charconv>
#include <cstdio>
#include <filesystem>
#include <fstream>

namespace nba::app {

MetricsTextfile::MetricsTextfile(const ServerMetrics& metrics, std::string path,
                                 std::chrono::seconds every)
    : metrics_(metrics), path_(std::move(path)), every_(every) {
  writer_ = std::thread([this] {
    std::unique_lock lock(mutex_);
    while (!stopping_) {
      lock.unlock();
      writeNow();
      lock.lock();
      wake_.wait_for(lock, every_, [this] { return stopping_; });
    }
  });
}

MetricsTextfile::~MetricsTextfile() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  writer_.join();
  writeNow();  // the last figures, as the process ends
}

bool MetricsTextfile::writeNow() {
  const std::string temporary = path_ + ".tmp";
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    out << metrics_.render();
    out.close();
    if (out && std::rename(temporary.c_str(), path_.c_str()) == 0) return true;
  }
  std::error_code ignored;
  std::filesystem::remove(temporary, ignored);
  if (!complained_) {
    complained_ = true;
    spdlog::warn("cannot write the metrics textfile {}; the server goes on without it", path_);
  }
  return false;
}

class MetricsHttpListener::Impl {
 public:
  httplib::Server server;
  std::thread thread;
};

MetricsHttpListener::~MetricsHttpListener() {
  if (impl_) {
    impl_->server.stop();
    if (impl_->thread.joinable()) impl_->thread.join();
  }
}

Result<std::unique_ptr<MetricsHttpListener>> MetricsHttpListener::start(
    const ServerMetrics& metrics, const std::string& listen) {
  const auto colon = listen.rfind(':');
  int port = -1;
  if (colon != std::string::npos && colon > 0) {
    const char* first = listen.data() + colon + 1;
    const char* last = listen.data() + listen.size();
    const auto [end, error] = std::from_chars(first, last, port);
    if (error != std::errc() || end != last) port = -1;
  }
  if (port < 1 || port > 65535) {
    return invalidArgument("--metrics-listen '" + listen +
                           "' is not HOST:PORT, e.g. 127.0.0.1:9464");
  }
  std::string host = listen.substr(0, colon);
  if (host.size() > 2 && host.front() == '[' && host.back() == ']') {
    host = host.substr(1, host.size() - 2);  // [::1]:9464
  }
  std::unique_ptr<MetricsHttpListener> listener(new MetricsHttpListener());
  listener->impl_ = std::make_unique<Impl>();
  httplib::Server& server = listener->impl_->server;
  server.Get("/metrics", [&metrics](const httplib::Request&, httplib::Response& response) {
    response.set_content(metrics.render(), "text/plain; version=0.0.4; charset=utf-8");
  });
  server.Get("/healthz", [](const httplib::Request&, httplib::Response& response) {
    response.set_content("ok\n", "text/plain");
  });
  if (!server.bind_to_port(host, port)) {
    return unavailable("--metrics-listen " + listen +
                       ": cannot listen there (in use, or not an address of this machine)");
  }
  listener->impl_->thread = std::thread([&server] { server.listen_after_bind(); });
  spdlog::info("metrics on http://{}/metrics", listen);
  return listener;
}

}  // namespace nba::app
