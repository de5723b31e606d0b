// nba-bench-shared: what the shared tier (issue 16) costs and saves.
//
//   nba-bench-shared [--runs N] [--processes 3,6] [--data ../shared/data]
//
// * a Redis hit inside the server: an L1 miss answered from Redis on loopback (GET, unpack,
//   decode, into L1), for a small table and the largest one (target p50 <= 150 us);
// * NBA.com requests made by N nba-mcp processes replaying one mix of calls against a
//   loopback NBA.com, each on its own, then all sharing one Redis.
// It starts its own redis-server on a free loopback port and stops it.
#include <httplib.h>
#include <netinet/in.h>
#include <spawn.h>
#include <spdlog/spdlog.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <thread>

#include "cache/redis_store.h"
#include "core/clock.h"
#include "origin/cached/caching_data_source.h"
#include "origin/snapshot/snapshot_source.h"

extern char** environ;

namespace {

using Steady = std::chrono::steady_clock;

double usSince(Steady::time_point start) {
  return std::chrono::duration<double, std::micro>(Steady::now() - start).count();
}

double percentile(std::vector<double> samples, double p) {
  std::sort(samples.begin(), samples.end());
  return samples[static_cast<std::size_t>(p * static_cast<double>(samples.size() - 1))];
}

std::string readFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// Starts `argv` with stdin and stdout from/to files ("" leaves them as they are).
pid_t spawn(const std::vector<std::string>& argv, const std::string& in, const std::string& out) {
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  if (!in.empty()) posix_spawn_file_actions_addopen(&actions, 0, in.c_str(), O_RDONLY, 0);
  if (!out.empty()) {
    posix_spawn_file_actions_addopen(&actions, 1, out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  }
  std::vector<char*> args;
  for (const std::string& arg : argv) args.push_back(const_cast<char*>(arg.c_str()));
  args.push_back(nullptr);
  pid_t pid = -1;
  if (posix_spawnp(&pid, args[0], &actions, nullptr, args.data(), environ) != 0) pid = -1;
  posix_spawn_file_actions_destroy(&actions);
  return pid;
}

int freePort() {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t length = sizeof address;
  ::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address);
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length);
  ::close(fd);
  return ntohs(address.sin_port);
}

// A redis-server of its own on a free loopback port, no persistence; stopped on destruction.
class Redis {
 public:
  Redis() : port_(freePort()), dir_(std::filesystem::temp_directory_path() / "nba-bench-redis") {
    std::filesystem::create_directories(dir_);
    pid_ = spawn(
        {"redis-server", "--port", std::to_string(port_), "--bind", "127.0.0.1", "--save", "",
         "--appendonly", "no", "--dir", dir_.string(), "--logfile", (dir_ / "redis.log").string()},
        "", "");
  }
  ~Redis() {
    if (pid_ > 0) {
      ::kill(pid_, SIGTERM);
      ::waitpid(pid_, nullptr, 0);
    }
    std::filesystem::remove_all(dir_);
  }
  Redis(const Redis&) = delete;
  Redis& operator=(const Redis&) = delete;

  std::string url() const { return "redis://127.0.0.1:" + std::to_string(port_) + "/0"; }
  // Waits until it answers; false when it never does (redis-server missing).
  bool ready(const nba::cache::RedisClient& client) const {
    for (int i = 0; i < 200; ++i) {
      if (client.run({"PING"}).ok()) return true;
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return false;
  }

 private:
  int port_;
  std::filesystem::path dir_;
  pid_t pid_ = -1;
};

nba::cache::RedisOptions redisOptions(const std::string& url) {
  nba::cache::RedisOptions options;
  options.endpoint = nba::cache::parseRedisUrl(url).value();
  options.retry_after = std::chrono::milliseconds(20);  // while it starts
  return options;
}

// An L1 miss answered from Redis: a fresh cache (empty L1) per read, only the read timed.
template <typename Read>
void benchHit(const char* what, const nba::DataSource& snapshot,
              const nba::cache::RedisStore& store, int reads, Read read) {
  auto clock = nba::newSystemClock();
  const nba::CallContext call(*clock, nba::Caller::kCommandLine);
  nba::CacheOptions options;
  options.shared = &store;
  {
    nba::CachingDataSource writer(snapshot, *clock, options);
    (void)read(writer, call);
  }
  std::vector<double> samples;
  const auto hits_before = store.stats().hits;
  for (int i = 0; i < reads; ++i) {
    nba::CachingDataSource reader(snapshot, *clock, options);
    const auto start = Steady::now();
    (void)read(reader, call);
    samples.push_back(usSince(start));
  }
  std::printf("  %-44s p50 %7.1f us  p99 %7.1f us  (%llu Redis hits)\n", what,
              percentile(samples, 0.5), percentile(samples, 0.99),
              static_cast<unsigned long long>(store.stats().hits - hits_before));
}

void benchRedisHit(const nba::DataSource& snapshot, const std::string& url, int runs) {
  auto clock = nba::newSystemClock();
  nba::cache::RedisClient client(redisOptions(url), *clock);
  nba::cache::RedisStore store(client);
  const int reads = runs * 50;
  std::printf("Redis hit inside the server (loopback; L1 miss -> GET, unpack, decode), %d reads:\n",
              reads);
  benchHit("standings 2024-25 (30 rows)", snapshot, store, reads,
           [](const nba::DataSource& cache, const nba::CallContext& call) {
             return cache.standings(call, nba::Season{2024}).ok();
           });
  benchHit("the team list (30 rows)", snapshot, store, reads,
           [](const nba::DataSource& cache, const nba::CallContext& call) {
             return cache.teams(call).ok();
           });
  nba::PlayerSeasonStatsRequest season;
  season.season = nba::Season{2024};
  benchHit("2024-25 player lines (572 rows, ~186 KB)", snapshot, store, runs * 5,
           [&season](const nba::DataSource& cache, const nba::CallContext& call) {
             return cache.playerSeasonStats(call, season).ok();
           });
  std::printf("  (target: p50 <= 150 us)\n");
}

// A loopback NBA.com serving the recorded 2025-26 responses, counting requests.
class FakeNba {
 public:
  explicit FakeNba(const std::string& samples) {
    bodies_ = {
        {"/stats/commonallplayers", readFile(samples + "commonallplayers__2025-26__0.json")},
        {"/stats/playerindex", readFile(samples + "playerindex__2025-26.json")},
        {"/stats/leaguedashplayerstats",
         readFile(samples + "leaguedashplayerstats__2025-26__RegularSeason__Totals__Base__0.json")},
        {"/stats/leaguegamelog",
         readFile(samples + "leaguegamelog__2025-26__RegularSeason__T.json")},
        {"/stats/leaguestandingsv3",
         readFile(samples + "leaguestandingsv3__2025-26__RegularSeason.json")}};
    server_.Get(".*", [this](const httplib::Request& request, httplib::Response& response) {
      requests_++;
      const auto body = bodies_.find(request.path);
      if (body == bodies_.end()) {
        response.status = 404;
        return;
      }
      response.set_content(body->second, "application/json; charset=utf-8");
    });
    port_ = server_.bind_to_any_port("127.0.0.1");
    serving_ = std::thread([this] { server_.listen_after_bind(); });
    while (!server_.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  ~FakeNba() {
    server_.stop();
    serving_.join();
  }
  FakeNba(const FakeNba&) = delete;
  FakeNba& operator=(const FakeNba&) = delete;

  std::string statsUrl() const { return "http://127.0.0.1:" + std::to_string(port_) + "/stats"; }
  int requests() const { return requests_; }

 private:
  std::map<std::string, std::string> bodies_;
  httplib::Server server_;
  int port_ = 0;
  std::thread serving_;
  std::atomic<int> requests_{0};
};

// One host's session: initialize, then a mix of calls over the season's tables.
std::string sessionFile() {
  using nlohmann::json;
  std::vector<std::pair<std::string, json>> calls = {
      {"get_team_standings", {{"season", "2025-26"}}},
      {"answer_nba_question", {{"question", "Who leads the league in rebounds this season?"}}},
      {"answer_nba_question", {{"question", "What are the Western Conference standings?"}}},
      {"get_player_stats", {{"player", "Shai Gilgeous-Alexander"}}},
      {"compare_players", {{"players", {"Luka Doncic", "Nikola Jokic"}}}},
  };
  for (const char* stat : {"points", "assists", "rebounds", "steals", "blocks", "threes"}) {
    calls.push_back({"get_league_leaders", {{"stat", stat}, {"limit", 5}}});
  }
  const std::string path = (std::filesystem::temp_directory_path() / "nba-bench-shared.jsonl");
  std::ofstream out(path);
  out << R"({"jsonrpc":"2.0","id":0,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"bench","version":"1"}}})"
      << "\n"
      << R"({"jsonrpc":"2.0","method":"notifications/initialized"})"
      << "\n";
  int id = 1;
  for (const auto& [tool, arguments] : calls) {
    out << json{{"jsonrpc", "2.0"},
                {"id", id++},
                {"method", "tools/call"},
                {"params", {{"name", tool}, {"arguments", arguments}}}}
               .dump()
        << "\n";
  }
  return path;
}

// NBA.com requests of `processes` servers replaying the session at once.
int requestsOf(const std::string& samples, int processes, const std::string& redis_url) {
  FakeNba fake(samples);
  const std::string session = sessionFile();
  std::vector<pid_t> children;
  for (int i = 0; i < processes; ++i) {
    std::vector<std::string> argv = {NBA_MCP_BINARY,
                                     "--origin",
                                     "live",
                                     "--nba-stats-url",
                                     fake.statsUrl(),
                                     "--nba-min-interval-ms",
                                     "0",
                                     "--fixed-time",
                                     "2026-02-22T12:00:00Z",
                                     "--cache-db",
                                     ":memory:",
                                     "--log-level",
                                     "off"};
    if (!redis_url.empty()) argv.insert(argv.end(), {"--redis", redis_url});
    children.push_back(spawn(argv, session, "/dev/null"));
  }
  for (pid_t child : children) ::waitpid(child, nullptr, 0);
  return fake.requests();
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app("What the shared tier in Redis costs and saves (issue 16)");
  std::string data = NBA_MCP_SHARED_DATA_DIR;
  int runs = 20;
  std::vector<int> counts = {3, 6};
  app.add_option("--data", data, "The reference data (../shared/data)")->capture_default_str();
  app.add_option("--runs", runs, "Runs per measurement")->check(CLI::Range(1, 10000));
  app.add_option("--processes", counts, "Process counts to compare")->delimiter(',');
  CLI11_PARSE(app, argc, argv);
  spdlog::set_level(spdlog::level::err);  // the probe's "unreachable" while Redis starts

  Redis redis;
  {
    auto clock = nba::newSystemClock();
    nba::cache::RedisClient probe(redisOptions(redis.url()), *clock);
    if (!redis.ready(probe)) {
      std::fprintf(stderr,
                   "nba-bench-shared: redis-server did not start (apt install redis-server)\n");
      return 1;
    }
  }
  auto snapshot = nba::newEmbeddedSnapshotSource();
  benchRedisHit(*snapshot.value(), redis.url(), runs);

  const std::string samples = data + "/statsnba-samples/";
  if (!std::filesystem::exists(samples)) {
    std::printf("(no %s: the multi-process comparison is skipped)\n", samples.c_str());
    return 0;
  }
  std::printf("NBA.com requests, N processes replaying one session of 11 calls at once:\n");
  const int one = requestsOf(samples, 1, "");
  std::printf("  1 process                       %4d requests\n", one);
  for (int processes : counts) {
    nba::cache::RedisClient cleaner(redisOptions(redis.url()), *nba::newSystemClock());
    (void)cleaner.run({"FLUSHALL"});
    const int alone = requestsOf(samples, processes, "");
    (void)cleaner.run({"FLUSHALL"});
    const int shared = requestsOf(samples, processes, redis.url());
    std::printf("  %d processes, each on its own     %4d requests\n", processes, alone);
    std::printf("  %d processes sharing one Redis    %4d requests  (%.1fx fewer)\n", processes,
                shared, shared > 0 ? static_cast<double>(alone) / shared : 0.0);
  }
  return 0;
}
