#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace nba::tools {

// The line an answer opens with: "## {title} — {season} (as of {as_of})". Value type.
struct AnswerHeading {
  std::string title;   // empty: the answer has no heading (an error's message)
  std::string season;  // empty when the answer spans no season
  std::string as_of;
};

// What an answer says, section by section, in the order its markdown shows them
// (answer_markdown.h renders them, once, at the edge). Kept apart so a reader in the process
// — the question synthesizer — takes the sentence and the rest as they are and never parses
// the markdown back. Value type.
struct AnswerSections {
  AnswerHeading heading;
  std::string sentence;  // the direct answer: one paragraph of markdown, no blank line
  std::string body;      // what follows it (notes, explanations, tables), markdown; may be ""
  // Where the figures came from when that is news (the offline snapshot while NBA.com is
  // unreachable): they close the answer. The edge fills them from the meta's notes.
  std::vector<std::string> source_notes;

  static AnswerSections of(AnswerHeading heading, std::string sentence, std::string body) {
    return {std::move(heading), std::move(sentence), std::move(body), {}};
  }
};

// What an NBA tool returns; app turns it into an MCP tool result. A failure a person can
// act on ("no player named …; did you mean …") is an answer with is_error set and its message
// as the sentence, never an exception. Value type.
struct ToolAnswer {
  AnswerSections text;
  nlohmann::json structured = nlohmann::json::object();  // matches the output schema
  bool is_error = false;
  // `_meta` keys under our prefix: dev.nbamcp/season, as_of, source, cache, notes.
  nlohmann::json meta = nlohmann::json::object();

  static ToolAnswer error(std::string message) {
    ToolAnswer answer;
    answer.text.sentence = std::move(message);
    answer.is_error = true;
    return answer;
  }
};

}  // namespace nba::tools
