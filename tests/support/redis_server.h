#pragma once

#include <sys/types.h>

#include <atomic>
#include <mutex>
#include <string>
#include <vector>

#include "support/temp_dir.h"

namespace nba::testing {

struct RedisServerOptions {
  std::string password;  // empty: no requirepass
};

// A real redis-server (found on PATH) as a child process on 127.0.0.1 and a free port, so the
// shared cache tier is tested against the genuine article: its protocol, its errors, and what
// happens to a client when the server is killed, stopped, restarted, slowed down (DEBUG SLEEP)
// or filled up (CONFIG SET maxmemory; DEBUG is enabled for it). Nothing is persisted (no RDB,
// no AOF), so a restart starts empty; the server's log and working files live in a temp dir
// removed afterwards.
//
// command() talks RESP over plain sockets, not through hiredis, so what a test inspects with
// it is an independent check of the client under test.
//
// Thread-safe: command(), port(), url() and running() may be called from any thread, also
// while another thread kills, stops or restarts the server.
class RedisServer {
 public:
  // Starts redis-server and returns once it answers PING (at most 5 s). Throws
  // std::runtime_error, with the tail of the server's log, when redis-server is not installed
  // or does not become ready; a port some other process took in the meantime is retried.
  explicit RedisServer(RedisServerOptions options = {});
  // Stops the server as stop() does and removes its temp dir.
  ~RedisServer();
  RedisServer(const RedisServer&) = delete;
  RedisServer& operator=(const RedisServer&) = delete;

  int port() const { return port_; }
  // "redis://127.0.0.1:<port>", or "redis://:<password>@127.0.0.1:<port>" (password verbatim).
  std::string url() const;

  // SIGKILL, as a crash or an OOM kill would end it; the child is reaped on return. The port is
  // remembered (not held open), so restart() comes back where clients expect it.
  void kill9();
  // SIGTERM, then SIGKILL if it has not exited within 2 s; reaped on return.
  void stop();
  // Starts the server again on the same port, after kill9() or stop() (a running one is
  // stopped first), and waits until it is ready as the constructor does; it starts empty.
  // Throws std::runtime_error as the constructor does.
  void restart();
  // False after kill9() or stop(), and when the server exited by itself (e.g. SHUTDOWN).
  bool running() const;

  // Sends one command (after AUTH when there is a password) on a fresh connection and returns
  // the reply as text: a simple or bulk string as is, an integer in decimal, a nil as "(nil)",
  // an error as "ERR: <message>" (a failed AUTH's error included), an array as its elements
  // (nested ones flattened) joined by "\n". Throws std::runtime_error when the server cannot
  // be reached, closes the connection, or has not answered within 5 s.
  std::string command(const std::vector<std::string>& args) const;

 private:
  enum class Start { kReady, kPortTaken };
  Start startOnPort();
  void terminate(int signo);

  const std::string password_;
  TempDir dir_{"nba-mcp-redis-"};
  int port_ = 0;                // fixed once the constructor returns
  std::atomic<pid_t> pid_{-1};  // -1: no child (reaped, or never started)
  std::mutex lifecycle_;        // one start or stop at a time
};

}  // namespace nba::testing
