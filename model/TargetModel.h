#pragma once

#include "PrometheusParser.h"

#include <QAbstractTableModel>

#include <vector>

// Scrape targets and their health, targets that are down first.
class TargetModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { JobColumn, InstanceColumn, HealthColumn, LastScrapeColumn, ErrorColumn, ColumnCount };
    enum Role { HealthRole = Qt::UserRole + 1 }; // PrometheusTarget::Health as int

    explicit TargetModel(QObject *parent = nullptr);

    void setTargets(std::vector<PrometheusTarget> targets);
    int countWithHealth(PrometheusTarget::Health health) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::vector<PrometheusTarget> m_targets;
};
