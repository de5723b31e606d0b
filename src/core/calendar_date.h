#pragma once

#include <chrono>
#include <string>

namespace nba {

// "2026-02-22": a calendar day as the tools, NBA.com's newer endpoints and the snapshot
// write it (ISO 8601). Pure; thread-safe. Precondition: `day.ok()`.
std::string calendarDate(std::chrono::year_month_day day);

// The calendar day `time` falls on in UTC.
std::string calendarDate(std::chrono::system_clock::time_point time);

// The NBA's day at `time`: US/Eastern, where the league dates its games, taken as a fixed
// UTC-5 all year. During daylight saving time the day then turns at 05:00 UTC instead of
// 04:00, an hour no NBA game is in progress, so the simple offset never picks the wrong day.
std::string easternCalendarDate(std::chrono::system_clock::time_point time);

}  // namespace nba
