#pragma once

#include <span>
#include <string_view>

namespace nba::entity {

// A nickname and the full name it stands for ("KD" → "Kevin Durant").
struct PlayerNickname {
  std::string_view nickname;
  std::string_view full_name;
};

// The built-in nickname table. Both sides are matched after name normalization (accents,
// case, punctuation, suffixes and a leading "the" do not matter), and a full name is looked
// up in the player list the resolver was built with: a nickname whose player is not in the
// list is ignored. Static storage; thread-safe.
std::span<const PlayerNickname> playerNicknames();

}  // namespace nba::entity
