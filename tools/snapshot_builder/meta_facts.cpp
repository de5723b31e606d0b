#include "meta_facts.h"

#include <algorithm>
#include <set>
#include <vector>

#include "source_dates.h"
#include "tsv_writer.h"

namespace nba::builder {
namespace {

using Row = std::vector<std::string>;

constexpr const char* kCupFinal = "nba_cup_final_not_in_standings";

std::map<int, std::string> lastGameDates(const BuildInputs& in) {
  std::map<int, std::string> last;
  const std::pair<int, const CsvFile*> files[] = {
      {2023, &in.games_2023}, {2024, &in.games_2024}, {2025, &in.games_2025}};
  for (const auto& [start_year, file] : files) {
    for (const Row& row : file->rows()) {
      last[start_year] = std::max(last[start_year], file->cell(row, "game_date_et"));
    }
  }
  return last;
}

// "schedule/fixturedownload_nba-2024-UTC.csv (Match Number 82); ..." -> "82"; "" if absent.
std::string matchNumber(const std::string& source) {
  static constexpr std::string_view kKey = "(Match Number ";
  const std::size_t at = source.find(kKey);
  const std::size_t end = at == std::string::npos ? at : source.find(')', at);
  return end == std::string::npos ? "" : source.substr(at + kKey.size(), end - at - kKey.size());
}

// The 2024-25 games whose score differs from the fixturedownload.com row they were made from.
Result<std::size_t> correctedScores(const BuildInputs& in) {
  const CsvFile& schedule = in.schedule_2024;
  std::map<std::string, const Row*> by_match;
  for (const Row& row : schedule.rows()) {
    by_match[schedule.cell(row, "Match Number")] = &row;
  }
  const CsvFile& games = in.games_2024;
  std::size_t corrected = 0;
  for (const Row& row : games.rows()) {
    const std::string number = matchNumber(games.cell(row, "source"));
    auto it = by_match.find(number);
    if (it == by_match.end()) {
      return dataLoss("derived 2024-25 game " + games.cell(row, "game_date_et") + " " +
                      games.cell(row, "home_abbr") + " cites no fixturedownload match '" + number +
                      "'");
    }
    const std::string& result = schedule.cell(*it->second, "Result");  // "132 - 109"
    const std::size_t dash = result.find(" - ");
    const auto home = parseWhole(result.substr(0, dash));
    const auto away =
        dash == std::string::npos ? std::nullopt : parseWhole(result.substr(dash + 3));
    if (!home || !away) {
      return dataLoss("fixturedownload match " + number + ": unreadable result '" + result + "'");
    }
    corrected += *home != parseWhole(games.cell(row, "home_pts")) ||
                 *away != parseWhole(games.cell(row, "away_pts"));
  }
  return corrected;
}

std::size_t distinctPlayers(const CsvFile& logs) {
  std::set<std::string> ids;
  for (const Row& row : logs.rows()) {
    ids.insert(logs.cell(row, "Player_ID"));
  }
  return ids.size();
}

std::size_t countGameType(const CsvFile& games, const std::string& type) {
  return std::count_if(games.rows().begin(), games.rows().end(),
                       [&](const Row& row) { return games.cell(row, "game_type") == type; });
}

// The team every row of a next-games list plays in (the player's team), and the list's dates
// after `after`, in order. Empty team when the list is empty or names no common team.
std::pair<std::string, std::vector<std::string>> knownLaterGames(const CsvFile& next,
                                                                 const TeamDirectory& teams,
                                                                 const std::string& after) {
  std::map<std::string, std::size_t> rows_with;
  std::vector<std::string> dates;
  for (const Row& row : next.rows()) {
    const std::string home = teams.abbrFor(next.cell(row, "HOME_TEAM_ABBREVIATION"));
    const std::string away = teams.abbrFor(next.cell(row, "VISITOR_TEAM_ABBREVIATION"));
    ++rows_with[home];
    if (away != home) {
      ++rows_with[away];
    }
    const std::string date = isoDateFromNbaText(next.cell(row, "GAME_DATE"));
    if (!date.empty() && date > after) {
      dates.push_back(date);
    }
  }
  std::sort(dates.begin(), dates.end());
  for (const auto& [team, count] : rows_with) {
    if (!team.empty() && count == next.rows().size()) {
      return {team, dates};
    }
  }
  return {"", {}};
}

Status teamLinesAsOf(const BuildInputs& in, const TeamDirectory& teams, MetaFacts& facts) {
  const std::string last = facts.last_game_date[2025];
  std::map<std::string, long long> in_table;  // counting games per team in the games table
  const CsvFile& games = in.games_2025;
  for (const Row& row : games.rows()) {
    if (games.cell(row, "game_type") != kCupFinal) {
      ++in_table[games.cell(row, "home_abbr")];
      ++in_table[games.cell(row, "away_abbr")];
    }
  }
  std::map<std::string, long long> beyond;  // games a team's line counts after the table
  const CsvFile& lines = in.team_per_game;
  for (const Row& row : lines.rows()) {
    const std::string abbr = teams.abbrFor(lines.cell(row, "abbreviation"));
    if (lines.cell(row, "season") != "2026" || abbr.empty()) {
      continue;  // other seasons, League Average
    }
    const long long extra = parseWhole(lines.cell(row, "g")).value_or(0) - in_table[abbr];
    if (extra < 0) {
      return dataLoss("bbref 2025-26 " + abbr + " line has fewer games than the games table");
    }
    beyond[abbr] = extra;
  }
  if (beyond.empty()) {
    return dataLoss("bbref team_stats_per_game has no 2025-26 (2026) rows");
  }
  const auto [fewest, most] =
      std::minmax_element(beyond.begin(), beyond.end(),
                          [](const auto& a, const auto& b) { return a.second < b.second; });
  if (most->second == 0) {
    facts.team_lines_as_of_2025 = last;
    facts.team_lines_note_2025 = "the same games as the games table";
    return Status();
  }
  std::string as_of = addDays(last, static_cast<int>(most->second));
  std::string note = "taken after the games table (to " + last + "): each team's line counts " +
                     std::to_string(fewest->second) + " to " + std::to_string(most->second) +
                     " more games, so at least to " + as_of + " (one game a day)";
  std::string at_most;
  const auto [team, dates] = knownLaterGames(in.next_games_2025, teams, last);
  if (auto it = beyond.find(team); it != beyond.end()) {
    const auto counted = static_cast<std::size_t>(it->second);
    if (counted > 0 && counted <= dates.size()) {
      as_of = std::max(as_of, dates[counted - 1]);
      note += "; " + team + "'s counts " + std::to_string(counted) + ", the last on " +
              dates[counted - 1] + " (NBA.com playernextngames)";
    }
    if (counted < dates.size()) {
      at_most = addDays(dates[counted], -1);
      note += ", not its " + dates[counted] + " game";
    }
  }
  note += "; so figures through at least " + as_of +
          (at_most.empty() ? "" : " and at most " + at_most) +
          "; the other teams' later dates are not in the data";
  facts.team_lines_as_of_2025 = as_of;
  facts.team_lines_note_2025 = note;
  return Status();
}

}  // namespace

Result<MetaFacts> deriveMetaFacts(const BuildInputs& in, const TeamDirectory& teams) {
  MetaFacts facts;
  facts.last_game_date = lastGameDates(in);
  facts.game_log_players = distinctPlayers(in.game_logs_2023);
  facts.neutral_site_games_2025 = countGameType(in.games_2025, "regular_season_neutral_site");
  Result<std::size_t> corrected = correctedScores(in);
  if (!corrected.ok()) {
    return corrected.status();
  }
  facts.corrected_scores_2024 = *corrected;
  if (Status status = teamLinesAsOf(in, teams, facts); !status.isOk()) {
    return status;
  }
  return facts;
}

}  // namespace nba::builder
