#include "domain/game.h"

namespace nba {

const char* gameKindName(GameKind kind) {
  switch (kind) {
    case GameKind::kRegular:
      return "regular";
    case GameKind::kNeutralSite:
      return "neutral_site";
    case GameKind::kCupFinal:
      return "cup_final";
  }
  return "regular";
}

}  // namespace nba
