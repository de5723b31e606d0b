#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace nba::live {

// Parses a stats.nba.com response ({"resultSets":[{"name","headers","rowSet"}]} or the
// singular "resultSet") keeping, in the result set named `set_name`, only the cells of
// `columns`: every other cell of that set reads as null. The shape is unchanged, so StatsTable
// and the parsers read it as they read the whole response.
//
// Why: the player index (commonallplayers, ≈600 KB, 5,000 rows × 16 columns) is the largest
// response the server reads, and building a DOM of every cell costs twice what reading the
// text does. The parse streams through nlohmann's SAX interface and allocates only the cells
// kept. When the set's headers come after its rows (NBA.com never sends them so), every cell is
// kept. Errors: kDataLoss naming `upstream` when the body is not JSON.
Result<nlohmann::json> parseSlimResponse(std::string_view body, std::string_view upstream,
                                         std::string_view set_name,
                                         const std::vector<std::string>& columns);

}  // namespace nba::live
