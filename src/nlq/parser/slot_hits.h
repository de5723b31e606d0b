#pragma once

#include <chrono>
#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "nlq/parser/parsed_query.h"
#include "nlq/parser/token_labels.h"
#include "nlq/parser/tokenizer.h"

namespace nba::nlq {

// The days of a season that only its games say: its opening night, the last day of its
// regular season ("" while that is still to come) and its NBA Cup final ("" before it).
struct SeasonDays {
  Season season;
  std::string first;      // "2024-10-22"
  std::string last;       // "2025-04-13" | ""
  std::string cup_final;  // "2024-12-17" | ""
};

// The reference point for relative words: "today" is `today` (the US/Eastern game day),
// "this season" is `current`; `season_days` dates "opening night" and "the last day of the
// regular season" (the caller reads them from the data, which the parser has none of; asked
// only when a question names such a day). Unset: no season's days are known.
struct ParseContext {
  std::chrono::year_month_day today;
  Season current;
  std::function<std::vector<SeasonDays>()> season_days;  // oldest first
};

// The context at `now`: today's date at UTC-5 (as the live-scores tool counts game days)
// and the season in progress.
ParseContext parseContextAt(std::chrono::system_clock::time_point now);

enum class HitKind {
  kStat,
  kLimit,
  kLastN,
  kSeason,
  kSeasonRel,
  kSeasonRange,
  kSeasonType,
  kPerMode,
  kConference,
  kDivision,
  kDate,
  kDateRel,
  kUpcoming,
  kHome,
  kAway,
  kAward,
  kAdvanced,
  kLowest,     // number = 0 for "worst", 1 for low values ("fewest")
  kHighest,    // high values: "most", "highest", "fastest"
  kMonth,      // a whole month: number = year (0 = unsaid), month
  kNamedDate,  // number = year (0 = unsaid), month = NamedDate
  kDateTo,     // a range's last day, right after its first (a kDate): as kDate
  kGameId,     // an NBA.com game id ("0022300403"): text
  kPosition,   // "G" | "F" | "C": text
  kRookies,    // only rookies
  kMinGames,   // "min 65 games", "at least 70 games": number = games
};

// One fact found at word `pos`. Values by kind: kLimit/kLastN/kSeasonRange number = n;
// kSeason number = start year; kSeasonRel number = seasons back; kSeasonType number = 1 for
// playoffs; kPerMode number = PerMode; kDate number/month/day = year (0 = unsaid)/month/day;
// kDateRel number = days; text for kStat, kConference, kDivision, kAward.
struct SlotHit {
  std::size_t pos = 0;
  HitKind kind = HitKind::kStat;
  int number = 0;  // the value itself; a date's year
  int month = 0;   // kDate, kMonth
  int day = 0;     // kDate
  std::string_view text;
  bool bare_year = false;  // kSeason written as a lone year ("2024"), not a season ("2023-24")
};

// Labels every word from the lexicon (longest phrase first) and finds the patterns around
// numbers ("top 5", "last 10 games", "last 3 seasons", "March 8", "2024"), appending the
// facts to `hits` in question order. Pure; thread-safe.
void labelQuestion(const TokenizedText& text, TokenLabels* labels, std::vector<SlotHit>* hits);

// Folds the hits with pos in [first, last) into `slots` (the first season/date/limit said
// wins; stats accumulate without duplicates).
void applyHits(const std::vector<SlotHit>& hits, std::size_t first, std::size_t last,
               const ParseContext& context, QuerySlots* slots);

}  // namespace nba::nlq
