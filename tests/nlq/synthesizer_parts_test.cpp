// The synthesizer's pieces on hand-made tool results: typed sections, focus sentences,
// rankings.
#include <doctest/doctest.h>

#include <memory>

#include "nlq/synthesizer/focus_sentence.h"
#include "nlq/synthesizer/synthesizer.h"

namespace nba::nlq {
namespace {

using nlohmann::json;

// A leaders call that answered with `sections`; its text is a decoy the synthesizer must not
// read (the sections are the contract, not the markdown's layout).
CallResult leadersResult(std::shared_ptr<const tools::AnswerSections> sections) {
  CallResult result;
  result.call = {"get_league_leaders", json{{"stat", "PTS"}}, 0, 0};
  result.outcome.text = "## Decoy heading\n\nDecoy sentence.\n\nDecoy body.";
  result.outcome.sections = std::move(sections);
  return result;
}

ParsedQuery leadersQuestion() {
  ParsedQuery query;
  query.intents.push_back(Intent{IntentKind::kLeaders, {}, 0.9});
  query.confidence = 0.9;
  return query;
}

TEST_CASE("the answer is made of the tool's typed sections, never its markdown") {
  auto sections = std::make_shared<tools::AnswerSections>();
  sections->heading = {"NBA leaders: Points", "2024-25", "2025-04-13"};
  // A blank line inside the sentence: splitting markdown would have cut it in two.
  sections->sentence = "Shai Gilgeous-Alexander led the NBA.\n\nWith 32.7 points per game.";
  sections->body = "| Rank |\n|---:|\n| 1 |\n";
  sections->source_notes = {"NBA.com was unreachable: figures from the offline snapshot"};
  Plan plan;
  plan.calls = {leadersResult(nullptr).call};
  const Answer answer =
      synthesize("who leads the nba in points", leadersQuestion(), plan, {leadersResult(sections)});
  CHECK(answer.status == AnswerStatus::kAnswered);
  CHECK(answer.markdown ==
        "## NBA leaders: Points — 2024-25 (as of 2025-04-13)\n\n"
        "Shai Gilgeous-Alexander led the NBA.\n\nWith 32.7 points per game.\n\n"
        "| Rank |\n|---:|\n| 1 |\n\n\n"
        "*Note:* NBA.com was unreachable: figures from the offline snapshot.");
  CHECK(answer.structured["answer"] ==
        "Shai Gilgeous-Alexander led the NBA.\n\nWith 32.7 points per game.");
}

TEST_CASE("a caller with no NBA tool behind it: its text is the sentence") {
  Plan plan;
  plan.calls = {leadersResult(nullptr).call};
  const Answer answer =
      synthesize("who leads the nba in points", leadersQuestion(), plan, {leadersResult(nullptr)});
  CHECK(answer.markdown == "## Decoy heading\n\nDecoy sentence.\n\nDecoy body.");
  CHECK(answer.structured["answer"] == "## Decoy heading\n\nDecoy sentence.\n\nDecoy body.");
}

json jokicLine() {
  return {{"player", {{"name", "Nikola Jokić"}}},
          {"season", "2024-25"},
          {"coverage", "complete"},
          {"per_mode", "PerGame"},
          {"line", {{"gp", 70}, {"pts", 29.6}, {"reb", 12.7}, {"ts_pct", 0.663}, {"per", 32.0}}}};
}

TEST_CASE("a stat the line has no value for is said to be missing, not skipped") {
  json luka = {{"player", {{"name", "Luka Dončić"}}},
               {"season", "2023-24"},
               {"line", {{"gp", 70}, {"pts", 33.9}, {"per", nullptr}, {"usg_pct", nullptr}}}};
  QuerySlots slots;
  slots.stats = {"PER"};
  CHECK(playerStatsWithoutValue(slots, luka) ==
        "The data has no player efficiency rating for Luka Dončić in 2023-24.");
  slots.stats = {"PER", "USG_PCT"};
  CHECK(playerStatsWithoutValue(slots, luka) ==
        "The data has no player efficiency rating and usage rate for Luka Dončić in 2023-24.");
  // One of them has a value: that is answered, nothing is missing as a whole.
  slots.stats = {"PER", "PTS"};
  CHECK_FALSE(playerStatsWithoutValue(slots, luka).has_value());
  slots.stats = {};
  CHECK_FALSE(playerStatsWithoutValue(slots, luka).has_value());
  slots.stats = {"PER"};
  CHECK_FALSE(playerStatsWithoutValue(slots, jokicLine()).has_value());
}

TEST_CASE("a player sentence answers exactly the stats asked") {
  QuerySlots slots;
  slots.stats = {"PTS"};
  CHECK(playerStatSentence(slots, jokicLine()) ==
        "Nikola Jokić averaged 29.6 points per game in 2024-25 (70 games).");
  slots.stats = {"PTS", "REB", "TS_PCT"};
  CHECK(playerStatSentence(slots, jokicLine()) ==
        "Nikola Jokić averaged 29.6 points and 12.7 rebounds per game, with a true shooting "
        "percentage of 66.3% in 2024-25 (70 games).");
  slots.stats = {"PER"};
  CHECK(playerStatSentence(slots, jokicLine()).value().starts_with("Nikola Jokić had a "));
  slots.stats = {"BLK"};  // not on this line
  CHECK_FALSE(playerStatSentence(slots, jokicLine()).has_value());
  slots.stats = {};
  CHECK_FALSE(playerStatSentence(slots, jokicLine()).has_value());
  CHECK_FALSE(playerStatSentence(slots, json("not an object")).has_value());
}

json teamAdvanced(const std::string& name, int w, int l, double ortg, double drtg,
                  const std::string& coverage = "complete") {
  auto row = [](const char* code, const char* label, const char* better, double value) {
    char display[16];
    std::snprintf(display, sizeof display, "%.1f", value);
    return json{{"code", code},   {"label", label},     {"short_label", code}, {"better", better},
                {"value", value}, {"display", display}, {"league_rank", 1}};
  };
  return {
      {"team", {{"name", name}}},
      {"season", "2024-25"},
      {"as_of", "2025-04-13"},
      {"coverage", coverage},
      {"w", w},
      {"l", l},
      {"stats",
       {row("OFF_RATING", "Offensive rating (points scored per 100 possessions)", "higher", ortg),
        row("DEF_RATING", "Defensive rating (points allowed per 100 possessions)", "lower",
            drtg)}}};
}

TEST_CASE("a team sentence names the stat, its value and NBA rank") {
  QuerySlots slots;
  slots.stats = {"OFF_RATING"};
  CHECK(teamStatSentence(slots, teamAdvanced("Boston Celtics", 61, 21, 120.6, 111.1)) ==
        "The Boston Celtics had an offensive rating of 120.6 (1st in the NBA) in 2024-25.");
  CHECK(teamStatSentence(slots, teamAdvanced("Boston Celtics", 39, 20, 120.8, 113.0, "partial"))
            .value()
            .starts_with("The Boston Celtics have an offensive rating"));
  slots.stats = {"PTS"};
  CHECK_FALSE(teamStatSentence(slots, teamAdvanced("Boston Celtics", 61, 21, 1, 1)).has_value());
}

TEST_CASE("sentence helpers") {
  CHECK(joinAnd({}) == "");
  CHECK(joinAnd({"a"}) == "a");
  CHECK(joinAnd({"a", "b", "c"}) == "a, b and c");
  CHECK(statPhrase("Offensive rating (points scored per 100 possessions)") == "offensive rating");
  CHECK(statPhrase("PER") == "PER");
}

}  // namespace
}  // namespace nba::nlq
