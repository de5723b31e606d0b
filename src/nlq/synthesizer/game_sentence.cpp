#include "nlq/synthesizer/game_sentence.h"

#include "nlq/synthesizer/focus_sentence.h"

namespace nba::nlq {
namespace {

using nlohmann::json;

// A team's name, or its abbreviation when the list has none for it.
std::string nameOf(const TeamNames& teams, const std::string& abbr, bool nickname) {
  auto it = teams.find(abbr);
  if (it == teams.end()) return abbr;
  return nickname ? it->second.nickname : it->second.name;
}

// A final game's two sides, winner first; nullopt when the row is not a final score.
struct FinalScore {
  std::string winner, loser;
  long long winner_pts = 0, loser_pts = 0;
};

std::optional<FinalScore> finalScore(const json& game) {
  const json& home_pts = memberOr(game, "home_pts");
  const json& away_pts = memberOr(game, "away_pts");
  const json& home = memberOr(game, "home");
  const json& away = memberOr(game, "away");
  if (!home_pts.is_number_integer() || !away_pts.is_number_integer() || !home.is_string() ||
      !away.is_string() || memberOr(game, "status") != "Final") {
    return std::nullopt;
  }
  const bool home_won = home_pts.get<long long>() > away_pts.get<long long>();
  FinalScore score;
  score.winner = (home_won ? home : away).get<std::string>();
  score.loser = (home_won ? away : home).get<std::string>();
  score.winner_pts = (home_won ? home_pts : away_pts).get<long long>();
  score.loser_pts = (home_won ? away_pts : home_pts).get<long long>();
  return score;
}

}  // namespace

std::optional<std::string> oneGameSentence(const json& structured, const TeamNames& teams) {
  const json& games = memberOr(structured, "games");
  const json& team = memberOr(structured, "team");
  if (!games.is_array() || games.size() != 1 || !team.is_string()) return std::nullopt;
  const json& game = games.front();
  const auto score = finalScore(game);
  if (!score) return std::nullopt;
  const std::string us = team.get<std::string>();
  const bool won = score->winner == us;
  const std::string them = won ? score->loser : score->winner;
  const bool at_home = memberOr(game, "home") == us;
  return "The " + nameOf(teams, us, false) + (won ? " beat the " : " lost to the ") +
         nameOf(teams, them, false) + " " + std::to_string(score->winner_pts) + "-" +
         std::to_string(score->loser_pts) + (at_home ? " at home" : " on the road") + " on " +
         memberOr(game, "date").get<std::string>() + ".";
}

std::optional<std::string> finalScoresSentence(const json& structured, const TeamNames& teams) {
  const json& games = memberOr(structured, "games");
  const json& date = memberOr(structured, "date");
  if (!games.is_array() || games.empty() || !date.is_string()) return std::nullopt;
  std::string out;
  for (const json& game : games) {
    const auto score = finalScore(game);
    if (!score) return std::nullopt;  // games in progress or ahead: the table says it better
    out += (out.empty() ? "" : "; ") + nameOf(teams, score->winner, true) + " " +
           std::to_string(score->winner_pts) + ", " + nameOf(teams, score->loser, true) + " " +
           std::to_string(score->loser_pts);
  }
  return "Final scores on " + date.get<std::string>() + ": " + out + ".";
}

}  // namespace nba::nlq
