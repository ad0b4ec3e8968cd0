// `aisc-dashboard export`, run as cron would: no display, exit codes and messages on stderr,
// and files that hold exactly what the dashboard shows.
#include "Simulation.h"

#include <QDateTime>
#include <QFile>
#include <QImage>
#include <QMap>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

#include <cmath>

class TestExportCli : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }
    void csvHoldsTheSimulationsValuesExactly();
    void chartsInEveryFormat();
    void reportInBothLanguages_data();
    void reportInBothLanguages();
    void badRequestsAreNamed_data();
    void badRequestsAreNamed();
    void unreachableSourceWithoutCacheFails();
    void unreachableSourceWritesWhatIsCached();

private:
    struct Run
    {
        int exitCode = -1;
        QString err;
    };
    static Run run(const QStringList &arguments);
    static quint16 closedPort();
    QTemporaryDir m_dir;
};

TestExportCli::Run TestExportCli::run(const QStringList &arguments)
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    // No display at all, as under cron: the export must choose the offscreen platform itself.
    environment.remove(QStringLiteral("DISPLAY"));
    environment.remove(QStringLiteral("WAYLAND_DISPLAY"));
    environment.remove(QStringLiteral("QT_QPA_PLATFORM"));
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(AISC_DASHBOARD_BIN), QStringList { QStringLiteral("export") } + arguments);
    if (!process.waitForFinished(120000)) {
        process.kill();
        process.waitForFinished();
        return {};
    }
    return { process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
        QString::fromLocal8Bit(process.readAllStandardError()) };
}

quint16 TestExportCli::closedPort()
{
    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHost))
        return 0;
    return server.serverPort(); // closed again when server goes
}

void TestExportCli::csvHoldsTheSimulationsValuesExactly()
{
    const QString output = m_dir.filePath(QStringLiteral("utilisation.csv"));
    // The last grid point may lie after the moment the export read the centre: the simulated centre has
    // no sample there yet. No point before the export was launched can be one.
    const qint64 launched = QDateTime::currentMSecsSinceEpoch();
    const Run result
        = run({ QStringLiteral("--demo"), QStringLiteral("--csv"), QStringLiteral("gpu_util_by_partition"),
            QStringLiteral("--range"), QStringLiteral("6h"), QStringLiteral("--output"), output,
            QStringLiteral("--cache"), m_dir.filePath(QStringLiteral("demo.sqlite")) });
    QVERIFY2(result.exitCode == 0, qPrintable(result.err));
    QVERIFY2(result.err.contains(QLatin1String("Wrote ")), qPrintable(result.err));
    QVERIFY2(result.err.contains(QLatin1String("100%")), qPrintable(result.err)); // progress

    QFile file(output);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QList<QByteArray> rows = file.readAll().split('\n');
    rows.removeAll(QByteArray());
    QCOMPARE(rows.size(), 1 + 6 * 60 * 4); // 6 h at 15 s
    const QList<QByteArray> header = rows.front().trimmed().split(',');
    QCOMPARE(header.front(), QByteArray("time (UTC)"));

    // The same grid asked of the simulated centre the demo runs on: the very same numbers.
    auto timeOf = [](const QByteArray &row) {
        return QDateTime::fromString(QString::fromLatin1(row.left(row.indexOf(','))), Qt::ISODate)
            .toMSecsSinceEpoch();
    };
    const qint64 start = timeOf(rows.at(1));
    const qint64 step = timeOf(rows.at(2)) - start;
    QCOMPARE(step, 15000);
    Simulation simulation { SimulationConfig {} };
    const QueryResult expected = simulation.evaluate(
        { QStringLiteral("gpu_util_by_partition"), start, start + qint64(rows.size() - 1) * step, step });
    QCOMPARE(qsizetype(expected.series.size()), header.size() - 1);
    int compared = 0;
    for (qsizetype c = 1; c < header.size(); ++c) {
        const QString name = QString::fromUtf8(header.at(c)).section(QLatin1String(" ("), 0, 0);
        const Series *series = expected.findSeries(name);
        QVERIFY2(series, qPrintable(name));
        for (qsizetype r = 1; r < rows.size(); ++r) {
            const QByteArray cell = rows.at(r).trimmed().split(',').at(c);
            const double value = series->values[size_t(r - 1)];
            const QByteArray where = "row " + QByteArray::number(r) + " of "
                + QByteArray::number(rows.size() - 1) + " (" + rows.at(r).left(rows.at(r).indexOf(','))
                + "), " + header.at(c) + ": '" + cell + "' against " + QByteArray::number(value, 'g', 17);
            if (std::isnan(value)) {
                QVERIFY2(cell.isEmpty(), where.constData());
            } else if (cell.isEmpty() && timeOf(rows.at(r)) > launched) {
                continue; // not yet sampled when the export ran
            } else {
                QVERIFY2(
                    !cell.isEmpty() && std::strtod(cell.constData(), nullptr) == value, where.constData());
                ++compared;
            }
        }
    }
    QVERIFY(compared > 4000);
}

void TestExportCli::chartsInEveryFormat()
{
    const QString cache = m_dir.filePath(QStringLiteral("charts.sqlite"));
    auto exportChart = [&](const QString &format, const QString &size) {
        const QString output = m_dir.filePath(QStringLiteral("queue.") + format);
        QStringList arguments { QStringLiteral("--demo"), QStringLiteral("--chart"),
            QStringLiteral("queue_pending_by_partition"), QStringLiteral("--range"), QStringLiteral("24h"),
            QStringLiteral("--output"), output, QStringLiteral("--cache"), cache };
        if (!size.isEmpty())
            arguments << QStringLiteral("--size") << size;
        const Run result = run(arguments);
        return result.exitCode == 0 ? output : QString();
    };

    // PNG at twice the pixel size asked for.
    const QString png = exportChart(QStringLiteral("png"), QStringLiteral("1200x700"));
    QVERIFY(!png.isEmpty());
    const QImage image(png);
    QCOMPARE(image.size(), QSize(2400, 1400));
    // Not a blank image: the chart's lines are in it.
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 7)
        for (int x = 0; x < image.width(); x += 7)
            colours.insert(image.pixel(x, y));
    QVERIFY(colours.size() > 20);

    // SVG: well-formed XML at the size asked for, with its text as text.
    const QString svg = exportChart(QStringLiteral("svg"), QString());
    QVERIFY(!svg.isEmpty());
    QFile svgFile(svg);
    QVERIFY(svgFile.open(QIODevice::ReadOnly));
    QXmlStreamReader xml(&svgFile);
    QStringList texts;
    QString viewBox;
    QString stroke; // of the group being read
    QMap<QString, int> linePaths; // long paths by stroke colour: the series' lines
    while (!xml.atEnd()) {
        if (xml.readNext() == QXmlStreamReader::StartElement) {
            if (xml.name() == QLatin1String("g"))
                stroke = xml.attributes().value(QLatin1String("stroke")).toString();
            if (xml.name() == QLatin1String("polyline"))
                ++linePaths[QStringLiteral("polyline")];
            if (xml.name() == QLatin1String("path")
                && xml.attributes().value(QLatin1String("d")).count(QLatin1Char('L')) > 100)
                ++linePaths[stroke];
            if (xml.name() == QLatin1String("svg"))
                viewBox = xml.attributes().value(QLatin1String("viewBox")).toString();
            if (xml.name() == QLatin1String("text"))
                texts.append(xml.readElementText(QXmlStreamReader::IncludeChildElements).trimmed());
        }
    }
    QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
    QCOMPARE(viewBox, QStringLiteral("0 0 1600 900"));
    // One path per series (four partitions), in the series' colours; no loose segments.
    QCOMPARE(linePaths.value(QStringLiteral("polyline")), 0);
    QCOMPARE(linePaths.size(), 4);
    for (auto it = linePaths.cbegin(); it != linePaths.cend(); ++it)
        QVERIFY2(it.value() == 1, qPrintable(it.key()));
    QVERIFY2(texts.join(QLatin1Char(' ')).contains(QLatin1String("Jobs waiting by partition")),
        qPrintable(texts.join(QLatin1Char('|'))));
    QVERIFY(texts.contains(QStringLiteral("batch")));

    // PDF: one page, its title as text.
    const QString pdf = exportChart(QStringLiteral("pdf"), QString());
    QVERIFY(!pdf.isEmpty());
    QProcess pdftotext;
    pdftotext.start(QStringLiteral("pdftotext"), { pdf, QStringLiteral("-") });
    QVERIFY(pdftotext.waitForFinished(30000));
    const QString text = QString::fromUtf8(pdftotext.readAllStandardOutput());
    QVERIFY2(text.contains(QLatin1String("Jobs waiting by partition")), qPrintable(text));
    QCOMPARE(text.count(QLatin1Char('\f')), 1);
}

void TestExportCli::reportInBothLanguages_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("paper");
    QTest::addColumn<QStringList>("headings");
    QTest::newRow("en") << QStringLiteral("en") << QStringLiteral("A4")
                        << QStringList { QStringLiteral("AISC Operations Report"), QStringLiteral("Contents"),
                               QStringLiteral("Summary"), QStringLiteral("Capacity against the roadmap"),
                               QStringLiteral("GPU utilisation"), QStringLiteral("Job queue"),
                               QStringLiteral("Top accounts"), QStringLiteral("Alerts"),
                               QStringLiteral("Page 7 of 7") };
    QTest::newRow("zh_HK") << QStringLiteral("zh_HK") << QStringLiteral("Letter")
                           << QStringList { QStringLiteral("AISC 營運報告"), QStringLiteral("目錄"),
                                  QStringLiteral("摘要"), QStringLiteral("算力與發展路線圖"),
                                  QStringLiteral("GPU 使用率"), QStringLiteral("作業佇列"),
                                  QStringLiteral("主要帳戶"), QStringLiteral("警報"),
                                  QStringLiteral("第 7 頁，共 7 頁") };
}

void TestExportCli::reportInBothLanguages()
{
    QFETCH(QString, language);
    QFETCH(QString, paper);
    QFETCH(QStringList, headings);
    const QString output = m_dir.filePath(QStringLiteral("report-%1.pdf").arg(language));
    const Run result = run({ QStringLiteral("--demo"), QStringLiteral("--report"), output,
        QStringLiteral("--lang"), language, QStringLiteral("--page-size"), paper, QStringLiteral("--cache"),
        m_dir.filePath(QStringLiteral("report.sqlite")) });
    QVERIFY2(result.exitCode == 0, qPrintable(result.err));

    QProcess info;
    info.start(QStringLiteral("pdfinfo"), { output });
    QVERIFY(info.waitForFinished(30000));
    const QString facts = QString::fromUtf8(info.readAllStandardOutput());
    QVERIFY2(facts.contains(QRegularExpression(QStringLiteral("Pages:\\s+7\\b"))), qPrintable(facts));
    // A4 is 595 × 842 points, Letter 612 × 792.
    QVERIFY2(facts.contains(paper == QLatin1String("A4") ? QLatin1String("595") : QLatin1String("612 x 792")),
        qPrintable(facts));

    QProcess pdftotext;
    pdftotext.start(QStringLiteral("pdftotext"), { output, QStringLiteral("-") });
    QVERIFY(pdftotext.waitForFinished(30000));
    // Qt's PDF output maps some CJK characters to their compatibility forms (目 as the Kangxi radical
    // ⽬): compared after NFKC normalisation, as a search in a PDF reader does.
    const QString text
        = QString::fromUtf8(pdftotext.readAllStandardOutput()).normalized(QString::NormalizationForm_KC);
    QCOMPARE(text.count(QLatin1Char('\f')), 7);
    for (const QString &heading : headings)
        QVERIFY2(text.contains(heading.normalized(QString::NormalizationForm_KC)),
            qPrintable(heading + QStringLiteral(" not in:\n") + text.left(3000)));
    // The headline figures as numbers with their units: the simulated centre's installed capacity
    // today, and jobs running and waiting.
    QVERIFY2(text.contains(QStringLiteral("3,000 PFLOPS")), qPrintable(text.left(3000)));
    QVERIFY2(
        text.contains(QRegularExpression(
            language == QLatin1String("en") ? QStringLiteral("\\d+ jobs") : QStringLiteral("\\d+ 個作業"))),
        qPrintable(text.left(3000)));

    // Chinese text is set in Noto Sans CJK TC, embedded.
    if (language == QLatin1String("zh_HK")) {
        QProcess fonts;
        fonts.start(QStringLiteral("pdffonts"), { output });
        QVERIFY(fonts.waitForFinished(30000));
        const QString list = QString::fromUtf8(fonts.readAllStandardOutput());
        QVERIFY2(list.contains(QLatin1String("NotoSansCJK")), qPrintable(list));
        // Every font embedded: the "emb" column of each font's line says yes.
        static const QRegularExpression row(
            QStringLiteral("\\s(yes|no)\\s+(yes|no)\\s+(yes|no)\\s+\\d+\\s+\\d+\\s*$"));
        int fontsListed = 0;
        for (const QString &line : list.split(QLatin1Char('\n'))) {
            const QRegularExpressionMatch match = row.match(line);
            if (!match.hasMatch())
                continue;
            ++fontsListed;
            QVERIFY2(match.captured(1) == QLatin1String("yes"), qPrintable(line));
        }
        QVERIFY(fontsListed >= 2);
    }
}

void TestExportCli::badRequestsAreNamed_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("stderrHas");
    const QString out = QDir::temp().filePath(QStringLiteral("aisc-export-test.csv"));
    QTest::newRow("unknown query id") << QStringList { QStringLiteral("--demo"), QStringLiteral("--csv"),
        QStringLiteral("gpu_magic"), QStringLiteral("--output"), out }
                                      << 2 << QStringLiteral("Unknown query id 'gpu_magic': expected one of");
    QTest::newRow("folder missing") << QStringList { QStringLiteral("--demo"), QStringLiteral("--csv"),
        QStringLiteral("power_mw"), QStringLiteral("--output"), QStringLiteral("/nonexistent-aisc/out.csv") }
                                    << 2 << QStringLiteral("the folder /nonexistent-aisc does not exist");
    QTest::newRow("no output") << QStringList { QStringLiteral("--csv"), QStringLiteral("power_mw") } << 2
                               << QStringLiteral("--csv needs --output FILE");
    QTest::newRow("nothing asked") << QStringList { QStringLiteral("--demo") } << 2
                                   << QStringLiteral("exactly one of --csv ID, --chart ID or --report FILE");
    QTest::newRow("bad format") << QStringList { QStringLiteral("--chart"), QStringLiteral("power_mw"),
        QStringLiteral("--format"), QStringLiteral("gif"), QStringLiteral("--output"), out }
                                << 2 << QStringLiteral("'gif' for --format");
    QTest::newRow("bad size") << QStringList { QStringLiteral("--chart"), QStringLiteral("power_mw"),
        QStringLiteral("--format"), QStringLiteral("png"), QStringLiteral("--size"), QStringLiteral("10x10"),
        QStringLiteral("--output"), out }
                              << 2 << QStringLiteral("'10x10' for --size");
    QTest::newRow("bad range") << QStringList { QStringLiteral("--csv"), QStringLiteral("power_mw"),
        QStringLiteral("--range"), QStringLiteral("forever"), QStringLiteral("--output"), out }
                               << 2 << QStringLiteral("'forever' for --range");
    QTest::newRow("bad paper") << QStringList { QStringLiteral("--report"), out,
        QStringLiteral("--page-size"), QStringLiteral("A3") }
                               << 2 << QStringLiteral("'A3' for --page-size");
}

void TestExportCli::badRequestsAreNamed()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    QFETCH(QString, stderrHas);
    const Run result = run(arguments);
    QCOMPARE(result.exitCode, exitCode);
    QVERIFY2(result.err.contains(stderrHas), qPrintable(result.err));
}

void TestExportCli::unreachableSourceWithoutCacheFails()
{
    const quint16 port = closedPort();
    QVERIFY(port != 0);
    const QString output = m_dir.filePath(QStringLiteral("never.csv"));
    const Run result = run({ QStringLiteral("--prometheus"), QStringLiteral("http://127.0.0.1:%1").arg(port),
        QStringLiteral("--csv"), QStringLiteral("power_mw"), QStringLiteral("--output"), output,
        QStringLiteral("--cache"), m_dir.filePath(QStringLiteral("empty.sqlite")) });
    QCOMPARE(result.exitCode, 1);
    QVERIFY2(result.err.contains(QLatin1String("Nothing written")), qPrintable(result.err));
    QVERIFY2(result.err.contains(QLatin1String("the cache holds no data")), qPrintable(result.err));
    QVERIFY(!QFile::exists(output));
}

void TestExportCli::unreachableSourceWritesWhatIsCached()
{
    // A cache filled earlier (here from the simulated centre), then the server is down.
    const QString cache = m_dir.filePath(QStringLiteral("kept.sqlite"));
    const QString first = m_dir.filePath(QStringLiteral("first.csv"));
    QCOMPARE(run({ QStringLiteral("--demo"), QStringLiteral("--csv"), QStringLiteral("power_mw"),
                     QStringLiteral("--range"), QStringLiteral("1h"), QStringLiteral("--output"), first,
                     QStringLiteral("--cache"), cache })
                 .exitCode,
        0);
    const QString output = m_dir.filePath(QStringLiteral("from-cache.csv"));
    // Six hours asked, one cached: the server is needed, fails, and the cached hour is written.
    const Run result
        = run({ QStringLiteral("--prometheus"), QStringLiteral("http://127.0.0.1:%1").arg(closedPort()),
            QStringLiteral("--csv"), QStringLiteral("power_mw"), QStringLiteral("--range"),
            QStringLiteral("6h"), QStringLiteral("--output"), output, QStringLiteral("--cache"), cache });
    QVERIFY2(result.exitCode == 0, qPrintable(result.err));
    QVERIFY2(result.err.contains(QLatin1String("Warning:")), qPrintable(result.err));
    QVERIFY2(result.err.contains(QLatin1String("writing what the cache holds")), qPrintable(result.err));
    QFile file(output);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray csv = file.readAll();
    QCOMPARE(csv.count('\n'), 1 + 6 * 60 * 4);
    // The hours before are empty cells, not zeros; the cached hour has its values.
    QVERIFY(csv.contains("Z,\r\n"));
    QVERIFY(csv.right(200).contains('.'));
}

QTEST_GUILESS_MAIN(TestExportCli)
#include "tst_export_cli.moc"
