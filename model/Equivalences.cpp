#include "Equivalences.h"

#include "JsonFile.h"
#include "UnitFormatter.h"

#include <QJsonArray>
#include <QJsonObject>

#include <cmath>

namespace {

double roundToSignificant(double value, int digits)
{
    if (value <= 0)
        return 0;
    const double magnitude = std::pow(10.0, std::floor(std::log10(value)) + 1 - digits);
    return std::round(value / magnitude) * magnitude;
}

// At most one decimal, and none when it is zero: "9.9", "11", "40".
QString shortNumber(double value, const QLocale &locale)
{
    const double rounded = std::round(value * 10) / 10;
    return locale.toString(rounded, 'f', rounded == std::floor(rounded) ? 0 : 1);
}

} // namespace

std::optional<Equivalences> Equivalences::load(const QString &path, QString *error)
{
    auto fail = [&](const QString &what) {
        if (error)
            *error = tr("Equivalences file %1: %2").arg(path, what);
        return std::optional<Equivalences>();
    };
    QString readError;
    const std::optional<QJsonObject> root = readJsonObject(path, &readError);
    if (!root)
        return fail(readError);
    Equivalences equivalences;
    // The source names the release: a string, or one per language ({"en": ..., "zh_HK": ...}).
    const QJsonValue source = root->value(QLatin1String("source"));
    equivalences.m_source
        = source.isObject() ? source.toObject().value(QLatin1String("en")).toString() : source.toString();
    equivalences.m_sourceZhHk = source.toObject().value(QLatin1String("zh_HK")).toString();
    equivalences.m_referencePflops = root->value(QLatin1String("atPflops")).toDouble(-1);
    if (!(equivalences.m_referencePflops > 0))
        return fail(tr("atPflops: expected the capacity the figures hold at, a positive number of PFLOPS"));
    const QJsonArray items = root->value(QLatin1String("perHour")).toArray();
    for (const QJsonValueConstRef value : items) {
        const QJsonObject object = value.toObject();
        Equivalence item;
        item.id = object.value(QLatin1String("id")).toString();
        item.perHour = object.value(QLatin1String("value")).toDouble(-1);
        if (!knownIds().contains(item.id))
            return fail(tr("id '%1': expected one of %2").arg(item.id, knownIds().join(QLatin1String(", "))));
        if (!(item.perHour > 0))
            return fail(tr("'%1' needs a positive value per hour").arg(item.id));
        equivalences.m_items.push_back(item);
    }
    if (equivalences.m_items.empty())
        return fail(tr("perHour: expected at least one equivalence"));
    return equivalences;
}

const Equivalences &Equivalences::builtIn()
{
    static const Equivalences equivalences
        = loadBuiltInResource<Equivalences>(QStringLiteral(":/aisc/equivalences.json"));
    return equivalences;
}

QStringList Equivalences::knownIds()
{
    return { QStringLiteral("images"), QStringLiteral("speech_translation_hours"),
        QStringLiteral("driving_km") };
}

std::vector<ScaledEquivalence> Equivalences::scaledTo(double installedPflops, const QLocale &locale) const
{
    std::vector<ScaledEquivalence> scaled;
    if (std::isnan(installedPflops) || installedPflops <= 0)
        return scaled;
    for (const Equivalence &item : m_items) {
        ScaledEquivalence result;
        result.id = item.id;
        result.perHour = item.perHour * installedPflops / m_referencePflops;
        result.value = formatCount(result.perHour, locale);
        if (item.id == QLatin1String("images"))
            //: Under a number on the presentation's equivalences slide, e.g. "9.9 billion" / "images
            //: processed"
            result.caption = tr("images processed");
        else if (item.id == QLatin1String("speech_translation_hours"))
            result.caption = tr("hours of speech translated");
        else
            //: Kilometres of recorded driving data processed (for training self-driving cars)
            result.caption = tr("km of autonomous-driving data");
        scaled.push_back(result);
    }
    return scaled;
}

QString Equivalences::footnote(const QLocale &locale) const
{
    //: Footnote of the presentation's equivalences slide; %1 the source, %2 e.g. "3,000 PFLOPS"
    return tr("Per hour of compute. Source: %1. The release's figures (almost 10 billion images, over 11 "
              "million hours of speech translation, over 40,000 km of autonomous-driving data) are taken as "
              "the %2 phase and scaled linearly to the capacity installed.")
        .arg(locale.language() == QLocale::Chinese && !m_sourceZhHk.isEmpty() ? m_sourceZhHk : m_source,
            UnitFormatter::format(m_referencePflops, QStringLiteral("PFLOPS"), locale));
}

QString Equivalences::formatCount(double value, const QLocale &locale)
{
    if (std::isnan(value))
        return UnitFormatter::formatValue(value, QString(), locale);
    const double rounded = roundToSignificant(value, 2);
    if (locale.language() == QLocale::Chinese) {
        // Chinese counts in 萬 (10^4) and 億 (10^8), not in thousands and millions.
        if (rounded >= 1e8)
            return shortNumber(rounded / 1e8, locale) + QStringLiteral("億");
        if (rounded >= 1e4)
            return shortNumber(rounded / 1e4, locale) + QStringLiteral("萬");
        return locale.toString(qint64(rounded));
    }
    if (rounded >= 1e9)
        //: A count in billions (10^9), e.g. "9.9 billion"
        return tr("%1 billion").arg(shortNumber(rounded / 1e9, locale));
    if (rounded >= 1e6)
        //: A count in millions (10^6), e.g. "11 million"
        return tr("%1 million").arg(shortNumber(rounded / 1e6, locale));
    return locale.toString(qint64(rounded));
}
