// Time axis ticks for every preset range and custom ones, at every width from a narrow panel to a
// full-HD one: round local times, labels that fit side by side and inside the axis, in the locale's
// words.
#include "TimeAxisTicks.h"

#include <QDateTime>
#include <QFontMetricsF>
#include <QGuiApplication>
#include <QRegularExpression>
#include <QTest>

namespace {

constexpr qint64 minuteMs = 60 * 1000;
constexpr qint64 hourMs = 60 * minuteMs;
constexpr qint64 dayMs = 24 * hourMs;

qint64 at(const char *iso)
{
    return QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODate).toMSecsSinceEpoch();
}

// "Now" as a dashboard would have it: not on any round time.
const qint64 now = at("2026-03-02T14:37:12Z");

QLocale hongKong()
{
    return QLocale(QLocale::Chinese, QLocale::TraditionalChineseScript, QLocale::HongKong);
}

enum class Round { Minute, Hour, Day, Month, Year };

// Whether every tick falls on such a round local time (the tests run in UTC).
bool allRound(const QList<TimeTick> &ticks, Round round)
{
    return std::all_of(ticks.begin(), ticks.end(), [round](const TimeTick &tick) {
        const QDateTime t = QDateTime::fromMSecsSinceEpoch(tick.ms);
        const bool midnight = t.time() == QTime(0, 0);
        switch (round) {
        case Round::Minute:
            return t.time().second() == 0 && t.time().msec() == 0;
        case Round::Hour:
            return t.time().minute() == 0 && t.time().second() == 0;
        case Round::Day:
            return midnight;
        case Round::Month:
            return midnight && t.date().day() == 1;
        case Round::Year:
            return midnight && t.date().day() == 1 && t.date().month() == 1;
        }
        return false;
    });
}

} // namespace

class TestTimeAxisTicks : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void fitAndRound_data();
    void fitAndRound();
    void labelsSpeakTheLocale_data();
    void labelsSpeakTheLocale();
    void midnightNamesTheDay();
    void emptyRangeHasNoTicks();
};

void TestTimeAxisTicks::fitAndRound_data()
{
    QTest::addColumn<qint64>("startMs");
    QTest::addColumn<qint64>("endMs");
    QTest::addColumn<double>("width");
    QTest::addColumn<QLocale>("locale");
    QTest::addColumn<int>("coarsest"); // Round: the ticks fall at least on this

    struct Range
    {
        const char *name;
        qint64 start, end;
        Round round;
    };
    const Range ranges[] = {
        { "1 h", now - hourMs, now, Round::Minute },
        { "6 h", now - 6 * hourMs, now, Round::Minute },
        { "24 h", now - dayMs, now, Round::Hour },
        { "7 d", now - 7 * dayMs, now, Round::Hour },
        { "30 d", now - 30 * dayMs, now, Round::Day },
        { "90 d", now - 90 * dayMs, now, Round::Day },
        { "1 y", now - 365 * dayMs, now, Round::Month },
        { "custom 3 min", now - 3 * minuteMs, now, Round::Minute },
        { "custom 56 h", at("2026-03-02T09:13:00Z"), at("2026-03-04T17:45:00Z"), Round::Hour },
        { "custom 5 y", at("2022-07-15T00:00:00Z"), at("2027-08-01T00:00:00Z"), Round::Month },
    };
    // Plot-area widths of panels from 400 px to 1,900 px.
    const int widths[] = { 330, 530, 1100, 1800 };
    const std::pair<const char *, QLocale> locales[] = { { "en", QLocale::c() }, { "zh_HK", hongKong() } };
    for (const auto &[localeName, locale] : locales)
        for (const Range &range : ranges)
            for (int width : widths)
                QTest::addRow("%s %s %d px", localeName, range.name, width)
                    << range.start << range.end << double(width) << locale << int(range.round);
}

void TestTimeAxisTicks::fitAndRound()
{
    QFETCH(qint64, startMs);
    QFETCH(qint64, endMs);
    QFETCH(double, width);
    QFETCH(QLocale, locale);
    QFETCH(int, coarsest);
    const QFontMetricsF metrics(QGuiApplication::font());

    const QList<TimeTick> ticks = TimeAxisTicks::choose(startMs, endMs, width, metrics, locale);
    QVERIFY2(ticks.size() >= 2, qPrintable(QString::number(ticks.size())));
    QVERIFY(allRound(ticks, Round(coarsest)));

    // Labels centred on their ticks: inside the axis, in order, apart by the minimum gap.
    const double gap = TimeAxisTicks::minimumGap(metrics);
    double previousRight = -gap;
    for (const TimeTick &tick : ticks) {
        QVERIFY(tick.ms >= startMs && tick.ms <= endMs);
        QVERIFY(!tick.label.isEmpty());
        const double x = double(tick.ms - startMs) / double(endMs - startMs) * width;
        const double half = metrics.horizontalAdvance(tick.label) / 2;
        QVERIFY2(x - half >= 0 && x + half <= width, qPrintable(tick.label));
        QVERIFY2(x - half >= previousRight + gap - 0.01, qPrintable(tick.label));
        previousRight = x + half;
    }
    // Not too sparse either: the next finer round step would not have fitted, so the labels fill at
    // least a quarter of the axis (unless the ticks are a minute apart already, the finest step).
    if (ticks[1].ms - ticks[0].ms <= minuteMs)
        return;
    double labelWidths = 0;
    for (const TimeTick &tick : ticks)
        labelWidths += metrics.horizontalAdvance(tick.label) + gap;
    QVERIFY2(labelWidths >= width / 4, qPrintable(QString::number(labelWidths)));
}

void TestTimeAxisTicks::labelsSpeakTheLocale_data()
{
    QTest::addColumn<qint64>("startMs");
    QTest::addColumn<QLocale>("locale");
    QTest::addColumn<QString>("pattern");
    QTest::addRow("en 24 h") << now - dayMs << QLocale::c()
                             << QStringLiteral("^(\\d\\d:00|\\d{1,2} [A-Z][a-z]{2})$");
    QTest::addRow("en 30 d") << now - 30 * dayMs << QLocale::c()
                             << QStringLiteral("^\\d{1,2} [A-Z][a-z]{2}$");
    QTest::addRow("en 1 y") << now - 365 * dayMs << QLocale::c() << QStringLiteral("^[A-Z][a-z]{2} \\d{4}$");
    QTest::addRow("zh_HK 30 d") << now - 30 * dayMs << hongKong() << QStringLiteral("^\\d{1,2}月\\d{1,2}日$");
    QTest::addRow("zh_HK 1 y") << now - 365 * dayMs << hongKong() << QStringLiteral("^\\d{4}年\\d{1,2}月$");
}

void TestTimeAxisTicks::labelsSpeakTheLocale()
{
    QFETCH(qint64, startMs);
    QFETCH(QLocale, locale);
    QFETCH(QString, pattern);
    const QList<TimeTick> ticks
        = TimeAxisTicks::choose(startMs, now, 1100, QFontMetricsF(QGuiApplication::font()), locale);
    QVERIFY(!ticks.isEmpty());
    const QRegularExpression expected(pattern);
    for (const TimeTick &tick : ticks)
        QVERIFY2(expected.match(tick.label).hasMatch(), qPrintable(tick.label));
}

void TestTimeAxisTicks::midnightNamesTheDay()
{
    // A day from 14:37: the ticks are times of day, except midnight, which says which day begins.
    const QList<TimeTick> ticks
        = TimeAxisTicks::choose(now - dayMs, now, 1800, QFontMetricsF(QGuiApplication::font()), QLocale::c());
    const auto midnight = std::find_if(ticks.begin(), ticks.end(),
        [](const TimeTick &tick) { return tick.ms == at("2026-03-02T00:00:00Z"); });
    QVERIFY(midnight != ticks.end());
    QCOMPARE(midnight->label, QStringLiteral("2 Mar"));
    QCOMPARE(ticks.front().label.size(), 5); // "16:00"
}

void TestTimeAxisTicks::emptyRangeHasNoTicks()
{
    const QFontMetricsF metrics(QGuiApplication::font());
    QVERIFY(TimeAxisTicks::choose(now, now, 1000, metrics).isEmpty());
    QVERIFY(TimeAxisTicks::choose(now, now - hourMs, 1000, metrics).isEmpty());
    QVERIFY(TimeAxisTicks::choose(now - hourMs, now, 0, metrics).isEmpty());
}

QTEST_MAIN(TestTimeAxisTicks)
#include "tst_timeaxisticks.moc"
