#include "origin/live/nba_date.h"

#include <array>
#include <cctype>
#include <chrono>

#include "core/ascii.h"
#include "core/calendar_date.h"

namespace nba::live {
namespace {

bool isCalendarDate(int year, int month, int day) {
  static constexpr std::array<int, 12> kDays = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (year < 1946 || year > 2200 || month < 1 || month > 12 || day < 1) {
    return false;
  }
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return day <= (month == 2 && !leap ? 28 : kDays[static_cast<std::size_t>(month - 1)]);
}

std::optional<std::string> formatted(int year, int month, int day) {
  if (!isCalendarDate(year, month, day)) {
    return std::nullopt;
  }
  return calendarDate(std::chrono::year_month_day{std::chrono::year{year},
                                                  std::chrono::month{static_cast<unsigned>(month)},
                                                  std::chrono::day{static_cast<unsigned>(day)}});
}

bool allDigits(std::string_view text) {
  for (char c : text) {
    if (!std::isdigit(static_cast<unsigned char>(c))) {
      return false;
    }
  }
  return !text.empty();
}

int number(std::string_view digits) {
  int value = 0;
  for (char c : digits) {
    value = value * 10 + (c - '0');
  }
  return value;
}

// "2025-10-21", optionally followed by a time ("T00:00:00", "T00:30:00Z").
std::optional<std::string> isoDate(std::string_view text) {
  if (text.size() < 10 || text[4] != '-' || text[7] != '-') {
    return std::nullopt;
  }
  if (text.size() > 10 && text[10] != 'T') {
    return std::nullopt;
  }
  const auto year = text.substr(0, 4), month = text.substr(5, 2), day = text.substr(8, 2);
  if (!allDigits(year) || !allDigits(month) || !allDigits(day)) {
    return std::nullopt;
  }
  return formatted(number(year), number(month), number(day));
}

// "APR 14, 2024" or "Feb 20, 2026".
std::optional<std::string> monthNameDate(std::string_view text) {
  static constexpr std::array<std::string_view, 12> kMonths = {
      "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
  const auto space = text.find(' ');
  const auto comma = text.find(", ");
  if (space != 3 || comma == std::string_view::npos || comma <= space + 1) {
    return std::nullopt;
  }
  const std::string month_name = asciiLower(text.substr(0, 3));
  const auto day = text.substr(space + 1, comma - space - 1);
  const auto year = text.substr(comma + 2);
  if (!allDigits(day) || day.size() > 2 || !allDigits(year) || year.size() != 4) {
    return std::nullopt;
  }
  for (std::size_t m = 0; m < kMonths.size(); ++m) {
    if (kMonths[m] == month_name) {
      return formatted(number(year), static_cast<int>(m) + 1, number(day));
    }
  }
  return std::nullopt;
}

// "10/21/2025" or "1/1/2024", optionally followed by a time ("10/21/2025 00:00:00", the cdn
// schedule's gameDate).
std::optional<std::string> slashDate(std::string_view text) {
  text = text.substr(0, text.find(' '));
  const auto first = text.find('/');
  const auto second = text.find('/', first == std::string_view::npos ? 0 : first + 1);
  if (first == std::string_view::npos || second == std::string_view::npos) {
    return std::nullopt;
  }
  const auto month = text.substr(0, first), day = text.substr(first + 1, second - first - 1);
  const auto year = text.substr(second + 1);
  if (!allDigits(month) || month.size() > 2 || !allDigits(day) || day.size() > 2 ||
      !allDigits(year) || year.size() != 4) {
    return std::nullopt;
  }
  return formatted(number(year), number(month), number(day));
}

}  // namespace

std::optional<std::string> parseNbaDate(std::string_view text) {
  text = trimAscii(text);
  if (auto iso = isoDate(text)) {
    return iso;
  }
  if (auto slash = slashDate(text)) {
    return slash;
  }
  return monthNameDate(text);
}

}  // namespace nba::live
