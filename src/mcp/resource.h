#pragma once

#include <chrono>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/status.h"

namespace nba::mcp {

struct ResourceContents {
  std::string uri;
  std::string mime_type;
  std::string text;
  // How long these contents stay fresh, when the reader knows better than the definition's
  // fixed ttl (figures from a cache); the result's ttlMs is the least over its contents.
  std::optional<std::chrono::milliseconds> ttl = std::nullopt;
};

using ResourceContentsList = std::vector<ResourceContents>;

// A fixed resource (nba://teams). `ttl` feeds ttlMs on 2026-07-28 results.
struct ResourceDefinition {
  std::string uri;
  std::string name;
  std::string title;
  std::string description;
  std::string mime_type;
  std::chrono::milliseconds ttl{0};
  std::function<Result<ResourceContentsList>()> read;
};

// A parameterized resource (nba://players/{id}): RFC 6570 level-1 templates, where
// each {variable} matches one non-empty path segment.
struct ResourceTemplateDefinition {
  std::string uri_template;
  std::string name;
  std::string title;
  std::string description;
  std::string mime_type;
  std::chrono::milliseconds ttl{0};
  std::function<Result<ResourceContentsList>(const std::map<std::string, std::string>& vars)> read;
};

// Matches `uri` against `uri_template`; returns the variables, or nullopt.
std::optional<std::map<std::string, std::string>> matchUriTemplate(const std::string& uri_template,
                                                                   const std::string& uri);

}  // namespace nba::mcp
