#pragma once

#include <nlohmann/json.hpp>
#include <string>

namespace nba::tools {

// What an NBA tool returns; app turns it into an MCP tool result. A failure a person can
// act on ("no player named …; did you mean …") is an answer with is_error set, never an
// exception. Value type.
struct ToolAnswer {
  std::string markdown;  // heading naming season and as-of date, one sentence, a table
  nlohmann::json structured = nlohmann::json::object();  // matches the output schema
  bool is_error = false;
  // `_meta` keys under our prefix: dev.nbamcp/season, as_of, source, cache.
  nlohmann::json meta = nlohmann::json::object();

  static ToolAnswer error(std::string message) {
    ToolAnswer answer;
    answer.markdown = std::move(message);
    answer.is_error = true;
    return answer;
  }
};

}  // namespace nba::tools
