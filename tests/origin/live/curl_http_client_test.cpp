// libcurl's transport against the fake NBA.com: connections kept alive between requests, and
// the standard proxy variables honoured.
#include "origin/live/curl_http_client.h"

#include <doctest/doctest.h>

#include <cstdlib>
#include <optional>
#include <set>

#include "core/clock.h"
#include "support/fake_nba_com.h"

namespace nba::live {
namespace {

using std::chrono::milliseconds;
using testing::FakeNbaCom;

// Sets (or, with nullopt, removes) an environment variable for one scope, then restores it.
class ScopedEnv {
 public:
  ScopedEnv(const char* name, std::optional<std::string> value) : name_(name) {
    if (const char* before = std::getenv(name)) before_ = before;
    set(value);
  }
  ~ScopedEnv() { set(before_); }
  ScopedEnv(const ScopedEnv&) = delete;
  ScopedEnv& operator=(const ScopedEnv&) = delete;

 private:
  void set(const std::optional<std::string>& value) {
    if (value) {
      ::setenv(name_, value->c_str(), 1);
    } else {
      ::unsetenv(name_);
    }
  }
  const char* name_;
  std::optional<std::string> before_;
};

struct CurlRig {
  explicit CurlRig(testing::FakeOptions options = {}) : fake(options) {
    fake.serve("/stats/playerindex", {}, R"({"resultSets":[]})");
  }
  Result<HttpResponse> get(const std::string& url) const {
    return client->get(
        call, HttpRequest{url, {{"Referer", "https://www.nba.com/"}}, "stats.nba.com playerindex"});
  }

  FakeNbaCom fake;
  std::unique_ptr<HttpClient> client =
      newCurlHttpClient({milliseconds(1000), milliseconds(2000), std::size_t{1} << 20});
  std::shared_ptr<Clock> clock = newSystemClock();
  CallContext call{*clock, Caller::kClient};
};

TEST_CASE("curl client: one connection serves request after request (keep-alive)") {
  CurlRig rig({.keep_alive = true});
  for (int i = 0; i < 4; ++i) {
    auto response = rig.get(rig.fake.statsUrl() + "/playerindex?Season=2025-26");
    REQUIRE_MESSAGE(response.ok(), response.status().message());
    CHECK(response->status == 200);
    CHECK(response->body == R"({"resultSets":[]})");
  }
  std::set<int> connections;
  for (const auto& request : rig.fake.requests()) connections.insert(request.client_port);
  CHECK(rig.fake.requestCount() == 4);
  CHECK(connections.size() == 1);
}

TEST_CASE("curl client: a server that closes each connection costs a new one, and still works") {
  CurlRig rig;  // the fake's default: Connection: close
  for (int i = 0; i < 3; ++i) {
    REQUIRE(rig.get(rig.fake.statsUrl() + "/playerindex")->status == 200);
  }
  std::set<int> connections;
  for (const auto& request : rig.fake.requests()) connections.insert(request.client_port);
  CHECK(connections.size() == 3);
}

TEST_CASE("curl client: http_proxy carries the request; no_proxy exempts a host") {
  CurlRig rig;
  const ScopedEnv proxy("http_proxy", rig.fake.cdnUrl());
  const ScopedEnv no_proxy_lower("no_proxy", std::nullopt);
  const ScopedEnv no_proxy_upper("NO_PROXY", std::nullopt);
  // stats.nba.test resolves nowhere: only a proxy can answer it.
  auto proxied = rig.get("http://stats.nba.test/stats/playerindex?Season=2025-26");
  REQUIRE_MESSAGE(proxied.ok(), proxied.status().message());
  CHECK(proxied->status == 200);
  REQUIRE(rig.fake.requestCount() == 1);
  FAST_CHECK_EQ(rig.fake.requests()[0].proxied_host, "stats.nba.test");
  CHECK(rig.fake.requests()[0].path == "/stats/playerindex");
  CHECK(rig.fake.requests()[0].params.at("Season") == "2025-26");

  const ScopedEnv exempt("no_proxy", "127.0.0.1");
  REQUIRE(rig.get(rig.fake.statsUrl() + "/playerindex")->status == 200);
  REQUIRE(rig.fake.requestCount() == 2);
  CHECK(rig.fake.requests()[1].proxied_host.empty());  // straight to the server
}

}  // namespace
}  // namespace nba::live
