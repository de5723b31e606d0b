#pragma once

#include <functional>
#include <map>
#include <string>
#include <vector>

#include "core/status.h"

namespace nba::mcp {

struct PromptArgument {
  std::string name;
  std::string title;
  std::string description;
  bool required = false;
};

struct PromptMessage {
  std::string role;  // "user" or "assistant"
  std::string text;
};

struct RenderedPrompt {
  std::string description;
  std::vector<PromptMessage> messages;
};

using PromptArguments = std::map<std::string, std::string>;

// A prompt template. `render` gets the arguments after required ones were checked;
// it returns kInvalidArgument/kNotFound for values it cannot use (→ -32602).
struct PromptDefinition {
  std::string name;
  std::string title;
  std::string description;
  std::vector<PromptArgument> arguments;
  std::function<Result<RenderedPrompt>(const PromptArguments&)> render;
};

// completion/complete: a completer for one argument of one prompt or resource template.
struct CompletionRequest {
  std::string ref_type;  // "ref/prompt" or "ref/resource"
  std::string ref;       // prompt name or URI template
  std::string argument;
  std::string value;  // what the user typed so far
  PromptArguments context;
};

// Returns candidates best first; the server keeps the first 100.
using Completer = std::function<std::vector<std::string>(const CompletionRequest&)>;

}  // namespace nba::mcp
