#include "ExporterCommandLine.h"

#include <QCommandLineParser>
#include <QDateTime>
#include <QRegularExpression>
#include <QTimeZone>

#include <cmath>

std::optional<qint64> ExporterCommandLine::parseDuration(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral("^(\\d{1,9})(ms|s|m|h|d|w)$"));
    const QRegularExpressionMatch match = pattern.match(text.trimmed());
    if (!match.hasMatch())
        return std::nullopt;
    const qint64 count = match.captured(1).toLongLong();
    const QString unit = match.captured(2);
    qint64 unitMs = 1;
    if (unit == QLatin1String("s"))
        unitMs = 1000;
    else if (unit == QLatin1String("m"))
        unitMs = 60LL * 1000;
    else if (unit == QLatin1String("h"))
        unitMs = 3600LL * 1000;
    else if (unit == QLatin1String("d"))
        unitMs = 24LL * 3600 * 1000;
    else if (unit == QLatin1String("w"))
        unitMs = 7LL * 24 * 3600 * 1000;
    if (count <= 0)
        return std::nullopt;
    return count * unitMs;
}

ExporterCommandLine::Outcome ExporterCommandLine::parse(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Serves the simulated AISC centre under the metric names of dcgm-exporter and the Slurm exporter,\n"
        "or writes its history for backfilling Prometheus or VictoriaMetrics."));
    const QCommandLineOption helpOption = parser.addHelpOption();
    const QCommandLineOption versionOption = parser.addVersionOption();
    const QCommandLineOption listen(QStringLiteral("listen"),
        QStringLiteral("Address to serve /metrics on (port 0: any free port)."), QStringLiteral("host:port"),
        QStringLiteral("127.0.0.1:9400"));
    const QCommandLineOption portFile(QStringLiteral("port-file"),
        QStringLiteral("Write the port actually bound to this file once serving."), QStringLiteral("file"));
    const QCommandLineOption seed(QStringLiteral("seed"), QStringLiteral("Seed of the simulated centre."),
        QStringLiteral("n"), QStringLiteral("1"));
    const QCommandLineOption at(QStringLiteral("at"),
        QStringLiteral("Simulated instant at start (ISO-8601, UTC unless an offset is given); default: now."),
        QStringLiteral("time"));
    const QCommandLineOption speed(QStringLiteral("speed"),
        QStringLiteral("Simulated seconds per wall-clock second."), QStringLiteral("x"), QStringLiteral("1"));
    const QCommandLineOption gpus(QStringLiteral("gpus"),
        QStringLiteral(
            "Size of the centre: the roadmap is scaled so that its last milestone has about n GPUs."),
        QStringLiteral("n"));
    const QCommandLineOption oldHostname(QStringLiteral("old-hostname-label"),
        QStringLiteral("Name the host label 'Hostname', as older dcgm-exporter releases do."));
    const QCommandLineOption history(QStringLiteral("history"),
        QStringLiteral("Write this much history (e.g. 7d) to --output, ending at --at or now, and exit."),
        QStringLiteral("duration"));
    const QCommandLineOption historyStep(QStringLiteral("history-step"),
        QStringLiteral("Time between history samples."), QStringLiteral("duration"), QStringLiteral("60s"));
    const QCommandLineOption historyFormat(QStringLiteral("history-format"),
        QStringLiteral(
            "openmetrics (for promtool tsdb create-blocks-from openmetrics) or prometheus "
            "(text format, millisecond timestamps, for VictoriaMetrics' /api/v1/import/prometheus)."),
        QStringLiteral("format"), QStringLiteral("openmetrics"));
    const QCommandLineOption output(
        QStringLiteral("output"), QStringLiteral("File the history is written to."), QStringLiteral("file"));
    parser.addOptions({ listen, portFile, seed, at, speed, gpus, oldHostname, history, historyStep,
        historyFormat, output });

    auto error = [this](const QString &message) {
        m_text = message;
        return Outcome::Error;
    };
    if (!parser.parse(arguments))
        return error(parser.errorText());
    if (parser.isSet(helpOption)) {
        m_text = parser.helpText();
        return Outcome::Help;
    }
    if (parser.isSet(versionOption)) {
        m_text = QStringLiteral("aisc-exporter %1").arg(QLatin1String(AISC_VERSION));
        return Outcome::Version;
    }
    if (!parser.positionalArguments().isEmpty())
        return error(
            QStringLiteral("unexpected argument '%1'").arg(parser.positionalArguments().constFirst()));

    ExporterOptions o;
    {
        const QString value = parser.value(listen);
        const qsizetype colon = value.lastIndexOf(QLatin1Char(':'));
        bool ok = false;
        const uint port = colon > 0 ? value.mid(colon + 1).toUInt(&ok) : 0;
        if (colon <= 0 || !ok || port > 65535)
            return error(
                QStringLiteral("--listen: expected host:port (e.g. 127.0.0.1:9400), got '%1'").arg(value));
        o.listenHost = value.left(colon);
        o.listenPort = quint16(port);
    }
    o.portFile = parser.value(portFile);
    {
        bool ok = false;
        o.seed = parser.value(seed).toULongLong(&ok);
        if (!ok)
            return error(
                QStringLiteral("--seed: expected a non-negative integer, got '%1'").arg(parser.value(seed)));
    }
    if (parser.isSet(at)) {
        QDateTime time = QDateTime::fromString(parser.value(at), Qt::ISODateWithMs);
        if (!time.isValid())
            return error(
                QStringLiteral("--at: expected an ISO-8601 time such as 2026-03-02T00:00:00Z, got '%1'")
                    .arg(parser.value(at)));
        if (time.timeSpec() == Qt::LocalTime)
            time.setTimeZone(QTimeZone::utc());
        o.atMs = time.toMSecsSinceEpoch();
    }
    {
        bool ok = false;
        o.speed = parser.value(speed).toDouble(&ok);
        if (!ok || !std::isfinite(o.speed) || o.speed <= 0)
            return error(
                QStringLiteral("--speed: expected a positive number, got '%1'").arg(parser.value(speed)));
    }
    if (parser.isSet(gpus)) {
        bool ok = false;
        o.gpus = parser.value(gpus).toInt(&ok);
        if (!ok || o.gpus < 1 || o.gpus > 1'000'000)
            return error(QStringLiteral("--gpus: expected a number of GPUs from 1 to 1000000, got '%1'")
                             .arg(parser.value(gpus)));
    }
    o.oldHostnameLabel = parser.isSet(oldHostname);

    if (parser.isSet(history)) {
        const std::optional<qint64> ms = parseDuration(parser.value(history));
        if (!ms)
            return error(QStringLiteral("--history: expected a duration such as 7d or 12h, got '%1'")
                             .arg(parser.value(history)));
        o.historyMs = *ms;
        if (!parser.isSet(output))
            return error(QStringLiteral("--history needs --output FILE"));
    } else if (parser.isSet(output) || parser.isSet(historyStep) || parser.isSet(historyFormat)) {
        return error(QStringLiteral("--output, --history-step and --history-format go with --history"));
    }
    {
        const std::optional<qint64> ms = parseDuration(parser.value(historyStep));
        if (!ms)
            return error(QStringLiteral("--history-step: expected a duration such as 60s or 5m, got '%1'")
                             .arg(parser.value(historyStep)));
        o.historyStepMs = *ms;
        if (o.historyMode() && o.historyStepMs > o.historyMs)
            return error(QStringLiteral("--history-step: longer than --history"));
    }
    {
        const QString format = parser.value(historyFormat);
        if (format == QLatin1String("openmetrics"))
            o.historyFormat = HistoryWriter::Format::OpenMetrics;
        else if (format == QLatin1String("prometheus"))
            o.historyFormat = HistoryWriter::Format::PrometheusText;
        else
            return error(
                QStringLiteral("--history-format: expected openmetrics or prometheus, got '%1'").arg(format));
    }
    o.historyOutput = parser.value(output);
    m_options = o;
    return Outcome::Run;
}
