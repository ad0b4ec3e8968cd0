#include "CrashReport.h"

#include <QtGlobal>

#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstdint>
#include <execinfo.h>
#include <unistd.h>

namespace {

#ifdef AISC_SANITIZED
// AddressSanitizer reports these itself, with more than a backtrace, on a stack of its own.
constexpr int fatalSignals[] = { SIGILL, SIGABRT };
#else
constexpr int fatalSignals[] = { SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT };
#endif
constexpr int maxFrames = 64;

#ifndef AISC_SANITIZED
// Room for the handler itself when the thread's own stack is what ran out.
alignas(16) char alternateStack[64 * 1024];
#endif
// Set once at install: qVersion() is not called from the handler.
const char *qtVersion = "";
std::atomic<bool> reporting { false };
static_assert(std::atomic<bool>::is_always_lock_free, "used from a signal handler");

void writeAll(const char *data, size_t size)
{
    while (size > 0) {
        const ssize_t written = ::write(STDERR_FILENO, data, size);
        if (written < 0 && errno == EINTR)
            continue;
        if (written <= 0)
            return;
        data += written;
        size -= size_t(written);
    }
}

// One line built on the stack: no allocation, no stdio.
class Line
{
public:
    Line &operator<<(const char *text)
    {
        for (; *text && m_used < sizeof(m_buffer); ++text)
            m_buffer[m_used++] = *text;
        return *this;
    }
    Line &number(std::uintmax_t value, unsigned base = 10)
    {
        char digits[24];
        int count = 0;
        do {
            digits[count++] = "0123456789abcdef"[value % base];
            value /= base;
        } while (value > 0 && count < int(sizeof(digits)));
        if (base == 16)
            *this << "0x";
        while (count > 0 && m_used < sizeof(m_buffer))
            m_buffer[m_used++] = digits[--count];
        return *this;
    }
    void write() const { writeAll(m_buffer, m_used); }

private:
    char m_buffer[512];
    size_t m_used = 0;
};

const char *describe(int signal)
{
    switch (signal) {
    case SIGSEGV:
        return "SIGSEGV (segmentation fault)";
    case SIGBUS:
        return "SIGBUS (bus error)";
    case SIGFPE:
        return "SIGFPE (arithmetic error)";
    case SIGILL:
        return "SIGILL (illegal instruction)";
    case SIGABRT:
        return "SIGABRT (aborted)";
    }
    return "a fatal signal";
}

void onFatalSignal(int signal, siginfo_t *info, void *)
{
    // A second thread that crashes meanwhile waits: the first one's report ends the process.
    if (reporting.exchange(true)) {
        for (;;)
            ::pause();
    }
    Line line;
    line << "\naisc-dashboard " AISC_VERSION " (Qt " << qtVersion << ") crashed: " << describe(signal);
    // si_code <= 0: sent with kill() or raised (abort() raises SIGABRT); else the CPU's own fault.
    if (info->si_code <= 0 && info->si_pid == ::getpid()) {
        line << (signal == SIGABRT ? ", raised by abort() (qFatal, a failed assertion)"
                                   : ", raised by itself");
    } else if (info->si_code <= 0) {
        line << ", sent by process ";
        line.number(std::uintmax_t(info->si_pid));
    } else if (signal != SIGABRT) {
        line << " at address ";
        line.number(std::uintptr_t(info->si_addr), 16);
    }
    line << "\nBacktrace (resolve an offset in the program with addr2line -Cfipe aisc-dashboard 0x...):\n";
    line.write();
    void *frames[maxFrames];
    ::backtrace_symbols_fd(frames, ::backtrace(frames, maxFrames), STDERR_FILENO);

    // SA_RESETHAND has restored the default action. The signal is blocked while this runs: raised
    // again, it is delivered on return and ends the process as it would have without the report.
    ::raise(signal);
}

} // namespace

void CrashReport::install()
{
    qtVersion = qVersion();
    // backtrace() loads libgcc on its first call, which allocates: done here, not in the handler.
    void *frame = nullptr;
    ::backtrace(&frame, 1);

#ifndef AISC_SANITIZED
    stack_t stack {};
    stack.ss_sp = alternateStack;
    stack.ss_size = sizeof(alternateStack);
    ::sigaltstack(&stack, nullptr);
#endif

    struct sigaction action
    {
    };
    action.sa_sigaction = onFatalSignal;
    action.sa_flags = SA_SIGINFO | SA_ONSTACK | SA_RESETHAND;
    sigemptyset(&action.sa_mask);
    for (const int signal : fatalSignals)
        ::sigaction(signal, &action, nullptr);
}
