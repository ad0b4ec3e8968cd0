#pragma once

#include <QList>
#include <QPointer>
#include <QWidget>

class ChartPanel;
class NodeDetailDialog;
class NodeHeatmapView;
class NodeTableModel;
class NodeTablePanel;
class QLabel;
class QSplitter;
class TimeSeriesModel;

// How busy the GPUs are: utilisation and tensor activity by partition over the live window, every
// node's utilisation over it as a heatmap, and every node's latest figures in a table. A node picked
// in the heatmap (click, Enter) or the table (double-click, Enter) opens its details.
class UtilisationPage : public QWidget
{
    Q_OBJECT
public:
    explicit UtilisationPage(QWidget *parent = nullptr);

    // gpu_util_by_partition and tensor_active_by_partition over the live window.
    void setUtilisationModel(TimeSeriesModel *model);
    void setTensorModel(TimeSeriesModel *model);
    // node_gpu_util over the live window: the heatmap, and the details' chart.
    void setNodeUtilisationModel(TimeSeriesModel *model);
    void setNodeTableModel(NodeTableModel *model);

    QList<ChartPanel *> charts() const;
    ChartPanel *utilisationChart() const { return m_utilisation; }
    ChartPanel *tensorChart() const { return m_tensor; }
    NodeHeatmapView *heatmap() const { return m_heatmap; }
    NodeTablePanel *nodeTable() const { return m_table; }
    // The note under the partition charts when the source has no partition label; empty otherwise.
    QString partitionNote() const;

    // Opens (or brings up) the details of a node; the dialog stays open while the user browses.
    void showNode(const QString &node);
    // The details dialog; nullptr until a node was opened.
    NodeDetailDialog *nodeDetail() const { return m_detail; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void updatePartitionNotes();
    void watchPartitions(TimeSeriesModel *model);

    ChartPanel *m_utilisation;
    ChartPanel *m_tensor;
    QLabel *m_utilisationNote;
    QLabel *m_tensorNote;
    QLabel *m_heatmapTitle;
    NodeHeatmapView *m_heatmap;
    NodeTablePanel *m_table;
    QSplitter *m_vertical;
    QSplitter *m_horizontal;
    QPointer<TimeSeriesModel> m_utilisationModel;
    QPointer<TimeSeriesModel> m_tensorModel;
    QPointer<TimeSeriesModel> m_nodeUtilisationModel;
    QPointer<NodeTableModel> m_nodeTableModel;
    NodeDetailDialog *m_detail = nullptr;
};
