#include "TimeSeriesModel.h"

#include "UnitFormatter.h"

#include <QDateTime>

#include <algorithm>
#include <cmath>

namespace {

bool sameValue(double a, double b)
{
    return a == b || (std::isnan(a) && std::isnan(b));
}

bool sameSeriesNames(const QueryResult &a, const QueryResult &b)
{
    return std::equal(a.series.begin(), a.series.end(), b.series.begin(), b.series.end(),
        [](const Series &x, const Series &y) { return x.name == y.name; });
}

// QueryResult promises this; the row arithmetic of a minimal update relies on it.
bool rectangular(const QueryResult &result)
{
    return std::all_of(result.series.begin(), result.series.end(),
        [&](const Series &s) { return int(s.values.size()) == result.pointCount(); });
}

} // namespace

TimeSeriesModel::TimeSeriesModel(const QString &queryId, const QString &unit, QObject *parent)
    : QAbstractTableModel(parent)
    , m_unit(unit)
{
    m_result.queryId = queryId;
}

void TimeSeriesModel::setResult(const QueryResult &result)
{
    const int oldCount = rowCount();
    const int newCount = result.pointCount();
    const bool sameShape = result.queryId == m_result.queryId && result.stepMs == m_result.stepMs
        && sameSeriesNames(result, m_result) && !result.series.empty() && rectangular(result)
        && rectangular(m_result);
    auto reset = [this, &result] {
        beginResetModel();
        m_result = result;
        endResetModel();
    };
    if (!sameShape)
        return reset();

    // Old row i holds the timestamp of new row i - shift. Instant results have one row each: it is
    // the latest value whatever its time, so it is kept (shift 0) and only its data changes.
    qint64 shift = 0;
    if (oldCount > 0 && newCount > 0 && result.stepMs > 0) {
        const qint64 offset = result.startMs - m_result.startMs;
        if (offset % result.stepMs != 0)
            return reset(); // a different lattice shares no point
        shift = offset / result.stepMs;
        if (shift >= oldCount || shift + newCount <= 0)
            return reset(); // no point in common
    }

    // Every step below leaves m_result describing exactly the rows the model has at that moment,
    // so that views (and QAbstractItemModelTester) see a consistent model between signals.
    auto eraseRows = [this](int first, int last) {
        beginRemoveRows({}, first, last);
        for (Series &s : m_result.series)
            s.values.erase(s.values.begin() + first, s.values.begin() + last + 1);
        if (first == 0)
            m_result.startMs += qint64(last + 1) * m_result.stepMs;
        endRemoveRows();
    };
    // Inserts the new result's rows [newFirst, newLast] at model row 'at'.
    auto insertRows = [this, &result](int at, int newFirst, int newLast) {
        beginInsertRows({}, at, at + newLast - newFirst);
        for (size_t c = 0; c < m_result.series.size(); ++c) {
            const std::vector<double> &source = result.series[c].values;
            std::vector<double> &target = m_result.series[c].values;
            target.insert(target.begin() + at, source.begin() + newFirst, source.begin() + newLast + 1);
        }
        if (at == 0)
            m_result.startMs = result.timestampAt(newFirst);
        endInsertRows();
    };

    if (oldCount == 0) {
        if (newCount > 0) {
            insertRows(0, 0, newCount - 1);
        }
        m_result = result;
        return;
    }
    if (newCount == 0) {
        eraseRows(0, oldCount - 1);
        m_result = result;
        return;
    }

    // Rows that fell off either end.
    const int keepFirst = int(std::max<qint64>(0, shift));
    const int keepLast = int(std::min<qint64>(oldCount, shift + newCount)) - 1;
    if (keepLast + 1 < oldCount)
        eraseRows(keepLast + 1, oldCount - 1);
    if (keepFirst > 0)
        eraseRows(0, keepFirst - 1);

    // Rows that are new at either end, taken from the new result.
    const int overlapFirst = keepFirst - int(shift); // in new rows
    const int overlapLast = keepLast - int(shift);
    if (overlapFirst > 0)
        insertRows(0, 0, overlapFirst - 1);
    if (overlapLast + 1 < newCount)
        insertRows(rowCount(), overlapLast + 1, newCount - 1);

    // The rows both results cover: one dataChanged over the cells whose values differ.
    int firstRow = newCount, lastRow = -1, firstColumn = columnCount(), lastColumn = -1;
    for (int c = 0; c < columnCount(); ++c) {
        const std::vector<double> &before = m_result.series[size_t(c)].values;
        const std::vector<double> &after = result.series[size_t(c)].values;
        for (int r = overlapFirst; r <= overlapLast; ++r) {
            if (!sameValue(before[size_t(r)], after[size_t(r)])) {
                firstRow = std::min(firstRow, r);
                lastRow = std::max(lastRow, r);
                firstColumn = std::min(firstColumn, c);
                lastColumn = std::max(lastColumn, c);
            }
        }
    }
    const bool timestampsMoved = m_result.startMs != result.startMs; // only for instant results
    m_result = result;
    if (lastRow >= 0)
        Q_EMIT dataChanged(
            index(firstRow, firstColumn), index(lastRow, lastColumn), { Qt::DisplayRole, RawValueRole });
    if (timestampsMoved) {
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1), { TimestampRole });
        Q_EMIT headerDataChanged(Qt::Vertical, 0, rowCount() - 1);
    }
}

int TimeSeriesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_result.pointCount();
}

int TimeSeriesModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_result.series.size());
}

QVariant TimeSeriesModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Series &series = m_result.series[size_t(index.column())];
    const double value
        = size_t(index.row()) < series.values.size() ? series.values[size_t(index.row())] : qQNaN();
    switch (role) {
    case Qt::DisplayRole:
        return UnitFormatter::formatValue(value, m_unit);
    case Qt::TextAlignmentRole:
        return QVariant::fromValue(int(Qt::AlignRight | Qt::AlignVCenter));
    case RawValueRole:
        return value;
    case TimestampRole:
        return m_result.timestampAt(index.row());
    case UnitRole:
        return m_unit;
    case SeriesNameRole:
        return series.name;
    default:
        return {};
    }
}

QVariant TimeSeriesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (section < 0)
        return {};
    if (orientation == Qt::Horizontal) {
        if (size_t(section) >= m_result.series.size())
            return {};
        if (role == Qt::DisplayRole || role == SeriesNameRole)
            return m_result.series[size_t(section)].name;
        if (role == UnitRole)
            return m_unit;
        return {};
    }
    if (section >= rowCount())
        return {};
    const qint64 timestamp = m_result.timestampAt(section);
    if (role == Qt::DisplayRole) // fixed format: the same in every language, sorts as text
        return QDateTime::fromMSecsSinceEpoch(timestamp).toString(QStringLiteral("yyyy-MM-dd HH:mm"));
    if (role == TimestampRole)
        return timestamp;
    return {};
}

QHash<int, QByteArray> TimeSeriesModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(RawValueRole, QByteArrayLiteral("rawValue"));
    names.insert(TimestampRole, QByteArrayLiteral("timestamp"));
    names.insert(UnitRole, QByteArrayLiteral("unit"));
    names.insert(SeriesNameRole, QByteArrayLiteral("seriesName"));
    return names;
}
