// Presentation mode on the simulated centre: every slide at full HD and 4K, in English and Chinese,
// grabbed to PNG; no text clipped, figures on every slide, keys and clicker, stale and no data.
#include "CapacitySummary.h"
#include "KpiModel.h"
#include "PresentationSlides.h"
#include "PresentationWindow.h"
#include "RoadmapChart.h"
#include "Simulation.h"
#include "SlideShow.h"
#include "TimeSeriesModel.h"
#include "Translations.h"

#include <QApplication>
#include <QDateTime>
#include <QDir>
#include <QLabel>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

namespace {

qint64 at(const char *iso)
{
    return QDateTime::fromString(QLatin1String(iso), Qt::ISODate).toMSecsSinceEpoch();
}

QString outputPath(const QString &name)
{
    return QDir(qEnvironmentVariable("AISC_TEST_OUTPUT", QDir::tempPath())).absoluteFilePath(name);
}

// The dashboard's models, filled from the simulated centre as the refresh controller would.
struct Models
{
    KpiModel kpis { Roadmap::builtIn() };
    TimeSeriesModel installed { CapacitySummary::installedQueryId(Precision::DenseFp16Bf16),
        QStringLiteral("PFLOPS") };
    TimeSeriesModel delivered { CapacitySummary::deliveredQueryId(Precision::DenseFp16Bf16),
        QStringLiteral("PFLOPS") };
    TimeSeriesModel utilisation { QStringLiteral("gpu_util_by_partition"), QStringLiteral("%") };
    TimeSeriesModel gpuStates { QStringLiteral("gpus_by_state"), QStringLiteral("GPUs") };

    Models() { kpis.setDefinitions(KpiModel::overviewDefinitions()); }

    void fill(Simulation &simulation, qint64 nowMs)
    {
        for (TimeSeriesModel *model : { &installed, &delivered })
            model->setResult(simulation.evaluate(
                CapacitySummary::roadmapRequest(model->queryId(), Roadmap::builtIn(), nowMs)));
        const qint64 step = 60 * 1000;
        const qint64 end = nowMs / step * step;
        for (TimeSeriesModel *model : { &utilisation, &gpuStates })
            model->setResult(
                simulation.evaluate(QueryRequest { model->queryId(), end - 3600 * 1000, end, step }));
        for (const KpiDefinition &definition : kpis.definitions())
            kpis.updateFromResult(
                simulation.evaluate(QueryRequest { definition.queryId, end - 3600 * 1000, end, step }));
    }
};

// The window on the models, at the time their data was filled for.
void connectModels(PresentationWindow &window, Models &models, qint64 nowMs)
{
    window.setKpiModel(&models.kpis);
    window.setCapacityModels(&models.installed, &models.delivered);
    window.setUtilisationModel(&models.utilisation);
    window.setGpuStateModel(&models.gpuStates);
    window.setNow(nowMs);
}

// Whether a label's text fits inside it: wrapped to its width when it wraps, on one line otherwise.
bool textFits(const QLabel *label, QString *why)
{
    if (label->text().isEmpty())
        return true;
    const QRect room = label->contentsRect();
    const QFontMetrics metrics(label->font());
    const int flags = int(label->alignment()) | (label->wordWrap() ? int(Qt::TextWordWrap) : 0);
    const QRect needed = metrics.boundingRect(room, flags, label->text());
    // boundingRect is placed by the alignment: it fits when it stays inside the room.
    if (needed.width() <= room.width() && needed.height() <= room.height())
        return true;
    *why = QStringLiteral("'%1' (%2) needs %3x%4, has %5x%6")
               .arg(label->text(), label->objectName())
               .arg(needed.width())
               .arg(needed.height())
               .arg(room.width())
               .arg(room.height());
    return false;
}

} // namespace

class TestPresentation : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void keysAndClicker();
    void cursorHidesWhenIdleAndComesBackOnAMove();
    void staleShowsAsOfInTheCorner();
    void noDataShowsTheRoadmapAlone();
    void typeScalesWithTheScreen();
    void languageSwitchesAtRunTime();
    void slides_data();
    void slides();

private:
    std::unique_ptr<Simulation> m_simulation;
    qint64 m_now = 0;
    bool m_chineseInstalled = false;
};

void TestPresentation::initTestCase()
{
    m_simulation = std::make_unique<Simulation>(SimulationConfig { .seed = 7, .targetGpus = 3000 });
    m_now = at("2026-03-02T10:00:00Z");
}

void TestPresentation::keysAndClicker()
{
    Models models;
    models.fill(*m_simulation, m_now);
    PresentationWindow window;
    connectModels(window, models, m_now);
    qint64 clock = 0;
    window.slideShow()->setClock([&clock] { return clock; });
    window.resize(1280, 720);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QTRY_COMPARE(window.slideShow()->shownSlides().size(), 5);
    QCOMPARE(window.currentSlide()->id(), QStringLiteral("headline"));

    // A clicker sends PageDown and PageUp; arrows and space do the same.
    const std::pair<Qt::Key, QString> steps[] = {
        { Qt::Key_PageDown, QStringLiteral("roadmap") },
        { Qt::Key_Right, QStringLiteral("utilisation") },
        { Qt::Key_Space, QStringLiteral("jobs") },
        { Qt::Key_Down, QStringLiteral("equivalences") },
        { Qt::Key_PageDown, QStringLiteral("headline") },
        { Qt::Key_PageUp, QStringLiteral("equivalences") },
        { Qt::Key_Left, QStringLiteral("jobs") },
        { Qt::Key_Home, QStringLiteral("headline") },
        { Qt::Key_End, QStringLiteral("equivalences") },
    };
    for (const auto &[key, expected] : steps) {
        QTest::keyClick(&window, key);
        QCOMPARE(window.currentSlide()->id(), expected);
        QVERIFY(window.currentSlide()->isVisible());
    }
    // A click goes on too.
    QTest::mouseClick(&window, Qt::LeftButton, {}, QPoint(100, 100));
    QCOMPARE(window.currentSlide()->id(), QStringLiteral("headline"));

    // The interval, by the slide show's clock.
    window.slideShow()->setIntervalMs(20000);
    clock += 20000;
    window.slideShow()->poll();
    QCOMPARE(window.currentSlide()->id(), QStringLiteral("roadmap"));
    // P pauses.
    QTest::keyClick(&window, Qt::Key_P);
    clock += 60000;
    window.slideShow()->poll();
    QCOMPARE(window.currentSlide()->id(), QStringLiteral("roadmap"));
    QTest::keyClick(&window, Qt::Key_P);
    QVERIFY(!window.slideShow()->isPaused());

    // Escape and F11 leave.
    QSignalSpy exit(&window, &PresentationWindow::exitRequested);
    QTest::keyClick(&window, Qt::Key_Escape);
    QTest::keyClick(&window, Qt::Key_F11);
    QCOMPARE(exit.size(), 2);
    // Hidden, the show does not run.
    window.hide();
    QVERIFY(!window.slideShow()->isRunning());
}

void TestPresentation::cursorHidesWhenIdleAndComesBackOnAMove()
{
    PresentationWindow window;
    window.setCursorIdleMs(50);
    window.resize(800, 450);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QTRY_VERIFY(window.isCursorHidden());
    // A move over any part of it, a slide's label included.
    QWidget *child = window.currentSlide();
    QMouseEvent move(QEvent::MouseMove, QPointF(10, 10), child->mapToGlobal(QPointF(10, 10)), Qt::NoButton,
        Qt::NoButton, Qt::NoModifier);
    QApplication::sendEvent(child, &move);
    QVERIFY(!window.isCursorHidden());
    QTRY_VERIFY(window.isCursorHidden());
}

void TestPresentation::staleShowsAsOfInTheCorner()
{
    Models models;
    models.fill(*m_simulation, m_now);
    PresentationWindow window;
    connectModels(window, models, m_now);
    window.resize(1920, 1080);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.staleText().isEmpty());
    models.kpis.setStale(true);
    window.setStaleSince(at("2026-03-02T09:47:00Z"));
    QCOMPARE(window.staleText(), QStringLiteral("as of 09:47"));
    // Discreet: a corner, small type; the last good figures stay.
    const QLabel *asOf = window.findChild<QLabel *>(QStringLiteral("asOf"));
    QVERIFY(asOf->geometry().right() > 1920 * 0.8 && asOf->geometry().top() < 1080 * 0.1);
    QVERIFY(asOf->font().pixelSize() < 1080 / 30);
    QString why;
    QVERIFY2(textFits(asOf, &why), qPrintable(why));
    const auto *value
        = window.slide(QStringLiteral("headline"))->findChild<QLabel *>(QStringLiteral("installedValue"));
    QVERIFY2(value->text().contains(QLatin1String("PFLOPS")), qPrintable(value->text()));
    QVERIFY(window.grab().save(outputPath(QStringLiteral("presentation-stale.png"))));
    window.clearStale();
    QVERIFY(window.staleText().isEmpty());
}

void TestPresentation::noDataShowsTheRoadmapAlone()
{
    Models models; // nothing in them
    PresentationWindow window;
    connectModels(window, models, m_now);
    window.resize(1920, 1080);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QTRY_COMPARE(window.slideShow()->shownSlides(), QStringList { QStringLiteral("roadmap") });
    QCOMPARE(window.currentSlide()->id(), QStringLiteral("roadmap"));
    QTest::keyClick(&window, Qt::Key_PageDown);
    QCOMPARE(window.currentSlide()->id(), QStringLiteral("roadmap"));
    // The milestones drawn, no "waiting" message on the big screen.
    const auto *roadmap = static_cast<RoadmapSlide *>(window.currentSlide());
    QTRY_VERIFY(roadmap->chart()->roadmapPointCount() > 0);
    QVERIFY(roadmap->chart()->placeholderText().isEmpty());
    QVERIFY(window.grab().save(outputPath(QStringLiteral("presentation-nodata.png"))));

    // Data comes: every slide is back.
    models.fill(*m_simulation, m_now);
    QTRY_COMPARE(window.slideShow()->shownSlides().size(), 5);
}

void TestPresentation::typeScalesWithTheScreen()
{
    Models models;
    models.fill(*m_simulation, m_now);
    PresentationWindow window;
    connectModels(window, models, m_now);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    int headline[2] = {};
    int i = 0;
    for (const QSize size : { QSize(1920, 1080), QSize(3840, 2160) }) {
        window.resize(size);
        const auto *value
            = window.slide(QStringLiteral("headline"))->findChild<QLabel *>(QStringLiteral("installedValue"));
        QTRY_COMPARE(value->font().pixelSize(), size.height() / 8);
        headline[i++] = value->font().pixelSize();
        // The headline figure about an eighth of the height.
        QVERIFY2(value->font().pixelSize() >= size.height() / 10,
            qPrintable(QString::number(value->font().pixelSize())));
        QVERIFY(value->font().pixelSize() <= size.height() / 8);
    }
    QCOMPARE(headline[1], 2 * headline[0]);
}

void TestPresentation::languageSwitchesAtRunTime()
{
    Models models;
    models.fill(*m_simulation, m_now);
    PresentationWindow window;
    connectModels(window, models, m_now);
    window.resize(1920, 1080);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    const QLabel *centre = window.findChild<QLabel *>(QStringLiteral("centreName"));
    const QLabel *images = window.slide(QStringLiteral("equivalences"))
                               ->findChildren<QLabel *>(QStringLiteral("figureValue"))
                               .value(0);
    QTRY_COMPARE(images->text(), QStringLiteral("9.9 billion"));
    QCOMPARE(centre->text(), QStringLiteral("Cyberport AI Supercomputing Centre"));

    // As Dashboard::setLanguage does it: translations and the CJK face, with the window on screen.
    const QFont latin = QApplication::font();
    QCOMPARE(installTranslations(QStringLiteral("zh_HK")), QStringLiteral("zh_HK"));
    QFont font = latin;
    font.setFamilies({ latin.family(), QStringLiteral("Noto Sans CJK TC") });
    QApplication::setFont(font);
    QTRY_COMPARE(centre->text(), QStringLiteral("數碼港人工智能超算中心"));
    QTRY_COMPARE(images->text(), QStringLiteral("99億"));

    installTranslations(QStringLiteral("en"));
    QApplication::setFont(latin);
    QTRY_COMPARE(images->text(), QStringLiteral("9.9 billion"));
    QCOMPARE(centre->text(), QStringLiteral("Cyberport AI Supercomputing Centre"));
}

void TestPresentation::slides_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QSize>("size");
    // English first: once the Chinese translation is installed it stays for the rest of the run.
    for (const char *language : { "en", "zh_HK" })
        for (const QSize size : { QSize(1920, 1080), QSize(3840, 2160) })
            QTest::addRow("%s %dx%d", language, size.width(), size.height())
                << QString::fromLatin1(language) << size;
}

void TestPresentation::slides()
{
    QFETCH(QString, language);
    QFETCH(QSize, size);
    if (language == QLatin1String("zh_HK") && !m_chineseInstalled) {
        QCOMPARE(installTranslations(language), language);
        QFont font = QApplication::font();
        font.setFamilies({ font.family(), QStringLiteral("Noto Sans CJK TC") });
        QApplication::setFont(font);
        m_chineseInstalled = true;
    }
    Models models;
    models.fill(*m_simulation, m_now);
    PresentationWindow window;
    connectModels(window, models, m_now);
    window.resize(size);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QTRY_COMPARE(window.slideShow()->shownSlides(), SlideShow::slideIds());
    static const QRegularExpression digit(QStringLiteral("\\d"));
    for (int index = 0; index < int(SlideShow::slideIds().size()); ++index) {
        window.slideShow()->goTo(index);
        PresentationSlide *slide = window.currentSlide();
        QCOMPARE(slide->id(), SlideShow::slideIds().at(index));
        QTest::qWait(120); // the chart lays out its labels
        // Every text on screen fits its label, and the footer too.
        const QList<QLabel *> labels = window.findChildren<QLabel *>();
        int shown = 0;
        for (const QLabel *label : labels) {
            if (!label->isVisibleTo(&window) || (label->parentWidget() != &window && !label->isVisible()))
                continue;
            ++shown;
            QString why;
            QVERIFY2(textFits(label, &why), qPrintable(QStringLiteral("%1: %2").arg(slide->id(), why)));
        }
        QVERIFY(shown >= 2);
        // Figures, not dashes.
        const QList<FittedLabel *> figures = slide->findChildren<FittedLabel *>();
        for (const FittedLabel *figure : figures) {
            QVERIFY2(figure->text().contains(digit),
                qPrintable(slide->id() + QLatin1String(": ") + figure->text()));
            QVERIFY(!figure->text().contains(QLatin1String("--")));
        }
        if (slide->id() == QLatin1String("roadmap")) {
            const RoadmapChart *chart = static_cast<RoadmapSlide *>(slide)->chart();
            QVERIFY(chart->installedPointCount() > 300);
            const QStringList callouts = chart->calloutTexts();
            QVERIFY2(callouts.size() == 4, qPrintable(callouts.join(QLatin1Char('|'))));
            // Labels stay inside the plot.
            for (const QRectF &rect : chart->calloutRects())
                QVERIFY(chart->plotArea().adjusted(-1, -1, 1, 1).contains(rect));
        } else {
            QVERIFY(!figures.isEmpty());
        }
        if (slide->id() == QLatin1String("utilisation"))
            QVERIFY(slide->findChildren<QLabel *>(QStringLiteral("partitionValue")).size() >= 2);
        if (slide->id() == QLatin1String("equivalences")) {
            const QLabel *footnote = slide->findChild<QLabel *>(QStringLiteral("footnote"));
            QVERIFY(footnote->isVisible());
            if (language == QLatin1String("en"))
                QVERIFY2(footnote->text().contains(QLatin1String("3,000 PFLOPS phase")),
                    qPrintable(footnote->text()));
        }
        const QImage image = window.grab().toImage();
        QCOMPARE(image.size(), size * window.devicePixelRatio());
        // Dark: the background is the dark theme's.
        QVERIFY(image.pixelColor(2, 2).lightness() < 60);
        QVERIFY(image.save(outputPath(QStringLiteral("presentation-%1-%2-%3x%4.png")
                                          .arg(slide->id(), language)
                                          .arg(size.width())
                                          .arg(size.height()))));
    }
}

QTEST_MAIN(TestPresentation)
#include "tst_presentation.moc"
