#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace nba::nlq {

// What a word or phrase of a question means to the parser.
enum class LexRole : std::uint8_t {
  kNone,
  kStop,         // filler: "the", "who", "show", "me"
  kStat,         // text = canonical stat code ("PTS", "FG3_PCT", "OFF_RATING")
  kCue,          // value = Cue: a word that signals an intent
  kConference,   // text = "East" | "West"
  kDivision,     // text = "Atlantic", …
  kSeasonRel,    // value = seasons back from the current one ("last season" = 1)
  kSeasonType,   // value = 1 for playoffs, 0 for regular season
  kPerMode,      // value = stats::PerMode
  kDateRel,      // value = days from the reference date ("yesterday" = -1)
  kAward,        // text = award code ("MVP", "ALL_NBA")
  kSeparator,    // "and", "also", "plus": may join two questions
  kLowest,       // value 0 = "worst" (the bad end), 1 = "fewest", "lowest" (low values)
  kHome,         // "at home", "home games"
  kAway,         // "on the road", "away"
  kNumber,       // value = a number written as a word ("ten")
  kMonth,        // value = 1..12
  kUpcoming,     // "next", "upcoming"
  kAdvanced,     // "advanced", "efficiency" for teams
  kLastGames,    // value = n: "last game" = 1, "recent games" = 5
  kSeasonRange,  // "seasons", "years": after "last N"
  kOutOfScope,   // text = what nba-mcp has no data on ("the WNBA", "injuries"); value = Scope
  kNamedDate,    // value = NamedDate: "Christmas", "MLK Day"
  kPosition,     // text = "G" | "F" | "C": "guards", "big men"
  kRookie,       // "rookies", "first-year players": a leaders board of rookies only
};

// Days people name instead of dating them (LexRole::kNamedDate values).
enum class NamedDate : std::uint8_t {
  kChristmas,      // December 25
  kNewYearsEve,    // December 31
  kNewYearsDay,    // January 1
  kMlkDay,         // the third Monday of January
  kThanksgiving,   // the fourth Thursday of November
  kValentinesDay,  // February 14
  kHalloween,      // October 31
  // Days only a season's games date (ParseContext::season_days):
  kOpeningNight,  // the season's first game day
  kLastDay,       // the last day of its regular season
  kCupFinal,      // its NBA Cup final
};

// What an out-of-scope word names (LexRole::kOutOfScope values).
enum class Scope : std::uint8_t {
  kOtherLeague,  // "WNBA", "G League", "college": the NBA only is covered
  kNotStats,     // "salary", "injured", "odds": not game statistics
  kSingleGame,   // "in a game", "season high": a season's single-game highs, out of scope
                 // only without a date (one day's leaders are covered)
};

// Intent signals (LexRole::kCue values).
enum class Cue : std::uint8_t {
  kLeaders,    // "leads", "top", "best", "most", "leaders"; text "high" = high values
  kStandings,  // "standings", "seed", "record"
  kScores,     // "scores", "results", "final score"
  kGames,      // "game", "games", "play", "played": weak, scores/schedule by context
  kSchedule,   // "schedule", "when do … play"
  kBoxScore,   // "box score"
  kCompare,    // "compare", "better", "or"
  kVersus,     // "vs", "versus", "against", "beat", "head to head"
  kCareer,     // "career", "all time", "season by season"
  kGameLog,    // "game log", "lately"
  kStats,      // "stats", "averages", "numbers", "how many"
  kAwards,     // "award", "awards", "won", "winner"
  kTeam,       // "team", "teams"
  kPlayer,     // "player", "players"
};

// LexEntry::value of a stat that also asks for a ranking: a scoring verb before "most"
// ("who scores (the) most", slot_hits.cpp).
inline constexpr int kRankingStat = 1;

struct LexEntry {
  LexRole role = LexRole::kNone;
  int value = 0;
  std::string_view text;  // static storage
};

// The parser's fixed vocabulary: stop words, stat aliases (from stats::allStats() plus the
// plural and team forms people use), season, date, per-mode, conference, division and award
// words, intent cues. Keys are phrases of 1..kMaxPhraseTokens normalized words joined by one
// space (tokenizer.h). Built once on first use; immutable; thread-safe.
class Lexicon {
 public:
  static constexpr std::size_t kMaxPhraseTokens = 6;

  static const Lexicon& get();

  // The entry of a phrase, or nullptr.
  virtual const LexEntry* find(std::string_view phrase) const = 0;
  // Its one-word keys of five letters or more ("season", "games", "rebounds"): what a typo
  // of a question word is matched against (typo_correction.h).
  virtual const std::vector<std::string_view>& longWords() const = 0;
  // True for a word of any key, alone or inside a phrase ("rating" of "net rating").
  virtual bool knowsWord(std::string_view word) const = 0;

  virtual ~Lexicon() = default;
};

// "one".."twenty", "thirty", "fifty" and digit strings up to 4 digits, ordinals allowed
// ("5th", "third"); -1 when `word` is not a number.
int numberValue(std::string_view word);

}  // namespace nba::nlq
