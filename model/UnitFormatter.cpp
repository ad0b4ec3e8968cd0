#include "UnitFormatter.h"

#include <QCoreApplication>

#include <cmath>

namespace {

// Decimals of a PFLOPS figure: fewer as it grows. Decided on the rounded value, so that 99.96
// becomes "100" rather than "100.0".
int pflopsDecimals(double value)
{
    const double magnitude = std::abs(value);
    if (std::round(magnitude) >= 100)
        return 0;
    if (std::round(magnitude * 10) / 10 >= 10)
        return 1;
    return 2;
}

// Decimals of a duration in minutes (queue waits): "0.25 min" for a quarter of a minute, "4.5 min",
// "420 min".
int minutesDecimals(double value)
{
    const double magnitude = std::abs(value);
    if (std::round(magnitude * 10) / 10 >= 10)
        return 0;
    if (std::round(magnitude * 100) / 100 >= 1)
        return 1;
    return 2;
}

// Rounds to the given decimals and drops a negative sign that rounding left on a zero, so that
// -0.001 does not show as "-0.00".
double roundTo(double value, int decimals)
{
    const double scale = std::pow(10.0, decimals);
    const double rounded = std::round(value * scale) / scale;
    return rounded == 0 ? 0.0 : rounded;
}

QString fixed(double value, int decimals, const QLocale &locale)
{
    return locale.toString(roundTo(value, decimals), 'f', decimals);
}

} // namespace

QString UnitFormatter::formatValue(double value, const QString &unit, const QLocale &locale)
{
    if (std::isnan(value))
        return QStringLiteral("\u2013");
    if (std::isinf(value))
        return value > 0 ? QStringLiteral("\u221e") : QStringLiteral("\u2212\u221e");

    if (unit == QLatin1String("PFLOPS"))
        return fixed(value, pflopsDecimals(value), locale);
    if (unit == QLatin1String("%"))
        return fixed(value, 1, locale);
    if (unit == QLatin1String("GPUs") || unit == QLatin1String("jobs") || unit == QLatin1String("GPU-h"))
        return fixed(value, 0, locale);
    if (unit == QLatin1String("MW"))
        return fixed(value, 2, locale);
    if (unit == QLatin1String("min"))
        return fixed(value, minutesDecimals(value), locale);
    // Unknown unit: at most two decimals, without trailing zeros.
    return locale.toString(roundTo(value, 2), 'f', QLocale::FloatingPointShortest);
}

QString UnitFormatter::format(double value, const QString &unit, const QLocale &locale)
{
    QString number = formatValue(value, unit, locale);
    if (std::isnan(value) || unit.isEmpty())
        return number;
    if (unit == QLatin1String("%"))
        return number + unitLabel(unit);
    return number + QLatin1Char(' ') + unitLabel(unit);
}

QString UnitFormatter::unitLabel(const QString &unit)
{
    // Symbols (PFLOPS, MW, %) are the same in every language; words are translated.
    if (unit == QLatin1String("GPUs"))
        return QCoreApplication::translate("UnitFormatter", "GPUs");
    if (unit == QLatin1String("jobs"))
        return QCoreApplication::translate("UnitFormatter", "jobs");
    if (unit == QLatin1String("GPU-h"))
        return QCoreApplication::translate("UnitFormatter", "GPU-h");
    if (unit == QLatin1String("min"))
        //: Minutes, as a unit after a number: "4.5 min"
        return QCoreApplication::translate("UnitFormatter", "min");
    return unit;
}
