#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>
#include <QUrl>

// What the dashboard was asked to do by its command line.
struct DashboardOptions
{
    bool demo = false; // run on the simulated centre (the default while no Prometheus is configured)
    QUrl prometheusUrl; // --prometheus: the server to read, overriding the config's
    QString configPath; // --config: empty for the platform's config folder
    QString cachePath; // empty: the platform's app-data location
    QString language; // "en" or "zh_HK"; empty: from the system locale
    QString range; // --range: "1h" ... "1y"; empty: the config's
};

struct CommandLineResult
{
    enum class Status { Run, Help, Version, Error };
    Status status = Status::Run;
    DashboardOptions options;
    QString output; // help text, version line, or the error message naming the bad argument
};

class CommandLine
{
    Q_DECLARE_TR_FUNCTIONS(CommandLine)
public:
    // Parses the arguments (the program name first). Never exits the process: main() decides.
    // Errors name the argument and what was expected; main() exits with code 2 on them.
    static CommandLineResult parse(const QStringList &arguments);
    // The languages the UI ships in, as accepted by --lang.
    static QStringList supportedLanguages();
};
