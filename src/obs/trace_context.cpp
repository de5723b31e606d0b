#include "obs/trace_context.h"

#include <algorithm>
#include <random>

namespace nba::obs {
namespace {

int hexDigit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;  // upper case is invalid in traceparent
}

// Fills `out` from 2 * out.size() lower-case hex digits; false on any other character.
template <std::size_t N>
bool readHex(std::string_view text, std::array<std::uint8_t, N>& out) {
  if (text.size() != 2 * N) return false;
  for (std::size_t i = 0; i < N; ++i) {
    const int high = hexDigit(text[2 * i]);
    const int low = hexDigit(text[2 * i + 1]);
    if (high < 0 || low < 0) return false;
    out[i] = static_cast<std::uint8_t>(high * 16 + low);
  }
  return true;
}

template <std::size_t N>
bool allZero(const std::array<std::uint8_t, N>& bytes) {
  return std::all_of(bytes.begin(), bytes.end(), [](std::uint8_t b) { return b == 0; });
}

std::mt19937_64& generator() {
  thread_local std::mt19937_64 engine([] {
    std::random_device device;
    return (static_cast<std::uint64_t>(device()) << 32) ^ device();
  }());
  return engine;
}

template <std::size_t N>
std::array<std::uint8_t, N> randomId() {
  std::array<std::uint8_t, N> id{};
  do {
    for (std::size_t i = 0; i < N; i += 8) {
      std::uint64_t bits = generator()();
      for (std::size_t j = i; j < std::min(N, i + 8); ++j, bits >>= 8) {
        id[j] = static_cast<std::uint8_t>(bits);
      }
    }
  } while (allZero(id));
  return id;
}

}  // namespace

std::optional<TraceContext> parseTraceParent(std::string_view header) {
  // version "-" trace-id "-" parent-id "-" flags: 2 + 1 + 32 + 1 + 16 + 1 + 2 = 55 characters.
  constexpr std::size_t kLength = 55;
  if (header.size() < kLength || header[2] != '-' || header[35] != '-' || header[52] != '-') {
    return std::nullopt;
  }
  std::array<std::uint8_t, 1> version{};
  std::array<std::uint8_t, 1> flags{};
  TraceContext context;
  if (!readHex(header.substr(0, 2), version) || version[0] == 0xff ||
      !readHex(header.substr(3, 32), context.trace_id) ||
      !readHex(header.substr(36, 16), context.span_id) || !readHex(header.substr(53, 2), flags)) {
    return std::nullopt;
  }
  // Version 00 is exactly 55 characters; a later version may append "-…" fields.
  if (header.size() > kLength && (version[0] == 0 || header[kLength] != '-')) {
    return std::nullopt;
  }
  if (allZero(context.trace_id) || allZero(context.span_id)) return std::nullopt;
  context.sampled = (flags[0] & 0x01) != 0;
  return context;
}

std::string formatTraceParent(const TraceContext& context) {
  return "00-" + hexOf(context.trace_id) + "-" + hexOf(context.span_id) +
         (context.sampled ? "-01" : "-00");
}

std::string hexOf(const std::uint8_t* bytes, std::size_t size) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string text(2 * size, '0');
  for (std::size_t i = 0; i < size; ++i) {
    text[2 * i] = kDigits[bytes[i] >> 4];
    text[2 * i + 1] = kDigits[bytes[i] & 0x0f];
  }
  return text;
}

std::array<std::uint8_t, 16> newTraceId() { return randomId<16>(); }
std::array<std::uint8_t, 8> newSpanId() { return randomId<8>(); }

}  // namespace nba::obs
