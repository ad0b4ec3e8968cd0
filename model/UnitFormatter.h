#pragma once

#include <QLocale>
#include <QString>

// Formats a value with its unit for display, through the locale (grouping, decimal sign).
// Units are the catalogue's: "PFLOPS", "%", "GPUs", "jobs", "GPU-h", "MW", "min".
class UnitFormatter
{
public:
    // The value alone, with the precision the unit calls for; "–" for NaN.
    static QString formatValue(double value, const QString &unit, const QLocale &locale = QLocale());
    // The value with its unit, e.g. "2,970 PFLOPS", "71.3%", "1,204 jobs".
    static QString format(double value, const QString &unit, const QLocale &locale = QLocale());
    // The unit as shown to the user (translated).
    static QString unitLabel(const QString &unit);
};
