#pragma once

#include <chrono>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "origin/data_source.h"
#include "origin/live/http_client.h"
#include "origin/live/team_directory.h"

namespace nba::live {

// The request headers NBA.com expects today (NBA-ENDPOINTS.md §3.3: nba_api 1.11.4's set,
// plus Origin). NBA.com changes what it wants every year or two, so the config file can
// replace any of them.
std::vector<std::pair<std::string, std::string>> defaultNbaHeaders();

struct LiveOptions {
  std::string stats_url = "https://stats.nba.com/stats";  // --nba-stats-url
  std::string cdn_url = "https://cdn.nba.com";            // --nba-cdn-url
  std::vector<std::pair<std::string, std::string>> headers = defaultNbaHeaders();
  // The first season leaguedashplayerstats and leaguedashteamstats cover.
  int first_season = 1996;
  // How long the player index (≈800 KB) is kept before it is asked for again.
  std::chrono::minutes player_index_ttl{12 * 60};
  // Project ids → prominence (points over the snapshot's seasons), so the name index ranks
  // well-known players first for an ambiguous name, as it does offline.
  std::map<std::string, int> prominence;
};

// The live origin (DESIGN §5) as a DataSource: every request is answered from stats.nba.com
// through `http` (give it a polite client: polite_http_client.h) and parsed by header name
// into the same domain rows the snapshot gives (stats_parsers.h). Tables carry source "live",
// origin "NBA.com <endpoint>" and as_of the date they were fetched; the season in progress is
// partial. Where NBA.com has more than the snapshot — playoffs, this season — the tools get it.
//
// seasons() needs no request: 1996-97 (first_season) to the season in progress at the
// context's clock. teams() is the directory. Every other request fetches (the cache of
// issue 11 goes in front); only the player index is kept, for player_index_ttl.
//
// Errors: those of the HTTP client (kUnavailable, kDeadlineExceeded, kCancelled, ...), kDataLoss
// for a response that is not what the endpoint returns (naming endpoint and column), kNotFound
// for an unknown player, kUnimplemented for a season's awards (NBA.com lists awards only per
// player). `http` must outlive the source. Thread-safe.
std::unique_ptr<DataSource> newLiveSource(const HttpClient& http, TeamDirectory teams,
                                          LiveOptions options);

}  // namespace nba::live
