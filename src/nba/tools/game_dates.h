#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/clock.h"
#include "core/status.h"
#include "domain/season.h"

namespace nba::tools {

// Dates as the game tools read and show them: "YYYY-MM-DD", US/Eastern (the NBA schedules
// and dates its games in Eastern time). Pure functions; thread-safe.

// `text` when it is a real calendar date written YYYY-MM-DD ("2025-02-30" is not).
std::optional<std::string> parseCalendarDate(std::string_view text);

// Today's date in US/Eastern at `clock` (core/calendar_date.h's easternCalendarDate).
std::string easternToday(const Clock& clock);

// The day before a calendar date ("2025-03-01" -> "2025-02-28"). Precondition: valid date.
std::string previousDay(const std::string& date);

// A user's date: "YYYY-MM-DD", "today" or "yesterday" (case and surrounding spaces ignored),
// the last two relative to `clock` in US/Eastern. kInvalidArgument naming the accepted forms.
Result<std::string> dateArgumentText(std::string_view text, const Clock& clock);

// The season a date falls in: August onwards belongs to the season starting that year
// ("2025-01-23" -> 2024-25, "2024-10-22" -> 2024-25). Precondition: valid date.
Season seasonOfDate(const std::string& date);

// A date picks its season, so a season named as well is redundant, and wrong unless it is the
// date's: kInvalidArgument "{subject} is in 2024-25, not 2023-24; leave season out." when
// `named` differs from `actual`, ok otherwise. `subject` names the date or the game on it.
Status checkNamedSeason(std::string_view subject, const Season& actual, const Season& named);

// "Thursday" for "2025-01-23". Precondition: valid date.
std::string weekdayName(const std::string& date);

}  // namespace nba::tools
