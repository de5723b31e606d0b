#pragma once

#include <string>

namespace nba::nlq {

// One answered part of a question, as the synthesizer writes it: a heading naming season and
// as-of date, the sentence that answers, then notes and tables.
struct PartText {
  std::string heading;   // "## …" or ""
  std::string sentence;  // the direct answer
  std::string body;

  std::string render() const;
};

}  // namespace nba::nlq
