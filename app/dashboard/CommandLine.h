#pragma once

#include <QCoreApplication>
#include <QSize>
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
    bool present = false; // --present: start in presentation mode, full screen
    // --metrics-listen: serve the dashboard's own metrics on this IP address and port; empty host: not at
    // all.
    QString metricsHost;
    quint16 metricsPort = 0;
};

// What `aisc-dashboard export ...` was asked to write.
struct ExportOptions
{
    enum class Kind { Csv, Chart, Report };
    Kind kind = Kind::Csv;
    QString id; // the query id of --csv or --chart
    QString format; // png, svg or pdf for --chart
    QString output; // the file to write
    QSize size { 1600, 900 }; // --size of a chart, in pixels (PNG at twice this, for sharpness)
    QString pageSize = QStringLiteral("A4"); // A4 or Letter, for --report
    bool byteOrderMark = false; // --bom, for --csv
};

struct CommandLineResult
{
    enum class Status { Run, Export, Help, Version, Error };
    Status status = Status::Run;
    DashboardOptions options;
    ExportOptions exportOptions; // with Status::Export
    QString output; // help text, version line, or the error message naming the bad argument
};

class CommandLine
{
    Q_DECLARE_TR_FUNCTIONS(CommandLine)
public:
    // Parses the arguments (the program name first). Never exits the process: main() decides.
    // Errors name the argument and what was expected; main() exits with code 2 on them.
    // `aisc-dashboard export ...` (the first argument "export") is the headless export.
    static CommandLineResult parse(const QStringList &arguments);
    // The languages the UI ships in, as accepted by --lang.
    static QStringList supportedLanguages();
    // Reads the IP:PORT of --metrics-listen (IPv6 in brackets); on error says what was expected, naming the
    // text.
    static bool parseListenAddress(const QString &text, QString *host, quint16 *port, QString *error);
};
