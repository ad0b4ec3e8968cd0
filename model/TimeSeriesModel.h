#pragma once

#include "QueryResult.h"

#include <QAbstractTableModel>

// One query's result as a table: rows are timestamps, columns are series.
// Updates are minimal: a window that slides forward removes rows at the front and appends at the
// end, changed cells get dataChanged; only a change of the series set resets the model.
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
    // The whole result, for readers that take every point at once (charts, export).
    const QueryResult &result() const { return m_result; }
    void setResult(const QueryResult &result);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    QString m_unit;
    QueryResult m_result;
};
