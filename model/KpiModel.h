#pragma once

#include "QueryResult.h"
#include "Roadmap.h"

#include <QAbstractListModel>

#include <vector>

// How a KPI reduces the latest point of its query's result to one number.
enum class KpiReduction { Sum, Mean, NamedSeries };

// One headline figure. Thresholds are optional (NaN = none); a KPI whose value crosses warning or
// critical changes its state. For "higher is worse" KPIs set warning < critical; for "lower is
// worse" KPIs set warning > critical.
struct KpiDefinition
{
    QString id;
    QString title; // translated
    QString queryId;
    QString unit;
    KpiReduction reduction = KpiReduction::Sum;
    QString seriesName; // for NamedSeries
    bool compareToRoadmap = false; // detail line names the next roadmap milestone
    double warning = qQNaN();
    double critical = qQNaN();
};

// The overview's headline figures, one row per KPI, fed with the query results as they arrive.
class KpiModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum class State { NoData, Normal, Warning, Critical };
    Q_ENUM(State)
    enum Role {
        KpiIdRole = Qt::UserRole + 1,
        TitleRole,
        RawValueRole, // double; NaN without data
        FormattedValueRole, // value and unit, e.g. "2,970 PFLOPS"
        UnitRole,
        DetailRole, // a second line: roadmap progress, or the time of the value
        TimestampRole, // qint64 ms of the value shown
        StateRole, // State
        StaleRole, // bool: the value is older than the latest refresh attempt
        HistoryRole, // QList<double>: the figure at every grid point of the time range shown (NaN: no data)
        ChangeRole, // double: newest minus oldest figure of the range; NaN without two points
        FormattedChangeRole, // e.g. "▲ 12 jobs over the range"
    };

    explicit KpiModel(const Roadmap &roadmap, QObject *parent = nullptr);

    void setDefinitions(std::vector<KpiDefinition> definitions);
    const std::vector<KpiDefinition> &definitions() const { return m_definitions; }
    // Takes the latest point with data of every KPI fed by result.queryId; emits dataChanged for those rows
    // only.
    void updateFromResult(const QueryResult &result);
    // Marks all values as stale (source unreachable) or fresh again.
    void setStale(bool stale);
    // Titles again in the language now installed (their texts are kept, not looked up on each read).
    void retranslate();
    // Replaces a KPI's thresholds (from the config); NaN removes one. Unknown ids are ignored.
    void setThresholds(const QString &kpiId, double warning, double critical);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    // The standard overview KPIs: installed capacity against the roadmap, GPU utilisation,
    // jobs running, jobs pending, GPUs down.
    static std::vector<KpiDefinition> overviewDefinitions();

private:
    struct Value
    {
        double value = qQNaN();
        qint64 timestampMs = 0;
        QList<double> history; // over the time range shown
    };
    double changeOf(const Value &value) const;
    State stateOf(const KpiDefinition &definition, double value) const;
    QString detailOf(const KpiDefinition &definition, const Value &value) const;

    const Roadmap &m_roadmap;
    std::vector<KpiDefinition> m_definitions;
    std::vector<Value> m_values;
    bool m_stale = false;
};
