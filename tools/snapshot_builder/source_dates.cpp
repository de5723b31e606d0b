#include "source_dates.h"

#include <cctype>
#include <chrono>
#include <cstdio>

#include "core/calendar_date.h"

namespace nba::builder {

std::string isoDateFromNbaText(const std::string& text) {
  static constexpr const char* kMonths[] = {"JAN", "FEB", "MAR", "APR", "MAY", "JUN",
                                            "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"};
  if (text.size() != 12 || text[3] != ' ' || text[6] != ',') {
    return "";
  }
  std::string month = text.substr(0, 3);
  for (char& c : month) {
    c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  for (int m = 0; m < 12; ++m) {
    if (month == kMonths[m]) {
      char buffer[16];
      std::snprintf(buffer, sizeof(buffer), "%s-%02d-%s", text.substr(8, 4).c_str(), m + 1,
                    text.substr(4, 2).c_str());
      return buffer;
    }
  }
  return "";
}

std::string addDays(const std::string& iso, int days) {
  int y = 0;
  unsigned m = 0, d = 0;
  if (iso.size() != 10 || std::sscanf(iso.c_str(), "%4d-%2u-%2u", &y, &m, &d) != 3) {
    return "";
  }
  const std::chrono::year_month_day date{std::chrono::year{y}, std::chrono::month{m},
                                         std::chrono::day{d}};
  if (!date.ok()) {
    return "";
  }
  const std::chrono::year_month_day moved{std::chrono::sys_days{date} + std::chrono::days{days}};
  return calendarDate(moved);
}

}  // namespace nba::builder
