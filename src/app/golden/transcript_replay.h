#pragma once

#include <string>
#include <vector>

#include "core/status.h"

namespace nba::app {

// A JSON-RPC transcript replayed against the real binary: golden/transcripts/<name>/in.jsonl
// is piped into `nba-mcp serve --fixed-time T --workers 1`, and what comes out, normalised
// (notifications in order, then responses sorted by id), must
// equal expected.jsonl. Recording writes the normalised output as expected.jsonl instead.
//
// expected.jsonl is written by the binary, so it detects change but is no oracle. Each
// transcript therefore also has facts.json, written by hand from the reference data:
//   {"facts": [{"id": 21, "pointer": "/result/structuredContent/line/pts", "equals": 32.7,
//               "source": "bbref 2024-25 per game: Gilgeous-Alexander PTS"}, …]}
// Each fact's value (a JSON Pointer into the response with that id) must equal `equals`.
// Facts are checked when recording too, so a recording cannot silently accept a wrong value.
// A transcript without facts.json (or with no facts) fails.
struct TranscriptOutcome {
  std::string name;
  bool passed = false;
  bool recorded = false;
  std::string difference;  // the first differing line, expected vs got
  int facts_checked = 0;
  std::vector<std::string> fact_failures;  // "id 21 /result/…: expected 32.7, got 32.6"
};

// Replays every transcript directory under `dir` (sorted by name) with `binary` (normally
// this executable). Fails (Status) when a transcript cannot be read or the binary cannot run.
Result<std::vector<TranscriptOutcome>> replayTranscripts(const std::string& dir,
                                                         const std::string& binary,
                                                         const std::string& fixed_time,
                                                         bool record);

// The normalised form of a server's stdout (see above). Lines that are not JSON are kept
// as they are, so a stray log line on stdout shows up as a difference. Pure.
std::string normaliseTranscript(const std::string& output);

// Checks facts.json's text (see TranscriptOutcome) against a server's stdout; returns one
// message per fact that does not hold (or per problem with the file). Sets *checked to the
// number of facts. Pure.
std::vector<std::string> checkTranscriptFacts(const std::string& facts_text,
                                              const std::string& output, int* checked);

// The path of the running executable (/proc/self/exe).
Result<std::string> selfExecutable();

}  // namespace nba::app
