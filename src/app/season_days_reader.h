#pragma once

#include <map>
#include <mutex>
#include <string>
#include <vector>

#include "core/call_context.h"
#include "nlq/parser/slot_hits.h"
#include "origin/data_source.h"

namespace nba::app {

// The days of each season the question parser dates by the data ("opening night", "the last
// day of the regular season", "the NBA Cup final"), read from the origin's games tables. A
// season's days are kept while its as_of stays the same: a complete season's never change,
// and one in progress is read again when new games arrive. A season the origin cannot give
// the games of is left out (the parser then says it has no date for that day). Thread-safe.
class SeasonDaysReader {
 public:
  std::vector<nlq::SeasonDays> read(const DataSource& data, const CallContext& call);

 private:
  struct Kept {
    std::string as_of;
    nlq::SeasonDays days;
  };

  std::mutex mutex_;
  std::map<int, Kept> kept_;  // by the season's start year
};

// A season's days from its regular-season games: the first game day, the last one when the
// season is complete, and the NBA Cup final's. Pure.
nlq::SeasonDays seasonDaysOf(Season season, const Rows<Game>& games, bool complete);

}  // namespace nba::app
