// nba-bench-cache: what the cache costs and saves (issue 11's targets).
//
//   nba-bench-cache [--runs N] [--latency-ms 200] [--data ../shared/data] [--only SECTION]
//
// * an L1 hit (a season's lines, one player filtered out; the team list);
// * L2 hits of three tables, 27, 47 and 64 KB encoded (read, unpack, decode: the entry never
//   fits in L1 here), and where their time goes; and inflating alone 100 KB of encoded rows;
// * get_league_leaders in process against a loopback NBA.com with the given latency: served
//   from the cache, against the same call missing it;
// * the p99 of misses with the write-behind to SQLite, against the same run without L2;
// * the hit ratio over the golden question mix answered twice (golden_hit_ratio.h).
#include <httplib.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include "app/server_builder.h"
#include "cache/compression.h"
#include "core/clock.h"
#include "golden_hit_ratio.h"
#include "nba/tools/nba_tool.h"
#include "origin/cached/caching_data_source.h"
#include "origin/cached/row_codec.h"
#include "origin/forwarding_data_source.h"
#include "origin/snapshot/snapshot_source.h"

namespace {

using Clock = std::chrono::steady_clock;

double usSince(Clock::time_point start) {
  return std::chrono::duration<double, std::micro>(Clock::now() - start).count();
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

std::string tempDb(const char* name) {
  const std::string path =
      (std::filesystem::temp_directory_path() / ("nba-bench-cache-" + std::string(name))).string();
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix);
  return path;
}

// Mean time of one call over batches of `batch`, the median batch of `runs`.
template <typename Call>
double perCallUs(int runs, int batch, Call call) {
  std::vector<double> batches;
  for (int r = 0; r < runs; ++r) {
    const auto start = Clock::now();
    for (int i = 0; i < batch; ++i) call();
    batches.push_back(usSince(start) / batch);
  }
  return percentile(batches, 0.5);
}

void benchL1(const nba::DataSource& snapshot, int runs) {
  auto clock = nba::newSystemClock();
  const nba::CallContext call(*clock, nba::Caller::kCommandLine);
  nba::CachingDataSource cached(snapshot, *clock, nba::CacheOptions{});
  nba::PlayerSeasonStatsRequest shai;
  shai.season = nba::Season{2024};
  shai.player_id = "1628983";
  (void)cached.playerSeasonStats(call, shai);
  (void)cached.teams(call);
  const double lines_us =
      perCallUs(runs, 2000, [&] { (void)cached.playerSeasonStats(call, shai); });
  const double teams_us = perCallUs(runs, 2000, [&] { (void)cached.teams(call); });
  std::printf("L1 hit, %d batches of 2000:\n", runs);
  std::printf("  the team list (30 rows)                p50 %.3f us   (target <= 2 us)\n",
              teams_us);
  std::printf("  2024-25 lines, one player filtered out p50 %.3f us   (572 rows looked at)\n",
              lines_us);
}

// Where an L2 hit's time goes: inflating the stored bytes, decoding the rows (the rest is
// SQLite's read and the lookup around it).
template <typename Value>
void printL2Stages(const Value& value, int reads) {
  const std::string stored = nba::cache::packValue(nba::cached::encode(value));
  std::vector<double> unpack;
  std::vector<double> decode;
  for (int i = 0; i < reads; ++i) {
    auto start = Clock::now();
    const auto raw = nba::cache::unpackValue(stored);
    unpack.push_back(usSince(start));
    start = Clock::now();
    (void)nba::cached::decode<Value>(*raw);
    decode.push_back(usSince(start));
  }
  std::printf("  of which: unpack (inflate) p50 %.1f us, decode p50 %.1f us\n",
              percentile(unpack, 0.5), percentile(decode, 0.5));
}

// One value read back from L2 `reads` times: `fetch(source)` asks for it.
template <typename Fetch>
void benchL2Value(const char* label, const nba::DataSource& snapshot, int reads, Fetch fetch) {
  auto clock = nba::newSystemClock();
  const auto value = fetch(snapshot);
  const std::size_t encoded = nba::cached::encode(value.value()).size();
  nba::CacheOptions options;
  options.db_path = tempDb("l2.db");
  options.capacity_bytes = 8 * 16 * 1024;  // a 16 KiB share: the entry never fits in L1
  {
    nba::CachingDataSource writer(snapshot, *clock, options);
    (void)fetch(writer);
  }  // written and closed
  auto reader = std::make_unique<nba::CachingDataSource>(snapshot, *clock, options);
  std::vector<double> samples;
  for (int i = 0; i < reads; ++i) {
    const auto start = Clock::now();
    (void)fetch(*reader);
    samples.push_back(usSince(start));
  }
  const auto stats = reader->stats();
  reader.reset();
  std::uint64_t stored = 0;
  for (const auto bytes : stats.l2->bytes) stored += bytes;
  std::printf("L2 hit of %s (%zu rows, %zu KB encoded, %llu B stored), %d reads:\n", label,
              value.value().rows.size(), encoded / 1024, static_cast<unsigned long long>(stored),
              reads);
  std::printf("  p50 %.1f us  p99 %.1f us   (target <= 150 us at 100 KB; L2 hits %llu)\n",
              percentile(samples, 0.5), percentile(samples, 0.99),
              static_cast<unsigned long long>(stats.l2_hits));
  printL2Stages(value.value(), reads);
  std::filesystem::remove(options.db_path);
}

// What inflating alone costs at the target's size: 100 KB (102,400 B) of encoded rows (a
// season's lines, then the player index), stored as the cache stores them. The issue asks for
// the whole L2 hit of such a value in <= 150 us and for zlib's format above 1 KiB; this is the
// floor that format sets on this machine.
void benchInflate100KB(const nba::DataSource& snapshot, int reads) {
  auto clock = nba::newSystemClock();
  const nba::CallContext call(*clock, nba::Caller::kCommandLine);
  nba::PlayerSeasonStatsRequest lines;
  lines.season = nba::Season{2024};
  std::string raw = nba::cached::encode(snapshot.playerSeasonStats(call, lines).value());
  raw += nba::cached::encode(snapshot.players(call).value());
  raw.resize(std::min<std::size_t>(raw.size(), 100 * 1024));
  const std::string stored = nba::cache::packValue(raw);
  std::vector<double> unpack;
  for (int i = 0; i < reads; ++i) {
    const auto start = Clock::now();
    (void)nba::cache::unpackValue(stored);
    unpack.push_back(usSince(start));
  }
  std::printf("Inflate alone of %zu B of encoded rows (%zu B stored, zlib format), %d reads:\n",
              raw.size(), stored.size(), reads);
  std::printf("  p50 %.1f us  p99 %.1f us   (the whole L2 hit's target at 100 KB: 150 us)\n",
              percentile(unpack, 0.5), percentile(unpack, 0.99));
}

void benchL2(const nba::DataSource& snapshot, int runs) {
  auto clock = nba::newSystemClock();
  const nba::CallContext call(*clock, nba::Caller::kCommandLine);
  nba::GamesRequest games;
  games.season = nba::Season{2024};
  benchL2Value("the 2024-25 regular season's games", snapshot, runs * 20,
               [&](const nba::DataSource& source) { return source.games(call, games); });
  benchL2Value("the player index", snapshot, runs * 20,
               [&](const nba::DataSource& source) { return source.players(call); });
  nba::PlayerSeasonStatsRequest lines;
  lines.season = nba::Season{2024};
  benchL2Value("the 2024-25 player lines", snapshot, runs * 20, [&](const nba::DataSource& source) {
    return source.playerSeasonStats(call, lines);
  });
  benchInflate100KB(snapshot, runs * 20);
}

void benchToolCall(const std::string& samples, int runs, int latency_ms) {
  httplib::Server server;
  const std::map<std::string, std::string> bodies = {
      {"/stats/commonallplayers", readFile(samples + "commonallplayers__2025-26__0.json")},
      {"/stats/playerindex", readFile(samples + "playerindex__2025-26.json")},
      {"/stats/leaguedashplayerstats",
       readFile(samples + "leaguedashplayerstats__2025-26__RegularSeason__Totals__Base__0.json")},
      {"/stats/leaguestandingsv3",
       readFile(samples + "leaguestandingsv3__2025-26__RegularSeason.json")}};
  server.Get(".*", [&](const httplib::Request& request, httplib::Response& response) {
    std::this_thread::sleep_for(std::chrono::milliseconds(latency_ms));
    const auto body = bodies.find(request.path);
    if (body == bodies.end()) {
      response.status = 404;
      return;
    }
    response.set_content(body->second, "application/json; charset=utf-8");
  });
  const int port = server.bind_to_any_port("127.0.0.1");
  std::thread serving([&] { server.listen_after_bind(); });
  while (!server.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));

  nba::app::Config config;
  config.origin = "live";
  config.nba_stats_url = "http://127.0.0.1:" + std::to_string(port) + "/stats";
  config.nba_min_interval_ms = 0;
  config.fixed_time = "2026-02-22T12:00:00Z";
  config.cache_db = ":memory:";
  config.log_level = "off";
  auto bundle = nba::app::buildServer(config);
  if (!bundle.ok()) {
    std::fprintf(stderr, "%s\n", bundle.status().message().c_str());
    return;
  }
  nba::tools::NbaTool leaders;
  for (auto& tool : nba::tools::allNbaTools()) {
    if (tool.name == "get_league_leaders") leaders = std::move(tool);
  }
  const nlohmann::json arguments = {{"stat", "points"}, {"limit", 10}};
  (void)leaders.run(arguments, *bundle->env);  // the player index, names, standings
  std::vector<double> miss_us, hit_us;
  for (int i = 0; i < runs; ++i) {
    bundle->origin->cached->invalidate("player_season_stats", "");
    auto start = Clock::now();
    const bool failed = leaders.run(arguments, *bundle->env).is_error;
    miss_us.push_back(usSince(start));
    if (failed) std::printf("  a missing call failed\n");
    for (int j = 0; j < 50; ++j) {
      start = Clock::now();
      (void)leaders.run(arguments, *bundle->env);
      hit_us.push_back(usSince(start));
    }
  }
  server.stop();
  serving.join();
  const double miss = percentile(miss_us, 0.5), hit = percentile(hit_us, 0.5);
  std::printf("get_league_leaders in process, loopback NBA.com at %d ms, %d misses, %d hits:\n",
              latency_ms, runs, runs * 50);
  std::printf(
      "  missing the cache p50 %.1f ms; served from it p50 %.1f us: %.0fx faster"
      "   (target >= 1000x)\n",
      miss / 1000, hit, miss / hit);
}

// The snapshot answering as slowly as a fast NBA.com: `delay` per request.
class SlowOrigin : public nba::ForwardingDataSource {
 public:
  SlowOrigin(const nba::DataSource& inner, std::chrono::microseconds delay)
      : inner_(inner), delay_(delay) {}
  nba::Result<nba::Table<nba::PlayerSeasonLine>> playerCareer(
      const nba::CallContext& context, const std::string& player_id) const override {
    std::this_thread::sleep_for(delay_);
    return inner_.playerCareer(context, player_id);
  }

 protected:
  nba::Result<const nba::DataSource*> target(const nba::CallContext&) const override {
    return &inner_;
  }

 private:
  const nba::DataSource& inner_;
  std::chrono::microseconds delay_;
};

// Misses only (every player's career, each its own key, from an origin answering in 1 ms),
// with and without the SQLite file: what the L2 lookup and the write-behind add to a miss.
void benchWriteBehind(const nba::DataSource& snapshot) {
  auto clock = nba::newSystemClock();
  const nba::CallContext call(*clock, nba::Caller::kCommandLine);
  auto players = snapshot.players(call);
  std::vector<std::string> ids;
  for (const auto& player : players->rows) ids.push_back(player.player_id);
  const SlowOrigin origin(snapshot, std::chrono::milliseconds(1));
  const auto run = [&](const std::string& db) {
    nba::CacheOptions options;
    options.db_path = db;
    nba::CachingDataSource cached(origin, *clock, options);
    std::vector<double> samples;
    for (const std::string& id : ids) {
      const auto start = Clock::now();
      (void)cached.playerCareer(call, id);
      samples.push_back(usSince(start));
    }
    return std::pair{percentile(samples, 0.5), percentile(samples, 0.99)};
  };
  const auto memory_only = run("");
  const std::string db = tempDb("write-behind.db");
  const auto with_file = run(db);
  std::filesystem::remove(db);
  std::printf(
      "misses (%zu careers, each its own key, origin answering in 1 ms), with and without the "
      "SQLite file:\n",
      ids.size());
  std::printf("  L1 only  p50 %.2f us  p99 %.2f us\n", memory_only.first, memory_only.second);
  std::printf("  L1 + L2  p50 %.2f us  p99 %.2f us: p99 %+.1f %%   (target within 10 %%)\n",
              with_file.first, with_file.second, (with_file.second / memory_only.second - 1) * 100);
}

}  // namespace

int main(int argc, char** argv) {
  std::string data = NBA_MCP_SHARED_DATA_DIR;
  int runs = 21;
  int latency_ms = 200;
  CLI::App app{"What the cache costs and saves"};
  app.add_option("--data", data, "The reference data (../shared/data)")->capture_default_str();
  app.add_option("--runs", runs, "Runs per measurement")->check(CLI::Range(1, 10000));
  app.add_option("--latency-ms", latency_ms, "The loopback NBA.com's latency")
      ->check(CLI::Range(0, 10000));
  std::string questions = NBA_MCP_GOLDEN_QUESTIONS;
  app.add_option("--questions", questions, "The question mix whose hit ratio is measured")
      ->capture_default_str();
  std::string only;
  app.add_option("--only", only, "Run one section: l1, l2, write-behind, tool-call or hit-ratio")
      ->check(CLI::IsMember({"l1", "l2", "write-behind", "tool-call", "hit-ratio"}));
  CLI11_PARSE(app, argc, argv);
  const auto runs_section = [&](const char* name) { return only.empty() || only == name; };
  auto snapshot = nba::newEmbeddedSnapshotSource();
  if (!snapshot.ok()) {
    std::fprintf(stderr, "%s\n", snapshot.status().message().c_str());
    return 2;
  }
  if (runs_section("l1")) benchL1(*snapshot.value(), runs);
  if (runs_section("l2")) benchL2(*snapshot.value(), runs);
  if (runs_section("write-behind")) benchWriteBehind(*snapshot.value());
  if (runs_section("tool-call")) {
    benchToolCall(data + "/statsnba-samples/", std::max(3, runs / 4), latency_ms);
  }
  if (!runs_section("hit-ratio")) return 0;
  return nba::bench::printGoldenHitRatio(questions) ? 0 : 2;
}
