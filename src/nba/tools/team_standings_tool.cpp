#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <iterator>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/ascii.h"
#include "core/user_text.h"
#include "domain/standings.h"
#include "domain/team_streaks.h"
#include "nba/tools/arguments.h"
#include "nba/tools/game_dates.h"
#include "nba/tools/markdown.h"
#include "nba/tools/provenance.h"
#include "nba/tools/sorted_json_object.h"
#include "nba/tools/team_text.h"
#include "nba/tools/team_tools.h"
#include "nba/tools/typed_tool.h"

namespace nba::tools {
namespace teams {
namespace {

using nlohmann::json;

constexpr std::array<const char*, 6> kDivisions = {"Atlantic",  "Central", "Southeast",
                                                   "Northwest", "Pacific", "Southwest"};

std::string lowerTrimmed(const std::string& text) { return asciiLower(trimAscii(text)); }

// Drops a trailing word people add ("Western Conference", "Pacific division").
std::string withoutSuffix(std::string text, const std::string& suffix) {
  if (text.size() > suffix.size() && text.ends_with(suffix)) {
    text.resize(text.size() - suffix.size());
    return lowerTrimmed(text);
  }
  return text;
}

// "East", "eastern", "Eastern Conference", "E" → "East"; likewise West.
Result<std::string> parseConference(const std::string& text) {
  std::string key = withoutSuffix(lowerTrimmed(text), " conference");
  if (key == "east" || key == "eastern" || key == "e") {
    return std::string("East");
  }
  if (key == "west" || key == "western" || key == "w") {
    return std::string("West");
  }
  return invalidArgument("Unknown conference '" + echoUserText(text) + "'. Use East or West.");
}

Result<std::string> parseDivision(const std::string& text) {
  std::string key = withoutSuffix(lowerTrimmed(text), " division");
  std::string valid;
  for (const char* division : kDivisions) {
    if (key == lowerTrimmed(division)) {
      return std::string(division);
    }
    valid += (valid.empty() ? "" : ", ") + std::string(division);
  }
  return invalidArgument("Unknown division '" + echoUserText(text) +
                         "'. Valid divisions: " + valid + ".");
}

// What the caller asked for, after names were resolved and checked against each other.
struct Scope {
  std::string kind = "league";  // league | conference | division | team
  std::optional<std::string> conference, division;
  std::optional<Team> team;
  std::vector<std::string> notes;
};

Result<Scope> scopeArgument(const json& arguments, const ToolEnv& env) {
  Scope scope;
  if (auto text = optionalString(arguments, "conference")) {
    auto conference = parseConference(*text);
    if (!conference.ok()) {
      return conference.status();
    }
    scope.conference = *conference;
    scope.kind = "conference";
  }
  if (auto text = optionalString(arguments, "division")) {
    auto division = parseDivision(*text);
    if (!division.ok()) {
      return division.status();
    }
    if (Status agrees = checkDivisionInConference(*division, scope.conference.value_or(""));
        !agrees.isOk()) {
      return agrees;
    }
    scope.division = *division;
    scope.kind = "division";
  }
  if (auto text = optionalString(arguments, "team")) {
    auto team = resolveTeamName(*text, env);
    if (!team.ok()) {
      return team.status();
    }
    if ((scope.conference && *scope.conference != team->team.conference) ||
        (scope.division && *scope.division != team->team.division)) {
      return invalidArgument("The " + team->team.name + " play in the " + team->team.division +
                             " division of the " + team->team.conference +
                             "; drop the conference/division or name another team.");
    }
    if (!team->note.empty()) {
      scope.notes.push_back(team->note);
    }
    scope.team = team->team;
    scope.kind = "team";
  }
  return scope;
}

// A standings row with the places the source does not store (division rank and games behind
// the division leader).
struct Placed {
  StandingRow row;
  Team team;
  int division_rank = 0;
  double division_games_back = 0;
};

double gamesBehind(const StandingRow& leader, const StandingRow& row) {
  return ((leader.w - row.w) + (row.l - leader.l)) / 2.0;
}

// Rows come ordered by conference then conference rank, so the first row seen of a
// division is its leader.
Result<std::vector<Placed>> placeRows(const Rows<StandingRow>& rows, const Rows<Team>& teams) {
  std::vector<Placed> placed;
  std::map<std::string, const StandingRow*> leaders;
  std::map<std::string, int> counts;
  for (const auto& row : rows) {
    auto team = teamByAbbr(teams, row.team);
    if (!team.ok()) {
      return team.status();
    }
    const StandingRow*& leader = leaders[row.division];
    if (leader == nullptr) {
      leader = &row;
    }
    placed.push_back({row, *team, ++counts[row.division], gamesBehind(*leader, row)});
  }
  return placed;
}

bool inScope(const Placed& placed, const Scope& scope) {
  if (scope.team) {
    return placed.row.team == scope.team->abbr;
  }
  if (scope.division) {
    return placed.row.division == *scope.division;
  }
  return !scope.conference || placed.row.conference == *scope.conference;
}

std::string record(const StandingRow& row) {
  return std::to_string(row.w) + "-" + std::to_string(row.l);
}

// How the sentences speak of the standings: of today (a season in progress), of a season
// finished, or of a day asked about ("on 2025-01-01").
struct Tense {
  bool partial = false;
  std::optional<std::string> on_date;
};

std::string leaderClause(const Placed& leader, const std::string& group, const Tense& tense) {
  if (tense.on_date) {
    return teamShortName(leader.team) + " led the " + group + " at " + record(leader.row) + " on " +
           *tense.on_date;
  }
  return teamShortName(leader.team) + (tense.partial ? " leads the " : " led the ") + group +
         " at " + record(leader.row);
}

std::string teamSentence(const Placed& placed, const std::vector<Placed>& all, const Tense& tense) {
  const std::string verb = tense.on_date ? " was " : tense.partial ? " is " : " finished ";
  std::string text = teamShortName(placed.team) + verb + record(placed.row) +
                     (tense.on_date ? " on " + *tense.on_date : "") + ", " +
                     ordinal(placed.row.conference_rank) + " in the " + placed.row.conference;
  if (placed.row.conference_rank > 1) {
    for (const auto& other : all) {
      if (other.row.conference == placed.row.conference && other.row.conference_rank == 1) {
        double back = placed.row.games_back;
        text += ", " + formatFixed(back, 1) + (back == 1.0 ? " game" : " games") + " behind " +
                teamShortName(other.team);
      }
    }
  }
  return text + ".";
}

std::string answerSentence(const Scope& scope, const std::vector<Placed>& shown,
                           const std::vector<Placed>& all, const Tense& tense) {
  if (scope.team) {
    return teamSentence(shown.front(), all, tense);
  }
  if (scope.division) {
    return leaderClause(shown.front(), *scope.division, tense) + ".";
  }
  if (scope.conference) {
    return leaderClause(shown.front(), *scope.conference, tense) + ".";
  }
  std::string text;
  for (const auto& placed : shown) {
    if (placed.row.conference_rank == 1) {
      text += (text.empty() ? "" : " and ") + leaderClause(placed, placed.row.conference, tense);
    }
  }
  return text + ".";
}

// Teams level on percentage were ordered by tiebreakers; say which when a tie is on show.
std::optional<std::string> tiebreakNote(const std::vector<Placed>& shown) {
  for (std::size_t i = 1; i < shown.size(); ++i) {
    const auto& a = shown[i - 1].row;
    const auto& b = shown[i].row;
    if (a.conference == b.conference && a.w == b.w && a.l == b.l) {
      return "Teams with the same record are ordered by the NBA tiebreakers the games decide "
             "(head-to-head, division leader, division and conference record); record against "
             "playoff teams is not applied.";
    }
  }
  return std::nullopt;
}

json rowJson(const Placed& placed) {
  const StandingRow& row = placed.row;
  SortedJsonObject out;  // keys in alphabetical order
  out.add("conference", row.conference);
  out.add("conference_rank", row.conference_rank);
  out.add("conference_record", row.conference_record);
  out.add("division", row.division);
  out.add("division_games_back", placed.division_games_back);
  out.add("division_rank", placed.division_rank);
  out.add("division_record", row.division_record);
  out.add("games_back", row.games_back);
  out.add("home", row.home);
  out.add("l", row.l);
  out.add("last10", row.last10);
  out.add("league_rank", row.league_rank);
  out.add("name", placed.team.name);
  out.add("neutral", row.neutral);
  out.add("pct", std::round(row.pct * 1000) / 1000);
  out.add("road", row.road);
  out.add("streak", row.streak);
  out.add("team", row.team);
  out.add("w", row.w);
  return out.release();
}

bool anyNeutralGames(const std::vector<Placed>& rows) {
  return std::any_of(rows.begin(), rows.end(),
                     [](const Placed& placed) { return placed.row.neutral != "0-0"; });
}

// The Neutral column only when a shown team played at a neutral site, as most seasons have none.
std::string standingsTable(const std::vector<Placed>& rows, bool by_division) {
  const bool neutral = anyNeutralGames(rows);
  std::vector<std::string> headers = {"#",    "Team", "W",   "L",      "PCT", "GB",
                                      "Home", "Road", "L10", "Streak", "Conf"};
  if (neutral) headers.insert(headers.begin() + 8, "Neutral");
  MarkdownTable table(headers, {true, false, true, true, true, true});
  for (const auto& placed : rows) {
    const StandingRow& row = placed.row;
    std::vector<std::string> cells = {
        std::to_string(by_division ? placed.division_rank : row.conference_rank),
        placed.team.name,
        std::to_string(row.w),
        std::to_string(row.l),
        formatWinPct(row.pct),
        formatGamesBack(by_division ? placed.division_games_back : row.games_back),
        row.home,
        row.road,
        row.last10,
        row.streak.empty() ? "—" : row.streak,
        row.conference_record};
    if (neutral) cells.insert(cells.begin() + 8, row.neutral);
    table.addRow(cells);
  }
  return table.render();
}

std::string tablesMarkdown(const Scope& scope, const std::vector<Placed>& shown) {
  if (scope.kind != "league") {
    return standingsTable(shown, scope.division.has_value());
  }
  std::string out;
  for (const char* conference : {"East", "West"}) {
    std::vector<Placed> rows;
    std::copy_if(shown.begin(), shown.end(), std::back_inserter(rows),
                 [&](const Placed& p) { return p.row.conference == conference; });
    out += std::string(out.empty() ? "" : "\n") + "### " + conference + "\n\n" +
           standingsTable(rows, false);
  }
  return out;
}

json optionalJson(const std::optional<std::string>& value) {
  return value ? json(*value) : json(nullptr);
}

struct StandingsArgs {
  SeasonChoice season;
  Scope scope;
  std::optional<std::string> date;  // standings through this day, derived from the games
};

// `date`, when given, picks the season it falls in; a season named as well must be that one.
Result<std::optional<std::string>> standingsDate(const json& arguments, const ToolEnv& env,
                                                 SeasonChoice* season) {
  if (!hasValue(arguments, "date")) return std::optional<std::string>();
  auto date = dateArgumentText(optionalString(arguments, "date").value_or(""), env.call.clock());
  if (!date.ok()) return date.status();
  const Season of_date = seasonOfDate(*date);
  if (hasValue(arguments, "season")) {
    if (auto named = checkNamedSeason(*date, of_date, season->season); !named.isOk()) return named;
  }
  *season = SeasonChoice{of_date, ""};
  return std::optional<std::string>(*date);
}

Result<StandingsArgs> decodeStandingsArgs(const json& arguments, const ToolEnv& env) {
  auto season = seasonArgument(arguments, env);
  if (!season.ok()) {
    return season.status();
  }
  auto date = standingsDate(arguments, env, &season.value());
  if (!date.ok()) {
    return date.status();
  }
  auto scope = scopeArgument(arguments, env);
  if (!scope.ok()) {
    return scope.status();
  }
  return StandingsArgs{std::move(*season), std::move(*scope), std::move(*date)};
}

// Every team placed, and the rows in the asked scope.
struct StandingsFound {
  TableMeta meta;
  std::vector<Placed> all;
  std::vector<Placed> shown;
  std::optional<TeamStreaks> streaks;  // one team's standing: its longest runs so far
};

// One team's longest winning and losing runs through the standings' day (the whole season
// without a date): "longest winning streak" questions had the team's per-game stats (blind
// audit). Without the games, the standing is still answered, without them.
std::optional<TeamStreaks> streaksOf(const StandingsArgs& args, const ToolEnv& env) {
  if (!args.scope.team) return std::nullopt;
  GamesRequest request;
  request.season = args.season.season;
  request.team = args.scope.team->abbr;
  request.date_to = args.date;
  auto games = env.data.games(env.call, request);
  if (!games.ok()) return std::nullopt;
  return teamStreaks(std::vector<Game>(games->rows.begin(), games->rows.end()),
                     args.scope.team->abbr);
}

json streakJson(const Streak& streak) {
  if (streak.games == 0) return nullptr;
  return {{"games", streak.games}, {"from", streak.from}, {"to", streak.to}};
}

// "15 games (2024-12-03 to 2025-01-05)", or "1 game (2024-11-17)".
std::string streakText(const Streak& streak) {
  const std::string span =
      streak.from == streak.to ? streak.from : streak.from + " to " + streak.to;
  return std::to_string(streak.games) + (streak.games == 1 ? " game (" : " games (") + span + ")";
}

// "Their longest winning streak was 15 games (…); their longest losing streak 2 games (…)."
std::string streaksSentence(const TeamStreaks& streaks, const Tense& tense) {
  std::vector<std::string> parts;
  const bool ongoing = tense.partial && !tense.on_date;
  const std::string verb = ongoing ? " so far is " : " was ";
  if (streaks.longest_win.games > 0) {
    parts.push_back("longest winning streak" + verb + streakText(streaks.longest_win));
  }
  if (streaks.longest_loss.games > 0) {
    parts.push_back("longest losing streak" + (parts.empty() ? verb : std::string(" ")) +
                    streakText(streaks.longest_loss));
  }
  if (parts.empty()) return "";
  return " Their " + (parts.size() == 1 ? parts[0] : parts[0] + "; their " + parts[1]) + ".";
}

// "They are on a 5-game winning streak." from the row's "W5" ("" before the first game).
std::string currentStreakSentence(const StandingRow& row, const Tense& tense) {
  if (row.streak.size() < 2 || (row.streak[0] != 'W' && row.streak[0] != 'L')) return "";
  const std::string length = row.streak.substr(1);
  const bool won = row.streak[0] == 'W';
  if (length == "1") {
    const std::string result = won ? "won" : "lost";
    if (tense.on_date) return " They had " + result + " their last game.";
    return " They " + result +
           (tense.partial ? " their last game." : " their last game of the season.");
  }
  const std::string kind = won ? "winning" : "losing";
  const std::string verb = tense.on_date   ? " They were on a "
                           : tense.partial ? " They are on a "
                                           : " They ended the season on a ";
  return verb + length + "-game " + kind + " streak.";
}

// The standings through `date`, derived from the season's games played by then (as the
// snapshot derives a whole season's). as_of is the day asked, or the data's last day before it.
Result<Table<StandingRow>> standingsOnDate(const ToolEnv& env, Season season,
                                           const std::string& date, const Table<Team>& teams) {
  GamesRequest request;
  request.season = season;
  request.date_to = date;
  auto games = env.data.games(env.call, request);
  if (!games.ok()) return games.status();
  const bool any_counted = std::any_of(games->rows.begin(), games->rows.end(),
                                       [](const Game& game) { return game.countsInStandings(); });
  if (!any_counted) {
    return notFound("No " + season.label() + " games had been played by " + date +
                    ": standings start with the season's first game.");
  }
  Table<StandingRow> table;
  table.meta = games->meta;
  if (date < table.meta.as_of) table.meta.as_of = date;
  table.rows = Rows<StandingRow>(
      deriveStandings(season, std::vector<Game>(games->rows.begin(), games->rows.end()),
                      std::vector<Team>(teams.rows.begin(), teams.rows.end())));
  return table;
}

Result<StandingsFound> findStandings(const StandingsArgs& args, const ToolEnv& env) {
  auto teams = env.data.teams(env.call);
  if (!teams.ok()) {
    return teams.status();
  }
  auto standings = args.date ? standingsOnDate(env, args.season.season, *args.date, *teams)
                             : env.data.standings(env.call, args.season.season);
  if (!standings.ok()) {
    return standings.status();
  }
  auto all = placeRows(standings->rows, teams->rows);
  if (!all.ok()) {
    return all.status();
  }
  std::vector<Placed> shown;
  std::copy_if(all->begin(), all->end(), std::back_inserter(shown),
               [&](const Placed& p) { return inScope(p, args.scope); });
  if (shown.empty()) {
    return notFound("No standings for " + args.season.season.label() + " in the data.");
  }
  return StandingsFound{standings->meta, std::move(*all), std::move(shown), streaksOf(args, env)};
}

ToolAnswer renderStandings(const StandingsArgs& args, const StandingsFound& found) {
  const std::vector<Placed>& shown = found.shown;
  const TableMeta& meta = found.meta;
  bool partial = meta.coverage == Coverage::kPartial;

  std::vector<std::string> notes;
  if (!args.season.note.empty()) {
    notes.push_back(args.season.note);
  }
  notes.insert(notes.end(), args.scope.notes.begin(), args.scope.notes.end());
  if (args.date) {
    notes.push_back("Standings through " + meta.as_of + ", derived from the games played by then.");
  } else if (partial) {
    notes.push_back(args.season.season.label() + " is in progress: standings through " +
                    meta.as_of + " (partial season).");
  }
  if (args.scope.division) {
    notes.push_back("GB is games behind the division leader; # is the division place.");
  }
  if (auto note = tiebreakNote(shown)) {
    notes.push_back(*note);
  }

  ToolAnswer answer;
  std::string title = args.scope.team         ? args.scope.team->name + " standing"
                      : args.scope.division   ? *args.scope.division + " division standings"
                      : args.scope.conference ? *args.scope.conference + "ern Conference standings"
                                              : "NBA standings";
  const Tense tense{partial, args.date ? std::optional(meta.as_of) : std::nullopt};
  answer.text =
      AnswerSections::of({title, args.season.season.label(), meta.as_of},
                         answerSentence(args.scope, shown, found.all, tense) +
                             (found.streaks ? streaksSentence(*found.streaks, tense) +
                                                  currentStreakSentence(shown.front().row, tense)
                                            : ""),
                         notesMarkdown(notes) + tablesMarkdown(args.scope, shown));
  json rows = json::array();
  for (const auto& placed : shown) {
    rows.push_back(rowJson(placed));
  }
  answer.structured = provenanceJson(meta, args.season.season.label());
  answer.structured.update({{"scope", args.scope.kind},
                            {"conference", optionalJson(args.scope.conference)},
                            {"division", optionalJson(args.scope.division)},
                            {"team", args.scope.team ? json(args.scope.team->abbr) : json(nullptr)},
                            {"rows", std::move(rows)},
                            {"notes", notes}});
  if (found.streaks) {
    answer.structured["streaks"] = {{"longest_win", streakJson(found.streaks->longest_win)},
                                    {"longest_loss", streakJson(found.streaks->longest_loss)}};
  }
  answer.meta = answerMeta(meta, args.season.season);
  return answer;
}

}  // namespace
}  // namespace teams

NbaTool teamStandingsTool() {
  return {"get_team_standings", "NBA standings",
          "Regular-season standings derived from the games: W, L, PCT, games behind, conference "
          "rank (with NBA tiebreakers), home, road and neutral-site records, last 10, streak and "
          "conference record; one team's answer adds its longest winning and losing streaks. "
          "Whole league (both conferences), one conference (East/West), one "
          "division "
          "(Atlantic, Central, Southeast, Northwest, Pacific, Southwest) or one team's row. "
          "In-progress seasons are partial, as of the date shown.",
          false,
          TypedHandler<teams::StandingsArgs, teams::StandingsFound>{
              teams::decodeStandingsArgs, teams::findStandings, teams::renderStandings}};
}

}  // namespace nba::tools
