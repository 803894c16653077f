// The preview server over cpp-httplib.
#include "serve/preview_server.h"

#include <httplib.h>

#include <sys/socket.h>

#include <chrono>

#include "serve/site_request.h"

namespace renaksi::serve {

struct PreviewServer::Impl {
  std::filesystem::path site;
  httplib::Server server;
  bool bound = false;
};

PreviewServer::PreviewServer(std::filesystem::path site) : impl_(std::make_unique<Impl>()) {
  impl_->site = std::move(site);
  httplib::Server& s = impl_->server;
  s.set_payload_max_length(64 * 1024);  // nothing is uploaded to a reader
  s.set_read_timeout(5, 0);
  s.set_write_timeout(5, 0);
  s.set_keep_alive_max_count(100);
  // SO_REUSEADDR only: httplib's default adds SO_REUSEPORT, with which a second server (another
  // `renaksi serve`) would share a port in use instead of being told it is taken.
  s.set_socket_options([](int sock) {
    const int yes = 1;
    static_cast<void>(::setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes));  // a restart within TIME_WAIT
  });
  // Every request, whatever its method, is answered here and goes no further into httplib's
  // routing (which would serve nothing anyway: no route and no mount point is set).
  const std::filesystem::path root = impl_->site;
  s.set_pre_routing_handler([root](const httplib::Request& req, httplib::Response& res) {
    Reply r = answer(root, req.method, req.target);
    res.status = r.status;
    if (!r.location.empty()) res.set_header("Location", r.location);
    if (!r.allow.empty()) res.set_header("Allow", r.allow);
    // A preview shows the latest build: nothing is kept by the browser.
    res.set_header("Cache-Control", "no-store");
    res.set_header("X-Content-Type-Options", "nosniff");
    res.set_content(std::move(r.body), r.content_type);
    return httplib::Server::HandlerResponse::Handled;
  });
}

PreviewServer::~PreviewServer() { stop(); }

int PreviewServer::bind(int port) {
  int bound = 0;
  if (port == 0) {
    bound = impl_->server.bind_to_any_port("127.0.0.1");
  } else if (impl_->server.bind_to_port("127.0.0.1", port)) {
    bound = port;
  }
  impl_->bound = bound > 0;
  return bound > 0 ? bound : 0;
}

void PreviewServer::start() {
  if (!impl_->bound || thread_.joinable()) return;
  thread_ = std::thread([this] { impl_->server.listen_after_bind(); });
  // httplib's stop() only acts on a server already listening: wait (at most 2 s) until it is.
  for (int i = 0; i < 200 && !impl_->server.is_running(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(10));
}

void PreviewServer::stop() {
  if (!thread_.joinable()) return;
  for (int i = 0; i < 200 && !impl_->server.is_running(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(10));
  impl_->server.stop();
  thread_.join();
}

}  // namespace renaksi::serve
