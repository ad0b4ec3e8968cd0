#pragma once

#include <QMainWindow>

class QLabel;
class QProgressBar;
class QTabWidget;
class QTimer;
class QToolButton;
class AlertsPage;
class OverviewPage;
class UtilisationPage;
class CapacityPage;
class QueuePage;
class ChartPanel;
class TimeRangeBar;
class ViewRange;
class QActionGroup;
class QPrinter;
class QTableView;

// The dashboard's window: pages in tabs, a banner when data is stale, and a status bar that
// names the source and the time of the last update.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);

    OverviewPage *overviewPage() const { return m_overview; }
    AlertsPage *alertsPage() const { return m_alerts; }
    UtilisationPage *utilisationPage() const { return m_utilisation; }
    CapacityPage *capacityPage() const { return m_capacity; }
    QueuePage *queuePage() const { return m_queue; }
    // Every time chart of every page: the shared time range drives them all.
    QList<ChartPanel *> charts() const;
    // The time range every page shows: adds its toolbar and its View menu entries.
    void setViewRange(ViewRange *range);
    TimeRangeBar *timeRangeBar() const { return m_rangeBar; }
    // Shows the page (Ctrl+1 for the first, and so on).
    void showPage(int index);
    int currentPage() const;
    // Light or dark; the View menu switches it, and themeChanged() tells the owner to remember it.
    void setDarkTheme(bool dark);
    // Marks the language in effect in the View menu.
    void setLanguage(const QString &language);
    // Prints the page on screen, scaled to fit the paper, with a line naming it, the source and the time.
    void printCurrentPage(QPrinter *printer);

    // Names the data source in the title and the status bar; a simulated source says so.
    void setSource(const QString &name, bool simulated);
    void setCacheDescription(const QString &text);
    void setLastUpdate(qint64 msSinceEpoch);
    // Shows that the data on screen is the cache's, and since when, and why the source failed.
    void setStale(qint64 sinceMs, const QString &reason);
    void clearStale();
    void showMessage(const QString &message);
    // Progress of fetching from the source; shown only when a fetch takes a noticeable time.
    void setFetchProgress(qint64 done, qint64 total);
    // Refreshing stopped by the user (or resumed).
    void setPaused(bool paused);
    bool isProgressVisible() const;

    QString sourceText() const;
    QString lastUpdateText() const;
    QString staleText() const;
    QString cacheText() const;

Q_SIGNALS:
    void refreshRequested();
    void stopRequested();
    void settingsRequested();
    void themeChanged(bool dark);
    // The user chose the interface language ("en" or "zh_HK") in the View menu.
    void languageRequested(const QString &language);
    // File → Export report…: a PDF of the time range shown, to path.
    void reportRequested(const QString &path);
    // View → Presentation mode (F11).
    void presentationRequested();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void updateTitle();
    // The toolbar's Export menu: every chart of the page on screen, and its tables as CSV.
    void fillExportMenu();
    void exportTable(const QTableView *view);

    QTabWidget *m_pages;
    OverviewPage *m_overview;
    UtilisationPage *m_utilisation;
    CapacityPage *m_capacity;
    QueuePage *m_queue;
    AlertsPage *m_alerts;
    int m_firingAlerts = 0;
    QLabel *m_banner;
    QLabel *m_sourceLabel;
    QLabel *m_updateLabel;
    QLabel *m_cacheLabel;
    QProgressBar *m_progress;
    QToolButton *m_stopButton;
    QTimer *m_progressDelay;
    bool m_paused = false;
    QAction *m_refreshAction;
    QAction *m_presentAction;
    QAction *m_quitAction;
    QAction *m_settingsAction;
    QAction *m_printAction;
    QAction *m_reportAction;
    QMenu *m_exportMenu;
    QAction *m_aboutAction;
    QMenu *m_fileMenu;
    QMenu *m_viewMenu;
    QMenu *m_helpMenu;
    QMenu *m_themeMenu;
    QMenu *m_languageMenu;
    QAction *m_englishAction;
    QAction *m_chineseAction;
    QAction *m_lightAction;
    QAction *m_darkAction;
    TimeRangeBar *m_rangeBar = nullptr;
    QString m_sourceName;
    bool m_simulated = false;
    qint64 m_lastUpdateMs = 0;
};
