#include "origin/live/live_source.h"

#include <algorithm>
#include <mutex>

#include "core/calendar_date.h"
#include "domain/season_resolver.h"
#include "origin/live/json_fields.h"
#include "origin/live/slim_response.h"
#include "origin/live/stats_parsers.h"
#include "origin/live/stats_query.h"
#include "origin/request_filters.h"

namespace nba::live {
namespace {

constexpr char kSource[] = "live";

// The player index, kept between calls (see LiveOptions::player_index_ttl): commonallplayers'
// names, with the season's bios from playerindex merged in when that request worked.
struct PlayerIndex {
  std::shared_ptr<const std::vector<Player>> players;
  std::chrono::steady_clock::time_point fetched_at;
  std::string as_of;
  bool with_bios = false;
  std::chrono::steady_clock::time_point bios_tried_at;
};

// A failed bios request is tried again on a call at most this often; meanwhile the names
// serve without positions, heights and weights.
constexpr std::chrono::minutes kBiosRetry{1};

class LiveSource : public DataSource {
 public:
  LiveSource(const HttpClient& http, TeamDirectory teams, LiveOptions options)
      : http_(http), teams_(std::move(teams)), options_(std::move(options)) {}

  Result<std::vector<SeasonCoverage>> seasons(const CallContext& context) const override {
    const Season current = seasonAt(context.clock().wallNow());
    const std::string today = calendarDate(context.clock().wallNow());
    std::vector<SeasonCoverage> seasons;
    for (int year = options_.first_season; year <= current.start_year; ++year) {
      const bool in_progress = year == current.start_year;
      seasons.push_back(
          {Season{year}, in_progress ? Coverage::kPartial : Coverage::kComplete, today});
    }
    return seasons;
  }

  Result<Table<Team>> teams(const CallContext& context) const override {
    Table<Team> table;
    table.meta = meta(context, std::nullopt, "NBA.com franchises (built in)");
    table.rows = Rows<Team>(std::make_shared<const std::vector<Team>>(teams_.all()));
    return table;
  }

  Result<Table<Player>> players(const CallContext& context) const override {
    auto index = cachedPlayerIndex(context);
    if (!index.ok()) {
      return index.status();
    }
    Table<Player> table;
    table.meta = meta(context, std::nullopt,
                      index.value().with_bios ? "NBA.com commonallplayers and playerindex"
                                              : "NBA.com commonallplayers");
    table.meta.as_of = index.value().as_of;
    table.rows = Rows<Player>(index.value().players);
    return table;
  }

  Result<Player> player(const CallContext& context, const std::string& player_id) const override {
    auto index = cachedPlayerIndex(context);
    if (!index.ok()) {
      return index.status();
    }
    for (const Player& player : *index.value().players) {
      if (player.player_id == player_id) return player;
    }
    return notFound("no player with id '" + player_id + "' at NBA.com");
  }

  Result<Table<PlayerSeasonLine>> playerSeasonStats(
      const CallContext& context, const PlayerSeasonStatsRequest& request) const override {
    const StatsQuery query = leagueDashPlayerStats(request.season, request.season_type, "Base");
    auto response = fetch(context, query);
    if (!response.ok()) {
      return response.status();
    }
    auto lines = parsePlayerSeasonLines(response.value(), request.season);
    if (!lines.ok()) {
      return lines.status();
    }
    std::vector<PlayerSeasonLine> kept;
    for (PlayerSeasonLine& line : lines.value()) {
      if (!requestKeeps(request, line)) continue;
      kept.push_back(std::move(line));
    }
    return table(context, request.season, query, std::move(kept));
  }

  Result<Table<PlayerSeasonLine>> playerCareer(const CallContext& context,
                                               const std::string& player_id) const override {
    const StatsQuery query = playerCareerStats(player_id);
    auto response = fetch(context, query);
    if (!response.ok()) {
      return response.status();
    }
    auto lines = parsePlayerCareer(response.value(), player_id);
    if (!lines.ok()) {
      return lines.status();
    }
    if (lines.value().empty()) {
      return notFound("NBA.com has no regular-season lines for player id '" + player_id + "'");
    }
    return table(context, std::nullopt, query, std::move(lines).value());
  }

  Result<Table<TeamSeasonLine>> teamSeasonStats(const CallContext& context, Season season,
                                                SeasonType season_type) const override {
    std::vector<nlohmann::json> measures;
    for (const char* measure : {"Base", "Advanced", "Opponent"}) {
      auto response = fetch(context, leagueDashTeamStats(season, season_type, measure));
      if (!response.ok()) {
        return response.status();
      }
      measures.push_back(std::move(response).value());
    }
    auto games = fetchGames(context, season, season_type);
    if (!games.ok()) {
      return games.status();
    }
    auto lines =
        parseTeamSeasonLines(measures[0], measures[1], measures[2], games.value(), season, teams_);
    if (!lines.ok()) {
      return lines.status();
    }
    return table(context, season, leagueDashTeamStats(season, season_type, "Base"),
                 std::move(lines).value());
  }

  Result<Table<Game>> games(const CallContext& context,
                            const GamesRequest& request) const override {
    auto games = fetchGames(context, request.season, request.season_type);
    if (!games.ok()) {
      return games.status();
    }
    std::vector<Game> kept;
    for (Game& game : games.value()) {
      if (!requestKeeps(request, game)) continue;
      kept.push_back(std::move(game));
    }
    return table(context, request.season, leagueGameLog(request.season, request.season_type),
                 std::move(kept));
  }

  Result<Table<BoxScorePlayer>> boxScore(const CallContext& context,
                                         const BoxScoreRequest& request) const override {
    const StatsQuery query = boxScoreTraditionalV3(request.game_id);
    auto response = fetch(context, query);
    if (!response.ok()) {
      return response.status();
    }
    auto lines = parseBoxScoreV3(response.value(), request.season);
    if (!lines.ok()) {
      return lines.status();
    }
    if (lines->empty()) {
      return notFound("NBA.com has no player lines for game " + request.game_id);
    }
    auto table = this->table(context, request.season, query, std::move(lines).value());
    table.meta.coverage = Coverage::kComplete;  // one finished game, every player
    return table;
  }

  // Today's games from cdn.nba.com's live scoreboard (game clock, leaders); any other date,
  // or a cdn scoreboard that has already rolled over to another date, from scoreboardv3.
  Result<Table<ScoreboardGame>> scoreboard(const CallContext& context,
                                           const ScoreboardRequest& request) const override {
    if (request.date == easternToday(context)) {
      const std::string url =
          cdnBase() + "/static/json/liveData/scoreboard/todaysScoreboard_00.json";
      auto response = fetchJson(context, url, "cdn.nba.com todaysScoreboard_00");
      if (!response.ok()) {
        return response.status();
      }
      auto games = parseScoreboard(response.value(), "cdn.nba.com todaysScoreboard_00",
                                   request.season, teams_);
      if (!games.ok()) {
        return games.status();
      }
      if (games->empty() || games->front().game.date == request.date) {
        return liveTable(context, request.season, "NBA.com live scoreboard (cdn)",
                         std::move(games).value());
      }
    }
    const StatsQuery query = scoreboardV3(request.date);
    auto response = fetch(context, query);
    if (!response.ok()) {
      return response.status();
    }
    auto games =
        parseScoreboard(response.value(), "stats.nba.com scoreboardv3", request.season, teams_);
    if (!games.ok()) {
      return games.status();
    }
    return table(context, request.season, query, std::move(games).value());
  }

  Result<Table<StandingRow>> standings(const CallContext& context, Season season) const override {
    const StatsQuery query = leagueStandingsV3(season);
    auto response = fetch(context, query);
    if (!response.ok()) {
      return response.status();
    }
    auto rows = parseStandings(response.value(), season, teams_);
    if (!rows.ok()) {
      return rows.status();
    }
    return table(context, season, query, std::move(rows).value());
  }

  Result<Table<AwardEntry>> awards(const CallContext&, std::optional<Season>) const override {
    return Status(StatusCode::kUnimplemented,
                  "NBA.com lists awards only player by player (playerawards), with no voting; "
                  "the live origin cannot list a season's awards");
  }

  // playerawards: his wins and team selections (NBA.com has no vote finishes); honours the
  // snapshot's awards do not have are counted in a note.
  Result<Table<AwardEntry>> playerAwards(const CallContext& context,
                                         const std::string& player_id) const override {
    const StatsQuery query = live::playerAwards(player_id);
    auto response = fetch(context, query);
    if (!response.ok()) {
      return response.status();
    }
    auto parsed = parsePlayerAwards(response.value(), player_id);
    if (!parsed.ok()) {
      return parsed.status();
    }
    const int other = parsed->other_honours;
    auto table = this->table(context, std::nullopt, query, std::move(parsed->entries));
    table.meta.coverage = Coverage::kComplete;
    std::string note = "NBA.com lists award wins and team selections, not vote finishes";
    if (other > 0) {
      note += "; " + std::to_string(other) + (other == 1 ? " other honour" : " other honours") +
              " (All-Star, Player of the Week or Month, …) not shown";
    }
    table.meta.notes.push_back(note + ".");
    return table;
  }

  // The season in progress from cdn.nba.com's schedule file. A season that is over has nothing
  // ahead; a later one is not published yet.
  Result<Table<ScoreboardGame>> upcomingGames(const CallContext& context,
                                              const UpcomingGamesRequest& request) const override {
    constexpr char kUpstream[] = "cdn.nba.com scheduleLeagueV2";
    if (request.season < seasonAt(context.clock().wallNow())) {
      return liveTable(context, request.season, "NBA.com (the season is over)",
                       std::vector<ScoreboardGame>{});
    }
    auto response =
        fetchJson(context, cdnBase() + "/static/json/staticData/scheduleLeagueV2.json", kUpstream);
    if (!response.ok()) {
      return response.status();
    }
    const std::string published =
        textField(objectField(response.value(), "leagueSchedule"), "seasonYear");
    if (published != request.season.label()) {
      return notFound("NBA.com has not published a " + request.season.label() + " schedule" +
                      (published.empty() ? "" : " (its schedule is " + published + "'s)"));
    }
    auto games = parseSchedule(response.value(), kUpstream, request.season, teams_);
    if (!games.ok()) {
      return games.status();
    }
    std::vector<ScoreboardGame> ahead;
    for (ScoreboardGame& row : games.value()) {
      if (row.status == GameStatus::kFinal) continue;
      if (!requestKeeps(request, row)) continue;
      ahead.push_back(std::move(row));
    }
    return liveTable(context, request.season, "NBA.com season schedule (cdn)", std::move(ahead));
  }

  Result<Table<GameLogRow>> playerGameLog(const CallContext& context, const std::string& player_id,
                                          Season season) const override {
    const StatsQuery query = live::playerGameLog(player_id, season, SeasonType::kRegularSeason);
    auto response = fetch(context, query);
    if (!response.ok()) {
      return response.status();
    }
    auto rows = parsePlayerGameLog(response.value(), season, player_id);
    if (!rows.ok()) {
      return rows.status();
    }
    if (rows.value().empty()) {
      return notFound("NBA.com has no " + season.label() + " games for player id '" + player_id +
                      "'");
    }
    return table(context, season, query, std::move(rows).value());
  }

  // leaguegamelog with PlayerOrTeam=P: one request for every player's lines of the season.
  Result<Table<GameLogRow>> seasonGameLogs(const CallContext& context,
                                           Season season) const override {
    const StatsQuery query = leagueGameLog(season, SeasonType::kRegularSeason, "P");
    auto response = fetch(context, query);
    if (!response.ok()) {
      return response.status();
    }
    auto rows = parseLeagueGameLogPlayers(response.value(), season);
    if (!rows.ok()) {
      return rows.status();
    }
    if (rows->empty()) {
      return notFound("NBA.com has no " + season.label() + " game logs");
    }
    return table(context, season, query, std::move(rows).value());
  }

 private:
  Result<nlohmann::json> fetch(const CallContext& context, const StatsQuery& query) const {
    return fetchJson(context, query.url(options_.stats_url), query.upstream());
  }

  Result<HttpResponse> fetchResponse(const CallContext& context, const std::string& url,
                                     const std::string& upstream) const {
    return http_.get(context, HttpRequest{url, options_.headers, upstream});
  }

  Result<nlohmann::json> fetchJson(const CallContext& context, const std::string& url,
                                   const std::string& upstream) const {
    auto response = fetchResponse(context, url, upstream);
    if (!response.ok()) {
      return response.status();
    }
    auto parsed = nlohmann::json::parse(response.value().body, nullptr, false);
    if (parsed.is_discarded()) {
      return dataLoss(upstream + " sent a response that is not JSON (" +
                      std::to_string(response.value().body.size()) + " bytes, " +
                      (response.value().content_type.empty() ? "no content type"
                                                             : response.value().content_type) +
                      ")");
    }
    return parsed;
  }

  Result<std::vector<Game>> fetchGames(const CallContext& context, Season season,
                                       SeasonType type) const {
    auto response = fetch(context, leagueGameLog(season, type));
    if (!response.ok()) {
      return response.status();
    }
    return parseLeagueGameLog(response.value(), season, teams_);
  }

  Result<PlayerIndex> cachedPlayerIndex(const CallContext& context) const {
    const auto now = context.clock().monotonicNow();
    PlayerIndex kept;
    {
      std::lock_guard lock(mutex_);
      kept = index_;
    }
    const bool fresh = kept.players && now - kept.fetched_at < options_.player_index_ttl;
    if (fresh && (kept.with_bios || now - kept.bios_tried_at < kBiosRetry)) {
      return kept;
    }
    if (!fresh) {
      auto names = fetchPlayerNames(context);
      if (!names.ok()) {
        return names.status();
      }
      kept = PlayerIndex{};
      kept.players = std::make_shared<const std::vector<Player>>(std::move(names).value());
      kept.fetched_at = now;
      kept.as_of = calendarDate(context.clock().wallNow());
    }
    kept = withBios(context, std::move(kept));
    std::lock_guard lock(mutex_);
    index_ = kept;
    return kept;
  }

  // commonallplayers: every player NBA.com knows, with the snapshot's prominence.
  Result<std::vector<Player>> fetchPlayerNames(const CallContext& context) const {
    const StatsQuery query = commonAllPlayers(seasonAt(context.clock().wallNow()));
    auto body = fetchResponse(context, query.url(options_.stats_url), query.upstream());
    if (!body.ok()) {
      return body.status();
    }
    // The largest response the server reads: only the columns parsePlayers reads are kept.
    auto response = parseSlimResponse(body.value().body, query.upstream(), "CommonAllPlayers",
                                      playersColumns());
    if (!response.ok()) {
      return response.status();
    }
    auto players = parsePlayers(response.value(), teams_);
    if (!players.ok()) {
      return players.status();
    }
    for (Player& player : players.value()) {
      if (auto it = options_.prominence.find(player.player_id); it != options_.prominence.end()) {
        player.prominence = it->second;
      }
    }
    return players;
  }

  // `index` with the season's bios merged in from playerindex. A failure leaves the names as
  // they are (a name lookup or a stat line needs no height) and is tried again later.
  PlayerIndex withBios(const CallContext& context, PlayerIndex index) const {
    index.bios_tried_at = context.clock().monotonicNow();
    auto response = fetch(context, playerIndex(seasonAt(context.clock().wallNow())));
    if (!response.ok()) {
      return index;
    }
    auto bios = parsePlayerBios(response.value());
    if (!bios.ok()) {
      return index;
    }
    auto players = std::make_shared<std::vector<Player>>(*index.players);
    applyPlayerBios(bios.value(), *players);
    index.players = std::move(players);
    index.with_bios = true;
    return index;
  }

  TableMeta meta(const CallContext& context, std::optional<Season> season,
                 std::string origin) const {
    TableMeta meta;
    meta.season = season;
    meta.as_of = calendarDate(context.clock().wallNow());
    meta.source = kSource;
    meta.origin = std::move(origin);
    const Season current = seasonAt(context.clock().wallNow());
    meta.coverage = season && *season == current ? Coverage::kPartial : Coverage::kComplete;
    return meta;
  }

  template <typename Row>
  Table<Row> table(const CallContext& context, std::optional<Season> season,
                   const StatsQuery& query, std::vector<Row> rows) const {
    return liveTable(context, season, "NBA.com " + query.endpoint, std::move(rows));
  }

  template <typename Row>
  Table<Row> liveTable(const CallContext& context, std::optional<Season> season, std::string origin,
                       std::vector<Row> rows) const {
    Table<Row> table;
    table.meta = meta(context, season, std::move(origin));
    table.rows = Rows<Row>(std::make_shared<const std::vector<Row>>(std::move(rows)));
    return table;
  }

  std::string cdnBase() const {
    std::string base = options_.cdn_url;
    while (!base.empty() && base.back() == '/') base.pop_back();
    return base;
  }

  // The NBA's calendar day (core/calendar_date.h).
  static std::string easternToday(const CallContext& context) {
    return easternCalendarDate(context.clock().wallNow());
  }

  const HttpClient& http_;
  const TeamDirectory teams_;
  const LiveOptions options_;
  mutable std::mutex mutex_;
  mutable PlayerIndex index_;
};

}  // namespace

std::vector<std::pair<std::string, std::string>> defaultNbaHeaders() {
  return {
      {"User-Agent",
       "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) "
       "Chrome/145.0.0.0 Safari/537.36"},
      {"Accept", "application/json, text/plain, */*"},
      {"Accept-Language", "en-US,en;q=0.5"},
      {"Connection", "keep-alive"},
      {"Referer", "https://www.nba.com/"},
      {"Origin", "https://www.nba.com"},
      {"Pragma", "no-cache"},
      {"Cache-Control", "no-cache"},
      {"Sec-Ch-Ua", R"("Not:A-Brand";v="99", "Google Chrome";v="145", "Chromium";v="145")"},
      {"Sec-Ch-Ua-Mobile", "?0"},
      {"Sec-Fetch-Dest", "empty"},
  };
}

std::unique_ptr<DataSource> newLiveSource(const HttpClient& http, TeamDirectory teams,
                                          LiveOptions options) {
  return std::make_unique<LiveSource>(http, std::move(teams), std::move(options));
}

}  // namespace nba::live
