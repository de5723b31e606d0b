#include "support/fake_nba_com.h"

#include <httplib.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <condition_variable>
#include <ctime>
#include <fstream>
#include <iterator>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <stdexcept>
#include <thread>
#include <utility>

namespace nba::testing {
namespace {

using Json = nlohmann::json;
using Params = std::map<std::string, std::string>;

constexpr char kJsonType[] = "application/json; charset=utf-8";
constexpr auto kHangLimit = std::chrono::seconds(30);
// How long a fresh connection may stay silent before its worker gives up on it; this bounds
// the destructor when a client connects and never sends.
constexpr time_t kSilentConnectionSeconds = 1;
constexpr std::size_t kKeepAliveRequests = 100;

// Akamai's page for a client it has blocked, which is what stats.nba.com answers a bot with.
constexpr char kAccessDenied[] =
    "<HTML><HEAD>\n<TITLE>Access Denied</TITLE>\n</HEAD><BODY>\n<H1>Access Denied</H1>\n\n"
    "You don't have permission to access this resource on this server.<P>\n"
    "Reference&#32;&#35;18&#46;fake\n</BODY>\n</HTML>\n";
constexpr char kServiceUnavailable[] = "<html><body>Service Unavailable</body></html>";

struct Route {
  Params params;
  std::string body;
};

// The answer the fixtures give, before any fault bends it.
struct Answer {
  int status = 200;
  std::string body;
};

// Headers httplib adds to every request itself; they are not what the client sent.
bool isServerAddedHeader(const std::string& name) {
  return name == "REMOTE_ADDR" || name == "REMOTE_PORT" || name == "LOCAL_ADDR" ||
         name == "LOCAL_PORT";
}

std::string lowerCased(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

// A proxy's request names the whole URL ("http://stats.nba.test/stats/x"): path and host apart.
void splitAbsoluteTarget(FakeRequest& fake) {
  constexpr std::string_view kScheme = "http://";
  if (fake.path.compare(0, kScheme.size(), kScheme) != 0) {
    return;
  }
  const auto slash = fake.path.find('/', kScheme.size());
  fake.proxied_host = fake.path.substr(kScheme.size(), slash - kScheme.size());
  fake.path = slash == std::string::npos ? "/" : fake.path.substr(slash);
}

FakeRequest toFakeRequest(const httplib::Request& request) {
  FakeRequest fake{request.path, {}, {}, request.remote_port, {}};
  splitAbsoluteTarget(fake);
  for (const auto& [name, value] : request.params) {
    fake.params.emplace(name, value);  // a repeated name keeps its first value
  }
  for (const auto& [name, value] : request.headers) {
    if (!isServerAddedHeader(name)) {
      fake.headers.emplace(lowerCased(name), value);
    }
  }
  return fake;
}

bool matches(const Params& wanted, const Params& actual) {
  return std::all_of(wanted.begin(), wanted.end(), [&actual](const auto& entry) {
    const auto found = actual.find(entry.first);
    return found != actual.end() && found->second == entry.second;
  });
}

// cpp-httplib 0.11.4 decides whether to compress by comparing the whole Content-Type, so it
// never compresses "application/json; charset=utf-8", which NBA.com serves gzipped; the fake
// gzips such bodies itself with the library's own compressor.
std::optional<std::string> gzipped(const std::string& body) {
  httplib::detail::gzip_compressor compressor;
  std::string out;
  const bool ok =
      compressor.compress(body.data(), body.size(), true, [&out](const char* data, size_t size) {
        out.append(data, size);
        return true;
      });
  return ok ? std::optional<std::string>(std::move(out)) : std::nullopt;
}

void setJson(const httplib::Request& request, httplib::Response& response, int status,
             const std::string& body) {
  response.status = status;
  const bool accepts_gzip =
      request.get_header_value("Accept-Encoding").find("gzip") != std::string::npos;
  if (accepts_gzip && !body.empty()) {
    if (auto compressed = gzipped(body)) {
      response.set_header("Content-Encoding", "gzip");
      response.set_content(*compressed, kJsonType);
      return;
    }
  }
  response.set_content(body, kJsonType);
}

// Declares all of `body` but writes only its first `sent` bytes: the provider failing makes
// httplib close the connection, so the client sees a short transfer, never a whole answer.
// At least one byte is declared so that even an empty body cannot look complete.
void dropMidBody(httplib::Response& response, std::string body, size_t sent) {
  const size_t declared = std::max<size_t>(body.size(), 1);
  response.status = 200;
  response.set_content_provider(
      declared, kJsonType,
      [body = std::move(body), sent](size_t offset, size_t, httplib::DataSink& sink) {
        if (offset < sent) {
          sink.write(body.data() + offset, sent - offset);
        }
        return false;
      });
}

// Calls `edit(result_set)` on every result set of a stats.nba.com body, in either shape.
template <typename Edit>
std::string editResultSets(const std::string& body, Edit edit) {
  Json root = Json::parse(body, nullptr, /*allow_exceptions=*/false);
  if (!root.is_object()) {
    return body;
  }
  const auto visit = [&edit](Json& set) {
    if (set.is_object() && set.contains("headers") && set["headers"].is_array()) {
      edit(set);
    }
  };
  for (const char* key : {"resultSets", "resultSet"}) {
    const auto found = root.find(key);
    if (found == root.end()) {
      continue;
    }
    if (found->is_array()) {
      std::for_each(found->begin(), found->end(), visit);
    } else {
      visit(*found);
    }
  }
  return root.dump(-1, ' ', false, Json::error_handler_t::replace);
}

// Calls `edit(row)` on every array row of a result set (a set without rows is left as it is).
template <typename Edit>
void forEachRow(Json& set, Edit edit) {
  const auto rows = set.find("rowSet");
  if (rows == set.end() || !rows->is_array()) {
    return;
  }
  for (Json& row : *rows) {
    if (row.is_array()) {
      edit(row);
    }
  }
}

}  // namespace

class FakeNbaCom::State {
 public:
  explicit State(FakeOptions options) {
    server_.set_keep_alive_max_count(options.keep_alive ? kKeepAliveRequests : 1);
    server_.set_keep_alive_timeout(kSilentConnectionSeconds);
    server_.Get("(.*)", [this](const httplib::Request& request, httplib::Response& response) {
      handle(request, response);
    });
    port_ = server_.bind_to_any_port("127.0.0.1");
    if (port_ <= 0) {
      throw std::runtime_error("fake NBA.com: cannot bind a port on 127.0.0.1");
    }
    thread_ = std::thread([this] {
      server_.listen_after_bind();
      listen_returned_ = true;
    });
    // 0.11.4 has no wait_until_ready(); is_running() turns true as the accept loop starts,
    // and stop() does nothing before that.
    while (!server_.is_running() && !listen_returned_) {
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    if (!server_.is_running()) {
      thread_.join();
      throw std::runtime_error("fake NBA.com: cannot listen on 127.0.0.1");
    }
  }

  ~State() {
    {
      std::lock_guard lock(mutex_);
      stopping_ = true;
    }
    stop_signal_.notify_all();  // wakes hanging and delayed handlers
    server_.stop();
    thread_.join();
  }

  int port() const { return port_; }

  void serve(const std::string& path, Params params, std::string body) {
    std::lock_guard lock(mutex_);
    auto& routes = routes_[path];
    std::erase_if(routes, [&params](const Route& route) { return route.params == params; });
    routes.push_back({std::move(params), std::move(body)});
  }

  void fail(const std::string& path, FakeFaultSpec spec) {
    std::lock_guard lock(mutex_);
    faults_[path] = spec;
  }

  void clearFaults() {
    std::lock_guard lock(mutex_);
    faults_.clear();
  }

  std::vector<FakeRequest> requests() const {
    std::lock_guard lock(mutex_);
    return requests_;
  }

 private:
  void handle(const httplib::Request& request, httplib::Response& response) {
    const FakeRequest received = toFakeRequest(request);
    const FakeFaultSpec fault = recordAndTakeFault(received);
    const Answer answer = lookUp(received);
    switch (fault.fault) {
      case FakeFault::kNone:
        return setJson(request, response, answer.status, answer.body);
      case FakeFault::kLatency:
        (void)waitForStop(fault.latency);
        return setJson(request, response, answer.status, answer.body);
      case FakeFault::kForbidden:
        response.status = 403;
        return response.set_content(kAccessDenied, "text/html");
      case FakeFault::kTooManyRequests:
        setJson(request, response, 429, "{}");
        return response.set_header("Retry-After", "1");
      case FakeFault::kServerError:
        response.status = 500;
        return response.set_content("Internal Server Error", "text/plain");
      case FakeFault::kHang:
        (void)waitForStop(kHangLimit);
        return dropMidBody(response, answer.body, 0);
      case FakeFault::kTruncated:
        return setJson(request, response, 200, answer.body.substr(0, answer.body.size() / 2));
      case FakeFault::kHtml:
        response.status = 200;
        return response.set_content(kServiceUnavailable, "text/html");
      case FakeFault::kReset:
        return dropMidBody(response, answer.body, answer.body.size() / 2);
    }
  }

  // Logs the request and consumes one use of the fault that applies to it, in one step so
  // that concurrent requests share a `times` budget exactly.
  FakeFaultSpec recordAndTakeFault(const FakeRequest& request) {
    std::lock_guard lock(mutex_);
    requests_.push_back(request);
    for (const std::string& key : {request.path, std::string()}) {
      const auto found = faults_.find(key);
      if (found == faults_.end() || found->second.times == 0) {
        continue;
      }
      if (found->second.times > 0) {
        --found->second.times;
      }
      return found->second;
    }
    return {};
  }

  Answer lookUp(const FakeRequest& request) const {
    std::lock_guard lock(mutex_);
    const Route* best = nullptr;
    if (const auto found = routes_.find(request.path); found != routes_.end()) {
      for (const Route& route : found->second) {  // in serve() order, so ties go to the latest
        if (matches(route.params, request.params) &&
            (best == nullptr || route.params.size() >= best->params.size())) {
          best = &route;
        }
      }
    }
    if (best != nullptr) {
      return {200, best->body};
    }
    const Json body = {{"error", "fake NBA.com serves nothing for " + request.path},
                       {"path", request.path},
                       {"params", request.params}};
    return {404, body.dump(-1, ' ', false, Json::error_handler_t::replace)};
  }

  // Waits up to `limit`; true when cut short because the fake is stopping.
  bool waitForStop(std::chrono::milliseconds limit) {
    std::unique_lock lock(mutex_);
    return stop_signal_.wait_for(lock, limit, [this] { return stopping_; });
  }

  httplib::Server server_;
  std::thread thread_;
  std::atomic<bool> listen_returned_{false};
  int port_ = -1;

  mutable std::mutex mutex_;
  std::condition_variable stop_signal_;               // with mutex_: stopping_ turned true
  bool stopping_ = false;                             // guarded by mutex_
  std::map<std::string, std::vector<Route>> routes_;  // guarded by mutex_; by path
  std::map<std::string, FakeFaultSpec> faults_;       // guarded by mutex_; times counts down
  std::vector<FakeRequest> requests_;                 // guarded by mutex_
};

FakeNbaCom::FakeNbaCom(FakeOptions options) : state_(std::make_unique<State>(options)) {}

FakeNbaCom::~FakeNbaCom() = default;

int FakeNbaCom::port() const { return state_->port(); }

std::string FakeNbaCom::statsUrl() const { return cdnUrl() + "/stats"; }

std::string FakeNbaCom::cdnUrl() const { return "http://127.0.0.1:" + std::to_string(port()); }

void FakeNbaCom::serve(const std::string& path, std::map<std::string, std::string> params,
                       std::string body) {
  state_->serve(path, std::move(params), std::move(body));
}

bool FakeNbaCom::serveFile(const std::string& path, std::map<std::string, std::string> params,
                           const std::string& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    return false;
  }
  std::string body((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) {
    return false;
  }
  serve(path, std::move(params), std::move(body));
  return true;
}

void FakeNbaCom::fail(const std::string& path, FakeFaultSpec spec) { state_->fail(path, spec); }

void FakeNbaCom::clearFaults() { state_->clearFaults(); }

std::vector<FakeRequest> FakeNbaCom::requests() const { return state_->requests(); }

int FakeNbaCom::requestCount(const std::string& path) const {
  const auto log = requests();
  return static_cast<int>(std::count_if(log.begin(), log.end(), [&path](const FakeRequest& r) {
    return path.empty() || r.path == path;
  }));
}

std::string FakeNbaCom::dropColumn(const std::string& body, const std::string& column) {
  return editResultSets(body, [&column](Json& set) {
    Json& headers = set["headers"];
    const auto found = std::find(headers.begin(), headers.end(), Json(column));
    if (found == headers.end()) {
      return;
    }
    const auto index = static_cast<size_t>(std::distance(headers.begin(), found));
    headers.erase(index);
    forEachRow(set, [index](Json& row) {
      if (row.size() > index) {
        row.erase(index);
      }
    });
  });
}

std::string FakeNbaCom::addColumn(const std::string& body, const std::string& column,
                                  const nlohmann::json& value) {
  return editResultSets(body, [&column, &value](Json& set) {
    set["headers"].push_back(column);
    forEachRow(set, [&value](Json& row) { row.push_back(value); });
  });
}

}  // namespace nba::testing
