#include "Translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

QString installTranslations(QCoreApplication &app, const QString &language)
{
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
    auto *own = new QTranslator(&app);
    if (own->load(QStringLiteral(":/aisc/i18n/aisc_zh_HK.qm")))
        QCoreApplication::installTranslator(own);
    else
        qWarning("The zh_HK translation is missing from the resources; showing English.");
    // Qt's own strings (dialog buttons, shortcuts). Qt ships Traditional Chinese as zh_TW.
    auto *qt = new QTranslator(&app);
    if (qt->load(QLocale(QLocale::Chinese, QLocale::TraditionalChineseScript, QLocale::Taiwan),
            QStringLiteral("qt"), QStringLiteral("_"), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    return effective;
}
