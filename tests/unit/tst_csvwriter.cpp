// CSV for spreadsheets and scripts: exact numbers, ISO-8601 UTC times, quoted names, units in the header.
#include "CsvWriter.h"
#include "Simulation.h"

#include <QDateTime>
#include <QFile>
#include <QStandardItemModel>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

namespace {
QList<QByteArray> lines(const QByteArray &csv)
{
    QList<QByteArray> result = csv.split('\n');
    if (!result.isEmpty() && result.last().isEmpty())
        result.removeLast();
    for (QByteArray &line : result) {
        if (!line.endsWith('\r'))
            return {}; // not CRLF, as RFC 4180 says: every comparison of the rows then fails
        line.chop(1);
    }
    return result;
}
} // namespace

class TestCsvWriter : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void numbersReadBackExactly_data()
    {
        QTest::addColumn<double>("value");
        QTest::newRow("whole") << 3000.0;
        QTest::newRow("fraction") << 71.25;
        QTest::newRow("third") << 1.0 / 3.0;
        QTest::newRow("tiny") << 1.5e-9;
        QTest::newRow("huge") << 9.87654321e15;
        QTest::newRow("negative") << -0.1;
    }
    void numbersReadBackExactly()
    {
        QFETCH(double, value);
        const QByteArray text = CsvWriter::number(value);
        QVERIFY(!text.contains(','));
        QCOMPARE(std::strtod(text.constData(), nullptr), value);
        QVERIFY(CsvWriter::number(qQNaN()).isEmpty());
    }

    void resultIsOneRowPerTimestampAndOneColumnPerSeries()
    {
        Simulation simulation(SimulationConfig { 7, Roadmap::builtIn(), 3000 });
        const qint64 start = QDateTime(QDate(2026, 3, 2), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
        QueryResult result
            = simulation.evaluate({ QStringLiteral("gpu_util_by_partition"), start, start + 3600000, 60000 });
        QVERIFY(result.series.size() >= 2);
        result.series.front().values[5] = qQNaN(); // a gap
        const QList<QByteArray> rows = lines(CsvWriter::fromResult(result, QStringLiteral("%")));
        QCOMPARE(rows.size(), 1 + 60);
        const QList<QByteArray> header = rows.front().split(',');
        QCOMPARE(header.front(), QByteArray("time (UTC)"));
        QCOMPARE(header.size(), 1 + qsizetype(result.series.size()));
        QCOMPARE(header.at(1), (result.series.front().name + QStringLiteral(" (%)")).toUtf8());
        for (int i = 0; i < 60; ++i) {
            const QList<QByteArray> cells = rows.at(1 + i).split(',');
            QCOMPARE(cells.front(), QByteArray(i == 0 ? "2026-03-02T00:00:00Z" : cells.front()));
            QCOMPARE(
                QDateTime::fromString(QString::fromLatin1(cells.front()), Qt::ISODate).toMSecsSinceEpoch(),
                result.timestampAt(i));
            for (size_t s = 0; s < result.series.size(); ++s) {
                const double expected = result.series[s].values[size_t(i)];
                const QByteArray &cell = cells.at(qsizetype(s) + 1);
                if (std::isnan(expected))
                    QVERIFY(cell.isEmpty());
                else
                    QCOMPARE(std::strtod(cell.constData(), nullptr), expected); // exactly the model's value
            }
        }
    }

    void namesAreQuotedAndUnitsTranslatedOnlyWhereNeeded()
    {
        QueryResult result { QStringLiteral("q"), 0, 60000, {}, {} };
        result.series.push_back(Series { QStringLiteral("HKU, \"AI\" lab"), {}, { 1 } });
        result.series.push_back(Series { QStringLiteral("科大"), {}, { 2 } });
        const QByteArray csv = CsvWriter::fromResult(result, QStringLiteral("GPU-h"), { true });
        QVERIFY(csv.startsWith("\xEF\xBB\xBF"));
        const QList<QByteArray> rows = lines(csv.mid(3));
        QCOMPARE(
            rows.front(), QStringLiteral("time (UTC),\"HKU, \"\"AI\"\" lab (GPU-h)\",科大 (GPU-h)").toUtf8());
        QCOMPARE(rows.at(1), QByteArray("1970-01-01T00:00:00Z,1,2"));
        QCOMPARE(rows.size(), 2);
    }

    void tableWritesRawNumbersAndShownText()
    {
        QStandardItemModel model(2, 2);
        model.setHorizontalHeaderLabels({ QStringLiteral("node"), QStringLiteral("utilisation") });
        constexpr int raw = Qt::UserRole + 1;
        model.setData(model.index(0, 0), QStringLiteral("aisc-gpu-0001"));
        model.setData(model.index(0, 1), QStringLiteral("71.3%"));
        model.setData(model.index(0, 1), 71.25, raw);
        model.setData(model.index(1, 0), QStringLiteral("aisc-gpu-0002"));
        model.setData(model.index(1, 1), QStringLiteral("–"));
        const QList<QByteArray> rows = lines(CsvWriter::fromTable(model, raw));
        QCOMPARE(rows.size(), 3);
        QCOMPARE(rows.at(0), QByteArray("node,utilisation"));
        QCOMPARE(rows.at(1), QByteArray("aisc-gpu-0001,71.25"));
        QCOMPARE(rows.at(2), QStringLiteral("aisc-gpu-0002,–").toUtf8());
        // Without a raw role, what is shown.
        QCOMPARE(lines(CsvWriter::fromTable(model)).at(1), QByteArray("aisc-gpu-0001,71.3%"));
    }

    void unwritablePathIsNamed()
    {
        QTemporaryDir dir;
        QString error;
        const QString path = dir.filePath(QStringLiteral("no-such-folder/out.csv"));
        QVERIFY(!CsvWriter::writeFile(path, "a\r\n", &error));
        QVERIFY2(error.contains(path), qPrintable(error));
        const QString good = dir.filePath(QStringLiteral("out.csv"));
        QVERIFY2(CsvWriter::writeFile(good, "a\r\n", &error), qPrintable(error));
        QFile file(good);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), QByteArray("a\r\n"));
    }
};

QTEST_GUILESS_MAIN(TestCsvWriter)
#include "tst_csvwriter.moc"
