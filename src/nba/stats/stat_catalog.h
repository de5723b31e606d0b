#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/player_season_line.h"
#include "domain/team_season_line.h"

namespace nba::stats {

// How a player's counting stats are scaled.
enum class PerMode { kPerGame, kTotals, kPer36 };
std::optional<PerMode> parsePerMode(std::string_view text);  // "PerGame", "totals", "per36"…
std::string_view perModeName(PerMode mode);                  // "PerGame" | "Totals" | "Per36"

enum class StatKind {
  kCounting,    // scales with per-mode (PTS, REB, …)
  kPercentage,  // a fraction shown as a percentage (FG_PCT, TS_PCT, USG_PCT)
  kRate,        // an advanced figure shown as is (PER, WS, BPM) or a per-game index (EFF)
};

// One statistic of the canonical set shared by the tools and the question parser.
struct StatDef {
  std::string code;         // canonical, NBA.com style: "PTS", "FG3_PCT"
  std::string label;        // for people: "Points", "3-point percentage"
  std::string short_label;  // table header: "PTS", "3P%"
  StatKind kind = StatKind::kCounting;
  bool higher_is_better = true;      // false for TOV and PF
  std::vector<std::string> aliases;  // lower-case words people use: "points", "ppg", "3p%"
};

// Every canonical stat, in a stable order (the order tables show them in).
const std::vector<StatDef>& allStats();

// Finds a stat by code or alias, case-insensitively and ignoring '-', '_' and extra
// spaces ("Points", "ppg", "threes", "3PM", "3P%", "three point percentage"). nullptr
// when unknown. Pure; thread-safe.
const StatDef* findStat(std::string_view text);

// "PTS, REB, AST, …" for error messages listing the valid stats.
std::string statCodeList();

// The value getter of `stat` for player lines: look it up once for a loop over many lines
// (the lookup compares codes; the getter does not).
using PlayerStatGetter = std::optional<double> (*)(const PlayerSeasonLine& line, PerMode mode);
PlayerStatGetter playerStatGetter(const StatDef& stat);

// The value of `stat` on a player's line in `mode`; nullopt when undefined (no
// attempts) or not in the source (PER before 2024-25). Percentages are fractions.
std::optional<double> playerStatValue(const PlayerSeasonLine& line, const StatDef& stat,
                                      PerMode mode);

// The value of `stat` on a player's line before the source rounded it, for ranking lines
// against each other: a per-game counting stat is its total over games played (150 steals in
// 74 games is 2.027 and 150 in 75 is 2.000, both published as 2.0), and FG%, 3P%, FT%, eFG%
// and TS% come from makes and attempts. A stat the source alone computes (PER, WS, BPM, USG%)
// and the modes computed from totals already are playerStatValue itself. Like
// playerStatGetter, the stat is looked up once, for a loop over many lines.
class UnroundedStat {
 public:
  explicit UnroundedStat(const StatDef& stat);
  std::optional<double> operator()(const PlayerSeasonLine& line, PerMode mode) const;

 private:
  enum class Rule { kAsPublished, kTotalOverGames, kFg, kFg3, kFt, kEfg, kTs, kEff };
  Rule rule_ = Rule::kAsPublished;
  PlayerStatGetter value_of_;
};

// The per-game (or rate) value of `stat` for a team line; nullopt for stats teams do not
// have (PER, WS, BPM, USG_PCT, GS).
std::optional<double> teamStatValue(const TeamSeasonLine& line, const StatDef& stat);

// How a value is written in tables: percentages as "51.9%", counting per-game/per-36
// stats with one decimal, totals as integers, rates with the source's decimals.
std::string formatStat(const StatDef& stat, PerMode mode, const std::optional<double>& value);

}  // namespace nba::stats
