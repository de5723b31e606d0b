#pragma once

#include <memory>

#include "origin/data_source.h"

namespace nba {

// `--origin auto` (DESIGN §5): every request goes to `primary` (the live origin) first; when
// it cannot answer now — unreachable, circuit open, refused, timed out, an unreadable
// response, or a request it does not serve (a season's awards) — the answer comes from
// `secondary` (the offline snapshot), and says so: the table's source is the secondary's and
// its notes gain one sentence, e.g. "NBA.com unreachable — offline snapshot, 2025-26 as of
// 2026-02-21." A cancelled call, a call past its deadline, and the primary's kNotFound (NBA.com
// answered: no such player) are returned as they are.
//
// seasons(): the primary's while it answers; the secondary's once a request has fallen back
// (until the primary answers again), so "this season" offline is the snapshot's latest rather
// than a season nothing here can answer. Before any request has gone to the primary, the first
// seasons() asks it for players() (the name index needs them anyway) to find out which.
//
// A primary that cannot be reached (kUnavailable) is not asked again for a second: the
// requests of one tool call or question go straight to the secondary, with the same note.
//
// When both fail, the error is the primary's (kUnavailable: what to do about NBA.com) with the
// secondary's reason appended. Both sources must outlive this one. Thread-safe.
std::unique_ptr<DataSource> newFallbackDataSource(const DataSource& primary,
                                                  const DataSource& secondary);

}  // namespace nba
