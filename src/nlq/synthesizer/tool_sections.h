#pragma once

#include <string>
#include <string_view>

namespace nba::nlq {

// An NBA tool's markdown cut into its parts. Every tool writes "## heading (season, as of)",
// a blank line, one answering sentence, a blank line, then notes and tables (tool_answer.h);
// the synthesizer keeps the heading and body and may put a sharper sentence first.
struct ToolSections {
  std::string heading;   // "## NBA leaders: Points — 2024-25 (as of 2025-04-13)" or ""
  std::string sentence;  // the first paragraph after the heading
  std::string body;      // everything after it (may be empty)
};

// Pure. Text without a heading gives an empty heading and its first paragraph as sentence.
ToolSections splitToolMarkdown(std::string_view markdown);

}  // namespace nba::nlq
