#include "DemoSource.h"

#include <QDateTime>
#include <QPointer>
#include <QSignalSpy>
#include <QTest>
#include <QThread>
#include <QThreadPool>

#include <cmath>

namespace {

constexpr qint64 kMinute = 60 * 1000;
constexpr qint64 kHour = 60 * kMinute;

qint64 utcMs(const char *iso)
{
    return QDateTime::fromString(QLatin1String(iso), Qt::ISODate).toMSecsSinceEpoch();
}

SimulationConfig seeded(quint64 seed)
{
    SimulationConfig config;
    config.seed = seed;
    return config;
}

bool sameValues(const QueryResult &a, const QueryResult &b)
{
    if (a.queryId != b.queryId || a.startMs != b.startMs || a.stepMs != b.stepMs
        || a.series.size() != b.series.size())
        return false;
    for (size_t s = 0; s < a.series.size(); ++s) {
        const Series &x = a.series[s];
        const Series &y = b.series[s];
        if (x.name != y.name || x.labels != y.labels || x.values.size() != y.values.size())
            return false;
        for (size_t i = 0; i < x.values.size(); ++i)
            if (!(x.values[i] == y.values[i] || (std::isnan(x.values[i]) && std::isnan(y.values[i]))))
                return false;
    }
    return true;
}

} // namespace

class TestDemoSource : public QObject
{
    Q_OBJECT

private:
    const qint64 m_now = utcMs("2025-01-15T08:00:00Z");
    QueryRequest request(const char *id) const
    {
        return QueryRequest { QLatin1String(id), m_now - 6 * kHour, m_now, kMinute };
    }

private Q_SLOTS:
    void describesItself()
    {
        DemoSource source(seeded(1), [this] { return m_now; });
        QVERIFY(source.isSimulated());
        QVERIFY(!source.displayName().isEmpty());
        QCOMPARE(source.nowMs(), m_now);

        // Without a clock, "now" is the wall clock.
        DemoSource live;
        const qint64 before = QDateTime::currentMSecsSinceEpoch();
        const qint64 now = live.nowMs();
        QVERIFY(now >= before && now <= QDateTime::currentMSecsSinceEpoch());
    }

    void fetchAnswersLikeTheSimulation_data()
    {
        QTest::addColumn<QString>("id");
        QTest::newRow("gpu_util_by_partition") << QStringLiteral("gpu_util_by_partition");
        QTest::newRow("queue_pending_by_partition") << QStringLiteral("queue_pending_by_partition");
        QTest::newRow("account_gpu_hours") << QStringLiteral("account_gpu_hours");
        // The node table's figures are not among builtInIds() but are answered all the same.
        QTest::newRow("node_state") << QStringLiteral("node_state");
        QTest::newRow("node_power_kw") << QStringLiteral("node_power_kw");
    }

    void fetchAnswersLikeTheSimulation()
    {
        QFETCH(QString, id);
        DemoSource source(seeded(5), [this] { return m_now; });
        QSignalSpy fetched(&source, &MetricSource::fetched);
        QSignalSpy failed(&source, &MetricSource::failed);
        QThread *answeredOn = nullptr;
        connect(
            &source, &MetricSource::fetched, this, [&] { answeredOn = QThread::currentThread(); },
            Qt::DirectConnection);

        const QueryRequest req { id, m_now - 6 * kHour, m_now, kMinute };
        source.fetch(42, req);
        QCOMPARE(fetched.count(), 0); // asynchronous
        QVERIFY(fetched.wait(10000));
        QCOMPARE(fetched.count(), 1);
        QCOMPARE(failed.count(), 0);
        QCOMPARE(fetched.at(0).at(0).value<quint64>(), quint64(42));
        QCOMPARE(answeredOn, QThread::currentThread());

        const QueryResult result = fetched.at(0).at(1).value<QueryResult>();
        Simulation reference(seeded(5));
        QVERIFY(!result.series.empty());
        QVERIFY(sameValues(result, reference.evaluate(req)));
    }

    void cancelSuppressesTheAnswer()
    {
        DemoSource source(seeded(1), [this] { return m_now; });
        QSignalSpy fetched(&source, &MetricSource::fetched);
        QSignalSpy failed(&source, &MetricSource::failed);
        source.fetch(1, request("node_gpu_util"));
        source.fetch(2, request("power_mw"));
        source.fetch(3, QueryRequest { QStringLiteral("no_such_query"), m_now, m_now, 0 });
        source.cancel(1);
        source.cancel(3);
        source.cancel(99); // never fetched: ignored
        QVERIFY(fetched.wait(10000));
        QThreadPool::globalInstance()->waitForDone();
        QTest::qWait(50); // let any answer still queued arrive
        QCOMPARE(fetched.count(), 1);
        QCOMPARE(fetched.at(0).at(0).value<quint64>(), quint64(2));
        QCOMPARE(failed.count(), 0);
    }

    void unknownIdFails()
    {
        DemoSource source(seeded(1), [this] { return m_now; });
        QSignalSpy fetched(&source, &MetricSource::fetched);
        QSignalSpy failed(&source, &MetricSource::failed);
        const QueryRequest req { QStringLiteral("made_up_query"), m_now - kHour, m_now, kMinute };
        source.fetch(7, req);
        QCOMPARE(failed.count(), 0); // asynchronous
        QVERIFY(failed.wait(5000));
        QCOMPARE(failed.count(), 1);
        QCOMPARE(fetched.count(), 0);
        QCOMPARE(failed.at(0).at(0).value<quint64>(), quint64(7));
        QCOMPARE(failed.at(0).at(1).value<QueryRequest>(), req);
        const SourceError error = failed.at(0).at(2).value<SourceError>();
        QCOMPARE(error.kind, SourceError::Kind::Unsupported);
        QVERIFY2(error.message.contains(QLatin1String("made_up_query")), qPrintable(error.message));
    }

    void destroyingWhileFetchingIsSafe()
    {
        auto *source = new DemoSource(seeded(1), [this] { return m_now; });
        QPointer<DemoSource> guard(source);
        int answers = 0;
        connect(source, &MetricSource::fetched, this, [&] { ++answers; });
        // Far enough ahead that the worker is still simulating when the source goes.
        source->fetch(1,
            QueryRequest { QStringLiteral("gpus_by_state"), utcMs("2025-06-01T00:00:00Z"),
                utcMs("2025-06-02T00:00:00Z"), kMinute });
        delete source;
        QVERIFY(guard.isNull());
        QThreadPool::globalInstance()->waitForDone();
        QTest::qWait(50);
        QCOMPARE(answers, 0);
    }
};

QTEST_GUILESS_MAIN(TestDemoSource)
#include "tst_demosource.moc"
