#pragma once

#include <memory>

#include "origin/live/http_client.h"

namespace nba::live {

// An HttpClient that records each request it passes to `inner` as an `upstream_call` span
// (kind client) under the call's span: who was asked, the URL, the HTTP status or the error.
// Untraced calls pass straight through. `inner` must outlive the client. Thread-safe.
std::unique_ptr<HttpClient> newTracedHttpClient(const HttpClient& inner);

}  // namespace nba::live
