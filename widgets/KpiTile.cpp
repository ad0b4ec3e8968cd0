#include "KpiTile.h"

#include <QLabel>
#include <QPainter>
#include <QVBoxLayout>

KpiTile::KpiTile(QWidget *parent)
    : QFrame(parent)
    , m_title(new QLabel(this))
    , m_value(new QLabel(this))
    , m_detail(new QLabel(this))
{
    setObjectName(QStringLiteral("KpiTile"));
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);

    m_title->setObjectName(QStringLiteral("title"));
    m_value->setObjectName(QStringLiteral("value"));
    m_detail->setObjectName(QStringLiteral("detail"));
    m_detail->setWordWrap(true);

    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.05);
    m_title->setFont(titleFont);
    QPalette muted = m_title->palette();
    muted.setColor(QPalette::WindowText, palette().color(QPalette::PlaceholderText));
    m_title->setPalette(muted);
    m_detail->setPalette(muted);

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
    update();
}

void KpiTile::setStale(bool stale)
{
    if (m_stale == stale)
        return;
    m_stale = stale;
    QPalette valuePalette = m_value->palette();
    valuePalette.setColor(QPalette::WindowText,
        stale ? palette().color(QPalette::PlaceholderText) : palette().color(QPalette::WindowText));
    m_value->setPalette(valuePalette);
    update();
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
    // A bar on the left edge carries the state, so that colour is not the only cue: the
    // detail text states the same.
    QColor colour;
    switch (m_accent) {
    case Accent::None:
        return;
    case Accent::Normal:
        colour = QColor(0x2e, 0x7d, 0x32);
        break;
    case Accent::Warning:
        colour = QColor(0xf5, 0x9e, 0x0b);
        break;
    case Accent::Critical:
        colour = QColor(0xc6, 0x28, 0x28);
        break;
    }
    if (m_stale)
        colour = palette().color(QPalette::PlaceholderText);
    QPainter painter(this);
    painter.fillRect(QRect(0, 0, 5, height()), colour);
}
