#include "child_process.h"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <thread>

extern char** environ;

namespace nba::bench {
namespace {

void closeFd(int& fd) {
  if (fd >= 0) {
    close(fd);
    fd = -1;
  }
}

std::vector<char*> argvPointers(const std::vector<std::string>& argv) {
  std::vector<char*> pointers;
  for (const auto& arg : argv) {
    pointers.push_back(const_cast<char*>(arg.c_str()));
  }
  pointers.push_back(nullptr);
  return pointers;
}

// Spawns with `to_child[0]` as stdin and `from_child[1]` as stdout. Returns errno.
int spawnWithPipes(const std::vector<std::string>& argv, const int to_child[2],
                   const int from_child[2], pid_t& pid) {
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, to_child[0], STDIN_FILENO);
  posix_spawn_file_actions_adddup2(&actions, from_child[1], STDOUT_FILENO);
  std::vector<char*> args = argvPointers(argv);
  int rc = posix_spawnp(&pid, args[0], &actions, nullptr, args.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  return rc;
}

}  // namespace

std::optional<ChildProcess> ChildProcess::spawn(const std::vector<std::string>& argv,
                                                std::string& error) {
  int to_child[2];
  int from_child[2];
  if (pipe2(to_child, O_CLOEXEC) != 0) {
    error = std::strerror(errno);
    return std::nullopt;
  }
  if (pipe2(from_child, O_CLOEXEC) != 0) {
    error = std::strerror(errno);
    close(to_child[0]);
    close(to_child[1]);
    return std::nullopt;
  }
  pid_t pid = -1;
  int rc = spawnWithPipes(argv, to_child, from_child, pid);
  close(to_child[0]);
  close(from_child[1]);
  if (rc != 0) {
    error = argv[0] + ": " + std::strerror(rc);
    close(to_child[1]);
    close(from_child[0]);
    return std::nullopt;
  }
  return ChildProcess(pid, to_child[1], from_child[0]);
}

ChildProcess::ChildProcess(pid_t pid, int to_child, int from_child)
    : pid_(pid), to_child_(to_child), from_child_(from_child) {}

ChildProcess::ChildProcess(ChildProcess&& other) noexcept
    : pid_(other.pid_), to_child_(other.to_child_), from_child_(other.from_child_) {
  other.pid_ = -1;
  other.to_child_ = other.from_child_ = -1;
}

ChildProcess::~ChildProcess() {
  if (pid_ > 0) {
    finish(std::chrono::milliseconds(2000));
  }
  closePipes();
}

void ChildProcess::closePipes() {
  closeFd(to_child_);
  closeFd(from_child_);
}

bool ChildProcess::finish(std::chrono::milliseconds grace) {
  if (pid_ <= 0) {
    return false;
  }
  closeFd(to_child_);
  auto deadline = std::chrono::steady_clock::now() + grace;
  int status = 0;
  while (waitpid(pid_, &status, WNOHANG) == 0) {
    if (std::chrono::steady_clock::now() >= deadline) {
      ::kill(pid_, SIGKILL);
      waitpid(pid_, &status, 0);
      pid_ = -1;
      closePipes();
      return false;
    }
    std::this_thread::sleep_for(std::chrono::microseconds(200));
  }
  pid_ = -1;
  closePipes();
  return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

void ChildProcess::kill() {
  if (pid_ > 0) {
    ::kill(pid_, SIGKILL);
  }
}

bool writeAll(int fd, const char* data, std::size_t size) {
  while (size > 0) {
    ssize_t n = write(fd, data, size);
    if (n < 0) {
      if (errno == EINTR) {
        continue;
      }
      return false;
    }
    data += n;
    size -= static_cast<std::size_t>(n);
  }
  return true;
}

}  // namespace nba::bench
