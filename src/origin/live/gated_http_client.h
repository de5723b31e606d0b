#pragma once

#include <functional>
#include <memory>

#include "origin/live/http_client.h"

namespace nba::live {

// Asked before a request leaves for NBA.com: ok, or the error the request fails with instead
// (the daily quota used up: kResourceExhausted, saying when it resets). app binds it to the
// daily quota (ratelimit/daily_quota.h), charged to the context's client.
using UpstreamGate = std::function<Status(const CallContext& context, const HttpRequest& request)>;

// An HttpClient that asks `gate` before each request (each attempt, retries included: every
// one is a request NBA.com sees) and sends it to `inner` only when the gate agrees. `inner`
// must outlive the client. Thread-safe when `gate` is.
std::unique_ptr<HttpClient> newGatedHttpClient(const HttpClient& inner, UpstreamGate gate);

}  // namespace nba::live
