// The one renderer of a tool's answer: heading, sentence, body and source notes.
#include "nba/tools/answer_markdown.h"

#include <doctest/doctest.h>

namespace nba::tools {
namespace {

AnswerSections leaders() {
  AnswerSections text;
  text.heading = {"NBA leaders: Points", "2024-25", "2025-04-13"};
  text.sentence = "Shai Gilgeous-Alexander led the NBA with 32.7 points per game in 2024-25.";
  text.body = "*Note:* Qualification: 58 games.\n\n| Rank | Player |\n|---:|---|\n";
  return text;
}

TEST_CASE("an answer renders as heading, sentence, then body") {
  CHECK(renderMarkdown(leaders()) ==
        "## NBA leaders: Points — 2024-25 (as of 2025-04-13)\n\n"
        "Shai Gilgeous-Alexander led the NBA with 32.7 points per game in 2024-25.\n\n"
        "*Note:* Qualification: 58 games.\n\n| Rank | Player |\n|---:|---|\n");
}

TEST_CASE("the heading leaves out what it does not have, and escapes its title") {
  CHECK(headingLine({"Who is \"*thompson*\"?", "", ""}) == "## Who is \"\\*thompson\\*\"?");
  CHECK(headingLine({"Awards: Nikola Jokić", "2023-24", ""}) ==
        "## Awards: Nikola Jokić — 2023-24");
  CHECK(headingLine({"", "2024-25", "2025-04-13"}).empty());
}

TEST_CASE("an error is its message alone; an answer without body ends at its sentence") {
  CHECK(renderMarkdown(ToolAnswer::error("No player matches 'zzz'.").text) ==
        "No player matches 'zzz'.");
  AnswerSections text = leaders();
  text.body.clear();
  CHECK(renderMarkdown(text) ==
        "## NBA leaders: Points — 2024-25 (as of 2025-04-13)\n\n"
        "Shai Gilgeous-Alexander led the NBA with 32.7 points per game in 2024-25.");
}

TEST_CASE("source notes close the answer, after the body or straight after the sentence") {
  AnswerSections text = leaders();
  text.source_notes = {"NBA.com unreachable — offline snapshot"};
  CHECK(renderMarkdown(text).ends_with(
      "|---:|---|\n\n\n*Note:* NBA.com unreachable — offline snapshot."));
  CHECK(bodyWithSourceNotes(text) ==
        "*Note:* Qualification: 58 games.\n\n| Rank | Player |\n|---:|---|\n\n\n"
        "*Note:* NBA.com unreachable — offline snapshot.");
  text.body.clear();
  CHECK(renderMarkdown(text).ends_with(
      "in 2024-25.\n\n*Note:* NBA.com unreachable — offline snapshot."));
  CHECK(bodyWithSourceNotes(text) == "*Note:* NBA.com unreachable — offline snapshot.");
  text.source_notes.clear();
  CHECK(bodyWithSourceNotes(text).empty());
}

TEST_CASE("source notes are read from the meta's string notes only") {
  const nlohmann::json meta = {{"dev.nbamcp/notes", {"from the snapshot", 42, nullptr, "stale"}}};
  CHECK(sourceNotesOf(meta) == std::vector<std::string>{"from the snapshot", "stale"});
  CHECK(sourceNotesOf({{"dev.nbamcp/notes", "not a list"}}).empty());
  CHECK(sourceNotesOf(nlohmann::json::object()).empty());
}

}  // namespace
}  // namespace nba::tools
