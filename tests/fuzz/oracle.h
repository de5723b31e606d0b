#pragma once

#include <string_view>

namespace nba::fuzz {

// Aborts (a finding for libFuzzer) with `what` on stderr when `ok` is false. For the
// targets' oracles: properties the server promises beyond "does not crash". Its own library,
// so a target that reaches only part of the server links only that part.
void check(bool ok, std::string_view what);

}  // namespace nba::fuzz
