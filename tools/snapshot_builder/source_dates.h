#pragma once

#include <string>

// Dates as the sources write them, turned into the snapshot's ISO "YYYY-MM-DD".
namespace nba::builder {

// NBA.com's "APR 09, 2024" (playergamelog, playernextngames; month case-insensitive) ->
// "2024-04-09"; "" when malformed.
std::string isoDateFromNbaText(const std::string& text);

// `iso` ("2026-02-21") moved by `days` (may be negative): addDays("2026-02-21", 4) ==
// "2026-02-25". "" when `iso` is malformed.
std::string addDays(const std::string& iso, int days);

}  // namespace nba::builder
