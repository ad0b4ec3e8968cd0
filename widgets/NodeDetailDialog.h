#pragma once

#include <QDialog>
#include <QPointer>

#include <array>

class ChartPanel;
class NodeTableModel;
class QFormLayout;
class QLabel;
class TimeSeriesModel;

// One node at a glance: its row of the node table and its GPU utilisation over the data shown (its
// column of the node_gpu_util model). Follows both models as they refresh.
class NodeDetailDialog : public QDialog
{
    Q_OBJECT
public:
    explicit NodeDetailDialog(QWidget *parent = nullptr);
    ~NodeDetailDialog() override;

    void setModels(NodeTableModel *table, TimeSeriesModel *utilisation);
    void setNode(const QString &node);
    QString node() const { return m_node; }

    // What the dialog shows for a column of the node table (for tests); empty when the node has no row.
    QString fieldText(int column) const;
    ChartPanel *chart() const { return m_chart; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void scheduleRefresh();
    void refresh();
    void retranslate();

    QPointer<NodeTableModel> m_table;
    QPointer<TimeSeriesModel> m_utilisation;
    TimeSeriesModel *m_series; // the node's column alone, for the chart
    QString m_node;
    QLabel *m_heading;
    QFormLayout *m_form;
    std::array<QLabel *, 9> m_names {};
    std::array<QLabel *, 9> m_values {};
    ChartPanel *m_chart;
    bool m_refreshPending = false;
};
