#pragma once

#include <optional>
#include <string>
#include <utility>
#include <variant>

namespace nba {

// Canonical error codes (abseil's set, trimmed to what this program uses). Every
// module reports failures with these; the edges (mcp wire, CLI exit codes) map them
// once, in one place each.
enum class StatusCode {
  kOk = 0,
  kCancelled,
  kInvalidArgument,
  kNotFound,
  kAlreadyExists,
  kFailedPrecondition,
  kOutOfRange,
  kResourceExhausted,
  kUnavailable,
  kDeadlineExceeded,
  kUnimplemented,
  kDataLoss,
  kInternal,
};

const char* statusCodeName(StatusCode code);

// A success or an error code with a message a person can act on.
// Thread-compatible value type.
class [[nodiscard]] Status {
 public:
  Status() = default;
  Status(StatusCode code, std::string message) : code_(code), message_(std::move(message)) {}

  static Status ok() { return Status(); }

  bool isOk() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }
  // "NOT_FOUND: no player named 'x'" — for logs; users see message().
  std::string toString() const;

 private:
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
};

inline Status invalidArgument(std::string message) {
  return {StatusCode::kInvalidArgument, std::move(message)};
}
inline Status notFound(std::string message) { return {StatusCode::kNotFound, std::move(message)}; }
inline Status internalError(std::string message) {
  return {StatusCode::kInternal, std::move(message)};
}
inline Status failedPrecondition(std::string message) {
  return {StatusCode::kFailedPrecondition, std::move(message)};
}
inline Status unavailable(std::string message) {
  return {StatusCode::kUnavailable, std::move(message)};
}
inline Status dataLoss(std::string message) { return {StatusCode::kDataLoss, std::move(message)}; }
inline Status resourceExhausted(std::string message) {
  return {StatusCode::kResourceExhausted, std::move(message)};
}

// A value or a non-OK Status. Accessing value() of an error is a programming error
// (asserted); callers check ok() first.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : state_(std::move(value)) {}         // NOLINT(google-explicit-constructor)
  Result(Status status) : state_(std::move(status)) {}  // NOLINT(google-explicit-constructor)

  bool ok() const { return std::holds_alternative<T>(state_); }
  const Status& status() const {
    static const Status kOk;
    return ok() ? kOk : std::get<Status>(state_);
  }
  T& value() & { return std::get<T>(state_); }
  const T& value() const& { return std::get<T>(state_); }
  T&& value() && { return std::get<T>(std::move(state_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

 private:
  std::variant<T, Status> state_;
};

}  // namespace nba
