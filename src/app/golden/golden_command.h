#pragma once

#include <string>

#include "app/config.h"

namespace nba::app {

// `nba-mcp golden check|record`: the golden questions (golden/questions.json, facts each
// answer must contain) and the JSON-RPC transcripts (golden/transcripts/*/in.jsonl →
// expected.jsonl, replayed through this binary). `record` (or NBA_MCP_RECORD_GOLDEN=1 with
// check) rewrites the transcripts' expected outputs; question facts are written by hand and
// only checked. Prints a report; returns the exit code: 0 all pass, 1 a case failed, 2 the
// golden files or the binary could not be used.
int runGolden(const Config& config, const std::string& dir, bool record);

}  // namespace nba::app
