#pragma once

#include <chrono>
#include <map>
#include <memory>
#include <nlohmann/json_fwd.hpp>
#include <string>
#include <vector>

namespace nba::testing {

// One request the fake received.
struct FakeRequest {
  std::string path;                            // "/stats/leaguedashplayerstats"
  std::map<std::string, std::string> params;   // decoded query ("DateFrom" -> "" kept)
  std::map<std::string, std::string> headers;  // names lower-cased
  int client_port = 0;       // the connection's port at the client: equal ports, one connection
  std::string proxied_host;  // the host of an absolute-form target ("GET http://host/path"),
                             // which a client sends only to a proxy; empty for a direct request
};

struct FakeOptions {
  // Connections stay open for further requests (up to 100, or 1 s idle), as NBA.com's do.
  // Off by default: each connection then serves one request ("Connection: close").
  bool keep_alive = false;
};

// What the fake does instead of answering normally.
enum class FakeFault {
  kNone,
  kLatency,          // answers normally after `latency`
  kForbidden,        // 403 with an HTML "Access Denied" body (what Akamai sends a blocked client)
  kTooManyRequests,  // 429, JSON body "{}", header Retry-After: 1
  kServerError,      // 500 with a text body
  kHang,             // no answer until the fake stops (or 30 s pass); then the connection drops
  kTruncated,        // 200, application/json, the first half of the body (Content-Length agrees)
  kHtml,             // 200, text/html "<html><body>Service Unavailable</body></html>"
  kReset,            // declares the full Content-Length, sends half, drops the connection
};

struct FakeFaultSpec {
  FakeFault fault = FakeFault::kNone;
  std::chrono::milliseconds latency{0};
  int times = -1;  // how many matching requests get the fault; -1 = all from now on
};

// A loopback stand-in for stats.nba.com and cdn.nba.com: an HTTP/1.1 server on 127.0.0.1 that
// answers GETs from fixtures, injects faults and logs what it received, so the live source's
// parsing, retries and breaker are tested against real sockets.
//
// Answers carry "application/json; charset=utf-8" and are gzipped when the request accepts
// gzip, as NBA.com's are. Unless FakeOptions::keep_alive, each connection serves one request
// ("Connection: close"), so no idle connection can hold up the destructor (with keep-alive it
// may wait up to the 1 s idle limit). It also answers as a proxy would: a request for
// "http://any.host/stats/x" is served as "/stats/x" and logged with its host.
//
// Thread-safe: configure it, and read its log, from any thread while requests are served.
class FakeNbaCom {
 public:
  // Binds 127.0.0.1 on a free port and serves on a background thread; ready on return.
  // Throws std::runtime_error when it cannot bind or listen (a broken test machine).
  explicit FakeNbaCom(FakeOptions options = {});
  // Stops promptly, also while requests hang under kHang (their connections are dropped).
  ~FakeNbaCom();
  FakeNbaCom(const FakeNbaCom&) = delete;
  FakeNbaCom& operator=(const FakeNbaCom&) = delete;

  int port() const;
  std::string statsUrl() const;  // "http://127.0.0.1:<port>/stats"
  std::string cdnUrl() const;    // "http://127.0.0.1:<port>"

  // Answers GET `path` (e.g. "/stats/leaguedashplayerstats") with `body`, status 200, when
  // every entry of `params` equals the request's query parameter of that name (other request
  // parameters are ignored). A later call with the same path and params replaces the earlier
  // one; of several matches the one with the most params wins, then the latest. A request
  // nothing matches gets 404 with a JSON body naming the path.
  void serve(const std::string& path, std::map<std::string, std::string> params, std::string body);
  // serve() with the bytes of `file`, read now; false (and nothing served) if it cannot be read.
  bool serveFile(const std::string& path, std::map<std::string, std::string> params,
                 const std::string& file);
  // Faults for requests to `path` ("" = every path). A fault for the request's own path takes
  // precedence over the "" one; a later fail() for the same path replaces the earlier one.
  void fail(const std::string& path, FakeFaultSpec spec);
  void clearFaults();

  // Requests received so far (faulted ones too), in arrival order.
  std::vector<FakeRequest> requests() const;
  int requestCount(const std::string& path = "") const;  // "" = all paths

  // Schema-drift fixtures over a stats.nba.com body ({"resultSets":[{"name","headers",
  // "rowSet"}]} or the singular {"resultSet":{...}}): remove `column` from every result set
  // that has it (the header and that cell of every row), or append `column` with `value` to
  // every row of every result set. The result is compact JSON; a body that is not a JSON object
  // comes back unchanged.
  static std::string dropColumn(const std::string& body, const std::string& column);
  static std::string addColumn(const std::string& body, const std::string& column,
                               const nlohmann::json& value);

 private:
  class State;  // the httplib server, fixtures, faults and log; keeps httplib.h out of here
  std::unique_ptr<State> state_;
};

}  // namespace nba::testing
