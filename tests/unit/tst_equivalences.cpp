// The press release's equivalences, loaded from the resources and scaled to installed capacity.
#include "Equivalences.h"

#include <QTemporaryDir>
#include <QTest>

class TestEquivalences : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void builtInHoldsTheReleaseFigures();
    void scalesLinearlyToInstalledCapacity();
    void noCapacityNoFigures();
    void formatCount_data();
    void formatCount();
    void footnoteSaysWhereTheFiguresComeFrom();
    void badFilesNameFileAndWhat_data();
    void badFilesNameFileAndWhat();
};

void TestEquivalences::builtInHoldsTheReleaseFigures()
{
    const Equivalences &builtIn = Equivalences::builtIn();
    QCOMPARE(builtIn.referencePflops(), 3000.0);
    QVERIFY(builtIn.source().contains(QLatin1String("22 November 2024")));
    QCOMPARE(builtIn.items().size(), size_t(3));
    QCOMPARE(builtIn.items()[0].id, QStringLiteral("images"));
    QCOMPARE(builtIn.items()[0].perHour, 10e9);
    QCOMPARE(builtIn.items()[1].perHour, 11e6);
    QCOMPARE(builtIn.items()[2].perHour, 40000.0);
}

void TestEquivalences::scalesLinearlyToInstalledCapacity()
{
    const QLocale english(QLocale::English, QLocale::UnitedStates);
    const std::vector<ScaledEquivalence> full = Equivalences::builtIn().scaledTo(3000, english);
    QCOMPARE(full.size(), size_t(3));
    QCOMPARE(full[0].value, QStringLiteral("10 billion"));
    QCOMPARE(full[0].caption, QStringLiteral("images processed"));
    QCOMPARE(full[1].value, QStringLiteral("11 million"));
    QCOMPARE(full[2].value, QStringLiteral("40,000"));

    const std::vector<ScaledEquivalence> partial = Equivalences::builtIn().scaledTo(1300, english);
    QCOMPARE(partial[0].perHour, 10e9 * 1300 / 3000);
    QCOMPARE(partial[0].value, QStringLiteral("4.3 billion"));
    QCOMPARE(partial[1].value, QStringLiteral("4.8 million"));
    QCOMPARE(partial[2].value, QStringLiteral("17,000"));
    QCOMPARE(partial[2].caption, QStringLiteral("km of autonomous-driving data"));
}

void TestEquivalences::noCapacityNoFigures()
{
    QVERIFY(Equivalences::builtIn().scaledTo(qQNaN()).empty());
    QVERIFY(Equivalences::builtIn().scaledTo(0).empty());
}

void TestEquivalences::formatCount_data()
{
    QTest::addColumn<double>("value");
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("expected");
    QTest::newRow("en billions") << 9.9e9 << QStringLiteral("en_US") << QStringLiteral("9.9 billion");
    QTest::newRow("en rounds up") << 9.96e9 << QStringLiteral("en_US") << QStringLiteral("10 billion");
    QTest::newRow("en millions") << 10.89e6 << QStringLiteral("en_US") << QStringLiteral("11 million");
    QTest::newRow("en thousands") << 39600.0 << QStringLiteral("en_US") << QStringLiteral("40,000");
    QTest::newRow("en small") << 123.0 << QStringLiteral("en_US") << QStringLiteral("120");
    QTest::newRow("zh 億") << 9.9e9 << QStringLiteral("zh_HK") << QStringLiteral("99億");
    QTest::newRow("zh 萬") << 10.89e6 << QStringLiteral("zh_HK") << QStringLiteral("1,100萬");
    QTest::newRow("zh 萬 decimal") << 39600.0 << QStringLiteral("zh_HK") << QStringLiteral("4萬");
    QTest::newRow("zh 萬 one decimal") << 17333.0 << QStringLiteral("zh_HK") << QStringLiteral("1.7萬");
}

void TestEquivalences::formatCount()
{
    QFETCH(double, value);
    QFETCH(QString, language);
    QFETCH(QString, expected);
    QCOMPARE(Equivalences::formatCount(value, QLocale(language)), expected);
}

void TestEquivalences::footnoteSaysWhereTheFiguresComeFrom()
{
    const QString footnote = Equivalences::builtIn().footnote(QLocale(QLocale::English));
    QVERIFY2(
        footnote.contains(QLatin1String("Cyberport press release, 22 November 2024")), qPrintable(footnote));
    QVERIFY2(footnote.contains(QLatin1String("3,000 PFLOPS phase")), qPrintable(footnote));
    QVERIFY2(footnote.contains(QLatin1String("scaled linearly")), qPrintable(footnote));
    // A Chinese reader is given the release's Chinese name.
    const QString chinese = Equivalences::builtIn().footnote(QLocale(QLocale::Chinese, QLocale::HongKong));
    QVERIFY2(chinese.contains(QStringLiteral("數碼港新聞稿")), qPrintable(chinese));
}

void TestEquivalences::badFilesNameFileAndWhat_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("message");
    QTest::newRow("not json") << QByteArray("{") << QStringLiteral("bad.json");
    QTest::newRow("no reference") << QByteArray(R"({"perHour":[{"id":"images","value":1}]})")
                                  << QStringLiteral("atPflops");
    QTest::newRow("unknown id") << QByteArray(R"({"atPflops":3000,"perHour":[{"id":"pizzas","value":1}]})")
                                << QStringLiteral("id 'pizzas': expected one of images");
    QTest::newRow("no value") << QByteArray(R"({"atPflops":3000,"perHour":[{"id":"images"}]})")
                              << QStringLiteral("'images' needs a positive value");
    QTest::newRow("empty") << QByteArray(R"({"atPflops":3000,"perHour":[]})") << QStringLiteral("perHour");
}

void TestEquivalences::badFilesNameFileAndWhat()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, message);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("bad.json"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(json);
    file.close();
    QString error;
    QVERIFY(!Equivalences::load(path, &error));
    QVERIFY2(error.contains(path), qPrintable(error));
    QVERIFY2(error.contains(message), qPrintable(error));
}

QTEST_GUILESS_MAIN(TestEquivalences)
#include "tst_equivalences.moc"
