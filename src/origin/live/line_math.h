#pragma once

#include <optional>

namespace nba::live {

// Rounding and ratios the way the snapshot stores figures (domain/player_season_line.h).

// `value` to `decimals` places, rounded as printf("%.*f") rounds.
double rounded(double value, int decimals);
// numerator / denominator to three decimals; empty when the denominator is zero (no attempts).
std::optional<double> fraction(double numerator, double denominator);
// total / games to one decimal; 0 with no games.
double perGame(double total, double games);
// True shooting: pts / (2 (fga + 0.44 fta)), as basketball-reference computes it.
std::optional<double> trueShooting(double pts, double fga, double fta);

}  // namespace nba::live
