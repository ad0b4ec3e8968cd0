#include "CommandLine.h"
#include "CrashReport.h"
#include "Dashboard.h"
#include "DashboardConfig.h"
#include "DashboardMetrics.h"
#include "ExportRunner.h"
#include "Translations.h"

#include <QApplication>
#include <QFont>

#include <cstdio>

namespace {
QStringList argumentsOf(int argc, char **argv)
{
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments.append(QString::fromLocal8Bit(argv[i]));
    return arguments;
}

// The language asked for with --lang, if valid, so that help and errors are in it too.
QString requestedLanguage(const QStringList &arguments)
{
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString &argument = arguments.at(i);
        QString value;
        if (argument.startsWith(QLatin1String("--lang=")))
            value = argument.mid(7);
        else if ((argument == QLatin1String("--lang") || argument == QLatin1String("-lang"))
            && i + 1 < arguments.size())
            value = arguments.at(i + 1);
        if (CommandLine::supportedLanguages().contains(value))
            return value;
    }
    return {};
}
} // namespace

int main(int argc, char **argv)
{
    CrashReport::install();
    const QStringList arguments = argumentsOf(argc, argv);

    // Parse before any display is needed: --help, --version and bad arguments work on a plain terminal.
    // A bad config file is a bad input like a bad argument: its message names the file, key and value.
    CommandLineResult parsed;
    std::optional<DashboardConfig> config;
    QString configError;
    {
        QCoreApplication core(argc, argv);
        QCoreApplication::setApplicationName(QStringLiteral("aisc-dashboard"));
        QCoreApplication::setOrganizationName(QStringLiteral("AISC"));
        QCoreApplication::setApplicationVersion(QLatin1String(AISC_VERSION));
        installTranslations(requestedLanguage(arguments));
        parsed = CommandLine::parse(arguments);
        if (parsed.status == CommandLineResult::Status::Run
            || parsed.status == CommandLineResult::Status::Export) {
            const bool named = !parsed.options.configPath.isEmpty();
            config = DashboardConfig::load(
                named ? parsed.options.configPath : DashboardConfig::defaultPath(), named, &configError);
        }
    }
    switch (parsed.status) {
    case CommandLineResult::Status::Help:
    case CommandLineResult::Status::Version:
        std::fputs(qPrintable(parsed.output + QLatin1Char('\n')), stdout);
        return 0;
    case CommandLineResult::Status::Error:
        std::fputs(qPrintable(parsed.output + QLatin1Char('\n')), stderr);
        return 2;
    case CommandLineResult::Status::Run:
    case CommandLineResult::Status::Export:
        break;
    }
    if (!config) {
        std::fputs(qPrintable(configError + QLatin1Char('\n')), stderr);
        return 2;
    }
    if (parsed.options.language.isEmpty())
        parsed.options.language = config->language;

    const bool exporting = parsed.status == CommandLineResult::Status::Export;
    // An export needs no display: from cron or over ssh it renders offscreen.
    if (exporting && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    if (exporting) {
        // What an export says goes through its own messages; Qt's remarks about the offscreen
        // platform or a missing runtime folder would only clutter a cron mail. Errors still show.
        qInstallMessageHandler([](QtMsgType type, const QMessageLogContext &, const QString &message) {
            if (type == QtCriticalMsg || type == QtFatalMsg)
                std::fputs(qPrintable(message + QLatin1Char('\n')), stderr);
        });
    }

    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("aisc-dashboard"));
    QApplication::setOrganizationName(QStringLiteral("AISC"));
    QApplication::setApplicationDisplayName(QApplication::translate("main", "AISC Operations Dashboard"));
    QApplication::setApplicationVersion(QLatin1String(AISC_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("hk.cyberport.aisc.dashboard"));
    const QString language = installTranslations(parsed.options.language);
    if (language == QLatin1String("zh_HK")) {
        // Latin text keeps its usual face; Chinese falls back to Noto Sans CJK TC, not to a
        // Simplified Chinese or Japanese face with different glyph forms.
        QFont font = QApplication::font();
        font.setFamilies({ font.family(), QStringLiteral("Noto Sans CJK TC") });
        QApplication::setFont(font);
    }

    if (exporting) {
        ExportRunner runner(parsed.options, parsed.exportOptions, *config);
        runner.setMessageHandler([](const QString &message) {
            std::fputs(qPrintable(message + QLatin1Char('\n')), stderr);
            std::fflush(stderr);
        });
        QObject::connect(
            &runner, &ExportRunner::finished, &app, &QCoreApplication::exit, Qt::QueuedConnection);
        runner.start();
        return app.exec();
    }

    std::unique_ptr<DashboardMetrics> metrics;
    if (!parsed.options.metricsHost.isEmpty()) {
        QString error;
        metrics = DashboardMetrics::listen(parsed.options.metricsHost, parsed.options.metricsPort, &error);
        if (!metrics) {
            std::fputs(qPrintable(error + QLatin1Char('\n')), stderr);
            return 1;
        }
    }
    Dashboard dashboard(parsed.options, *config);
    dashboard.setMetrics(metrics.get());
    dashboard.start();
    return app.exec();
}
