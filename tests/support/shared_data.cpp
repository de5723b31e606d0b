#include "support/shared_data.h"

#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>

namespace nba::testing {

bool sharedDataAvailable(const std::string& dir) {
  if (std::filesystem::is_directory(dir)) {
    return true;
  }
  const char* ci = std::getenv("CI");
  const std::string value = ci == nullptr ? "" : ci;
  if (!value.empty() && value != "0" && value != "false") {
    FAIL("CI is set but the reference data is missing at " << dir);
  }
  MESSAGE("skipped: reference data not found at " << dir);
  return false;
}

}  // namespace nba::testing
