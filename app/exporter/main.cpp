// aisc-exporter: the simulated centre served with prometheus-cpp under the real exporters' names, or
// its history written for backfilling (see ExporterCommandLine for the options).

#include "CentreCollectable.h"
#include "CentreMetrics.h"
#include "ExporterCommandLine.h"
#include "HistoryWriter.h"
#include "Simulation.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QSaveFile>

#include <csignal>
#include <cstdio>
#include <exception>
#include <memory>
#include <prometheus/exposer.h>
#include <string>
#include <vector>

namespace {

void printLine(FILE *stream, const QString &text)
{
    std::fprintf(stream, "%s\n", qPrintable(text));
    std::fflush(stream);
}

int writeHistory(const ExporterOptions &options, const CentreMetrics &metrics)
{
    // Aligned to the step, so that runs with the same options write the same timestamps.
    const qint64 end = options.atMs.value_or(QDateTime::currentMSecsSinceEpoch());
    const qint64 alignedEnd
        = end - ((end % options.historyStepMs) + options.historyStepMs) % options.historyStepMs;
    QString error;
    if (!HistoryWriter(metrics, options.historyFormat)
             .write(alignedEnd - options.historyMs, alignedEnd, options.historyStepMs, options.historyOutput,
                 &error)) {
        printLine(stderr, QStringLiteral("aisc-exporter: error: %1").arg(error));
        return 1;
    }
    return 0;
}

int serve(const ExporterOptions &options, const CentreMetrics &metrics)
{
    // Blocked before the server starts its threads, so that they inherit the mask and only sigwait sees them.
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGINT);
    sigaddset(&signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);

    const QString address = QStringLiteral("%1:%2").arg(options.listenHost).arg(options.listenPort);
    // HTTP/1.1 clients reuse connections; civetweb without keep-alive neither says "Connection: close"
    // nor answers a second request on the connection, so VictoriaMetrics' scraper timed out every other
    // scrape. With keep-alive, each open connection holds one of the server's threads.
    const std::vector<std::string> serverOptions = { "listening_ports", address.toStdString(), "num_threads",
        "8", "enable_keep_alive", "yes", "keep_alive_timeout_ms", "30000" };
    std::unique_ptr<prometheus::Exposer> exposer;
    try {
        exposer = std::make_unique<prometheus::Exposer>(serverOptions);
    } catch (const std::exception &e) {
        printLine(stderr,
            QStringLiteral("aisc-exporter: error: cannot listen on %1: %2")
                .arg(address, QString::fromLocal8Bit(e.what())));
        return 1;
    }
    const std::vector<int> ports = exposer->GetListeningPorts();
    const int port = ports.empty() ? options.listenPort : ports.front();

    auto collectable = std::make_shared<CentreCollectable>(
        metrics, options.atMs.value_or(QDateTime::currentMSecsSinceEpoch()), options.speed);
    exposer->RegisterCollectable(collectable);

    if (!options.portFile.isEmpty()) {
        QSaveFile file(options.portFile);
        if (!file.open(QIODevice::WriteOnly) || file.write(QByteArray::number(port) + '\n') < 0
            || !file.commit()) {
            printLine(stderr,
                QStringLiteral("aisc-exporter: error: %1: %2").arg(options.portFile, file.errorString()));
            return 1;
        }
    }
    printLine(stdout,
        QStringLiteral("aisc-exporter: serving http://%1:%2/metrics (%3 nodes)")
            .arg(options.listenHost)
            .arg(port)
            .arg(metrics.nodeCount()));

    int received = 0;
    sigwait(&signals, &received);
    return 0;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("aisc-exporter"));
    QCoreApplication::setApplicationVersion(QStringLiteral(AISC_VERSION));

    ExporterCommandLine commandLine;
    switch (commandLine.parse(QCoreApplication::arguments())) {
    case ExporterCommandLine::Outcome::Help:
    case ExporterCommandLine::Outcome::Version:
        printLine(stdout, commandLine.text());
        return 0;
    case ExporterCommandLine::Outcome::Error:
        printLine(stderr, QStringLiteral("aisc-exporter: error: %1 (see --help)").arg(commandLine.text()));
        return 2;
    case ExporterCommandLine::Outcome::Run:
        break;
    }
    const ExporterOptions &options = commandLine.options();

    SimulationConfig config;
    config.seed = options.seed;
    config.targetGpus = options.gpus;
    Simulation simulation(config);
    const CentreMetrics metrics(simulation, CentreMetricsOptions { options.oldHostnameLabel });
    return options.historyMode() ? writeHistory(options, metrics) : serve(options, metrics);
}
