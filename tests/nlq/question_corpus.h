#pragma once

#include <string_view>

namespace nba::nlq::testing {

// Questions people type, for the parser benchmark (tools/bench_nlq) and smoke tests: the 20 of
// DESIGN §11 first, then varied phrasings and bad input.
inline constexpr std::string_view kQuestionCorpus[] = {
    "Who leads the NBA in points?",
    "Who leads the NBA in assists?",
    "Who leads the NBA in rebounds?",
    "Compare LeBron James and Kevin Durant",
    "Show me Stephen Curry stats",
    "Lakers vs Celtics",
    "Warriors vs Bucks",
    "Eastern Conference standings",
    "Western Conference standings",
    "Top 10 scorers this season",
    "Show me Giannis stats",
    "Compare Luka Doncic and Trae Young",
    "What is the Celtics offensive rating?",
    "Lakers standings",
    "Who leads in three pointers?",
    "Show me Nikola Jokic stats",
    "Compare Jayson Tatum and Jaylen Brown",
    "Nuggets vs Lakers",
    "Show me Anthony Davis stats",
    "Top 5 rebounders",
    "who leads the league in three point percentage",
    "how many points does jokic average",
    "who's the top scorer in the west",
    "Lebron Jame stats",
    "KD vs Steph",
    "Curry's stats last season",
    "best defensive team in the West",
    "did the Knicks beat the Celtics",
    "how did the Nuggets do against the Lakers",
    "who won MVP in 2024",
    "top scorers and the East standings",
    "SGA stats 2023-24",
    "Luka's last 5 games",
    "LeBron career stats",
    "scores last night",
    "Lakers box score on March 8",
    "when do the Celtics play next",
    "Atlantic division standings",
    "top ten assists per 36 in 2025-26",
    "the Greek Freak's numbers in the playoffs",
    "¿Quién es el máximo anotador?",
    "the the the of and",
    "'; DROP TABLE players; --",
};

}  // namespace nba::nlq::testing
