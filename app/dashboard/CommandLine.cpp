#include "CommandLine.h"

#include "DashboardConfig.h"
#include "ViewRange.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>

QStringList CommandLine::supportedLanguages()
{
    return { QStringLiteral("en"), QStringLiteral("zh_HK") };
}

CommandLineResult CommandLine::parse(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr(
        "AISC Operations Dashboard: live capacity, GPU utilisation and job queues of the Cyberport AI "
        "Supercomputing Centre. Without a configured Prometheus it runs on the built-in simulated centre."));
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const QCommandLineOption helpOption = parser.addHelpOption();
    const QCommandLineOption versionOption = parser.addVersionOption();
    const QCommandLineOption demoOption(QStringLiteral("demo"), tr("Run on the built-in simulated centre."));
    const QCommandLineOption cacheOption(QStringLiteral("cache"),
        tr("Keep the local cache in FILE instead of the default location."), tr("FILE"));
    const QCommandLineOption langOption(
        QStringLiteral("lang"), tr("Interface language: en or zh_HK (default: the system's)."), tr("LANG"));
    const QCommandLineOption prometheusOption(QStringLiteral("prometheus"),
        tr("Read the Prometheus-compatible server at URL (with any path prefix), e.g. "
           "http://127.0.0.1:9090."),
        tr("URL"));
    const QCommandLineOption configOption(QStringLiteral("config"),
        tr("Read the configuration from FILE (INI) instead of the default location."), tr("FILE"));
    parser.addOption(prometheusOption);
    parser.addOption(configOption);
    parser.addOption(demoOption);
    parser.addOption(cacheOption);
    const QCommandLineOption rangeOption(QStringLiteral("range"),
        tr("Time range shown at start: 1h, 6h, 24h, 7d, 30d, 90d or 1y (default: the config's, or 24h)."),
        tr("RANGE"));
    parser.addOption(langOption);
    parser.addOption(rangeOption);

    CommandLineResult result;
    auto error = [&](const QString &message) {
        result.status = CommandLineResult::Status::Error;
        result.output = message + QLatin1Char('\n')
            + tr("Try '%1 --help' for the options.").arg(QFileInfo(arguments.value(0)).fileName());
        return result;
    };

    if (!parser.parse(arguments))
        return error(parser.errorText());
    if (parser.isSet(helpOption)) {
        result.status = CommandLineResult::Status::Help;
        result.output = parser.helpText();
        return result;
    }
    if (parser.isSet(versionOption)) {
        result.status = CommandLineResult::Status::Version;
        result.output = QStringLiteral("aisc-dashboard ") + QLatin1String(AISC_VERSION);
        return result;
    }
    if (!parser.positionalArguments().isEmpty())
        return error(tr("Unexpected argument '%1'.").arg(parser.positionalArguments().constFirst()));

    result.options.demo = parser.isSet(demoOption);
    if (parser.isSet(prometheusOption)) {
        if (result.options.demo)
            return error(tr("--demo and --prometheus exclude each other: choose one source."));
        QString urlError;
        const std::optional<QUrl> url
            = DashboardConfig::parseServerUrl(parser.value(prometheusOption), &urlError);
        if (!url)
            return error(QStringLiteral("--prometheus: ") + urlError);
        result.options.prometheusUrl = *url;
    }
    if (parser.isSet(configOption)) {
        const QFileInfo info(parser.value(configOption));
        if (!info.isFile())
            return error(tr("--config %1: no such file.").arg(parser.value(configOption)));
        result.options.configPath = info.absoluteFilePath();
    }

    if (parser.isSet(langOption)) {
        const QString language = parser.value(langOption);
        if (!supportedLanguages().contains(language))
            return error(tr("Unsupported language '%1' for --lang: expected one of %2.")
                             .arg(language, supportedLanguages().join(QLatin1String(", "))));
        result.options.language = language;
    }

    if (parser.isSet(rangeOption)) {
        const QString range = parser.value(rangeOption).trimmed().toLower();
        if (ViewRange::presetFromString(range) == ViewRange::Preset::Custom)
            return error(
                tr("Unsupported time range '%1' for --range: expected 1h, 6h, 24h, 7d, 30d, 90d or 1y.")
                    .arg(parser.value(rangeOption)));
        result.options.range = range;
    }

    if (parser.isSet(cacheOption)) {
        const QString path = parser.value(cacheOption);
        const QFileInfo info(path);
        if (path.isEmpty())
            return error(tr("--cache needs a file path."));
        if (info.isDir())
            return error(tr("--cache %1 is a directory: expected the path of a cache file.").arg(path));
        if (!info.absoluteDir().exists())
            return error(tr("--cache %1: the folder %2 does not exist.").arg(path, info.absolutePath()));
        result.options.cachePath = info.absoluteFilePath();
    }
    return result;
}
