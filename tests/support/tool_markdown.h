#pragma once

#include <string>

#include "nba/tools/answer_markdown.h"

namespace nba::tools {

// The markdown a client would read for `answer`: its sections as the edge renders them.
inline std::string markdownOf(const ToolAnswer& answer) { return renderMarkdown(answer.text); }

}  // namespace nba::tools
