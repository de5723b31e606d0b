#include <algorithm>
#include <array>

#include "core/ascii.h"
#include "domain/season_resolver.h"
#include "origin/live/stats_parsers.h"
#include "origin/live/stats_table.h"

namespace nba::live {
namespace {

// playerawards' DESCRIPTION of a voted award → the award code the snapshot uses.
struct VotedAward {
  std::string_view description;  // lower case
  std::string_view code;
};
constexpr std::array<VotedAward, 6> kVotedAwards = {{
    {"nba most valuable player", "MVP"},
    {"nba defensive player of the year", "DPOY"},
    {"nba rookie of the year", "ROY"},
    {"nba sixth man of the year", "6MOY"},
    {"nba most improved player", "MIP"},
    {"nba clutch player of the year", "CLUTCH"},
}};

// A team selection: DESCRIPTION, the code's stem, and how many teams there are.
struct Selection {
  std::string_view description;  // lower case
  std::string_view stem;
  int teams;
};
constexpr std::array<Selection, 3> kSelections = {{
    {"all-nba", "ALL_NBA_", 3},
    {"all-defensive team", "ALL_DEF_", 2},
    {"all-rookie team", "ALL_ROOKIE_", 2},
}};

// The award code of one row, "" for an honour the snapshot's awards do not have (All-Star,
// Player of the Week or Month, champion, …).
std::string awardCode(const std::string& description, const std::string& team_number) {
  const std::string lower = asciiLower(trimAscii(description));
  for (const auto& award : kVotedAwards) {
    if (lower == award.description) return std::string(award.code);
  }
  for (const auto& selection : kSelections) {
    if (lower != selection.description) continue;
    const std::string number(trimAscii(team_number));
    if (number.size() == 1 && number[0] >= '1' && number[0] < '1' + selection.teams) {
      return std::string(selection.stem) + number;
    }
  }
  return "";
}

}  // namespace

Result<PlayerAwards> parsePlayerAwards(const nlohmann::json& response,
                                       const std::string& player_id) {
  auto table = StatsTable::find(response, "playerawards", "PlayerAwards");
  if (!table.ok()) return table.status();
  auto columns = table->columns({"FIRST_NAME", "LAST_NAME", "DESCRIPTION", "SEASON"});
  if (!columns.ok()) return columns.status();
  const auto& c = columns.value();
  const auto team_number = table->optionalColumn("ALL_NBA_TEAM_NUMBER");
  PlayerAwards out;
  for (std::size_t row = 0; row < table->rowCount(); ++row) {
    const auto season = parseSeasonText(table->text(row, c[3]));
    const std::string code =
        awardCode(table->text(row, c[2]), team_number ? table->text(row, *team_number) : "");
    if (code.empty() || !season.ok()) {
      ++out.other_honours;
      continue;
    }
    AwardEntry entry;
    entry.season = season.value();
    entry.award = code;
    entry.player_id = player_id;
    entry.player_name = std::string(trimAscii(table->text(row, c[0]))) + " " +
                        std::string(trimAscii(table->text(row, c[1])));
    entry.winner = true;
    entry.rank = code.find('_') == std::string::npos ? 1 : 0;  // selections have no rank
    out.entries.push_back(std::move(entry));
  }
  std::sort(out.entries.begin(), out.entries.end(), [](const AwardEntry& a, const AwardEntry& b) {
    return a.season != b.season ? a.season < b.season : a.award < b.award;
  });
  return out;
}

}  // namespace nba::live
