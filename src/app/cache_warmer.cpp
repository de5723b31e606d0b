#include "app/cache_warmer.h"

#include <spdlog/spdlog.h>

#include "domain/season_resolver.h"

namespace nba::app {

CacheWarmer::CacheWarmer(const DataSource& source, const Clock& clock)
    : thread_([this, &source, &clock] { warm(source, clock); }) {}

CacheWarmer::~CacheWarmer() {
  stopping_ = true;
  thread_.join();
}

void CacheWarmer::warm(const DataSource& source, const Clock& clock) {
  CallContext call(clock, Caller::kBackground);
  call.withCancelProbe([this] { return stopping_.load(); });
  const Season current = seasonAt(clock.wallNow());
  PlayerSeasonStatsRequest lines;
  lines.season = current;
  const auto report = [](const char* what, const Status& status) {
    if (!status.isOk()) spdlog::info("--warm: {} not cached: {}", what, status.message());
  };
  report("the team list", source.teams(call).status());
  if (!stopping_) report("the player index", source.players(call).status());
  if (!stopping_)
    report("this season's player lines", source.playerSeasonStats(call, lines).status());
  if (!stopping_) report("this season's standings", source.standings(call, current).status());
  done_ = true;
}

}  // namespace nba::app
