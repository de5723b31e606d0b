// The one mapping from internal status codes to JSON-RPC errors.
#include "mcp/rpc_error.h"

#include <doctest/doctest.h>

namespace nba::mcp {
namespace {

TEST_CASE("rpc errors: each internal code maps to its JSON-RPC code, the message kept") {
  CHECK(rpcErrorFromStatus(invalidArgument("bad")).code == error_code::kInvalidParams);
  CHECK(rpcErrorFromStatus(notFound("none")).code == error_code::kInvalidParams);
  CHECK(rpcErrorFromStatus(Status(StatusCode::kUnimplemented, "no")).code ==
        error_code::kMethodNotFound);
  const RpcError exhausted = rpcErrorFromStatus(
      resourceExhausted("The daily NBA.com quota is used up; it resets at 00:00 UTC, in 2 h"));
  CHECK(exhausted.code == -32029);
  CHECK(exhausted.message == "The daily NBA.com quota is used up; it resets at 00:00 UTC, in 2 h");
  CHECK(rpcErrorFromStatus(unavailable("down")).code == error_code::kInternalError);
}

}  // namespace
}  // namespace nba::mcp
