#include "support/redis_server.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <exception>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <stdexcept>
#include <thread>
#include <utility>

namespace nba::testing {
namespace {

using Clock = std::chrono::steady_clock;
using std::chrono::milliseconds;

constexpr auto kReadyTimeout = std::chrono::seconds(5);
constexpr auto kCommandTimeout = std::chrono::seconds(5);
constexpr auto kStopGrace = std::chrono::seconds(2);
constexpr auto kPollInterval = milliseconds(5);
// One probe may not eat the whole startup budget on a server that accepts and stays silent.
constexpr auto kProbeTimeout = milliseconds(500);
// How often a start is retried when the port is taken, and how long restart() waits between
// tries on its fixed port (a client's ephemeral port may sit there for a moment).
constexpr int kPortAttempts = 5;
constexpr auto kRestartRetryPause = milliseconds(200);
constexpr std::size_t kLogTailBytes = 2000;
constexpr char kPortTakenLine[] = "Address already in use";

std::runtime_error systemError(const std::string& what) {
  return std::runtime_error(what + ": " + std::strerror(errno));
}

// The kernel hands out a port nobody holds; it is released again at once, so there is a small
// window in which someone else may take it: the caller retries when redis-server cannot bind.
int freeLoopbackPort() {
  const int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) throw systemError("RedisServer: socket");
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  address.sin_port = 0;
  socklen_t length = sizeof(address);
  if (bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof(address)) != 0 ||
      getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) != 0) {
    const auto error = systemError("RedisServer: cannot bind 127.0.0.1:0");
    close(fd);
    throw error;
  }
  close(fd);
  return ntohs(address.sin_port);
}

// One RESP reply; `elements` for an array, `nil` for a nil bulk string or array.
struct Reply {
  char type = '+';  // '+', '-', ':', '$' or '*'
  std::string text;
  std::vector<Reply> elements;
  bool nil = false;
};

std::string encode(const std::vector<std::string>& args) {
  std::string out = "*" + std::to_string(args.size()) + "\r\n";
  for (const auto& arg : args) {
    out += "$" + std::to_string(arg.size()) + "\r\n" + arg + "\r\n";
  }
  return out;
}

std::string render(const Reply& reply) {
  if (reply.nil) return "(nil)";
  if (reply.type == '-') return "ERR: " + reply.text;
  if (reply.type != '*') return reply.text;
  std::string joined;
  for (std::size_t i = 0; i < reply.elements.size(); ++i) {
    if (i > 0) joined += "\n";
    joined += render(reply.elements[i]);
  }
  return joined;
}

// Owns a descriptor, so a constructor that throws half-way still closes its socket.
struct OwnedFd {
  explicit OwnedFd(int value) : fd(value) {}
  ~OwnedFd() {
    if (fd >= 0) close(fd);
  }
  OwnedFd(const OwnedFd&) = delete;
  OwnedFd& operator=(const OwnedFd&) = delete;
  const int fd;
};

// A plain TCP connection to 127.0.0.1:port that sends commands and reads replies, each step
// bounded by one deadline for the whole exchange. Throws std::runtime_error on any failure.
class Connection {
 public:
  Connection(int port, Clock::time_point deadline)
      : port_(port),
        deadline_(deadline),
        socket_(socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0)) {
    if (socket_.fd < 0) throw systemError("RedisServer: socket");
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = htons(static_cast<uint16_t>(port));
    if (connect(socket_.fd, reinterpret_cast<sockaddr*>(&address), sizeof(address)) != 0) {
      if (errno != EINPROGRESS) fail("cannot connect");
      await(POLLOUT, "connecting");
      int error = 0;
      socklen_t length = sizeof(error);
      getsockopt(socket_.fd, SOL_SOCKET, SO_ERROR, &error, &length);
      errno = error;
      if (error != 0) fail("cannot connect");
    }
  }
  Reply request(const std::vector<std::string>& args) {
    send(encode(args));
    return read();
  }

 private:
  [[noreturn]] void fail(const std::string& what) const {
    throw systemError("RedisServer: " + what + " (127.0.0.1:" + std::to_string(port_) + ")");
  }

  void await(short events, const std::string& doing) const {
    const auto left = std::chrono::duration_cast<milliseconds>(deadline_ - Clock::now());
    pollfd entry{socket_.fd, events, 0};
    const int ready = poll(&entry, 1, static_cast<int>(std::max<long long>(0, left.count())));
    if (ready == 0) {
      throw std::runtime_error("RedisServer: no answer within the deadline while " + doing +
                               " (127.0.0.1:" + std::to_string(port_) + ")");
    }
    if (ready < 0) fail(doing);
  }

  void send(const std::string& data) {
    std::size_t sent = 0;
    while (sent < data.size()) {
      // MSG_NOSIGNAL: a server killed mid-send is an error here, not a SIGPIPE for the tests.
      const ssize_t n = ::send(socket_.fd, data.data() + sent, data.size() - sent, MSG_NOSIGNAL);
      if (n > 0) {
        sent += static_cast<std::size_t>(n);
      } else if (errno == EAGAIN || errno == EINTR) {
        await(POLLOUT, "sending");
      } else {
        fail("cannot send");
      }
    }
  }

  // Adds what has arrived to the buffer; throws when the server closed the connection.
  void fill() {
    await(POLLIN, "reading");
    char chunk[4096];
    const ssize_t n = recv(socket_.fd, chunk, sizeof(chunk), 0);
    if (n == 0) {
      throw std::runtime_error("RedisServer: the server closed the connection (127.0.0.1:" +
                               std::to_string(port_) + ")");
    }
    if (n < 0 && errno != EAGAIN && errno != EINTR) fail("cannot read");
    if (n > 0) buffer_.append(chunk, static_cast<std::size_t>(n));
  }

  std::string line() {
    std::size_t end;
    while ((end = buffer_.find("\r\n")) == std::string::npos) fill();
    std::string text = buffer_.substr(0, end);
    buffer_.erase(0, end + 2);
    return text;
  }

  std::string bytes(std::size_t count) {
    while (buffer_.size() < count + 2) fill();  // the payload and its "\r\n"
    std::string text = buffer_.substr(0, count);
    buffer_.erase(0, count + 2);
    return text;
  }

  Reply read() {
    const std::string header = line();
    if (header.empty()) throw std::runtime_error("RedisServer: empty RESP line");
    Reply reply{header[0], header.substr(1), {}, false};
    if (reply.type == '+' || reply.type == '-' || reply.type == ':') return reply;
    if (reply.type != '$' && reply.type != '*') {
      throw std::runtime_error("RedisServer: unexpected RESP reply '" + header + "'");
    }
    const long long count = std::stoll(reply.text);
    reply.text.clear();
    if (count < 0) {
      reply.nil = true;
    } else if (reply.type == '$') {
      reply.text = bytes(static_cast<std::size_t>(count));
    } else {
      for (long long i = 0; i < count; ++i) reply.elements.push_back(read());
    }
    return reply;
  }

  const int port_;
  const Clock::time_point deadline_;
  const OwnedFd socket_;
  std::string buffer_;
};

std::uintmax_t fileSize(const std::string& path) {
  std::error_code ignored;
  const auto size = std::filesystem::file_size(path, ignored);
  return ignored ? 0 : size;
}

// What the log gained since `offset`, its last kLogTailBytes: enough for redis-server's reason.
std::string logSince(const std::string& path, std::uintmax_t offset) {
  std::ifstream in(path, std::ios::binary);
  in.seekg(static_cast<std::streamoff>(offset));
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  return text.size() > kLogTailBytes ? "..." + text.substr(text.size() - kLogTailBytes) : text;
}

std::string describeExit(int status) {
  if (WIFEXITED(status)) return "exit code " + std::to_string(WEXITSTATUS(status));
  if (WIFSIGNALED(status)) return "signal " + std::to_string(WTERMSIG(status));
  return "status " + std::to_string(status);
}

// posix_spawn, not fork, for the reason Subprocess gives: no code of this (multi-threaded,
// maybe sanitized) process runs in the child before exec. The child gets its output on the log,
// only the standard descriptors (an inherited socket of a fake server would outlive that
// server), and a default signal mask and SIGTERM handling, so stop() is heard.
pid_t spawn(const std::vector<std::string>& argv, const std::string& log_path) {
  std::vector<char*> args;
  args.reserve(argv.size() + 1);
  for (const auto& arg : argv) args.push_back(const_cast<char*>(arg.c_str()));
  args.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, log_path.c_str(),
                                   O_WRONLY | O_CREAT | O_APPEND, 0644);
  posix_spawn_file_actions_adddup2(&actions, STDOUT_FILENO, STDERR_FILENO);
#if defined(__GLIBC__) && (__GLIBC__ > 2 || (__GLIBC__ == 2 && __GLIBC_MINOR__ >= 34))
  posix_spawn_file_actions_addclosefrom_np(&actions, STDERR_FILENO + 1);
#endif
  posix_spawnattr_t attributes;
  posix_spawnattr_init(&attributes);
  sigset_t signals;
  sigemptyset(&signals);
  posix_spawnattr_setsigmask(&attributes, &signals);
  sigaddset(&signals, SIGTERM);
  sigaddset(&signals, SIGINT);
  posix_spawnattr_setsigdefault(&attributes, &signals);
  posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);
  pid_t pid = -1;
  const int spawned = posix_spawnp(&pid, args[0], &actions, &attributes, args.data(), environ);
  posix_spawnattr_destroy(&attributes);
  posix_spawn_file_actions_destroy(&actions);
  if (spawned != 0) {
    throw std::runtime_error("RedisServer: cannot start " + argv[0] + ": " +
                             std::strerror(spawned) +
                             " (install the redis-server package: apt-get install redis-server)");
  }
  return pid;
}

// Blocks until `pid` is reaped; a child someone else reaped (SIGCHLD ignored) counts as reaped.
void reap(pid_t pid) {
  int status;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
}

bool exitedWithin(pid_t pid, Clock::duration grace) {
  const auto deadline = Clock::now() + grace;
  int status;
  while (Clock::now() < deadline) {
    const pid_t reaped = waitpid(pid, &status, WNOHANG);
    if (reaped == pid || (reaped < 0 && errno == ECHILD)) return true;
    std::this_thread::sleep_for(kPollInterval);
  }
  return false;
}

// Ready means answering as this child: a PING answered by another redis-server that won the
// race for the port (while ours is still on its way out) must not count, hence the pid check.
bool answersAs(int port, const std::string& password, pid_t pid, Clock::time_point deadline) {
  const std::string identity = "process_id:" + std::to_string(pid) + "\r\n";
  try {
    Connection probe(port, std::min(Clock::now() + kProbeTimeout, deadline));
    if (!password.empty() && probe.request({"AUTH", password}).type == '-') return false;
    return probe.request({"PING"}).text == "PONG" &&
           probe.request({"INFO", "server"}).text.find(identity) != std::string::npos;
  } catch (const std::exception&) {
    return false;  // not listening yet (or someone else's server, answering nonsense)
  }
}

}  // namespace

RedisServer::RedisServer(RedisServerOptions options) : password_(std::move(options.password)) {
  for (int attempt = 0; attempt < kPortAttempts; ++attempt) {
    port_ = freeLoopbackPort();
    if (startOnPort() == Start::kReady) return;
  }
  throw std::runtime_error("RedisServer: every port tried was taken by another process (" +
                           std::to_string(kPortAttempts) + " tries)");
}

RedisServer::~RedisServer() {
  std::lock_guard lock(lifecycle_);
  terminate(SIGTERM);
}

std::string RedisServer::url() const {
  const std::string credentials = password_.empty() ? "" : ":" + password_ + "@";
  return "redis://" + credentials + "127.0.0.1:" + std::to_string(port_);
}

void RedisServer::kill9() {
  std::lock_guard lock(lifecycle_);
  terminate(SIGKILL);
}

void RedisServer::stop() {
  std::lock_guard lock(lifecycle_);
  terminate(SIGTERM);
}

void RedisServer::restart() {
  std::lock_guard lock(lifecycle_);
  terminate(SIGTERM);
  for (int attempt = 0; attempt < kPortAttempts; ++attempt) {
    if (startOnPort() == Start::kReady) return;
    std::this_thread::sleep_for(kRestartRetryPause);
  }
  throw std::runtime_error("RedisServer: cannot restart, 127.0.0.1:" + std::to_string(port_) +
                           " is taken by another process");
}

bool RedisServer::running() const {
  const pid_t pid = pid_;
  if (pid <= 0) return false;
  // WNOWAIT: look without reaping, so a server that exited by itself is still reaped (and its
  // pid kept from reuse) by the next stop or kill.
  siginfo_t info{};
  return waitid(P_PID, static_cast<id_t>(pid), &info, WEXITED | WNOHANG | WNOWAIT) == 0 &&
         info.si_pid == 0;
}

std::string RedisServer::command(const std::vector<std::string>& args) const {
  Connection connection(port_, Clock::now() + kCommandTimeout);
  if (!password_.empty()) {
    const Reply auth = connection.request({"AUTH", password_});
    if (auth.type == '-') return render(auth);
  }
  return render(connection.request(args));
}

RedisServer::Start RedisServer::startOnPort() {
  const std::string log_path = (dir_.path / "redis.log").string();
  const auto log_offset = fileSize(log_path);
  std::vector<std::string> argv = {
      "redis-server", "--port", std::to_string(port_), "--bind", "127.0.0.1", "--save", "",
      "--appendonly", "no", "--daemonize", "no", "--protected-mode", "no",
      // Tests slow the server down with DEBUG SLEEP, which Redis 7 refuses unless enabled.
      "--enable-debug-command", "local", "--dir", dir_.path.string(), "--logfile", log_path};
  if (!password_.empty()) {
    argv.insert(argv.end(), {"--requirepass", password_});
  }
  const pid_t pid = spawn(argv, log_path);
  pid_ = pid;
  const auto deadline = Clock::now() + kReadyTimeout;
  while (!answersAs(port_, password_, pid, deadline)) {
    int status;
    if (waitpid(pid, &status, WNOHANG) == pid) {
      pid_ = -1;
      const std::string log = logSince(log_path, log_offset);
      if (log.find(kPortTakenLine) != std::string::npos) return Start::kPortTaken;
      throw std::runtime_error(
          "RedisServer: redis-server exited while starting on 127.0.0.1:" + std::to_string(port_) +
          " (" + describeExit(status) + "); its log:\n" + log);
    }
    if (Clock::now() >= deadline) {
      terminate(SIGKILL);
      throw std::runtime_error(
          "RedisServer: redis-server did not answer PING on 127.0.0.1:" + std::to_string(port_) +
          " within 5 s; its log:\n" + logSince(log_path, log_offset));
    }
    std::this_thread::sleep_for(kPollInterval);
  }
  return Start::kReady;
}

void RedisServer::terminate(int signo) {
  const pid_t pid = pid_;
  if (pid <= 0) return;
  kill(pid, signo);
  if (signo == SIGKILL || !exitedWithin(pid, kStopGrace)) {
    kill(pid, SIGKILL);
    reap(pid);
  }
  pid_ = -1;
}

}  // namespace nba::testing
