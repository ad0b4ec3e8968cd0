#pragma once

#include <QPointer>
#include <QWidget>

#include <vector>

class QAbstractItemModel;
class QHBoxLayout;
class KpiTile;

// A row of KpiTiles, one per row of a KpiModel, kept in step with the model.
class KpiTileStrip : public QWidget
{
    Q_OBJECT
public:
    explicit KpiTileStrip(QWidget *parent = nullptr);

    void setModel(QAbstractItemModel *model);
    const std::vector<KpiTile *> &tiles() const { return m_tiles; }

private:
    void rebuild();
    void updateRows(int first, int last);

    QPointer<QAbstractItemModel> m_model;
    QHBoxLayout *m_layout;
    std::vector<KpiTile *> m_tiles;
};
