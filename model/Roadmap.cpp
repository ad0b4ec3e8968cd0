#include "Roadmap.h"

#include "JsonFile.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>

#include <algorithm>

std::optional<Roadmap> Roadmap::load(const QString &path, QString *error)
{
    auto fail = [&](const QString &what) {
        if (error)
            *error = QCoreApplication::translate("Roadmap", "Roadmap file %1: %2").arg(path, what);
        return std::optional<Roadmap>();
    };
    QString readError;
    const std::optional<QJsonObject> root = readJsonObject(path, &readError);
    if (!root)
        return fail(readError);

    Roadmap roadmap;
    const QJsonObject centre = root->value(QLatin1String("centre")).toObject();
    roadmap.m_centreEn = centre.value(QLatin1String("en")).toString();
    roadmap.m_centreZhHk = centre.value(QLatin1String("zh_HK")).toString();
    roadmap.m_source = root->value(QLatin1String("source")).toString();
    const QString precision = root->value(QLatin1String("precision")).toString(QStringLiteral("fp16"));
    const std::optional<Precision> parsedPrecision = parsePrecision(precision);
    if (!parsedPrecision)
        return fail(
            QCoreApplication::translate("Roadmap", "precision '%1': expected fp16 or fp8").arg(precision));
    roadmap.m_precision = *parsedPrecision;
    const QJsonObject simulation = root->value(QLatin1String("simulation")).toObject();
    roadmap.m_gpuModel = simulation.value(QLatin1String("gpuModel")).toString();
    roadmap.m_gpusPerNode = simulation.value(QLatin1String("gpusPerNode")).toInt(8);
    if (roadmap.m_gpusPerNode < 1)
        return fail(QCoreApplication::translate("Roadmap", "gpusPerNode must be at least 1"));

    const QJsonArray milestones = root->value(QLatin1String("milestones")).toArray();
    for (const QJsonValueConstRef value : milestones) {
        const QJsonObject object = value.toObject();
        RoadmapMilestone milestone;
        milestone.id = object.value(QLatin1String("id")).toString();
        milestone.date = QDate::fromString(object.value(QLatin1String("date")).toString(), Qt::ISODate);
        milestone.pflops = object.value(QLatin1String("pflops")).toDouble(-1);
        milestone.rampDays = object.value(QLatin1String("rampDays")).toInt(0);
        const QJsonObject label = object.value(QLatin1String("label")).toObject();
        milestone.labelEn = label.value(QLatin1String("en")).toString();
        milestone.labelZhHk = label.value(QLatin1String("zh_HK")).toString();
        if (!milestone.date.isValid())
            return fail(QCoreApplication::translate(
                "Roadmap", "milestone '%1' has no valid date (expected YYYY-MM-DD)")
                            .arg(milestone.id));
        if (milestone.pflops <= 0)
            return fail(QCoreApplication::translate("Roadmap", "milestone '%1' needs a positive pflops value")
                            .arg(milestone.id));
        if (!roadmap.m_milestones.empty()
            && (milestone.date <= roadmap.m_milestones.back().date
                || milestone.pflops < roadmap.m_milestones.back().pflops))
            return fail(QCoreApplication::translate("Roadmap",
                "milestone '%1' must come after the previous one and not "
                "lower its capacity")
                            .arg(milestone.id));
        roadmap.m_milestones.push_back(milestone);
    }
    if (roadmap.m_milestones.empty())
        return fail(QCoreApplication::translate("Roadmap", "no milestones"));
    return roadmap;
}

const Roadmap &Roadmap::builtIn()
{
    static const Roadmap roadmap = loadBuiltInResource<Roadmap>(QStringLiteral(":/aisc/roadmap.json"));
    return roadmap;
}

QString Roadmap::centreName(const QString &language) const
{
    return language.startsWith(QLatin1String("zh")) && !m_centreZhHk.isEmpty() ? m_centreZhHk : m_centreEn;
}

const RoadmapMilestone &Roadmap::nextMilestone(qint64 msSinceEpoch) const
{
    const QDate today = QDateTime::fromMSecsSinceEpoch(msSinceEpoch, Qt::UTC).date();
    const auto it = std::find_if(
        m_milestones.begin(), m_milestones.end(), [&](const RoadmapMilestone &m) { return m.date >= today; });
    return it == m_milestones.end() ? m_milestones.back() : *it;
}
