// The fd transport's two probes the request path relies on: whether more input waits
// (then a call goes to the pool) and whether a write could block (the reading thread
// must never block on a client that is not reading).
#include <doctest/doctest.h>
#include <fcntl.h>
#include <sys/socket.h>
#include <unistd.h>

#include <climits>
#include <string>

#include "mcp/transport.h"

namespace {

struct Pipe {
  int read_end = -1;
  int write_end = -1;
  Pipe() {
    int fds[2];
    REQUIRE(pipe(fds) == 0);
    read_end = fds[0];
    write_end = fds[1];
  }
  ~Pipe() {
    if (read_end >= 0) close(read_end);
    if (write_end >= 0) close(write_end);
  }
  void closeWriteEnd() {
    close(write_end);
    write_end = -1;
  }
};

void writeText(int fd, const std::string& text) {
  REQUIRE(write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size()));
}

}  // namespace

TEST_CASE("FdTransport::hasPendingInput sees lines read ahead, bytes in the pipe and EOF") {
  Pipe in;
  Pipe out;
  auto transport = nba::mcp::newFdTransport(in.read_end, out.write_end, 1024);
  CHECK_FALSE(transport->hasPendingInput());
  writeText(in.write_end, "{\"id\":1}\n");
  CHECK(transport->hasPendingInput());  // in the pipe
  std::string line;
  REQUIRE(transport->readLine(line) == nba::mcp::ReadStatus::kLine);
  CHECK(line == "{\"id\":1}");
  CHECK_FALSE(transport->hasPendingInput());
  writeText(in.write_end, "{\"id\":2}\n{\"id\":3}\n");
  REQUIRE(transport->readLine(line) == nba::mcp::ReadStatus::kLine);
  CHECK(transport->hasPendingInput());  // {"id":3} was read ahead with it
  REQUIRE(transport->readLine(line) == nba::mcp::ReadStatus::kLine);
  CHECK(line == "{\"id\":3}");
  in.closeWriteEnd();
  CHECK(transport->hasPendingInput());  // the end of the input waits to be read
  CHECK(transport->readLine(line) == nba::mcp::ReadStatus::kEof);
}

TEST_CASE("FdTransport::canWriteWithoutBlocking: small lines while the pipe has room") {
  Pipe in;
  Pipe out;
  auto transport = nba::mcp::newFdTransport(in.read_end, out.write_end, 1024);
  CHECK(transport->canWriteWithoutBlocking(100));
  CHECK(transport->canWriteWithoutBlocking(PIPE_BUF));

  // Fill the pipe as a client that stopped reading would leave it.
  const int flags = fcntl(out.write_end, F_GETFL);
  REQUIRE(fcntl(out.write_end, F_SETFL, flags | O_NONBLOCK) == 0);
  const std::string chunk(4096, 'x');
  while (write(out.write_end, chunk.data(), chunk.size()) > 0) {
  }
  REQUIRE(fcntl(out.write_end, F_SETFL, flags) == 0);
  CHECK_FALSE(transport->canWriteWithoutBlocking(10));

  // Drain it without ever blocking on the empty pipe.
  REQUIRE(fcntl(out.read_end, F_SETFL, fcntl(out.read_end, F_GETFL) | O_NONBLOCK) == 0);
  char drain[65536];
  while (read(out.read_end, drain, sizeof drain) > 0) {
  }
  CHECK(transport->canWriteWithoutBlocking(10));
}

TEST_CASE(
    "FdTransport::canWriteWithoutBlocking: a long line only into a pipe emptied by the client") {
  Pipe in;
  Pipe out;
  const int capacity = fcntl(out.write_end, F_GETPIPE_SZ);
  REQUIRE(capacity >= 2 * 4096);
  const auto room = static_cast<std::size_t>(capacity) - 4096;
  auto transport = nba::mcp::newFdTransport(in.read_end, out.write_end, 1024);
  CHECK(transport->canWriteWithoutBlocking(PIPE_BUF + 1));
  CHECK(transport->canWriteWithoutBlocking(room));
  CHECK_FALSE(transport->canWriteWithoutBlocking(room + 1));  // a page short of full, for safety

  // One byte the client has not read: its slot may be the one a long line would need.
  REQUIRE(write(out.write_end, "x", 1) == 1);
  CHECK(transport->canWriteWithoutBlocking(PIPE_BUF));
  CHECK_FALSE(transport->canWriteWithoutBlocking(PIPE_BUF + 1));

  char byte = 0;
  REQUIRE(read(out.read_end, &byte, 1) == 1);
  CHECK(transport->canWriteWithoutBlocking(PIPE_BUF + 1));
}

TEST_CASE("FdTransport::canWriteWithoutBlocking: a long line never goes straight to a socket") {
  Pipe in;
  int pair[2];
  REQUIRE(socketpair(AF_UNIX, SOCK_STREAM, 0, pair) == 0);
  auto transport = nba::mcp::newFdTransport(in.read_end, pair[0], 1024);
  CHECK(transport->canWriteWithoutBlocking(100));
  CHECK_FALSE(transport->canWriteWithoutBlocking(PIPE_BUF + 1));  // no way to see its queue
  transport.reset();
  close(pair[0]);
  close(pair[1]);
}
