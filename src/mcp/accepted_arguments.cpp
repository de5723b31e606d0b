#include "mcp/accepted_arguments.h"

#include <mutex>

#include "mcp/json_writer.h"

namespace nba::mcp {

AcceptedArguments::AcceptedArguments(std::size_t max_bytes) : max_bytes_(max_bytes) {}

std::string AcceptedArguments::keyOf(const std::string& tool, const nlohmann::json& arguments) {
  std::string key;
  key.reserve(tool.size() + 64);
  key += tool;
  key += '\n';
  appendJson(key, arguments);
  return key;
}

bool AcceptedArguments::contains(const std::string& key) const {
  std::shared_lock lock(mutex_);
  return keys_.count(key) != 0;
}

void AcceptedArguments::add(std::string key) {
  const std::size_t size = key.size();
  if (size > max_bytes_ / 16) {
    return;  // one huge argument set would crowd out the rest; validating it is cheap anyway
  }
  std::unique_lock lock(mutex_);
  if (bytes_ + size > max_bytes_) {
    keys_.clear();
    bytes_ = 0;
  }
  if (keys_.insert(std::move(key)).second) {
    bytes_ += size;
  }
}

}  // namespace nba::mcp
