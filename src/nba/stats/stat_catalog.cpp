#include "nba/stats/stat_catalog.h"

#include <cctype>
#include <cmath>
#include <unordered_map>

#include "nba/tools/markdown.h"

namespace nba::stats {
namespace {

StatDef counting(std::string code, std::string label, std::string short_label,
                 std::vector<std::string> aliases, bool higher_is_better = true) {
  return {std::move(code),     std::move(label), std::move(short_label),
          StatKind::kCounting, higher_is_better, std::move(aliases)};
}

StatDef percentage(std::string code, std::string label, std::string short_label,
                   std::vector<std::string> aliases) {
  return {std::move(code),   std::move(label), std::move(short_label), StatKind::kPercentage, true,
          std::move(aliases)};
}

StatDef rate(std::string code, std::string label, std::string short_label,
             std::vector<std::string> aliases) {
  return {std::move(code),   std::move(label), std::move(short_label), StatKind::kRate, true,
          std::move(aliases)};
}

std::vector<StatDef> buildCatalog() {
  return {
      counting("PTS", "Points", "PTS",
               {"points", "point", "pts", "ppg", "scoring", "scorer", "scorers", "score"}),
      counting("REB", "Rebounds", "REB",
               {"rebounds", "rebound", "reb", "rpg", "boards", "rebounding", "rebounders", "trb",
                "total rebounds"}),
      counting("AST", "Assists", "AST",
               {"assists", "assist", "ast", "apg", "dimes", "passing", "playmaking"}),
      counting("STL", "Steals", "STL", {"steals", "steal", "stl", "spg"}),
      counting("BLK", "Blocks", "BLK",
               {"blocks", "block", "blk", "bpg", "blocked shots", "shot blocking"}),
      counting("FG3M", "3-pointers made", "3PM",
               {"threes", "three pointers", "3 pointers", "3pm", "3ptm", "3s", "threes made",
                "three pointers made", "3 pointers made", "3pt made", "fg3m", "3p",
                "three point makes", "triples"}),
      percentage("FG_PCT", "Field-goal percentage", "FG%",
                 {"field goal percentage", "fg%", "fg pct", "field goal %", "fg percentage",
                  "shooting percentage", "field goal pct"}),
      percentage("FG3_PCT", "3-point percentage", "3P%",
                 {"three point percentage", "3 point percentage", "3p%", "3pt%", "fg3%", "fg3 pct",
                  "three point %", "3pt percentage", "3 point %", "three point pct", "3p pct",
                  "three point shooting"}),
      percentage("FT_PCT", "Free-throw percentage", "FT%",
                 {"free throw percentage", "ft%", "ft pct", "free throw %", "free throw pct",
                  "free throw shooting"}),
      counting("TOV", "Turnovers", "TOV", {"turnovers", "turnover", "tov", "to", "topg"},
               /*higher_is_better=*/false),
      counting("MIN", "Minutes", "MIN", {"minutes", "min", "mpg", "minutes played"}),
      rate("EFF", "Efficiency (NBA EFF)", "EFF", {"efficiency", "eff"}),
      counting("OREB", "Offensive rebounds", "OREB",
               {"offensive rebounds", "oreb", "orb", "offensive boards"}),
      counting("DREB", "Defensive rebounds", "DREB",
               {"defensive rebounds", "dreb", "drb", "defensive boards"}),
      counting("FGM", "Field goals made", "FGM",
               {"field goals made", "fgm", "field goals", "made field goals"}),
      counting("FGA", "Field-goal attempts", "FGA",
               {"field goal attempts", "fga", "shot attempts", "shots"}),
      counting("FG3A", "3-point attempts", "3PA",
               {"three point attempts", "3 point attempts", "3pa", "fg3a", "three attempts"}),
      counting("FTM", "Free throws made", "FTM", {"free throws made", "ftm", "free throws"}),
      counting("FTA", "Free-throw attempts", "FTA", {"free throw attempts", "fta"}),
      counting("PF", "Personal fouls", "PF", {"fouls", "personal fouls", "pf"},
               /*higher_is_better=*/false),
      counting("GP", "Games played", "GP", {"games played", "games", "gp"}),
      counting("GS", "Games started", "GS", {"games started", "starts", "gs"}),
      percentage("EFG_PCT", "Effective field-goal percentage", "eFG%",
                 {"effective field goal percentage", "efg%", "efg", "efg pct"}),
      percentage("TS_PCT", "True shooting percentage", "TS%",
                 {"true shooting", "true shooting percentage", "ts%", "ts", "ts pct"}),
      percentage("USG_PCT", "Usage rate", "USG%",
                 {"usage", "usage rate", "usg%", "usg", "usage percentage", "usg pct"}),
      rate("PER", "Player efficiency rating", "PER", {"per", "player efficiency rating"}),
      rate("WS", "Win shares", "WS", {"win shares", "ws"}),
      rate("BPM", "Box plus/minus", "BPM",
           {"box plus minus", "box plus/minus", "bpm", "plus minus"}),
  };
}

// Lower-case; '-', '_' and runs of spaces become one space; trimmed.
std::string normalizeStatText(std::string_view text) {
  std::string out;
  for (char raw : text) {
    char c = static_cast<char>(std::tolower(static_cast<unsigned char>(raw)));
    if (c == '-' || c == '_' || c == ' ' || c == '\t') {
      if (!out.empty() && out.back() != ' ') {
        out += ' ';
      }
    } else {
      out += c;
    }
  }
  while (!out.empty() && out.back() == ' ') {
    out.pop_back();
  }
  return out;
}

const std::unordered_map<std::string, const StatDef*>& statIndex() {
  static const auto* index = [] {
    auto* map = new std::unordered_map<std::string, const StatDef*>();
    for (const auto& stat : allStats()) {
      map->emplace(normalizeStatText(stat.code), &stat);
      for (const auto& alias : stat.aliases) {
        map->emplace(normalizeStatText(alias), &stat);
      }
    }
    return map;
  }();
  return *index;
}

double scaled(int total, double per_game, int minutes, PerMode mode) {
  switch (mode) {
    case PerMode::kTotals:
      return total;
    case PerMode::kPer36:
      return minutes > 0 ? total * 36.0 / minutes : 0.0;
    case PerMode::kPerGame:
      return per_game;
  }
  return per_game;
}

// NBA efficiency per game: (PTS + REB + AST + STL + BLK − missed FG − missed FT − TOV) / GP.
// NBA EFF per game, unrounded: ranks use this (as the NBA ranks, on unrounded values).
double unroundedEfficiency(const PlayerSeasonLine& l) {
  if (l.gp == 0) {
    return 0;
  }
  int total = l.pts + l.reb + l.ast + l.stl + l.blk - (l.fga - l.fgm) - (l.fta - l.ftm) - l.tov;
  return static_cast<double>(total) / l.gp;
}

// As shown, to one decimal like every per-game figure: the value a leaders row carried was
// 42.18571428571428 (blind audit).
double efficiency(const PlayerSeasonLine& l) {
  return std::round(unroundedEfficiency(l) * 10) / 10;
}

}  // namespace

std::optional<PerMode> parsePerMode(std::string_view text) {
  std::string key = normalizeStatText(text);
  if (key == "pergame" || key == "per game") return PerMode::kPerGame;
  if (key == "totals" || key == "total") return PerMode::kTotals;
  if (key == "per36" || key == "per 36" || key == "per36minutes") return PerMode::kPer36;
  return std::nullopt;
}

std::string_view perModeName(PerMode mode) {
  switch (mode) {
    case PerMode::kTotals:
      return "Totals";
    case PerMode::kPer36:
      return "Per36";
    case PerMode::kPerGame:
      return "PerGame";
  }
  return "PerGame";
}

const std::vector<StatDef>& allStats() {
  static const std::vector<StatDef> catalog = buildCatalog();
  return catalog;
}

const StatDef* findStat(std::string_view text) {
  const auto& index = statIndex();
  auto it = index.find(normalizeStatText(text));
  return it == index.end() ? nullptr : it->second;
}

std::string statCodeList() {
  std::string out;
  for (const auto& stat : allStats()) {
    out += (out.empty() ? "" : ", ") + stat.code;
  }
  return out;
}

namespace {

// A counting stat in any mode, from its total and its published per-game value.
template <int PlayerSeasonLine::*kTotal, double PlayerSeasonLine::*kPerGame>
std::optional<double> counting(const PlayerSeasonLine& l, PerMode mode) {
  return scaled(l.*kTotal, l.*kPerGame, l.min, mode);
}

// A rate the source publishes, the same in every mode (percentages, PER, WS, BPM).
template <std::optional<double> PlayerSeasonLine::*kField>
std::optional<double> field(const PlayerSeasonLine& l, PerMode /*mode*/) {
  return l.*kField;
}

}  // namespace

PlayerStatGetter playerStatGetter(const StatDef& stat) {
  struct Entry {
    const char* code;
    PlayerStatGetter get;
  };
  static constexpr Entry kGetters[] = {
      {"PTS", counting<&PlayerSeasonLine::pts, &PlayerSeasonLine::pts_pg>},
      {"REB", counting<&PlayerSeasonLine::reb, &PlayerSeasonLine::reb_pg>},
      {"AST", counting<&PlayerSeasonLine::ast, &PlayerSeasonLine::ast_pg>},
      {"STL", counting<&PlayerSeasonLine::stl, &PlayerSeasonLine::stl_pg>},
      {"BLK", counting<&PlayerSeasonLine::blk, &PlayerSeasonLine::blk_pg>},
      {"FG3M", counting<&PlayerSeasonLine::fg3m, &PlayerSeasonLine::fg3m_pg>},
      {"TOV", counting<&PlayerSeasonLine::tov, &PlayerSeasonLine::tov_pg>},
      {"MIN",
       [](const PlayerSeasonLine& l, PerMode mode) -> std::optional<double> {
         return scaled(l.min, l.min_pg, l.min, mode == PerMode::kPer36 ? PerMode::kPerGame : mode);
       }},
      {"OREB", counting<&PlayerSeasonLine::oreb, &PlayerSeasonLine::oreb_pg>},
      {"DREB", counting<&PlayerSeasonLine::dreb, &PlayerSeasonLine::dreb_pg>},
      {"FGM", counting<&PlayerSeasonLine::fgm, &PlayerSeasonLine::fgm_pg>},
      {"FGA", counting<&PlayerSeasonLine::fga, &PlayerSeasonLine::fga_pg>},
      {"FG3A", counting<&PlayerSeasonLine::fg3a, &PlayerSeasonLine::fg3a_pg>},
      {"FTM", counting<&PlayerSeasonLine::ftm, &PlayerSeasonLine::ftm_pg>},
      {"FTA", counting<&PlayerSeasonLine::fta, &PlayerSeasonLine::fta_pg>},
      {"PF", counting<&PlayerSeasonLine::pf, &PlayerSeasonLine::pf_pg>},
      {"GP", [](const PlayerSeasonLine& l, PerMode) -> std::optional<double> { return l.gp; }},
      {"GS",
       [](const PlayerSeasonLine& l, PerMode) -> std::optional<double> {
         return l.gs ? std::optional<double>(*l.gs) : std::nullopt;
       }},
      {"FG_PCT", field<&PlayerSeasonLine::fg_pct>},
      {"FG3_PCT", field<&PlayerSeasonLine::fg3_pct>},
      {"FT_PCT", field<&PlayerSeasonLine::ft_pct>},
      {"EFG_PCT", field<&PlayerSeasonLine::efg_pct>},
      {"TS_PCT", field<&PlayerSeasonLine::ts_pct>},
      {"USG_PCT", field<&PlayerSeasonLine::usg_pct>},
      {"PER", field<&PlayerSeasonLine::per>},
      {"WS", field<&PlayerSeasonLine::ws>},
      {"BPM", field<&PlayerSeasonLine::bpm>},
      {"EFF",
       [](const PlayerSeasonLine& l, PerMode) -> std::optional<double> { return efficiency(l); }},
  };
  for (const Entry& entry : kGetters) {
    if (stat.code == entry.code) return entry.get;
  }
  return [](const PlayerSeasonLine&, PerMode) -> std::optional<double> { return std::nullopt; };
}

std::optional<double> playerStatValue(const PlayerSeasonLine& l, const StatDef& stat,
                                      PerMode mode) {
  return playerStatGetter(stat)(l, mode);
}

UnroundedStat::UnroundedStat(const StatDef& stat) : value_of_(playerStatGetter(stat)) {
  const std::string& c = stat.code;
  if (c == "FG_PCT") {
    rule_ = Rule::kFg;
  } else if (c == "FG3_PCT") {
    rule_ = Rule::kFg3;
  } else if (c == "FT_PCT") {
    rule_ = Rule::kFt;
  } else if (c == "EFG_PCT") {
    rule_ = Rule::kEfg;
  } else if (c == "TS_PCT") {
    rule_ = Rule::kTs;
  } else if (c == "EFF") {
    rule_ = Rule::kEff;
  } else if (stat.kind == StatKind::kCounting && c != "GP" && c != "GS") {
    rule_ = Rule::kTotalOverGames;
  }
}

std::optional<double> UnroundedStat::operator()(const PlayerSeasonLine& l, PerMode mode) const {
  const auto ratio = [](double made, double attempts) -> std::optional<double> {
    return attempts > 0 ? std::optional<double>(made / attempts) : std::nullopt;
  };
  switch (rule_) {
    case Rule::kFg:
      return ratio(l.fgm, l.fga);
    case Rule::kFg3:
      return ratio(l.fg3m, l.fg3a);
    case Rule::kFt:
      return ratio(l.ftm, l.fta);
    case Rule::kEfg:
      return ratio(l.fgm + 0.5 * l.fg3m, l.fga);
    case Rule::kTs:
      return ratio(l.pts, 2 * (l.fga + 0.44 * l.fta));
    case Rule::kEff:
      return unroundedEfficiency(l);
    case Rule::kTotalOverGames:
      if (mode == PerMode::kPerGame && l.gp > 0) {
        const auto total = value_of_(l, PerMode::kTotals);
        return total ? std::optional<double>(*total / l.gp) : std::nullopt;
      }
      break;
    case Rule::kAsPublished:
      break;
  }
  return value_of_(l, mode);
}

std::optional<double> teamStatValue(const TeamSeasonLine& l, const StatDef& stat) {
  const std::string& c = stat.code;
  if (c == "PTS") return l.pts_pg;
  if (c == "REB") return l.reb_pg;
  if (c == "AST") return l.ast_pg;
  if (c == "STL") return l.stl_pg;
  if (c == "BLK") return l.blk_pg;
  if (c == "FG3M") return l.fg3m_pg;
  if (c == "TOV") return l.tov_pg;
  if (c == "OREB") return l.oreb_pg;
  if (c == "DREB") return l.dreb_pg;
  if (c == "FGM") return l.fgm_pg;
  if (c == "FGA") return l.fga_pg;
  if (c == "FG3A") return l.fg3a_pg;
  if (c == "FTM") return l.ftm_pg;
  if (c == "FTA") return l.fta_pg;
  if (c == "PF") return l.pf_pg;
  if (c == "GP") return l.gp;
  if (c == "FG_PCT") return l.fg_pct;
  if (c == "FG3_PCT") return l.fg3_pct;
  if (c == "FT_PCT") return l.ft_pct;
  if (c == "EFG_PCT") return l.efg_pct;
  if (c == "TS_PCT") return l.ts_pct;
  return std::nullopt;
}

std::string formatStat(const StatDef& stat, PerMode mode, const std::optional<double>& value) {
  if (!value) {
    return "—";
  }
  switch (stat.kind) {
    case StatKind::kPercentage:
      return tools::formatPercent(value);
    case StatKind::kRate:
      return tools::formatFixed(*value, 1);
    case StatKind::kCounting:
      if (stat.code == "GP" || stat.code == "GS" || mode == PerMode::kTotals) {
        return tools::formatCount(std::llround(*value));
      }
      return tools::formatFixed(*value, 1);
  }
  return tools::formatFixed(*value, 1);
}

}  // namespace nba::stats
