#include "mcp/rpc_error.h"

namespace nba::mcp {

RpcError rpcErrorFromStatus(const Status& status) {
  switch (status.code()) {
    case StatusCode::kInvalidArgument:
    case StatusCode::kNotFound:
    case StatusCode::kOutOfRange:
    case StatusCode::kFailedPrecondition:
      return invalidParams(status.message());
    case StatusCode::kUnimplemented:
      return methodNotFound(status.message());
    case StatusCode::kResourceExhausted:
      return {error_code::kResourceExhausted, status.message(), nullptr};
    default:
      return {error_code::kInternalError, status.message(), nullptr};
  }
}

}  // namespace nba::mcp
