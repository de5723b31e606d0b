#pragma once

#include <string>

namespace nba::testing {

// Whether a test that needs the reference data at `dir` (../shared/data) can run. When the
// directory is missing it skips with a message on a workstation, but under CI (env CI set and
// not "0"/"false") it fails the test instead: CI must never pass by skipping silently.
bool sharedDataAvailable(const std::string& dir);

}  // namespace nba::testing
