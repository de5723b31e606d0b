#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "nba/tools/tool_answer.h"

namespace nba::tools {

// "## {title} — {season} (as of {as_of})", escaped; "" when the heading has no title.
std::string headingLine(const AnswerHeading& heading);

// The answer's markdown, the one way every tool result is rendered: the heading line and a
// blank line, the sentence, then a blank line and the body when there is one, then each
// source note after a blank line.
std::string renderMarkdown(const AnswerSections& text);

// What follows the sentence, as renderMarkdown writes it: the body, then the source notes.
// Starts with neither a blank line nor ends with one. "" when there is nothing.
std::string bodyWithSourceNotes(const AnswerSections& text);

// The notes a tool's meta carries under dev.nbamcp/notes (strings only; others are skipped).
std::vector<std::string> sourceNotesOf(const nlohmann::json& meta);

}  // namespace nba::tools
