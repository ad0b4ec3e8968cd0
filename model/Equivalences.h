#pragma once

#include <QCoreApplication>
#include <QLocale>
#include <QString>

#include <optional>
#include <vector>

// What one hour of the centre's compute is roughly equivalent to (resources/equivalences.json): the
// figures of the Cyberport press release of 22 November 2024, which does not say at which phase they
// hold. They are taken as the figures at atPflops (3,000 PFLOPS) and scaled linearly to the capacity
// installed.
struct Equivalence
{
    QString id; // images, speech_translation_hours, driving_km
    double perHour = 0; // at the reference capacity
};

// One equivalence scaled to a capacity, with its texts in the language installed.
struct ScaledEquivalence
{
    QString id;
    double perHour = 0;
    QString value; // e.g. "9.9 billion", "99億"
    QString caption; // e.g. "images processed"
};

class Equivalences
{
    Q_DECLARE_TR_FUNCTIONS(Equivalences)
public:
    // Loads an equivalences file; on failure std::nullopt and *error names the file and what was wrong.
    static std::optional<Equivalences> load(const QString &path, QString *error);
    // The file shipped in the resources.
    static const Equivalences &builtIn();
    // The ids a file may use: each has its caption here.
    static QStringList knownIds();

    const std::vector<Equivalence> &items() const { return m_items; }
    double referencePflops() const { return m_referencePflops; }
    QString source() const { return m_source; }

    // Every equivalence at installedPflops (linear in capacity); empty for NaN or no capacity.
    std::vector<ScaledEquivalence> scaledTo(double installedPflops, const QLocale &locale = QLocale()) const;
    // Says where the figures come from and how they were scaled, to show wherever they are.
    QString footnote(const QLocale &locale = QLocale()) const;
    // A count rounded to two significant figures, in the words of the locale's language: "9.9 billion",
    // "11 million", "40,000" in English; "99億", "1,100萬", "4萬" in Chinese.
    static QString formatCount(double value, const QLocale &locale = QLocale());

private:
    std::vector<Equivalence> m_items;
    double m_referencePflops = 3000;
    QString m_source;
    QString m_sourceZhHk;
};
