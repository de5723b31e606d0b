#include "nba/tools/team_text.h"

#include "nba/tools/markdown.h"

namespace nba::tools::teams {

std::string teamShortName(const Team& team) {
  // NBA.com calls the Clippers' city "LA" and the Lakers' "Los Angeles"; either alone would
  // be ambiguous to a reader.
  if (team.abbr == "LAL" || team.abbr == "LAC") {
    return team.name;
  }
  return team.city;
}

std::string ordinal(int n) {
  int last_two = n % 100;
  const char* suffix = "th";
  if (last_two < 11 || last_two > 13) {
    switch (n % 10) {
      case 1:
        suffix = "st";
        break;
      case 2:
        suffix = "nd";
        break;
      case 3:
        suffix = "rd";
        break;
      default:
        break;
    }
  }
  return std::to_string(n) + suffix;
}

std::string formatWinPct(double pct) {
  std::string text = formatFixed(pct, 3);
  if (text.starts_with("0.")) {
    text.erase(0, 1);
  }
  return text;
}

std::string formatGamesBack(double games_back) {
  return games_back <= 0 ? "—" : formatFixed(games_back, 1);
}

Result<Team> teamByAbbr(const Rows<Team>& teams, const std::string& abbr) {
  for (const auto& team : teams) {
    if (team.abbr == abbr) {
      return team;
    }
  }
  return notFound("No team with abbreviation " + abbr + " in the data");
}

}  // namespace nba::tools::teams
