#pragma once

#include <string_view>
#include <vector>

#include "nlq/executor/executor.h"
#include "nlq/parser/parsed_query.h"
#include "nlq/planner/plan.h"
#include "nlq/synthesizer/answer.h"
#include "nlq/synthesizer/game_sentence.h"

namespace nba::nlq {

// Results → Answer. For each part of the question, in order: the tool's heading (season and
// as-of date), a sentence answering exactly what was asked (focus_sentence.h) or else the
// tool's own, then the tool's notes and table. Failed calls say
// what failed; parts that could not be planned say what is missing; a question with nothing
// answered becomes a clarification: what was understood, what is missing, example questions.
// Text from the question is escaped before it reaches markdown.
//
// The structured answer carries question, status, answer (the answering sentences), intents,
// entities, season, as_of, confidence, parsed, plan, results (per call), missing, notes and
// suggestions. `teams` names the teams of sentences about games (game_sentence.h). Pure;
// thread-safe.
Answer synthesize(std::string_view question, const ParsedQuery& query, const Plan& plan,
                  const std::vector<CallResult>& results, const TeamNames& teams = {});

}  // namespace nba::nlq
