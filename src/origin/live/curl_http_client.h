#pragma once

#include <chrono>
#include <cstddef>
#include <memory>

#include "origin/live/http_client.h"

namespace nba::live {

struct CurlOptions {
  std::chrono::milliseconds connect_timeout{3000};
  std::chrono::milliseconds total_timeout{15000};  // per attempt; the call's deadline may cut it
  std::size_t max_body_bytes = std::size_t{64} * 1024 * 1024;  // a larger body is an error
};

// HttpClient over libcurl's easy interface. Connections are kept alive: finished handles go
// back to a pool and the next request reuses one (and its connection to the host). The body
// is decoded from gzip/deflate/br (libcurl sends its own Accept-Encoding, so a configured one
// cannot ask for an encoding it cannot decode). The standard proxy variables (https_proxy,
// no_proxy, ...) apply, as libcurl reads them. The call's cancellation and deadline abort a
// transfer within about 100 ms (libcurl's progress callback).
//
// Created only by app and tools (real I/O). Thread-safe.
std::unique_ptr<HttpClient> newCurlHttpClient(CurlOptions options);

}  // namespace nba::live
