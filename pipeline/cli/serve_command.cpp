// `renaksi serve`: build, serve, and with --watch build again on each change.
#include "cli/serve_command.h"

#include <signal.h>

#include <chrono>
#include <filesystem>
#include <vector>

#include "diag/diagnostic.h"
#include "env/env.h"
#include "serve/preview_server.h"
#include "serve/stop_signals.h"
#include "serve/watch.h"

namespace renaksi {

namespace {

using Clock = std::chrono::steady_clock;

// Builds once, saying how long it took and how many plans were laid out again.
int build_once(const BuildOptions& opt, std::ostream& out, std::ostream& err) {
  const Clock::time_point start = Clock::now();
  BuildReport report;
  const int status = run_build(opt, out, err, &report);
  const auto took = Clock::now() - start;
  if (status == kExitOk && report.up_to_date) {
    out << "checked in " << milliseconds(took) << ": nothing changed since the last build, " << counted(report.plans, "plan")
        << " up to date\n";
  } else if (status == kExitOk) {
    out << "built in " << milliseconds(took) << ": " << counted(report.plans - report.plans_from_cache, "plan")
        << " laid out, " << report.plans_from_cache << " unchanged (from the cache)\n";
  } else {
    out << "the build failed (" << milliseconds(took) << "); the site served is the last good one\n";
  }
  out.flush();
  return status;
}

// What a build reads besides the content: a change there is built again too.
std::vector<std::filesystem::path> watched_folders(const BuildOptions& opt) {
  const std::filesystem::path data = Env::from_environment().data_dir;
  return {opt.folder, data / "layouts", data / "locales", data / "templates"};
}

}  // namespace

int run_serve(const ServeOptions& opt, std::ostream& out, std::ostream& err) {
  serve::StopSignals signals;
  if (!signals.ok()) {
    err << "renaksi: serve: cannot catch Ctrl-C (sigaction failed)\n";
    return kExitInternal;
  }
  // A reader that closes its connection early must not end the server.
  if (::signal(SIGPIPE, SIG_IGN) == SIG_ERR) {
    err << "renaksi: serve: cannot ignore SIGPIPE\n";
    return kExitInternal;
  }
  const std::filesystem::path site = std::filesystem::path(opt.build.out_dir) / "site";
  serve::PreviewServer server(site);
  // The port is taken before the build, so a port in use is said at once.
  const int port = server.bind(opt.port);
  if (port == 0) {
    err << "renaksi: serve: cannot listen on 127.0.0.1:" << opt.port
        << " (the port is in use, or not allowed); choose another with --port, or --port 0 for any free one\n";
    return kExitUsage;
  }

  const std::vector<std::filesystem::path> folders = watched_folders(opt.build);
  // The build's own output and cache are never watched, wherever they are.
  const std::vector<std::filesystem::path> skip = {opt.build.out_dir,
                                                   opt.build.cache_dir.empty() ? Env::from_environment().cache_dir
                                                                               : std::filesystem::path(opt.build.cache_dir)};
  serve::TreeState before = opt.watch ? serve::look(folders, skip) : serve::TreeState{};
  const int first = build_once(opt.build, out, err);
  if (first == kExitUsage || (first != kExitOk && !opt.watch)) return first;
  if (signals.stopped()) return first;

  server.start();
  out << "serving " << printable(site.string()) << " at http://127.0.0.1:" << port << "/";
  if (opt.watch) out << ", building again when " << printable(opt.build.folder) << " changes";
  out << " (Ctrl-C stops)\n";
  out.flush();

  serve::ChangeWatch watch(std::move(before));
  bool warned_truncated = false;
  // One pass per interval until a signal comes: each pass waits at most kWatchInterval.
  while (!signals.wait(serve::kWatchInterval)) {
    if (!opt.watch) continue;
    serve::TreeState now = serve::look(folders, skip);
    if (now.truncated && !warned_truncated) {
      warned_truncated = true;
      err << "renaksi: serve: " << printable(opt.build.folder) << " holds more than " << serve::kMaxWatchedEntries
          << " entries (or is deeper than " << serve::kMaxWatchedDepth << " folders); changes past them are not seen\n";
    }
    if (!watch.due(std::move(now))) continue;
    out << "changed; building again\n";
    out.flush();
    build_once(opt.build, out, err);
  }
  server.stop();
  out << "stopped\n";
  return kExitOk;
}

}  // namespace renaksi
