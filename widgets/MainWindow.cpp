#include "MainWindow.h"

#include "AlertsPage.h"
#include "CapacityPage.h"
#include "ChartExporter.h"
#include "ChartPanel.h"
#include "CsvWriter.h"
#include "OverviewPage.h"
#include "QueuePage.h"
#include "Theme.h"
#include "TimeRangeBar.h"
#include "UtilisationPage.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QDate>
#include <QDateTime>
#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QLabel>
#include <QLocale>
#include <QMenuBar>
#include <QMessageBox>
#include <QPainter>
#include <QPrintDialog>
#include <QPrinter>
#include <QProgressBar>
#include <QRegularExpression>
#include <QShortcut>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_pages(new QTabWidget(this))
    , m_overview(new OverviewPage(m_pages))
    , m_utilisation(new UtilisationPage(m_pages))
    , m_capacity(new CapacityPage(m_pages))
    , m_queue(new QueuePage(m_pages))
    , m_alerts(new AlertsPage(m_pages))
    , m_banner(new QLabel(this))
    , m_sourceLabel(new QLabel(this))
    , m_updateLabel(new QLabel(this))
    , m_cacheLabel(new QLabel(this))
    , m_progress(new QProgressBar(this))
    , m_stopButton(new QToolButton(this))
    , m_progressDelay(new QTimer(this))
{
    setObjectName(QStringLiteral("MainWindow"));
    m_pages->setDocumentMode(true);
    // Page names, for screenshots and tests.
    m_overview->setObjectName(QStringLiteral("overview"));
    m_utilisation->setObjectName(QStringLiteral("utilisation"));
    m_capacity->setObjectName(QStringLiteral("capacity"));
    m_queue->setObjectName(QStringLiteral("queue"));
    m_alerts->setObjectName(QStringLiteral("alerts"));
    m_pages->addTab(m_overview, QString());
    m_pages->addTab(m_capacity, QString());
    m_pages->addTab(m_utilisation, QString());
    m_pages->addTab(m_queue, QString());
    m_pages->addTab(m_alerts, QString());
    connect(m_alerts, &AlertsPage::firingCountChanged, this, [this](int count) {
        m_firingAlerts = count;
        retranslate();
    });

    m_banner->setObjectName(QStringLiteral("staleBanner"));
    m_banner->setWordWrap(true);
    m_banner->setMargin(8);
    m_banner->setStyleSheet(
        QStringLiteral("QLabel { background: #fff4ce; color: #5c3c00; border-bottom: 1px solid #e0c36c; }"));
    m_banner->hide();

    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_banner);
    layout->addWidget(m_pages, 1);
    setCentralWidget(central);

    m_sourceLabel->setObjectName(QStringLiteral("sourceLabel"));
    m_updateLabel->setObjectName(QStringLiteral("updateLabel"));
    m_cacheLabel->setObjectName(QStringLiteral("cacheLabel"));
    statusBar()->addWidget(m_sourceLabel);
    statusBar()->addWidget(m_updateLabel);
    statusBar()->addPermanentWidget(m_progress);
    statusBar()->addPermanentWidget(m_stopButton);
    statusBar()->addPermanentWidget(m_cacheLabel);
    m_progress->setObjectName(QStringLiteral("fetchProgress"));
    m_progress->setMaximumWidth(220);
    m_progress->setRange(0, 1000);
    m_progress->hide();
    m_stopButton->setObjectName(QStringLiteral("stopButton"));
    m_stopButton->hide();
    connect(m_stopButton, &QToolButton::clicked, this, &MainWindow::stopRequested);
    // A refresh of the tail takes a moment; only a backfill that lasts gets a progress bar.
    m_progressDelay->setSingleShot(true);
    m_progressDelay->setInterval(300);
    connect(m_progressDelay, &QTimer::timeout, this, [this] {
        m_progress->show();
        m_stopButton->show();
    });

    m_fileMenu = menuBar()->addMenu(QString());
    m_settingsAction
        = m_fileMenu->addAction(QString(), QKeySequence::Preferences, this, &MainWindow::settingsRequested);
    m_printAction = m_fileMenu->addAction(QString(), QKeySequence::Print, this, [this] {
        QPrinter printer(QPrinter::HighResolution);
        printer.setPageOrientation(QPageLayout::Landscape);
        QPrintDialog dialog(&printer, this);
        if (dialog.exec() == QDialog::Accepted)
            printCurrentPage(&printer);
    });
    m_reportAction = m_fileMenu->addAction(QString(), this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Export report"),
            QDir(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
                .filePath(
                    QStringLiteral("aisc-report-%1.pdf").arg(QDate::currentDate().toString(Qt::ISODate))),
            tr("PDF document (*.pdf)"));
        if (!path.isEmpty())
            Q_EMIT reportRequested(path);
    });
    m_exportMenu = m_fileMenu->addMenu(QString());
    connect(m_exportMenu, &QMenu::aboutToShow, this, &MainWindow::fillExportMenu);
    m_fileMenu->addSeparator();
    m_quitAction = m_fileMenu->addAction(QString(), QKeySequence::Quit, qApp, &QApplication::closeAllWindows);
    m_viewMenu = menuBar()->addMenu(QString());
    m_refreshAction
        = m_viewMenu->addAction(QString(), QKeySequence::Refresh, this, &MainWindow::refreshRequested);
    m_presentAction = m_viewMenu->addAction(
        QString(), QKeySequence(Qt::Key_F11), this, &MainWindow::presentationRequested);
    m_presentAction->setObjectName(QStringLiteral("presentAction"));
    m_viewMenu->addSeparator();
    m_themeMenu = m_viewMenu->addMenu(QString());
    auto *themes = new QActionGroup(this);
    m_lightAction = m_themeMenu->addAction(QString(), this, [this] { setDarkTheme(false); });
    m_darkAction = m_themeMenu->addAction(QString(), this, [this] { setDarkTheme(true); });
    for (QAction *action : { m_lightAction, m_darkAction }) {
        action->setCheckable(true);
        themes->addAction(action);
    }
    m_languageMenu = m_viewMenu->addMenu(QString());
    auto *languages = new QActionGroup(this);
    // Each language named in itself, so that a reader of either finds theirs.
    m_englishAction = m_languageMenu->addAction(
        QStringLiteral("English"), this, [this] { Q_EMIT languageRequested(QStringLiteral("en")); });
    m_chineseAction = m_languageMenu->addAction(QStringLiteral("繁體中文（香港）"), this,
        [this] { Q_EMIT languageRequested(QStringLiteral("zh_HK")); });
    for (QAction *action : { m_englishAction, m_chineseAction }) {
        action->setCheckable(true);
        languages->addAction(action);
    }
    m_lightAction->setChecked(Theme::current() == Theme::Kind::Light);
    m_darkAction->setChecked(Theme::current() == Theme::Kind::Dark);
    // Ctrl+1, Ctrl+2, ... go to the pages in tab order, from anywhere in the window.
    for (int i = 0; i < 9; ++i) {
        auto *shortcut = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + i)), this);
        connect(shortcut, &QShortcut::activated, this, [this, i] { showPage(i); });
    }
    m_helpMenu = menuBar()->addMenu(QString());
    m_aboutAction = m_helpMenu->addAction(QString(), this, [this] {
        QMessageBox::about(this, tr("About AISC Operations Dashboard"),
            tr("<p><b>AISC Operations Dashboard</b> %1</p>"
               "<p>Live capacity, GPU utilisation and job queues of the Cyberport AI "
               "Supercomputing Centre, read from Prometheus and kept in a local cache.</p>")
                .arg(QLatin1String(AISC_VERSION)));
    });

    resize(1366, 768);
    retranslate();
}

void MainWindow::setViewRange(ViewRange *range)
{
    Q_ASSERT(!m_rangeBar);
    m_rangeBar = new TimeRangeBar(range, this);
    addToolBar(Qt::TopToolBarArea, m_rangeBar);
    // The range's keyboard shortcuts live in the View menu too, where they can be found.
    QAction *before = m_themeMenu->menuAction();
    m_viewMenu->insertActions(before,
        { m_rangeBar->backAction(), m_rangeBar->forwardAction(), m_rangeBar->zoomOutAction(),
            m_rangeBar->followLiveAction() });
    m_viewMenu->insertSeparator(before);
    // Export from the toolbar too: the page's charts and tables, and the report.
    m_rangeBar->addSeparator();
    m_rangeBar->addAction(m_exportMenu->menuAction());
    m_rangeBar->addAction(m_reportAction);
}

void MainWindow::fillExportMenu()
{
    m_exportMenu->clear();
    QWidget *page = m_pages->currentWidget();
    if (!page)
        return;
    const QList<ChartPanel *> pageCharts = page->findChildren<ChartPanel *>();
    for (ChartPanel *chart : pageCharts) {
        QMenu *menu = m_exportMenu->addMenu(chart->title());
        menu->addAction(tr("Image at 1920 × 1080…"), chart, [this, chart] {
            const QString path = QFileDialog::getSaveFileName(this, tr("Export chart"),
                QDir(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
                    .filePath(chart->objectName() + QStringLiteral(".png")),
                tr("PNG image (*.png);;SVG drawing (*.svg);;PDF document (*.pdf)"));
            QString error;
            if (!path.isEmpty() && !chart->exportImage(path, QSize(1920, 1080), &error))
                showMessage(error);
        });
        menu->addAction(tr("Data as CSV…"), chart, [this, chart] {
            const QString path = QFileDialog::getSaveFileName(this, tr("Export data"),
                QDir(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
                    .filePath(chart->objectName() + QStringLiteral(".csv")),
                tr("CSV (*.csv)"));
            QString error;
            if (!path.isEmpty() && !chart->exportCsv(path, &error))
                showMessage(error);
        });
    }
    const QList<QTableView *> tables = page->findChildren<QTableView *>();
    for (const QTableView *view : tables) {
        if (!view->model() || !view->isVisible())
            continue;
        const QString name = view->accessibleName().isEmpty() ? view->objectName() : view->accessibleName();
        m_exportMenu->addAction(tr("Table %1 as CSV…").arg(name), this, [this, view] { exportTable(view); });
    }
    if (m_exportMenu->isEmpty())
        m_exportMenu->addAction(tr("Nothing to export on this page"))->setEnabled(false);
}

void MainWindow::exportTable(const QTableView *view)
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export table"),
        QDir(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
            .filePath(view->objectName() + QStringLiteral(".csv")),
        tr("CSV (*.csv)"));
    if (path.isEmpty())
        return;
    // Numbers as numbers where the model gives a raw value (the project's models put it first after
    // Qt::UserRole), rows as sorted and filtered on screen.
    QString error;
    if (!CsvWriter::writeFile(path, CsvWriter::fromTable(*view->model(), Qt::UserRole + 1), &error))
        showMessage(error);
    else
        showMessage(tr("Wrote %1").arg(QDir::toNativeSeparators(path)));
}

void MainWindow::printCurrentPage(QPrinter *printer)
{
    QWidget *page = m_pages->currentWidget();
    if (!page)
        return;
    QPainter painter;
    if (!painter.begin(printer)) {
        showMessage(tr("Could not print: the printer or file is not available"));
        return;
    }
    const QRectF paper = printer->pageLayout().paintRectPixels(printer->resolution());
    const QRectF area(0, 0, paper.width(), paper.height());
    // A heading line: which page, from which source, when.
    QFont heading = font();
    heading.setPointSizeF(font().pointSizeF() * 1.1);
    painter.setFont(heading);
    const QString title
        = tr("%1 — %2 — %3")
              .arg(m_pages->tabText(m_pages->currentIndex())
                       .remove(QRegularExpression(QStringLiteral("\\(&\\w\\)|&"))),
                  m_sourceName, QLocale().toString(QDateTime::currentDateTime(), QLocale::ShortFormat));
    const QRectF titleRect = painter.boundingRect(area, Qt::AlignLeft | Qt::AlignTop, title);
    painter.drawText(area, Qt::AlignLeft | Qt::AlignTop, title);
    // The page as on screen, scaled to the paper and kept in proportion.
    const QRectF room = area.adjusted(0, titleRect.height() * 1.5, 0, 0);
    const double scale = std::min(room.width() / page->width(), room.height() / page->height());
    ChartExporter::renderAsVectors(page, painter, room.topLeft(), scale);
    painter.end();
}

QList<ChartPanel *> MainWindow::charts() const
{
    return m_pages->findChildren<ChartPanel *>();
}

void MainWindow::showPage(int index)
{
    if (index >= 0 && index < m_pages->count())
        m_pages->setCurrentIndex(index);
}

int MainWindow::currentPage() const
{
    return m_pages->currentIndex();
}

void MainWindow::setLanguage(const QString &language)
{
    m_englishAction->setChecked(language != QLatin1String("zh_HK"));
    m_chineseAction->setChecked(language == QLatin1String("zh_HK"));
}

void MainWindow::setDarkTheme(bool dark)
{
    const Theme::Kind kind = dark ? Theme::Kind::Dark : Theme::Kind::Light;
    m_lightAction->setChecked(!dark);
    m_darkAction->setChecked(dark);
    if (Theme::current() == kind)
        return;
    Theme::apply(kind);
    Q_EMIT themeChanged(dark);
}

void MainWindow::setSource(const QString &name, bool simulated)
{
    m_sourceName = name;
    m_simulated = simulated;
    retranslate();
}

void MainWindow::setCacheDescription(const QString &text)
{
    m_cacheLabel->setText(text);
}

void MainWindow::setLastUpdate(qint64 msSinceEpoch)
{
    m_lastUpdateMs = msSinceEpoch;
    m_paused = false;
    // Seconds shown: the view refreshes every 15 s, and an operator should see that it does.
    m_updateLabel->setText(tr("Updated %1")
                               .arg(QLocale().toString(QDateTime::fromMSecsSinceEpoch(msSinceEpoch).time(),
                                   QStringLiteral("HH:mm:ss"))));
}

void MainWindow::setStale(qint64 sinceMs, const QString &reason)
{
    const QString since
        = QLocale().toString(QDateTime::fromMSecsSinceEpoch(sinceMs).time(), QLocale::ShortFormat);
    m_banner->setText(
        tr("Data stale since %1 (%2). Showing the last data cached; retrying.").arg(since, reason));
    m_banner->show();
}

void MainWindow::clearStale()
{
    m_banner->hide();
    m_banner->clear();
}

void MainWindow::showMessage(const QString &message)
{
    statusBar()->showMessage(message, 15000);
}

void MainWindow::setFetchProgress(qint64 done, qint64 total)
{
    if (total <= 0 || done >= total) {
        m_progressDelay->stop();
        m_progress->hide();
        m_stopButton->hide();
        return;
    }
    m_progress->setValue(int(1000 * done / total));
    if (!m_progress->isVisible() && !m_progressDelay->isActive())
        m_progressDelay->start();
}

void MainWindow::setPaused(bool paused)
{
    m_paused = paused;
    retranslate();
}

bool MainWindow::isProgressVisible() const
{
    return m_progress->isVisible();
}

QString MainWindow::sourceText() const
{
    return m_sourceLabel->text();
}

QString MainWindow::lastUpdateText() const
{
    return m_updateLabel->text();
}

QString MainWindow::cacheText() const
{
    return m_cacheLabel->text();
}

QString MainWindow::staleText() const
{
    return m_banner->isVisible() ? m_banner->text() : QString();
}

void MainWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QMainWindow::changeEvent(event);
}

void MainWindow::updateTitle()
{
    const QString product = tr("AISC Operations Dashboard");
    setWindowTitle(m_sourceName.isEmpty() ? product : tr("%1 — %2").arg(product, m_sourceName));
}

void MainWindow::retranslate()
{
    m_pages->setTabText(m_pages->indexOf(m_overview), tr("&Overview"));
    m_pages->setTabText(m_pages->indexOf(m_capacity), tr("&Capacity"));
    m_pages->setTabText(m_pages->indexOf(m_utilisation), tr("&Utilisation"));
    m_pages->setTabText(m_pages->indexOf(m_queue), tr("&Queue"));
    m_pages->setTabText(m_pages->indexOf(m_alerts),
        m_firingAlerts == 0 ? tr("&Alerts") : tr("&Alerts (%1)").arg(QLocale().toString(m_firingAlerts)));
    m_fileMenu->setTitle(tr("&File"));
    m_settingsAction->setText(tr("&Settings…"));
    m_printAction->setText(tr("&Print…"));
    m_reportAction->setText(tr("Export &report…"));
    // Tables named as the Export menu and screen readers call them.
    const std::pair<const char *, QString> tableNames[] = {
        { "nodeTable", tr("Nodes") },
        { "accountView", tr("Top accounts") },
        { "alertView", tr("Alerts") },
        { "targetView", tr("Scrape targets") },
        { "peakView", tr("GPU peak table") },
    };
    for (const auto &[objectName, name] : tableNames)
        if (auto *view = m_pages->findChild<QTableView *>(QLatin1String(objectName)))
            view->setAccessibleName(name);
    m_exportMenu->setTitle(tr("&Export"));
    m_quitAction->setText(tr("&Quit"));
    m_viewMenu->setTitle(tr("&View"));
    m_refreshAction->setText(tr("&Refresh now"));
    m_presentAction->setText(tr("&Presentation mode"));
    m_themeMenu->setTitle(tr("&Theme"));
    m_languageMenu->setTitle(tr("L&anguage"));
    m_lightAction->setText(tr("&Light"));
    m_darkAction->setText(tr("&Dark"));
    m_helpMenu->setTitle(tr("&Help"));
    m_aboutAction->setText(tr("&About"));
    m_sourceLabel->setText(m_simulated ? tr("Source: %1 (no Prometheus configured)").arg(m_sourceName)
                                       : tr("Source: %1").arg(m_sourceName));
    m_stopButton->setText(tr("Stop"));
    m_stopButton->setToolTip(tr("Stop fetching; what is cached stays on screen"));
    m_progress->setFormat(tr("Fetching %p%"));
    if (m_paused)
        m_updateLabel->setText(tr("Refresh stopped: press F5 to resume"));
    else if (m_lastUpdateMs != 0)
        setLastUpdate(m_lastUpdateMs);
    else
        m_updateLabel->setText(tr("Not updated yet"));
    updateTitle();
}
