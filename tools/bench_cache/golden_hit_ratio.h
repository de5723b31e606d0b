#pragma once

#include <string>

namespace nba::bench {

// The data cache's hit ratio over the golden question mix (issue 11): every question of
// `questions_path` answered through answer_nba_question's pipeline twice, in order, with the
// NBA tools reading a CachingDataSource (L1, and L2 in memory) over an origin that answers
// every season. The origin is the snapshot behind a counter (one count per request that
// would go to NBA.com), because the recorded NBA.com responses cover 2025-26 only while the
// golden questions span three seasons; the cache keys, tiers and reuse are the same over
// either origin. Prints each pass's lookups, hits and origin requests, and the ratio over
// both. Returns false when the questions or the data cannot be loaded.
bool printGoldenHitRatio(const std::string& questions_path);

}  // namespace nba::bench
