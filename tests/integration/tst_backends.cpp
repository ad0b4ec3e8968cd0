// Prometheus 2.42 and VictoriaMetrics 1.79, started by the backends fixture (backends.sh), hold the
// simulated centre's backfilled history and scrape aisc-exporter: both must answer what the simulation
// itself says at the same instant, for a backfilled time and for a scrape.

#include "BackendsSupport.h"
#include "Simulation.h"

#include <QDateTime>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTest>
#include <QTimeZone>
#include <QTimer>
#include <QUrlQuery>

#include <cmath>
#include <map>
#include <memory>

namespace {

constexpr int kRequestDeadlineMs = 10000;

// What an instant query returned: value per series, keyed by the series' labels (without __name__).
using Vector = std::map<QString, double>;

QString labelKey(const QJsonObject &metric)
{
    QStringList parts;
    for (auto it = metric.begin(); it != metric.end(); ++it)
        if (it.key() != QLatin1String("__name__"))
            parts.append(it.key() + QLatin1Char('=') + it.value().toString());
    parts.sort();
    return parts.join(QLatin1Char(','));
}

} // namespace

class TestBackends : public QObject
{
    Q_OBJECT

    std::map<QString, QString> m_env;
    std::unique_ptr<Simulation> m_simulation;
    QNetworkAccessManager m_network;
    qint64 m_atMs = 0;

    // GETs base + /api/v1/query with the given parameters; the "data" object of a successful answer.
    QJsonObject query(const QString &base, const QString &promql, const QString &time, QString *error)
    {
        return instantQueryData(m_network, base, promql, time, kRequestDeadlineMs, error);
    }

    Vector instantVector(const QString &base, const QString &promql, const QString &time)
    {
        QString error;
        const QJsonObject data = query(base, promql, time, &error);
        if (!error.isEmpty())
            qWarning("%s", qPrintable(error));
        Vector result;
        const QJsonArray series = data.value(QStringLiteral("result")).toArray();
        for (const QJsonValueConstRef entry : series) {
            const QJsonObject object = entry.toObject();
            const QJsonArray value = object.value(QStringLiteral("value")).toArray();
            result[labelKey(object.value(QStringLiteral("metric")).toObject())]
                = value.at(1).toString().toDouble();
        }
        return result;
    }

    // What the simulation says the query should return at ms.
    Vector expected(const QString &promql, qint64 ms)
    {
        Vector result;
        if (promql == QLatin1String("sum(slurm_gpus_total)")) {
            result[QString()] = m_simulation->installedGpusAt(ms);
        } else if (promql == QLatin1String("count(DCGM_FI_DEV_GPU_UTIL)")) {
            int up = 0;
            for (const SimulatedGpuState &gpu : m_simulation->gpuStatesAt(ms))
                up += gpu.up ? 1 : 0;
            if (up > 0)
                result[QString()] = up;
        } else if (promql == QLatin1String("sum(slurm_gpus_alloc)")) {
            result[QString()] = m_simulation->allocatedGpusAt(ms);
        } else if (promql == QLatin1String("sum by (partition) (slurm_partition_jobs_pending)")) {
            const QueryResult pending = m_simulation->evaluate(
                QueryRequest { QStringLiteral("queue_pending_by_partition"), ms, ms, 0 });
            for (const Series &series : pending.series)
                result[QStringLiteral("partition=") + series.name] = series.values.front();
        }
        return result;
    }

    static QString describe(const Vector &vector)
    {
        QStringList parts;
        for (const auto &[key, value] : vector)
            parts.append(QStringLiteral("{%1} %2").arg(key).arg(value));
        return parts.join(QStringLiteral("; "));
    }

    // A scrape at least 3 s older than the newest one (not the newest: VictoriaMetrics makes a scrape's
    // samples searchable in batches, about every second, so the newest scrape's simulated time can be
    // visible while its other series still answer from the scrape before). Its timestamp exactly as the
    // backend stores it, so that a query at it sees this scrape, and the simulated instant it shows.
    bool settledScrape(const QString &base, QString *scrapeTime, qint64 *simulatedMs)
    {
        QString error;
        const QJsonObject data
            = query(base, QStringLiteral("aisc_exporter_simulated_time_seconds[30s]"), {}, &error);
        const QJsonArray series = data.value(QStringLiteral("result")).toArray();
        if (!error.isEmpty() || series.size() != 1)
            return false;
        const QJsonArray samples = series.at(0).toObject().value(QStringLiteral("values")).toArray();
        double newest = -1;
        for (qsizetype i = samples.size() - 1; i >= 0; --i) {
            const QJsonArray sample = samples.at(i).toArray();
            const double seconds = sample.at(1).toString().toDouble();
            // VictoriaMetrics marks failed scrapes with NaN.
            if (!std::isfinite(seconds))
                continue;
            const double timestamp = sample.at(0).toDouble();
            if (newest < 0)
                newest = timestamp;
            if (timestamp <= newest - 3.0) {
                *scrapeTime = QString::number(timestamp, 'f', 3);
                *simulatedMs = std::llround(seconds * 1000.0);
                return true;
            }
        }
        return false;
    }

    void addRows()
    {
        QTest::addColumn<QString>("backend");
        QTest::addColumn<QString>("promql");
        const QStringList queries = { QStringLiteral("sum(slurm_gpus_total)"),
            QStringLiteral("count(DCGM_FI_DEV_GPU_UTIL)"), QStringLiteral("sum(slurm_gpus_alloc)"),
            QStringLiteral("sum by (partition) (slurm_partition_jobs_pending)") };
        for (const char *backend : { "PROMETHEUS_URL", "VICTORIAMETRICS_URL" })
            for (const QString &promql : queries)
                QTest::addRow("%s %s", backend, qPrintable(promql)) << QString::fromLatin1(backend) << promql;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString envError;
        QVERIFY2(readBackendsEnv(&m_env, &envError), qPrintable(envError));
        for (const char *key :
            { "PROMETHEUS_URL", "VICTORIAMETRICS_URL", "AISC_SEED", "AISC_GPUS", "AISC_AT" })
            QVERIFY2(m_env.count(QString::fromLatin1(key)), key);

        SimulationConfig config;
        config.seed = m_env[QStringLiteral("AISC_SEED")].toULongLong();
        config.targetGpus = m_env[QStringLiteral("AISC_GPUS")].toInt();
        m_simulation = std::make_unique<Simulation>(config);
        m_atMs = QDateTime::fromString(m_env[QStringLiteral("AISC_AT")], Qt::ISODate).toMSecsSinceEpoch();
        QVERIFY(m_atMs > 0);
    }

    // Three days before the exporter's start: a point of the backfilled history.
    void backfilledHistory_data() { addRows(); }
    void backfilledHistory()
    {
        QFETCH(QString, backend);
        QFETCH(QString, promql);
        const qint64 ms = m_atMs - 3LL * 24 * 3600 * 1000;
        const Vector want = expected(promql, ms);
        const Vector got = instantVector(m_env[backend], promql, QString::number(ms / 1000));
        QVERIFY2(!want.empty(), "the simulation gives nothing to compare");
        QVERIFY2(
            got == want, qPrintable(QStringLiteral("got %1, want %2").arg(describe(got), describe(want))));
    }

    // A scrape: its timestamp is wall-clock time, the instant it shows is in the simulated-time gauge.
    void scrapedSample_data() { addRows(); }
    void scrapedSample()
    {
        QFETCH(QString, backend);
        QFETCH(QString, promql);
        QString scrapeTime;
        qint64 simulatedMs = 0;
        QTRY_VERIFY2_WITH_TIMEOUT(settledScrape(m_env[backend], &scrapeTime, &simulatedMs),
            "no scrape 3 s older than the newest in the last 30 s", 20000);
        const Vector want = expected(promql, simulatedMs);
        const Vector got = instantVector(m_env[backend], promql, scrapeTime);
        QVERIFY2(got == want,
            qPrintable(QStringLiteral("at scrape %1 (simulated %2): got %3, want %4")
                           .arg(scrapeTime,
                               QDateTime::fromMSecsSinceEpoch(simulatedMs, QTimeZone::utc())
                                   .toString(Qt::ISODateWithMs),
                               describe(got), describe(want))));
    }
};

QTEST_GUILESS_MAIN(TestBackends)
#include "tst_backends.moc"
