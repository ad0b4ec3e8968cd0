#include "SampleStore.h"

#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QtEndian>

#include <cmath>
#include <limits>

Q_DECLARE_METATYPE(std::vector<TimeRange>)

namespace {

constexpr qint64 Minute = 60'000;
constexpr qint64 Day = 24 * 60 * Minute;
// A day boundary, so that ranges start on the grid of every step used here.
constexpr qint64 T0 = 1'735'689'600'000; // 2025-01-01T00:00:00Z
const double NaN = std::numeric_limits<double>::quiet_NaN();

Series makeSeries(const QString &name, std::vector<double> values, std::map<QString, QString> labels = {})
{
    Series series;
    series.name = name;
    series.labels = std::move(labels);
    series.values = std::move(values);
    return series;
}

QueryResult makeResult(const QString &queryId, qint64 startMs, qint64 stepMs, std::vector<Series> series)
{
    QueryResult result;
    result.queryId = queryId;
    result.startMs = startMs;
    result.stepMs = stepMs;
    result.series = std::move(series);
    return result;
}

QueryRequest makeRequest(const QString &queryId, qint64 startMs, qint64 endMs, qint64 stepMs)
{
    return QueryRequest { queryId, startMs, endMs, stepMs };
}

// Values compared bit for bit, so that NaN gaps and -0.0 count.
bool sameValues(const std::vector<double> &a, const std::vector<double> &b)
{
    if (a.size() != b.size())
        return false;
    for (size_t i = 0; i < a.size(); ++i) {
        if (std::isnan(a[i]) != std::isnan(b[i]))
            return false;
        if (!std::isnan(a[i]) && std::memcmp(&a[i], &b[i], sizeof(double)) != 0)
            return false;
    }
    return true;
}

// The mean, minimum and maximum of each run of `per` values (gaps left out; NaN when all are gaps).
struct Buckets
{
    std::vector<double> mean, min, max;
};
Buckets bucketsOf(const std::vector<double> &values, size_t per)
{
    Buckets out;
    for (size_t i = 0; i < values.size(); i += per) {
        double sum = 0, n = 0, low = NaN, high = NaN;
        for (size_t j = i; j < std::min(values.size(), i + per); ++j) {
            if (std::isnan(values[j]))
                continue;
            sum += values[j];
            ++n;
            low = std::isnan(low) ? values[j] : std::min(low, values[j]);
            high = std::isnan(high) ? values[j] : std::max(high, values[j]);
        }
        out.mean.push_back(n > 0 ? sum / n : NaN);
        out.min.push_back(low);
        out.max.push_back(high);
    }
    return out;
}

// Equal within the rounding of a sum (the cache snaps sums of decimals to their decimals).
bool closeValues(const std::vector<double> &a, const std::vector<double> &b)
{
    if (a.size() != b.size())
        return false;
    for (size_t i = 0; i < a.size(); ++i) {
        if (std::isnan(a[i]) != std::isnan(b[i]))
            return false;
        if (!std::isnan(a[i]) && std::fabs(a[i] - b[i]) > 1e-9 * std::max(1.0, std::fabs(b[i])))
            return false;
    }
    return true;
}

QByteArray fileHash(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256);
}

} // namespace

class TestSampleStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTrip_data();
    void roundTrip();
    void overlappingWritesMerge();
    void seriesWithoutDataInRangeAreLeftOut();
    void missing_data();
    void missing();
    void coveredUntil();
    void unalignedRequestsUseTheGrid();
    void refusesInstantAndUnalignedWrites();
    void schemaVersionIsStored();
    void newerSchemaIsRefusedAndLeftUntouched();
    void garbageFileIsRefusedAndLeftUntouched();
    void foreignDatabaseIsRefused();
    void twoConnectionsOnOneFile();
    void bytesPerSample();
    void version1CacheIsUpgradedInPlace();
    void damagedCacheIsMovedAsideAndReplaced();
    void fullDiskKeepsWhatIsStored();
    void emptyResultMarksItsRangeCovered();
    void killedWriterLosesAtMostTheUnfinishedBatch();
    void ageRetentionDeletesOldChunksAndCoverage();
    void sizeCapDeletesOldestFirstAndGivesSpaceBack();
    void rollupsAnswerCoarseReads_data();
    void rollupsAnswerCoarseReads();
    void rollupsFollowOverwrites();
    void rollupsAndTheStepsOwnSamplesShareAWindow();
    void version2CacheGetsItsRollupsOnUpgrade();
    void retentionDeletesRollupsWithTheirChunks();

private:
    QTemporaryDir m_dir;
    int m_connection = 0;
    QString nextConnection() { return QStringLiteral("tst-%1").arg(++m_connection); }
};

void TestSampleStore::roundTrip_data()
{
    QTest::addColumn<qint64>("stepMs");
    QTest::addColumn<qint64>("startMs");
    QTest::addColumn<int>("points");
    QTest::addColumn<bool>("reopen");

    QTest::newRow("in memory, one partial chunk") << Minute << T0 + 7 * Minute << 10 << false;
    QTest::newRow("file, across chunks, reopened") << Minute << T0 + 700 * Minute << 2000 << true;
    QTest::newRow("file, 15 s step") << qint64(15'000) << T0 << 721 << true;
    QTest::newRow("file, before the epoch") << Minute << -100 * Minute << 300 << true;
}

void TestSampleStore::roundTrip()
{
    QFETCH(qint64, stepMs);
    QFETCH(qint64, startMs);
    QFETCH(int, points);
    QFETCH(bool, reopen);

    std::vector<double> a(static_cast<size_t>(points)), b(static_cast<size_t>(points));
    for (int i = 0; i < points; ++i) {
        a[size_t(i)] = i % 7 == 3 ? NaN : 0.1 * i + 1e-9;
        b[size_t(i)] = i < points / 2 ? NaN : -1.0 / (i + 1);
    }
    a[0] = -0.0;
    if (points > 5) {
        a[1] = std::numeric_limits<double>::infinity();
        a[2] = std::numeric_limits<double>::denorm_min();
        a[4] = std::numeric_limits<double>::max();
    }
    const std::map<QString, QString> labelsA { { QStringLiteral("partition"), QStringLiteral("gpu-h100") },
        { QStringLiteral("hostname"), QStringLiteral("node-001") } };
    const std::map<QString, QString> labelsB { { QStringLiteral("odd"), QStringLiteral("a=b,c\"d\\e\n香港") },
        { QStringLiteral(""), QStringLiteral("") } };
    // Written in reverse name order: read() orders by name.
    const QueryResult written = makeResult(QStringLiteral("gpu_util_by_partition"), startMs, stepMs,
        { makeSeries(QStringLiteral("b"), b, labelsB), makeSeries(QStringLiteral("a"), a, labelsA) });

    const QString path = reopen
        ? m_dir.filePath(
            QStringLiteral("roundtrip-%1.sqlite")
                .arg(
                    QString::fromLatin1(QTest::currentDataTag()).replace(QLatin1Char(' '), QLatin1Char('_'))))
        : QStringLiteral(":memory:");
    SampleStore store(nextConnection());
    QString error;
    QVERIFY2(store.open(path, &error), qPrintable(error));
    QVERIFY2(store.write(written, &error), qPrintable(error));
    if (reopen) {
        store.close();
        QVERIFY(!store.isOpen());
        QVERIFY2(store.open(path, &error), qPrintable(error));
    }

    const QueryResult read
        = store.read(makeRequest(written.queryId, startMs, startMs + points * stepMs, stepMs));
    QCOMPARE(read.queryId, written.queryId);
    QCOMPARE(read.startMs, startMs);
    QCOMPARE(read.stepMs, stepMs);
    QCOMPARE(read.series.size(), size_t(2));
    QCOMPARE(read.series[0].name, QStringLiteral("a"));
    QCOMPARE(read.series[0].labels, labelsA);
    QVERIFY(sameValues(read.series[0].values, a));
    QCOMPARE(read.series[1].name, QStringLiteral("b"));
    QCOMPARE(read.series[1].labels, labelsB);
    QVERIFY(sameValues(read.series[1].values, b));

    // A wider request: NaN where nothing is stored.
    const QueryResult wider = store.read(
        makeRequest(written.queryId, startMs - 3 * stepMs, startMs + (points + 2) * stepMs, stepMs));
    QCOMPARE(wider.pointCount(), points + 5);
    std::vector<double> expected(3, NaN);
    expected.insert(expected.end(), a.begin(), a.end());
    expected.insert(expected.end(), 2, NaN);
    QVERIFY(sameValues(wider.series[0].values, expected));

    // Another step, another query: nothing.
    QVERIFY(store.read(makeRequest(written.queryId, startMs, startMs + points * stepMs, 2 * stepMs))
                .series.empty());
    QVERIFY(store.read(makeRequest(QStringLiteral("power_mw"), startMs, startMs + points * stepMs, stepMs))
                .series.empty());
}

void TestSampleStore::overlappingWritesMerge()
{
    SampleStore store(nextConnection());
    QString error;
    QVERIFY2(store.open(m_dir.filePath(QStringLiteral("merge.sqlite")), &error), qPrintable(error));
    const QString query = QStringLiteral("node_gpu_util");

    // 0..1499 = 1 000 + i, then 1000..1999 overwritten with 5 000 + i, NaN at 1500 included.
    std::vector<double> first(1500), second(1000);
    for (size_t i = 0; i < first.size(); ++i)
        first[i] = 1000.0 + double(i);
    for (size_t i = 0; i < second.size(); ++i)
        second[i] = i == 500 ? NaN : 5000.0 + double(i);
    QVERIFY2(store.write(makeResult(query, T0, Minute, { makeSeries(QStringLiteral("n1"), first) }), &error),
        qPrintable(error));
    QVERIFY2(store.write(makeResult(query, T0 + 1000 * Minute, Minute,
                             { makeSeries(QStringLiteral("n1"), second,
                                 { { QStringLiteral("hostname"), QStringLiteral("n1") } }) }),
                 &error),
        qPrintable(error));

    const QueryResult read = store.read(makeRequest(query, T0, T0 + 2000 * Minute, Minute));
    QCOMPARE(read.series.size(), size_t(1));
    const std::vector<double> &values = read.series[0].values;
    QCOMPARE(values.size(), size_t(2000));
    for (size_t i = 0; i < 1000; ++i)
        QCOMPARE(values[i], 1000.0 + double(i));
    for (size_t i = 1000; i < 2000; ++i) {
        if (i == 1500)
            QVERIFY(std::isnan(values[i]));
        else
            QCOMPARE(values[i], 5000.0 + double(i - 1000));
    }
    // The newer labels win.
    QCOMPARE(read.series[0].labels.at(QStringLiteral("hostname")), QStringLiteral("n1"));
    QCOMPARE(store.missing(makeRequest(query, T0, T0 + 2000 * Minute, Minute)), std::vector<TimeRange>());

    // A write of only gaps over a whole chunk removes it: the range reads as gaps.
    QVERIFY2(store.write(makeResult(query, T0, Minute,
                             { makeSeries(QStringLiteral("n1"), std::vector<double>(720, NaN)) }),
                 &error),
        qPrintable(error));
    QVERIFY(store.read(makeRequest(query, T0, T0 + 720 * Minute, Minute)).series.empty());
    QCOMPARE(
        store.read(makeRequest(query, T0, T0 + 721 * Minute, Minute)).series.at(0).values.back(), 1720.0);
}

void TestSampleStore::seriesWithoutDataInRangeAreLeftOut()
{
    SampleStore store(nextConnection());
    QString error;
    QVERIFY2(store.open(QStringLiteral(":memory:"), &error), qPrintable(error));
    const QString query = QStringLiteral("account_gpu_hours");
    std::vector<double> early(20, NaN), late(20, NaN);
    std::fill(early.begin(), early.begin() + 10, 1.0);
    std::fill(late.begin() + 10, late.end(), 2.0);
    QVERIFY2(store.write(
                 makeResult(query, T0, Minute,
                     { makeSeries(QStringLiteral("early"), early), makeSeries(QStringLiteral("late"), late),
                         makeSeries(QStringLiteral("never"), std::vector<double>(20, NaN)) }),
                 &error),
        qPrintable(error));
    const QueryResult head = store.read(makeRequest(query, T0, T0 + 10 * Minute, Minute));
    QCOMPARE(head.series.size(), size_t(1));
    QCOMPARE(head.series[0].name, QStringLiteral("early"));
    const QueryResult tail = store.read(makeRequest(query, T0 + 10 * Minute, T0 + 20 * Minute, Minute));
    QCOMPARE(tail.series.size(), size_t(1));
    QCOMPARE(tail.series[0].name, QStringLiteral("late"));
    QCOMPARE(store.read(makeRequest(query, T0, T0 + 20 * Minute, Minute)).series.size(), size_t(2));
}

void TestSampleStore::missing_data()
{
    QTest::addColumn<std::vector<TimeRange>>("writes");
    QTest::addColumn<TimeRange>("request");
    QTest::addColumn<std::vector<TimeRange>>("expected");

    const auto at = [](int minutes) { return T0 + minutes * Minute; };
    QTest::newRow("empty cache") << std::vector<TimeRange> {} << TimeRange { at(0), at(60) }
                                 << std::vector<TimeRange> { { at(0), at(60) } };
    QTest::newRow("fully covered") << std::vector<TimeRange> { { at(0), at(60) } }
                                   << TimeRange { at(10), at(50) } << std::vector<TimeRange> {};
    QTest::newRow("extension at the end")
        << std::vector<TimeRange> { { at(0), at(60) } } << TimeRange { at(0), at(90) }
        << std::vector<TimeRange> { { at(60), at(90) } };
    QTest::newRow("extension at both ends")
        << std::vector<TimeRange> { { at(10), at(60) } } << TimeRange { at(0), at(90) }
        << std::vector<TimeRange> { { at(0), at(10) }, { at(60), at(90) } };
    QTest::newRow("hole in the middle")
        << std::vector<TimeRange> { { at(0), at(30) }, { at(40), at(60) } } << TimeRange { at(0), at(60) }
        << std::vector<TimeRange> { { at(30), at(40) } };
    QTest::newRow("adjacent writes merge") << std::vector<TimeRange> { { at(0), at(30) }, { at(30), at(60) } }
                                           << TimeRange { at(0), at(60) } << std::vector<TimeRange> {};
    QTest::newRow("hole filled by an overlapping write")
        << std::vector<TimeRange> { { at(0), at(30) }, { at(40), at(60) }, { at(20), at(50) } }
        << TimeRange { at(0), at(70) } << std::vector<TimeRange> { { at(60), at(70) } };
    QTest::newRow("unaligned request")
        << std::vector<TimeRange> { { at(0), at(30) } } << TimeRange { at(0) + 1, at(40) - 1 }
        << std::vector<TimeRange> { { at(30), at(40) } };
}

void TestSampleStore::missing()
{
    QFETCH(std::vector<TimeRange>, writes);
    QFETCH(TimeRange, request);
    QFETCH(std::vector<TimeRange>, expected);

    SampleStore store(nextConnection());
    QString error;
    QVERIFY2(store.open(QStringLiteral(":memory:"), &error), qPrintable(error));
    const QString query = QStringLiteral("queue_pending_by_partition");
    for (const TimeRange &range : writes) {
        const auto points = size_t((range.endMs - range.startMs) / Minute);
        QVERIFY2(store.write(makeResult(query, range.startMs, Minute,
                                 { makeSeries(QStringLiteral("cpu"), std::vector<double>(points, 1.0)) }),
                     &error),
            qPrintable(error));
    }
    QCOMPARE(store.missing(makeRequest(query, request.startMs, request.endMs, Minute)), expected);
    // Coverage is per step: the same range at a step no rollup tier of 1 min serves (2 min is finer
    // than the 5 min tier) is all missing.
    const qint64 alignedStart = (request.startMs + 2 * Minute - 1) / (2 * Minute) * (2 * Minute);
    const qint64 alignedEnd = (request.endMs + 2 * Minute - 1) / (2 * Minute) * (2 * Minute);
    QCOMPARE(store.missing(makeRequest(query, request.startMs, request.endMs, 2 * Minute)),
        (std::vector<TimeRange> { { alignedStart, alignedEnd } }));
}

void TestSampleStore::coveredUntil()
{
    SampleStore store(nextConnection());
    QString error;
    QVERIFY2(store.open(QStringLiteral(":memory:"), &error), qPrintable(error));
    const QString query = QStringLiteral("power_mw");
    QCOMPARE(store.coveredUntil(query, Minute), qint64(0));
    const Series series = makeSeries(QStringLiteral("power"), std::vector<double>(10, 0.5));
    QVERIFY(store.write(makeResult(query, T0 + 100 * Minute, Minute, { series }), &error));
    QVERIFY(store.write(makeResult(query, T0, Minute, { series }), &error));
    QCOMPARE(store.coveredUntil(query, Minute), T0 + 110 * Minute);
    QCOMPARE(store.coveredUntil(query, 2 * Minute), qint64(0));
    QCOMPARE(store.coveredUntil(QStringLiteral("other"), Minute), qint64(0));
}

void TestSampleStore::unalignedRequestsUseTheGrid()
{
    SampleStore store(nextConnection());
    QString error;
    QVERIFY2(store.open(QStringLiteral(":memory:"), &error), qPrintable(error));
    const QString query = QStringLiteral("gpus_by_state");
    QVERIFY(store.write(
        makeResult(query, T0, Minute, { makeSeries(QStringLiteral("idle"), { 1, 2, 3, 4, 5 }) }), &error));
    // [T0 + 1 ms, T0 + 3 min + 1 ms) holds the grid points T0 + 1, 2 and 3 minutes.
    const QueryResult read = store.read(makeRequest(query, T0 + 1, T0 + 3 * Minute + 1, Minute));
    QCOMPARE(read.startMs, T0 + Minute);
    QCOMPARE(read.series.at(0).values, (std::vector<double> { 2, 3, 4 }));
    // Instant requests are not cached.
    const QueryResult instant = store.read(makeRequest(query, T0, T0, 0));
    QVERIFY(instant.series.empty());
    QCOMPARE(store.missing(makeRequest(query, T0, T0, 0)), (std::vector<TimeRange> { { T0, T0 + 1 } }));
}

void TestSampleStore::refusesInstantAndUnalignedWrites()
{
    SampleStore store(nextConnection());
    QString error;
    QVERIFY2(store.open(QStringLiteral(":memory:"), &error), qPrintable(error));
    QVERIFY(!store.write(
        makeResult(QStringLiteral("q"), T0, 0, { makeSeries(QStringLiteral("s"), { 1 }) }), &error));
    QVERIFY2(error.contains(QLatin1String("instant")), qPrintable(error));
    error.clear();
    QVERIFY(!store.write(
        makeResult(QStringLiteral("q"), T0 + 1, Minute, { makeSeries(QStringLiteral("s"), { 1 }) }), &error));
    QVERIFY2(error.contains(QLatin1String("grid")), qPrintable(error));
    error.clear();
    QVERIFY(!store.write(
        makeResult(QStringLiteral("q"), T0, Minute,
            { makeSeries(QStringLiteral("s"), { 1, 2 }), makeSeries(QStringLiteral("t"), { 1 }) }),
        &error));
    QVERIFY2(error.contains(QLatin1String("expected 2")), qPrintable(error));
    QCOMPARE(store.coveredUntil(QStringLiteral("q"), Minute), qint64(0));

    SampleStore closed(nextConnection());
    QVERIFY(!closed.write(
        makeResult(QStringLiteral("q"), T0, Minute, { makeSeries(QStringLiteral("s"), { 1 }) }), &error));
    QVERIFY(closed.read(makeRequest(QStringLiteral("q"), T0, T0 + Minute, Minute)).series.empty());
    QCOMPARE(closed.missing(makeRequest(QStringLiteral("q"), T0, T0 + Minute, Minute)),
        (std::vector<TimeRange> { { T0, T0 + Minute } }));
}

void TestSampleStore::schemaVersionIsStored()
{
    const QString path = m_dir.filePath(QStringLiteral("version.sqlite"));
    {
        SampleStore store(nextConnection());
        QString error;
        QVERIFY2(store.open(path, &error), qPrintable(error));
        QCOMPARE(store.path(), path);
    }
    {
        QSqlDatabase db
            = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("inspect-version"));
        db.setDatabaseName(path);
        QVERIFY(db.open());
        QSqlQuery query(db);
        QVERIFY(query.exec(QStringLiteral("PRAGMA user_version")) && query.next());
        QCOMPARE(query.value(0).toInt(), SampleStore::SchemaVersion);
        QVERIFY(query.exec(QStringLiteral("PRAGMA journal_mode")) && query.next());
        QCOMPARE(query.value(0).toString(), QStringLiteral("wal"));
    }
    QSqlDatabase::removeDatabase(QStringLiteral("inspect-version"));
}

void TestSampleStore::newerSchemaIsRefusedAndLeftUntouched()
{
    const QString path = m_dir.filePath(QStringLiteral("newer.sqlite"));
    {
        SampleStore store(nextConnection());
        QString error;
        QVERIFY2(store.open(path, &error), qPrintable(error));
        QVERIFY(store.write(
            makeResult(QStringLiteral("q"), T0, Minute, { makeSeries(QStringLiteral("s"), { 1 }) }), &error));
    }
    {
        QSqlDatabase db
            = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("bump-version"));
        db.setDatabaseName(path);
        QVERIFY(db.open());
        QSqlQuery query(db);
        QVERIFY(query.exec(QStringLiteral("PRAGMA user_version = %1").arg(SampleStore::SchemaVersion + 1)));
    }
    QSqlDatabase::removeDatabase(QStringLiteral("bump-version"));
    const QByteArray before = fileHash(path);
    QVERIFY(!before.isEmpty());

    SampleStore store(nextConnection());
    QString error;
    QVERIFY(!store.open(path, &error));
    QVERIFY(!store.isOpen());
    QVERIFY2(error.contains(path), qPrintable(error));
    QVERIFY2(error.contains(QString::number(SampleStore::SchemaVersion + 1)), qPrintable(error));
    QVERIFY2(error.contains(QString::number(SampleStore::SchemaVersion)), qPrintable(error));
    QCOMPARE(fileHash(path), before);
    QVERIFY(!QFileInfo::exists(path + QLatin1String("-wal")));
}

void TestSampleStore::garbageFileIsRefusedAndLeftUntouched()
{
    const QString path = m_dir.filePath(QStringLiteral("garbage.sqlite"));
    QByteArray garbage(8192, Qt::Uninitialized);
    QRandomGenerator generator(42);
    generator.fillRange(reinterpret_cast<quint32 *>(garbage.data()), garbage.size() / 4);
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QCOMPARE(file.write(garbage), garbage.size());
    }
    SampleStore store(nextConnection());
    QString error;
    QVERIFY(!store.open(path, &error));
    QVERIFY2(error.contains(path), qPrintable(error));
    QVERIFY2(error.contains(QLatin1String("not a SQLite database")), qPrintable(error));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), garbage);
    QVERIFY(!QFileInfo::exists(path + QLatin1String("-wal")));

    // Later calls on the store that failed to open do not crash.
    QVERIFY(!store.write(
        makeResult(QStringLiteral("q"), T0, Minute, { makeSeries(QStringLiteral("s"), { 1 }) }), &error));
    QCOMPARE(store.coveredUntil(QStringLiteral("q"), Minute), qint64(0));
}

void TestSampleStore::foreignDatabaseIsRefused()
{
    const QString path = m_dir.filePath(QStringLiteral("foreign.sqlite"));
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("foreign"));
        db.setDatabaseName(path);
        QVERIFY(db.open());
        QSqlQuery query(db);
        QVERIFY(query.exec(QStringLiteral("CREATE TABLE notes(text TEXT)")));
    }
    QSqlDatabase::removeDatabase(QStringLiteral("foreign"));
    const QByteArray before = fileHash(path);
    SampleStore store(nextConnection());
    QString error;
    QVERIFY(!store.open(path, &error));
    QVERIFY2(error.contains(path), qPrintable(error));
    QCOMPARE(fileHash(path), before);
}

void TestSampleStore::twoConnectionsOnOneFile()
{
    const QString path = m_dir.filePath(QStringLiteral("shared.sqlite"));
    SampleStore first(nextConnection());
    SampleStore second(nextConnection());
    QString error;
    QVERIFY2(first.open(path, &error), qPrintable(error));
    QVERIFY2(second.open(path, &error), qPrintable(error));
    const QString query = QStringLiteral("capacity_installed_pflops");
    QVERIFY2(
        first.write(
            makeResult(query, T0, Minute, { makeSeries(QStringLiteral("installed"), { 1, 2, 3 }) }), &error),
        qPrintable(error));
    QVERIFY2(second.write(makeResult(query, T0 + 3 * Minute, Minute,
                              { makeSeries(QStringLiteral("installed"), { 4, 5 }),
                                  makeSeries(QStringLiteral("planned"), { 9, 9 }) }),
                 &error),
        qPrintable(error));
    // The first connection learns of the series the second one added.
    QVERIFY2(first.write(
                 makeResult(query, T0 + 5 * Minute, Minute, { makeSeries(QStringLiteral("planned"), { 8 }) }),
                 &error),
        qPrintable(error));
    for (SampleStore *store : { &first, &second }) {
        const QueryResult read = store->read(makeRequest(query, T0, T0 + 6 * Minute, Minute));
        QCOMPARE(read.series.size(), size_t(2));
        QVERIFY(sameValues(read.series[0].values, { 1, 2, 3, 4, 5, NaN }));
        QVERIFY(sameValues(read.series[1].values, { NaN, NaN, NaN, 9, 9, 8 }));
        QCOMPARE(store->missing(makeRequest(query, T0, T0 + 6 * Minute, Minute)), std::vector<TimeRange>());
    }
}

void TestSampleStore::bytesPerSample()
{
    const QString path = m_dir.filePath(QStringLiteral("size.sqlite"));
    constexpr int seriesCount = 50;
    constexpr int points = 7 * 1440; // a week at one minute
    qint64 samples = 0;
    {
        SampleStore store(nextConnection());
        QString error;
        QVERIFY2(store.open(path, &error), qPrintable(error));
        QueryResult result = makeResult(QStringLiteral("node_gpu_util"), T0, Minute, {});
        QRandomGenerator generator(7);
        for (int s = 0; s < seriesCount; ++s) {
            std::vector<double> values(points);
            double value = 50;
            for (double &v : values) {
                value = std::clamp(value + generator.bounded(10.0) - 5.0, 0.0, 100.0);
                v = std::round(value * 100) / 100;
            }
            result.series.push_back(makeSeries(QStringLiteral("node-%1").arg(s, 3, 10, QLatin1Char('0')),
                std::move(values), { { QStringLiteral("hostname"), QStringLiteral("node-%1").arg(s) } }));
            samples += points;
        }
        QVERIFY2(store.write(result, &error), qPrintable(error));
    }
    // Closing the last connection checkpoints the WAL into the file.
    QVERIFY(!QFileInfo::exists(path + QLatin1String("-wal")));
    const double bytesPerSample = double(QFileInfo(path).size()) / double(samples);
    qInfo("%lld samples in %lld bytes: %.2f bytes/sample", samples, QFileInfo(path).size(), bytesPerSample);
    QVERIFY2(bytesPerSample < 4, qPrintable(QString::number(bytesPerSample)));
}

void TestSampleStore::version1CacheIsUpgradedInPlace()
{
    // A cache as version 1 wrote it: raw little-endian doubles after [encoding 1][first u16].
    const QString path = m_dir.filePath(QStringLiteral("version1.sqlite"));
    std::vector<double> values(720);
    for (size_t i = 0; i < values.size(); ++i)
        values[i] = i == 5 ? NaN : double(i % 101) / 8;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("make-v1"));
        db.setDatabaseName(path);
        QVERIFY(db.open());
        QSqlQuery query(db);
        for (const char *sql : {
                 "PRAGMA journal_mode = WAL",
                 "CREATE TABLE series(id INTEGER PRIMARY KEY, query_id TEXT NOT NULL, name TEXT NOT NULL, "
                 "labels TEXT NOT NULL, UNIQUE(query_id, name))",
                 "CREATE TABLE chunk(id INTEGER PRIMARY KEY, series_id INTEGER NOT NULL REFERENCES "
                 "series(id), "
                 "step_ms INTEGER NOT NULL, chunk_start_ms INTEGER NOT NULL, data BLOB NOT NULL, "
                 "UNIQUE(series_id, step_ms, chunk_start_ms))",
                 "CREATE TABLE coverage(query_id TEXT NOT NULL, step_ms INTEGER NOT NULL, start_ms INTEGER "
                 "NOT NULL, end_ms INTEGER NOT NULL, PRIMARY KEY(query_id, step_ms, start_ms)) WITHOUT ROWID",
                 "INSERT INTO series VALUES(1, 'node_gpu_util', 'n1', '{\"hostname\":\"n1\"}')",
                 "PRAGMA application_id = 1095324483",
                 "PRAGMA user_version = 1",
             })
            QVERIFY2(query.exec(QString::fromLatin1(sql)), sql);
        QByteArray blob(3 + 720 * 8, Qt::Uninitialized);
        blob[0] = 1;
        qToLittleEndian(quint16(0), blob.data() + 1);
        qToLittleEndian<quint64>(values.data(), 720, blob.data() + 3);
        QVERIFY(query.prepare(QStringLiteral("INSERT INTO chunk VALUES(1, 1, ?, ?, ?)")));
        query.addBindValue(Minute);
        query.addBindValue(T0 - T0 % (720 * Minute));
        query.addBindValue(blob);
        QVERIFY(query.exec());
        QVERIFY(query.exec(QStringLiteral("INSERT INTO coverage VALUES('node_gpu_util', %1, %2, %3)")
                               .arg(Minute)
                               .arg(T0 - T0 % (720 * Minute))
                               .arg(T0 - T0 % (720 * Minute) + 720 * Minute)));
    }
    QSqlDatabase::removeDatabase(QStringLiteral("make-v1"));
    const qint64 start = T0 - T0 % (720 * Minute);
    const QueryRequest request
        = makeRequest(QStringLiteral("node_gpu_util"), start, start + 720 * Minute, Minute);
    {
        SampleStore store(nextConnection());
        QString error;
        QVERIFY2(store.open(path, &error), qPrintable(error));
        const QueryResult read = store.read(request);
        QCOMPARE(read.series.size(), size_t(1));
        QVERIFY(sameValues(read.series[0].values, values));
        QVERIFY(store.missing(request).empty());
    }
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("inspect-v2"));
        db.setDatabaseName(path);
        QVERIFY(db.open());
        QSqlQuery query(db);
        QVERIFY(query.exec(QStringLiteral("PRAGMA user_version")) && query.next());
        QCOMPARE(query.value(0).toInt(), SampleStore::SchemaVersion);
        QVERIFY(query.exec(QStringLiteral("SELECT data FROM chunk")) && query.next());
        const QByteArray data = query.value(0).toByteArray();
        QVERIFY(data.at(0) != 1);
        QVERIFY2(data.size() < 720 * 2, qPrintable(QString::number(data.size())));
        QVERIFY(query.exec(QStringLiteral("PRAGMA auto_vacuum")) && query.next());
        QCOMPARE(query.value(0).toInt(), 2); // incremental
    }
    QSqlDatabase::removeDatabase(QStringLiteral("inspect-v2"));
    // Opened again: nothing more to do, same data.
    SampleStore again(nextConnection());
    QString error;
    QVERIFY2(again.open(path, &error), qPrintable(error));
    QVERIFY(again.notice().isEmpty());
    QVERIFY(sameValues(again.read(request).series.at(0).values, values));
}

void TestSampleStore::damagedCacheIsMovedAsideAndReplaced()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("damaged.sqlite"));
    const QString query = QStringLiteral("node_gpu_util");
    {
        SampleStore store(nextConnection());
        QString error;
        QVERIFY2(store.open(path, &error), qPrintable(error));
        QueryResult result = makeResult(query, T0, Minute, {});
        for (int s = 0; s < 200; ++s)
            result.series.push_back(
                makeSeries(QStringLiteral("node-%1").arg(s), std::vector<double>(1440, s / 8.0)));
        QVERIFY2(store.write(result, &error), qPrintable(error));
    }
    // Overwrite pages 2 to 6 (the b-trees' first pages), keeping SQLite's header valid.
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadWrite));
        QVERIFY(file.size() > 8 * 4096);
        QVERIFY(file.seek(4096));
        QByteArray garbage(5 * 4096, Qt::Uninitialized);
        QRandomGenerator(9).fillRange(reinterpret_cast<quint32 *>(garbage.data()), garbage.size() / 4);
        file.write(garbage);
    }
    const QByteArray damagedHash = fileHash(path);

    SampleStore store(nextConnection());
    QString error;
    QVERIFY2(store.open(path, &error), qPrintable(error));
    QVERIFY2(store.notice().contains(path), qPrintable(store.notice()));
    const QStringList aside
        = QDir(dir.path()).entryList({ QStringLiteral("damaged.sqlite.corrupt-*") }, QDir::Files);
    QCOMPARE(aside.size(), 1);
    QVERIFY(QRegularExpression(QStringLiteral("^damaged\\.sqlite\\.corrupt-\\d{8}-\\d{6}$"))
                .match(aside[0])
                .hasMatch());
    QVERIFY2(store.notice().contains(aside[0]), qPrintable(store.notice()));
    QCOMPARE(fileHash(dir.filePath(aside[0])), damagedHash);
    // A fresh, working cache in its place.
    QVERIFY(store.read(makeRequest(query, T0, T0 + 1440 * Minute, Minute)).series.empty());
    QVERIFY2(
        store.write(makeResult(query, T0, Minute, { makeSeries(QStringLiteral("n"), { 1, 2 }) }), &error),
        qPrintable(error));
    QCOMPARE(store.read(makeRequest(query, T0, T0 + 2 * Minute, Minute)).series.size(), size_t(1));
    store.close();
    QVERIFY2(store.open(path, &error), qPrintable(error));
    QVERIFY(store.notice().isEmpty());
}

void TestSampleStore::fullDiskKeepsWhatIsStored()
{
    const QString path = m_dir.filePath(QStringLiteral("full.sqlite"));
    const QString query = QStringLiteral("node_gpu_util");
    SampleStore store(nextConnection());
    QString error;
    QVERIFY2(store.open(path, &error), qPrintable(error));
    const std::vector<double> kept { 1, 2, 3, 4 };
    QVERIFY2(store.write(makeResult(query, T0, Minute, { makeSeries(QStringLiteral("kept"), kept) }), &error),
        qPrintable(error));
    QVERIFY(store.setFileSizeLimit(QFileInfo(path).size() + 8 * 4096, &error));

    // Far more than the room left: random doubles do not compress.
    QueryResult big = makeResult(query, T0 + 10 * Minute, Minute, {});
    QRandomGenerator random(5);
    for (int s = 0; s < 50; ++s) {
        std::vector<double> values(1440);
        for (double &v : values)
            v = random.generateDouble();
        big.series.push_back(makeSeries(QStringLiteral("big-%1").arg(s), std::move(values)));
    }
    error.clear();
    QVERIFY(!store.write(big, &error));
    QVERIFY2(error.contains(path) && error.contains(QLatin1String("full")), qPrintable(error));
    // What was stored before is intact, and nothing of the failed write is half there.
    const QueryResult read = store.read(makeRequest(query, T0, T0 + 1450 * Minute, Minute));
    QCOMPARE(read.series.size(), size_t(1));
    QCOMPARE(read.series[0].name, QStringLiteral("kept"));
    QCOMPARE(store.missing(makeRequest(query, T0 + 10 * Minute, T0 + 20 * Minute, Minute)),
        (std::vector<TimeRange> { { T0 + 10 * Minute, T0 + 20 * Minute } }));

    // Space returns: the same write succeeds.
    QVERIFY(store.setFileSizeLimit(0, &error));
    QVERIFY2(store.write(big, &error), qPrintable(error));
    QCOMPARE(store.read(makeRequest(query, T0, T0 + 1450 * Minute, Minute)).series.size(), size_t(51));
}

void TestSampleStore::emptyResultMarksItsRangeCovered()
{
    SampleStore store(nextConnection());
    QString error;
    QVERIFY2(store.open(QStringLiteral(":memory:"), &error), qPrintable(error));
    const QString query = QStringLiteral("account_gpu_hours");
    const QueryResult empty = makeResult(query, T0, Minute, {});
    // Without an explicit end, an answer with no series covers nothing.
    QVERIFY2(store.write(empty, &error), qPrintable(error));
    QCOMPARE(store.coveredUntil(query, Minute), qint64(0));
    // With the request's end (not on the grid: aligned up), the whole range is known to be empty.
    QVERIFY2(store.write(empty, T0 + 30 * Minute - 1, &error), qPrintable(error));
    QCOMPARE(store.missing(makeRequest(query, T0, T0 + 30 * Minute, Minute)), std::vector<TimeRange>());
    QCOMPARE(store.coveredUntil(query, Minute), T0 + 30 * Minute);
}

void TestSampleStore::killedWriterLosesAtMostTheUnfinishedBatch()
{
    // cache_ingest_helper writes batches of 100 series x 60 points and prints each batch's number
    // after its write() returned; it is killed (SIGKILL) while writing.
    constexpr int seriesPerBatch = 100, batchPoints = 60;
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("killed.sqlite"));
    QProcess helper;
    helper.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    helper.start(QStringLiteral(AISC_CACHE_INGEST_HELPER), { path });
    QVERIFY2(helper.waitForStarted(), qPrintable(helper.errorString()));
    QByteArray output;
    QElapsedTimer timer;
    timer.start();
    while (output.count('\n') < 40 && timer.elapsed() < 30'000) {
        QVERIFY2(helper.state() == QProcess::Running, "the helper stopped on its own");
        helper.waitForReadyRead(1000);
        output += helper.readAllStandardOutput();
    }
    helper.kill(); // SIGKILL on Unix: no destructor, no close, no checkpoint
    QVERIFY(helper.waitForFinished());
    QCOMPARE(helper.exitStatus(), QProcess::CrashExit);
    output += helper.readAllStandardOutput();
    const QList<QByteArray> lines = output.trimmed().split('\n');
    const int committed = lines.last().toInt() + 1; // batches 0 .. committed - 1 were reported
    QVERIFY(committed >= 40);
    QVERIFY(QFileInfo::exists(path + QLatin1String("-wal"))); // killed, not closed

    SampleStore store(nextConnection());
    QString error;
    QVERIFY2(store.open(path, &error), qPrintable(error));
    QVERIFY2(store.notice().isEmpty(), qPrintable(store.notice())); // not damaged
    const QString query = QStringLiteral("node_gpu_util");
    // Every reported batch is there; at most one more (committed, killed before it was printed).
    const qint64 until = store.coveredUntil(query, Minute);
    QVERIFY(until == T0 + committed * batchPoints * Minute
        || until == T0 + (committed + 1) * batchPoints * Minute);
    const int stored = int((until - T0) / (batchPoints * Minute));
    QVERIFY(store.missing(makeRequest(query, T0, until, Minute)).empty());
    const QueryResult read = store.read(makeRequest(query, T0, until, Minute));
    QCOMPARE(read.series.size(), size_t(seriesPerBatch));
    for (int s = 0; s < seriesPerBatch; ++s) {
        const std::vector<double> &values = read.series[size_t(s)].values;
        QCOMPARE(values.size(), size_t(stored * batchPoints));
        for (int b = 0; b < stored; ++b)
            for (int i = 0; i < batchPoints; ++i)
                QCOMPARE(values[size_t(b * batchPoints + i)], b * 1000.0 + s + i / 8.0);
    }
    // Nothing of an unfinished batch is half there.
    QVERIFY(store.read(makeRequest(query, until, until + batchPoints * Minute, Minute)).series.empty());
    // The 1 h tier was written with its chunks: an hourly read of the same range agrees with them.
    constexpr qint64 Hour = 60 * Minute;
    QVERIFY(store.missing(makeRequest(query, T0, until, Hour)).empty());
    const QueryResult hourly = store.read(makeRequest(query, T0, until, Hour));
    QCOMPARE(hourly.series.size(), size_t(seriesPerBatch));
    for (int s = 0; s < seriesPerBatch; ++s) {
        const Buckets expected = bucketsOf(read.series[size_t(s)].values, 60);
        const Series &series = hourly.series[size_t(s)];
        QVERIFY(closeValues(series.values, expected.mean));
        QVERIFY(sameValues(series.minValues, expected.min));
        QVERIFY(sameValues(series.maxValues, expected.max));
    }
    QVERIFY(store.read(makeRequest(query, until, until + Hour, Hour)).series.empty());
}

void TestSampleStore::ageRetentionDeletesOldChunksAndCoverage()
{
    SampleStore store(nextConnection());
    QString error;
    QVERIFY2(store.open(QStringLiteral(":memory:"), &error), qPrintable(error));
    const QString query = QStringLiteral("gpu_util_by_partition");
    const QString empty = QStringLiteral("account_gpu_hours");
    constexpr int days = 20;
    const std::vector<double> values(days * 1440, 42.0);
    QVERIFY2(
        store.write(makeResult(query, T0, Minute,
                        { makeSeries(QStringLiteral("a"), values), makeSeries(QStringLiteral("b"), values) }),
            &error),
        qPrintable(error));
    // A query whose answers held no series: only its coverage is stored.
    QVERIFY2(store.write(makeResult(empty, T0, Minute, {}), T0 + days * Day, &error), qPrintable(error));

    // Ten days kept; the cutoff falls 5 minutes into a chunk (12 h at a 1 min step), which is kept.
    RetentionPolicy policy;
    policy.maxAgeMs = 10 * Day;
    const qint64 now = T0 + days * Day + 5 * Minute;
    RetentionReport report;
    QVERIFY2(store.applyRetention(policy, now, &report, &error), qPrintable(error));
    QCOMPARE(report.chunksDeletedForAge, qint64(2 * 10 * 2)); // 2 series x 10 days x 2 chunks a day
    QCOMPARE(report.chunksDeletedForSize, qint64(0));
    QCOMPARE(report.deletedForSizeUntilMs, qint64(0));
    QVERIFY(report.bytesBefore > 0 && report.bytesAfter > 0);

    const qint64 kept = T0 + 10 * Day;
    QCOMPARE(store.read(makeRequest(query, T0, kept, Minute)).series.size(), size_t(0));
    const QueryResult newer = store.read(makeRequest(query, kept, T0 + days * Day, Minute));
    QCOMPARE(newer.series.size(), size_t(2));
    QVERIFY(sameValues(newer.series[1].values, std::vector<double>(10 * 1440, 42.0)));
    // The deleted range is asked of the source again, for both queries.
    const std::vector<TimeRange> expected { { T0, kept } };
    QCOMPARE(store.missing(makeRequest(query, T0, T0 + days * Day, Minute)), expected);
    QCOMPARE(store.missing(makeRequest(empty, T0, T0 + days * Day, Minute)), expected);
    QCOMPARE(store.coveredUntil(query, Minute), T0 + days * Day);

    // Nothing more to delete: a second run deletes nothing.
    QVERIFY2(store.applyRetention(policy, now, &report, &error), qPrintable(error));
    QCOMPARE(report.chunksDeleted(), qint64(0));
}

void TestSampleStore::sizeCapDeletesOldestFirstAndGivesSpaceBack()
{
    const QString path = m_dir.filePath(QStringLiteral("capped.sqlite"));
    const QString query = QStringLiteral("node_gpu_util");
    SampleStore store(nextConnection());
    QString error;
    QVERIFY2(store.open(path, &error), qPrintable(error));
    // Random doubles do not compress: about 6 kB a chunk, 10 series x 40 chunks, over 2 MB.
    constexpr int days = 20;
    constexpr int seriesCount = 10;
    QRandomGenerator random(11);
    QueryResult result = makeResult(query, T0, Minute, {});
    for (int s = 0; s < seriesCount; ++s) {
        std::vector<double> values(days * 1440);
        for (double &v : values)
            v = random.generateDouble();
        result.series.push_back(
            makeSeries(QStringLiteral("node-%1").arg(s, 2, 10, QLatin1Char('0')), std::move(values)));
    }
    QVERIFY2(store.write(result, &error), qPrintable(error));

    constexpr qint64 cap = 1024 * 1024;
    RetentionPolicy policy;
    policy.maxAgeMs = 0; // size only
    policy.maxBytes = cap;
    RetentionReport report;
    QElapsedTimer timer;
    timer.start();
    QVERIFY2(store.applyRetention(policy, T0 + days * Day, &report, &error), qPrintable(error));
    qInfo("size cap: %lld chunks deleted, %lld -> %lld bytes (file %lld) in %lld ms", report.chunksDeleted(),
        report.bytesBefore, report.bytesAfter, QFileInfo(path).size(), timer.elapsed());
    QVERIFY2(report.bytesBefore > 2 * cap, qPrintable(QString::number(report.bytesBefore)));
    QVERIFY(report.chunksDeletedForSize > 0);
    QCOMPARE(report.chunksDeletedForAge, qint64(0));
    // Space is given back: the file itself shrank to the cap, give or take a few pages.
    constexpr qint64 slack = 64 * 1024;
    QVERIFY2(report.bytesAfter <= cap + slack, qPrintable(QString::number(report.bytesAfter)));
    QVERIFY2(QFileInfo(path).size() <= cap + slack, qPrintable(QString::number(QFileInfo(path).size())));
    // ... and not much below it: about what was needed was deleted.
    QVERIFY2(report.bytesAfter >= cap / 2, qPrintable(QString::number(report.bytesAfter)));

    // Oldest first: one gap at the start, ending where the newest kept data begins.
    const std::vector<TimeRange> missing = store.missing(makeRequest(query, T0, T0 + days * Day, Minute));
    QCOMPARE(missing.size(), size_t(1));
    QCOMPARE(missing[0].startMs, T0);
    const qint64 keptFrom = missing[0].endMs;
    QVERIFY(keptFrom > T0 && keptFrom < T0 + days * Day);
    QCOMPARE(report.deletedForSizeUntilMs, keptFrom);
    QCOMPARE(
        store.read(makeRequest(query, T0, keptFrom - 12 * 60 * Minute, Minute)).series.size(), size_t(0));
    // The newest is kept, every series of it, value for value.
    const QueryResult newest = store.read(makeRequest(query, keptFrom, T0 + days * Day, Minute));
    QCOMPARE(newest.series.size(), size_t(seriesCount));
    const size_t offset = size_t((keptFrom - T0) / Minute);
    for (int s = 0; s < seriesCount; ++s)
        QVERIFY(sameValues(newest.series[s].values,
            std::vector<double>(result.series[s].values.begin() + offset, result.series[s].values.end())));

    // Under the cap now: nothing more is deleted.
    QVERIFY2(store.applyRetention(policy, T0 + days * Day, &report, &error), qPrintable(error));
    QCOMPARE(report.chunksDeleted(), qint64(0));
}

void TestSampleStore::rollupsAnswerCoarseReads_data()
{
    QTest::addColumn<qint64>("fineStep");
    QTest::addColumn<qint64>("coarseStep");
    // The steps of the 24 h, 6 h and 7 d views read by the 7 d, 30 d, 90 d and 1 y views.
    QTest::newRow("1 min read at 30 min (5 min tier)") << Minute << 30 * Minute;
    QTest::newRow("1 min read at 10 min (5 min tier)") << Minute << 10 * Minute;
    QTest::newRow("15 s read at 2 h (1 h tier)") << qint64(15'000) << 120 * Minute;
    QTest::newRow("10 min read at 6 h (1 h tier)") << 10 * Minute << 360 * Minute;
}

void TestSampleStore::rollupsAnswerCoarseReads()
{
    QFETCH(qint64, fineStep);
    QFETCH(qint64, coarseStep);
    SampleStore store(nextConnection());
    QString error;
    QVERIFY2(store.open(QStringLiteral(":memory:"), &error), qPrintable(error));
    const QString query = QStringLiteral("gpu_util_by_partition");
    // Four days of whole percents with a gap, and one sample of a spike that a point sample every
    // coarse step misses.
    const qint64 length = 4 * Day;
    const size_t points = size_t(length / fineStep);
    std::vector<double> values(points);
    QRandomGenerator generator(11);
    for (double &v : values)
        v = 40 + generator.bounded(20);
    const size_t spike = size_t(Day / fineStep) + 1;
    values[spike] = 100;
    std::fill(values.begin() + qsizetype(2 * Day / fineStep),
        values.begin() + qsizetype(2 * Day / fineStep) + 7, NaN);
    QVERIFY2(
        store.write(makeResult(query, T0, fineStep, { makeSeries(QStringLiteral("batch"), values) }), &error),
        qPrintable(error));

    // Gap-only fetching: the coarse view over finely cached data asks the source for nothing...
    const QueryRequest coarse = makeRequest(query, T0, T0 + length, coarseStep);
    QVERIFY(store.missing(coarse).empty());
    // ...beyond it, only the part the fine step does not cover.
    QCOMPARE(store.missing(makeRequest(query, T0, T0 + length + 3 * coarseStep, coarseStep)),
        (std::vector<TimeRange> { { T0 + length, T0 + length + 3 * coarseStep } }));

    const QueryResult read = store.read(coarse);
    QCOMPARE(read.stepMs, coarseStep);
    QCOMPARE(read.series.size(), size_t(1));
    const Series &series = read.series[0];
    QCOMPARE(series.values.size(), size_t(length / coarseStep));
    QVERIFY(series.hasRange());
    const Buckets expected = bucketsOf(values, size_t(coarseStep / fineStep));
    QVERIFY(closeValues(series.values, expected.mean));
    QVERIFY(sameValues(series.minValues, expected.min));
    QVERIFY(sameValues(series.maxValues, expected.max));
    // The spike is in the maximum of its step, though no coarse grid point falls on it.
    const size_t spikeBucket = spike * size_t(fineStep) / size_t(coarseStep);
    QCOMPARE(series.maxValues[spikeBucket], 100.0);
    QVERIFY(series.values[spikeBucket] < 100);

    // A read at the fine step is unchanged: plain samples, no range.
    const QueryResult fine = store.read(makeRequest(query, T0, T0 + length, fineStep));
    QVERIFY(sameValues(fine.series.at(0).values, values));
    QVERIFY(!fine.series.at(0).hasRange());
}

void TestSampleStore::rollupsFollowOverwrites()
{
    SampleStore store(nextConnection());
    QString error;
    QVERIFY2(store.open(QStringLiteral(":memory:"), &error), qPrintable(error));
    const QString query = QStringLiteral("power_mw");
    std::vector<double> values(2 * 1440);
    for (size_t i = 0; i < values.size(); ++i)
        values[i] = 1.25 + double(i % 7) * 0.01;
    QVERIFY2(
        store.write(makeResult(query, T0, Minute, { makeSeries(QStringLiteral("total"), values) }), &error),
        qPrintable(error));
    // A refresh rewrites three minutes in the middle of a chunk (read-modify-write of the chunk):
    // the buckets around them follow, the others keep their values.
    const std::vector<double> tail { 9.5, NaN, 0.5 };
    QVERIFY2(store.write(
                 makeResult(query, T0 + 601 * Minute, Minute, { makeSeries(QStringLiteral("total"), tail) }),
                 &error),
        qPrintable(error));
    std::copy(tail.begin(), tail.end(), values.begin() + 601);
    // A write of another step does not touch the 1 min tiers.
    QVERIFY2(store.write(
                 makeResult(query, T0, 30 * Minute, { makeSeries(QStringLiteral("total"), { 77.0, 77.0 }) }),
                 &error),
        qPrintable(error));

    const QueryResult read = store.read(makeRequest(query, T0, T0 + 2 * Day, 30 * Minute));
    QCOMPARE(read.series.size(), size_t(1));
    const Buckets expected = bucketsOf(values, 30);
    QVERIFY(closeValues(read.series[0].values, expected.mean));
    QVERIFY(sameValues(read.series[0].minValues, expected.min));
    QVERIFY(sameValues(read.series[0].maxValues, expected.max));
    QCOMPARE(read.series[0].maxValues[20], 9.5);
    QCOMPARE(read.series[0].minValues[20], 0.5);
}

void TestSampleStore::rollupsAndTheStepsOwnSamplesShareAWindow()
{
    SampleStore store(nextConnection());
    QString error;
    QVERIFY2(store.open(QStringLiteral(":memory:"), &error), qPrintable(error));
    const QString query = QStringLiteral("queue_pending_by_partition");
    constexpr qint64 Step = 30 * Minute;
    // The first day at 30 min (a 30-day view fetched it), the second at 1 min (a 24 h view did),
    // and half an hour of the second at 30 min too.
    QVERIFY2(store.write(makeResult(query, T0, Step,
                             { makeSeries(QStringLiteral("gpu"), std::vector<double>(49, 3.0)) }),
                 &error),
        qPrintable(error));
    std::vector<double> fine(1440);
    for (size_t i = 0; i < fine.size(); ++i)
        fine[i] = double(i % 30);
    QVERIFY2(
        store.write(makeResult(query, T0 + Day, Minute, { makeSeries(QStringLiteral("gpu"), fine) }), &error),
        qPrintable(error));

    const QueryRequest request = makeRequest(query, T0, T0 + 2 * Day, Step);
    QVERIFY(store.missing(request).empty());
    const QueryResult read = store.read(request);
    QCOMPARE(read.series.size(), size_t(1));
    const Series &series = read.series[0];
    QCOMPARE(series.values.size(), size_t(96));
    QVERIFY(series.hasRange());
    for (size_t k = 0; k < 48; ++k) {
        // Plain samples: the range is the value.
        QCOMPARE(series.values[k], 3.0);
        QCOMPARE(series.minValues[k], 3.0);
        QCOMPARE(series.maxValues[k], 3.0);
    }
    for (size_t k = 48; k < 96; ++k) {
        // From the finer step's tier, also where the 30 min sample exists (k = 48).
        QCOMPARE(series.values[k], 14.5);
        QCOMPARE(series.minValues[k], 0.0);
        QCOMPARE(series.maxValues[k], 29.0);
    }
}

void TestSampleStore::version2CacheGetsItsRollupsOnUpgrade()
{
    const QString path = m_dir.filePath(QStringLiteral("version2.sqlite"));
    const QString query = QStringLiteral("node_gpu_util");
    std::vector<double> values(3 * 1440);
    for (size_t i = 0; i < values.size(); ++i)
        values[i] = double((i * 37) % 101) / 8;
    {
        SampleStore store(nextConnection());
        QString error;
        QVERIFY2(store.open(path, &error), qPrintable(error));
        QVERIFY2(
            store.write(makeResult(query, T0, Minute, { makeSeries(QStringLiteral("n1"), values) }), &error),
            qPrintable(error));
    }
    {
        // What version 2 left: the same tables without rollups.
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("make-v2"));
        db.setDatabaseName(path);
        QVERIFY(db.open());
        QSqlQuery sql(db);
        QVERIFY(sql.exec(QStringLiteral("DROP TABLE rollup")));
        QVERIFY(sql.exec(QStringLiteral("PRAGMA user_version = 2")));
    }
    QSqlDatabase::removeDatabase(QStringLiteral("make-v2"));

    SampleStore store(nextConnection());
    QString error;
    QVERIFY2(store.open(path, &error), qPrintable(error));
    const QueryRequest coarse = makeRequest(query, T0, T0 + 3 * Day, 6 * 60 * Minute);
    QVERIFY(store.missing(coarse).empty());
    const QueryResult read = store.read(coarse);
    QCOMPARE(read.series.size(), size_t(1));
    const Buckets expected = bucketsOf(values, 360);
    QVERIFY(closeValues(read.series[0].values, expected.mean));
    QVERIFY(sameValues(read.series[0].minValues, expected.min));
    QVERIFY(sameValues(read.series[0].maxValues, expected.max));
    store.close();

    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("inspect-v3"));
    db.setDatabaseName(path);
    QVERIFY(db.open());
    QSqlQuery sql(db);
    QVERIFY(sql.exec(QStringLiteral("PRAGMA user_version")) && sql.next());
    QCOMPARE(sql.value(0).toInt(), SampleStore::SchemaVersion);
    // A rollup chunk per chunk and tier: 3 days at 1 min are 6 chunks of 12 h.
    QVERIFY(
        sql.exec(QStringLiteral("SELECT tier_ms, count(*) FROM rollup GROUP BY tier_ms ORDER BY tier_ms")));
    QVERIFY(sql.next());
    QCOMPARE(sql.value(0).toLongLong(), 5 * Minute);
    QCOMPARE(sql.value(1).toInt(), 6);
    QVERIFY(sql.next());
    QCOMPARE(sql.value(0).toLongLong(), 60 * Minute);
    QCOMPARE(sql.value(1).toInt(), 6);
    sql = QSqlQuery();
    db.close();
    db = QSqlDatabase();
    QSqlDatabase::removeDatabase(QStringLiteral("inspect-v3"));
}

void TestSampleStore::retentionDeletesRollupsWithTheirChunks()
{
    const QString path = m_dir.filePath(QStringLiteral("rollup-retention.sqlite"));
    SampleStore store(nextConnection());
    QString error;
    QVERIFY2(store.open(path, &error), qPrintable(error));
    const QString query = QStringLiteral("gpu_util_by_partition");
    constexpr int days = 20;
    QVERIFY2(store.write(makeResult(query, T0, Minute,
                             { makeSeries(QStringLiteral("a"), std::vector<double>(days * 1440, 42.0)) }),
                 &error),
        qPrintable(error));
    const qint64 cut = T0 + 10 * Day;
    // Rollup chunks of the chunks before the cut.
    const auto rollupChunksBeforeCut = [&]() {
        QSqlDatabase db
            = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("inspect-rollup"));
        db.setDatabaseName(path);
        qint64 count = -1;
        if (db.open()) {
            QSqlQuery sql(db);
            if (sql.exec(
                    QStringLiteral("SELECT count(*) FROM rollup WHERE chunk_start_ms + step_ms * 720 <= %1")
                        .arg(cut))
                && sql.next())
                count = sql.value(0).toLongLong();
        }
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(QStringLiteral("inspect-rollup"));
        return count;
    };
    QVERIFY(rollupChunksBeforeCut() > 0);

    RetentionPolicy policy;
    policy.maxAgeMs = 10 * Day;
    QVERIFY2(store.applyRetention(policy, T0 + days * Day, nullptr, &error), qPrintable(error));
    QCOMPARE(rollupChunksBeforeCut(), qint64(0));

    // The deleted days are missing at the coarse step too, and not answered from stale rollups.
    constexpr qint64 Step = 2 * 60 * Minute;
    QCOMPARE(store.missing(makeRequest(query, T0, T0 + days * Day, Step)),
        (std::vector<TimeRange> { { T0, cut } }));
    const QueryResult read = store.read(makeRequest(query, T0, T0 + days * Day, Step));
    QCOMPARE(read.series.size(), size_t(1));
    for (size_t k = 0; k < read.series[0].values.size(); ++k)
        QCOMPARE(std::isnan(read.series[0].values[k]), k < 10 * 12);
}

QTEST_GUILESS_MAIN(TestSampleStore)
#include "tst_samplestore.moc"
