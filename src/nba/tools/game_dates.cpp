#include "nba/tools/game_dates.h"

#include <algorithm>
#include <cctype>
#include <chrono>

#include "core/ascii.h"
#include "core/calendar_date.h"
#include "core/user_text.h"

namespace nba::tools {

namespace {

std::chrono::year_month_day toYmd(const std::string& date) {
  int year = std::stoi(date.substr(0, 4));
  unsigned month = static_cast<unsigned>(std::stoi(date.substr(5, 2)));
  unsigned day = static_cast<unsigned>(std::stoi(date.substr(8, 2)));
  return std::chrono::year_month_day{std::chrono::year{year}, std::chrono::month{month},
                                     std::chrono::day{day}};
}

std::string lowerTrimmed(std::string_view text) { return asciiLower(trimAscii(text)); }

}  // namespace

std::optional<std::string> parseCalendarDate(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') {
    return std::nullopt;
  }
  for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (!std::isdigit(static_cast<unsigned char>(text[i]))) {
      return std::nullopt;
    }
  }
  std::string date(text);
  if (!toYmd(date).ok()) {
    return std::nullopt;
  }
  return date;
}

std::string easternToday(const Clock& clock) { return easternCalendarDate(clock.wallNow()); }

std::string previousDay(const std::string& date) {
  auto day = std::chrono::sys_days{toYmd(date)} - std::chrono::days(1);
  return calendarDate(std::chrono::year_month_day{day});
}

Result<std::string> dateArgumentText(std::string_view text, const Clock& clock) {
  std::string word = lowerTrimmed(text);
  if (word == "today") {
    return easternToday(clock);
  }
  if (word == "yesterday") {
    return previousDay(easternToday(clock));
  }
  if (auto date = parseCalendarDate(word)) {
    return *date;
  }
  return invalidArgument("'" + echoUserText(text, 40) +
                         "' is not a date I can read. Use YYYY-MM-DD (a real calendar date, "
                         "e.g. 2025-01-23), \"today\" or \"yesterday\" (US/Eastern).");
}

Season seasonOfDate(const std::string& date) {
  auto day = toYmd(date);
  int year = static_cast<int>(day.year());
  return Season{static_cast<unsigned>(day.month()) >= 8 ? year : year - 1};
}

Status checkNamedSeason(std::string_view subject, const Season& actual, const Season& named) {
  if (named == actual) return Status::ok();
  return invalidArgument(std::string(subject) + " is in " + actual.label() + ", not " +
                         named.label() + "; leave season out.");
}

std::string weekdayName(const std::string& date) {
  static constexpr const char* kNames[] = {"Sunday",   "Monday", "Tuesday", "Wednesday",
                                           "Thursday", "Friday", "Saturday"};
  std::chrono::weekday weekday{std::chrono::sys_days{toYmd(date)}};
  return kNames[weekday.c_encoding()];
}

}  // namespace nba::tools
