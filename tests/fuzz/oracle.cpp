#include "fuzz/oracle.h"

#include <cstdio>
#include <cstdlib>

namespace nba::fuzz {

void check(bool ok, std::string_view what) {
  if (!ok) {
    std::fprintf(stderr, "\n==== fuzz oracle failed: %.*s\n", static_cast<int>(what.size()),
                 what.data());
    std::abort();
  }
}

}  // namespace nba::fuzz
