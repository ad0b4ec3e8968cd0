#include "CapacitySummary.h"

#include <QDateTime>
#include <QTest>
#include <QTimeZone>

namespace {

constexpr qint64 kDayMs = 24 * 3600 * 1000LL;

qint64 utcMs(const char *iso)
{
    return QDateTime::fromString(QLatin1String(iso), Qt::ISODate).toMSecsSinceEpoch();
}

const QLocale english(QLocale::English, QLocale::UnitedKingdom);

} // namespace

class TestCapacitySummary : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void progressAndHeadline_data();
    void progressAndHeadline();
    void headlineUsesTheLocale();
    void deliveredText_data();
    void deliveredText();
    void chartSpan_data();
    void chartSpan();
    void roadmapRequest();
    void queryIdsPerPrecision();
    void latest();
};

// The shipped roadmap: 300 PFLOPS on 22 Nov 2024, 1,300 on 31 Dec 2024, 3,000 on 31 Dec 2025.
void TestCapacitySummary::progressAndHeadline_data()
{
    QTest::addColumn<double>("installed");
    QTest::addColumn<qint64>("atMs");
    QTest::addColumn<int>("state");
    QTest::addColumn<QString>("nextId");
    QTest::addColumn<int>("percent");
    QTest::addColumn<bool>("overdue");
    QTest::addColumn<QString>("headline");

    const int noData = int(CapacityProgress::State::NoData);
    const int towards = int(CapacityProgress::State::Towards);
    const int reached = int(CapacityProgress::State::AllReached);
    QTest::newRow("no data") << qQNaN() << utcMs("2026-03-02T00:00:00Z") << noData << QString() << 0 << false
                             << QStringLiteral("Installed capacity: waiting for data…");
    QTest::newRow("nothing installed yet")
        << 0.0 << utcMs("2024-09-01T00:00:00Z") << towards << QStringLiteral("phase1-planned") << 0 << false
        << QStringLiteral("Installed 0.00 of 300 PFLOPS, 0% of the next milestone (22 Nov 2024)");
    QTest::newRow("half way to the first")
        << 150.0 << utcMs("2024-10-20T06:00:00Z") << towards << QStringLiteral("phase1-planned") << 50
        << false << QStringLiteral("Installed 150 of 300 PFLOPS, 50% of the next milestone (22 Nov 2024)");
    QTest::newRow("just short never reads as reached")
        << 299.9 << utcMs("2024-11-21T00:00:00Z") << towards << QStringLiteral("phase1-planned") << 99
        << false << QStringLiteral("Installed 299 of 300 PFLOPS, 99% of the next milestone (22 Nov 2024)");
    QTest::newRow("short on the day is not yet overdue")
        << 299.0 << utcMs("2024-11-22T23:00:00Z") << towards << QStringLiteral("phase1-planned") << 99
        << false << QStringLiteral("Installed 299 of 300 PFLOPS, 99% of the next milestone (22 Nov 2024)");
    QTest::newRow("first reached: the next is the raised phase")
        << 300.0 << utcMs("2024-11-22T00:00:00Z") << towards << QStringLiteral("phase1-raised") << 23 << false
        << QStringLiteral("Installed 300 of 1,300 PFLOPS, 23% of the next milestone (31 Dec 2024)");
    QTest::newRow("ahead of schedule")
        << 1400.0 << utcMs("2024-12-01T00:00:00Z") << towards << QStringLiteral("full") << 46 << false
        << QStringLiteral("Installed 1,400 of 3,000 PFLOPS, 46% of the next milestone (31 Dec 2025)");
    QTest::newRow("behind: the date has passed")
        << 2968.5 << utcMs("2026-03-02T00:00:00Z") << towards << QStringLiteral("full") << 98 << true
        << QStringLiteral("Installed 2,968 of 3,000 PFLOPS, 98% of the milestone due 31 Dec 2025");
    QTest::newRow("exactly the last milestone")
        << 3000.0 << utcMs("2025-12-31T00:00:00Z") << reached << QString() << 0 << false
        << QStringLiteral("3,000 PFLOPS installed: every roadmap milestone reached");
    QTest::newRow("above the last milestone")
        << 3000.2 << utcMs("2026-03-02T00:00:00Z") << reached << QString() << 0 << false
        << QStringLiteral("3,000 PFLOPS installed: every roadmap milestone reached");
    QTest::newRow("well above") << 3032.4 << utcMs("2026-03-02T00:00:00Z") << reached << QString() << 0
                                << false
                                << QStringLiteral("3,032 PFLOPS installed: every roadmap milestone reached");
}

void TestCapacitySummary::progressAndHeadline()
{
    QFETCH(double, installed);
    QFETCH(qint64, atMs);
    QFETCH(int, state);
    QFETCH(QString, nextId);
    QFETCH(int, percent);
    QFETCH(bool, overdue);
    QFETCH(QString, headline);

    const CapacityProgress progress = CapacitySummary::progress(Roadmap::builtIn(), installed, atMs);
    QCOMPARE(int(progress.state), state);
    QCOMPARE(progress.next ? progress.next->id : QString(), nextId);
    QCOMPARE(progress.percentOfNext, percent);
    QCOMPARE(progress.overdue, overdue);
    QCOMPARE(progress.atMs, atMs);
    QCOMPARE(CapacitySummary::headline(progress, english), headline);
}

void TestCapacitySummary::headlineUsesTheLocale()
{
    const CapacityProgress progress
        = CapacitySummary::progress(Roadmap::builtIn(), 1234.0, utcMs("2024-12-20T00:00:00Z"));
    QCOMPARE(CapacitySummary::headline(progress, QLocale(QLocale::German)),
        QStringLiteral("Installed 1.234 of 1.300 PFLOPS, 94% of the next milestone (31 Dez. 2024)"));
}

void TestCapacitySummary::deliveredText_data()
{
    QTest::addColumn<double>("delivered");
    QTest::addColumn<double>("installed");
    QTest::addColumn<QString>("expected");
    QTest::newRow("typical") << 1750.0 << 3032.0
                             << QStringLiteral("Delivering 1,750 of 3,032 PFLOPS (57.7%)");
    QTest::newRow("idle") << 0.0 << 300.0 << QStringLiteral("Delivering 0.00 of 300 PFLOPS (0.0%)");
    QTest::newRow("no delivered figure")
        << qQNaN() << 3032.0 << QStringLiteral("Delivered compute: waiting for data…");
    QTest::newRow("nothing installed")
        << 0.0 << 0.0 << QStringLiteral("Delivered compute: waiting for data…");
}

void TestCapacitySummary::deliveredText()
{
    QFETCH(double, delivered);
    QFETCH(double, installed);
    QFETCH(QString, expected);
    QCOMPARE(CapacitySummary::deliveredText(delivered, installed, english), expected);
}

void TestCapacitySummary::chartSpan_data()
{
    QTest::addColumn<qint64>("nowMs");
    QTest::addColumn<qint64>("startMs");
    QTest::addColumn<qint64>("endMs");
    // The first phase ramps from 23 Sep 2024: the chart opens at the start of that month. It closes at the
    // start of the month at least two weeks after the later of the last milestone and now.
    QTest::newRow("after the roadmap")
        << utcMs("2026-03-02T09:30:00Z") << utcMs("2024-09-01T00:00:00Z") << utcMs("2026-04-01T00:00:00Z");
    QTest::newRow("late in a month") << utcMs("2026-03-20T00:00:00Z") << utcMs("2024-09-01T00:00:00Z")
                                     << utcMs("2026-05-01T00:00:00Z");
    QTest::newRow("during the roadmap")
        << utcMs("2025-06-01T00:00:00Z") << utcMs("2024-09-01T00:00:00Z") << utcMs("2026-02-01T00:00:00Z");
}

void TestCapacitySummary::chartSpan()
{
    QFETCH(qint64, nowMs);
    QFETCH(qint64, startMs);
    QFETCH(qint64, endMs);
    const CapacitySummary::Span span = CapacitySummary::chartSpan(Roadmap::builtIn(), nowMs);
    QCOMPARE(span.startMs, startMs);
    QCOMPARE(span.endMs, endMs);
    QVERIFY(span.startMs < nowMs && nowMs < span.endMs);
}

void TestCapacitySummary::roadmapRequest()
{
    const qint64 now = utcMs("2026-03-02T09:30:00Z");
    const QueryRequest request = CapacitySummary::roadmapRequest(
        QStringLiteral("capacity_installed_pflops"), Roadmap::builtIn(), now);
    QCOMPARE(request.queryId, QStringLiteral("capacity_installed_pflops"));
    QCOMPARE(request.stepMs, kDayMs);
    QCOMPARE(request.startMs, utcMs("2024-09-01T00:00:00Z"));
    // A point every midnight up to today's: 2024-09-01 .. 2026-03-02 is 548 days.
    QCOMPARE(request.pointCount(), 548);
    QCOMPARE(request.startMs + (request.pointCount() - 1) * kDayMs, utcMs("2026-03-02T00:00:00Z"));
    // At midnight exactly, that midnight is the last point.
    const QueryRequest atMidnight = CapacitySummary::roadmapRequest(
        QStringLiteral("x"), Roadmap::builtIn(), utcMs("2026-03-02T00:00:00Z"));
    QCOMPARE(atMidnight.pointCount(), 548);
}

void TestCapacitySummary::queryIdsPerPrecision()
{
    QCOMPARE(CapacitySummary::installedQueryId(Precision::DenseFp16Bf16),
        QStringLiteral("capacity_installed_pflops"));
    QCOMPARE(CapacitySummary::installedQueryId(Precision::DenseFp8),
        QStringLiteral("capacity_installed_pflops_fp8"));
    QCOMPARE(CapacitySummary::deliveredQueryId(Precision::DenseFp16Bf16),
        QStringLiteral("capacity_delivered_pflops"));
    QCOMPARE(CapacitySummary::deliveredQueryId(Precision::DenseFp8),
        QStringLiteral("capacity_delivered_pflops_fp8"));
    QCOMPARE(CapacitySummary::precisionName(Precision::DenseFp16Bf16), QStringLiteral("dense FP16/BF16"));
    QCOMPARE(CapacitySummary::precisionName(Precision::DenseFp8), QStringLiteral("dense FP8"));
}

void TestCapacitySummary::latest()
{
    QueryResult result;
    result.startMs = 1000;
    result.stepMs = 10;
    result.series = { Series { QStringLiteral("installed"), {}, { 1, 2, 3, qQNaN() } },
        Series { QStringLiteral("other"), {}, { qQNaN(), qQNaN(), qQNaN(), qQNaN() } } };
    QCOMPARE(CapacitySummary::latest(result), std::make_pair(3.0, qint64(1020)));
    QCOMPARE(CapacitySummary::latest(result, QStringLiteral("installed")), std::make_pair(3.0, qint64(1020)));
    QVERIFY(std::isnan(CapacitySummary::latest(result, QStringLiteral("other")).first));
    QVERIFY(std::isnan(CapacitySummary::latest(result, QStringLiteral("absent")).first));
    QVERIFY(std::isnan(CapacitySummary::latest(QueryResult {}).first));
}

QTEST_GUILESS_MAIN(TestCapacitySummary)
#include "tst_capacitysummary.moc"
