#include "nlq/synthesizer/part_text.h"

namespace nba::nlq {

std::string PartText::render() const {
  std::string out;
  for (const std::string* piece : {&heading, &sentence, &body}) {
    if (piece->empty()) {
      continue;
    }
    if (!out.empty()) {
      out += "\n\n";
    }
    out += *piece;
  }
  return out;
}

}  // namespace nba::nlq
