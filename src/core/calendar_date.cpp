#include "core/calendar_date.h"

#include <cstdio>

namespace nba {

std::string calendarDate(std::chrono::year_month_day day) {
  char text[16];
  std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(day.year()),
                static_cast<unsigned>(day.month()), static_cast<unsigned>(day.day()));
  return text;
}

std::string calendarDate(std::chrono::system_clock::time_point time) {
  return calendarDate(std::chrono::year_month_day{std::chrono::floor<std::chrono::days>(time)});
}

std::string easternCalendarDate(std::chrono::system_clock::time_point time) {
  return calendarDate(time - std::chrono::hours(5));
}

}  // namespace nba
