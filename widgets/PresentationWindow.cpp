#include "PresentationWindow.h"

#include "KpiModel.h"
#include "SlideShow.h"
#include "Theme.h"
#include "TimeSeriesModel.h"

#include <QApplication>
#include <QDateTime>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QPainter>
#include <QStackedWidget>
#include <QTimer>
#include <QVBoxLayout>

// A dot per slide shown, the current one filled: where the show is, without words.
class PageDots : public QWidget
{
public:
    explicit PageDots(QWidget *parent)
        : QWidget(parent)
    {
        setObjectName(QStringLiteral("pageDots"));
    }

    void setPages(int count, int current)
    {
        m_count = count;
        m_current = current;
        updateGeometry();
        update();
    }
    void setDiameter(int pixels)
    {
        m_diameter = std::max(4, pixels);
        updateGeometry();
        update();
    }
    int count() const { return m_count; }
    int current() const { return m_current; }
    QSize sizeHint() const override { return { m_count * m_diameter * 2 + m_diameter, m_diameter * 2 }; }

protected:
    void paintEvent(QPaintEvent *) override
    {
        QPainter painter(this);
        painter.setRenderHint(QPainter::Antialiasing);
        const QColor colour = palette().color(QPalette::WindowText);
        const qreal y = height() / 2.0;
        const qreal start = (width() - (m_count * 2 - 1) * m_diameter) / 2.0;
        for (int i = 0; i < m_count; ++i) {
            const QRectF dot(start + i * 2 * m_diameter, y - m_diameter / 2.0, m_diameter, m_diameter);
            painter.setPen(QPen(colour, std::max(1.0, m_diameter / 6.0)));
            painter.setBrush(i == m_current ? colour : Qt::transparent);
            painter.drawEllipse(dot.adjusted(0.5, 0.5, -0.5, -0.5));
        }
    }

private:
    int m_count = 0;
    int m_current = -1;
    int m_diameter = 12;
};

PresentationWindow::PresentationWindow(QWidget *parent)
    : QWidget(parent)
    , m_show(new SlideShow(this))
    , m_stack(new QStackedWidget(this))
    , m_centre(new QLabel(this))
    , m_dots(new PageDots(this))
    , m_stale(new QLabel(this))
    , m_cursorTimer(new QTimer(this))
{
    setObjectName(QStringLiteral("PresentationWindow"));
    // Dark whatever the dashboard's theme: a projector and a visitor's eyes both prefer it.
    setPalette(Theme::palette(Theme::Kind::Dark));
    setAutoFillBackground(true);
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(true);

    for (PresentationSlide *slide :
        std::initializer_list<PresentationSlide *> { new HeadlineSlide(&m_data, m_stack),
            new RoadmapSlide(&m_data, m_stack), new UtilisationSlide(&m_data, m_stack),
            new JobsSlide(&m_data, m_stack), new EquivalencesSlide(&m_data, m_stack) }) {
        m_stack->addWidget(slide);
        m_slides.emplace(slide->id(), slide);
    }

    m_centre->setObjectName(QStringLiteral("centreName"));
    m_centre->setAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    m_stale->setObjectName(QStringLiteral("asOf"));
    m_stale->setAlignment(Qt::AlignRight | Qt::AlignTop);
    m_stale->hide();
    for (QLabel *label : { m_centre, m_stale }) {
        QPalette muted = label->palette();
        muted.setColor(QPalette::WindowText, QColor(0x9a, 0xa0, 0xa8));
        label->setPalette(muted);
    }

    auto *footer = new QHBoxLayout;
    footer->addWidget(m_centre, 1);
    footer->addWidget(m_dots);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_stack, 1);
    layout->addLayout(footer);

    // Keys come to the window, whichever child the mouse last touched.
    const QList<QWidget *> children = findChildren<QWidget *>();
    for (QWidget *child : children) {
        child->setFocusPolicy(Qt::NoFocus);
        child->setMouseTracking(true);
    }

    connect(m_show, &SlideShow::currentChanged, this, &PresentationWindow::showCurrent);
    connect(m_show, &SlideShow::shownSlidesChanged, this, &PresentationWindow::showCurrent);

    m_cursorTimer->setSingleShot(true);
    m_cursorTimer->setInterval(3000);
    connect(m_cursorTimer, &QTimer::timeout, this, [this] { setCursor(Qt::BlankCursor); });

    retranslate();
    scaleTo(1080);
    refresh();
}

PresentationWindow::~PresentationWindow() = default;

void PresentationWindow::watch(QAbstractItemModel *model)
{
    if (!model)
        return;
    connect(model, &QAbstractItemModel::modelReset, this, &PresentationWindow::scheduleRefresh);
    connect(model, &QAbstractItemModel::rowsInserted, this, &PresentationWindow::scheduleRefresh);
    connect(model, &QAbstractItemModel::rowsRemoved, this, &PresentationWindow::scheduleRefresh);
    connect(model, &QAbstractItemModel::dataChanged, this, &PresentationWindow::scheduleRefresh);
}

void PresentationWindow::setKpiModel(KpiModel *model)
{
    m_data.kpis = model;
    watch(model);
    scheduleRefresh();
}

void PresentationWindow::setCapacityModels(TimeSeriesModel *installed, TimeSeriesModel *delivered)
{
    m_data.installed = installed;
    m_data.delivered = delivered;
    // The roadmap chart follows its models itself.
    scheduleRefresh();
}

void PresentationWindow::setUtilisationModel(TimeSeriesModel *model)
{
    m_data.utilisation = model;
    watch(model);
    scheduleRefresh();
}

void PresentationWindow::setGpuStateModel(TimeSeriesModel *model)
{
    m_data.gpuStates = model;
    watch(model);
    scheduleRefresh();
}

void PresentationWindow::setRoadmap(const Roadmap &roadmap)
{
    m_data.roadmap = roadmap;
    ++m_data.roadmapVersion;
    retranslate();
    scheduleRefresh();
}

void PresentationWindow::setEquivalences(const Equivalences &equivalences)
{
    m_data.equivalences = equivalences;
    scheduleRefresh();
}

void PresentationWindow::setNow(qint64 ms)
{
    // The roadmap slide redraws only when the day changes.
    m_data.nowMs = ms;
    m_slides.at(QStringLiteral("roadmap"))->refresh();
}

void PresentationWindow::setStaleSince(qint64 sinceMs)
{
    m_staleSinceMs = sinceMs;
    retranslate();
}

void PresentationWindow::clearStale()
{
    m_staleSinceMs = 0;
    retranslate();
}

QString PresentationWindow::staleText() const
{
    return m_stale->isVisible() ? m_stale->text() : QString();
}

PresentationSlide *PresentationWindow::slide(const QString &id) const
{
    const auto it = m_slides.find(id);
    return it == m_slides.end() ? nullptr : it->second;
}

PresentationSlide *PresentationWindow::currentSlide() const
{
    return static_cast<PresentationSlide *>(m_stack->currentWidget());
}

void PresentationWindow::setCursorIdleMs(int ms)
{
    m_cursorTimer->setInterval(ms);
    if (m_cursorTimer->isActive())
        m_cursorTimer->start();
}

bool PresentationWindow::isCursorHidden() const
{
    return testAttribute(Qt::WA_SetCursor) && cursor().shape() == Qt::BlankCursor;
}

void PresentationWindow::scheduleRefresh()
{
    // A refresh round changes several models one after the other: read them once.
    if (m_refreshPending)
        return;
    m_refreshPending = true;
    QTimer::singleShot(0, this, [this] {
        m_refreshPending = false;
        refresh();
    });
}

void PresentationWindow::refresh()
{
    for (const auto &[id, slide] : m_slides) {
        slide->refresh();
        m_show->setHasData(id, slide->hasData());
    }
    showCurrent();
}

void PresentationWindow::showCurrent()
{
    if (PresentationSlide *current = slide(m_show->currentSlide()))
        m_stack->setCurrentWidget(current);
    m_dots->setPages(int(m_show->shownSlides().size()), m_show->currentIndex());
}

void PresentationWindow::keyPressEvent(QKeyEvent *event)
{
    switch (event->key()) {
    case Qt::Key_PageDown:
    case Qt::Key_Right:
    case Qt::Key_Down:
    case Qt::Key_Space:
        m_show->next();
        break;
    case Qt::Key_PageUp:
    case Qt::Key_Left:
    case Qt::Key_Up:
    case Qt::Key_Backspace:
        m_show->previous();
        break;
    case Qt::Key_Home:
        m_show->first();
        break;
    case Qt::Key_End:
        m_show->last();
        break;
    case Qt::Key_P:
    case Qt::Key_Pause:
        m_show->setPaused(!m_show->isPaused());
        break;
    case Qt::Key_Escape:
    case Qt::Key_F11:
        Q_EMIT exitRequested();
        break;
    default:
        QWidget::keyPressEvent(event);
        return;
    }
    event->accept();
}

void PresentationWindow::mousePressEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton)
        m_show->next();
    else if (event->button() == Qt::RightButton)
        m_show->previous();
    event->accept();
}

bool PresentationWindow::eventFilter(QObject *watched, QEvent *event)
{
    // Any mouse move over the window shows the cursor again, for a few seconds.
    if (event->type() == QEvent::MouseMove) {
        auto *widget = qobject_cast<QWidget *>(watched);
        if (widget && (widget == this || isAncestorOf(widget))) {
            if (isCursorHidden())
                unsetCursor();
            m_cursorTimer->start();
        }
    }
    return QWidget::eventFilter(watched, event);
}

void PresentationWindow::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    scaleTo(height());
}

void PresentationWindow::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    qApp->installEventFilter(this);
    m_cursorTimer->start();
    m_show->start();
    setFocus();
    refresh();
    // A presentation starts at its first slide.
    m_show->first();
}

void PresentationWindow::hideEvent(QHideEvent *event)
{
    QWidget::hideEvent(event);
    qApp->removeEventFilter(this);
    m_cursorTimer->stop();
    unsetCursor();
    m_show->stop();
}

void PresentationWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void PresentationWindow::scaleTo(int height)
{
    height = std::max(240, height);
    for (const auto &[id, slide] : m_slides)
        slide->scaleTo(height);
    QFont small;
    small.setPixelSize(std::max(8, height / 48));
    m_centre->setFont(small);
    m_stale->setFont(small);
    m_dots->setDiameter(height / 80);
    if (auto *footer = qobject_cast<QHBoxLayout *>(layout()->itemAt(1)->layout()))
        footer->setContentsMargins(height / 20, 0, height / 20, height / 50);
    placeStaleLabel();
}

void PresentationWindow::placeStaleLabel()
{
    m_stale->adjustSize();
    const int margin = height() / 60;
    m_stale->move(width() - m_stale->width() - margin, margin);
    m_stale->raise();
}

void PresentationWindow::retranslate()
{
    const QLocale locale;
    m_centre->setText(m_data.roadmap.centreName(locale.name()));
    if (m_staleSinceMs > 0) {
        //: The discreet corner label of presentation mode when the data is not fresh: "as of 14:05"
        m_stale->setText(tr("as of %1")
                             .arg(locale.toString(QDateTime::fromMSecsSinceEpoch(m_staleSinceMs).time(),
                                 QStringLiteral("HH:mm"))));
        m_stale->show();
    } else {
        m_stale->hide();
        m_stale->clear();
    }
    placeStaleLabel();
}
