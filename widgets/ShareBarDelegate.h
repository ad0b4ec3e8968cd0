#pragma once

#include <QStyledItemDelegate>

// Draws a share in percent (the model's raw value role) as a bar behind its text: full at 100%, amber
// from 80%, red beyond 100% (over the allocation). Cells without a share (NaN) show only their text.
class ShareBarDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    // rawValueRole: the role that holds the percentage as a double.
    explicit ShareBarDelegate(int rawValueRole, QObject *parent = nullptr);

    void paint(
        QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    // The bar's colour for a share, for tests and legends.
    static QColor colourOf(double percent);

private:
    int m_rawValueRole;
};
