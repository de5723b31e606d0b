#include "nba/tools/league_leaders_tool.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <unordered_set>
#include <variant>

#include "nba/tools/arguments.h"
#include "nba/tools/day_leaders.h"
#include "nba/tools/leaders_qualification.h"
#include "nba/tools/markdown.h"
#include "nba/tools/prose.h"
#include "nba/tools/provenance.h"
#include "nba/tools/typed_tool.h"

namespace nba::tools {
namespace {

using nlohmann::json;
using stats::PerMode;
using stats::StatDef;
using stats::StatKind;

constexpr int kFullSeasonGames = 82;

// The decoded arguments of one call.
struct LeadersQuery {
  SeasonChoice season;
  SeasonType season_type = SeasonType::kRegularSeason;
  const StatDef* stat = nullptr;
  PerMode mode = PerMode::kPerGame;
  std::size_t limit = 10;
  std::optional<int> min_games;
  std::optional<std::string> conference;  // "East" | "West"
  std::optional<ResolvedTeam> team;
  std::optional<char> position;  // 'G', 'F' or 'C'
  bool rookies = false;          // only players in their first NBA season
};

struct RankedRow {
  QualifiedLine qualified;
  int rank = 0;
  std::string display;
};

Result<LeadersQuery> decodeSeasonQuery(const json& arguments, const ToolEnv& env) {
  LeadersQuery query;
  auto season = seasonArgument(arguments, env);
  if (!season.ok()) {
    return season.status();
  }
  query.season = *season;
  if (optionalString(arguments, "season_type").value_or("") == "Playoffs") {
    query.season_type = SeasonType::kPlayoffs;
  }
  auto stat = statArgument(arguments.at("stat").get<std::string>());
  if (!stat.ok()) {
    return stat.status();
  }
  query.stat = *stat;
  query.mode = perModeArgument(arguments);
  query.limit = arguments.value("limit", 10);
  if (auto it = arguments.find("min_games"); it != arguments.end() && it->is_number_integer()) {
    query.min_games = it->get<int>();
  }
  query.conference = optionalString(arguments, "conference");
  if (auto position = optionalString(arguments, "position")) {
    if (*position != "G" && *position != "F" && *position != "C") {
      return invalidArgument("position '" + position->substr(0, 20) +
                             "' is not one of G (guards), F (forwards) or C (centers).");
    }
    query.position = position->front();
  }
  if (auto it = arguments.find("rookies"); it != arguments.end() && it->is_boolean()) {
    query.rookies = it->get<bool>();
  }
  auto team = teamInConference(arguments, env, query.conference);
  if (!team.ok()) {
    return team.status();
  }
  query.team = std::move(team).value();
  return query;
}

// Games each team has played: 82 in a finished season; in one in progress the most any team
// has played in the standings built from the same games as the player lines.
int teamGamesPlayed(const ToolEnv& env, Season season, Coverage coverage) {
  if (coverage == Coverage::kComplete) {
    return kFullSeasonGames;
  }
  auto standings = env.data.standings(env.call, season);
  int most = 0;
  if (standings.ok()) {
    for (const StandingRow& row : standings->rows) {
      most = std::max(most, row.w + row.l);
    }
  }
  return most > 0 ? most : kFullSeasonGames;
}

Result<Table<PlayerSeasonLine>> fetchLines(const LeadersQuery& query, const ToolEnv& env) {
  PlayerSeasonStatsRequest request;
  request.season = query.season.season;
  request.season_type = query.season_type;
  if (query.team) {
    // A team's board counts what players did for that team: traded players' stints with it.
    request.team = query.team->team.abbr;
  } else {
    request.season_lines_only = true;
  }
  return env.data.playerSeasonStats(env.call, request);
}

// Keeps the season lines whose player's last team is in `conference`.
void keepConference(Rows<PlayerSeasonLine>& lines, const std::string& conference,
                    const ToolEnv& env) {
  auto teams = env.data.teams(env.call);
  if (!teams.ok()) {
    return;
  }
  std::vector<std::string> members;
  for (const Team& team : teams->rows) {
    if (team.conference == conference) {
      members.push_back(team.abbr);
    }
  }
  lines.dropIf([&](const PlayerSeasonLine& line) {
    return std::find(members.begin(), members.end(), line.lastTeam()) == members.end();
  });
}

// Keeps the lines of players listed at `position`: a guard's position has a G (PG, SG, G,
// G-F), a forward's an F, a center's a C; a hybrid counts for both of his.
void keepPosition(Rows<PlayerSeasonLine>& lines, char position) {
  lines.dropIf([position](const PlayerSeasonLine& line) {
    return line.position.find(position) == std::string::npos;
  });
}

// Keeps the lines of players whose first NBA season (the player index's from_year) is
// `season`: its rookies. A player the index does not date is left out.
Status keepRookies(Rows<PlayerSeasonLine>& lines, Season season, const ToolEnv& env) {
  auto players = env.data.players(env.call);
  if (!players.ok()) {
    return players.status();
  }
  std::unordered_set<std::string_view> rookies;
  for (const Player& player : players->rows) {
    if (player.from_year == season.start_year) rookies.insert(player.player_id);
  }
  lines.dropIf(
      [&rookies](const PlayerSeasonLine& line) { return !rookies.contains(line.player_id); });
  return Status::ok();
}

// "guards", "forwards", "centers".
std::string positionGroup(char position) {
  return position == 'G' ? "guards" : position == 'F' ? "forwards" : "centers";
}

// Equal to the last bit but for rounding in the arithmetic: 0.5 * 3 + 1 over 2 and 2.5 over 2
// are one value however they were computed.
bool sameValue(double a, double b) {
  return std::fabs(a - b) <= 1e-9 * std::max(1.0, std::fabs(b));
}

// The best `limit` lines, best first, ranked on unrounded values as the NBA ranks them (150
// steals in 74 games leads 150 in 75, though both show 2.0); only equal unrounded values share
// a rank (1, 2, 2, 4). A rank depends only on the lines above it, so only the shown lines are
// sorted and formatted. Every board lists the most of a stat, turnovers included.
std::vector<RankedRow> rankLines(std::vector<QualifiedLine> lines, const StatDef& stat,
                                 PerMode mode, std::size_t limit) {
  std::size_t shown = std::min(limit, lines.size());
  std::partial_sort(lines.begin(), lines.begin() + static_cast<std::ptrdiff_t>(shown), lines.end(),
                    [](const QualifiedLine& a, const QualifiedLine& b) {
                      if (a.unrounded != b.unrounded) {
                        return a.unrounded > b.unrounded;
                      }
                      return a.line->player_id < b.line->player_id;
                    });
  std::vector<RankedRow> rows;
  rows.reserve(shown);
  for (std::size_t i = 0; i < shown; ++i) {
    RankedRow row{lines[i], static_cast<int>(i) + 1, stats::formatStat(stat, mode, lines[i].value)};
    if (i > 0 && sameValue(lines[i].unrounded, rows.back().qualified.unrounded)) {
      row.rank = rows.back().rank;
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

// "NBA", "Eastern Conference", "Boston Celtics"; "NBA guards" with a position.
std::string scopeTitle(const LeadersQuery& query) {
  std::string title = query.team         ? query.team->team.name
                      : query.conference ? *query.conference + "ern Conference"
                                         : std::string("NBA");
  if (query.rookies) title += " rookie";
  if (query.position) return title + " " + positionGroup(*query.position);
  return query.rookies ? title + "s" : title;
}

std::string scopeName(const LeadersQuery& query) { return "the " + scopeTitle(query); }

// "2024-25", or "2023-24 playoffs".
std::string seasonName(const LeadersQuery& query) {
  return query.season.season.label() +
         (query.season_type == SeasonType::kPlayoffs ? " playoffs" : "");
}

// "with 32.7 points per game" / "in 3-point percentage (45.4%)".
std::string valuePhrase(const StatDef& stat, PerMode mode, const std::string& display) {
  std::string label = lowerFirst(stat.label);
  if (stat.kind != StatKind::kCounting) {
    return "in " + label + " (" + display + ")";
  }
  if (stat.code == "GP" || stat.code == "GS" || mode == PerMode::kTotals) {
    return "with " + display + " " + label;
  }
  return "with " + display + " " + label +
         (mode == PerMode::kPer36 ? " per 36 minutes" : " per game");
}

std::string answerSentence(const LeadersQuery& query, const std::vector<RankedRow>& rows,
                           const std::vector<std::string>& names, const TableMeta& meta) {
  bool complete = meta.coverage == Coverage::kComplete;
  std::string when = (query.season_type == SeasonType::kPlayoffs ? " in the " : " in ") +
                     seasonName(query) + (complete ? "" : " (as of " + meta.as_of + ")") + ".";
  if (rows.empty()) {
    return "No player qualifies for " + scopeName(query) + "'s " + lowerFirst(query.stat->label) +
           " board" + when + " Pass a lower min_games to see more players.";
  }
  std::vector<std::string> leaders;
  for (std::size_t i = 0; i < names.size() && rows[i].rank == 1; ++i) {
    leaders.push_back(names[i]);
  }
  std::string verb = leaders.size() > 1 ? (complete ? "shared the lead of " : "share the lead of ")
                                        : (complete ? "led " : "leads ");
  return joinNames(leaders) + " " + verb + scopeName(query) + " " +
         valuePhrase(*query.stat, query.mode, rows.front().display) + when;
}

std::string playerName(const std::string& player_id, const ToolEnv& env) {
  auto player = env.data.player(env.call, player_id);
  return player.ok() ? player->name : player_id;
}

json rowJson(const RankedRow& row, const std::string& name, const std::string& team,
             const QualificationRule& rule) {
  const PlayerSeasonLine& line = *row.qualified.line;
  // Member by member: a nested initializer list deep-copies every member, which made this
  // the costliest part of a limit-50 call.
  json out = json::object();
  out["rank"] = row.rank;
  out["player_id"] = line.player_id;
  out["player"] = name;
  out["team"] = team;
  json& teams = out["teams"] = json::array();
  for (const std::string& abbr : line.teams) teams.push_back(abbr);
  out["gp"] = line.gp;
  out["value"] = row.qualified.value;
  out["display"] = row.display;
  out["by_exception"] = row.qualified.by_exception;
  out["made"] = rule.kind == QualificationRule::Kind::kMade ? json(madeCount(line, rule.made_code))
                                                            : json(nullptr);
  return out;
}

std::string markdownTable(const LeadersQuery& query, const std::vector<RankedRow>& rows,
                          const std::vector<std::string>& names, const QualificationRule& rule) {
  std::vector<std::string> headers = {"Rank", "Player", "Team", "GP", query.stat->short_label};
  std::vector<bool> right = {true, false, false, true, true};
  bool with_made = rule.kind == QualificationRule::Kind::kMade;
  if (with_made) {
    headers.push_back(rule.made_code);
    right.push_back(true);
  }
  MarkdownTable table(headers, right);
  for (std::size_t i = 0; i < names.size(); ++i) {
    const PlayerSeasonLine& line = *rows[i].qualified.line;
    std::string team = query.team ? query.team->team.abbr : line.lastTeam();
    std::vector<std::string> cells = {std::to_string(rows[i].rank),
                                      names[i] + (rows[i].qualified.by_exception ? " *" : ""), team,
                                      std::to_string(line.gp), rows[i].display};
    if (with_made) {
      cells.push_back(std::to_string(madeCount(line, rule.made_code)));
    }
    table.addRow(cells);
  }
  return table.render();
}

std::vector<std::string> answerNotes(const LeadersQuery& query, const QualificationRule& rule,
                                     const std::vector<RankedRow>& rows, std::size_t shown) {
  std::vector<std::string> notes;
  if (!query.season.note.empty()) {
    notes.push_back(query.season.note);
  }
  if (query.team && !query.team->note.empty()) {
    notes.push_back(query.team->note);
  }
  notes.push_back(rule.description);
  if (query.season_type == SeasonType::kPlayoffs) {
    // No trades during the playoffs: every line is one team's.
  } else if (query.team) {
    notes.push_back("A traded player's line here is his " + query.team->team.abbr + " stint only.");
  } else {
    notes.push_back("A traded player counts once, with his combined line, under his last team.");
  }
  if (std::any_of(rows.begin(), rows.begin() + static_cast<std::ptrdiff_t>(shown),
                  [](const RankedRow& row) { return row.qualified.by_exception; })) {
    notes.push_back("* qualifies by the \"would still lead\" exception.");
  }
  for (std::size_t i = 1; i < shown; ++i) {
    if (rows[i].display == rows[i - 1].display && rows[i].rank != rows[i - 1].rank) {
      notes.push_back(
          "Ranks come from unrounded values, so players showing the same figure can rank apart.");
      break;
    }
  }
  return notes;
}

// The board: the season's lines in scope, the rule they qualify under, the best of them
// ranked with their names. A ranked row points into `table`'s rows (shared, so stable).
struct SeasonLeadersFound {
  Table<PlayerSeasonLine> table;
  std::vector<std::string> uncounted;  // traded players of the team without a stint line
  QualificationRule rule;
  std::size_t qualified_count = 0;
  std::vector<RankedRow> rows;     // best first, at most the limit
  std::vector<std::string> names;  // rows[i]'s player
};

// Advanced figures (PER, USG%, WS, BPM) are in some seasons' data only. A board without a
// single value said "no player qualifies; pass a lower min_games" (blind audit), which no
// min_games fixes.
Status statInData(const StatDef& stat, PerMode mode, const Table<PlayerSeasonLine>& table,
                  Season season) {
  const stats::PlayerStatGetter value_of = stats::playerStatGetter(stat);
  const bool any = std::any_of(table.rows.begin(), table.rows.end(),
                               [&](const PlayerSeasonLine& line) { return value_of(line, mode); });
  if (any || table.rows.empty()) return Status::ok();
  return notFound("The data has no " + lowerFirst(stat.label) + " figures for " + season.label() +
                  "; rank by another stat, or ask about a season that has them.");
}

// A team's board ranks its players' lines for that team. A traded player whose season has
// only a combined line (NBA.com's 2025-26 lines) has none, so he is named instead of
// silently missing (or, before, ranked with games for another team: blind audit).
std::vector<std::string> uncountedTraded(const LeadersQuery& query,
                                         const Table<PlayerSeasonLine>& team_lines,
                                         const ToolEnv& env) {
  std::vector<std::string> names;
  if (!query.team) return names;
  PlayerSeasonStatsRequest request;
  request.season = query.season.season;
  request.season_type = query.season_type;
  request.season_lines_only = true;
  auto season = env.data.playerSeasonStats(env.call, request);
  if (!season.ok()) return names;
  const std::string& team = query.team->team.abbr;
  for (const PlayerSeasonLine& line : season->rows) {
    if (!line.isCombined() ||
        std::find(line.teams.begin(), line.teams.end(), team) == line.teams.end()) {
      continue;
    }
    const bool has_stint = std::any_of(
        team_lines.rows.begin(), team_lines.rows.end(),
        [&line](const PlayerSeasonLine& own) { return own.player_id == line.player_id; });
    if (!has_stint) names.push_back(playerName(line.player_id, env));
  }
  return names;
}

Result<SeasonLeadersFound> findSeasonLeaders(const LeadersQuery& query, const ToolEnv& env) {
  auto table = fetchLines(query, env);
  if (!table.ok()) {
    return table.status();
  }
  if (Status has = statInData(*query.stat, query.mode, *table, query.season.season); !has.isOk()) {
    return has;
  }
  if (query.conference) {
    keepConference(table->rows, *query.conference, env);
  }
  if (query.position) {
    keepPosition(table->rows, *query.position);
  }
  if (query.rookies) {
    if (Status kept = keepRookies(table->rows, query.season.season, env); !kept.isOk()) {
      return kept;
    }
  }
  Season season = query.season.season;
  QualificationRule rule =
      query.season_type == SeasonType::kPlayoffs
          ? playoffQualificationFor(*query.stat, query.mode, table->rows, query.min_games)
          : qualificationFor(*query.stat, query.mode,
                             teamGamesPlayed(env, season, table->meta.coverage), query.min_games);
  std::vector<QualifiedLine> qualified = qualifiedLines(table->rows, *query.stat, query.mode, rule);
  std::size_t qualified_count = qualified.size();
  std::vector<RankedRow> rows =
      rankLines(std::move(qualified), *query.stat, query.mode, query.limit);
  std::vector<std::string> names;
  names.reserve(rows.size());
  for (const RankedRow& row : rows) {
    names.push_back(playerName(row.qualified.line->player_id, env));
  }
  std::vector<std::string> uncounted = uncountedTraded(query, *table, env);
  return SeasonLeadersFound{std::move(*table), std::move(uncounted), std::move(rule),
                            qualified_count,   std::move(rows),      std::move(names)};
}

ToolAnswer renderSeasonLeaders(const LeadersQuery& query, const SeasonLeadersFound& found) {
  const std::vector<RankedRow>& rows = found.rows;
  const std::vector<std::string>& names = found.names;
  const QualificationRule& rule = found.rule;
  const Season season = query.season.season;
  const std::size_t shown = rows.size();
  json leaders = json::array();
  for (std::size_t i = 0; i < shown; ++i) {
    const PlayerSeasonLine& line = *rows[i].qualified.line;
    leaders.push_back(
        rowJson(rows[i], names[i], query.team ? query.team->team.abbr : line.lastTeam(), rule));
  }
  std::vector<std::string> notes = answerNotes(query, rule, rows, shown);
  if (!found.uncounted.empty()) {
    notes.push_back(joinNames(found.uncounted) + " also played for the " + query.team->team.name +
                    " in " + season.label() +
                    ", but the data has only combined lines for players traded that season, so " +
                    (found.uncounted.size() == 1 ? "he is" : "they are") + " not ranked here.");
  }

  const TableMeta& meta = found.table.meta;
  ToolAnswer answer;
  answer.text = AnswerSections::of(
      {scopeTitle(query) + " leaders: " + query.stat->label, seasonName(query), meta.as_of},
      answerSentence(query, rows, names, meta),
      notesMarkdown(notes) + (rows.empty() ? "" : markdownTable(query, rows, names, rule)));
  answer.structured = provenanceJson(meta, season.label());
  answer.structured.update(
      {{"season_type", query.season_type == SeasonType::kPlayoffs ? "Playoffs" : "Regular Season"},
       {"complete", meta.coverage == Coverage::kComplete},
       {"stat",
        {{"code", query.stat->code},
         {"label", query.stat->label},
         {"short_label", query.stat->short_label}}},
       {"per_mode", std::string(stats::perModeName(query.mode))},
       {"conference", query.conference ? json(*query.conference) : json(nullptr)},
       {"team", query.team ? json(query.team->team.abbr) : json(nullptr)},
       {"qualification",
        {{"rule", rule.description},
         {"team_games", rule.team_games},
         {"min_games", rule.min_games},
         {"min_made",
          rule.kind == QualificationRule::Kind::kMade ? json(rule.min_made) : json(nullptr)},
         {"made_stat",
          rule.kind == QualificationRule::Kind::kMade ? json(rule.made_code) : json(nullptr)},
         {"min_games_overridden", rule.overridden}}},
       {"qualified_count", found.qualified_count},
       {"leaders", std::move(leaders)},
       {"notes", notes}});
  if (query.position) {
    answer.structured["position"] = std::string(1, *query.position);
  }
  answer.structured["rookies"] = query.rookies;
  answer.meta = answerMeta(meta, season);
  return answer;
}

// A season's board, or with `date` one day's.
using LeadersArgs = std::variant<LeadersQuery, DayQuery>;

Result<LeadersArgs> decodeLeadersArgs(const json& arguments, const ToolEnv& env) {
  if (hasValue(arguments, "date")) {
    if (arguments.value("rookies", false)) {
      return invalidArgument(
          "rookies ranks a season's rookies; one day's leaders are everyone who played that day. "
          "Leave out date or rookies.");
    }
    auto day = decodeDayQuery(arguments, env);
    if (!day.ok()) {
      return day.status();
    }
    return LeadersArgs(std::move(*day));
  }
  auto season = decodeSeasonQuery(arguments, env);
  if (!season.ok()) {
    return season.status();
  }
  return LeadersArgs(std::move(*season));
}

using LeadersFound = std::variant<SeasonLeadersFound, std::shared_ptr<const DayLeadersFound>>;

Result<LeadersFound> findLeaders(const LeadersArgs& args, const ToolEnv& env) {
  if (const auto* day = std::get_if<DayQuery>(&args)) {
    auto found = findDayLeaders(*day, env);  // one day's games, not a season
    if (!found.ok()) {
      return found.status();
    }
    return LeadersFound(std::move(*found));
  }
  auto found = findSeasonLeaders(std::get<LeadersQuery>(args), env);
  if (!found.ok()) {
    return found.status();
  }
  return LeadersFound(std::move(*found));
}

ToolAnswer renderLeaders(const LeadersArgs& args, const LeadersFound& found) {
  if (const auto* day = std::get_if<DayQuery>(&args)) {
    return renderDayLeaders(*day, *std::get<std::shared_ptr<const DayLeadersFound>>(found));
  }
  return renderSeasonLeaders(std::get<LeadersQuery>(args), std::get<SeasonLeadersFound>(found));
}

}  // namespace

NbaTool leagueLeadersTool() {
  return {"get_league_leaders", "League leaders in a stat",
          "Ranks NBA players in one stat for a season (ties share a rank: 1, 2, 2, 4), under the "
          "NBA's qualification rules, which the answer states: per-game stats need 70% of team "
          "games (58 of 82, pro-rated in a season in progress; a player with fewer still "
          "qualifies if his total over 58 games would lead), FG% 300 made field goals, FT% 125 "
          "made free throws, 3P% 82 made threes; totals need none; min_games overrides the games "
          "rule. Stats by code or words: PTS/points/ppg, REB, AST, STL, BLK, FG3M/threes/3PM, "
          "FG_PCT, FG3_PCT/3P%, FT_PCT, TOV (most turnovers first), MIN, EFF, TS_PCT, PER … "
          "Filter by conference (a player's last team) or team (that team's lines, traded "
          "players' stints included), position (G, F, C), or rookies only. With a date, ranks that "
          "day's "
          "single-game lines instead "
          "(\"who scored the most points on 2023-12-25\"; needs the season's game logs).",
          false,
          TypedHandler<LeadersArgs, LeadersFound>{decodeLeadersArgs, findLeaders, renderLeaders}};
}

}  // namespace nba::tools
