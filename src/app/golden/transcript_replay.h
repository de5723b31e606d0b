#pragma once

#include <string>
#include <vector>

#include "core/status.h"

namespace nba::app {

// A JSON-RPC transcript replayed against the real binary: golden/transcripts/<name>/in.jsonl
// is piped into `nba-mcp serve --fixed-time T --workers 1`, and what comes out, normalised
// (notifications in order, then responses sorted by id), must
// equal expected.jsonl. Recording writes the normalised output as expected.jsonl instead.
struct TranscriptOutcome {
  std::string name;
  bool passed = false;
  bool recorded = false;
  std::string difference;  // the first differing line, expected vs got
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

// The path of the running executable (/proc/self/exe).
Result<std::string> selfExecutable();

}  // namespace nba::app
