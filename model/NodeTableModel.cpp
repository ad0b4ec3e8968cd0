#include "NodeTableModel.h"

#include "NodeState.h"
#include "QueryCatalogue.h"
#include "UnitFormatter.h"

#include <QLocale>

#include <algorithm>
#include <cmath>
#include <limits>

namespace {

constexpr const char *kNodeUtilisation = "node_gpu_util";

// The query whose latest values fill a column; nullptr for the node and partition columns.
const char *queryOfColumn(int column)
{
    switch (column) {
    case NodeTableModel::StateColumn:
        return "node_state";
    case NodeTableModel::GpuCountColumn:
        return "node_gpu_count";
    case NodeTableModel::UtilisationColumn:
        return kNodeUtilisation;
    case NodeTableModel::TensorColumn:
        return "node_tensor_active";
    case NodeTableModel::PowerColumn:
        return "node_power_kw";
    case NodeTableModel::TemperatureColumn:
        return "node_gpu_temp_max";
    case NodeTableModel::XidColumn:
        return "node_last_xid";
    default:
        return nullptr;
    }
}

int columnOfQuery(const QString &queryId)
{
    for (int column = 0; column < NodeTableModel::ColumnCount; ++column)
        if (const char *id = queryOfColumn(column); id && queryId == QLatin1String(id))
            return column;
    return -1;
}

bool sameValue(double a, double b)
{
    return a == b || (std::isnan(a) && std::isnan(b));
}

// The English state names, so that a filter typed in English finds states in any language.
QString englishStateName(double code)
{
    const std::optional<NodeState> state = nodeStateFromCode(code);
    if (!state)
        return {};
    switch (*state) {
    case NodeState::Idle:
        return QStringLiteral("idle");
    case NodeState::Mixed:
        return QStringLiteral("mixed");
    case NodeState::Allocated:
        return QStringLiteral("allocated");
    case NodeState::Drain:
        return QStringLiteral("drain");
    case NodeState::Down:
        return QStringLiteral("down");
    case NodeState::Other:
        return QStringLiteral("other");
    }
    return {};
}

// Calls emitRange(first, last) for every run of consecutive true entries of changed.
template<class Emit> void forEachRun(const std::vector<bool> &changed, Emit &&emitRange)
{
    for (size_t row = 0; row < changed.size();) {
        if (!changed[row]) {
            ++row;
            continue;
        }
        size_t last = row;
        while (last + 1 < changed.size() && changed[last + 1])
            ++last;
        emitRange(int(row), int(last));
        row = last + 1;
    }
}

} // namespace

NodeTableModel::NodeTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

QStringList NodeTableModel::queryIds()
{
    return QStringList { QLatin1String(kNodeUtilisation) } + QueryCatalogue::nodeDetailIds();
}

void NodeTableModel::updateFromResult(const QueryResult &result)
{
    const int column = columnOfQuery(result.queryId);
    if (column < 0)
        return;

    // The latest point at which any node has a value: a range result read from the cache may end on
    // points not fetched yet.
    int point = -1;
    for (int i = result.pointCount() - 1; i >= 0 && point < 0; --i)
        for (const Series &series : result.series)
            if (size_t(i) < series.values.size() && !std::isnan(series.values[size_t(i)])) {
                point = i;
                break;
            }
    const qint64 at = point >= 0 ? result.timestampAt(point) : result.startMs;
    // A range answer read from the cache can arrive after a newer instant one: figures never step back.
    const auto asOf = m_asOf.find(result.queryId);
    if (asOf != m_asOf.end() && at < asOf->second)
        return;
    m_asOf[result.queryId] = at;

    std::map<QString, double> values;
    QSet<QString> named;
    if (point >= 0) {
        for (const Series &series : result.series) {
            // A series with a gap here still says which partition its node is in.
            const auto partition = series.labels.find(QStringLiteral("partition"));
            if (partition != series.labels.end() && !partition->second.isEmpty())
                m_partitions[series.name] = partition->second;
            const double value
                = size_t(point) < series.values.size() ? series.values[size_t(point)] : qQNaN();
            if (std::isnan(value))
                continue;
            values[series.name] = value;
            named.insert(series.name);
        }
    }
    m_nodesByQuery[result.queryId] = named;
    syncRows();

    std::vector<bool> valueChanged(m_rows.size(), false), partitionChanged(m_rows.size(), false);
    const size_t slot = size_t(column - kFirstValueColumn);
    for (size_t row = 0; row < m_rows.size(); ++row) {
        Row &r = m_rows[row];
        const auto found = values.find(r.node);
        const double value = found == values.end() ? qQNaN() : found->second;
        if (!sameValue(r.values[slot], value)) {
            r.values[slot] = value;
            valueChanged[row] = true;
        }
        // A node that is down reports no partition; the one it last reported stays.
        const auto partition = m_partitions.find(r.node);
        if (partition != m_partitions.end() && partition->second != r.partition) {
            r.partition = partition->second;
            partitionChanged[row] = true;
        }
    }
    forEachRun(valueChanged,
        [&](int first, int last) { Q_EMIT dataChanged(index(first, column), index(last, column)); });
    forEachRun(partitionChanged, [&](int first, int last) {
        Q_EMIT dataChanged(index(first, PartitionColumn), index(last, PartitionColumn));
    });
}

void NodeTableModel::clear()
{
    beginResetModel();
    m_rows.clear();
    m_nodesByQuery.clear();
    m_partitions.clear();
    m_asOf.clear();
    endResetModel();
}

void NodeTableModel::syncRows()
{
    QSet<QString> wanted;
    for (const auto &[queryId, nodes] : m_nodesByQuery)
        wanted.unite(nodes);

    // Rows of nodes no query names any more, bottom up, a run at a time.
    for (int row = int(m_rows.size()) - 1; row >= 0;) {
        if (wanted.contains(m_rows[size_t(row)].node)) {
            --row;
            continue;
        }
        int first = row;
        while (first > 0 && !wanted.contains(m_rows[size_t(first - 1)].node))
            --first;
        beginRemoveRows({}, first, row);
        m_rows.erase(m_rows.begin() + first, m_rows.begin() + row + 1);
        endRemoveRows();
        row = first - 1;
    }

    // New nodes, in name order, a run of neighbours at a time.
    QStringList missing;
    for (const QString &node : std::as_const(wanted))
        if (rowOfNode(node) < 0)
            missing.append(node);
    std::sort(missing.begin(), missing.end());
    for (qsizetype k = 0; k < missing.size();) {
        const auto at = std::lower_bound(m_rows.begin(), m_rows.end(), missing[k],
            [](const Row &row, const QString &node) { return row.node < node; });
        const int position = int(at - m_rows.begin());
        qsizetype end = k + 1;
        while (end < missing.size() && (at == m_rows.end() || missing[end] < at->node))
            ++end;
        std::vector<Row> run;
        for (qsizetype i = k; i < end; ++i) {
            Row row;
            row.node = missing[i];
            const auto partition = m_partitions.find(row.node);
            if (partition != m_partitions.end())
                row.partition = partition->second;
            row.values.fill(qQNaN());
            run.push_back(std::move(row));
        }
        beginInsertRows({}, position, position + int(run.size()) - 1);
        m_rows.insert(m_rows.begin() + position, std::make_move_iterator(run.begin()),
            std::make_move_iterator(run.end()));
        endInsertRows();
        k = end;
    }
}

int NodeTableModel::rowOfNode(const QString &node) const
{
    const auto it = std::lower_bound(m_rows.begin(), m_rows.end(), node,
        [](const Row &row, const QString &name) { return row.node < name; });
    return it != m_rows.end() && it->node == node ? int(it - m_rows.begin()) : -1;
}

QString NodeTableModel::nodeAt(int row) const
{
    return row >= 0 && size_t(row) < m_rows.size() ? m_rows[size_t(row)].node : QString();
}

qint64 NodeTableModel::asOfMs(const QString &queryId) const
{
    const auto it = m_asOf.find(queryId);
    return it == m_asOf.end() ? 0 : it->second;
}

QString NodeTableModel::stateName(double code)
{
    const std::optional<NodeState> state = nodeStateFromCode(code);
    if (!state)
        return std::isnan(code) ? QString() : tr("unknown");
    switch (*state) {
    case NodeState::Idle:
        return tr("idle");
    case NodeState::Mixed:
        return tr("mixed");
    case NodeState::Allocated:
        return tr("allocated");
    case NodeState::Drain:
        return tr("drain");
    case NodeState::Down:
        return tr("down");
    case NodeState::Other:
        return tr("other");
    }
    return {};
}

QString NodeTableModel::xidDescription(int code)
{
    // NVIDIA's XID catalogue, for the codes an operator meets most.
    switch (code) {
    case 13:
        return tr("graphics engine exception, usually the application");
    case 31:
        return tr("GPU memory page fault, usually the application");
    case 43:
        return tr("GPU stopped processing");
    case 48:
        return tr("double-bit ECC error");
    case 63:
        return tr("ECC page retirement or row remapping");
    case 74:
        return tr("NVLink error");
    case 79:
        return tr("GPU has fallen off the bus");
    case 94:
        return tr("contained ECC error");
    case 95:
        return tr("uncontained ECC error");
    default:
        return {};
    }
}

double NodeTableModel::value(const Row &row, int column) const
{
    return column >= kFirstValueColumn && column < ColumnCount
        ? row.values[size_t(column - kFirstValueColumn)]
        : qQNaN();
}

QString NodeTableModel::formatted(const Row &row, int column) const
{
    if (column == NodeColumn)
        return row.node;
    if (column == PartitionColumn)
        return row.partition;
    const double v = value(row, column);
    if (std::isnan(v))
        return QStringLiteral("\u2013");
    const QLocale locale;
    switch (column) {
    case StateColumn:
        return stateName(v);
    case GpuCountColumn:
        return locale.toString(qint64(std::llround(v)));
    case UtilisationColumn:
    case TensorColumn:
        return UnitFormatter::format(v, QStringLiteral("%"), locale);
    case PowerColumn:
        return locale.toString(v, 'f', 2) + QStringLiteral(" kW");
    case TemperatureColumn:
        return locale.toString(v, 'f', 0) + QStringLiteral(" \u00b0C");
    case XidColumn:
        // An XID is a code, not a quantity: no digit grouping. 0 means none.
        return v == 0 ? QString() : QString::number(qint64(std::llround(v)));
    default:
        return {};
    }
}

int NodeTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int NodeTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant NodeTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows[size_t(index.row())];
    const int column = index.column();
    const bool text = column == NodeColumn || column == PartitionColumn;
    switch (role) {
    case Qt::DisplayRole:
        return formatted(row, column);
    case Qt::TextAlignmentRole:
        return QVariant::fromValue(
            int((text || column == StateColumn ? Qt::AlignLeft : Qt::AlignRight) | Qt::AlignVCenter));
    case Qt::ToolTipRole:
        if (column == XidColumn && value(row, column) > 0) {
            const int code = int(std::llround(value(row, column)));
            const QString meaning = xidDescription(code);
            return meaning.isEmpty() ? tr("XID %1").arg(code)
                                     : tr("XID %1: %2").arg(QString::number(code), meaning);
        }
        return {};
    case RawValueRole:
        if (text)
            return column == NodeColumn ? row.node : row.partition;
        return value(row, column);
    case SortRole: {
        if (text)
            return column == NodeColumn ? row.node : row.partition;
        const double v = value(row, column);
        return std::isnan(v) ? -std::numeric_limits<double>::infinity() : v;
    }
    case FilterRole:
        if (column == NodeColumn)
            return row.node;
        if (column == PartitionColumn)
            return row.partition;
        if (column == StateColumn) {
            const double code = value(row, column);
            return QString(stateName(code) + QLatin1Char(' ') + englishStateName(code));
        }
        return {};
    case NodeRole:
        return row.node;
    default:
        return {};
    }
}

QVariant NodeTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return {};
    if (role == Qt::DisplayRole) {
        switch (section) {
        case NodeColumn:
            return tr("Node");
        case PartitionColumn:
            return tr("Partition");
        case StateColumn:
            return tr("State");
        case GpuCountColumn:
            return tr("GPUs");
        case UtilisationColumn:
            return tr("Util.");
        case TensorColumn:
            return tr("Tensor");
        case PowerColumn:
            return tr("Power");
        case TemperatureColumn:
            return tr("Temp.");
        case XidColumn:
            return tr("XID");
        default:
            return {};
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case StateColumn:
            return tr("Slurm's state of the node");
        case GpuCountColumn:
            return tr("GPUs reporting to dcgm-exporter");
        case UtilisationColumn:
            return tr("Mean GPU utilisation of the node");
        case TensorColumn:
            return tr("Mean tensor-pipe activity of the node's GPUs");
        case PowerColumn:
            return tr("Power drawn by the node's GPUs");
        case TemperatureColumn:
            return tr("Temperature of the node's hottest GPU");
        case XidColumn:
            return tr("Highest XID error code the node's GPUs hold; empty when none");
        default:
            return {};
        }
    }
    if (role == Qt::TextAlignmentRole)
        return QVariant::fromValue(
            int((section <= StateColumn ? Qt::AlignLeft : Qt::AlignRight) | Qt::AlignVCenter));
    return {};
}

QHash<int, QByteArray> NodeTableModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(RawValueRole, QByteArrayLiteral("rawValue"));
    names.insert(SortRole, QByteArrayLiteral("sortValue"));
    names.insert(FilterRole, QByteArrayLiteral("filterText"));
    names.insert(NodeRole, QByteArrayLiteral("node"));
    return names;
}
