#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/rows.h"
#include "domain/season.h"

namespace nba {

// How much of a season a table covers.
enum class Coverage { kComplete, kPartial };

// Where a table came from and how fresh it is; every DataSource answer carries one.
struct TableMeta {
  std::optional<Season> season;  // empty for season-less tables (teams, players)
  std::string as_of;             // "2025-04-13": last date the figures include
  Coverage coverage = Coverage::kComplete;
  std::string source;  // "snapshot" | "live" | "cache"
  std::string origin;  // the upstream figures: "basketball-reference", "NBA.com ..."
};

// A typed table: rows plus their provenance. Value type; the rows are read-only and may
// refer into the source's storage (see Rows).
template <typename Row>
struct Table {
  TableMeta meta;
  Rows<Row> rows;
};

}  // namespace nba
