#include "TimeSeriesModel.h"

#include "UnitFormatter.h"

#include <QDateTime>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <utility>

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
    return std::all_of(result.series.begin(), result.series.end(), [&](const Series &s) {
        return int(s.values.size()) == result.pointCount()
            && (!s.hasRange()
                || (s.minValues.size() == s.values.size() && s.maxValues.size() == s.values.size()));
    });
}

// The first and last of the count values at which a and b differ (NaN equals NaN), or {-1, -1}.
std::pair<int, int> differingSpan(const double *a, const double *b, int count)
{
    // Equal bytes are equal values: the common update, a window that slid on, is checked at memory
    // speed. (Unequal bytes may still be equal values: 0 and -0, or NaNs of different payloads.)
    if (count <= 0 || std::memcmp(a, b, size_t(count) * sizeof(double)) == 0)
        return { -1, -1 };
    int first = 0;
    while (first < count && sameValue(a[first], b[first]))
        ++first;
    if (first == count)
        return { -1, -1 };
    int last = count - 1;
    while (last > first && sameValue(a[last], b[last]))
        --last;
    return { first, last };
}

} // namespace

TimeSeriesModel::TimeSeriesModel(const QString &queryId, const QString &unit, QObject *parent)
    : QAbstractTableModel(parent)
    , m_unit(unit)
{
    m_result.queryId = queryId;
}

void TimeSeriesModel::resetTo(QueryResult &&result)
{
    beginResetModel();
    m_result = std::move(result);
    m_firstRow = 0;
    m_rowCount = m_result.pointCount();
    endResetModel();
}

void TimeSeriesModel::setResult(const QueryResult &result)
{
    setResult(QueryResult(result));
}

void TimeSeriesModel::setResult(QueryResult &&result)
{
    const int oldCount = m_rowCount;
    const int newCount = result.pointCount();
    const bool sameShape = result.queryId == m_result.queryId && result.stepMs == m_result.stepMs
        && sameSeriesNames(result, m_result) && !result.series.empty() && rectangular(result)
        && rectangular(m_result);
    if (!sameShape)
        return resetTo(std::move(result));

    // Old row i holds the timestamp of new row i - shift. Instant results have one row each: it is
    // the latest value whatever its time, so it is kept (shift 0) and only its data changes.
    qint64 shift = 0;
    if (oldCount > 0 && newCount > 0 && result.stepMs > 0) {
        const qint64 offset = result.startMs - m_result.timestampAt(m_firstRow);
        if (offset % result.stepMs != 0)
            return resetTo(std::move(result)); // a different lattice shares no point
        shift = offset / result.stepMs;
        if (shift >= oldCount || shift + newCount <= 0)
            return resetTo(std::move(result)); // no point in common
    }

    if (oldCount == 0 || newCount == 0) {
        if (oldCount > 0) {
            beginRemoveRows({}, 0, oldCount - 1);
            m_rowCount = 0;
            endRemoveRows();
        }
        if (newCount > 0)
            beginInsertRows({}, 0, newCount - 1);
        m_result = std::move(result);
        m_firstRow = 0;
        m_rowCount = newCount;
        if (newCount > 0)
            endInsertRows();
        return;
    }

    // The rows both results cover: old rows [keepFirst, keepLast] are new rows [overlapFirst,
    // overlapLast]. Their changed cells are found before anything moves.
    const int keepFirst = int(std::max<qint64>(0, shift));
    const int keepLast = int(std::min<qint64>(oldCount, shift + newCount)) - 1;
    const int overlapFirst = keepFirst - int(shift);
    int firstRow = newCount, lastRow = -1, firstColumn = columnCount(), lastColumn = -1;
    const int overlapCount = keepLast - keepFirst + 1;
    for (int c = 0; c < columnCount(); ++c) {
        const Series &before = m_result.series[size_t(c)];
        const Series &after = result.series[size_t(c)];
        auto span = [&](const std::vector<double> &from, const std::vector<double> &to) {
            return differingSpan(
                from.data() + m_firstRow + keepFirst, to.data() + overlapFirst, overlapCount);
        };
        int first = -1, last = -1;
        auto include = [&](std::pair<int, int> rows) {
            if (rows.first < 0)
                return;
            first = first < 0 ? rows.first : std::min(first, rows.first);
            last = std::max(last, rows.second);
        };
        include(span(before.values, after.values));
        // A point read from the rollups also carries the range of the samples behind it.
        if (before.hasRange() && after.hasRange()) {
            include(span(before.minValues, after.minValues));
            include(span(before.maxValues, after.maxValues));
        } else if (before.hasRange() != after.hasRange()) {
            include({ 0, overlapCount - 1 });
        }
        if (first < 0)
            continue;
        firstRow = std::min(firstRow, overlapFirst + first);
        lastRow = std::max(lastRow, overlapFirst + last);
        firstColumn = std::min(firstColumn, c);
        lastColumn = std::max(lastColumn, c);
    }
    const bool timestampsMoved = result.stepMs <= 0 && result.startMs != m_result.startMs;

    // Every step below leaves the window [m_firstRow, m_firstRow + m_rowCount) describing exactly the
    // rows the model has at that moment, so that views (and QAbstractItemModelTester) see a
    // consistent model between signals. Rows that fell off either end:
    if (keepLast + 1 < oldCount) {
        beginRemoveRows({}, keepLast + 1, oldCount - 1);
        m_rowCount = keepLast + 1;
        endRemoveRows();
    }
    if (keepFirst > 0) {
        beginRemoveRows({}, 0, keepFirst - 1);
        m_firstRow += keepFirst;
        m_rowCount -= keepFirst;
        endRemoveRows();
    }
    // The rows kept are the same timestamps in the new result; their changed values are announced
    // below. Then the rows that are new at either end.
    m_result = std::move(result);
    m_firstRow = overlapFirst;
    if (overlapFirst > 0) {
        beginInsertRows({}, 0, overlapFirst - 1);
        m_firstRow = 0;
        m_rowCount += overlapFirst;
        endInsertRows();
    }
    if (m_rowCount < newCount) {
        beginInsertRows({}, m_rowCount, newCount - 1);
        m_rowCount = newCount;
        endInsertRows();
    }

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
    return parent.isValid() ? 0 : m_rowCount;
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
    const size_t point = size_t(m_firstRow) + size_t(index.row());
    const double value = point < series.values.size() ? series.values[point] : qQNaN();
    switch (role) {
    case Qt::DisplayRole:
        return UnitFormatter::formatValue(value, m_unit);
    case Qt::TextAlignmentRole:
        return QVariant::fromValue(int(Qt::AlignRight | Qt::AlignVCenter));
    case RawValueRole:
        return value;
    case TimestampRole:
        return m_result.timestampAt(m_firstRow + index.row());
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
    const qint64 timestamp = m_result.timestampAt(m_firstRow + section);
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
