// Resident memory of the whole dashboard with a time range of the simulated centre (3,000 GPUs by
// default) loaded on every page. Not a benchmark of speed: it prints what the process holds.
//   measure_memory [--range 30d] [--cache FILE]
#include "Dashboard.h"
#include "MainWindow.h"
#include "NodeTableModel.h"
#include "RefreshController.h"
#include "TimeSeriesModel.h"
#include "ViewRange.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTimer>

#include <cstdio>

namespace {
// A line of /proc/self/status, in MiB.
double statusMiB(const char *key)
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n'))
        if (line.startsWith(key))
            return line.mid(qsizetype(qstrlen(key))).trimmed().split(' ').front().toDouble() / 1024.0;
    return -1;
}
} // namespace

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCommandLineParser parser;
    const QCommandLineOption rangeOption(QStringLiteral("range"), QStringLiteral("Time range"),
        QStringLiteral("RANGE"), QStringLiteral("30d"));
    const QCommandLineOption cacheOption(
        QStringLiteral("cache"), QStringLiteral("Cache file"), QStringLiteral("FILE"));
    parser.addOption(rangeOption);
    parser.addOption(cacheOption);
    parser.process(app);

    QTemporaryDir dir;
    DashboardOptions options;
    options.demo = true;
    options.range = parser.value(rangeOption);
    options.cachePath = parser.isSet(cacheOption) ? parser.value(cacheOption)
                                                  : dir.filePath(QStringLiteral("memory.sqlite"));
    options.configPath = dir.filePath(QStringLiteral("memory.conf"));
    const double before = statusMiB("VmRSS:");
    QElapsedTimer clock;
    clock.start();
    Dashboard dashboard(options);
    dashboard.window()->resize(1920, 1080);
    dashboard.start();

    // Loaded: a round has succeeded and every page's models hold the range.
    int rounds = 0;
    QObject::connect(dashboard.controller(), &RefreshController::refreshSucceeded, &app, [&] {
        ++rounds;
        const TimeSeriesModel *nodes = dashboard.seriesModel(QStringLiteral("node_gpu_util"));
        if (rounds < 2 || !nodes || nodes->result().series.size() < 300
            || dashboard.nodeTableModel()->rowCount() < 300)
            return;
        qint64 samples = 0;
        for (const QString &id :
            { QStringLiteral("gpu_util_by_partition"), QStringLiteral("tensor_active_by_partition"),
                QStringLiteral("node_gpu_util"), QStringLiteral("queue_pending_by_partition"),
                QStringLiteral("queue_running_by_partition"), QStringLiteral("queue_wait_minutes"),
                QStringLiteral("gpus_by_state"), QStringLiteral("account_gpu_hours") })
            if (const TimeSeriesModel *model = dashboard.seriesModel(id))
                samples += qint64(model->result().series.size()) * model->result().pointCount();
        std::printf("range %s, loaded in %.1f s: %lld samples in the view models, %d nodes\n",
            qPrintable(options.range), clock.elapsed() / 1000.0, static_cast<long long>(samples),
            dashboard.nodeTableModel()->rowCount());
        std::printf("resident memory: %.0f MiB (peak %.0f MiB; %.0f MiB before the dashboard was built)\n",
            statusMiB("VmRSS:"), statusMiB("VmHWM:"), before);
        app.quit();
    });
    QTimer::singleShot(600000, &app, [&] {
        std::fputs("not loaded within 10 minutes\n", stderr);
        app.exit(1);
    });
    return app.exec();
}
