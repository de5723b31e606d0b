#pragma once

#include <string>

#include "app/config.h"

namespace nba::app {

enum class GoldenMode { kCheck, kRecord };

// `nba-mcp golden check|record`: the golden questions (golden/questions.json, facts each
// answer must contain), the blind paraphrase suites when present (golden/paraphrases*.json:
// each one's accuracy must not fall below its floor; app/golden/paraphrase_check.h) and the
// JSON-RPC transcripts (golden/transcripts/*/in.jsonl → expected.jsonl, replayed through this
// binary, plus each transcript's hand-written value facts in facts.json). kCheck never writes a
// file, whatever the environment says (a check that could rewrite its expectations would pass on
// anything). kRecord rewrites the transcripts' expected outputs and still checks the questions and
// the value facts, so a recording that breaks a known value fails; it is refused when CI is set (a
// CI run must not record). Question facts and transcript facts are written by hand and only
// checked. Prints a report; returns the exit code: 0 all pass, 1 a case or fact failed, 2 the
// golden files or the binary could not be used, or recording was refused.
int runGolden(const Config& config, const std::string& dir, GoldenMode mode);

}  // namespace nba::app
