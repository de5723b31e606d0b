#include "nlq/parser/lexicon.h"

#include <algorithm>
#include <array>
#include <deque>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "nba/stats/stat_catalog.h"
#include "nlq/parser/tokenizer.h"

namespace nba::nlq {
namespace {

struct Word {
  std::string_view phrase;
  LexRole role;
  int value;
  std::string_view text;
};

constexpr int cue(Cue c) { return static_cast<int>(c); }
constexpr int named(NamedDate d) { return static_cast<int>(d); }

// Which end a ranking word asks for. "worst" is the bad end whatever the stat; "fewest" and
// "most" name low and high values, which are the good or the bad end depending on the stat
// ("fewest turnovers" is the best, "most turnovers" the worst).
constexpr int kWorstEnd = 0;
constexpr int kLowValues = 1;
constexpr std::string_view kHigh = "high";  // text of the cues "most", "highest", …
constexpr int kOtherLeague = static_cast<int>(Scope::kOtherLeague);
constexpr int kNotStats = static_cast<int>(Scope::kNotStats);
constexpr int kSingleGame = static_cast<int>(Scope::kSingleGame);
constexpr const char* kSingleGameTopic =
    "a season's single-game highs (it ranks one day's games when the question gives a date, "
    "e.g. 'most points on 2024-01-26', and shows a player's game log)";

constexpr const char* kGameCountTopic =
    "counts of games past a mark ('30-point games', 'games with 40 or more points'); a "
    "player's game log lists each game";

// Stat aliases of the catalog that are ordinary English in questions: "compare X to Y",
// "per game", "the score", "last 5 games", "3 point". They are never read as stats alone.
constexpr std::array<std::string_view, 9> kAmbiguousStatAliases = {
    "to", "per", "min", "games", "score", "point", "shots", "starts", "ts"};

// Forms people use that the catalog lacks, and team metrics (team questions only).
constexpr Word kExtraStats[] = {
    {"rebounder", LexRole::kStat, 0, "REB"},
    {"passer", LexRole::kStat, 0, "AST"},
    {"passers", LexRole::kStat, 0, "AST"},
    {"blockers", LexRole::kStat, 0, "BLK"},
    {"shot blockers", LexRole::kStat, 0, "BLK"},
    {"shot blocker", LexRole::kStat, 0, "BLK"},
    {"three point shooters", LexRole::kStat, 0, "FG3M"},
    {"3 point shooters", LexRole::kStat, 0, "FG3M"},
    {"shooters", LexRole::kStat, 0, "FG3M"},
    {"three pointer", LexRole::kStat, 0, "FG3M"},
    {"3 pointer", LexRole::kStat, 0, "FG3M"},
    {"made threes", LexRole::kStat, 0, "FG3M"},
    {"3 point shooting", LexRole::kStat, 0, "FG3_PCT"},
    {"points per game", LexRole::kStat, 0, "PTS"},
    {"free throw shooter", LexRole::kStat, 0, "FT_PCT"},
    {"free throw shooters", LexRole::kStat, 0, "FT_PCT"},
    {"offensive rating", LexRole::kStat, 0, "OFF_RATING"},
    {"offensive efficiency", LexRole::kStat, 0, "OFF_RATING"},
    {"offense", LexRole::kStat, 0, "OFF_RATING"},
    {"offensive", LexRole::kStat, 0, "OFF_RATING"},
    {"ortg", LexRole::kStat, 0, "OFF_RATING"},
    {"defensive rating", LexRole::kStat, 0, "DEF_RATING"},
    {"defensive efficiency", LexRole::kStat, 0, "DEF_RATING"},
    {"defense", LexRole::kStat, 0, "DEF_RATING"},
    {"defensive", LexRole::kStat, 0, "DEF_RATING"},
    {"drtg", LexRole::kStat, 0, "DEF_RATING"},
    {"net rating", LexRole::kStat, 0, "NET_RATING"},
    {"off rating", LexRole::kStat, 0, "OFF_RATING"},
    {"off rtg", LexRole::kStat, 0, "OFF_RATING"},
    {"offensive rtg", LexRole::kStat, 0, "OFF_RATING"},
    {"def rating", LexRole::kStat, 0, "DEF_RATING"},
    {"def rtg", LexRole::kStat, 0, "DEF_RATING"},
    {"defensive rtg", LexRole::kStat, 0, "DEF_RATING"},
    {"net rtg", LexRole::kStat, 0, "NET_RATING"},
    {"3pt", LexRole::kStat, 0, "FG3M"},
    {"3pts", LexRole::kStat, 0, "FG3M"},
    {"3pt %", LexRole::kStat, 0, "FG3_PCT"},
    {"3 pt %", LexRole::kStat, 0, "FG3_PCT"},
    {"3pt percentage", LexRole::kStat, 0, "FG3_PCT"},
    {"3pt pct", LexRole::kStat, 0, "FG3_PCT"},
    {"3p %", LexRole::kStat, 0, "FG3_PCT"},
    {"fg %", LexRole::kStat, 0, "FG_PCT"},
    {"ft %", LexRole::kStat, 0, "FT_PCT"},
    {"turned the ball over", LexRole::kStat, 0, "TOV"},
    {"turns the ball over", LexRole::kStat, 0, "TOV"},
    {"turn the ball over", LexRole::kStat, 0, "TOV"},
    {"turn it over", LexRole::kStat, 0, "TOV"},
    {"netrtg", LexRole::kStat, 0, "NET_RATING"},
    // A team's four-factor rates (get_team_stats' Advanced measure, get_team_rankings).
    {"turnover percentage", LexRole::kStat, 0, "TOV_PCT"},
    {"turnover rate", LexRole::kStat, 0, "TOV_PCT"},
    {"turnover pct", LexRole::kStat, 0, "TOV_PCT"},
    {"tov pct", LexRole::kStat, 0, "TOV_PCT"},
    {"offensive rebound percentage", LexRole::kStat, 0, "OREB_PCT"},
    {"offensive rebounding percentage", LexRole::kStat, 0, "OREB_PCT"},
    {"offensive rebound rate", LexRole::kStat, 0, "OREB_PCT"},
    {"offensive rebounding rate", LexRole::kStat, 0, "OREB_PCT"},
    {"offensive rebound pct", LexRole::kStat, 0, "OREB_PCT"},
    {"offensive rebounding pct", LexRole::kStat, 0, "OREB_PCT"},
    {"defensive rebound percentage", LexRole::kStat, 0, "DREB_PCT"},
    {"defensive rebounding percentage", LexRole::kStat, 0, "DREB_PCT"},
    {"four factors", LexRole::kAdvanced, 0, ""},
    {"pace", LexRole::kStat, 0, "PACE"},
    // Points a team allows: "allows the fewest points", "points allowed", "gives up".
    {"points allowed", LexRole::kStat, 0, "OPP_PTS"},
    {"points against", LexRole::kStat, 0, "OPP_PTS"},
    {"opponent points", LexRole::kStat, 0, "OPP_PTS"},
    {"allow", LexRole::kStat, 0, "OPP_PTS"},
    {"allows", LexRole::kStat, 0, "OPP_PTS"},
    {"allowed", LexRole::kStat, 0, "OPP_PTS"},
    {"give up", LexRole::kStat, 0, "OPP_PTS"},
    {"gives up", LexRole::kStat, 0, "OPP_PTS"},
    {"gave up", LexRole::kStat, 0, "OPP_PTS"},
    {"shooting from three", LexRole::kStat, 0, "FG3_PCT"},
    {"shooting from 3", LexRole::kStat, 0, "FG3_PCT"},
    {"from deep", LexRole::kStat, 0, "FG3_PCT"},
    {"from three", LexRole::kStat, 0, "FG3_PCT"},
    {"from the field", LexRole::kStat, 0, "FG_PCT"},
    {"fg by percentage", LexRole::kStat, 0, "FG_PCT"},
    {"field goals by percentage", LexRole::kStat, 0, "FG_PCT"},
    {"from the line", LexRole::kStat, 0, "FT_PCT"},
    {"from the free throw line", LexRole::kStat, 0, "FT_PCT"},
    {"from the stripe", LexRole::kStat, 0, "FT_PCT"},
    {"percentage from the field", LexRole::kStat, 0, "FG_PCT"},
    {"three point shooter", LexRole::kStat, 0, "FG3M"},
    {"3 point shooter", LexRole::kStat, 0, "FG3M"},
    // "by percentage" turns the shooter into the rate.
    {"3 point shooter by percentage", LexRole::kStat, 0, "FG3_PCT"},
    {"three point shooter by percentage", LexRole::kStat, 0, "FG3_PCT"},
    {"3 point shooters by percentage", LexRole::kStat, 0, "FG3_PCT"},
    {"three point shooters by percentage", LexRole::kStat, 0, "FG3_PCT"},
    {"shooter by percentage", LexRole::kStat, 0, "FG_PCT"},
    {"shooters by percentage", LexRole::kStat, 0, "FG_PCT"},
    // "who played the most games": games played, ranked (alone "games" is ordinary).
    {"played the most games", LexRole::kStat, kRankingStat, "GP"},
    {"played in the most games", LexRole::kStat, kRankingStat, "GP"},
    {"appeared in the most games", LexRole::kStat, kRankingStat, "GP"},
    {"most games played", LexRole::kStat, kRankingStat, "GP"},
    {"ratings", LexRole::kAdvanced, 0, ""},
};

// clang-format off
constexpr Word kWords[] = {
    // Filler.
    {"the", LexRole::kStop, 0, ""}, {"a", LexRole::kStop, 0, ""}, {"an", LexRole::kStop, 0, ""},
    {"is", LexRole::kStop, 0, ""}, {"are", LexRole::kStop, 0, ""}, {"was", LexRole::kStop, 0, ""},
    {"were", LexRole::kStop, 0, ""}, {"be", LexRole::kStop, 0, ""}, {"been", LexRole::kStop, 0, ""},
    {"who", LexRole::kStop, 0, ""}, {"what", LexRole::kStop, 0, ""}, {"which", LexRole::kStop, 0, ""},
    {"how", LexRole::kStop, 0, ""}, {"does", LexRole::kStop, 0, ""}, {"do", LexRole::kStop, 0, ""},
    {"did", LexRole::kStop, 0, ""}, {"has", LexRole::kStop, 0, ""}, {"have", LexRole::kStop, 0, ""},
    {"had", LexRole::kStop, 0, ""}, {"in", LexRole::kStop, 0, ""}, {"on", LexRole::kStop, 0, ""},
    {"at", LexRole::kStop, 0, ""}, {"of", LexRole::kStop, 0, ""}, {"for", LexRole::kStop, 0, ""},
    {"to", LexRole::kStop, 0, ""}, {"from", LexRole::kStop, 0, ""}, {"by", LexRole::kStop, 0, ""},
    {"with", LexRole::kStop, 0, ""}, {"me", LexRole::kStop, 0, ""}, {"show", LexRole::kStop, 0, ""},
    {"tell", LexRole::kStop, 0, ""}, {"give", LexRole::kStop, 0, ""}, {"get", LexRole::kStop, 0, ""},
    {"list", LexRole::kStop, 0, ""}, {"i", LexRole::kStop, 0, ""}, {"you", LexRole::kStop, 0, ""},
    {"my", LexRole::kStop, 0, ""}, {"about", LexRole::kStop, 0, ""}, {"please", LexRole::kStop, 0, ""},
    {"nba", LexRole::kStop, 0, ""}, {"league", LexRole::kStop, 0, ""}, {"this", LexRole::kStop, 0, ""},
    {"that", LexRole::kStop, 0, ""}, {"it", LexRole::kStop, 0, ""}, {"its", LexRole::kStop, 0, ""},
    {"his", LexRole::kStop, 0, ""}, {"their", LexRole::kStop, 0, ""}, {"he", LexRole::kStop, 0, ""},
    {"they", LexRole::kStop, 0, ""}, {"them", LexRole::kStop, 0, ""}, {"can", LexRole::kStop, 0, ""},
    {"could", LexRole::kStop, 0, ""}, {"would", LexRole::kStop, 0, ""}, {"will", LexRole::kStop, 0, ""},
    {"should", LexRole::kStop, 0, ""}, {"so", LexRole::kStop, 0, ""}, {"far", LexRole::kStop, 0, ""},
    {"now", LexRole::kStop, 0, ""}, {"currently", LexRole::kStop, 0, ""}, {"right", LexRole::kStop, 0, ""},
    {"all", LexRole::kStop, 0, ""}, {"any", LexRole::kStop, 0, ""}, {"much", LexRole::kStop, 0, ""},
    {"there", LexRole::kStop, 0, ""}, {"than", LexRole::kStop, 0, ""}, {"per", LexRole::kStop, 0, ""},
    {"like", LexRole::kStop, 0, ""}, {"want", LexRole::kStop, 0, ""}, {"know", LexRole::kStop, 0, ""},
    {"see", LexRole::kStop, 0, ""}, {"look", LexRole::kStop, 0, ""}, {"up", LexRole::kStop, 0, ""},
    {"just", LexRole::kStop, 0, ""}, {"some", LexRole::kStop, 0, ""}, {"find", LexRole::kStop, 0, ""},
    {"let", LexRole::kStop, 0, ""}, {"us", LexRole::kStop, 0, ""}, {"here", LexRole::kStop, 0, ""},
    {"season", LexRole::kStop, 0, ""}, {"year", LexRole::kStop, 0, ""}, {"conference", LexRole::kStop, 0, ""},
    {"division", LexRole::kStop, 0, ""}, {"get", LexRole::kStop, 0, ""}, {"when", LexRole::kStop, 0, ""},
    {"where", LexRole::kStop, 0, ""}, {"whos", LexRole::kStop, 0, ""}, {"whats", LexRole::kStop, 0, ""},
    {"hows", LexRole::kStop, 0, ""}, {"whose", LexRole::kStop, 0, ""}, {"guy", LexRole::kStop, 0, ""},
    {"most recent", LexRole::kLastGames, 1, ""}, {"over", LexRole::kStop, 0, ""},
    {"looking", LexRole::kStop, 0, ""}, {"makes", LexRole::kStop, 0, ""}, {"make", LexRole::kStop, 0, ""},
    {"made", LexRole::kStop, 0, ""}, {"got", LexRole::kStop, 0, ""}, {"gets", LexRole::kStop, 0, ""},
    {"stand", LexRole::kCue, cue(Cue::kStandings), ""}, {"stands", LexRole::kCue, cue(Cue::kStandings), ""}, {"last", LexRole::kStop, 0, ""},
    {"past", LexRole::kStop, 0, ""}, {"previous", LexRole::kStop, 0, ""}, {"recent", LexRole::kStop, 0, ""}, {"did", LexRole::kStop, 0, ""},
    {"vs", LexRole::kCue, cue(Cue::kVersus), ""}, {"v", LexRole::kCue, cue(Cue::kVersus), ""},
    {"versus", LexRole::kCue, cue(Cue::kVersus), ""}, {"against", LexRole::kCue, cue(Cue::kVersus), ""},
    {"beat", LexRole::kCue, cue(Cue::kVersus), ""}, {"beats", LexRole::kCue, cue(Cue::kVersus), ""},
    {"lose to", LexRole::kCue, cue(Cue::kVersus), ""}, {"lost to", LexRole::kCue, cue(Cue::kVersus), ""},
    {"head to head", LexRole::kCue, cue(Cue::kVersus), ""}, {"h2h", LexRole::kCue, cue(Cue::kVersus), ""},
    {"matchup", LexRole::kCue, cue(Cue::kVersus), ""}, {"series", LexRole::kCue, cue(Cue::kVersus), ""},
    {"play against", LexRole::kCue, cue(Cue::kVersus), ""}, {"do against", LexRole::kCue, cue(Cue::kVersus), ""},
    {"compare", LexRole::kCue, cue(Cue::kCompare), ""}, {"comparison", LexRole::kCue, cue(Cue::kCompare), ""},
    {"compared", LexRole::kCue, cue(Cue::kCompare), ""}, {"better", LexRole::kCue, cue(Cue::kCompare), ""},
    {"or", LexRole::kCue, cue(Cue::kCompare), ""}, {"side by side", LexRole::kCue, cue(Cue::kCompare), ""},
    {"leads", LexRole::kCue, cue(Cue::kLeaders), ""}, {"lead", LexRole::kCue, cue(Cue::kLeaders), ""},
    {"leader", LexRole::kCue, cue(Cue::kLeaders), ""}, {"leaders", LexRole::kCue, cue(Cue::kLeaders), ""},
    {"leading", LexRole::kCue, cue(Cue::kLeaders), ""}, {"top", LexRole::kCue, cue(Cue::kLeaders), ""},
    {"led", LexRole::kCue, cue(Cue::kLeaders), ""},
    {"best", LexRole::kCue, cue(Cue::kLeaders), ""}, {"most", LexRole::kCue, cue(Cue::kLeaders), kHigh},
    {"highest", LexRole::kCue, cue(Cue::kLeaders), kHigh}, {"greatest", LexRole::kCue, cue(Cue::kLeaders), ""},
    {"ranking", LexRole::kCue, cue(Cue::kLeaders), ""}, {"rankings", LexRole::kCue, cue(Cue::kLeaders), ""},
    {"league leaders", LexRole::kCue, cue(Cue::kLeaders), ""}, {"more", LexRole::kCue, cue(Cue::kLeaders), kHigh},
    {"worst", LexRole::kLowest, kWorstEnd, ""}, {"fewest", LexRole::kLowest, kLowValues, ""},
    {"lowest", LexRole::kLowest, kLowValues, ""}, {"least", LexRole::kLowest, kLowValues, ""},
    {"slowest", LexRole::kLowest, kLowValues, ""}, {"fastest", LexRole::kCue, cue(Cue::kLeaders), kHigh},
    {"standings", LexRole::kCue, cue(Cue::kStandings), ""}, {"standing", LexRole::kCue, cue(Cue::kStandings), ""},
    {"seed", LexRole::kCue, cue(Cue::kStandings), ""}, {"seeds", LexRole::kCue, cue(Cue::kStandings), ""},
    {"seeding", LexRole::kCue, cue(Cue::kStandings), ""}, {"record", LexRole::kCue, cue(Cue::kStandings), ""},
    {"records", LexRole::kCue, cue(Cue::kStandings), ""},
    {"playoff picture", LexRole::kCue, cue(Cue::kStandings), ""}, {"win loss", LexRole::kCue, cue(Cue::kStandings), ""},
    {"scores", LexRole::kCue, cue(Cue::kScores), ""}, {"score", LexRole::kCue, cue(Cue::kScores), ""},
    {"results", LexRole::kCue, cue(Cue::kScores), ""}, {"result", LexRole::kCue, cue(Cue::kScores), ""},
    {"final score", LexRole::kCue, cue(Cue::kScores), ""}, {"scoreboard", LexRole::kCue, cue(Cue::kScores), ""},
    {"game", LexRole::kCue, cue(Cue::kGames), ""}, {"games", LexRole::kCue, cue(Cue::kGames), ""},
    {"gms", LexRole::kCue, cue(Cue::kGames), ""}, {"gm", LexRole::kCue, cue(Cue::kGames), ""},
    {"play", LexRole::kCue, cue(Cue::kGames), ""}, {"played", LexRole::kCue, cue(Cue::kGames), ""},
    {"playing", LexRole::kCue, cue(Cue::kGames), ""}, {"matchups", LexRole::kCue, cue(Cue::kGames), ""},
    {"schedule", LexRole::kCue, cue(Cue::kSchedule), ""}, {"fixtures", LexRole::kCue, cue(Cue::kSchedule), ""},
    {"calendar", LexRole::kCue, cue(Cue::kSchedule), ""},
    {"box score", LexRole::kCue, cue(Cue::kBoxScore), ""}, {"boxscore", LexRole::kCue, cue(Cue::kBoxScore), ""},
    {"box", LexRole::kCue, cue(Cue::kBoxScore), ""},
    {"career", LexRole::kCue, cue(Cue::kCareer), ""}, {"all time", LexRole::kCue, cue(Cue::kCareer), ""},
    // Streaks are in one team's standing (its longest runs and its current one).
    {"streak", LexRole::kCue, cue(Cue::kStandings), ""}, {"streaks", LexRole::kCue, cue(Cue::kStandings), ""},
    {"winning streak", LexRole::kCue, cue(Cue::kStandings), ""}, {"losing streak", LexRole::kCue, cue(Cue::kStandings), ""},
    {"wins in a row", LexRole::kCue, cue(Cue::kStandings), ""}, {"losses in a row", LexRole::kCue, cue(Cue::kStandings), ""},
    {"straight wins", LexRole::kCue, cue(Cue::kStandings), ""}, {"straight losses", LexRole::kCue, cue(Cue::kStandings), ""},
    {"consecutive wins", LexRole::kCue, cue(Cue::kStandings), ""}, {"consecutive losses", LexRole::kCue, cue(Cue::kStandings), ""},
    {"how many seasons", LexRole::kCue, cue(Cue::kCareer), ""}, {"how many years", LexRole::kCue, cue(Cue::kCareer), ""},
    {"season by season", LexRole::kCue, cue(Cue::kCareer), ""}, {"every season", LexRole::kCue, cue(Cue::kCareer), ""},
    {"each season", LexRole::kCue, cue(Cue::kCareer), ""}, {"over the years", LexRole::kCue, cue(Cue::kCareer), ""},
    {"game log", LexRole::kCue, cue(Cue::kGameLog), ""}, {"gamelog", LexRole::kCue, cue(Cue::kGameLog), ""},
    {"lately", LexRole::kCue, cue(Cue::kGameLog), ""}, {"recently", LexRole::kCue, cue(Cue::kGameLog), ""},
    {"stats", LexRole::kCue, cue(Cue::kStats), ""}, {"stat", LexRole::kCue, cue(Cue::kStats), ""},
    {"statistics", LexRole::kCue, cue(Cue::kStats), ""}, {"numbers", LexRole::kCue, cue(Cue::kStats), ""},
    {"averages", LexRole::kCue, cue(Cue::kStats), ""}, {"average", LexRole::kCue, cue(Cue::kStats), ""},
    {"averaging", LexRole::kCue, cue(Cue::kStats), ""}, {"how many", LexRole::kCue, cue(Cue::kStats), ""},
    {"stat line", LexRole::kCue, cue(Cue::kStats), ""}, {"doing", LexRole::kCue, cue(Cue::kStats), ""},
    {"profile", LexRole::kCue, cue(Cue::kStats), ""}, {"splits", LexRole::kCue, cue(Cue::kStats), ""},
    {"award", LexRole::kCue, cue(Cue::kAwards), ""}, {"awards", LexRole::kCue, cue(Cue::kAwards), ""},
    {"won", LexRole::kCue, cue(Cue::kAwards), ""}, {"win", LexRole::kCue, cue(Cue::kAwards), ""},
    {"winner", LexRole::kCue, cue(Cue::kAwards), ""}, {"winners", LexRole::kCue, cue(Cue::kAwards), ""},
    {"trophy", LexRole::kCue, cue(Cue::kAwards), ""}, {"honors", LexRole::kCue, cue(Cue::kAwards), ""},
    {"team", LexRole::kCue, cue(Cue::kTeam), ""}, {"teams", LexRole::kCue, cue(Cue::kTeam), ""},
    {"player", LexRole::kCue, cue(Cue::kPlayer), ""}, {"players", LexRole::kCue, cue(Cue::kPlayer), ""},
    // Awards.
    {"mvp", LexRole::kAward, 0, "MVP"}, {"most valuable player", LexRole::kAward, 0, "MVP"},
    {"dpoy", LexRole::kAward, 0, "DPOY"}, {"defensive player of the year", LexRole::kAward, 0, "DPOY"},
    {"roy", LexRole::kAward, 0, "ROY"}, {"rookie of the year", LexRole::kAward, 0, "ROY"},
    {"6moy", LexRole::kAward, 0, "6MOY"}, {"sixth man", LexRole::kAward, 0, "6MOY"},
    {"sixth man of the year", LexRole::kAward, 0, "6MOY"}, {"6th man", LexRole::kAward, 0, "6MOY"},
    {"mip", LexRole::kAward, 0, "MIP"}, {"most improved", LexRole::kAward, 0, "MIP"},
    {"most improved player", LexRole::kAward, 0, "MIP"}, {"clutch player", LexRole::kAward, 0, "CLUTCH"},
    {"clutch player of the year", LexRole::kAward, 0, "CLUTCH"}, {"all nba", LexRole::kAward, 0, "ALL_NBA"},
    {"all nba team", LexRole::kAward, 0, "ALL_NBA"}, {"all defensive", LexRole::kAward, 0, "ALL_DEFENSE"},
    {"all defense", LexRole::kAward, 0, "ALL_DEFENSE"}, {"all rookie", LexRole::kAward, 0, "ALL_ROOKIE"},
    // Conferences and divisions.
    {"east", LexRole::kConference, 0, "East"}, {"eastern", LexRole::kConference, 0, "East"},
    {"west", LexRole::kConference, 0, "West"}, {"western", LexRole::kConference, 0, "West"},
    {"atlantic", LexRole::kDivision, 0, "Atlantic"}, {"central division", LexRole::kDivision, 0, "Central"},
    {"southeast", LexRole::kDivision, 0, "Southeast"}, {"northwest", LexRole::kDivision, 0, "Northwest"},
    {"pacific", LexRole::kDivision, 0, "Pacific"}, {"southwest", LexRole::kDivision, 0, "Southwest"},
    // Seasons.
    {"this season", LexRole::kSeasonRel, 0, ""}, {"this year", LexRole::kSeasonRel, 0, ""},
    {"current season", LexRole::kSeasonRel, 0, ""}, {"so far this season", LexRole::kSeasonRel, 0, ""},
    {"last season", LexRole::kSeasonRel, 1, ""}, {"last year", LexRole::kSeasonRel, 1, ""},
    {"previous season", LexRole::kSeasonRel, 1, ""}, {"past season", LexRole::kSeasonRel, 1, ""},
    {"seasons", LexRole::kSeasonRange, 0, ""}, {"years", LexRole::kSeasonRange, 0, ""},
    {"playoffs", LexRole::kSeasonType, 1, ""}, {"playoff", LexRole::kSeasonType, 1, ""},
    {"postseason", LexRole::kSeasonType, 1, ""}, {"post season", LexRole::kSeasonType, 1, ""},
    {"regular season", LexRole::kSeasonType, 0, ""},
    {"finals", LexRole::kSeasonType, 1, ""}, {"championship", LexRole::kSeasonType, 1, ""},
    {"champion", LexRole::kSeasonType, 1, ""}, {"champions", LexRole::kSeasonType, 1, ""},
    {"title", LexRole::kSeasonType, 1, ""},
    {"play in tournament", LexRole::kSeasonType, 1, ""}, {"playin", LexRole::kSeasonType, 1, ""},
    {"play in game", LexRole::kSeasonType, 1, ""}, {"play in games", LexRole::kSeasonType, 1, ""},
    // What nba-mcp has no data on: said, never guessed (nlq/planner).
    {"wnba", LexRole::kOutOfScope, kOtherLeague, "the WNBA"},
    {"g league", LexRole::kOutOfScope, kOtherLeague, "the G League"},
    {"gleague", LexRole::kOutOfScope, kOtherLeague, "the G League"},
    {"ncaa", LexRole::kOutOfScope, kOtherLeague, "college basketball (NCAA)"},
    {"march madness", LexRole::kOutOfScope, kOtherLeague, "college basketball (NCAA)"},
    {"college", LexRole::kOutOfScope, kOtherLeague, "college basketball"},
    {"euroleague", LexRole::kOutOfScope, kOtherLeague, "the EuroLeague"},
    {"euro league", LexRole::kOutOfScope, kOtherLeague, "the EuroLeague"},
    {"olympic", LexRole::kOutOfScope, kOtherLeague, "international basketball (the Olympics, FIBA)"},
    {"olympics", LexRole::kOutOfScope, kOtherLeague, "international basketball (the Olympics, FIBA)"},
    {"fiba", LexRole::kOutOfScope, kOtherLeague, "international basketball (the Olympics, FIBA)"},
    {"salary", LexRole::kOutOfScope, kNotStats, "salaries and contracts"},
    {"salaries", LexRole::kOutOfScope, kNotStats, "salaries and contracts"},
    {"contract", LexRole::kOutOfScope, kNotStats, "salaries and contracts"},
    {"contracts", LexRole::kOutOfScope, kNotStats, "salaries and contracts"},
    {"injured", LexRole::kOutOfScope, kNotStats, "injuries"},
    {"injury", LexRole::kOutOfScope, kNotStats, "injuries"},
    {"injuries", LexRole::kOutOfScope, kNotStats, "injuries"},
    {"rumors", LexRole::kOutOfScope, kNotStats, "trade rumours"},
    {"rumours", LexRole::kOutOfScope, kNotStats, "trade rumours"},
    {"rumor", LexRole::kOutOfScope, kNotStats, "trade rumours"},
    {"odds", LexRole::kOutOfScope, kNotStats, "betting odds"},
    {"betting", LexRole::kOutOfScope, kNotStats, "betting odds"},
    {"over under", LexRole::kOutOfScope, kNotStats, "betting odds"},
    {"point spread", LexRole::kOutOfScope, kNotStats, "betting odds"},
    {"spread", LexRole::kOutOfScope, kNotStats, "betting odds"},
    {"moneyline", LexRole::kOutOfScope, kNotStats, "betting odds"},
    {"parlay", LexRole::kOutOfScope, kNotStats, "betting odds"},
    {"bet", LexRole::kOutOfScope, kNotStats, "betting odds"},
    {"weather", LexRole::kOutOfScope, kNotStats, "the weather"},
    {"forecast", LexRole::kOutOfScope, kNotStats, "the weather"},
    // The player index has heights and birth dates, but no tool answers with them: a stat
    // line in their place answered another question (blind audit).
    {"how tall", LexRole::kOutOfScope, kNotStats, "heights, weights and ages"},
    {"height", LexRole::kOutOfScope, kNotStats, "heights, weights and ages"},
    {"weigh", LexRole::kOutOfScope, kNotStats, "heights, weights and ages"},
    {"weight", LexRole::kOutOfScope, kNotStats, "heights, weights and ages"},
    {"how old", LexRole::kOutOfScope, kNotStats, "heights, weights and ages"},
    {"birthday", LexRole::kOutOfScope, kNotStats, "heights, weights and ages"},
    {"paid", LexRole::kOutOfScope, kNotStats, "salaries and contracts"},
    {"earn", LexRole::kOutOfScope, kNotStats, "salaries and contracts"},
    {"earns", LexRole::kOutOfScope, kNotStats, "salaries and contracts"},
    {"net worth", LexRole::kOutOfScope, kNotStats, "salaries and contracts"},
    {"how much money", LexRole::kOutOfScope, kNotStats, "salaries and contracts"},
    {"coach", LexRole::kOutOfScope, kNotStats, "coaches"},
    {"coaches", LexRole::kOutOfScope, kNotStats, "coaches"},
    {"going to win", LexRole::kOutOfScope, kNotStats, "predictions"},
    {"will win", LexRole::kOutOfScope, kNotStats, "predictions"},
    {"predict", LexRole::kOutOfScope, kNotStats, "predictions"},
    {"prediction", LexRole::kOutOfScope, kNotStats, "predictions"},
    {"predictions", LexRole::kOutOfScope, kNotStats, "predictions"},
    // Tracking and hustle counts NBA.com keeps apart from the box score: not in the data.
    {"dunks", LexRole::kOutOfScope, kNotStats, "dunks"},
    {"dunk", LexRole::kOutOfScope, kNotStats, "dunks"},
    {"alley oops", LexRole::kOutOfScope, kNotStats, "alley-oops"},
    {"deflections", LexRole::kOutOfScope, kNotStats, "deflections"},
    {"charges drawn", LexRole::kOutOfScope, kNotStats, "charges drawn"},
    {"screen assists", LexRole::kOutOfScope, kNotStats, "screen assists"},
    {"technical fouls", LexRole::kOutOfScope, kNotStats, "technical fouls"},
    {"technicals", LexRole::kOutOfScope, kNotStats, "technical fouls"},
    {"flagrant fouls", LexRole::kOutOfScope, kNotStats, "flagrant fouls"},
    {"ejections", LexRole::kOutOfScope, kNotStats, "ejections"},
    {"triple double", LexRole::kOutOfScope, kNotStats, "triple-doubles and double-doubles"},
    {"triple doubles", LexRole::kOutOfScope, kNotStats, "triple-doubles and double-doubles"},
    {"double double", LexRole::kOutOfScope, kNotStats, "triple-doubles and double-doubles"},
    {"double doubles", LexRole::kOutOfScope, kNotStats, "triple-doubles and double-doubles"},
    // A season's best single games: the game logs are there, but nothing ranks them over a
    // season, and an average in their place would answer another question.
    {"in a game", LexRole::kOutOfScope, kSingleGame, kSingleGameTopic},
    {"in one game", LexRole::kOutOfScope, kSingleGame, kSingleGameTopic},
    {"in a single game", LexRole::kOutOfScope, kSingleGame, kSingleGameTopic},
    {"single game", LexRole::kOutOfScope, kSingleGame, kSingleGameTopic},
    {"season high", LexRole::kOutOfScope, kSingleGame, kSingleGameTopic},
    {"season highs", LexRole::kOutOfScope, kSingleGame, kSingleGameTopic},
    {"career high", LexRole::kOutOfScope, kSingleGame, kSingleGameTopic},
    {"career highs", LexRole::kOutOfScope, kSingleGame, kSingleGameTopic},
    {"highest scoring game", LexRole::kOutOfScope, kSingleGame, kSingleGameTopic},
    {"best game", LexRole::kOutOfScope, kSingleGame, kSingleGameTopic},
    {"best games", LexRole::kOutOfScope, kSingleGame, kSingleGameTopic},
    {"worst game", LexRole::kOutOfScope, kSingleGame, kSingleGameTopic},
    {"worst games", LexRole::kOutOfScope, kSingleGame, kSingleGameTopic},
    {"lowest scoring game", LexRole::kOutOfScope, kSingleGame, kSingleGameTopic},
    // Counts of games past a mark: answered with season totals or a comparison before
    // (blind audit), another question.
    {"point games", LexRole::kOutOfScope, kSingleGame, kGameCountTopic},
    {"point game", LexRole::kOutOfScope, kSingleGame, kGameCountTopic},
    {"rebound games", LexRole::kOutOfScope, kSingleGame, kGameCountTopic},
    {"assist games", LexRole::kOutOfScope, kSingleGame, kGameCountTopic},
    {"games with", LexRole::kOutOfScope, kSingleGame, kGameCountTopic},
    {"draft", LexRole::kOutOfScope, kNotStats, "the draft"},
    {"drafted", LexRole::kOutOfScope, kNotStats, "the draft"},
    // Per mode.
    {"per game", LexRole::kPerMode, static_cast<int>(stats::PerMode::kPerGame), ""},
    {"a game", LexRole::kPerMode, static_cast<int>(stats::PerMode::kPerGame), ""},
    {"total", LexRole::kPerMode, static_cast<int>(stats::PerMode::kTotals), ""},
    {"totals", LexRole::kPerMode, static_cast<int>(stats::PerMode::kTotals), ""},
    {"in total", LexRole::kPerMode, static_cast<int>(stats::PerMode::kTotals), ""},
    {"per 36", LexRole::kPerMode, static_cast<int>(stats::PerMode::kPer36), ""},
    {"per36", LexRole::kPerMode, static_cast<int>(stats::PerMode::kPer36), ""},
    {"per 36 minutes", LexRole::kPerMode, static_cast<int>(stats::PerMode::kPer36), ""},
    // Dates.
    {"christmas", LexRole::kNamedDate, named(NamedDate::kChristmas), ""},
    {"christmas day", LexRole::kNamedDate, named(NamedDate::kChristmas), ""},
    {"xmas", LexRole::kNamedDate, named(NamedDate::kChristmas), ""},
    {"new year eve", LexRole::kNamedDate, named(NamedDate::kNewYearsEve), ""},
    {"new years eve", LexRole::kNamedDate, named(NamedDate::kNewYearsEve), ""},
    {"nye", LexRole::kNamedDate, named(NamedDate::kNewYearsEve), ""},
    {"new year day", LexRole::kNamedDate, named(NamedDate::kNewYearsDay), ""},
    {"new years day", LexRole::kNamedDate, named(NamedDate::kNewYearsDay), ""},
    {"mlk day", LexRole::kNamedDate, named(NamedDate::kMlkDay), ""},
    {"mlk", LexRole::kNamedDate, named(NamedDate::kMlkDay), ""},
    {"martin luther king day", LexRole::kNamedDate, named(NamedDate::kMlkDay), ""},
    {"martin luther king jr day", LexRole::kNamedDate, named(NamedDate::kMlkDay), ""},
    {"thanksgiving", LexRole::kNamedDate, named(NamedDate::kThanksgiving), ""},
    {"thanksgiving day", LexRole::kNamedDate, named(NamedDate::kThanksgiving), ""},
    {"valentine day", LexRole::kNamedDate, named(NamedDate::kValentinesDay), ""},
    {"valentines day", LexRole::kNamedDate, named(NamedDate::kValentinesDay), ""},
    {"halloween", LexRole::kNamedDate, named(NamedDate::kHalloween), ""},
    {"opening night", LexRole::kNamedDate, named(NamedDate::kOpeningNight), ""},
    {"opening day", LexRole::kNamedDate, named(NamedDate::kOpeningNight), ""},
    {"season opener", LexRole::kNamedDate, named(NamedDate::kOpeningNight), ""},
    {"first day of the season", LexRole::kNamedDate, named(NamedDate::kOpeningNight), ""},
    {"first day of the regular season", LexRole::kNamedDate, named(NamedDate::kOpeningNight), ""},
    {"first night of the season", LexRole::kNamedDate, named(NamedDate::kOpeningNight), ""},
    {"last day of the regular season", LexRole::kNamedDate, named(NamedDate::kLastDay), ""},
    {"last day of the season", LexRole::kNamedDate, named(NamedDate::kLastDay), ""},
    {"last day of regular season", LexRole::kNamedDate, named(NamedDate::kLastDay), ""},
    {"last day of the", LexRole::kNamedDate, named(NamedDate::kLastDay), ""},
    {"last day of", LexRole::kNamedDate, named(NamedDate::kLastDay), ""},
    {"final day of the regular season", LexRole::kNamedDate, named(NamedDate::kLastDay), ""},
    {"final day of the season", LexRole::kNamedDate, named(NamedDate::kLastDay), ""},
    {"final day of the", LexRole::kNamedDate, named(NamedDate::kLastDay), ""},
    {"final day of", LexRole::kNamedDate, named(NamedDate::kLastDay), ""},
    {"last night of the season", LexRole::kNamedDate, named(NamedDate::kLastDay), ""},
    {"last night of the regular season", LexRole::kNamedDate, named(NamedDate::kLastDay), ""},
    {"closing night", LexRole::kNamedDate, named(NamedDate::kLastDay), ""},
    {"closing day", LexRole::kNamedDate, named(NamedDate::kLastDay), ""},
    {"season finale", LexRole::kNamedDate, named(NamedDate::kLastDay), ""},
    {"nba cup final", LexRole::kNamedDate, named(NamedDate::kCupFinal), ""},
    {"cup final", LexRole::kNamedDate, named(NamedDate::kCupFinal), ""},
    {"nba cup championship", LexRole::kNamedDate, named(NamedDate::kCupFinal), ""},
    {"cup championship", LexRole::kNamedDate, named(NamedDate::kCupFinal), ""},
    // Who won the Cup is who won its final (it listed the season's awards before).
    {"won the nba cup", LexRole::kNamedDate, named(NamedDate::kCupFinal), ""},
    {"win the nba cup", LexRole::kNamedDate, named(NamedDate::kCupFinal), ""},
    {"nba cup champion", LexRole::kNamedDate, named(NamedDate::kCupFinal), ""},
    {"nba cup champions", LexRole::kNamedDate, named(NamedDate::kCupFinal), ""},
    {"nba cup winner", LexRole::kNamedDate, named(NamedDate::kCupFinal), ""},
    {"won the in season tournament", LexRole::kNamedDate, named(NamedDate::kCupFinal), ""},
    {"in season tournament final", LexRole::kNamedDate, named(NamedDate::kCupFinal), ""},
    {"in season tournament championship", LexRole::kNamedDate, named(NamedDate::kCupFinal), ""},
    {"ist final", LexRole::kNamedDate, named(NamedDate::kCupFinal), ""},
    // Positions, as the leaders tool groups them (a point guard is a guard).
    {"rookie", LexRole::kRookie, 0, ""}, {"rookies", LexRole::kRookie, 0, ""},
    {"first year player", LexRole::kRookie, 0, ""}, {"first year players", LexRole::kRookie, 0, ""},
    {"guard", LexRole::kPosition, 0, "G"}, {"guards", LexRole::kPosition, 0, "G"},
    {"point guard", LexRole::kPosition, 0, "G"}, {"point guards", LexRole::kPosition, 0, "G"},
    {"shooting guard", LexRole::kPosition, 0, "G"}, {"shooting guards", LexRole::kPosition, 0, "G"},
    {"forward", LexRole::kPosition, 0, "F"}, {"forwards", LexRole::kPosition, 0, "F"},
    {"small forward", LexRole::kPosition, 0, "F"}, {"small forwards", LexRole::kPosition, 0, "F"},
    {"power forward", LexRole::kPosition, 0, "F"}, {"power forwards", LexRole::kPosition, 0, "F"},
    {"wings", LexRole::kPosition, 0, "F"},
    {"center", LexRole::kPosition, 0, "C"}, {"centers", LexRole::kPosition, 0, "C"},
    {"centre", LexRole::kPosition, 0, "C"}, {"centres", LexRole::kPosition, 0, "C"},
    {"big men", LexRole::kPosition, 0, "C"}, {"big man", LexRole::kPosition, 0, "C"},
    {"bigs", LexRole::kPosition, 0, "C"},
    {"today", LexRole::kDateRel, 0, ""}, {"tonight", LexRole::kDateRel, 0, ""},
    {"tonights", LexRole::kDateRel, 0, ""}, {"todays", LexRole::kDateRel, 0, ""},
    {"yesterday", LexRole::kDateRel, -1, ""}, {"last night", LexRole::kDateRel, -1, ""},
    {"yesterdays", LexRole::kDateRel, -1, ""}, {"tomorrow", LexRole::kDateRel, 1, ""},
    {"next", LexRole::kUpcoming, 0, ""}, {"upcoming", LexRole::kUpcoming, 0, ""},
    {"coming up", LexRole::kUpcoming, 0, ""}, {"remaining", LexRole::kUpcoming, 0, ""},
    {"last game", LexRole::kLastGames, 1, ""}, {"latest game", LexRole::kLastGames, 1, ""},
    {"recent games", LexRole::kLastGames, 5, ""}, {"last few games", LexRole::kLastGames, 5, ""},
    // Joins, places, modifiers.
    {"and", LexRole::kSeparator, 0, ""}, {"also", LexRole::kSeparator, 0, ""},
    {"plus", LexRole::kSeparator, 0, ""}, {"as well as", LexRole::kSeparator, 0, ""},
    {"at home", LexRole::kHome, 0, ""}, {"home", LexRole::kHome, 0, ""},
    {"on the road", LexRole::kAway, 0, ""}, {"away", LexRole::kAway, 0, ""}, {"road", LexRole::kAway, 0, ""},
    {"advanced", LexRole::kAdvanced, 0, ""},
    {"january", LexRole::kMonth, 1, ""}, {"jan", LexRole::kMonth, 1, ""},
    {"february", LexRole::kMonth, 2, ""}, {"feb", LexRole::kMonth, 2, ""},
    {"march", LexRole::kMonth, 3, ""}, {"mar", LexRole::kMonth, 3, ""},
    {"april", LexRole::kMonth, 4, ""}, {"apr", LexRole::kMonth, 4, ""},
    {"may", LexRole::kMonth, 5, ""}, {"june", LexRole::kMonth, 6, ""}, {"jun", LexRole::kMonth, 6, ""},
    {"july", LexRole::kMonth, 7, ""}, {"jul", LexRole::kMonth, 7, ""},
    {"august", LexRole::kMonth, 8, ""}, {"aug", LexRole::kMonth, 8, ""},
    {"september", LexRole::kMonth, 9, ""}, {"sep", LexRole::kMonth, 9, ""}, {"sept", LexRole::kMonth, 9, ""},
    {"october", LexRole::kMonth, 10, ""}, {"oct", LexRole::kMonth, 10, ""},
    {"november", LexRole::kMonth, 11, ""}, {"nov", LexRole::kMonth, 11, ""},
    {"december", LexRole::kMonth, 12, ""}, {"dec", LexRole::kMonth, 12, ""},
};
// clang-format on

constexpr std::array<std::string_view, 21> kNumberWords = {
    "zero",     "one",     "two",     "three",     "four",     "five",     "six",
    "seven",    "eight",   "nine",    "ten",       "eleven",   "twelve",   "thirteen",
    "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"};
constexpr std::array<std::string_view, 11> kOrdinalWords = {"",       "first", "second", "third",
                                                            "fourth", "fifth", "sixth",  "seventh",
                                                            "eighth", "ninth", "tenth"};

class LexiconImpl final : public Lexicon {
 public:
  LexiconImpl() {
    for (const Word& w : kWords) {
      add(w.phrase, {w.role, w.value, w.text});
    }
    for (const Word& w : kExtraStats) {
      add(w.phrase, {w.role, w.value, w.text});
    }
    addCatalogStats();
    for (const auto& [key, entry] : entries_) {
      if (key.size() >= kLongWord && key.find(' ') == std::string_view::npos) {
        long_words_.push_back(key);
      }
      for (std::size_t start = 0; start <= key.size();) {
        const std::size_t end = std::min(key.find(' ', start), key.size());
        phrase_words_.insert(key.substr(start, end - start));
        start = end + 1;
      }
    }
    std::sort(long_words_.begin(), long_words_.end());
  }

  const LexEntry* find(std::string_view phrase) const override {
    auto it = entries_.find(phrase);
    return it == entries_.end() ? nullptr : &it->second;
  }
  const std::vector<std::string_view>& longWords() const override { return long_words_; }
  bool knowsWord(std::string_view word) const override { return phrase_words_.count(word) != 0; }

 private:
  void addCatalogStats() {
    TokenizedText tokens;
    for (const stats::StatDef& stat : stats::allStats()) {
      addStat(stat.code, stat.code, &tokens);
      for (const std::string& alias : stat.aliases) {
        addStat(alias, stat.code, &tokens);
      }
    }
  }

  void addStat(std::string_view alias, std::string_view code, TokenizedText* tokens) {
    tokenizeQuestion(alias, kMaxPhraseTokens, tokens);
    for (std::string_view ambiguous : kAmbiguousStatAliases) {
      if (tokens->text == ambiguous) {
        return;
      }
    }
    // In a question "total rebounds" asks for the season's total, as "total points" does:
    // "total" stays a per-mode word and the rest is the stat.
    if (std::string_view(tokens->text).starts_with("total ")) {
      return;
    }
    add(tokens->text, {LexRole::kStat, 0, code});
  }

  // First entry wins: filler and cue words are listed before the catalog's aliases.
  void add(std::string_view phrase, LexEntry entry) {
    if (phrase.empty() || entries_.count(phrase) != 0) {
      return;
    }
    storage_.emplace_back(phrase);
    entries_.emplace(storage_.back(), entry);
  }

  static constexpr std::size_t kLongWord = 5;

  std::deque<std::string> storage_;  // stable addresses for the keys
  std::unordered_map<std::string_view, LexEntry> entries_;
  std::vector<std::string_view> long_words_;
  std::unordered_set<std::string_view> phrase_words_;  // views into storage_
};

}  // namespace

const Lexicon& Lexicon::get() {
  static const LexiconImpl* lexicon = new LexiconImpl();
  return *lexicon;
}

int numberValue(std::string_view word) {
  for (std::size_t i = 0; i < kNumberWords.size(); ++i) {
    if (word == kNumberWords[i]) {
      return static_cast<int>(i);
    }
  }
  for (std::size_t i = 1; i < kOrdinalWords.size(); ++i) {
    if (word == kOrdinalWords[i]) {
      return static_cast<int>(i);
    }
  }
  if (word == "thirty") return 30;
  if (word == "fifty") return 50;
  if (word == "twenty five") return 25;
  std::size_t digits = 0;
  int value = 0;
  while (digits < word.size() && digits < 4 && word[digits] >= '0' && word[digits] <= '9') {
    value = value * 10 + (word[digits] - '0');
    ++digits;
  }
  if (digits == 0 || (digits < word.size() && digits >= 4)) {
    return -1;
  }
  std::string_view rest = word.substr(digits);
  if (rest.empty() || rest == "st" || rest == "nd" || rest == "rd" || rest == "th") {
    return value;
  }
  return -1;
}

}  // namespace nba::nlq
