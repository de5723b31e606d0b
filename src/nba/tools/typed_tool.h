#pragma once

#include <nlohmann/json.hpp>

#include "core/status.h"
#include "nba/tools/arguments.h"
#include "nba/tools/tool_answer.h"
#include "nba/tools/tool_env.h"

namespace nba::tools {

// A tool's handler in two halves, the NbaTool::run of every NBA tool.
//
// `decode` turns the JSON arguments into the tool's own Args struct: names resolved to
// players and teams, the season chosen, dates parsed, defaults applied. It is the only code
// of a tool that reads the JSON, so an argument means one thing wherever it is used, and its
// first failure (a message naming the argument) is the call's isError answer. `answer` sees
// Args only: it fetches, computes and builds the answer.
template <typename Args>
struct TypedHandler {
  Result<Args> (*decode)(const nlohmann::json& arguments, const ToolEnv& env);
  ToolAnswer (*answer)(const Args& args, const ToolEnv& env);

  ToolAnswer operator()(const nlohmann::json& arguments, const ToolEnv& env) const {
    auto args = decode(arguments, env);
    if (!args.ok()) {
      return errorAnswer(args.status());
    }
    return answer(*args, env);
  }
};

}  // namespace nba::tools
