#pragma once

#include <nlohmann/json.hpp>
#include <optional>

#include "domain/season.h"
#include "domain/table.h"

namespace nba::tools {

// Where an answer's figures came from, written the same way by every tool, from the table
// the answer was built on:
//
// provenanceJson: the block every tool's structured content opens with — "season" (what the
// answer covers: a season, a span such as "2023-24 to 2024-25", or null for none), "as_of",
// "source" ("snapshot" or "live") and "coverage" ("complete", or "partial" for a season in
// progress). The tool adds its own members to it.
nlohmann::json provenanceJson(const TableMeta& table, nlohmann::json season);

// answerMeta: the `_meta` — dev.nbamcp/season (`season`, the answer's, which a season-less
// table lacks), as_of, source, cache (the table's real cache state) and, when the source added
// any, notes ("NBA.com unreachable — offline snapshot …"), which the server also shows under
// the answer's markdown.
nlohmann::json answerMeta(const TableMeta& table, const std::optional<Season>& season);

}  // namespace nba::tools
