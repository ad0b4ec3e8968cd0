#pragma once

#include "HistoryWriter.h"

#include <QString>
#include <QStringList>

#include <optional>

// What aisc-exporter was asked to do.
struct ExporterOptions
{
    QString listenHost = QStringLiteral("127.0.0.1");
    quint16 listenPort = 9400; // 0: any free port (see portFile)
    QString portFile; // when set, the port actually bound is written here once serving
    quint64 seed = 1;
    std::optional<qint64> atMs; // simulated instant at start; wall clock when absent
    double speed = 1; // simulated seconds per wall-clock second
    int gpus = 0; // 0: the roadmap's own size
    bool oldHostnameLabel = false;

    // History mode: write [end - historyMs, end] to historyOutput and exit, instead of serving.
    qint64 historyMs = 0;
    qint64 historyStepMs = 60LL * 1000;
    QString historyOutput;
    HistoryWriter::Format historyFormat = HistoryWriter::Format::OpenMetrics;

    bool historyMode() const { return historyMs > 0; }
};

// Parses aisc-exporter's arguments. A bad argument gets a message naming the option and what it expects.
class ExporterCommandLine
{
public:
    enum class Outcome { Run, Help, Version, Error };

    Outcome parse(const QStringList &arguments);

    const ExporterOptions &options() const { return m_options; }
    // The message for Error, the text to print for Help and Version.
    QString text() const { return m_text; }

    // "90s", "5m", "2h", "7d", "1w", "250ms" to milliseconds; nullopt when malformed or not positive.
    static std::optional<qint64> parseDuration(const QString &text);

private:
    ExporterOptions m_options;
    QString m_text;
};
