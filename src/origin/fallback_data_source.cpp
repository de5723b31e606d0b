#include "origin/fallback_data_source.h"

#include <atomic>
#include <chrono>
#include <mutex>

namespace nba {
namespace {

bool shouldFallBack(const Status& status, const CallContext& context) {
  if (context.cancelled() || context.expired()) {
    return false;
  }
  switch (status.code()) {
    case StatusCode::kCancelled:
    case StatusCode::kNotFound:
    case StatusCode::kOk:
      return false;
    default:
      return true;
  }
}

std::string reasonOf(const Status& status) {
  switch (status.code()) {
    case StatusCode::kResourceExhausted:
      return "NBA.com not asked: the daily request quota is used up";
    case StatusCode::kUnimplemented:
      return "Not available from NBA.com";
    case StatusCode::kDataLoss:
      return "NBA.com sent a response that could not be read";
    case StatusCode::kDeadlineExceeded:
      return "NBA.com did not answer in time";
    case StatusCode::kInvalidArgument:
      return "NBA.com rejected the request";
    default:
      return "NBA.com unreachable";
  }
}

// "NBA.com unreachable — offline snapshot, 2025-26 as of 2026-02-21."
std::string fallbackNote(const Status& primary, const TableMeta& meta) {
  std::string note = reasonOf(primary) + " — offline " + meta.source;
  if (meta.season) note += ", " + meta.season->label();
  if (!meta.as_of.empty()) note += " as of " + meta.as_of;
  return note + ".";
}

Status bothFailed(const Status& primary, const Status& secondary) {
  const StatusCode code =
      primary.code() == StatusCode::kUnimplemented ? secondary.code() : primary.code();
  return Status(code, primary.message() +
                          "; the offline snapshot cannot answer either: " + secondary.message());
}

class FallbackDataSource : public DataSource {
 public:
  FallbackDataSource(const DataSource& primary, const DataSource& secondary)
      : primary_(primary), secondary_(secondary) {}

  Result<std::vector<SeasonCoverage>> seasons(const CallContext& context) const override {
    if (state_ == State::kUnknown) {
      // Learn whether the primary answers before "this season" is chosen from its seasons:
      // ask for the player index, which every name lookup needs anyway.
      (void)players(context);
    }
    return (state_ == State::kDegraded ? secondary_ : primary_).seasons(context);
  }
  Result<Table<Team>> teams(const CallContext& context) const override {
    return firstThatAnswers<Table<Team>>(
        context, [&](const DataSource& source) { return source.teams(context); });
  }
  Result<Table<Player>> players(const CallContext& context) const override {
    return firstThatAnswers<Table<Player>>(
        context, [&](const DataSource& source) { return source.players(context); });
  }
  Result<Player> player(const CallContext& context, const std::string& player_id) const override {
    return firstThatAnswers<Player>(
        context, [&](const DataSource& source) { return source.player(context, player_id); });
  }
  Result<Table<PlayerSeasonLine>> playerSeasonStats(
      const CallContext& context, const PlayerSeasonStatsRequest& request) const override {
    return firstThatAnswers<Table<PlayerSeasonLine>>(context, [&](const DataSource& source) {
      return source.playerSeasonStats(context, request);
    });
  }
  Result<Table<PlayerSeasonLine>> playerCareer(const CallContext& context,
                                               const std::string& player_id) const override {
    return firstThatAnswers<Table<PlayerSeasonLine>>(
        context, [&](const DataSource& source) { return source.playerCareer(context, player_id); });
  }
  Result<Table<TeamSeasonLine>> teamSeasonStats(const CallContext& context, Season season,
                                                SeasonType season_type) const override {
    return firstThatAnswers<Table<TeamSeasonLine>>(context, [&](const DataSource& source) {
      return source.teamSeasonStats(context, season, season_type);
    });
  }
  Result<Table<Game>> games(const CallContext& context,
                            const GamesRequest& request) const override {
    return firstThatAnswers<Table<Game>>(
        context, [&](const DataSource& source) { return source.games(context, request); });
  }
  Result<Table<BoxScorePlayer>> boxScore(const CallContext& context,
                                         const BoxScoreRequest& request) const override {
    return firstThatAnswers<Table<BoxScorePlayer>>(
        context, [&](const DataSource& source) { return source.boxScore(context, request); });
  }
  Result<Table<AwardEntry>> playerAwards(const CallContext& context,
                                         const std::string& player_id) const override {
    return firstThatAnswers<Table<AwardEntry>>(
        context, [&](const DataSource& source) { return source.playerAwards(context, player_id); });
  }
  Result<Table<ScoreboardGame>> upcomingGames(const CallContext& context,
                                              const UpcomingGamesRequest& request) const override {
    return firstThatAnswers<Table<ScoreboardGame>>(
        context, [&](const DataSource& source) { return source.upcomingGames(context, request); });
  }
  Result<Table<ScoreboardGame>> scoreboard(const CallContext& context,
                                           const ScoreboardRequest& request) const override {
    return firstThatAnswers<Table<ScoreboardGame>>(
        context, [&](const DataSource& source) { return source.scoreboard(context, request); });
  }
  Result<Table<StandingRow>> standings(const CallContext& context, Season season) const override {
    return firstThatAnswers<Table<StandingRow>>(
        context, [&](const DataSource& source) { return source.standings(context, season); });
  }
  Result<Table<AwardEntry>> awards(const CallContext& context,
                                   std::optional<Season> season) const override {
    return firstThatAnswers<Table<AwardEntry>>(
        context, [&](const DataSource& source) { return source.awards(context, season); });
  }
  Result<Table<GameLogRow>> seasonGameLogs(const CallContext& context,
                                           Season season) const override {
    return firstThatAnswers<Table<GameLogRow>>(
        context, [&](const DataSource& source) { return source.seasonGameLogs(context, season); });
  }
  Result<Table<GameLogRow>> playerGameLog(const CallContext& context, const std::string& player_id,
                                          Season season) const override {
    return firstThatAnswers<Table<GameLogRow>>(context, [&](const DataSource& source) {
      return source.playerGameLog(context, player_id, season);
    });
  }

 private:
  template <typename T, typename Ask>
  Result<T> firstThatAnswers(const CallContext& context, Ask ask) const {
    const auto now = context.clock().monotonicNow().time_since_epoch().count();
    Status failure = Status::ok();
    if (now < skip_primary_until_) {
      failure = pausedFailure();
    } else {
      Result<T> first = ask(primary_);
      if (first.ok()) {
        state_ = State::kHealthy;
        return first;
      }
      if (!shouldFallBack(first.status(), context)) {
        return first;
      }
      failure = first.status();
      pauseAfter(failure, context);
      // Only an NBA.com that cannot answer at all makes the snapshot's seasons "this
      // season"'s; a request it does not serve (a season's awards) or one bad response does not.
      if (failure.code() == StatusCode::kUnavailable ||
          failure.code() == StatusCode::kDeadlineExceeded) {
        state_ = State::kDegraded;
      }
    }
    Result<T> second = ask(secondary_);
    if (!second.ok()) {
      return bothFailed(failure, second.status());
    }
    if constexpr (requires { second.value().meta; }) {
      second.value().meta.notes.push_back(fallbackNote(failure, second.value().meta));
    }
    return second;
  }

  // A primary that could not be reached is not asked again for kPrimaryPause: the burst of
  // requests one tool call or question makes goes straight to the secondary instead of
  // building and refusing a request each (the live origin's breaker decides when to probe).
  void pauseAfter(const Status& failure, const CallContext& context) const {
    if (failure.code() != StatusCode::kUnavailable) return;
    {
      std::lock_guard lock(mutex_);
      last_unreachable_ = failure;
    }
    skip_primary_until_ =
        (context.clock().monotonicNow() + kPrimaryPause).time_since_epoch().count();
  }

  // Said as what it is: the failure was another request's ("cannot reach stats.nba.com
  // commonallplayers 2026-27" must not read as the cause of a standings request).
  Status pausedFailure() const {
    std::lock_guard lock(mutex_);
    return Status(last_unreachable_.code(),
                  "NBA.com was not asked: it could not be reached a moment ago (" +
                      last_unreachable_.message() + ")");
  }

  const DataSource& primary_;
  const DataSource& secondary_;
  // Whether the primary answered its latest request (kUnknown before the first).
  enum class State { kUnknown, kHealthy, kDegraded };
  mutable std::atomic<State> state_{State::kUnknown};
  static constexpr std::chrono::seconds kPrimaryPause{1};
  mutable std::atomic<std::chrono::steady_clock::rep> skip_primary_until_{0};
  mutable std::mutex mutex_;
  mutable Status last_unreachable_ = Status::ok();
};

}  // namespace

std::unique_ptr<DataSource> newFallbackDataSource(const DataSource& primary,
                                                  const DataSource& secondary) {
  return std::make_unique<FallbackDataSource>(primary, secondary);
}

}  // namespace nba
