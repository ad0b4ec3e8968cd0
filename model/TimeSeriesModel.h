#pragma once

#include "QueryResult.h"

#include <QAbstractTableModel>

// One query's result as a table: rows are timestamps, columns are series.
// Updates are minimal: a window that slides forward removes rows at the front and appends at the
// end, changed cells get dataChanged; only a change of the series set resets the model.
// An update costs one comparison of the rows both results cover and, for a const reference, one copy:
// rows are removed and inserted by moving a window over the stored result, never by shifting values,
// so that a chart of millions of points redraws within its frame.
class TimeSeriesModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Role {
        RawValueRole = Qt::UserRole + 1, // double; NaN for a gap
        TimestampRole, // qint64 ms since the epoch, UTC
        UnitRole, // the query's unit
        SeriesNameRole, // the column's series name
    };

    explicit TimeSeriesModel(const QString &queryId, const QString &unit, QObject *parent = nullptr);

    QString queryId() const { return m_result.queryId; }
    QString unit() const { return m_unit; }
    // The whole result, for readers that take every point at once (charts, export). Between the
    // row signals of an update it may already be the new result: read it once the update is done, as
    // the charts do by redrawing on the next event-loop turn.
    const QueryResult &result() const { return m_result; }
    void setResult(const QueryResult &result);
    void setResult(QueryResult &&result);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    void resetTo(QueryResult &&result);

    QString m_unit;
    QueryResult m_result;
    // The rows the model has: m_result's points [m_firstRow, m_firstRow + m_rowCount). Outside an
    // update, all of them.
    int m_firstRow = 0;
    int m_rowCount = 0;
};
