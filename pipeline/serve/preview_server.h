// The preview server of `renaksi serve`: the site folder over HTTP on 127.0.0.1 only, in a
// thread of its own (cpp-httplib), answering through site_request.h.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <thread>

namespace renaksi::serve {

class PreviewServer {
 public:
  // Serves the files under `site` (read at each request, so a rebuild shows at once).
  explicit PreviewServer(std::filesystem::path site);
  ~PreviewServer();  // stops serving and joins the thread
  PreviewServer(const PreviewServer&) = delete;
  PreviewServer& operator=(const PreviewServer&) = delete;

  // Binds 127.0.0.1:`port` (0: a free port the system picks). The port bound, or 0 when it
  // could not be (taken, or not allowed).
  int bind(int port);
  // Starts answering, in a thread; only after bind succeeded.
  void start();
  // Stops answering and joins the thread; safe to call twice.
  void stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
  std::thread thread_;
};

}  // namespace renaksi::serve
