#include "app/season_days_reader.h"

namespace nba::app {

nlq::SeasonDays seasonDaysOf(Season season, const Rows<Game>& games, bool complete) {
  nlq::SeasonDays days;
  days.season = season;
  std::string last;
  for (const Game& game : games) {
    if (game.kind == GameKind::kCupFinal) {
      days.cup_final = game.date;
      continue;  // not a standings game: neither opens nor closes the season
    }
    if (days.first.empty() || game.date < days.first) days.first = game.date;
    if (game.date > last) last = game.date;
  }
  if (complete) days.last = last;
  return days;
}

std::vector<nlq::SeasonDays> SeasonDaysReader::read(const DataSource& data,
                                                    const CallContext& call) {
  auto seasons = data.seasons(call);
  if (!seasons.ok()) {
    return {};
  }
  std::vector<nlq::SeasonDays> out;
  std::lock_guard lock(mutex_);
  for (const SeasonCoverage& coverage : seasons.value()) {
    auto kept = kept_.find(coverage.season.start_year);
    if (kept == kept_.end() || kept->second.as_of != coverage.as_of) {
      GamesRequest request;
      request.season = coverage.season;
      auto games = data.games(call, request);
      if (!games.ok()) continue;
      nlq::SeasonDays days =
          seasonDaysOf(coverage.season, games->rows, coverage.coverage == Coverage::kComplete);
      kept = kept_.insert_or_assign(coverage.season.start_year, Kept{coverage.as_of, days}).first;
    }
    out.push_back(kept->second.days);
  }
  return out;
}

}  // namespace nba::app
