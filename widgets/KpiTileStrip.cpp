#include "KpiTileStrip.h"

#include "KpiModel.h"
#include "KpiTile.h"

#include <QHBoxLayout>

KpiTileStrip::KpiTileStrip(QWidget *parent)
    : QWidget(parent)
    , m_layout(new QHBoxLayout(this))
{
    m_layout->setContentsMargins(0, 0, 0, 0);
    m_layout->setSpacing(10);
}

void KpiTileStrip::setModel(QAbstractItemModel *model)
{
    if (m_model)
        m_model->disconnect(this);
    m_model = model;
    if (m_model) {
        connect(m_model, &QAbstractItemModel::modelReset, this, &KpiTileStrip::rebuild);
        connect(m_model, &QAbstractItemModel::rowsInserted, this, &KpiTileStrip::rebuild);
        connect(m_model, &QAbstractItemModel::rowsRemoved, this, &KpiTileStrip::rebuild);
        connect(m_model, &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex &topLeft, const QModelIndex &bottomRight) {
                updateRows(topLeft.row(), bottomRight.row());
            });
    }
    rebuild();
}

void KpiTileStrip::rebuild()
{
    for (KpiTile *tile : m_tiles)
        delete tile;
    m_tiles.clear();
    const int rows = m_model ? m_model->rowCount() : 0;
    for (int row = 0; row < rows; ++row) {
        auto *tile = new KpiTile(this);
        m_layout->addWidget(tile, 1);
        m_tiles.push_back(tile);
    }
    if (rows > 0)
        updateRows(0, rows - 1);
}

void KpiTileStrip::updateRows(int first, int last)
{
    for (int row = first; row <= last && row < int(m_tiles.size()); ++row) {
        const QModelIndex index = m_model->index(row, 0);
        KpiTile *tile = m_tiles[size_t(row)];
        tile->setTitle(index.data(KpiModel::TitleRole).toString());
        tile->setValue(index.data(KpiModel::FormattedValueRole).toString());
        tile->setDetail(index.data(KpiModel::DetailRole).toString());
        tile->setStale(index.data(KpiModel::StaleRole).toBool());
        tile->setHistory(index.data(KpiModel::HistoryRole).value<QList<double>>());
        tile->setChange(index.data(KpiModel::FormattedChangeRole).toString());
        switch (index.data(KpiModel::StateRole).value<KpiModel::State>()) {
        case KpiModel::State::NoData:
            tile->setAccent(KpiTile::Accent::None);
            break;
        case KpiModel::State::Normal:
            tile->setAccent(KpiTile::Accent::Normal);
            break;
        case KpiModel::State::Warning:
            tile->setAccent(KpiTile::Accent::Warning);
            break;
        case KpiModel::State::Critical:
            tile->setAccent(KpiTile::Accent::Critical);
            break;
        }
    }
}
