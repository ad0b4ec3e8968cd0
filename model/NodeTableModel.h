#pragma once

#include "QueryResult.h"

#include <QAbstractTableModel>
#include <QSet>

#include <array>
#include <map>
#include <vector>

// One row per node with its latest figures: utilisation (node_gpu_util), tensor activity, power,
// hottest GPU, GPUs reporting, last XID and Slurm state (QueryCatalogue::nodeDetailIds()). Fed with
// query results as they arrive, one query id at a time; a changed figure emits dataChanged for its
// cells only, and rows are inserted or removed (never reset) when the set of nodes changes.
//
// Rows are kept in node-name order; views sort and filter through a QSortFilterProxyModel on SortRole
// and FilterRole.
class NodeTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        NodeColumn,
        PartitionColumn,
        StateColumn,
        GpuCountColumn,
        UtilisationColumn,
        TensorColumn,
        PowerColumn,
        TemperatureColumn,
        XidColumn,
        ColumnCount
    };
    Q_ENUM(Column)

    enum Role {
        // QString for the node and partition; double for the others (NaN: no value), the state as its
        // NodeState code.
        RawValueRole = Qt::UserRole + 1,
        // What the columns sort by: the raw value, a missing number as the lowest.
        SortRole,
        // What a filter matches: node, partition and state (in the user's language and in English);
        // nothing for the numeric columns.
        FilterRole,
        NodeRole, // the row's node name, in every column
    };

    explicit NodeTableModel(QObject *parent = nullptr);

    // The query ids the model takes: node_gpu_util and QueryCatalogue::nodeDetailIds().
    static QStringList queryIds();
    // The latest point of the result (the last at which any node has a value) replaces the figures of
    // its query; nodes the result does not name get no value for it. Results of other queries and
    // results older than the figures shown are ignored.
    void updateFromResult(const QueryResult &result);
    // Forgets every node and figure (another source's data is coming).
    void clear();

    // The row of a node; -1 when it has none.
    int rowOfNode(const QString &node) const;
    QString nodeAt(int row) const;
    // When the figures of a query were taken (ms since the epoch, UTC); 0 before any arrived.
    qint64 asOfMs(const QString &queryId) const;

    // The user-facing name of a Slurm state code (translated); empty for NaN.
    static QString stateName(double code);
    // What an XID code means, briefly (translated); empty for codes not listed.
    static QString xidDescription(int code);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    static constexpr int kFirstValueColumn = StateColumn;
    struct Row
    {
        QString node;
        QString partition;
        std::array<double, ColumnCount - kFirstValueColumn> values;
    };

    void syncRows();
    double value(const Row &row, int column) const;
    QString formatted(const Row &row, int column) const;

    std::vector<Row> m_rows; // sorted by node
    std::map<QString, QSet<QString>> m_nodesByQuery; // the nodes each query's latest result named
    std::map<QString, QString> m_partitions; // the partition each node was last reported in
    std::map<QString, qint64> m_asOf;
};
