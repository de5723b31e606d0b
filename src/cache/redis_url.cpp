#include "cache/redis_url.h"

#include <algorithm>
#include <charconv>
#include <optional>

namespace nba::cache {
namespace {

constexpr std::string_view kScheme = "redis://";

Status badUrl(std::string_view url, std::string_view why) {
  // The URL may carry a password: quote only what comes after the credentials.
  std::string_view shown = url;
  if (const auto at = url.rfind('@'); at != std::string_view::npos) {
    shown = url.substr(at + 1);
  }
  return invalidArgument("--redis '" + std::string(shown.substr(0, 200)) + "' " + std::string(why) +
                         "; expected redis://[user:password@]host:port/db, e.g. "
                         "redis://127.0.0.1:6379/0");
}

std::optional<int> number(std::string_view text, int low, int high) {
  int value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || error != std::errc() || end != text.data() + text.size() || value < low ||
      value > high) {
    return std::nullopt;
  }
  return value;
}

}  // namespace

std::string RedisEndpoint::display() const {
  std::string shown = std::string(kScheme);
  if (!user.empty() || !password.empty()) {
    shown += user + ":***@";
  }
  return shown + host + ":" + std::to_string(port) + "/" + std::to_string(db);
}

Result<RedisEndpoint> parseRedisUrl(std::string_view url, std::string_view password_fallback) {
  if (url.substr(0, kScheme.size()) != kScheme) {
    return badUrl(url, "is not a redis:// URL");
  }
  if (std::any_of(url.begin(), url.end(),
                  [](char c) { return static_cast<unsigned char>(c) <= ' ' || c == 0x7f; })) {
    return badUrl(url, "contains spaces or control characters");
  }
  std::string_view rest = url.substr(kScheme.size());
  RedisEndpoint endpoint;
  if (const auto at = rest.rfind('@'); at != std::string_view::npos) {
    const std::string_view credentials = rest.substr(0, at);
    const auto colon = credentials.find(':');
    endpoint.user = std::string(credentials.substr(0, colon));
    if (colon != std::string_view::npos) {
      endpoint.password = std::string(credentials.substr(colon + 1));
    }
    rest = rest.substr(at + 1);
  }
  if (endpoint.password.empty()) {
    endpoint.password = std::string(password_fallback);
  }
  const auto slash = rest.find('/');
  const std::string_view host_port = rest.substr(0, slash);
  if (slash != std::string_view::npos && slash + 1 < rest.size()) {
    const auto db = number(rest.substr(slash + 1), 0, 1'000'000);
    if (!db) return badUrl(url, "has a database that is not a number");
    endpoint.db = *db;
  }
  const auto colon = host_port.rfind(':');
  endpoint.host = std::string(host_port.substr(0, colon));
  if (colon != std::string_view::npos) {
    const auto port = number(host_port.substr(colon + 1), 1, 65535);
    if (!port) return badUrl(url, "has a port outside 1-65535");
    endpoint.port = *port;
  }
  if (endpoint.host.empty()) {
    return badUrl(url, "names no host");
  }
  return endpoint;
}

}  // namespace nba::cache
