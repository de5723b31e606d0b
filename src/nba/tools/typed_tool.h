#pragma once

#include <nlohmann/json.hpp>

#include "core/status.h"
#include "nba/tools/arguments.h"
#include "nba/tools/tool_answer.h"
#include "nba/tools/tool_env.h"

namespace nba::tools {

// A tool's handler in three parts, the NbaTool::run of every NBA tool.
//
// * `decode` turns the JSON arguments into the tool's own Args struct: names resolved to
//   players and teams, the season chosen, dates parsed, defaults applied. It is the only code
//   of a tool that reads the JSON, so an argument means one thing wherever it is used, and
//   its first failure (a message naming the argument) is the call's isError answer. It reads
//   only what resolving names and seasons needs (the indexes, the seasons with data), before
//   the tool's own tables, so a mistyped argument is reported before a data problem.
// * `find` reads the data source and computes: its Found struct holds the rows, figures,
//   names, notes and provenance the answer shows. Its failure is the isError answer.
// * `render` writes the answer (heading, sentence, body, structured content, _meta) from Args
//   and Found alone: it takes no ToolEnv, so it reads no data, no clock and no resolver, and
//   the same Found always renders the same answer.
template <typename Args, typename Found>
struct TypedHandler {
  Result<Args> (*decode)(const nlohmann::json& arguments, const ToolEnv& env);
  Result<Found> (*find)(const Args& args, const ToolEnv& env);
  ToolAnswer (*render)(const Args& args, const Found& found);

  ToolAnswer operator()(const nlohmann::json& arguments, const ToolEnv& env) const {
    auto args = decode(arguments, env);
    if (!args.ok()) {
      return errorAnswer(args.status());
    }
    auto found = find(*args, env);
    if (!found.ok()) {
      return errorAnswer(found.status());
    }
    return render(*args, *found);
  }
};

}  // namespace nba::tools
