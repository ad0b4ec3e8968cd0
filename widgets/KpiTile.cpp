#include "KpiTile.h"

#include "Sparkline.h"

#include <QEvent>
#include <QLabel>
#include <QPainter>
#include <QVBoxLayout>

KpiTile::KpiTile(QWidget *parent)
    : QFrame(parent)
    , m_title(new QLabel(this))
    , m_value(new QLabel(this))
    , m_detail(new QLabel(this))
    , m_sparkline(new Sparkline(this))
    , m_change(new QLabel(this))
{
    setObjectName(QStringLiteral("KpiTile"));
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);

    m_title->setObjectName(QStringLiteral("title"));
    m_value->setObjectName(QStringLiteral("value"));
    m_detail->setObjectName(QStringLiteral("detail"));
    m_detail->setWordWrap(true);
    m_sparkline->setObjectName(QStringLiteral("sparkline"));
    m_change->setObjectName(QStringLiteral("change"));

    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.05);
    m_title->setFont(titleFont);
    updateColours();

    QFont valueFont = m_value->font();
    valueFont.setPointSizeF(valueFont.pointSizeF() * 2.2);
    valueFont.setBold(true);
    m_value->setFont(valueFont);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 10, 12, 10);
    layout->setSpacing(2);
    layout->addWidget(m_title);
    layout->addWidget(m_value);
    layout->addWidget(m_detail);
    layout->addSpacing(4);
    layout->addWidget(m_sparkline);
    layout->addWidget(m_change);
    // Tall enough for two lines of detail, so that tiles in a row keep one height.
    const QFontMetrics detailMetrics(m_detail->font());
    m_detail->setMinimumHeight(detailMetrics.lineSpacing() * 2);
}

void KpiTile::setTitle(const QString &title)
{
    m_title->setText(title);
}

void KpiTile::setValue(const QString &value)
{
    m_value->setText(value);
}

void KpiTile::setDetail(const QString &detail)
{
    m_detail->setText(detail);
}

void KpiTile::setAccent(Accent accent)
{
    if (m_accent == accent)
        return;
    m_accent = accent;
    updateColours();
    update();
}

void KpiTile::setStale(bool stale)
{
    if (m_stale == stale)
        return;
    m_stale = stale;
    updateColours();
    update();
}

void KpiTile::setHistory(const QList<double> &values)
{
    m_sparkline->setValues(values);
}

void KpiTile::setChange(const QString &change)
{
    m_change->setText(change);
}

QString KpiTile::change() const
{
    return m_change->text();
}

const QList<double> &KpiTile::history() const
{
    return m_sparkline->values();
}

void KpiTile::changeEvent(QEvent *event)
{
    QFrame::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        updateColours();
}

void KpiTile::updateColours()
{
    // Secondary text in the palette's muted colour, so that it follows a light or dark theme.
    const QColor muted = palette().color(QPalette::PlaceholderText);
    for (QLabel *label : { m_title, m_detail, m_change }) {
        QPalette p = label->palette();
        p.setColor(QPalette::WindowText, muted);
        label->setPalette(p);
    }
    QPalette valuePalette = m_value->palette();
    valuePalette.setColor(QPalette::WindowText, m_stale ? muted : palette().color(QPalette::WindowText));
    m_value->setPalette(valuePalette);
    m_sparkline->setColour(
        m_accent == Accent::None || m_stale ? muted : palette().color(QPalette::Highlight));
}

QColor KpiTile::accentColour() const
{
    if (m_stale)
        return palette().color(QPalette::PlaceholderText);
    switch (m_accent) {
    case Accent::None:
        return {};
    case Accent::Normal:
        return QColor(0x2e, 0x7d, 0x32);
    case Accent::Warning:
        return QColor(0xf5, 0x9e, 0x0b);
    case Accent::Critical:
        return QColor(0xc6, 0x28, 0x28);
    }
    return {};
}

QString KpiTile::title() const
{
    return m_title->text();
}

QString KpiTile::value() const
{
    return m_value->text();
}

QString KpiTile::detail() const
{
    return m_detail->text();
}

void KpiTile::paintEvent(QPaintEvent *event)
{
    QFrame::paintEvent(event);
    const QColor colour = accentColour();
    if (!colour.isValid())
        return;
    QPainter painter(this);
    // Amber and red tint the whole tile, so that a warning is seen across the room; a bar on the
    // left edge carries the state too, and the detail text states it, so colour is not the only cue.
    if (!m_stale && (m_accent == Accent::Warning || m_accent == Accent::Critical)) {
        QColor tint = colour;
        tint.setAlpha(m_accent == Accent::Critical ? 56 : 48);
        painter.fillRect(rect().adjusted(1, 1, -1, -1), tint);
    }
    painter.fillRect(QRect(0, 0, 5, height()), colour);
}
