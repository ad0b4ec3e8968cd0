#pragma once

#include "GpuPeakTable.h"

#include <QDate>
#include <QString>

#include <optional>
#include <vector>

// The centre's capacity roadmap (resources/roadmap.json, editable by the centre).
struct RoadmapMilestone
{
    QString id;
    QDate date;
    double pflops = 0;
    int rampDays = 0; // commissioning time before the date over which nodes come online
    QString labelEn;
    QString labelZhHk;

    QString label(const QString &language) const
    {
        return language.startsWith(QLatin1String("zh")) && !labelZhHk.isEmpty() ? labelZhHk : labelEn;
    }
};

class Roadmap
{
public:
    // Loads a roadmap file; on failure returns std::nullopt and sets *error to a message naming the file.
    static std::optional<Roadmap> load(const QString &path, QString *error);
    // The roadmap shipped in the resources.
    static const Roadmap &builtIn();

    const std::vector<RoadmapMilestone> &milestones() const { return m_milestones; }
    QString centreName(const QString &language) const;
    // Where the figures come from, e.g. "Cyberport press release, 22 November 2024".
    QString source() const { return m_source; }
    // The precision the milestones are stated at ("precision": "fp16" or "fp8"); dense FP16/BF16 unless
    // the file says otherwise. Installed capacity is compared with them at this precision only.
    Precision precision() const { return m_precision; }
    QString gpuModel() const { return m_gpuModel; }
    int gpusPerNode() const { return m_gpusPerNode; }
    // The first milestone dated on or after the day of msSinceEpoch (UTC); the last one once all are past.
    const RoadmapMilestone &nextMilestone(qint64 msSinceEpoch) const;
    double finalPflops() const { return m_milestones.back().pflops; }

private:
    std::vector<RoadmapMilestone> m_milestones;
    QString m_centreEn;
    QString m_centreZhHk;
    QString m_source;
    Precision m_precision = Precision::DenseFp16Bf16;
    QString m_gpuModel;
    int m_gpusPerNode = 8;
};
