#include "cache/cache_key.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>

namespace nba::cache {

std::uint64_t stableHash(std::string_view text) {
  std::uint64_t hash = 14695981039346656037ULL;
  for (unsigned char c : text) {
    hash ^= c;
    hash *= 1099511628211ULL;
  }
  return hash;
}

namespace {

// '%', '&' and '=' percent-escaped, so a value holding them cannot pose as two parameters.
void appendEscaped(std::string& out, std::string_view text) {
  for (char c : text) {
    if (c == '%' || c == '&' || c == '=') {
      char escaped[4];
      std::snprintf(escaped, sizeof escaped, "%%%02X", static_cast<unsigned char>(c));
      out += escaped;
    } else {
      out += c;
    }
  }
}

}  // namespace

CacheKey cacheKey(std::string_view kind, CacheParams params) {
  std::erase_if(params, [](const auto& param) { return param.second.empty(); });
  std::sort(params.begin(), params.end());
  CacheKey key;
  key.kind = kind;
  for (const auto& [name, value] : params) {
    if (!key.params.empty()) key.params += '&';
    appendEscaped(key.params, name);
    key.params += '=';
    appendEscaped(key.params, value);
  }
  char hash[17];
  std::snprintf(hash, sizeof hash, "%016llx",
                static_cast<unsigned long long>(stableHash(key.kind + '?' + key.params)));
  key.text = "nba_mcp:" + std::string(kFormat) + ":" + key.kind + ":" + hash;
  return key;
}

}  // namespace nba::cache
