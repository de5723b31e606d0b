#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace nba::obs {

// The identity of a span in W3C Trace Context terms: 16-byte trace id, 8-byte span id, and
// whether the caller sampled it.
struct TraceContext {
  std::array<std::uint8_t, 16> trace_id{};
  std::array<std::uint8_t, 8> span_id{};
  bool sampled = false;
};

// Reads a `traceparent` ("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"). Returns
// nothing for anything the W3C spec says to ignore: wrong length or case, version ff, an
// all-zero id, a version-00 header with extra fields. Later versions are read by their
// version-00 prefix, as the spec asks.
std::optional<TraceContext> parseTraceParent(std::string_view header);

// The `traceparent` of `context`, version 00.
std::string formatTraceParent(const TraceContext& context);

// Lower-case hex, as OTLP/JSON and traceparent spell ids.
std::string hexOf(const std::uint8_t* bytes, std::size_t size);

template <std::size_t N>
std::string hexOf(const std::array<std::uint8_t, N>& bytes) {
  return hexOf(bytes.data(), N);
}

// Random, non-zero ids (a thread-local generator seeded from std::random_device).
std::array<std::uint8_t, 16> newTraceId();
std::array<std::uint8_t, 8> newSpanId();

}  // namespace nba::obs
