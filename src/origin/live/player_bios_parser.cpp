#include <charconv>
#include <string_view>

#include "origin/live/stats_parsers.h"
#include "origin/live/stats_table.h"

namespace nba::live {
namespace {

// "6-8" → 80. NBA.com writes feet and inches with a hyphen; anything else reads as unknown.
std::optional<int> inchesOf(std::string_view text) {
  const auto dash = text.find('-');
  if (dash == std::string_view::npos) {
    return std::nullopt;
  }
  int feet = 0;
  int inches = 0;
  const auto feet_end = text.data() + dash;
  const auto end = text.data() + text.size();
  const auto whole = [](const char* first, const char* last, int& value) {
    const auto [stop, error] = std::from_chars(first, last, value);
    return error == std::errc() && stop == last;  // "6-" has no inches: not a height
  };
  if (!whole(text.data(), feet_end, feet) || !whole(feet_end + 1, end, inches)) {
    return std::nullopt;
  }
  if (feet < 4 || feet > 8 || inches < 0 || inches > 11) {
    return std::nullopt;  // not a basketball player's height: a malformed cell
  }
  return feet * 12 + inches;
}

std::optional<int> poundsOf(std::optional<long long> weight) {
  if (!weight || *weight < 100 || *weight > 450) {
    return std::nullopt;
  }
  return static_cast<int>(*weight);
}

}  // namespace

Result<std::unordered_map<std::int64_t, PlayerBio>> parsePlayerBios(
    const nlohmann::json& response) {
  auto table = StatsTable::find(response, "playerindex", "PlayerIndex");
  if (!table.ok()) {
    return table.status();
  }
  const StatsTable& t = table.value();
  auto cols = t.columns({"PERSON_ID", "POSITION", "HEIGHT", "WEIGHT"});
  if (!cols.ok()) {
    return cols.status();
  }
  const auto& c = cols.value();
  std::unordered_map<std::int64_t, PlayerBio> bios;
  bios.reserve(t.rowCount());
  for (std::size_t row = 0; row < t.rowCount(); ++row) {
    const auto id = t.whole(row, c[0]);
    if (!id || *id <= 0) {
      continue;
    }
    bios[*id] =
        PlayerBio{t.text(row, c[1]), inchesOf(t.text(row, c[2])), poundsOf(t.whole(row, c[3]))};
  }
  return bios;
}

void applyPlayerBios(const std::unordered_map<std::int64_t, PlayerBio>& bios,
                     std::vector<Player>& players) {
  for (Player& player : players) {
    if (!player.nba_id) {
      continue;
    }
    const auto it = bios.find(*player.nba_id);
    if (it == bios.end()) {
      continue;
    }
    const PlayerBio& bio = it->second;
    if (!bio.position.empty()) player.position = bio.position;
    if (bio.height_in) player.height_in = bio.height_in;
    if (bio.weight_lb) player.weight_lb = bio.weight_lb;
  }
}

}  // namespace nba::live
