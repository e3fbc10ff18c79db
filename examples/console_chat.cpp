// console_chat: chat with an agent from the terminal, as a customer.
//
//   console_chat                      with a scripted agent on an in-process mock server
//   console_chat --demo               ... and a scripted customer too (what `setup.sh demo` runs)
//   console_chat --organization-id ID --token-file F   with your LiveChat organization (3.6)
//   console_chat --organization-id ID --client-id C    ... getting its own tokens; the customer
//                                     is kept in ~/.livechat-rtm-console-chat.json across runs
//                                     (--identity-file F to keep it elsewhere), and its
//                                     unsent lines and last read events in F.session
//   console_chat_v3_0 ...             the same over v3.0 (--license-id N for LiveChat)
//
// Type a line and press Enter to send it; /file PATH sends a file (up to 10 MB, through the
// Web API); agent messages and typing indicators show as they arrive; /quit (or Ctrl-D) leaves. The chat resumes if the customer already has an active one.
// While you type, the agent gets sneak peeks of the unsent text (RTM: customers only send
// them). In a terminal, keys are read one by one for that; from a pipe, whole lines. On 3.6 it
// also shows greetings (and accepts them), the chat's place in the queue, and when the agent
// is thinking.

#include "example_target.hpp"

#include <livechat/rtm.hpp>
#include <livechat/rtm/raw.hpp>
#include <livechat/rtm/v3_6/send_file.hpp>
#include <livechat/rtm/web/client.hpp>

#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>

#include <termios.h>
#include <unistd.h>

#include <chrono>
#include <deque>
#include <iostream>
#include <map>
#include <optional>
#include <string>
#include <thread>

namespace asio = boost::asio;
namespace rtm = livechat::rtm;
namespace api = examples::api; // v3_6, or v3_0 in the _v3_0 build
using namespace std::chrono_literals;

class ConsoleChat {
public:
    ConsoleChat(asio::io_context& ioc, rtm::ClientConfig cfg, rtm::web::WebApiConfig web)
        : client_(ioc, std::move(cfg)), web_(ioc.get_executor(), std::move(web))
    {
        // Events the agent wrote while the connection was down come after the reconnect, marked
        // recovered (ClientConfig::recovery): shown as such.
        subs_.push_back(client_.pushes().on<api::IncomingEvent>(
            [this](const api::IncomingEvent& p, const rtm::RawPush& raw) { show(p, raw.recovered); }));
        // A line sent when the connection dropped, or left unsent when the app was closed (with
        // a session store), is delivered once after the next login.
        client_.on_restored_send([this](const rtm::RestoredSend& r) {
            say(r.ec ? "  (a message from your last session could not be delivered: " + r.ec.message() + ")"
                     : "  (a message from your last session was delivered)");
        });
        client_.on_recovery([this](const rtm::RecoveryReport& r) {
            if (r.ec)
                say("  (could not fetch everything missed in chat " + r.chat_id + ": " + r.ec.message() + ")");
            else if (r.recovered > 0)
                say("  (" + std::to_string(r.recovered) + " missed while offline, shown above)");
        });
        subs_.push_back(client_.pushes().on<api::IncomingTypingIndicator>([this](const api::IncomingTypingIndicator& p) {
            if (p.typing_indicator.author_id != customer_.str())
                say(p.typing_indicator.is_typing ? "  (" + name_of(p.typing_indicator.author_id) + " is typing...)"
                                                 : "");
        }));
        subs_.push_back(client_.pushes().on<examples::UserJoined>([this](const examples::UserJoined& p) {
            names_[p.user.id] = p.user.name.value_or(p.user.id);
            if (p.user.id != customer_.str())
                say("  (" + names_[p.user.id] + " joined the chat)");
        }));
        subs_.push_back(client_.pushes().on<examples::ChatClosed>([this](const examples::ChatClosed&) {
            say("  (the chat was closed; your next message starts a new one)");
        }));
#ifndef EXAMPLE_API_V3_0
        subs_.push_back(client_.pushes().on<api::IncomingGreeting>([this](const api::IncomingGreeting& p) {
            greet(p.greeting);
        }));
        subs_.push_back(client_.pushes().on<api::QueuePositionUpdated>([this](const api::QueuePositionUpdated& p) {
            auto position = p.queue.position.value_or(0);
            say(position > 0 ? "  (you are number " + std::to_string(position) + " in the queue, about " +
                                   std::to_string(p.queue.wait_time.value_or(0)) + " s to wait)"
                             : "  (an agent is with you now)");
        }));
        subs_.push_back(client_.pushes().on<api::IncomingThinkingIndicator>([this](const api::IncomingThinkingIndicator& p) {
            say("  (" + name_of(p.author_id.value_or("")) + ": " + p.title.value_or("thinking...") + ")");
        }));
#endif
    }

    /// Connects and logs in; `on_ready` runs once the customer can chat.
    void start(std::function<void()> on_ready)
    {
        client_.async_run([this](rtm::error_code ec) {
            if (ec && ec != asio::error::operation_aborted)
                say("connection ended: " + ec.message() + " " + client_.diagnostics().client_message);
            ended_ = true;
        });
        client_.async_login({}, [this, on_ready](rtm::error_code ec, api::LoginResponse r) {
            if (ec)
                return say("login failed: " + ec.message());
            customer_ = rtm::CustomerId(examples::customer_of(r));
            if (r.has_active_thread && !r.chats.empty())
                chat_ = r.chats.front().chat_id;
            say("logged in as customer " + customer_.str() + (chat_.empty() ? "" : ", resuming chat " + chat_.str()));
#ifndef EXAMPLE_API_V3_0
            if (r.greeting && !r.greeting->accepted.value_or(false))
                greet(*r.greeting); // shown before we logged in
#endif
            on_ready();
        });
    }

    /// Sends one typed line (or leaves, for /quit).
    void on_line(const std::string& line)
    {
        if (line == "/quit")
            return quit();
        if (line.rfind("/file ", 0) == 0)
            return send_file(line.substr(6));
        if (line.empty())
            return;
        if (chat_.empty()) {
            api::async_start_chat_with_message(client_, line, [this](rtm::error_code ec, auto started) {
                if (ec)
                    return say("could not start the chat: " + ec.message());
                chat_ = examples::chat_of(started);
            });
            return;
        }
        api::async_send_message(client_, chat_, line, [this](rtm::error_code ec, api::SendEventResponse) {
            if (ec)
                say("not sent: " + ec.message());
        });
    }

    /// Tells the agent what is being typed (a sneak peek), at most every 300 ms.
    void on_typing(const std::string& partial)
    {
        auto now = std::chrono::steady_clock::now();
        if (chat_.empty() || now - last_peek_ < 300ms)
            return;
        last_peek_ = now;
        client_.async_execute<api::SendSneakPeek>(api::SendSneakPeekRequest{chat_, partial}, [](rtm::error_code, api::Empty) {});
    }

    /// Uploads a file through the Web API and sends it into the chat as a file event.
    void send_file(const std::string& path)
    {
        if (chat_.empty())
            return say("start the chat with a message first, then send files");
        rtm::error_code ec;
        auto file = rtm::web::UploadFile::from_path(path, ec);
        if (ec == rtm::error::entity_too_large)
            return say("not sent: " + path + " is larger than 10 MB");
        if (ec)
            return say("cannot read " + path + ": " + ec.message());
        say("  (uploading " + file.name + ", " + std::to_string(file.data.size()) + " bytes)");
#ifdef EXAMPLE_API_V3_0
        // v3.0 has no typed one-call helper: upload, then send_event with the URL.
        web_.async_upload_file(std::move(file), {}, [this](rtm::error_code ec, rtm::web::UploadedFile f) {
            if (ec)
                return say("upload failed: " + ec.message());
            nlohmann::json event = {{"chat_id", chat_.str()}, {"event", {{"type", "file"}, {"url", f.url}}}};
            client_.async_call("send_event", event, [this](rtm::error_code ec, nlohmann::json) {
                say(ec ? "file not sent: " + ec.message() : "  (file sent)");
            });
        });
#else
        api::async_send_file(web_, client_, chat_, std::move(file), {}, [this](rtm::error_code ec, api::SendEventResponse) {
            say(ec ? "file not sent: " + ec.message() : "  (file sent)");
        });
#endif
    }

    void quit()
    {
        say("bye!");
        client_.async_stop([this](rtm::error_code) { ended_ = true; });
    }

    /// One key from a terminal in non-canonical mode: the line is edited and echoed here, and
    /// each change is offered to the agent as a sneak peek.
    void on_key(char c)
    {
        if (c == '\n' || c == '\r') {
            std::cout << "\r\033[Kyou> " << typed_ << "\n> " << std::flush;
            auto line = std::move(typed_);
            typed_.clear();
            return on_line(line);
        }
        if (c == 4 && typed_.empty()) // Ctrl-D
            return on_line("/quit");
        if (c == 0x7f || c == '\b') {
            if (typed_.empty())
                return;
            typed_.pop_back();
            std::cout << "\b \b" << std::flush;
        } else if (static_cast<unsigned char>(c) >= 0x20) {
            typed_ += c;
            std::cout << c << std::flush;
        } else {
            return;
        }
        if (!typed_.empty() && typed_[0] != '/')
            on_typing(typed_);
    }

    /// In interactive mode the customer's line is drawn and edited by `on_key`.
    void set_interactive(bool on)
    {
        interactive_ = on;
        if (on)
            std::cout << "> " << std::flush;
    }

    bool ended() const { return ended_; }
    std::size_t agent_messages() const { return agent_messages_; }

private:
#ifndef EXAMPLE_API_V3_0
    /// Shows a greeting and accepts it (so the agent knows the customer saw it).
    void greet(const api::Greeting& g)
    {
        const auto* m = g.event ? std::get_if<api::Message>(&*g.event) : nullptr;
        std::string from = g.agent && g.agent->name ? *g.agent->name : "agent";
        say(from + " (greeting)> " + (m ? m->text : std::string("[greeting]")));
        client_.async_execute<api::AcceptGreeting>(api::AcceptGreetingRequest{g.id, g.unique_id},
            [this](rtm::error_code ec, api::Empty) {
                if (ec)
                    say("  (could not accept the greeting: " + ec.message() + ")");
            });
    }
#endif

    void show(const api::IncomingEvent& p, bool recovered)
    {
        const auto* event = examples::event_of(p);
        if (!event)
            return;
        const auto& base = api::base_of(*event);
        std::string author = base.author_id.value_or("");
        if (author == customer_.str())
            return; // our own message, echoed back
        const std::string mark = recovered ? " (while you were offline)" : "";
        if (const auto* m = std::get_if<api::Message>(event)) {
            ++agent_messages_;
            say(name_of(author) + mark + "> " + m->text);
        } else if (const auto* s = std::get_if<api::SystemMessage>(event)) {
            say("  (" + examples::text_of(s->text) + ")");
        } else if (const auto* f = std::get_if<api::File>(event)) {
            say(name_of(author) + "> [file " + f->url + "]");
        } else if (const auto* rich = std::get_if<api::RichMessage>(event)) {
            say(name_of(author) + "> [rich message with " + std::to_string(rich->elements.size()) + " cards]");
        }
    }

    std::string name_of(const std::string& id) const
    {
        auto it = names_.find(id);
        return it != names_.end() ? it->second : id.empty() ? "system" : id;
    }

    /// Prints a line above the one being typed (which is drawn again after it).
    void say(const std::string& text) const
    {
        if (text.empty())
            return;
        if (interactive_)
            std::cout << "\r\033[K" << text << "\n> " << typed_ << std::flush;
        else
            std::cout << text << std::endl;
    }

    api::RtmClient client_;
    rtm::web::WebApiClient web_; ///< files go through the Web API
    std::vector<rtm::Subscription> subs_;
    rtm::CustomerId customer_;
    rtm::ChatId chat_;
    std::map<std::string, std::string> names_{{"agent@mock.livechat", "Mock Agent"}};
    std::chrono::steady_clock::time_point last_peek_{};
    std::size_t agent_messages_ = 0;
    bool ended_ = false;
    bool interactive_ = false;
    std::string typed_; ///< the line being typed (interactive mode)
};

/// Puts a terminal into non-canonical mode without echo for the object's lifetime, so keys
/// arrive one by one (Ctrl-C still interrupts). Does nothing when stdin is not a terminal.
class RawTerminal {
public:
    RawTerminal()
    {
        if (!isatty(STDIN_FILENO) || tcgetattr(STDIN_FILENO, &saved_) != 0)
            return;
        termios raw = saved_;
        raw.c_lflag &= ~static_cast<tcflag_t>(ICANON | ECHO);
        raw.c_cc[VMIN] = 1;
        raw.c_cc[VTIME] = 0;
        active_ = tcsetattr(STDIN_FILENO, TCSANOW, &raw) == 0;
    }
    ~RawTerminal()
    {
        if (active_)
            tcsetattr(STDIN_FILENO, TCSANOW, &saved_);
    }
    RawTerminal(const RawTerminal&) = delete;
    RawTerminal& operator=(const RawTerminal&) = delete;
    bool active() const { return active_; }

private:
    termios saved_{};
    bool active_ = false;
};

/// The --demo customer: types each line (sending sneak peeks as it goes), then waits for the
/// agent's answer before the next one.
class DemoCustomer {
public:
    DemoCustomer(asio::io_context& ioc, ConsoleChat& chat) : chat_(chat), timer_(ioc) {}

    void next()
    {
        if (chat_.agent_messages() < answered_ && waited_ < 50) { // wait up to 5 s for the agent
            ++waited_;
            return later(100ms, [this] { next(); });
        }
        waited_ = 0;
        if (lines_.empty())
            return chat_.on_line("/quit");
        type(lines_.front(), 1);
    }

private:
    void type(const std::string& line, std::size_t shown)
    {
        if (shown < line.size()) {
            chat_.on_typing(line.substr(0, shown));
            return later(40ms, [this, line, shown] { type(line, shown + 3); });
        }
        std::cout << "you> " << line << std::endl;
        chat_.on_line(line);
        lines_.pop_front();
        ++answered_;
        later(300ms, [this] { next(); });
    }

    template <class F>
    void later(std::chrono::milliseconds d, F f)
    {
        timer_.expires_after(d);
        timer_.async_wait([f](rtm::error_code ec) {
            if (!ec)
                f();
        });
    }

    ConsoleChat& chat_;
    asio::steady_timer timer_;
    std::deque<std::string> lines_{"Hello! Is my order shipped?", "It's order 1042, placed on Monday.",
        "When will it arrive?", "Great, thanks!"};
    std::size_t answered_ = 0;
    std::size_t waited_ = 0;
};

int main(int argc, char** argv)
{
    asio::io_context ioc;
    // With --client-id the customer is kept across runs: in the given identity file, or here.
    std::string home_identity = std::string(std::getenv("HOME") ? std::getenv("HOME") : ".") + "/.livechat-rtm-console-chat.json";
    auto target = examples::make_target(ioc.get_executor(), argc, argv, home_identity);
    if (!target)
        return 2;
    bool demo = false;
    for (const auto& a : target->rest) {
        if (a == "--demo")
            demo = true;
        else {
            std::cerr << "usage: console_chat [--demo] [options]\n" << examples::target_usage();
            return 2;
        }
    }

    std::cout << "livechat-rtm console chat: " << target->description << "\n"
              << (demo ? "(demo: a scripted customer types)\n" : "Type a message and press Enter; /quit leaves.\n");
    if (target->mock) // the mock's agent greets whoever logs in (3.6 shows it; v3.0 has no greetings)
        target->mock->agent_greeting("Hi! Ask us anything.");
    auto cfg = target->config;
    cfg.delivery = rtm::delivery::exactly_once; // a typed line reaches the chat once, dropped line or not
    if (!target->identity_file.empty()) // the customer is kept across runs: so are its unsent lines and what it read
        cfg.session_store = std::make_shared<rtm::FileSessionStore>(target->identity_file + ".session");
    ConsoleChat chat(ioc, std::move(cfg), target->web);
    DemoCustomer customer(ioc, chat);

    std::optional<RawTerminal> terminal;
    if (!demo)
        terminal.emplace();
    asio::signal_set signals(ioc, SIGINT, SIGTERM); // leave cleanly, terminal restored
    signals.async_wait([&](rtm::error_code ec, int) {
        if (!ec)
            chat.quit();
    });

    chat.start([&] {
        if (demo)
            return customer.next();
        bool keys = terminal->active();
        chat.set_interactive(keys);
        // Standard input is read on its own thread (a terminal, a pipe or a file); every key or
        // line is handed to the client's thread, which owns all the state.
        std::thread([&ioc, &chat, keys] {
            if (keys) {
                char c = 0;
                while (read(STDIN_FILENO, &c, 1) == 1)
                    asio::post(ioc, [&chat, c] { chat.on_key(c); });
                return;
            }
            std::string line;
            while (std::getline(std::cin, line)) {
                asio::post(ioc, [&chat, line] { chat.on_line(line); });
                if (line == "/quit")
                    return;
            }
            asio::post(ioc, [&chat] { chat.on_line("/quit"); }); // end of input leaves too
        }).detach();
    });

    while (!chat.ended() && ioc.run_one()) {
    }
    signals.cancel();
    if (terminal && terminal->active())
        std::cout << std::endl;
    target->stop_mock();
    return chat.ended() ? 0 : 1;
}
