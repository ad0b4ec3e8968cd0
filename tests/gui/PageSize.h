#pragma once

#include "MainWindow.h"
#include "OverviewPage.h"

#include <QSize>
#include <QTest>

// The size a page gets inside a main window of the given size (tabs, toolbar and status bar taken),
// so that page tests lay a page out as a user sees it.
inline QSize pageSizeInWindow(const QSize &window)
{
    MainWindow main;
    main.resize(window);
    main.show();
    if (!QTest::qWaitForWindowExposed(&main))
        return window;
    QTest::qWait(50);
    return main.overviewPage()->size();
}
