#include "nba/tools/leaders_qualification.h"

#include <algorithm>
#include <cmath>

namespace nba::tools {
namespace {

constexpr int kFullSeasonGames = 82;
constexpr double kGamesShare = 0.7;

using stats::PerMode;
using stats::StatDef;
using stats::StatKind;

// The full-season minimum scaled to the games teams have played; rounding up so a player
// never qualifies on less than the NBA's share.
int proRated(int full_season_minimum, int team_games) {
  return static_cast<int>(
      std::ceil(static_cast<double>(full_season_minimum) * team_games / kFullSeasonGames - 1e-9));
}

int gamesMinimum(int team_games) {
  return static_cast<int>(std::ceil(kGamesShare * team_games - 1e-9));
}

struct MadeRule {
  const char* code;
  int full_season;
  const char* words;
};

// Which made-shot minimum a percentage needs; nullopt when it uses the games rule (USG%).
std::optional<MadeRule> madeRuleFor(const std::string& code) {
  if (code == "FG_PCT" || code == "EFG_PCT" || code == "TS_PCT") {
    return MadeRule{"FGM", 300, "made field goals"};
  }
  if (code == "FG3_PCT") {
    return MadeRule{"FG3M", 82, "made 3-pointers"};
  }
  if (code == "FT_PCT") {
    return MadeRule{"FTM", 125, "made free throws"};
  }
  return std::nullopt;
}

// Stats that are season sums whatever the mode: no games minimum makes sense for them.
bool isCumulative(const StatDef& stat, PerMode mode) {
  if (stat.code == "GP" || stat.code == "GS" || stat.code == "WS") {
    return true;
  }
  return stat.kind == StatKind::kCounting && mode == PerMode::kTotals;
}

std::string basis(int team_games) {
  return team_games == kFullSeasonGames
             ? std::string("")
             : " (pro-rated: teams have played " + std::to_string(team_games) + " games)";
}

std::string gamesFilterText(const QualificationRule& rule) {
  return rule.min_games > 0 ? " and at least " + std::to_string(rule.min_games) + " games played"
                            : "";
}

struct Minimums {
  int games = 0;
  int made = 0;
};

// The minimums `line` must meet: the rule's own, or in the playoffs his team's.
Minimums minimumsFor(const QualificationRule& rule, const PlayerSeasonLine& line) {
  const auto team = rule.games_by_team.find(line.lastTeam());
  if (team == rule.games_by_team.end()) {
    return {rule.min_games, rule.min_made};
  }
  const bool games_rule = rule.kind == QualificationRule::Kind::kGames && !rule.overridden;
  return {games_rule ? gamesMinimum(team->second) : rule.min_games,
          rule.kind == QualificationRule::Kind::kMade
              ? proRated(rule.full_season_made, team->second)
              : 0};
}

}  // namespace

QualificationRule qualificationFor(const StatDef& stat, PerMode mode, int team_games,
                                   std::optional<int> min_games) {
  QualificationRule rule;
  rule.team_games = team_games;
  rule.overridden = min_games.has_value();
  rule.min_games = min_games.value_or(0);
  if (isCumulative(stat, mode)) {
    rule.kind = QualificationRule::Kind::kNone;
    rule.description = rule.overridden
                           ? "Qualification: at least " + std::to_string(rule.min_games) +
                                 " games played (your min_games)."
                           : "Qualification: none (season totals need no minimum).";
    return rule;
  }
  if (auto made = stat.kind == StatKind::kPercentage ? madeRuleFor(stat.code) : std::nullopt) {
    rule.kind = QualificationRule::Kind::kMade;
    rule.made_code = made->code;
    rule.full_season_made = made->full_season;
    rule.min_made = proRated(made->full_season, team_games);
    rule.description = "Qualification (NBA rule): at least " + std::to_string(rule.min_made) + " " +
                       made->words + basis(team_games) + gamesFilterText(rule) + ".";
    return rule;
  }
  rule.kind = QualificationRule::Kind::kGames;
  if (rule.overridden) {
    rule.description = (rule.min_games > 0 ? "Qualification: at least " +
                                                 std::to_string(rule.min_games) + " games played"
                                           : std::string("Qualification: none")) +
                       " (your min_games replaces the NBA's 70% rule).";
    return rule;
  }
  rule.min_games = gamesMinimum(team_games);
  rule.spread_exception = stat.kind == StatKind::kCounting && mode == PerMode::kPerGame;
  rule.description =
      "Qualification (NBA rule): at least " + std::to_string(rule.min_games) +
      " games played, 70% of " + std::to_string(team_games) + " team games" +
      (rule.spread_exception ? "; a player with fewer still qualifies when his "
                               "total spread over " +
                                   std::to_string(rule.min_games) + " games would still lead"
                             : "") +
      ".";
  return rule;
}

QualificationRule playoffQualificationFor(const StatDef& stat, PerMode mode,
                                          const Rows<PlayerSeasonLine>& lines,
                                          std::optional<int> min_games) {
  std::map<std::string, int> games_by_team;
  int deepest = 0;
  for (const PlayerSeasonLine& line : lines) {
    int& games = games_by_team[line.lastTeam()];
    games = std::max(games, line.gp);
    deepest = std::max(deepest, line.gp);
  }
  QualificationRule rule = qualificationFor(stat, mode, deepest, min_games);
  rule.games_by_team = std::move(games_by_team);
  const std::string filter = gamesFilterText(rule);
  if (rule.kind == QualificationRule::Kind::kMade) {
    rule.description = "Qualification (playoffs): " + std::to_string(rule.full_season_made) + " " +
                       madeRuleFor(stat.code)->words + " pro-rated to his team's playoff games (" +
                       std::to_string(rule.min_made) + " for the deepest run, " +
                       std::to_string(deepest) + " games)" + filter + ".";
  } else if (rule.kind == QualificationRule::Kind::kGames && !rule.overridden) {
    rule.description =
        "Qualification (playoffs): at least 70% of his team's playoff games (" +
        std::to_string(rule.min_games) + " of " + std::to_string(deepest) +
        " for the deepest run)" +
        (rule.spread_exception
             ? "; a player with fewer still qualifies when his total spread over that many "
               "games would still lead"
             : "") +
        ".";
  }
  return rule;
}

int madeCount(const PlayerSeasonLine& line, const std::string& made_code) {
  if (made_code == "FGM") {
    return line.fgm;
  }
  if (made_code == "FG3M") {
    return line.fg3m;
  }
  if (made_code == "FTM") {
    return line.ftm;
  }
  return 0;
}

std::vector<QualifiedLine> qualifiedLines(const Rows<PlayerSeasonLine>& lines, const StatDef& stat,
                                          PerMode mode, const QualificationRule& rule) {
  std::vector<QualifiedLine> out;
  std::vector<QualifiedLine> short_of_games;  // candidates for the "would still lead" rule
  out.reserve(lines.size());
  const stats::PlayerStatGetter value_of = stats::playerStatGetter(stat);
  const stats::UnroundedStat unrounded_of(stat);
  for (const PlayerSeasonLine& line : lines) {
    std::optional<double> value = value_of(line, mode);
    if (!value || line.gp == 0) {
      continue;
    }
    const Minimums needed = minimumsFor(rule, line);
    if (rule.kind == QualificationRule::Kind::kMade &&
        madeCount(line, rule.made_code) < needed.made) {
      continue;
    }
    const double unrounded = unrounded_of(line, mode).value_or(*value);
    if (line.gp >= needed.games) {
      out.push_back({&line, *value, unrounded, false});
    } else if (rule.spread_exception) {
      short_of_games.push_back({&line, *value, unrounded, true});
    }
  }
  if (rule.spread_exception && !out.empty()) {
    double leader = std::max_element(out.begin(), out.end(), [](const auto& a, const auto& b) {
                      return a.unrounded < b.unrounded;
                    })->unrounded;
    for (const QualifiedLine& candidate : short_of_games) {
      auto total = stats::playerStatValue(*candidate.line, stat, PerMode::kTotals);
      if (total && *total / minimumsFor(rule, *candidate.line).games >= leader) {
        out.push_back(candidate);
      }
    }
  }
  return out;
}

}  // namespace nba::tools
