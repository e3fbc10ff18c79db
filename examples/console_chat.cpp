// console_chat: chat with an agent from the terminal, as a customer.
//
//   console_chat                      with a scripted agent on an in-process mock server
//   console_chat --demo               ... and a scripted customer too (what `setup.sh demo` runs)
//   console_chat --license-id N --token-file F      with your LiveChat license
//
// Type a line and press Enter to send it; agent messages and typing indicators show as they
// arrive; /quit leaves. The chat resumes if the customer already has an active one. While a
// line is typed, sneak peeks (what the agent sees before you press Enter) are sent in --demo
// mode, where the typing is simulated; an interactive terminal delivers whole lines only.

#include "example_target.hpp"

#include <livechat/rtm.hpp>

#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>

#include <chrono>
#include <deque>
#include <iostream>
#include <map>
#include <string>
#include <thread>

namespace asio = boost::asio;
namespace rtm = livechat::rtm;
namespace v3 = livechat::rtm::v3_0;
using namespace std::chrono_literals;

class ConsoleChat {
public:
    ConsoleChat(asio::io_context& ioc, rtm::ClientConfig cfg) : client_(ioc, std::move(cfg))
    {
        subs_.push_back(client_.pushes().on<v3::IncomingEvent>([this](const v3::IncomingEvent& p) { show(p); }));
        subs_.push_back(client_.pushes().on<v3::IncomingTypingIndicator>([this](const v3::IncomingTypingIndicator& p) {
            if (p.typing_indicator.author_id != customer_.str())
                say(p.typing_indicator.is_typing ? "  (" + name_of(p.typing_indicator.author_id) + " is typing...)"
                                                 : "");
        }));
        subs_.push_back(client_.pushes().on<v3::ChatUserAdded>([this](const v3::ChatUserAdded& p) {
            names_[p.user.id] = p.user.name.value_or(p.user.id);
            if (p.user.id != customer_.str())
                say("  (" + names_[p.user.id] + " joined the chat)");
        }));
        subs_.push_back(client_.pushes().on<v3::ThreadClosed>([this](const v3::ThreadClosed&) {
            say("  (the chat was closed; your next message starts a new one)");
        }));
    }

    /// Connects and logs in; `on_ready` runs once the customer can chat.
    void start(std::function<void()> on_ready)
    {
        client_.async_run([this](rtm::error_code ec) {
            if (ec && ec != asio::error::operation_aborted)
                say("connection ended: " + ec.message() + " " + client_.diagnostics().client_message);
            ended_ = true;
        });
        client_.async_login({}, [this, on_ready](rtm::error_code ec, v3::LoginResponse r) {
            if (ec)
                return say("login failed: " + ec.message());
            customer_ = r.customer_id;
            if (r.has_active_thread && !r.chats.empty())
                chat_ = r.chats.front().chat_id;
            say("logged in as customer " + customer_.str() + (chat_.empty() ? "" : ", resuming chat " + chat_.str()));
            on_ready();
        });
    }

    /// Sends one typed line (or leaves, for /quit).
    void on_line(const std::string& line)
    {
        if (line == "/quit")
            return quit();
        if (line.empty())
            return;
        if (chat_.empty()) {
            v3::async_start_chat_with_message(client_, line, [this](rtm::error_code ec, v3::ChatResponse r) {
                if (ec)
                    return say("could not start the chat: " + ec.message());
                chat_ = r.chat.id;
            });
            return;
        }
        v3::async_send_message(client_, chat_, line, [this](rtm::error_code ec, v3::SendEventResponse) {
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
        client_.async_execute<v3::SendSneakPeek>(v3::SendSneakPeekRequest{chat_, partial}, [](rtm::error_code, v3::Empty) {});
    }

    void quit()
    {
        say("bye!");
        client_.async_stop([this](rtm::error_code) { ended_ = true; });
    }

    bool ended() const { return ended_; }
    std::size_t agent_messages() const { return agent_messages_; }

private:
    void show(const v3::IncomingEvent& p)
    {
        if (!p.event)
            return;
        const auto& base = v3::base_of(*p.event);
        std::string author = base.author_id.value_or("");
        if (author == customer_.str())
            return; // our own message, echoed back
        if (const auto* m = std::get_if<v3::Message>(&*p.event)) {
            ++agent_messages_;
            say(name_of(author) + "> " + m->text);
        } else if (const auto* s = std::get_if<v3::SystemMessage>(&*p.event)) {
            say("  (" + s->text + ")");
        } else if (const auto* rich = std::get_if<v3::RichMessage>(&*p.event)) {
            say(name_of(author) + "> [rich message with " + std::to_string(rich->elements.size()) + " cards]");
        }
    }

    std::string name_of(const std::string& id) const
    {
        auto it = names_.find(id);
        return it != names_.end() ? it->second : id.empty() ? "system" : id;
    }

    static void say(const std::string& text)
    {
        if (!text.empty())
            std::cout << text << std::endl;
    }

    rtm::RtmClient client_;
    std::vector<rtm::Subscription> subs_;
    rtm::CustomerId customer_;
    rtm::ChatId chat_;
    std::map<std::string, std::string> names_{{"agent@mock.livechat", "Mock Agent"}};
    std::chrono::steady_clock::time_point last_peek_{};
    std::size_t agent_messages_ = 0;
    bool ended_ = false;
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
    auto target = examples::make_target(ioc.get_executor(), argc, argv);
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
    ConsoleChat chat(ioc, target->config);
    DemoCustomer customer(ioc, chat);

    chat.start([&] {
        if (demo)
            return customer.next();
        // Standard input is read on its own thread (it may be a terminal, a pipe or a file)
        // and each line is handed to the client's thread.
        std::thread([&ioc, &chat] {
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
    if (target->mock)
        target->mock->stop();
    return chat.ended() ? 0 : 1;
}
