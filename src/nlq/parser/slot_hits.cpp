#include "nlq/parser/slot_hits.h"

#include <algorithm>
#include <optional>

#include "core/calendar_date.h"
#include "domain/season_resolver.h"

namespace nba::nlq {
namespace {

constexpr int kFirstSeasonEndYear = 1947;
constexpr int kLastSeasonEndYear = 2100;
constexpr int kMaxLimit = 50;

// The leading digits' value, saturating at kTooBig: callers check ranges, and a long run
// of digits ("12/20/200000000000000000024") must not overflow an int (a fuzz finding).
constexpr int kTooBig = 1'000'000;
int toInt(std::string_view digits) {
  int value = 0;
  for (char c : digits) {
    if (c < '0' || c > '9') {
      break;
    }
    value = std::min(value * 10 + (c - '0'), kTooBig);
  }
  return value;
}

// Pass 1: the lexicon, longest phrase first.
void labelPhrases(const TokenizedText& text, TokenLabels* labels) {
  const Lexicon& lexicon = Lexicon::get();
  const std::size_t n = text.tokens.size();
  std::size_t i = 0;
  while (i < n) {
    std::size_t taken = 1;
    const std::size_t longest = std::min(Lexicon::kMaxPhraseTokens, n - i);
    for (std::size_t len = longest; len > 0; --len) {
      const LexEntry* entry = lexicon.find(text.span(i, i + len));
      if (entry != nullptr) {
        for (std::size_t k = i; k < i + len; ++k) {
          (*labels)[k] = {entry->role, entry, k == i, false, false};
        }
        taken = len;
        break;
      }
    }
    i += taken;
  }
}

// "Who won the 2024 NBA Cup": the year splits the lexicon's "won the nba cup". The words
// around it are still that phrase, headed by "won", so the year after "won the" dates the
// Cup's final as "nba cup final 2024" does.
void cupWonAcrossYear(const TokenizedText& text, TokenLabels* labels) {
  static const LexEntry kCupWon{LexRole::kNamedDate, static_cast<int>(NamedDate::kCupFinal),
                                "won the nba cup"};
  const std::size_t n = labels->size();
  for (std::size_t i = 0; i + 3 < n; ++i) {
    const std::string_view verb = text.token(i);
    if ((verb != "won" && verb != "win" && verb != "wins") || text.token(i + 1) != "the") continue;
    std::size_t cup = i + 2;
    while (cup < n && (text.tokens[cup].shape == TokenShape::kNumber ||
                       text.tokens[cup].shape == TokenShape::kSeason)) {
      ++cup;
    }
    std::size_t end = cup;
    if (cup + 1 < n && text.token(cup) == "nba" && text.token(cup + 1) == "cup") end = cup + 2;
    if (cup < n && text.token(cup) == "cup") end = cup + 1;
    if (cup == i + 2 || end == cup) continue;
    for (std::size_t k : {i, i + 1}) (*labels)[k] = {LexRole::kNamedDate, &kCupWon, k == i};
    for (std::size_t k = cup; k < end; ++k) (*labels)[k] = {LexRole::kNamedDate, &kCupWon, false};
  }
}

// "PER", "TS" in capitals are the stats; lower-case "per" and "ts" are ordinary ("per game").
void capitalStats(const TokenizedText& text, TokenLabels* labels) {
  static const LexEntry kPer{LexRole::kStat, 0, "PER"};
  static const LexEntry kTs{LexRole::kStat, 0, "TS_PCT"};
  for (std::size_t i = 0; i < labels->size(); ++i) {
    const LexRole role = (*labels)[i].role;
    if (!text.tokens[i].all_caps || (role != LexRole::kNone && role != LexRole::kStop)) continue;
    const std::string_view word = text.token(i);
    if (word == "per" || word == "ts") {
      (*labels)[i] = {LexRole::kStat, word == "per" ? &kPer : &kTs, true, false, false};
    }
  }
}

// A scoring verb before "most" ("who scores most for the Knicks", "which team scored the
// most"): the verb is the stat, points, and the question ranks by it.
void scoringVerbsRank(const TokenizedText& text, TokenLabels* labels) {
  static const LexEntry kPointsRanking{LexRole::kStat, kRankingStat, "PTS"};
  const std::size_t n = labels->size();
  for (std::size_t i = 0; i + 1 < n; ++i) {
    const std::string_view word = text.token(i);
    if (word != "score" && word != "scores" && word != "scored") continue;
    std::size_t next = i + 1;
    if (text.token(next) == "the" && next + 1 < n) ++next;
    if (text.token(next) == "most") {
      (*labels)[i] = {LexRole::kStat, &kPointsRanking, true, false, false};
    }
  }
}

// "How many threes did Curry make": a count over the season, so totals, unless the question
// speaks of an average or a rate.
void countingAsksTotals(const TokenizedText& text, const TokenLabels& labels,
                        std::vector<SlotHit>* hits) {
  std::optional<std::size_t> how_many;
  bool did = false;
  for (std::size_t i = 0; i < labels.size(); ++i) {
    const std::string_view word = text.token(i);
    if (labels[i].role == LexRole::kPerMode) return;  // the question says which
    if (word == "average" || word == "averaging" || word == "averages" || word == "averaged" ||
        word == "avg" || word == "ppg" || word == "rpg" || word == "apg") {
      return;
    }
    if (word == "how" && i + 1 < labels.size() && text.token(i + 1) == "many") how_many = i;
    if (word == "did" && how_many) did = true;
  }
  if (how_many && did) {
    hits->push_back(
        {*how_many, HitKind::kPerMode, static_cast<int>(stats::PerMode::kTotals), 0, 0, {}});
  }
}

// "Fastest team", "slowest teams": speed is pace, when no other stat is named.
void speedMeansPace(const TokenizedText& text, const TokenLabels& labels,
                    std::vector<SlotHit>* hits) {
  std::optional<std::size_t> speed;
  for (std::size_t i = 0; i < labels.size(); ++i) {
    if (labels[i].role == LexRole::kStat) return;
    const std::string_view word = text.token(i);
    if (word == "fastest" || word == "slowest" || word == "quickest") speed = i;
  }
  if (speed) hits->push_back({*speed, HitKind::kStat, 0, 0, 0, "PACE"});
}

class PatternPass {
 public:
  PatternPass(const TokenizedText& text, TokenLabels* labels, std::vector<SlotHit>* hits)
      : text_(text), labels_(*labels), hits_(*hits) {}

  void run() {
    for (std::size_t i = 0; i < labels_.size(); ++i) {
      if (labels_[i].slot) {
        continue;
      }
      switch (text_.tokens[i].shape) {
        case TokenShape::kSeason:
          season(i);
          break;
        case TokenShape::kIsoDate:
        case TokenShape::kSlashDate:
          writtenDate(i);
          break;
        case TokenShape::kNumber:
          // "box score for game 0022300403": ten digits from 00 are NBA.com's game ids.
          if (tok(i).size() == 10 && tok(i).starts_with("00")) {
            take(i);
            hit(i, HitKind::kGameId, 0, 0, 0, tok(i));
            break;
          }
          word(i);
          break;
        default:
          word(i);
      }
    }
    std::stable_sort(hits_.begin(), hits_.end(),
                     [](const SlotHit& x, const SlotHit& y) { return x.pos < y.pos; });
  }

 private:
  std::string_view tok(std::size_t i) const { return text_.token(i); }
  LexRole role(std::size_t i) const {
    return i < labels_.size() ? labels_[i].role : LexRole::kNone;
  }
  bool cueAt(std::size_t i, Cue cue) const {
    return i < labels_.size() && labels_[i].role == LexRole::kCue &&
           labels_[i].entry->value == static_cast<int>(cue);
  }
  void take(std::size_t i) { labels_[i].slot = true; }
  void hit(std::size_t pos, HitKind kind, int number = 0, int month = 0, int day = 0,
           std::string_view text = {}) {
    hits_.push_back({pos, kind, number, month, day, text});
  }

  void season(std::size_t i) {
    const std::string_view t = tok(i);
    const int start = toInt(t.substr(0, 4));
    if ((start + 1) % 100 == toInt(t.substr(5, 2))) {
      hit(i, HitKind::kSeason, start);
      take(i);
    }
  }

  struct Day {
    int year = 0;  // 0: unsaid
    int month = 0;
    int day = 0;
  };

  // The day an ISO ("2025-03-01") or slash ("3/1", "3/1/2025") token writes.
  Day writtenDay(std::size_t i) const {
    const std::string_view t = tok(i);
    if (text_.tokens[i].shape == TokenShape::kIsoDate) {
      return {toInt(t.substr(0, 4)), toInt(t.substr(5, 2)), toInt(t.substr(8, 2))};
    }
    const std::size_t slash = t.find('/');
    const std::size_t second = t.find('/', slash + 1);
    int year = second == std::string_view::npos ? 0 : toInt(t.substr(second + 1));
    if (year > 0 && year < 100) {
      year += 2000;
    }
    return {year, toInt(t), toInt(t.substr(slash + 1))};
  }

  // "2025-03-01", "3/8/2025", and a range of them: "2025-03-01 to 2025-03-10".
  void writtenDate(std::size_t i) {
    const Day first = writtenDay(i);
    hit(i, HitKind::kDate, first.year, first.month, first.day);
    take(i);
    if (i + 2 < labels_.size() && isRangeWord(i, tok(i + 1)) &&
        text_.tokens[i + 2].shape == text_.tokens[i].shape) {
      const Day last = writtenDay(i + 2);
      hit(i, HitKind::kDateTo, last.year, last.month, last.day);
      take(i + 1);
      take(i + 2);
    }
  }

  // A word joining a range's first and last day ("and" only after "between").
  bool isRangeWord(std::size_t first, std::string_view word) const {
    return word == "to" || word == "through" || word == "thru" || word == "until" ||
           word == "till" || (word == "and" && first > 0 && tok(first - 1) == "between");
  }

  void word(std::size_t i) {
    const TokenLabel& label = labels_[i];
    if (label.role == LexRole::kMonth) {
      month(i);
      return;
    }
    if (label.role == LexRole::kNamedDate && label.head) {
      namedDate(i);
      return;
    }
    if (label.role == LexRole::kNone || label.role == LexRole::kNumber) {
      const int n = numberValue(tok(i));
      if (n >= 0) {
        labels_[i].role = LexRole::kNumber;
        number(i, n);
      }
      return;
    }
    if (label.head) {
      roleHit(i, *label.entry);
    }
  }

  void roleHit(std::size_t i, const LexEntry& e) {
    switch (e.role) {
      case LexRole::kStat:
        hit(i, HitKind::kStat, 0, 0, 0, e.text);
        break;
      case LexRole::kSeasonRel:
        hit(i, HitKind::kSeasonRel, e.value);
        break;
      case LexRole::kSeasonType:
        hit(i, HitKind::kSeasonType, e.value);
        break;
      case LexRole::kPerMode:
        // "total season averages", "his total season": the whole season, not totals.
        if (tok(i) == "total" && i + 1 < labels_.size() &&
            (tok(i + 1) == "season" || tok(i + 1) == "year")) {
          break;
        }
        hit(i, HitKind::kPerMode, e.value);
        break;
      case LexRole::kConference:
        hit(i, HitKind::kConference, 0, 0, 0, e.text);
        break;
      case LexRole::kDivision:
        hit(i, HitKind::kDivision, 0, 0, 0, e.text);
        break;
      case LexRole::kPosition:
        hit(i, HitKind::kPosition, 0, 0, 0, e.text);
        break;
      case LexRole::kRookie:
        hit(i, HitKind::kRookies);
        break;
      case LexRole::kDateRel:
        hit(i, HitKind::kDateRel, e.value);
        break;
      case LexRole::kUpcoming:
        hit(i, HitKind::kUpcoming);
        break;
      case LexRole::kHome:
        hit(i, HitKind::kHome);
        break;
      case LexRole::kAway:
        hit(i, HitKind::kAway);
        break;
      case LexRole::kAward:
        hit(i, HitKind::kAward, 0, 0, 0, e.text);
        break;
      case LexRole::kAdvanced:
        hit(i, HitKind::kAdvanced);
        break;
      case LexRole::kLowest:
        hit(i, HitKind::kLowest, e.value);
        break;
      case LexRole::kCue:
        if (e.text == "high") hit(i, HitKind::kHighest);
        break;
      case LexRole::kLastGames:
        hit(i, HitKind::kLastN, e.value);
        break;
      default:
        break;
    }
  }

  // "Christmas", "Christmas Day 2024": the year, when one follows the name, is the
  // calendar year (not a season).
  void namedDate(std::size_t i) {
    std::size_t next = i + 1;
    while (next < labels_.size() && labels_[next].role == LexRole::kNamedDate &&
           !labels_[next].head) {
      ++next;  // the rest of a phrase ("christmas day")
    }
    int year = 0;
    if (next < labels_.size() && text_.tokens[next].shape == TokenShape::kNumber &&
        isYear(numberValue(tok(next)))) {
      year = numberValue(tok(next));
      take(next);
    }
    hit(i, HitKind::kNamedDate, year, labels_[i].entry->value);
  }

  // "March 8", "Mar 8th 2025", "8 March"; a month without a day is only a word ("may").
  void month(std::size_t i) {
    const int m = labels_[i].entry->value;
    const std::size_t n = labels_.size();
    const int after = i + 1 < n ? numberValue(tok(i + 1)) : -1;
    if (after >= 1 && after <= 31) {
      take(i + 1);
      std::size_t next = i + 2;
      int first_year = yearAt(&next);  // "Dec 28 2024 to Jan 4 2025"
      const RangeEnd end = rangeEnd(i, m, after, &next);
      int last_year = end.month != 0 ? yearAt(&next) : 0;
      // One year written for both: "Dec 20 to Jan 5 2025" starts the year before.
      if (first_year == 0 && last_year != 0) first_year = end.month < m ? last_year - 1 : last_year;
      if (last_year == 0 && first_year != 0)
        last_year = end.month < m ? first_year + 1 : first_year;
      hit(i, HitKind::kDate, first_year, m, after);
      if (end.month != 0) hit(i, HitKind::kDateTo, last_year, end.month, end.day);
      take(i);
      return;
    }
    std::size_t before = i;
    if (before > 0 && tok(before - 1) == "of") {
      --before;
    }
    const int day = before > 0 ? numberValue(tok(before - 1)) : -1;
    if (day >= 1 && day <= 31 && !labels_[before - 1].slot) {
      take(before - 1);
      take(i);
      hit(i, HitKind::kDate, 0, m, day);
      return;
    }
    wholeMonth(i, m);
  }

  // The year written at `*at`, taken and stepped over; 0 when none is.
  int yearAt(std::size_t* at) {
    if (*at >= labels_.size() || text_.tokens[*at].shape != TokenShape::kNumber ||
        !isYear(numberValue(tok(*at)))) {
      return 0;
    }
    take(*at);
    return numberValue(tok((*at)++));
  }

  struct RangeEnd {
    int month = 0;  // 0: no range
    int day = 0;
  };

  // After "March 1" (month word at `i`, the day after it), the range's last day, if one
  // follows: "to March 10", "through the 10th", "- 10" ("Jan 1-10"), "and March 10" after
  // "between". Advances `next` past what it read.
  RangeEnd rangeEnd(std::size_t i, int m, int first_day, std::size_t* next) {
    const std::size_t n = labels_.size();
    std::size_t at = *next;
    if (at >= n) return {};
    const bool worded = isRangeWord(i, tok(at));
    // "Jan 1-10", "feb 1 - feb 10": the tokenizer leaves a break where the dash was.
    const bool dashed =
        !worded && text_.tokens[at].break_before &&
        (text_.tokens[at].shape == TokenShape::kNumber || labels_[at].role == LexRole::kMonth);
    if (!worded && !dashed) return {};
    std::size_t day_at = worded ? at + 1 : at;
    if (day_at < n && tok(day_at) == "the") ++day_at;
    RangeEnd end;
    if (day_at + 1 < n && labels_[day_at].role == LexRole::kMonth) {
      end = {labels_[day_at].entry->value, numberValue(tok(day_at + 1))};
      if (end.day < 1 || end.day > 31) return {};
      take(day_at);
      ++day_at;
    } else if (day_at < n) {
      end = {m, numberValue(tok(day_at))};
      if (end.day <= first_day || end.day > 31) return {};
    } else {
      return {};
    }
    for (std::size_t k = at; k <= day_at; ++k) take(k);
    *next = day_at + 1;
    return end;
  }

  // "in January", "January 2025": the month's games. "may" alone stays a word.
  void wholeMonth(std::size_t i, int m) {
    const std::size_t n = labels_.size();
    const int year = i + 1 < n ? numberValue(tok(i + 1)) : -1;
    const bool with_year = isYear(year) && text_.tokens[i + 1].shape == TokenShape::kNumber;
    const bool after_in = i > 0 && tok(i - 1) == "in" && tok(i) != "may";
    labels_[i].role = LexRole::kStop;
    if (!with_year && !after_in) {
      return;
    }
    take(i);
    if (with_year) take(i + 1);
    hit(i, HitKind::kMonth, with_year ? year : 0, m);
  }

  static bool isYear(int n) { return n >= kFirstSeasonEndYear && n <= kLastSeasonEndYear; }

  void number(std::size_t i, int n) {
    if (minimumGames(i, n)) return;
    const bool after_top = i > 0 && cueAt(i - 1, Cue::kLeaders) && tok(i - 1) != "most";
    const bool after_last =
        i > 0 && (tok(i - 1) == "last" || tok(i - 1) == "past" || tok(i - 1) == "previous" ||
                  tok(i - 1) == "recent" || tok(i - 1) == "final" || tok(i - 1) == "closing");
    if (after_last && i + 1 < labels_.size() && cueAt(i + 1, Cue::kGames)) {
      hit(i, HitKind::kLastN, n);
      take(i);
      take(i + 1);
      return;
    }
    // "mavs last 3": the question's last words, games understood.
    if (after_last && i + 1 == labels_.size() && n <= 82) {
      hit(i, HitKind::kLastN, n);
      take(i);
      return;
    }
    // "first 4 games": the season's opening games, oldest first.
    const bool after_first = i > 0 && (tok(i - 1) == "first" || tok(i - 1) == "opening");
    if (after_first && i + 1 < labels_.size() && cueAt(i + 1, Cue::kGames) && n > 0) {
      hit(i, HitKind::kLimit, n);
      take(i);
      take(i + 1);
      return;
    }
    if (after_last && role(i + 1) == LexRole::kSeasonRange) {
      hit(i, HitKind::kSeasonRange, n);
      take(i);
      take(i + 1);
      return;
    }
    const bool before_ranked = cueAt(i + 1, Cue::kLeaders) || role(i + 1) == LexRole::kStat ||
                               cueAt(i + 1, Cue::kPlayer) || cueAt(i + 1, Cue::kTeam);
    if (isYear(n) && text_.tokens[i].shape == TokenShape::kNumber) {
      hit(i, HitKind::kSeason, n - 1);
      hits_.back().bare_year = true;
      take(i);
      return;
    }
    if (after_top || (before_ranked && n > 0)) {
      hit(i, HitKind::kLimit, n);
      take(i);
    }
  }

  // "min 65 games", "minimum 60 games", "at least 70 games", "70 or more games", "65 games
  // minimum": a floor on games played (a leaders board's min_games). "min" is then not
  // Minnesota.
  bool minimumGames(std::size_t i, int n) {
    const std::size_t size = labels_.size();
    std::size_t first = i;
    std::size_t last = i;  // the word "games"
    if (i > 0 && (tok(i - 1) == "min" || tok(i - 1) == "minimum")) {
      first = i - 1;
    } else if (i > 1 && tok(i - 1) == "least" && tok(i - 2) == "at") {
      first = i - 2;
    }
    if (first < i && i + 1 < size && cueAt(i + 1, Cue::kGames)) {
      last = i + 1;
    } else if (first == i && i + 3 < size && tok(i + 1) == "or" &&
               (tok(i + 2) == "more" || tok(i + 2) == "over") && cueAt(i + 3, Cue::kGames)) {
      last = i + 3;
    } else if (first == i && i + 2 < size && cueAt(i + 1, Cue::kGames) &&
               (tok(i + 2) == "min" || tok(i + 2) == "minimum")) {
      last = i + 2;
    } else {
      return false;
    }
    if (n <= 0) return false;
    // "least" of "at least" was already read as a ranking from the bottom ("least points").
    hits_.erase(std::remove_if(hits_.begin(), hits_.end(),
                               [&](const SlotHit& h) {
                                 return h.pos >= first && h.pos < i && h.kind == HitKind::kLowest;
                               }),
                hits_.end());
    hit(i, HitKind::kMinGames, n);
    for (std::size_t k = first; k <= last; ++k) take(k);
    return true;
  }

  const TokenizedText& text_;
  TokenLabels& labels_;
  std::vector<SlotHit>& hits_;
};

// The first and last day of a month; without a year, the latest such month begun by today.
void monthRange(int year, int month, const ParseContext& context, QuerySlots* slots) {
  using namespace std::chrono;
  if (year == 0) {
    year = static_cast<int>(context.today.year());
    if (static_cast<unsigned>(context.today.month()) < static_cast<unsigned>(month)) --year;
  }
  const year_month ym{std::chrono::year{year}, std::chrono::month{static_cast<unsigned>(month)}};
  slots->date = calendarDate(year_month_day{ym / 1});
  slots->date_to = calendarDate(year_month_day{ym / last});
}

// A named day in `year`.
std::chrono::year_month_day namedDay(NamedDate which, int year) {
  using namespace std::chrono;
  const std::chrono::year y{year};
  switch (which) {
    case NamedDate::kChristmas:
      return y / December / 25;
    case NamedDate::kNewYearsEve:
      return y / December / 31;
    case NamedDate::kNewYearsDay:
      return y / January / 1;
    case NamedDate::kMlkDay:
      return year_month_day{sys_days{y / January / Monday[3]}};
    case NamedDate::kThanksgiving:
      return year_month_day{sys_days{y / November / Thursday[4]}};
    case NamedDate::kValentinesDay:
      return y / February / 14;
    case NamedDate::kHalloween:
      return y / October / 31;
    case NamedDate::kOpeningNight:  // dated by the data: seasonDay()
    case NamedDate::kLastDay:
    case NamedDate::kCupFinal:
      break;
  }
  return y / January / 1;
}

bool isSeasonDay(NamedDate which) {
  return which == NamedDate::kOpeningNight || which == NamedDate::kLastDay ||
         which == NamedDate::kCupFinal;
}

const std::string& dayOf(const SeasonDays& days, NamedDate which) {
  return which == NamedDate::kOpeningNight ? days.first
         : which == NamedDate::kLastDay    ? days.last
                                           : days.cup_final;
}

// "Opening night", "the last day of the regular season", "the NBA Cup final": of the season
// asked about; with a year, the season that opened (or had its Cup final) in it, or whose
// regular season ended in it; else the latest that has been played. The date comes from the
// data (context.season_days). "" when the data has no such day; `missing` then says which.
std::string seasonDay(int year, NamedDate which, const QuerySlots& slots,
                      const ParseContext& context, std::string* missing) {
  std::optional<Season> season;
  if (slots.season) {
    season = slots.season->last;
  } else if (year != 0) {
    season = Season{which == NamedDate::kLastDay ? year - 1 : year};
  }
  const std::string today = calendarDate(context.today);
  const std::vector<SeasonDays> known =
      context.season_days ? context.season_days() : std::vector<SeasonDays>{};
  for (auto it = known.rbegin(); it != known.rend(); ++it) {
    const std::string& day = dayOf(*it, which);
    if (season ? it->season == *season : (!day.empty() && day <= today)) {
      if (day.empty()) break;
      return day;
    }
  }
  const char* name = which == NamedDate::kOpeningNight ? "opening night"
                     : which == NamedDate::kLastDay    ? "the last day of the regular season"
                                                       : "the NBA Cup final";
  *missing = std::string(name) + (season ? " of " + season->label() : std::string());
  return {};
}

// A named day ("Christmas"): in the year written; else in the season asked about (its
// autumn for October to December, its spring otherwise); else the latest on or before today.
std::string namedDate(int year, NamedDate which, QuerySlots* slots_out,
                      const ParseContext& context) {
  const QuerySlots& slots = *slots_out;
  if (isSeasonDay(which)) {
    return seasonDay(year, which, slots, context, &slots_out->undated_day);
  }
  if (year == 0 && slots.season) {
    const int start = slots.season->last.start_year;
    year = static_cast<unsigned>(namedDay(which, start).month()) >= 10 ? start : start + 1;
  }
  if (year == 0) {
    year = static_cast<int>(context.today.year());
    if (namedDay(which, year) > context.today) --year;
  }
  if (year < kFirstSeasonEndYear - 1 || year > kLastSeasonEndYear) {
    return {};
  }
  return calendarDate(namedDay(which, year));
}

// A month and day without a year: the latest such date on or before today.
std::string pastDate(int year, int month, int day, const ParseContext& context) {
  if (year == 0) {
    year = static_cast<int>(context.today.year());
    const std::chrono::year_month_day guess{std::chrono::year{year},
                                            std::chrono::month{static_cast<unsigned>(month)},
                                            std::chrono::day{static_cast<unsigned>(day)}};
    if (guess > context.today) {
      --year;
    }
  }
  // A date of the NBA's years or none: "12/20/20246" is a typo, not the year 20246 (a fuzz
  // finding: the tools take four-digit years only).
  if (year < kFirstSeasonEndYear - 1 || year > kLastSeasonEndYear) {
    return {};
  }
  const std::chrono::year_month_day date{std::chrono::year{year},
                                         std::chrono::month{static_cast<unsigned>(month)},
                                         std::chrono::day{static_cast<unsigned>(day)}};
  return date.ok() ? calendarDate(date) : std::string();
}

void addStat(std::string_view code, QuerySlots* slots) {
  // "allows the fewest points": "allows" turns the points into points allowed.
  auto& stats = slots->stats;
  const bool allowed = std::find(stats.begin(), stats.end(), "OPP_PTS") != stats.end();
  if (code == "PTS" && allowed) return;
  if (code == "OPP_PTS") stats.erase(std::remove(stats.begin(), stats.end(), "PTS"), stats.end());
  if (std::find(slots->stats.begin(), slots->stats.end(), code) == slots->stats.end()) {
    slots->stats.emplace_back(code);
  }
  if (code == "OFF_RATING" || code == "DEF_RATING" || code == "NET_RATING" || code == "PACE" ||
      code == "TOV_PCT" || code == "OREB_PCT" || code == "DREB_PCT") {
    slots->advanced = true;
  }
}

void applyHit(const SlotHit& h, const ParseContext& context, QuerySlots* slots) {
  const Season current = context.current;
  switch (h.kind) {
    case HitKind::kStat:
      addStat(h.text, slots);
      break;
    case HitKind::kLimit:
      if (!slots->limit) slots->limit = std::clamp(h.number, 1, kMaxLimit);
      break;
    case HitKind::kLastN:
      if (!slots->last_n) slots->last_n = std::clamp(h.number, 1, 82);
      break;
    case HitKind::kSeason:
      // A season written out always wins over a relative one ("last season (2023-24)").
      if (!slots->season || slots->season->relative) {
        slots->season = SeasonSpec{Season{h.number}, 1, false};
      }
      break;
    case HitKind::kSeasonRel:
      if (!slots->season)
        slots->season = SeasonSpec{Season{current.start_year - h.number}, 1, true};
      break;
    case HitKind::kSeasonRange:
      if (!slots->season) slots->season = SeasonSpec{current, std::clamp(h.number, 1, 30), true};
      break;
    case HitKind::kSeasonType:
      if (!slots->season_type) {
        slots->season_type = h.number == 1 ? SeasonType::kPlayoffs : SeasonType::kRegularSeason;
      }
      break;
    case HitKind::kPerMode:
      if (!slots->per_mode) slots->per_mode = static_cast<stats::PerMode>(h.number);
      break;
    case HitKind::kConference:
      if (slots->conference.empty()) slots->conference = std::string(h.text);
      break;
    case HitKind::kDivision:
      if (slots->division.empty()) slots->division = std::string(h.text);
      break;
    case HitKind::kDate:
      if (slots->date.empty()) slots->date = pastDate(h.number, h.month, h.day, context);
      break;
    case HitKind::kDateTo:
      if (!slots->date.empty() && slots->date_to.empty()) {
        const std::string last = pastDate(h.number, h.month, h.day, context);
        if (last > slots->date) slots->date_to = last;
      }
      break;
    case HitKind::kMonth:
      if (slots->date.empty()) monthRange(h.number, h.month, context, slots);
      break;
    case HitKind::kDateRel:
      if (slots->date.empty()) {
        slots->date = calendarDate(std::chrono::year_month_day{
            std::chrono::sys_days{context.today} + std::chrono::days{h.number}});
      }
      break;
    case HitKind::kUpcoming:
      slots->upcoming = true;
      if (slots->date.empty()) {
        slots->date = calendarDate(context.today);
      }
      break;
    case HitKind::kHome:
      slots->home_away = HomeAway::kHome;
      break;
    case HitKind::kAway:
      slots->home_away = HomeAway::kAway;
      break;
    case HitKind::kAward:
      if (slots->award.empty()) slots->award = std::string(h.text);
      break;
    case HitKind::kAdvanced:
      slots->advanced = true;
      break;
    case HitKind::kLowest:
      slots->lowest = true;
      slots->worst = slots->worst || h.number == 0;
      break;
    case HitKind::kHighest:
      slots->highest = true;
      break;
    case HitKind::kPosition:
      if (slots->position.empty()) slots->position = std::string(h.text);
      break;
    case HitKind::kRookies:
      slots->rookies = true;
      break;
    case HitKind::kMinGames:
      if (!slots->min_games) slots->min_games = std::min(h.number, 82);
      break;
    case HitKind::kGameId:
      if (slots->game_id.empty()) slots->game_id = std::string(h.text);
      break;
    case HitKind::kNamedDate:
      if (slots->date.empty()) {
        slots->date = namedDate(h.number, static_cast<NamedDate>(h.month), slots, context);
      }
      break;
  }
}

}  // namespace

ParseContext parseContextAt(std::chrono::system_clock::time_point now) {
  const auto eastern = std::chrono::floor<std::chrono::days>(now - std::chrono::hours{5});
  return {std::chrono::year_month_day{eastern}, seasonAt(now), {}};
}

void labelQuestion(const TokenizedText& text, TokenLabels* labels, std::vector<SlotHit>* hits) {
  labels->assign(text.tokens.size(), TokenLabel{});
  labelPhrases(text, labels);
  cupWonAcrossYear(text, labels);
  capitalStats(text, labels);
  scoringVerbsRank(text, labels);
  PatternPass(text, labels, hits).run();
  countingAsksTotals(text, *labels, hits);
  speedMeansPace(text, *labels, hits);
}

namespace {

// "Christmas day scores 2024" means what "Christmas 2024" does: a lone year said anywhere with
// a named day and none beside it is the day's calendar year, not the season ending in it.
// The named day takes the year; the season hit is dropped.
std::vector<SlotHit> namedDayTakesLoneYear(const std::vector<SlotHit>& hits, std::size_t first,
                                           std::size_t last) {
  std::vector<SlotHit> in_range;
  for (const SlotHit& h : hits) {
    if (h.pos >= first && h.pos < last) in_range.push_back(h);
  }
  auto named = std::find_if(in_range.begin(), in_range.end(), [](const SlotHit& h) {
    return h.kind == HitKind::kNamedDate && h.number == 0;
  });
  auto lone_year =
      std::find_if(in_range.begin(), in_range.end(), [](const SlotHit& h) { return h.bare_year; });
  const auto seasons = std::count_if(in_range.begin(), in_range.end(), [](const SlotHit& h) {
    return h.kind == HitKind::kSeason || h.kind == HitKind::kSeasonRel;
  });
  if (named == in_range.end() || lone_year == in_range.end() || seasons != 1) return in_range;
  named->number = lone_year->number + 1;
  in_range.erase(lone_year);
  return in_range;
}

}  // namespace

void applyHits(const std::vector<SlotHit>& hits, std::size_t first, std::size_t last,
               const ParseContext& context, QuerySlots* slots) {
  const std::vector<SlotHit> in_range = namedDayTakesLoneYear(hits, first, last);
  // Named days last: "Christmas last season" needs the season said after it.
  for (const bool named : {false, true}) {
    for (const SlotHit& h : in_range) {
      if ((h.kind == HitKind::kNamedDate) == named) applyHit(h, context, slots);
    }
  }
}

}  // namespace nba::nlq
