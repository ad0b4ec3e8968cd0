#pragma once

// What the dashboard prints when it crashes. On SIGSEGV, SIGBUS, SIGFPE, SIGILL and SIGABRT (which
// qFatal() and failed assertions raise) it writes a short report to stderr: the signal and where it came
// from, the version, and a backtrace. Then the signal takes its default action, so that the exit status
// and any core dump are what they would have been without the report.
//
// The report is written from the signal handler with async-signal-safe calls only, and from nothing
// but constants, the signal's own information and the stack's return addresses: nothing from the
// config, the server or the network, so no URL, header or secret can be in it. In a build with
// AddressSanitizer, SIGSEGV, SIGBUS and SIGFPE are left to its own report.
class CrashReport
{
public:
    // Installs the handlers (and an alternate stack for the calling thread, so that a stack overflow
    // is reported too). Call once, early in main().
    static void install();
};
