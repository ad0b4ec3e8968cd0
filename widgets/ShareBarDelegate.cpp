#include "ShareBarDelegate.h"

#include <QApplication>
#include <QPainter>

#include <algorithm>
#include <cmath>

ShareBarDelegate::ShareBarDelegate(int rawValueRole, QObject *parent)
    : QStyledItemDelegate(parent)
    , m_rawValueRole(rawValueRole)
{ }

QColor ShareBarDelegate::colourOf(double percent)
{
    if (percent > 100)
        return QColor(0xd5, 0x5e, 0x00); // Okabe–Ito vermillion: over the allocation
    if (percent >= 80)
        return QColor(0xe6, 0x9f, 0x00); // Okabe–Ito orange: nearly used up
    return QColor(0x56, 0xb4, 0xe9); // Okabe–Ito sky blue
}

void ShareBarDelegate::paint(
    QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const double percent = index.data(m_rawValueRole).toDouble();
    if (std::isnan(percent)) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QString text = opt.text;
    opt.text.clear();
    const QWidget *widget = opt.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);

    // The bar fills the cell's width at 100%, with the text on its right.
    const QRect cell = opt.rect.adjusted(4, 4, -4, -4);
    const QFontMetrics metrics(opt.font);
    const int textWidth = metrics.horizontalAdvance(QStringLiteral("000.0%")) + 8;
    const QRect track(cell.left(), cell.top(), std::max(0, cell.width() - textWidth), cell.height());
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(Qt::NoPen);
    painter->setBrush(QColor(0, 0, 0, 18));
    painter->drawRoundedRect(track, 2, 2);
    QRect bar = track;
    bar.setWidth(int(std::round(track.width() * std::clamp(percent, 0.0, 100.0) / 100.0)));
    painter->setBrush(colourOf(percent));
    painter->drawRoundedRect(bar, 2, 2);
    painter->setPen(
        opt.palette.color(opt.state & QStyle::State_Selected ? QPalette::HighlightedText : QPalette::Text));
    painter->drawText(QRect(track.right() + 4, cell.top(), textWidth - 4, cell.height()),
        Qt::AlignRight | Qt::AlignVCenter, text);
    painter->restore();
}

QSize ShareBarDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    size.setWidth(std::max(size.width(), 180));
    return size;
}
