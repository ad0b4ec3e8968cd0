#include "ChartStyle.h"

#include <QCategoryAxis>
#include <QChart>
#include <QFont>
#include <QLegend>
#include <QValueAxis>

void ChartStyle::setUpTimeChart(
    QChart *chart, QCategoryAxis *timeAxis, QValueAxis *valueAxis, const QFont &widgetFont)
{
    chart->setMargins(QMargins(4, 4, 4, 4));
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->legend()->setAlignment(Qt::AlignBottom);
    QFont titleFont = chart->titleFont();
    titleFont.setBold(true);
    titleFont.setPointSizeF(widgetFont.pointSizeF() * 1.15);
    chart->setTitleFont(titleFont);
    timeAxis->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    chart->addAxis(timeAxis, Qt::AlignBottom);
    chart->addAxis(valueAxis, Qt::AlignLeft);
    valueAxis->setRange(0, 1);
    valueAxis->setLabelFormat(QStringLiteral("%.0f"));
}
