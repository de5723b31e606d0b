#pragma once

#include <chrono>
#include <string>

namespace nba {

// "2026-02-22": a calendar day as the tools, NBA.com's newer endpoints and the snapshot
// write it (ISO 8601). Pure; thread-safe. Precondition: `day.ok()`.
std::string calendarDate(std::chrono::year_month_day day);

// The calendar day `time` falls on in UTC.
std::string calendarDate(std::chrono::system_clock::time_point time);

}  // namespace nba
