#pragma once

class QCategoryAxis;
class QChart;
class QFont;
class QValueAxis;

// How every time chart of the dashboard looks before it has data: margins, no animation, legend
// below, a bold title a little larger than the widget's font, time along the bottom (labels on their
// ticks) and values on the left from 0. Shared by ChartPanel and RoadmapChart.
namespace ChartStyle {

void setUpTimeChart(QChart *chart, QCategoryAxis *timeAxis, QValueAxis *valueAxis, const QFont &widgetFont);

} // namespace ChartStyle
