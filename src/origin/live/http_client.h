#pragma once

#include <string>
#include <utility>
#include <vector>

#include "core/call_context.h"
#include "core/status.h"

namespace nba::live {

// One GET to NBA.com.
struct HttpRequest {
  std::string url;
  std::vector<std::pair<std::string, std::string>> headers;  // name, value
  std::string upstream;  // who is asked, for messages: "stats.nba.com leaguedashplayerstats"
};

// What came back at the HTTP level: any status, the decoded (gunzipped) body.
struct HttpResponse {
  int status = 0;
  std::string body;
  std::string content_type;
};

// The transport seam of the live source, so the pacing, retry and breaker policy
// (upstream_policy.h) and the source itself are tested without a network.
//
// get() returns a response for every HTTP status (a 403 is a response, not an error); an
// error only when there is no response: kUnavailable (no connection could be made: DNS,
// refused, connect timeout), kDataLoss (connected, but the transfer broke off: reset,
// truncated, too large), kDeadlineExceeded (connected, but no full answer in time, or the
// call's deadline passed), kCancelled (the call was cancelled), kInvalidArgument (the URL
// itself is unusable: a configuration error). Messages name `request.upstream`.
//
// Thread-safe: any number of concurrent calls.
class HttpClient {
 public:
  virtual ~HttpClient() = default;
  virtual Result<HttpResponse> get(const CallContext& context,
                                   const HttpRequest& request) const = 0;
};

}  // namespace nba::live
