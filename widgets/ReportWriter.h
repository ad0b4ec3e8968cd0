#pragma once

#include "QueryResult.h"

#include <QCoreApplication>
#include <QFont>
#include <QPageSize>
#include <QString>
#include <QStringList>

#include <functional>
#include <vector>

class QAbstractItemModel;
class QWidget;

// One chart of a report page: a query's data over the report's range.
struct ReportChart
{
    QString title;
    QueryResult result;
    QString unit;
    bool stacked = false;
    bool percent = false; // a fixed 0–100 axis
};

// A table of a report page, drawn from a model as shown (its DisplayRole and header).
struct ReportTable
{
    QString title;
    const QAbstractItemModel *model = nullptr;
    int maxRows = 20; // the rest summed up in a line ("and 12 more")
};

// A page of the report: a heading, a paragraph, then charts, a widget (e.g. the roadmap chart)
// and tables, stacked down the page in that order.
struct ReportPage
{
    QString heading;
    QStringList paragraphs;
    std::vector<ReportChart> charts;
    // Made when the page is drawn, at the size it gets (e.g. the roadmap chart); owned by the writer then.
    std::function<QWidget *()> makeWidget;
    std::vector<ReportTable> tables;
};

struct ReportContent
{
    QString title; // e.g. "AISC Operations Report"
    QString subtitle; // the centre's name
    QStringList facts; // lines under the title: range, generated at, source, freshness
    std::vector<ReportPage> pages; // after the title page
};

// A multi-page PDF report: a title page with the contents, then one page per ReportPage, each with
// page numbers ("Page 2 of 7") in the footer. Text stays text and charts vectors; the fonts used
// (Noto Sans CJK TC for Chinese) are embedded.
class ReportWriter
{
    Q_DECLARE_TR_FUNCTIONS(ReportWriter)
public:
    // Writes the report to path; on error says what failed, naming the path.
    static bool write(
        const ReportContent &content, const QString &path, QPageSize::PageSizeId pageSize, QString *error);
    // Pages written for content: the title page and one per ReportPage.
    static int pageCount(const ReportContent &content) { return 1 + int(content.pages.size()); }
};
