#pragma once

#include <string>

#include "domain/season.h"

namespace nba {

// What kind of game a row is; only some count in standings.
enum class GameKind {
  kRegular,      // regular-season game, home team at home
  kNeutralSite,  // regular-season game at a neutral site; home/away are alphabetical
  kCupFinal,     // NBA Cup final: played, but not in standings or season stats
};

const char* gameKindName(GameKind kind);  // "regular" | "neutral_site" | "cup_final"

// One finished game. Value type.
struct Game {
  Season season;
  std::string date;        // US/Eastern date, "2025-01-23"
  std::string game_id;     // NBA.com id "0022400142", empty when the source has none (2024-25)
  std::string home, away;  // NBA.com abbrs
  int home_pts = 0, away_pts = 0;
  GameKind kind = GameKind::kRegular;

  bool countsInStandings() const { return kind != GameKind::kCupFinal; }
  const std::string& winner() const { return home_pts > away_pts ? home : away; }
  const std::string& loser() const { return home_pts > away_pts ? away : home; }
};

}  // namespace nba
