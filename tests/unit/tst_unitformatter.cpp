#include "UnitFormatter.h"

#include <QCoreApplication>
#include <QTest>
#include <QTranslator>

#include <limits>

namespace {
QLocale english()
{
    return QLocale(QLocale::English);
}
QLocale hongKong()
{
    return QLocale(QLocale::Chinese, QLocale::TraditionalChineseScript, QLocale::HongKong);
}

// Stands in for a loaded zh_HK catalogue, so that the test does not depend on the .ts content.
class FakeTranslator : public QTranslator
{
public:
    QString translate(const char *context, const char *sourceText, const char *, int) const override
    {
        if (qstrcmp(context, "UnitFormatter") != 0)
            return {};
        if (qstrcmp(sourceText, "jobs") == 0)
            return QStringLiteral("個作業");
        if (qstrcmp(sourceText, "GPUs") == 0)
            return QStringLiteral("個 GPU");
        return {};
    }
    bool isEmpty() const override { return false; }
};
} // namespace

class TestUnitFormatter : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void format_data();
    void format();
    void formatValue_data();
    void formatValue();
    void nanIsDash();
    void unitLabels();
    void unitLabelsAreTranslated();
};

void TestUnitFormatter::format_data()
{
    QTest::addColumn<QLocale>("locale");
    QTest::addColumn<double>("value");
    QTest::addColumn<QString>("unit");
    QTest::addColumn<QString>("expected");

    const std::pair<const char *, QLocale> locales[] = { { "en", english() }, { "zh_HK", hongKong() } };
    for (const auto &entry : locales) {
        // Named copies, not a structured binding: clang 14 (the sanitizer build) cannot capture those.
        const char *const name = entry.first;
        const QLocale &locale = entry.second;
        auto row = [&](const char *tag, double value, const char *unit, const char *expected) {
            QTest::addRow("%s %s", name, tag)
                << locale << value << QString::fromUtf8(unit) << QString::fromUtf8(expected);
        };
        // Both locales group with ',' and use '.' as decimal sign; the unit words stay untranslated
        // here because the test loads no translation.
        row("PFLOPS >= 100", 2970.4, "PFLOPS", "2,970 PFLOPS");
        row("PFLOPS 100 exactly", 100, "PFLOPS", "100 PFLOPS");
        row("PFLOPS rounds up to 100", 99.96, "PFLOPS", "100 PFLOPS");
        row("PFLOPS >= 10", 12.345, "PFLOPS", "12.3 PFLOPS");
        row("PFLOPS rounds up to 10", 9.996, "PFLOPS", "10.0 PFLOPS");
        row("PFLOPS < 10", 1.234, "PFLOPS", "1.23 PFLOPS");
        row("PFLOPS zero", 0, "PFLOPS", "0.00 PFLOPS");
        row("PFLOPS negative zero", -0.001, "PFLOPS", "0.00 PFLOPS");
        row("percent", 71.34, "%", "71.3%");
        row("percent 100", 100, "%", "100.0%");
        row("percent rounds", 0.05, "%", "0.1%");
        row("jobs", 1204, "jobs", "1,204 jobs");
        row("jobs rounds", 3.6, "jobs", "4 jobs");
        row("GPUs", 10000, "GPUs", "10,000 GPUs");
        row("GPU-h", 1234567.8, "GPU-h", "1,234,568 GPU-h");
        row("MW", 4.5, "MW", "4.50 MW");
        row("MW large", 1234.567, "MW", "1,234.57 MW");
        row("minutes under 1", 0.254, "min", "0.25 min");
        row("minutes rounds up to 1", 0.996, "min", "1.0 min");
        row("minutes", 4.47, "min", "4.5 min");
        row("minutes rounds up to 10", 9.96, "min", "10 min");
        row("minutes many", 420.3, "min", "420 min");
        row("unknown unit", 1.5, "W", "1.5 W");
        row("unknown unit two decimals", 1.23456, "W", "1.23 W");
        row("unknown unit integer", 2000, "W", "2,000 W");
        row("no unit", 3.14159, "", "3.14");
        row("NaN", qQNaN(), "PFLOPS", "\u2013");
        row("NaN percent", qQNaN(), "%", "\u2013");
        row("infinity", std::numeric_limits<double>::infinity(), "MW", "\u221e MW");
    }
    QTest::addRow("de decimal comma")
        << QLocale(QLocale::German) << 1234.5 << QStringLiteral("MW") << QStringLiteral("1.234,50 MW");
}

void TestUnitFormatter::format()
{
    QFETCH(QLocale, locale);
    QFETCH(double, value);
    QFETCH(QString, unit);
    QFETCH(QString, expected);
    QCOMPARE(UnitFormatter::format(value, unit, locale), expected);
}

void TestUnitFormatter::formatValue_data()
{
    QTest::addColumn<QLocale>("locale");
    QTest::addColumn<double>("value");
    QTest::addColumn<QString>("unit");
    QTest::addColumn<QString>("expected");
    QTest::newRow("en PFLOPS") << english() << 1300.0 << QStringLiteral("PFLOPS") << QStringLiteral("1,300");
    QTest::newRow("zh_HK PFLOPS") << hongKong() << 1300.0 << QStringLiteral("PFLOPS")
                                  << QStringLiteral("1,300");
    QTest::newRow("en percent") << english() << 71.25 << QStringLiteral("%") << QStringLiteral("71.3");
    QTest::newRow("zh_HK percent") << hongKong() << 71.25 << QStringLiteral("%") << QStringLiteral("71.3");
    QTest::newRow("en jobs") << english() << 1204.0 << QStringLiteral("jobs") << QStringLiteral("1,204");
    QTest::newRow("zh_HK GPUs") << hongKong() << 3040.0 << QStringLiteral("GPUs") << QStringLiteral("3,040");
}

void TestUnitFormatter::formatValue()
{
    QFETCH(QLocale, locale);
    QFETCH(double, value);
    QFETCH(QString, unit);
    QFETCH(QString, expected);
    QCOMPARE(UnitFormatter::formatValue(value, unit, locale), expected);
}

void TestUnitFormatter::nanIsDash()
{
    const QStringList units = { QStringLiteral("PFLOPS"), QStringLiteral("%"), QStringLiteral("jobs"),
        QStringLiteral("GPUs"), QStringLiteral("GPU-h"), QStringLiteral("MW"), QStringLiteral("other") };
    for (const QString &unit : units) {
        QCOMPARE(UnitFormatter::formatValue(qQNaN(), unit, english()), QStringLiteral("\u2013"));
        QCOMPARE(UnitFormatter::format(qQNaN(), unit, hongKong()), QStringLiteral("\u2013"));
    }
}

void TestUnitFormatter::unitLabels()
{
    QCOMPARE(UnitFormatter::unitLabel(QStringLiteral("PFLOPS")), QStringLiteral("PFLOPS"));
    QCOMPARE(UnitFormatter::unitLabel(QStringLiteral("MW")), QStringLiteral("MW"));
    QCOMPARE(UnitFormatter::unitLabel(QStringLiteral("%")), QStringLiteral("%"));
    QCOMPARE(UnitFormatter::unitLabel(QStringLiteral("jobs")), QStringLiteral("jobs"));
    QCOMPARE(UnitFormatter::unitLabel(QStringLiteral("GPUs")), QStringLiteral("GPUs"));
    QCOMPARE(UnitFormatter::unitLabel(QStringLiteral("GPU-h")), QStringLiteral("GPU-h"));
    QCOMPARE(UnitFormatter::unitLabel(QStringLiteral("min")), QStringLiteral("min"));
    QCOMPARE(UnitFormatter::unitLabel(QStringLiteral("furlongs")), QStringLiteral("furlongs"));
}

void TestUnitFormatter::unitLabelsAreTranslated()
{
    FakeTranslator translator;
    QCoreApplication::installTranslator(&translator);
    QCOMPARE(UnitFormatter::format(1204, QStringLiteral("jobs"), hongKong()), QStringLiteral("1,204 個作業"));
    QCOMPARE(UnitFormatter::format(8, QStringLiteral("GPUs"), hongKong()), QStringLiteral("8 個 GPU"));
    // Symbols are not looked up.
    QCOMPARE(UnitFormatter::format(71.3, QStringLiteral("%"), hongKong()), QStringLiteral("71.3%"));
    QCOMPARE(
        UnitFormatter::format(2970, QStringLiteral("PFLOPS"), hongKong()), QStringLiteral("2,970 PFLOPS"));
    QCoreApplication::removeTranslator(&translator);
    QCOMPARE(UnitFormatter::format(1204, QStringLiteral("jobs"), english()), QStringLiteral("1,204 jobs"));
}

QTEST_GUILESS_MAIN(TestUnitFormatter)
#include "tst_unitformatter.moc"
