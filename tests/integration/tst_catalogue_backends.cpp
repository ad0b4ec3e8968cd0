// Every built-in query of the catalogue, run by PrometheusSource against the real backends of the
// backends fixture (backends.sh: Prometheus 2.42 under the path prefix /prometheus, VictoriaMetrics 1.79
// at its root and under /prometheus), must answer what the simulated centre itself says:
//   - over a range of the backfilled history (on the history's own grid),
//   - at a backfilled instant where nodes are down (down GPUs count as installed),
//   - at the newest scrape of the live exporter (its simulated instant is in a gauge).
// And the dashboard's own path (PrometheusSource, CacheService, RefreshController) must show from the
// cache exactly what it fetched.
//
// Where a query cannot match the simulation point for point, the test asserts the documented
// relationship instead:
//   - account_gpu_hours: topk(10) picks the top accounts at each point, the simulation the top 10 over
//     the whole range; so each point must hold the 10 largest accounts at that point, each with its
//     exact GPU-hours of the hour before (from Simulation::accountGpuSecondsAt). On backfilled data
//     (samples on the 10-minute grid) increase() over [1h] is exact: Prometheus 2.42's range is closed,
//     so a sample sits on the window's start and nothing is extrapolated; VictoriaMetrics takes the
//     sample before the window as its base. At a live scrape the window holds only the minutes the
//     exporter has run: VictoriaMetrics gives the plain increase over them, Prometheus extrapolates it
//     by half a scrape interval towards the window's start; both are computed here from the scrapes'
//     simulated instants.
//   - node_gpu_util and the per-node figures from dcgm (QueryCatalogue::nodeDetailIds()): a node down
//     over the whole range has only gaps in the simulation and no series at all on a backend; all-gap
//     series are left out on both sides. node_state comes from Slurm's per-node series, which list a
//     node that is down as down: its code must match at every point, state changes included.
//   - node_gpu_util: a node down over the whole range has only gaps in the simulation and no series at
//     all on a backend; all-gap series are left out on both sides.
//   - queue_wait_minutes: histogram_quantile() over increase(slurm_job_wait_seconds_bucket[1h]). On
//     backfilled data the increase is exact (as for account_gpu_hours) and the simulation's own answer
//     must match; at a live scrape the quantiles are computed here from the histogram's increase over the
//     scrapes in the window, each bucket as the backend extrapolates it, and buckets whose increases
//     fall from one to the next repaired as the backend repairs them. With no job started in a window
//     both sides have no value.

#include "BackendsSupport.h"
#include "CacheService.h"
#include "KpiModel.h"
#include "PrometheusSource.h"
#include "QueryCatalogue.h"
#include "RefreshController.h"
#include "Simulation.h"

#include <QDateTime>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>
#include <QTimer>
#include <QUrlQuery>

#include <algorithm>
#include <cmath>
#include <map>
#include <memory>
#include <set>

namespace {

constexpr int kDeadlineMs = 20000;
constexpr qint64 kHourMs = 3600 * 1000LL;
constexpr qint64 kDayMs = 24 * kHourMs;
constexpr int kTopAccounts = 10; // topk(10, ...) in resources/queries.json

// Floating sums and means: the server adds in another order than the simulation (and Prometheus'
// avg is an incremental mean), so equal means equal to about 12 significant digits.
bool near(double got, double want)
{
    if (std::isnan(got) || std::isnan(want))
        return std::isnan(got) && std::isnan(want);
    return std::abs(got - want) <= 1e-9 + 1e-9 * std::max(std::abs(got), std::abs(want));
}

QString iso(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::utc()).toString(Qt::ISODateWithMs);
}

// Series by name, without those that are gaps throughout.
std::map<QString, std::vector<double>> present(const QueryResult &result)
{
    std::map<QString, std::vector<double>> out;
    for (const Series &series : result.series)
        if (std::any_of(series.values.begin(), series.values.end(), [](double v) { return !std::isnan(v); }))
            out[series.name] = series.values;
    return out;
}

QStringList names(const std::map<QString, std::vector<double>> &series)
{
    QStringList out;
    for (const auto &[name, values] : series)
        out.append(name);
    return out;
}

// Empty when got matches want point for point; otherwise what differs (the first few points).
QString difference(const QueryResult &got, const QueryResult &want)
{
    if (got.startMs != want.startMs || got.stepMs != want.stepMs)
        return QStringLiteral("grid %1/%2 instead of %3/%4")
            .arg(got.startMs)
            .arg(got.stepMs)
            .arg(want.startMs)
            .arg(want.stepMs);
    const auto gotSeries = present(got);
    const auto wantSeries = present(want);
    if (names(gotSeries) != names(wantSeries))
        return QStringLiteral("series [%1] instead of [%2]")
            .arg(names(gotSeries).join(QLatin1Char(',')), names(wantSeries).join(QLatin1Char(',')));
    QStringList problems;
    for (const auto &[name, wantValues] : wantSeries) {
        const std::vector<double> &gotValues = gotSeries.at(name);
        if (gotValues.size() != wantValues.size()) {
            problems.append(QStringLiteral("%1: %2 points instead of %3")
                                .arg(name)
                                .arg(gotValues.size())
                                .arg(wantValues.size()));
            continue;
        }
        for (size_t i = 0; i < wantValues.size() && problems.size() < 5; ++i)
            if (!near(gotValues[i], wantValues[i]))
                problems.append(QStringLiteral("%1 at %2: %3 instead of %4")
                                    .arg(name, iso(want.timestampAt(int(i))))
                                    .arg(gotValues[i], 0, 'g', 17)
                                    .arg(wantValues[i], 0, 'g', 17));
    }
    return problems.join(QStringLiteral("; "));
}

// topk(k, x) at one point: the k largest accounts (any of those tied at the cut-off), each with its
// value. got: account to value at the point (only those the backend returned); want: every account.
QString topDifference(
    const std::map<QString, double> &got, const std::map<QString, double> &want, const QString &where)
{
    QStringList problems;
    const size_t count = std::min<size_t>(kTopAccounts, want.size());
    if (got.size() != count)
        problems.append(QStringLiteral("%1 accounts instead of %2").arg(got.size()).arg(count));
    double floor = qInf();
    for (const auto &[account, value] : got) {
        const auto it = want.find(account);
        if (it == want.end()) {
            problems.append(QStringLiteral("unknown account %1").arg(account));
            continue;
        }
        floor = std::min(floor, value);
        if (!near(value, it->second))
            problems.append(QStringLiteral("%1: %2 instead of %3")
                                .arg(account)
                                .arg(value, 0, 'g', 17)
                                .arg(it->second, 0, 'g', 17));
    }
    for (const auto &[account, value] : want)
        if (!got.count(account) && value > floor && !near(value, floor))
            problems.append(QStringLiteral("%1 (%2) missing from the top").arg(account).arg(value));
    return problems.isEmpty() ? QString()
                              : where + QStringLiteral(": ") + problems.join(QStringLiteral("; "));
}

} // namespace

class TestCatalogueBackends : public QObject
{
    Q_OBJECT

    std::map<QString, QString> m_env;
    std::unique_ptr<Simulation> m_simulation;
    QNetworkAccessManager m_network;
    std::map<QString, std::unique_ptr<PrometheusSource>> m_sources; // by base URL
    qint64 m_atMs = 0;
    qint64 m_historyStepMs = 0;
    quint64 m_nextRequestId = 1;

    PrometheusSource &source(const QString &base)
    {
        std::unique_ptr<PrometheusSource> &slot = m_sources[base];
        if (!slot) {
            PrometheusServer server;
            server.baseUrl = QUrl(base);
            slot = std::make_unique<PrometheusSource>(&m_network, server);
        }
        return *slot;
    }

    // Runs one request through the source; false with *error set when it failed or took too long.
    bool fetch(PrometheusSource &source, const QueryRequest &request, QueryResult *result, QString *error)
    {
        const quint64 id = m_nextRequestId++;
        bool done = false, ok = false;
        QEventLoop loop;
        connect(&source, &MetricSource::fetched, &loop, [&](quint64 requestId, const QueryResult &answer) {
            if (requestId != id)
                return;
            *result = answer;
            done = ok = true;
            loop.quit();
        });
        connect(&source, &MetricSource::failed, &loop,
            [&](quint64 requestId, const QueryRequest &, const SourceError &failure) {
                if (requestId != id)
                    return;
                *error = failure.message;
                done = true;
                loop.quit();
            });
        QTimer::singleShot(kDeadlineMs, &loop, &QEventLoop::quit);
        source.fetch(id, request);
        if (!done)
            loop.exec();
        if (!done) {
            source.cancel(id);
            *error = QStringLiteral("no answer in %1 ms").arg(kDeadlineMs);
        }
        return ok;
    }

    // GET base/api/v1/query; the "result" array of a successful answer (raw, for range selectors).
    QJsonArray rawQuery(const QString &base, const QString &promql, const QString &time, QString *error)
    {
        return instantQueryData(m_network, base, promql, time, kDeadlineMs, error)
            .value(QStringLiteral("result"))
            .toArray();
    }

    // The live exporter's scrapes the backend holds in the hour before `time` (now when empty), oldest
    // first: (timestamp as the backend stores it, in seconds; simulated instant in ms).
    std::vector<std::pair<double, qint64>> scrapes(const QString &base, const QString &time, QString *error)
    {
        std::vector<std::pair<double, qint64>> out;
        const QJsonArray series
            = rawQuery(base, QStringLiteral("aisc_exporter_simulated_time_seconds[1h]"), time, error);
        if (series.size() != 1) {
            if (error->isEmpty())
                *error = QStringLiteral("%1 series of the simulated time").arg(series.size());
            return out;
        }
        const QJsonArray samples = series.at(0).toObject().value(QStringLiteral("values")).toArray();
        for (const QJsonValueConstRef entry : samples) {
            const QJsonArray sample = entry.toArray();
            const double seconds = sample.at(1).toString().toDouble();
            // VictoriaMetrics marks failed scrapes with NaN.
            if (std::isfinite(seconds))
                out.emplace_back(sample.at(0).toDouble(), std::llround(seconds * 1000.0));
        }
        return out;
    }

    // GPU-hours per account in (fromMs, toMs] of simulated time, for every account.
    std::map<QString, double> accountHours(qint64 fromMs, qint64 toMs)
    {
        const QStringList accounts = m_simulation->accounts();
        const std::vector<double> from = m_simulation->accountGpuSecondsAt(fromMs);
        const std::vector<double> to = m_simulation->accountGpuSecondsAt(toMs);
        std::map<QString, double> out;
        for (qsizetype a = 0; a < accounts.size(); ++a)
            out[accounts.at(a)] = (to[size_t(a)] - from[size_t(a)]) / 3600.0;
        return out;
    }

    // account_gpu_hours on backfilled data: at each point, the top accounts of the hour before it.
    QString accountDifference(const QueryResult &got)
    {
        QStringList problems;
        const int points = std::max(1, got.stepMs > 0 ? got.pointCount() : 1);
        for (int i = 0; i < points && problems.size() < 5; ++i) {
            const qint64 t = got.timestampAt(i);
            std::map<QString, double> at;
            for (const Series &series : got.series)
                if (size_t(i) < series.values.size() && !std::isnan(series.values[size_t(i)]))
                    at[series.name] = series.values[size_t(i)];
            const QString problem = topDifference(at, accountHours(t - kHourMs, t), iso(t));
            if (!problem.isEmpty())
                problems.append(problem);
        }
        return problems.join(QStringLiteral(" | "));
    }

    // queue_wait_minutes at a live scrape: histogram_quantile() of the wait histogram's increase over the
    // scrapes in the window (the exporter has run for less than the hour), each bucket's increase computed
    // as the backend computes it (see the account_gpu_hours case in scrapedInstant); empty when it agrees.
    QString liveWaitDifference(const QString &backend, const QString &base, qint64 scrapeMs,
        qint64 simulatedMs, const QueryResult &got)
    {
        QString error;
        const std::vector<std::pair<double, qint64>> window
            = scrapes(base, PrometheusClient::seconds(scrapeMs), &error);
        if (!error.isEmpty())
            return error;
        if (window.size() < 2)
            return QStringLiteral("fewer than two scrapes in the window");
        const std::vector<JobWaitHistogram> first = m_simulation->jobWaitHistogramsAt(window.front().second);
        const std::vector<JobWaitHistogram> second = m_simulation->jobWaitHistogramsAt(window[1].second);
        const std::vector<JobWaitHistogram> last = m_simulation->jobWaitHistogramsAt(simulatedMs);
        const double scrapeSeconds = double(scrapeMs) / 1000.0;
        const double sampled = window.back().first - window.front().first;
        const double average = sampled / double(window.size() - 1);
        const double toStart = window.front().first - (scrapeSeconds - 3600.0);
        // The increase of one series (one partition's bucket) over the window.
        auto increase = [&](double a, double b, double z) {
            double delta = z - a;
            if (backend == QLatin1String("prometheus-prefix")) {
                double durationToStart = toStart;
                if (delta > 0 && a >= 0)
                    durationToStart = std::min(durationToStart, sampled * (a / delta));
                const double extended
                    = sampled + (durationToStart < 1.1 * average ? durationToStart : average / 2);
                return delta * extended / sampled;
            }
            if (std::abs(a) < 10 * (std::abs(b - a) + 1))
                delta = z;
            return delta;
        };
        const std::vector<double> &bounds = Simulation::jobWaitBucketBounds();
        std::vector<double> cumulative(bounds.size() + 1, 0.0);
        for (size_t p = 0; p < last.size(); ++p) {
            for (size_t b = 0; b < bounds.size(); ++b)
                cumulative[b] += increase(double(first[p].cumulativeCounts[b]),
                    double(second[p].cumulativeCounts[b]), double(last[p].cumulativeCounts[b]));
            cumulative.back()
                += increase(double(first[p].count), double(second[p].count), double(last[p].count));
        }
        // Those increases need not grow from bucket to bucket: VictoriaMetrics counts a new series' first
        // value whole only where it is small, so a partition's low buckets (a few jobs in its whole
        // history) count from zero while its +Inf bucket (thousands) does not; once a job starts in the
        // window, the low buckets hold more than +Inf. Each backend repairs such buckets before
        // interpolating, in opposite directions: Prometheus 2.42's bucketQuantile() raises a bucket to
        // the largest count below it (ensureMonotonic), VictoriaMetrics 1.79's histogram_quantile()
        // lowers it to the smallest count above it (fixBrokenBuckets, VictoriaMetrics issue #2819).
        if (backend == QLatin1String("prometheus-prefix")) {
            for (size_t b = 1; b < cumulative.size(); ++b)
                cumulative[b] = std::max(cumulative[b], cumulative[b - 1]);
        } else {
            for (size_t b = cumulative.size() - 1; b-- > 0;)
                cumulative[b] = std::min(cumulative[b], cumulative[b + 1]);
        }
        QueryResult want;
        want.queryId = got.queryId;
        want.startMs = scrapeMs;
        for (auto [name, q] : { std::pair { "p50", 0.5 }, std::pair { "p90", 0.9 } }) {
            const double minutes = Simulation::histogramQuantile(q, bounds, cumulative) / 60.0;
            want.series.push_back(Series {
                QLatin1String(name), { { QStringLiteral("quantile"), QLatin1String(name) } }, { minutes } });
        }
        return difference(got, want);
    }

    void addRows()
    {
        QTest::addColumn<QString>("backend");
        QTest::addColumn<QString>("base");
        QTest::addColumn<QString>("queryId");
        const QString vm = m_env[QStringLiteral("VICTORIAMETRICS_URL")];
        const std::vector<std::pair<const char *, QString>> backends = {
            { "prometheus-prefix", m_env[QStringLiteral("PROMETHEUS_URL")] },
            { "victoriametrics", vm },
            { "victoriametrics-prefix", vm + QStringLiteral("/prometheus") },
        };
        for (const auto &[backend, base] : backends)
            for (const QString &id : QueryCatalogue::builtInIds() + QueryCatalogue::nodeDetailIds())
                QTest::addRow("%s %s", backend, qPrintable(id)) << QString::fromLatin1(backend) << base << id;
    }

    // A backfilled instant at which GPUs are down that have not reported for over an hour (a query
    // that counts the GPUs seen in the last hour would miss them), the latest of the history; 0 when
    // the history has none.
    qint64 instantWithLongDownNodes()
    {
        for (qint64 ms = m_atMs; ms >= m_atMs - 7 * kDayMs + 2 * kHourMs; ms -= m_historyStepMs) {
            if (m_simulation->downGpusAt(ms) == 0)
                continue;
            std::set<int> down;
            for (const SimulatedGpuState &gpu : m_simulation->gpuStatesAt(ms))
                if (!gpu.up)
                    down.insert(gpu.node);
            for (qint64 t = ms - kHourMs; t < ms && !down.empty(); t += m_historyStepMs)
                for (const SimulatedGpuState &gpu : m_simulation->gpuStatesAt(t))
                    if (gpu.up)
                        down.erase(gpu.node);
            if (!down.empty())
                return ms;
        }
        return 0;
    }

private Q_SLOTS:
    // The Alerts page's data from a real Prometheus: the exporter is a healthy target, and the alert
    // list (no rules are loaded in the fixture) arrives empty rather than as an error.
    void alertsAndTargetsFromPrometheus()
    {
        PrometheusSource &prometheus = source(m_env[QStringLiteral("PROMETHEUS_URL")]);
        QSignalSpy targets(&prometheus, &MetricSource::targetsFetched);
        QSignalSpy alerts(&prometheus, &MetricSource::alertsFetched);
        QSignalSpy failed(&prometheus, &MetricSource::healthFailed);
        prometheus.fetchTargets(m_nextRequestId++);
        prometheus.fetchAlerts(m_nextRequestId++);
        QTRY_VERIFY_WITH_TIMEOUT(
            targets.size() + failed.size() >= 1 && alerts.size() + failed.size() >= 1, 20000);
        QVERIFY2(failed.isEmpty(), qPrintable(failed.value(0).value(1).value<SourceError>().message));
        const auto list = targets.at(0).at(1).value<std::vector<PrometheusTarget>>();
        QVERIFY(!list.empty());
        QVERIFY(std::any_of(list.begin(), list.end(),
            [](const PrometheusTarget &target) { return target.health == PrometheusTarget::Health::Up; }));
        QVERIFY(alerts.at(0).at(1).value<std::vector<PrometheusAlert>>().empty());
    }

    void initTestCase()
    {
        QString envError;
        QVERIFY2(readBackendsEnv(&m_env, &envError), qPrintable(envError));
        for (const char *key : { "PROMETHEUS_URL", "VICTORIAMETRICS_URL", "AISC_SEED", "AISC_GPUS", "AISC_AT",
                 "HISTORY_STEP_SECONDS" })
            QVERIFY2(m_env.count(QString::fromLatin1(key)), key);

        SimulationConfig config;
        config.seed = m_env[QStringLiteral("AISC_SEED")].toULongLong();
        config.targetGpus = m_env[QStringLiteral("AISC_GPUS")].toInt();
        m_simulation = std::make_unique<Simulation>(config);
        m_atMs = QDateTime::fromString(m_env[QStringLiteral("AISC_AT")], Qt::ISODate).toMSecsSinceEpoch();
        m_historyStepMs = m_env[QStringLiteral("HISTORY_STEP_SECONDS")].toLongLong() * 1000;
        QVERIFY(m_atMs > 0);
        QVERIFY(m_historyStepMs > 0);
        // The history's samples sit on multiples of its step counted from --at.
        QCOMPARE(m_atMs % m_historyStepMs, 0);
    }

    // Six hours of history ending three days before --at, on the history's own grid.
    void backfilledRange_data() { addRows(); }
    void backfilledRange()
    {
        QFETCH(QString, base);
        QFETCH(QString, queryId);
        const qint64 end = m_atMs - 3 * kDayMs;
        const QueryRequest request { queryId, end - 6 * kHourMs, end + m_historyStepMs, m_historyStepMs };
        QueryResult got;
        QString error;
        QVERIFY2(fetch(source(base), request, &got, &error), qPrintable(error));
        QVERIFY2(got.warnings.isEmpty(), qPrintable(got.warnings.join(QStringLiteral("; "))));
        QCOMPARE(got.pointCount(), request.pointCount());
        const QueryResult want = m_simulation->evaluate(request);
        QVERIFY2(!present(want).empty(), "the simulation gives nothing to compare");
        const QString problem
            = queryId == QLatin1String("account_gpu_hours") ? accountDifference(got) : difference(got, want);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        if (queryId == QLatin1String("account_gpu_hours")) {
            // The simulation's own top accounts must agree with the per-account figures they come from.
            for (const Series &series : want.series)
                for (int i = 0; i < want.pointCount(); ++i) {
                    const qint64 t = want.timestampAt(i);
                    QVERIFY(near(series.values[size_t(i)], accountHours(t - kHourMs, t).at(series.name)));
                }
        }
    }

    // A backfilled instant with nodes down for over an hour: they count as installed and as down, not as
    // idle, and have no dcgm series.
    void backfilledInstantWithDownNodes_data() { addRows(); }
    void backfilledInstantWithDownNodes()
    {
        QFETCH(QString, base);
        QFETCH(QString, queryId);
        const qint64 ms = instantWithLongDownNodes();
        QVERIFY2(ms != 0, "no backfilled instant with GPUs down for over an hour");
        QVERIFY(m_simulation->downGpusAt(ms) > 0);
        const QueryRequest request { queryId, ms, ms, 0 };
        QueryResult got;
        QString error;
        QVERIFY2(fetch(source(base), request, &got, &error), qPrintable(error));
        QVERIFY2(got.warnings.isEmpty(), qPrintable(got.warnings.join(QStringLiteral("; "))));
        const QueryResult want = m_simulation->evaluate(request);
        const QString problem
            = queryId == QLatin1String("account_gpu_hours") ? accountDifference(got) : difference(got, want);
        QVERIFY2(problem.isEmpty(),
            qPrintable(QStringLiteral("at %1 (%2 GPUs down): %3")
                           .arg(iso(ms))
                           .arg(m_simulation->downGpusAt(ms))
                           .arg(problem)));
    }

    // The newest scrape of the live exporter, at the simulated instant it showed.
    void scrapedInstant_data() { addRows(); }
    void scrapedInstant()
    {
        QFETCH(QString, backend);
        QFETCH(QString, base);
        QFETCH(QString, queryId);
        QString error;
        // Not the newest scrape but one at least 3 s older: VictoriaMetrics makes a scrape's samples
        // searchable in batches (about every second), so the newest scrape's simulated time can be
        // visible while some of its other series still answer from the scrape before. And increase()
        // needs two scrapes or more in its window; right after the fixture's start there may be one.
        std::vector<std::pair<double, qint64>> recent;
        QTRY_VERIFY2_WITH_TIMEOUT((recent = scrapes(base, {}, &error)).size() >= 4
                && recent.back().first - recent.front().first >= 6.0,
            qPrintable(QStringLiteral("too few scrapes in the last hour %1").arg(error)), 20000);
        const auto settled
            = std::find_if(recent.rbegin(), recent.rend(), [&](const std::pair<double, qint64> &scrape) {
                  return scrape.first <= recent.back().first - 3.0;
              });
        QVERIFY(settled != recent.rend());
        const double scrapeSeconds = settled->first;
        const qint64 simulatedMs = settled->second;
        // Exactly the timestamp the backend stores (whole milliseconds), so that the query sees this scrape.
        const qint64 scrapeMs = std::llround(scrapeSeconds * 1000.0);
        const QueryRequest request { queryId, scrapeMs, scrapeMs, 0 };
        QueryResult got;
        QVERIFY2(fetch(source(base), request, &got, &error), qPrintable(error));
        QVERIFY2(got.warnings.isEmpty(), qPrintable(got.warnings.join(QStringLiteral("; "))));
        const QString where
            = QStringLiteral("scrape at %1 (simulated %2)").arg(iso(scrapeMs), iso(simulatedMs));

        if (queryId == QLatin1String("queue_wait_minutes")) {
            const QString problem = liveWaitDifference(backend, base, scrapeMs, simulatedMs, got);
            QVERIFY2(problem.isEmpty(), qPrintable(where + QStringLiteral(": ") + problem));
            return;
        }
        if (queryId != QLatin1String("account_gpu_hours")) {
            QueryResult want = m_simulation->evaluate(QueryRequest { queryId, simulatedMs, simulatedMs, 0 });
            want.startMs = scrapeMs; // the same instant, on the backend's clock
            QVERIFY2(!present(want).empty(), "the simulation gives nothing to compare");
            const QString problem = difference(got, want);
            QVERIFY2(problem.isEmpty(), qPrintable(where + QStringLiteral(": ") + problem));
            return;
        }

        // increase(...[1h]) over the scrapes in the window (the exporter has run for less than an hour).
        const std::vector<std::pair<double, qint64>> window
            = scrapes(base, PrometheusClient::seconds(scrapeMs), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY2(window.size() >= 2, "fewer than two scrapes in the window");
        QCOMPARE(window.back().second, simulatedMs);
        const QStringList accounts = m_simulation->accounts();
        const std::vector<double> first = m_simulation->accountGpuSecondsAt(window.front().second);
        const std::vector<double> second = m_simulation->accountGpuSecondsAt(window[1].second);
        const std::vector<double> last = m_simulation->accountGpuSecondsAt(simulatedMs);
        const double sampled = window.back().first - window.front().first;
        const double average = sampled / double(window.size() - 1);
        const double toStart = window.front().first - (scrapeSeconds - 3600.0);
        QVERIFY2(toStart > 0, "the exporter has run for more than the window");
        std::map<QString, double> want;
        for (qsizetype a = 0; a < accounts.size(); ++a) {
            const size_t i = size_t(a);
            double delta = last[i] - first[i];
            if (backend == QLatin1String("prometheus-prefix")) {
                // Prometheus 2.42 extrapolatedRate(): towards the window's start by half an interval
                // (or to where the counter would have been zero, if nearer); the end is the scrape itself.
                double durationToStart = toStart;
                if (delta > 0 && first[i] >= 0)
                    durationToStart = std::min(durationToStart, sampled * (first[i] / delta));
                const double extended
                    = sampled + (durationToStart < 1.1 * average ? durationToStart : average / 2);
                delta *= extended / sampled;
            } else if (std::abs(first[i]) < 10 * (std::abs(second[i] - first[i]) + 1)) {
                // VictoriaMetrics takes a series that starts near zero as having started from zero.
                delta = last[i];
            }
            want[accounts.at(a)] = delta / 3600.0;
        }
        std::map<QString, double> at;
        for (const Series &series : got.series)
            if (!series.values.empty() && !std::isnan(series.values.front()))
                at[series.name] = series.values.front();
        const QString problem = topDifference(at, want, where);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }

    // The dashboard's path against Prometheus: PrometheusSource, CacheService (SQLite on its worker
    // thread) and RefreshController over the overview's queries; what the controller hands the models
    // from the cache must be what the source fetched.
    void dashboardPipeline()
    {
        const QString base = m_env[QStringLiteral("PROMETHEUS_URL")];
        // A one-hour window at 10 s, so that the live scrapes (the exporter has run for seconds or
        // minutes) fill points of it; the dashboard itself uses 24 h at 60 s over the same code.
        constexpr qint64 windowMs = kHourMs;
        constexpr qint64 stepMs = 10 * 1000;
        QString error;
        const std::vector<std::pair<double, qint64>> live = scrapes(base, {}, &error);
        QVERIFY2(!live.empty(), qPrintable(error));
        const qint64 firstScrapeMs = std::llround(live.front().first * 1000.0);
        const qint64 firstPoint = (firstScrapeMs / stepMs + 1) * stepMs;
        QTRY_VERIFY_WITH_TIMEOUT(QDateTime::currentMSecsSinceEpoch() > firstPoint + 1000, 2 * stepMs);

        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        PrometheusServer server;
        server.baseUrl = QUrl(base);
        PrometheusSource source(&m_network, server);
        CacheService cache;
        bool opened = false, openedOk = false;
        QString openError;
        connect(&cache, &CacheService::opened, this, [&](const QString &, bool ok, const QString &message) {
            opened = true;
            openedOk = ok;
            openError = message;
        });
        cache.open(dir.filePath(QStringLiteral("cache.sqlite")));
        QTRY_VERIFY_WITH_TIMEOUT(opened, kDeadlineMs);
        QVERIFY2(openedOk, qPrintable(openError));

        QStringList rangeQueries { QStringLiteral("gpu_util_by_partition"),
            QStringLiteral("queue_pending_by_partition") };
        std::set<QString> kpiQueries;
        for (const KpiDefinition &definition : KpiModel::overviewDefinitions())
            kpiQueries.insert(definition.queryId);
        for (const QString &id : kpiQueries)
            if (!rangeQueries.contains(id))
                rangeQueries.append(id);

        RefreshController controller(&source, &cache);
        controller.setRangeQueries(rangeQueries);
        controller.setInstantQueries(QStringList(kpiQueries.begin(), kpiQueries.end()));
        controller.setWindow(windowMs, stepMs);
        controller.setRefreshInterval(3600 * 1000); // one round: this test drives it

        std::map<QString, std::vector<QueryResult>> fetchedRanges;
        std::map<QString, QueryResult> fetchedInstants, fromCache, instants;
        connect(&source, &MetricSource::fetched, this, [&](quint64, const QueryResult &result) {
            if (result.stepMs > 0)
                fetchedRanges[result.queryId].push_back(result);
            else
                fetchedInstants[result.queryId] = result;
        });
        connect(&controller, &RefreshController::rangeResultReady, this,
            [&](const QueryResult &result) { fromCache[result.queryId] = result; });
        connect(&controller, &RefreshController::instantResultReady, this,
            [&](const QueryResult &result) { instants[result.queryId] = result; });
        bool succeeded = false;
        QString failure;
        connect(&controller, &RefreshController::refreshSucceeded, this, [&] { succeeded = true; });
        connect(&controller, &RefreshController::sourceFailed, this,
            [&](const QString &message, qint64) { failure = message; });
        connect(&controller, &RefreshController::cacheError, this,
            [&](const QString &message) { failure = message; });
        controller.start();
        QTRY_VERIFY_WITH_TIMEOUT(succeeded || !failure.isEmpty(), 3 * kDeadlineMs);
        controller.stop();
        QVERIFY2(failure.isEmpty(), qPrintable(failure));

        for (const QString &id : std::as_const(rangeQueries)) {
            QVERIFY2(fetchedRanges.count(id), qPrintable(id + QStringLiteral(": nothing fetched")));
            QString fetchedSummary;
            for (const QueryResult &piece : fetchedRanges.at(id)) {
                int finitePoints = 0;
                for (const Series &series : piece.series)
                    finitePoints += int(std::count_if(
                        series.values.begin(), series.values.end(), [](double v) { return !std::isnan(v); }));
                fetchedSummary += QStringLiteral(" [%1 series, %2 values from %3]")
                                      .arg(piece.series.size())
                                      .arg(finitePoints)
                                      .arg(iso(piece.startMs));
            }
            QVERIFY2(fromCache.count(id),
                qPrintable(id + QStringLiteral(": nothing from the cache; fetched") + fetchedSummary));
            const QueryResult &cached = fromCache.at(id);
            QCOMPARE(cached.stepMs, stepMs);
            // Fetched values by series and timestamp; the cache's view must hold each, and no others.
            std::map<QString, std::map<qint64, double>> fetched;
            int finite = 0;
            for (const QueryResult &piece : fetchedRanges.at(id))
                for (const Series &series : piece.series)
                    for (int i = 0; i < piece.pointCount(); ++i)
                        if (!std::isnan(series.values[size_t(i)])) {
                            fetched[series.name][piece.timestampAt(i)] = series.values[size_t(i)];
                            ++finite;
                        }
            QVERIFY2(finite > 0, qPrintable(id + QStringLiteral(": the live window holds no scrape")));
            int compared = 0;
            for (const Series &series : cached.series) {
                const auto it = fetched.find(series.name);
                for (int i = 0; i < cached.pointCount(); ++i) {
                    const double value = series.values[size_t(i)];
                    const qint64 t = cached.timestampAt(i);
                    const bool wasFetched = it != fetched.end() && it->second.count(t);
                    if (!wasFetched) {
                        QVERIFY2(std::isnan(value),
                            qPrintable(QStringLiteral("%1 %2 at %3: %4 in the cache, never fetched")
                                           .arg(id, series.name, iso(t))
                                           .arg(value)));
                        continue;
                    }
                    // The cache is lossless: the very same double.
                    QVERIFY2(value == it->second.at(t),
                        qPrintable(QStringLiteral("%1 %2 at %3: %4 in the cache, %5 fetched")
                                       .arg(id, series.name, iso(t))
                                       .arg(value, 0, 'g', 17)
                                       .arg(it->second.at(t), 0, 'g', 17)));
                    ++compared;
                }
            }
            // Every fetched point that is inside the cache's (latest) window was shown from the cache.
            int inWindow = 0;
            for (const auto &[name, points] : fetched)
                for (const auto &[t, value] : points)
                    if (t >= cached.startMs && t < cached.endMs())
                        ++inWindow;
            QCOMPARE(compared, inWindow);
        }
        for (const QString &id : kpiQueries) {
            QVERIFY2(instants.count(id), qPrintable(id + QStringLiteral(": no instant value")));
            QVERIFY2(
                !instants.at(id).series.empty(), qPrintable(id + QStringLiteral(": empty instant value")));
            QCOMPARE(instants.at(id).series, fetchedInstants.at(id).series);
        }
    }
};

QTEST_GUILESS_MAIN(TestCatalogueBackends)
#include "tst_catalogue_backends.moc"
