#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "nlq/parser/parsed_query.h"
#include "nlq/planner/plan.h"

namespace nba::nlq {

// What the synthesizer says when a question cannot be (fully) answered. Text that came from
// the question is escaped for markdown. Pure.

// "I understood a question about standings and naming "LA" (ambiguous)."
std::string understood(const ParsedQuery& query);

// "## I need a bit more to answer that", what was understood, and the missing items.
std::string clarification(const ParsedQuery& query, const Plan& plan);

// Up to three example questions: for an ambiguous name, the reader's own question with each
// candidate in its place ("LA standings" → "LA Clippers standings"); then the plan's.
std::vector<std::string> suggestionsFor(std::string_view question, const ParsedQuery& query,
                                        const Plan& plan);

// "- a\n- b" and "\"a\", \"b\" and \"c\"", items escaped.
std::string bulletList(const std::vector<std::string>& items);
std::string quotedList(const std::vector<std::string>& items);

}  // namespace nba::nlq
