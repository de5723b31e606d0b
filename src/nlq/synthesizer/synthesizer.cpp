#include "nlq/synthesizer/synthesizer.h"

#include "nba/tools/answer_markdown.h"
#include "nba/tools/markdown.h"
#include "nlq/parser/parsed_query_json.h"
#include "nlq/planner/plan_json.h"
#include "nlq/synthesizer/answer_json.h"
#include "nlq/synthesizer/clarification.h"
#include "nlq/synthesizer/focus_sentence.h"
#include "nlq/synthesizer/part_text.h"

namespace nba::nlq {
namespace {

using nlohmann::json;

std::vector<const CallResult*> resultsOf(const std::vector<CallResult>& results,
                                         std::size_t intent) {
  std::vector<const CallResult*> out;
  for (const CallResult& result : results) {
    if (result.call.intent == intent) out.push_back(&result);
  }
  return out;
}

// A tool's failure message, quoted and escaped: it may echo the question's words.
std::string failureText(const CallResult& result) {
  std::string out = "**Could not answer this part** (" + result.call.tool + "):";
  std::string_view text = result.outcome.text;
  while (!text.empty()) {
    const std::size_t end = text.find('\n');
    out += "\n> " + tools::escapeMarkdown(text.substr(0, end));
    text.remove_prefix(end == std::string_view::npos ? text.size() : end + 1);
  }
  return out;
}

std::optional<std::string> focusSentence(const Intent& intent, const CallResult& result,
                                         const TeamNames& teams) {
  if (result.call.tool == "get_schedule") {
    return oneGameSentence(result.outcome.structured, teams);
  }
  if (result.call.tool == "get_live_scores") {
    return finalScoresSentence(result.outcome.structured, teams);
  }
  if (result.call.tool == "get_player_stats") {
    return playerStatSentence(intent.slots, result.outcome.structured);
  }
  if (result.call.tool == "get_team_stats") {
    return teamStatSentence(intent.slots, result.outcome.structured);
  }
  return std::nullopt;
}

// The sections a tool answered with, as they are; a caller with no NBA tool behind it gives
// none, and its text stands as the sentence.
PartText sectionsOf(const ToolOutcome& outcome) {
  if (outcome.sections == nullptr) {
    return PartText{"", outcome.text, ""};
  }
  const tools::AnswerSections& text = *outcome.sections;
  return PartText{tools::headingLine(text.heading), text.sentence,
                  tools::bodyWithSourceNotes(text)};
}

// One call's answer: the tool's sections, with a sharper first sentence when one applies.
PartText partFromTool(const Intent& intent, const CallResult& result, const TeamNames& teams) {
  PartText part = sectionsOf(result.outcome);
  if (auto focus = focusSentence(intent, result, teams)) {
    part.body = part.sentence + (part.body.empty() ? "" : "\n\n" + part.body);
    part.sentence = std::move(*focus);
  }
  return part;
}

// Collects what the answer says, part by part.
class AnswerWriter {
 public:
  void add(const PartText& part) {
    if (!part.sentence.empty()) sentences_.push_back(part.sentence);
    sections_.push_back(part.render());
    ++answered_;
  }
  void fail(const CallResult& result) {
    sections_.push_back(failureText(result));
    ++failed_;
  }
  // A call that answered, but not what was asked: the data has no value for it.
  void noValue(const std::string& sentence) {
    sections_.push_back("**No data:** " + tools::escapeMarkdown(sentence));
    ++failed_;
  }

  int answered() const { return answered_; }
  int failed() const { return failed_; }
  const std::vector<std::string>& sentences() const { return sentences_; }

  std::string markdown() const {
    std::string out;
    for (const std::string& section : sections_) {
      out += (out.empty() ? "" : "\n\n") + section;
    }
    return out;
  }

 private:
  std::vector<std::string> sections_;
  std::vector<std::string> sentences_;
  int answered_ = 0;
  int failed_ = 0;
};

void writeIntent(const Intent& intent, const std::vector<const CallResult*>& calls,
                 const TeamNames& teams, AnswerWriter* writer) {
  for (const CallResult* result : calls) {
    if (result->outcome.is_error) {
      writer->fail(*result);
    } else if (auto none = result->call.tool == "get_player_stats"
                               ? playerStatsWithoutValue(intent.slots, result->outcome.structured)
                               : std::nullopt) {
      writer->noValue(*none);
    } else {
      writer->add(partFromTool(intent, *result, teams));
    }
  }
}

AnswerStatus statusOf(const AnswerWriter& writer, const Plan& plan) {
  const bool unanswered = writer.failed() > 0 || !plan.unanswerable.empty();
  if (writer.answered() == 0) {
    return plan.missing.empty() && unanswered ? AnswerStatus::kNoData
                                              : AnswerStatus::kClarification;
  }
  return unanswered || !plan.missing.empty() ? AnswerStatus::kPartial : AnswerStatus::kAnswered;
}

// What the data has nothing for, as the planner said it.
std::string unanswerableText(const Plan& plan) {
  std::string out;
  for (const std::string& sentence : plan.unanswerable) {
    out += (out.empty() ? "" : " ") + sentence;
  }
  return out;
}

// The plan's notes, then what it could not answer (for a reader of the structured answer).
std::vector<std::string> notesOf(const Plan& plan) {
  std::vector<std::string> notes = plan.notes;
  notes.insert(notes.end(), plan.unanswerable.begin(), plan.unanswerable.end());
  return notes;
}

}  // namespace

std::string_view answerStatusName(AnswerStatus status) {
  switch (status) {
    case AnswerStatus::kAnswered:
      return "answered";
    case AnswerStatus::kPartial:
      return "partial";
    case AnswerStatus::kClarification:
      return "clarification";
    case AnswerStatus::kNoData:
      return "no_data";
  }
  return "answered";
}

Answer synthesize(std::string_view question, const ParsedQuery& query, const Plan& plan,
                  const std::vector<CallResult>& results, const TeamNames& teams) {
  AnswerWriter writer;
  for (std::size_t i = 0; i < query.intents.size(); ++i) {
    writeIntent(query.intents[i], resultsOf(results, i), teams, &writer);
  }
  Answer answer;
  answer.status = statusOf(writer, plan);
  std::string markdown = answer.status == AnswerStatus::kClarification ? clarification(query, plan)
                                                                       : writer.markdown();
  if (answer.status == AnswerStatus::kPartial && !plan.missing.empty()) {
    markdown += "\n\n**Not answered** — I also need:\n" + bulletList(plan.missing);
  }
  if (answer.status == AnswerStatus::kNoData && !query.out_of_scope.empty()) {
    markdown = "## Not covered\n\n" + unanswerableText(plan);
  } else if (answer.status == AnswerStatus::kNoData) {
    markdown = "## No data for that\n\n" + understood(query) + "\n\n" +
               (plan.unanswerable.empty()
                    ? markdown
                    : unanswerableText(plan) + (markdown.empty() ? "" : "\n\n" + markdown));
  } else if (!plan.unanswerable.empty()) {
    markdown += "\n\n**Not answered** — " + unanswerableText(plan);
  }
  for (const std::string& note : plan.notes) {
    markdown += "\n\n" + tools::noteLine(note);
  }
  const std::vector<std::string> suggestions = suggestionsFor(question, query, plan);
  if (answer.status != AnswerStatus::kAnswered && !suggestions.empty()) {
    markdown += "\n\nTry for example: " + quotedList(suggestions) + ".";
  }
  answer.markdown = std::move(markdown);

  std::string season;
  std::string as_of;
  json calls = resultsJson(results, &season, &as_of);
  json intents = json::array();
  for (const Intent& intent : query.intents)
    intents.push_back(std::string(intentName(intent.kind)));
  std::string sentences;
  for (const std::string& s : writer.sentences()) sentences += (sentences.empty() ? "" : " ") + s;
  answer.structured = {{"question", std::string(question)},
                       {"status", std::string(answerStatusName(answer.status))},
                       {"answer", sentences},
                       {"intents", std::move(intents)},
                       {"entities", entitiesJson(query.slots)},
                       {"confidence", query.confidence},
                       {"parsed", toJson(query)},
                       {"plan", toJson(plan)},
                       {"results", std::move(calls)},
                       {"missing", plan.missing},
                       {"notes", notesOf(plan)},
                       {"suggestions", suggestions}};
  answer.structured["season"] = season.empty() ? json(nullptr) : json(season);
  answer.structured["as_of"] = as_of.empty() ? json(nullptr) : json(as_of);
  return answer;
}

}  // namespace nba::nlq
