#include "support/subprocess.h"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>

namespace nba::testing {

Subprocess::Subprocess(const std::vector<std::string>& argv,
                       const std::vector<std::string>& extra_env) {
  // Close-on-exec, so a second child does not inherit this one's stdin: closeStdin() must
  // give this child EOF. dup2 onto 0, 1 and 2 clears the flag for the child itself.
  int in_pipe[2];
  int out_pipe[2];
  if (pipe2(in_pipe, O_CLOEXEC) != 0 || pipe2(out_pipe, O_CLOEXEC) != 0) {
    throw std::runtime_error("pipe failed");
  }
  char path_template[] = "/tmp/nba-mcp-test-stderr-XXXXXX";
  int err_fd = mkostemp(path_template, O_CLOEXEC);
  stderr_path_ = path_template;
  ::signal(SIGPIPE, SIG_IGN);
  // posix_spawn, not fork: it runs no code of this process in the child (no atfork handlers,
  // no allocation), so a lock another thread held as the child was made (a fake server's, the
  // sanitizer's, the coverage runtime's) cannot hang the child before exec.
  std::vector<char*> args;
  for (const auto& arg : argv) {
    args.push_back(const_cast<char*>(arg.c_str()));
  }
  args.push_back(nullptr);
  std::vector<char*> env;
  for (char** entry = environ; *entry != nullptr; ++entry) env.push_back(*entry);
  for (const auto& assignment : extra_env) {
    env.push_back(const_cast<char*>(assignment.c_str()));
  }
  env.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, in_pipe[0], STDIN_FILENO);
  posix_spawn_file_actions_adddup2(&actions, out_pipe[1], STDOUT_FILENO);
  posix_spawn_file_actions_adddup2(&actions, err_fd, STDERR_FILENO);
  const int spawned = posix_spawn(&pid_, args[0], &actions, nullptr, args.data(), env.data());
  posix_spawn_file_actions_destroy(&actions);
  if (spawned != 0) {
    throw std::runtime_error("cannot start " + argv[0]);
  }
  close(in_pipe[0]);
  close(out_pipe[1]);
  close(err_fd);
  stdin_fd_ = in_pipe[1];
  stdout_fd_ = out_pipe[0];
  reader_ = std::make_unique<LineReader>(stdout_fd_);
}

Subprocess::~Subprocess() {
  if (!exit_code_) {
    kill(pid_, SIGKILL);
    int status;
    waitpid(pid_, &status, 0);
  }
  closeStdin();
  close(stdout_fd_);
  unlink(stderr_path_.c_str());
}

bool Subprocess::write(const std::string& data) {
  std::size_t written = 0;
  while (written < data.size()) {
    ssize_t n = ::write(stdin_fd_, data.data() + written, data.size() - written);
    if (n <= 0) {
      return false;
    }
    written += static_cast<std::size_t>(n);
  }
  return true;
}

std::optional<std::string> Subprocess::readLine(std::chrono::milliseconds timeout) {
  return reader_->next(timeout);
}

nlohmann::json Subprocess::readJson(std::chrono::milliseconds timeout) {
  auto line = readLine(timeout);
  return line ? nlohmann::json::parse(*line) : nlohmann::json();
}

void Subprocess::closeStdin() {
  if (stdin_fd_ >= 0) {
    close(stdin_fd_);
    stdin_fd_ = -1;
  }
}

void Subprocess::signal(int signo) { kill(pid_, signo); }

std::optional<int> Subprocess::wait(std::chrono::milliseconds timeout) {
  if (exit_code_) {
    return exit_code_;
  }
  auto deadline = std::chrono::steady_clock::now() + timeout;
  while (std::chrono::steady_clock::now() < deadline) {
    int status;
    if (waitpid(pid_, &status, WNOHANG) == pid_) {
      exit_code_ = WIFEXITED(status) ? WEXITSTATUS(status) : -WTERMSIG(status);
      return exit_code_;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  return std::nullopt;
}

std::string Subprocess::stderrText() const {
  std::ifstream in(stderr_path_);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

long Subprocess::rssKib() const {
  std::ifstream status("/proc/" + std::to_string(pid_) + "/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind("VmRSS:", 0) == 0) {
      return std::strtol(line.c_str() + 6, nullptr, 10);
    }
  }
  return -1;
}

std::pair<int, std::string> runCommand(const std::vector<std::string>& argv,
                                       const std::string& input) {
  Subprocess process(argv);
  process.write(input);
  process.closeStdin();
  std::string out;
  while (auto line = process.readLine(std::chrono::seconds(20))) {
    out += *line + "\n";
  }
  auto code = process.wait(std::chrono::seconds(20));
  return {code.value_or(-999), out};
}

}  // namespace nba::testing
