#include "nba/entity/edit_distance.h"

#include <algorithm>
#include <array>
#include <cstdlib>

namespace nba::entity {

int boundedEditDistance(std::string_view a, std::string_view b, int max_distance) {
  const int too_far = max_distance + 1;
  if (a == b) {
    return 0;
  }
  if (max_distance <= 0 || a.size() > kMaxEditLength || b.size() > kMaxEditLength) {
    return too_far;
  }
  const int len_a = static_cast<int>(a.size());
  const int len_b = static_cast<int>(b.size());
  if (std::abs(len_a - len_b) > max_distance) {
    return too_far;
  }
  // Three rolling rows: the one before the previous is needed for transpositions.
  std::array<std::array<int, kMaxEditLength + 1>, 3> rows{};
  int* before = rows[0].data();
  int* previous = rows[1].data();
  int* current = rows[2].data();
  for (int j = 0; j <= len_b; ++j) {
    previous[j] = j;
  }
  int previous_minimum = 0;
  for (int i = 1; i <= len_a; ++i) {
    current[0] = i;
    int row_minimum = current[0];
    for (int j = 1; j <= len_b; ++j) {
      const int cost = a[i - 1] == b[j - 1] ? 0 : 1;
      int best = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        best = std::min(best, before[j - 2] + 1);
      }
      current[j] = best;
      row_minimum = std::min(row_minimum, best);
    }
    // A cell depends on this row, the row above and (transpositions) the row before that,
    // so once two consecutive rows exceed the bound every later cell does too.
    if (row_minimum > max_distance && previous_minimum > max_distance) {
      return too_far;
    }
    previous_minimum = row_minimum;
    int* recycled = before;
    before = previous;
    previous = current;
    current = recycled;
  }
  return std::min(previous[len_b], too_far);
}

int typoBudget(std::size_t length) {
  if (length <= 3) {
    return 0;
  }
  if (length <= 5) {
    return 1;
  }
  if (length <= 9) {
    return 2;
  }
  return 3;
}

}  // namespace nba::entity
