#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace nba::nlq {

// How completely a question was answered.
enum class AnswerStatus {
  kAnswered,       // every part answered
  kPartial,        // some parts answered; the rest say what failed or is missing
  kClarification,  // nothing answered: the question lacks something (which player? which "Brown"?)
  kNoData,         // understood, but the data has nothing for it (no such game, season, …)
};
std::string_view answerStatusName(AnswerStatus status);  // "answered", "partial", …

// The synthesizer's product: markdown for people and the structured answer of
// schemas/answer_nba_question.output.json. Value type.
struct Answer {
  std::string markdown;
  nlohmann::json structured = nlohmann::json::object();
  AnswerStatus status = AnswerStatus::kAnswered;
};

}  // namespace nba::nlq
