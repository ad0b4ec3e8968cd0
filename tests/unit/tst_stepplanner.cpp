#include "StepPlanner.h"

#include <QTest>

namespace {
constexpr qint64 kSecond = 1000;
constexpr qint64 kMinute = 60 * kSecond;
constexpr qint64 kHour = 60 * kMinute;
constexpr qint64 kDay = 24 * kHour;
} // namespace

class TestStepPlanner : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void roundUp_data()
    {
        QTest::addColumn<qint64>("ms");
        QTest::addColumn<qint64>("expected");
        QTest::newRow("zero") << qint64(0) << kSecond;
        QTest::newRow("1 ms") << qint64(1) << kSecond;
        QTest::newRow("exactly 15s") << 15 * kSecond << 15 * kSecond;
        QTest::newRow("16s") << 16 * kSecond << 30 * kSecond;
        QTest::newRow("61s") << 61 * kSecond << 2 * kMinute;
        QTest::newRow("7m") << 7 * kMinute << 10 * kMinute;
        QTest::newRow("3h") << 3 * kHour << 6 * kHour;
        QTest::newRow("13h") << 13 * kHour << kDay;
        QTest::newRow("beyond a day") << kDay + 1 << 2 * kDay;
    }
    void roundUp()
    {
        QFETCH(qint64, ms);
        QFETCH(qint64, expected);
        QCOMPARE(StepPlanner::roundUpToNiceStep(ms), expected);
    }

    void chooseStep_data()
    {
        QTest::addColumn<qint64>("range");
        QTest::addColumn<int>("width");
        QTest::addColumn<qint64>("scrape");
        QTest::addColumn<qint64>("expected");
        QTest::newRow("24h on 1440 px, 15s scrape") << kDay << 1440 << 15 * kSecond << kMinute;
        QTest::newRow("1h on 1920 px: scrape interval wins") << kHour << 1920 << 15 * kSecond << 15 * kSecond;
        QTest::newRow("7d on 1000 px") << 7 * kDay << 1000 << 15 * kSecond << 15 * kMinute;
        QTest::newRow("30d on 20000 px: capped at 11000 points")
            << 30 * kDay << 20000 << qint64(0) << 5 * kMinute;
        QTest::newRow("zero width counts as one pixel") << kHour << 0 << qint64(0) << kHour;
        QTest::newRow("no scrape interval") << 10 * kMinute << 600 << qint64(0) << kSecond;
        QTest::newRow("odd scrape interval rounds up") << kHour << 100000 << 20 * kSecond << 30 * kSecond;
        QTest::newRow("a year on 800 px") << 365 * kDay << 800 << 15 * kSecond << 12 * kHour;
    }
    void chooseStep()
    {
        QFETCH(qint64, range);
        QFETCH(int, width);
        QFETCH(qint64, scrape);
        QFETCH(qint64, expected);
        const qint64 step = StepPlanner::chooseStep(range, width, scrape);
        QCOMPARE(step, expected);
        QVERIFY(range / step <= StepPlanner::maxPointsPerQuery);
    }

    void plan_data()
    {
        QTest::addColumn<qint64>("start");
        QTest::addColumn<qint64>("end");
        QTest::addColumn<int>("width");
        QTest::addColumn<qint64>("expectedStart");
        QTest::addColumn<qint64>("expectedEnd");
        QTest::addColumn<qint64>("expectedStep");
        const qint64 t0 = 1732665600000; // 2024-11-27T00:00:00Z
        QTest::newRow("aligned already") << t0 << t0 + kDay << 1440 << t0 << t0 + kDay << kMinute;
        QTest::newRow("unaligned: start down, end up")
            << t0 + 25 * kSecond << t0 + kDay + 25 * kSecond << 1440 << t0 << t0 + kDay + kMinute << kMinute;
        QTest::newRow("before the epoch aligns down")
            << -90 * kSecond << qint64(0) << 100000 << -90 * kSecond << qint64(0) << 15 * kSecond;
    }
    void plan()
    {
        QFETCH(qint64, start);
        QFETCH(qint64, end);
        QFETCH(int, width);
        QFETCH(qint64, expectedStart);
        QFETCH(qint64, expectedEnd);
        QFETCH(qint64, expectedStep);
        const QueryRequest request
            = StepPlanner::plan(QStringLiteral("power_mw"), start, end, width, 15 * kSecond);
        QCOMPARE(request.queryId, QStringLiteral("power_mw"));
        QCOMPARE(request.startMs, expectedStart);
        QCOMPARE(request.endMs, expectedEnd);
        QCOMPARE(request.stepMs, expectedStep);
        QCOMPARE(request.startMs % request.stepMs, 0);
        QCOMPARE(request.endMs % request.stepMs, 0);
    }

    void split_data()
    {
        QTest::addColumn<qint64>("points");
        QTest::addColumn<int>("expectedPieces");
        QTest::newRow("one point") << qint64(1) << 1;
        QTest::newRow("exactly 11000") << qint64(11000) << 1;
        QTest::newRow("11001") << qint64(11001) << 2;
        QTest::newRow("30 days of 15 s") << qint64(30 * 24 * 240) << 16;
    }
    void split()
    {
        QFETCH(qint64, points);
        QFETCH(int, expectedPieces);
        const qint64 step = 15 * kSecond;
        const QueryRequest request { QStringLiteral("gpu_util_cluster"), 1000 * step, (1000 + points) * step,
            step };
        const std::vector<QueryRequest> pieces = StepPlanner::split(request);
        QCOMPARE(int(pieces.size()), expectedPieces);
        qint64 next = request.startMs;
        qint64 total = 0;
        for (const QueryRequest &piece : pieces) {
            QCOMPARE(piece.startMs, next);
            QCOMPARE(piece.stepMs, step);
            QVERIFY(piece.pointCount() <= StepPlanner::maxPointsPerQuery);
            total += piece.pointCount();
            next = piece.endMs;
        }
        QCOMPARE(next, request.endMs);
        QCOMPARE(total, points);
    }

    void splitInstant()
    {
        const QueryRequest instant { QStringLiteral("power_mw"), 5000, 5000, 0 };
        QCOMPARE(StepPlanner::split(instant), std::vector<QueryRequest> { instant });
    }
};

QTEST_GUILESS_MAIN(TestStepPlanner)
#include "tst_stepplanner.moc"
