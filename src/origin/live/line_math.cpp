#include "origin/live/line_math.h"

#include <cstdio>
#include <cstdlib>

namespace nba::live {

double rounded(double value, int decimals) {
  // printf's rounding (of the exact binary value; a tie such as 0.25 goes to even), which is
  // how the snapshot builder writes figures, so live and offline lines agree to the digit.
  char text[64];
  std::snprintf(text, sizeof text, "%.*f", decimals, value);
  return std::strtod(text, nullptr);
}

std::optional<double> fraction(double numerator, double denominator) {
  if (denominator <= 0) {
    return std::nullopt;
  }
  return rounded(numerator / denominator, 3);
}

double perGame(double total, double games) { return games > 0 ? rounded(total / games, 1) : 0; }

std::optional<double> trueShooting(double pts, double fga, double fta) {
  return fraction(pts, 2 * (fga + 0.44 * fta));
}

}  // namespace nba::live
