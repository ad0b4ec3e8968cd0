#include "CsvWriter.h"

#include <QAbstractItemModel>
#include <QDateTime>
#include <QSaveFile>

#include <charconv>
#include <cmath>

namespace {
constexpr char lineEnd[] = "\r\n";

QByteArray start(const CsvOptions &options)
{
    return options.byteOrderMark ? QByteArray("\xEF\xBB\xBF") : QByteArray();
}
} // namespace

QByteArray CsvWriter::number(double value)
{
    if (std::isnan(value))
        return {};
    if (std::isinf(value))
        return value > 0 ? QByteArray("+Inf") : QByteArray("-Inf");
    char buffer[32];
    const auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value);
    Q_ASSERT(ec == std::errc());
    return QByteArray(buffer, int(end - buffer));
}

QByteArray CsvWriter::field(const QString &text)
{
    QByteArray utf8 = text.toUtf8();
    if (!utf8.contains(',') && !utf8.contains('"') && !utf8.contains('\n') && !utf8.contains('\r'))
        return utf8;
    utf8.replace('"', "\"\"");
    return '"' + utf8 + '"';
}

QByteArray CsvWriter::fromResult(const QueryResult &result, const QString &unit, const CsvOptions &options)
{
    QByteArray csv = start(options);
    // Column names do not change with the interface language, scripts read them: the unit as the
    // catalogue spells it, not UnitFormatter::unitLabel().
    csv += field(QStringLiteral("time (UTC)"));
    for (const Series &series : result.series) {
        // A single unnamed series is the query's figure itself.
        const QString name = series.name.isEmpty() ? QStringLiteral("value") : series.name;
        csv += ',' + field(unit.isEmpty() ? name : QStringLiteral("%1 (%2)").arg(name, unit));
    }
    csv += lineEnd;
    for (int i = 0; i < result.pointCount(); ++i) {
        csv += QDateTime::fromMSecsSinceEpoch(result.timestampAt(i), Qt::UTC)
                   .toString(Qt::ISODate)
                   .toLatin1();
        for (const Series &series : result.series)
            csv += ',' + number(series.values[size_t(i)]);
        csv += lineEnd;
    }
    return csv;
}

QByteArray CsvWriter::fromTable(const QAbstractItemModel &model, int rawRole, const CsvOptions &options)
{
    QByteArray csv = start(options);
    const int columns = model.columnCount();
    for (int column = 0; column < columns; ++column) {
        if (column > 0)
            csv += ',';
        csv += field(model.headerData(column, Qt::Horizontal, Qt::DisplayRole).toString());
    }
    csv += lineEnd;
    for (int row = 0; row < model.rowCount(); ++row) {
        for (int column = 0; column < columns; ++column) {
            if (column > 0)
                csv += ',';
            const QModelIndex index = model.index(row, column);
            const QVariant raw = rawRole != 0 ? index.data(rawRole) : QVariant();
            const int type = raw.typeId();
            if (type == QMetaType::Double || type == QMetaType::Float || type == QMetaType::Int
                || type == QMetaType::LongLong || type == QMetaType::UInt || type == QMetaType::ULongLong)
                csv += number(raw.toDouble());
            else
                csv += field(index.data(Qt::DisplayRole).toString());
        }
        csv += lineEnd;
    }
    return csv;
}

bool CsvWriter::writeFile(const QString &path, const QByteArray &data, QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = tr("Could not write %1: %2").arg(path, file.errorString());
        return false;
    }
    file.write(data);
    if (!file.commit()) {
        *error = tr("Could not write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}
