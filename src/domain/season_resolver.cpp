#include "domain/season_resolver.h"

#include <algorithm>
#include <cctype>
#include <charconv>

#include "core/user_text.h"

namespace nba {
namespace {

constexpr int kFirstSeason = 1946;  // 1946-47, the BAA's first season

std::string normalize(std::string_view text) {
  std::string out;
  for (char c : text) {
    const bool space = std::isspace(static_cast<unsigned char>(c)) != 0;
    if (space && (out.empty() || out.back() == ' ')) {
      continue;
    }
    out.push_back(space ? ' ' : static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  }
  while (!out.empty() && out.back() == ' ') {
    out.pop_back();
  }
  return out;
}

bool allDigits(std::string_view text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) {
    return std::isdigit(static_cast<unsigned char>(c)) != 0;
  });
}

int toInt(std::string_view digits) {
  int value = 0;
  std::from_chars(digits.data(), digits.data() + digits.size(), value);
  return value;
}

Status notASeason(std::string_view text) {
  return invalidArgument("'" + echoUserText(text) +
                         "' is not a season; use a season like 2024-25, a year like 2025 (the "
                         "season ending in 2025), 'this season' or 'last season'");
}

bool isAvailable(const std::vector<Season>& available, Season season) {
  return std::find(available.begin(), available.end(), season) != available.end();
}

// The season to use when `wanted` (a current or recent season) has no data.
Result<SeasonResolution> withFallback(Season wanted, const std::vector<Season>& available) {
  if (isAvailable(available, wanted)) {
    return SeasonResolution{wanted, false, ""};
  }
  if (available.empty()) {
    return notFound("no season has data at this source");
  }
  const Season latest = *std::max_element(available.begin(), available.end());
  if (wanted < latest) {
    return notFound("no data for " + wanted.label() + "; available: " + seasonList(available));
  }
  return SeasonResolution{latest, true,
                          wanted.label() + " has no data at this source; using " + latest.label() +
                              ", the latest season with data"};
}

}  // namespace

Season seasonAt(std::chrono::system_clock::time_point now) {
  const std::chrono::year_month_day date{std::chrono::floor<std::chrono::days>(now)};
  const int year = static_cast<int>(date.year());
  return Season{static_cast<unsigned>(date.month()) >= 10 ? year : year - 1};
}

bool seasonKnownAt(Season season, std::chrono::system_clock::time_point now) {
  return season <= seasonAt(now);
}

Status seasonNotStarted(Season season, std::chrono::system_clock::time_point now) {
  return invalidArgument(season.label() + " has not started yet; the current season is " +
                         seasonAt(now).label());
}

std::string seasonList(const std::vector<Season>& seasons) {
  std::vector<Season> sorted = seasons;
  std::sort(sorted.begin(), sorted.end());
  std::string out;
  for (const Season& season : sorted) {
    out += (out.empty() ? "" : ", ") + season.label();
  }
  return out;
}

Result<Season> parseSeasonText(std::string_view raw) {
  const std::string text = normalize(raw);
  if (allDigits(text) && text.size() == 4) {
    return Season{toInt(text) - 1};  // the season ending in that year
  }
  const std::size_t separator = text.find_first_of("-/");
  if (separator != 4 || !allDigits(text.substr(0, 4))) {
    return notASeason(raw);
  }
  const std::string_view end = std::string_view(text).substr(5);
  if (!allDigits(end) || (end.size() != 2 && end.size() != 4)) {
    return notASeason(raw);
  }
  const int start = toInt(std::string_view(text).substr(0, 4));
  const int end_year = end.size() == 4 ? toInt(end) : (start / 100) * 100 + toInt(end);
  const bool century_wrap = end.size() == 2 && start % 100 == 99 && toInt(end) == 0;
  if (end_year != start + 1 && !century_wrap) {
    return invalidArgument(std::string(raw) + " is not a season: " + std::to_string(start) +
                           " is followed by " + std::to_string(start + 1) + " (" +
                           Season{start}.label() + ")");
  }
  return Season{start};
}

Result<SeasonResolution> resolveSeason(std::string_view raw, const Clock& clock,
                                       const std::vector<Season>& available) {
  const std::string text = normalize(raw);
  const std::chrono::system_clock::time_point now = clock.wallNow();
  const Season current = seasonAt(now);
  if (text.empty() || text == "this season" || text == "current" || text == "current season" ||
      text == "this year" || text == "now") {
    return withFallback(current, available);
  }
  if (text == "last season" || text == "previous season" || text == "last year") {
    return withFallback(Season{current.start_year - 1}, available);
  }
  Result<Season> parsed = parseSeasonText(text);
  if (!parsed.ok()) {
    return parsed.status();
  }
  const Season season = *parsed;
  if (season.start_year < kFirstSeason) {
    return invalidArgument(season.label() + " is before the first NBA season, 1946-47");
  }
  if (!seasonKnownAt(season, now)) {
    return seasonNotStarted(season, now);
  }
  if (season == current) {
    return withFallback(season, available);
  }
  if (!isAvailable(available, season)) {
    return notFound("no data for " + season.label() +
                    " at this source; available: " + seasonList(available));
  }
  return SeasonResolution{season, false, ""};
}

}  // namespace nba
