#pragma once

#include <QWidget>

class QAbstractItemModel;
class ChartPanel;
class KpiTileStrip;
class TimeSeriesModel;

// The first page: headline figures over the two charts operators watch most, GPU utilisation
// by partition and jobs waiting by partition.
class OverviewPage : public QWidget
{
    Q_OBJECT
public:
    explicit OverviewPage(QWidget *parent = nullptr);

    void setKpiModel(QAbstractItemModel *model);
    void setUtilisationModel(TimeSeriesModel *model);
    void setQueueModel(TimeSeriesModel *model);

    KpiTileStrip *tileStrip() const { return m_tiles; }
    ChartPanel *utilisationChart() const { return m_utilisation; }
    ChartPanel *queueChart() const { return m_queue; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();

    KpiTileStrip *m_tiles;
    ChartPanel *m_utilisation;
    ChartPanel *m_queue;
};
