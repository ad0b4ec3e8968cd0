#include "AccountUsageModel.h"

#include "DashboardConfig.h"
#include "TimeSeriesModel.h"
#include "UnitFormatter.h"

#include <algorithm>
#include <cmath>

namespace {
constexpr double kHourMs = 3600.0 * 1000.0;
const QString kGpuHours = QStringLiteral("GPU-h");

bool sameUsage(const AccountUsage &a, const AccountUsage &b)
{
    const bool sameAllocation = a.allocationGpuHours == b.allocationGpuHours
        || (std::isnan(a.allocationGpuHours) && std::isnan(b.allocationGpuHours));
    return a.account == b.account && a.gpuHours == b.gpuHours && sameAllocation && a.subsidy == b.subsidy;
}
} // namespace

AccountUsageModel::AccountUsageModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

void AccountUsageModel::setAllocations(
    const std::map<QString, double> &allocations, const QStringList &subsidyAccounts)
{
    m_allocations = allocations;
    m_subsidyAccounts = subsidyAccounts;
    rebuild();
}

void AccountUsageModel::setSource(TimeSeriesModel *model)
{
    if (m_source)
        m_source->disconnect(this);
    m_source = model;
    if (!m_source) {
        setResult({});
        return;
    }
    // The source changes in steps (rows removed, inserted, cells changed); each leaves a consistent result.
    auto follow = [this] { setResult(m_source->result()); };
    connect(m_source, &QAbstractItemModel::modelReset, this, follow);
    connect(m_source, &QAbstractItemModel::rowsInserted, this, follow);
    connect(m_source, &QAbstractItemModel::rowsRemoved, this, follow);
    connect(m_source, &QAbstractItemModel::dataChanged, this, follow);
    follow();
}

void AccountUsageModel::setResult(const QueryResult &result)
{
    m_result = result;
    rebuild();
}

double AccountUsageModel::gpuHoursOver(const Series &series, qint64 stepMs)
{
    double sum = 0;
    for (double value : series.values)
        if (!std::isnan(value))
            sum += value;
    return stepMs > 0 ? sum * (double(stepMs) / kHourMs) : sum;
}

void AccountUsageModel::rebuild()
{
    std::vector<AccountUsage> rows;
    for (const Series &series : m_result.series) {
        AccountUsage usage;
        const auto label = series.labels.find(QStringLiteral("account"));
        usage.account = label != series.labels.end() ? label->second : series.name;
        usage.gpuHours = gpuHoursOver(series, m_result.stepMs);
        const auto allocation = m_allocations.find(usage.account);
        if (allocation != m_allocations.end())
            usage.allocationGpuHours = allocation->second;
        usage.subsidy = DashboardConfig::matchesAny(m_subsidyAccounts, usage.account);
        rows.push_back(usage);
    }
    std::sort(rows.begin(), rows.end(), [](const AccountUsage &a, const AccountUsage &b) {
        return a.gpuHours != b.gpuHours ? a.gpuHours > b.gpuHours : a.account < b.account;
    });
    m_startMs = m_result.startMs;
    m_endMs = m_result.pointCount() > 0 ? m_result.endMs() : m_result.startMs;

    const bool sameAccounts = std::equal(rows.begin(), rows.end(), m_rows.begin(), m_rows.end(),
        [](const AccountUsage &a, const AccountUsage &b) { return a.account == b.account; });
    if (!sameAccounts) {
        beginResetModel();
        m_rows = std::move(rows);
        endResetModel();
        return;
    }
    for (size_t row = 0; row < rows.size(); ++row) {
        if (sameUsage(rows[row], m_rows[row]))
            continue;
        m_rows[row] = rows[row];
        Q_EMIT dataChanged(index(int(row), 0), index(int(row), ColumnCount - 1));
    }
}

int AccountUsageModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int AccountUsageModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AccountUsageModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const AccountUsage &usage = m_rows[size_t(index.row())];
    const bool allocated = !std::isnan(usage.allocationGpuHours);
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case AccountColumn:
            return usage.account;
        case UsedColumn:
            return UnitFormatter::formatValue(usage.gpuHours, kGpuHours);
        case AllocationColumn:
            return UnitFormatter::formatValue(usage.allocationGpuHours, kGpuHours);
        case ShareColumn:
            return allocated ? UnitFormatter::format(usage.percentOfAllocation(), QStringLiteral("%"))
                             : UnitFormatter::formatValue(qQNaN(), QStringLiteral("%"));
        case SubsidyColumn:
            return usage.subsidy ? tr("yes") : QString();
        }
        break;
    case RawValueRole:
        switch (index.column()) {
        case AccountColumn:
            return usage.account;
        case UsedColumn:
            return usage.gpuHours;
        case AllocationColumn:
            return usage.allocationGpuHours;
        case ShareColumn:
            return allocated ? usage.percentOfAllocation() : qQNaN();
        case SubsidyColumn:
            return usage.subsidy;
        }
        break;
    case SubsidyRole:
        return usage.subsidy;
    case Qt::TextAlignmentRole:
        if (index.column() == UsedColumn || index.column() == AllocationColumn
            || index.column() == ShareColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        if (index.column() == SubsidyColumn)
            return QVariant::fromValue(Qt::Alignment(Qt::AlignCenter));
        break;
    case Qt::ToolTipRole:
        if (index.column() == ShareColumn && allocated)
            //: e.g. "42,000 of 600,000 GPU-h granted"
            return tr("%1 of %2 granted")
                .arg(UnitFormatter::formatValue(usage.gpuHours, kGpuHours),
                    UnitFormatter::format(usage.allocationGpuHours, kGpuHours));
        if (index.column() == ShareColumn)
            return tr("The config gives this account no allocation ([allocations] in the config file).");
        break;
    }
    return {};
}

QVariant AccountUsageModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case AccountColumn:
        return tr("Account");
    case UsedColumn:
        return tr("GPU-hours used");
    case AllocationColumn:
        return tr("Allocation, GPU-h");
    case ShareColumn:
        return tr("Share of allocation");
    case SubsidyColumn:
        return tr("AI Subsidy Scheme");
    }
    return {};
}

QHash<int, QByteArray> AccountUsageModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(RawValueRole, QByteArrayLiteral("rawValue"));
    names.insert(SubsidyRole, QByteArrayLiteral("subsidy"));
    return names;
}
