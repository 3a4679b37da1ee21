// The stdio transport: a reader loop on this thread, linting on a worker thread.
#include "lsp/framing.hpp"
#include "lsp/server.hpp"

#include <cstdio>
#include <iostream>
#include <mutex>
#include <thread>

namespace factlint::lsp {

int serve_stdio(ServerOptions options) {
    std::mutex output;
    Server server(std::move(options), [&output](std::string json) {
        std::string framed = frame(json);
        std::lock_guard lock(output);
        std::fwrite(framed.data(), 1, framed.size(), stdout);
        std::fflush(stdout);
    });
    std::thread linter([&server] { server.run_lint_loop(); });
    while (!server.exit_requested()) {
        Incoming incoming = read_message(std::cin);
        if (incoming.status == Incoming::Status::end_of_input)
            break;
        if (incoming.status == Incoming::Status::bad_header)
            server.handle_bad_frame(incoming.error);
        else
            server.handle(incoming.body);
    }
    server.stop_linting();
    linter.join();
    // exit after shutdown is 0; exit without shutdown, or the client vanishing, is 1.
    return server.exit_requested() ? server.exit_code() : 1;
}

} // namespace factlint::lsp
