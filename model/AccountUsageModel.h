#pragma once

#include "QueryResult.h"

#include <QAbstractTableModel>
#include <QPointer>

#include <map>
#include <vector>

class TimeSeriesModel;

// One account's use of the centre over a range.
struct AccountUsage
{
    QString account;
    double gpuHours = 0; // used over the range
    double allocationGpuHours = qQNaN(); // granted, NaN when the config gives none
    bool subsidy = false; // an AI Subsidy Scheme project

    // Share of the allocation used over the range, in percent; NaN without an allocation.
    double percentOfAllocation() const { return 100.0 * gpuHours / allocationGpuHours; }
};

// The top accounts by GPU-hours over the range of an account_gpu_hours result, most used first, with
// the allocation the config grants each ([allocations]) and whether it is an AI Subsidy Scheme project
// ([accounts] ai_subsidy_scheme). Follows a TimeSeriesModel: a new result updates the changed cells, and
// resets only when the accounts or their order change.
class AccountUsageModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { AccountColumn, UsedColumn, AllocationColumn, ShareColumn, SubsidyColumn, ColumnCount };
    enum Role {
        // Account: QString; used and allocation: GPU-hours as double (NaN: no allocation); share: percent
        // as double (NaN: no allocation); subsidy: bool.
        RawValueRole = Qt::UserRole + 1,
        SubsidyRole, // bool, on every column of the row
    };

    explicit AccountUsageModel(QObject *parent = nullptr);

    // Allocations in GPU-hours by account, and the names or wildcard patterns of the AI Subsidy Scheme
    // projects (DashboardConfig::allocations and subsidyAccounts).
    void setAllocations(const std::map<QString, double> &allocations, const QStringList &subsidyAccounts);
    // Follows model (account_gpu_hours, GPU-hours in the hour before each point); nullptr stops following.
    void setSource(TimeSeriesModel *model);
    void setResult(const QueryResult &result);

    const std::vector<AccountUsage> &usage() const { return m_rows; }
    // The range the figures cover: [startMs, endMs) of the result.
    qint64 rangeStartMs() const { return m_startMs; }
    qint64 rangeEndMs() const { return m_endMs; }

    // GPU-hours used over a series' range: each point holds the hour before it, so a point stands for
    // stepMs / 1 h of its value (the plain sum at an hourly step). Gaps count as nothing. An instant
    // result (stepMs 0) is the hour before it.
    static double gpuHoursOver(const Series &series, qint64 stepMs);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    void rebuild();

    QPointer<TimeSeriesModel> m_source;
    QueryResult m_result;
    std::map<QString, double> m_allocations;
    QStringList m_subsidyAccounts;
    std::vector<AccountUsage> m_rows;
    qint64 m_startMs = 0;
    qint64 m_endMs = 0;
};
