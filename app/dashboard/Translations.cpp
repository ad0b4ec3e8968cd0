#include "Translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

#include <memory>
#include <vector>

namespace {
// The translators in effect, removed when another language is chosen at run time, and deleted at
// exit at the latest.
std::vector<std::unique_ptr<QTranslator>> &installed()
{
    static std::vector<std::unique_ptr<QTranslator>> translators;
    return translators;
}
} // namespace

QString installTranslations(const QString &language)
{
    // Removing a translator sends every widget a LanguageChange: they retranslate themselves.
    for (const std::unique_ptr<QTranslator> &translator : installed())
        QCoreApplication::removeTranslator(translator.get());
    installed().clear();
    QString effective = language;
    if (effective.isEmpty()) {
        // Any Chinese locale of Hong Kong, Macao or Taiwan reads Traditional Chinese best.
        const QLocale system;
        effective
            = system.language() == QLocale::Chinese && system.script() == QLocale::TraditionalChineseScript
            ? QStringLiteral("zh_HK")
            : QStringLiteral("en");
    }
    if (effective == QLatin1String("en")) {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
        return effective;
    }

    QLocale::setDefault(QLocale(QLocale::Chinese, QLocale::TraditionalChineseScript, QLocale::HongKong));
    // Owned here, not by the application object: main() installs once with a short-lived
    // QCoreApplication (for --help in the chosen language), then again with the real one.
    auto install = [](std::unique_ptr<QTranslator> translator) {
        QCoreApplication::installTranslator(translator.get());
        installed().push_back(std::move(translator));
    };
    auto own = std::make_unique<QTranslator>();
    if (own->load(QStringLiteral(":/aisc/i18n/aisc_zh_HK.qm")))
        install(std::move(own));
    else
        qWarning("The zh_HK translation is missing from the resources; showing English.");
    // Qt's own strings (dialog buttons, shortcuts). Qt ships Traditional Chinese as zh_TW; where Qt's
    // translations are not installed there are none to load.
    auto qt = std::make_unique<QTranslator>();
    if (qt->load(QLocale(QLocale::Chinese, QLocale::TraditionalChineseScript, QLocale::Taiwan),
            QStringLiteral("qt"), QStringLiteral("_"), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        install(std::move(qt));
    return effective;
}
