#include "Roadmap.h"

#include <QDateTime>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

namespace {

qint64 utcMs(int year, int month, int day, int hour = 12)
{
    return QDateTime(QDate(year, month, day), QTime(hour, 0), Qt::UTC).toMSecsSinceEpoch();
}

const char validRoadmap[] = R"({
  "centre": { "en": "Test Centre", "zh_HK": "測試中心" },
  "milestones": [
    { "id": "a", "date": "2030-01-01", "pflops": 10, "label": { "en": "First", "zh_HK": "第一" } },
    { "id": "b", "date": "2030-06-30", "pflops": 20, "rampDays": 30, "label": { "en": "Second" } }
  ],
  "simulation": { "gpuModel": "Test GPU", "gpusPerNode": 4 }
})";

} // namespace

class TestRoadmap : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void builtIn();
    void nextMilestone_data();
    void nextMilestone();
    void loadValid();
    void loadBad_data();
    void loadBad();
    void missingFile();

private:
    QString write(const QString &name, const QByteArray &contents);
    QTemporaryDir m_dir;
};

void TestRoadmap::initTestCase()
{
    QVERIFY(m_dir.isValid());
}

QString TestRoadmap::write(const QString &name, const QByteArray &contents)
{
    const QString path = m_dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(contents) != contents.size())
        qFatal("cannot write %s", qPrintable(path));
    return path;
}

void TestRoadmap::builtIn()
{
    const Roadmap &roadmap = Roadmap::builtIn();
    const std::vector<RoadmapMilestone> &milestones = roadmap.milestones();
    QCOMPARE(milestones.size(), size_t(3));
    QCOMPARE(milestones[0].pflops, 300.0);
    QCOMPARE(milestones[1].pflops, 1300.0);
    QCOMPARE(milestones[2].pflops, 3000.0);
    QVERIFY(milestones[0].date < milestones[1].date);
    QVERIFY(milestones[1].date < milestones[2].date);
    QCOMPARE(milestones[1].date, QDate(2024, 12, 31)); // "by the end of 2024"
    QCOMPARE(milestones[2].date.year(), 2025); // "during 2025"
    QCOMPARE(roadmap.finalPflops(), 3000.0);
    for (const RoadmapMilestone &m : milestones) {
        QVERIFY(!m.labelEn.isEmpty());
        QVERIFY(!m.labelZhHk.isEmpty());
    }
    QCOMPARE(roadmap.centreName(QStringLiteral("en")), QStringLiteral("Cyberport AI Supercomputing Centre"));
    QCOMPARE(roadmap.centreName(QStringLiteral("zh_HK")), QStringLiteral("數碼港人工智能超算中心"));
    QVERIFY(roadmap.gpusPerNode() >= 1);
    QVERIFY(!roadmap.gpuModel().isEmpty());
}

void TestRoadmap::nextMilestone_data()
{
    QTest::addColumn<qint64>("at");
    QTest::addColumn<double>("expectedPflops");
    QTest::newRow("long before") << utcMs(2023, 1, 1) << 300.0;
    QTest::newRow("day before the first") << utcMs(2024, 11, 21) << 300.0;
    QTest::newRow("on the first, late in the day") << utcMs(2024, 11, 22, 23) << 300.0;
    QTest::newRow("day after the first") << utcMs(2024, 11, 23, 0) << 1300.0;
    QTest::newRow("between first and second") << utcMs(2024, 12, 10) << 1300.0;
    QTest::newRow("on the second") << utcMs(2024, 12, 31) << 1300.0;
    QTest::newRow("between second and third") << utcMs(2025, 6, 1) << 3000.0;
    QTest::newRow("on the last") << utcMs(2025, 12, 31) << 3000.0;
    QTest::newRow("after all") << utcMs(2027, 3, 1) << 3000.0;
}

void TestRoadmap::nextMilestone()
{
    QFETCH(qint64, at);
    QFETCH(double, expectedPflops);
    QCOMPARE(Roadmap::builtIn().nextMilestone(at).pflops, expectedPflops);
}

void TestRoadmap::loadValid()
{
    QString error;
    const std::optional<Roadmap> roadmap
        = Roadmap::load(write(QStringLiteral("valid.json"), validRoadmap), &error);
    QVERIFY2(roadmap, qPrintable(error));
    QCOMPARE(roadmap->milestones().size(), size_t(2));
    QCOMPARE(roadmap->milestones()[1].rampDays, 30);
    QCOMPARE(roadmap->gpusPerNode(), 4);
    QCOMPARE(roadmap->gpuModel(), QStringLiteral("Test GPU"));
    QCOMPARE(roadmap->finalPflops(), 20.0);
    // A label without a translation falls back to English.
    QCOMPARE(roadmap->milestones()[0].label(QStringLiteral("zh_HK")), QStringLiteral("第一"));
    QCOMPARE(roadmap->milestones()[1].label(QStringLiteral("zh_HK")), QStringLiteral("Second"));
    QCOMPARE(roadmap->milestones()[0].label(QStringLiteral("en_GB")), QStringLiteral("First"));
}

void TestRoadmap::loadBad_data()
{
    QTest::addColumn<QByteArray>("contents");
    QTest::addColumn<QString>("mentions"); // besides the file name

    QTest::newRow("invalid JSON") << QByteArray(R"({ "milestones": [ )") << QString();
    QTest::newRow("empty file") << QByteArray() << QString();
    QTest::newRow("top level not an object")
        << QByteArray(R"([ { "id": "a" } ])") << QStringLiteral("object");
    QTest::newRow("truncated JSON says where")
        << QByteArray(R"({ "milestones": [ { "id": )") << QStringLiteral("byte");
    QTest::newRow("no milestones") << QByteArray(R"({ "milestones": [] })") << QString();
    QTest::newRow("milestone without date")
        << QByteArray(R"({ "milestones": [ { "id": "undated", "pflops": 300 } ] })")
        << QStringLiteral("undated");
    QTest::newRow("milestone with a bad date")
        << QByteArray(R"({ "milestones": [ { "id": "typo", "date": "2024-13-01", "pflops": 300 } ] })")
        << QStringLiteral("typo");
    QTest::newRow("milestone without capacity")
        << QByteArray(R"({ "milestones": [ { "id": "empty", "date": "2024-11-22" } ] })")
        << QStringLiteral("empty");
    QTest::newRow("decreasing capacity") << QByteArray(R"({ "milestones": [
            { "id": "big", "date": "2024-11-22", "pflops": 3000 },
            { "id": "small", "date": "2025-11-22", "pflops": 300 } ] })")
                                         << QStringLiteral("small");
    QTest::newRow("dates out of order") << QByteArray(R"({ "milestones": [
            { "id": "late", "date": "2025-11-22", "pflops": 300 },
            { "id": "early", "date": "2024-11-22", "pflops": 3000 } ] })")
                                        << QStringLiteral("early");
    QTest::newRow("no GPUs per node")
        << QByteArray(R"({ "milestones": [ { "id": "a", "date": "2024-11-22", "pflops": 3 } ],
                          "simulation": { "gpusPerNode": 0 } })")
        << QStringLiteral("gpusPerNode");
}

void TestRoadmap::loadBad()
{
    QFETCH(QByteArray, contents);
    QFETCH(QString, mentions);
    const QString path
        = write(QStringLiteral("%1.json").arg(
                    QString::fromLatin1(QTest::currentDataTag()).replace(QLatin1Char(' '), QLatin1Char('_'))),
            contents);
    QString error;
    QVERIFY(!Roadmap::load(path, &error));
    QVERIFY2(error.contains(path), qPrintable(error));
    if (!mentions.isEmpty())
        QVERIFY2(error.contains(mentions), qPrintable(error));
    QVERIFY(!Roadmap::load(path, nullptr)); // the error is optional
}

void TestRoadmap::missingFile()
{
    const QString path = m_dir.filePath(QStringLiteral("does-not-exist.json"));
    QString error;
    QVERIFY(!Roadmap::load(path, &error));
    QVERIFY2(error.contains(path), qPrintable(error));
}

QTEST_GUILESS_MAIN(TestRoadmap)
#include "tst_roadmap.moc"
