#include "core/calendar_date.h"

#include <cstdio>

namespace nba {

std::string calendarDate(std::chrono::year_month_day day) {
  const int year = static_cast<int>(day.year());
  const auto month = static_cast<unsigned>(day.month());
  const auto day_of_month = static_cast<unsigned>(day.day());
  if (year < 0 || year > 9999 || month > 99 || day_of_month > 99) {
    char text[40];
    std::snprintf(text, sizeof text, "%04d-%02u-%02u", year, month, day_of_month);
    return text;
  }
  // By hand: every tool call asks for "today", and snprintf cost ten times this.
  std::string text = "0000-00-00";
  for (int i = 3, rest = year; i >= 0; --i, rest /= 10)
    text[i] = static_cast<char>('0' + rest % 10);
  text[5] = static_cast<char>('0' + month / 10);
  text[6] = static_cast<char>('0' + month % 10);
  text[8] = static_cast<char>('0' + day_of_month / 10);
  text[9] = static_cast<char>('0' + day_of_month % 10);
  return text;
}

std::string calendarDate(std::chrono::system_clock::time_point time) {
  return calendarDate(std::chrono::year_month_day{std::chrono::floor<std::chrono::days>(time)});
}

std::string easternCalendarDate(std::chrono::system_clock::time_point time) {
  return calendarDate(time - std::chrono::hours(5));
}

}  // namespace nba
